/**
 * @module Zod schemas of the learning-network API: a network and its settings, invitations,
 * joining from a workspace, and the overview, learning, workbook and handout a facilitator
 * reads. Every list and string has a bound; the web app uses the same schemas.
 */
import { z } from 'zod'
import { CELL_STATUSES, MIN_GROUP_SIZE_FLOOR, NETWORK_LIMITS } from '../domain/network.ts'
import { GROUPS } from '../domain/vocabulary.ts'
import { CHANGES, PLAN_STATUSES } from '../domain/workspace.ts'

const Id = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'not an id of this service')
const Name = z.string().trim().min(1, 'name may not be empty').max(NETWORK_LIMITS.name, `name may be at most ${NETWORK_LIMITS.name} characters`)
const MinGroupSize = z
  .number()
  .int('minGroupSize must be a whole number')
  .min(MIN_GROUP_SIZE_FLOOR, `minGroupSize may not be below ${MIN_GROUP_SIZE_FLOOR}: smaller groups could show one person's answers`)
  .max(NETWORK_LIMITS.minGroupSize)
const Lang = z.enum(['nl', 'en']).default('nl')

export const NetworkParam = z.object({ id: Id })
export const NetworkCreate = z.strictObject({ name: Name, minGroupSize: MinGroupSize.optional() })
export const NetworkPatch = z.strictObject({ name: Name, minGroupSize: MinGroupSize }).partial()

export const NetworkCreated = z.object({
  id: z.string(),
  facilitatorToken: z.string(),
  links: z.object({ network: z.string() }),
})

export const NetworkOut = z.object({
  id: z.string(),
  name: z.string(),
  minGroupSize: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The outer network this one is part of (its facilitator sees this one pooled). */
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  schools: z.array(z.object({ workspace: z.string(), name: z.string(), joinedAt: z.number() })),
  networks: z.array(z.object({ id: z.string(), name: z.string() })),
})

export const InvitationCreated = z.object({
  inviteToken: z.string(),
  expiresAt: z.number(),
  links: z.object({ join: z.string() }),
})

/** The token of an invitation link (`swi_…`). */
const InviteToken = z.string().regex(/^swi_[A-Za-z0-9_-]{32}$/, 'not an invitation of this service')
export const JoinIn = z.strictObject({ inviteToken: InviteToken })
export const Joined = z.object({ network: z.object({ id: z.string(), name: z.string() }), joined: z.boolean() })
export const LeaveQuery = z.strictObject({ network: Id })
export const WorkspaceNetworks = z.object({ networks: z.array(z.object({ id: z.string(), name: z.string(), joinedAt: z.number() })) })

export const OverviewQuery = z.strictObject({
  round: z.string().trim().min(1).max(NETWORK_LIMITS.roundLabel).optional(),
  group: z.enum(GROUPS).optional(),
  lang: Lang,
})
export const LangOnlyQuery = z.strictObject({ lang: Lang })

const Cell = z.object({
  number: z.number().int(),
  negativeShare: z.number().nullable(),
  positiveShare: z.number().nullable(),
  status: z.enum(CELL_STATUSES),
})
const Change = z.object({ number: z.number().int(), change: z.enum(CHANGES), negativeDelta: z.number().nullable() })
const Strategy = z.object({ strategy: z.string(), name: z.string(), status: z.enum(PLAN_STATUSES) })

export const OverviewOut = z.object({
  network: z.object({ id: z.string(), name: z.string(), minGroupSize: z.number().int() }),
  round: z.string().nullable(),
  group: z.enum(GROUPS).nullable(),
  rounds: z.array(z.string()),
  /** The determinants of the knowledge base (in the group filter), with their names. */
  determinants: z.array(z.object({ number: z.number().int(), name: z.string(), group: z.enum(GROUPS) })),
  schools: z.array(
    z.object({
      workspace: z.string(),
      name: z.string(),
      round: z.string().nullable(),
      n: z.number().int(),
      /** Answers added or removed since the figures shown: held back until enough changed (docs/networks.md). */
      heldBack: z.number().int().optional(),
      suppressed: z.boolean(),
      determinants: z.array(Cell).optional(),
      strategies: z.array(Strategy),
      change: z.object({ from: z.string(), determinants: z.array(Change) }).optional(),
    })
  ),
  networks: z.array(
    z.object({
      network: z.string(),
      name: z.string(),
      schools: z.number().int(),
      n: z.number().int(),
      suppressed: z.boolean(),
      determinants: z.array(Cell).optional(),
    })
  ),
  sharedBarriers: z.array(z.object({ number: z.number().int(), barrier: z.number().int(), of: z.number().int() })),
  total: z.object({ rows: z.number().int(), n: z.number().int(), determinants: z.array(Cell) }).nullable(),
})
export type OverviewOut = z.infer<typeof OverviewOut>

const Tally = z.object({ number: z.number().int(), improved: z.number().int(), worsened: z.number().int(), unchanged: z.number().int() })

export const LearningOut = z.object({
  round: z.string().nullable(),
  strategies: z.array(
    z.object({
      strategy: z.string(),
      name: z.string(),
      /** The knowledge base's determinants for this strategy, to show beside the network's practice. */
      linked: z.array(z.number().int()),
      schools: z.array(
        z.object({
          workspace: z.string(),
          name: z.string(),
          status: z.enum(PLAN_STATUSES),
          suppressed: z.boolean(),
          changes: z.array(Change).optional(),
        })
      ),
      networks: z.array(z.object({ network: z.string(), name: z.string(), schools: z.number().int() })),
      determinants: z.array(Tally),
    })
  ),
})
export type LearningOut = z.infer<typeof LearningOut>

export const WorkbookOut = z.object({
  sheets: z.array(z.object({ name: z.string(), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))) })),
})

export const HandoutOut = z.object({
  network: z.string(),
  round: z.string().nullable(),
  minGroupSize: z.number().int(),
  sharedBarriers: z.array(z.object({ number: z.number().int(), name: z.string(), barrier: z.number().int(), of: z.number().int() })),
  rows: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['school', 'network']),
      n: z.number().int(),
      suppressed: z.boolean(),
      barriers: z.array(z.object({ number: z.number().int(), name: z.string(), negativeShare: z.number() })),
      strategies: z.array(Strategy),
    })
  ),
  learned: z.array(z.object({ strategy: z.string(), name: z.string(), running: z.number().int(), determinants: z.array(Tally) })),
})
export type HandoutOut = z.infer<typeof HandoutOut>
