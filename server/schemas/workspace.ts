/**
 * @module Zod schemas of the workspace API: workspaces, team links, rounds, respondents'
 * submissions, the plan per round, the comparison of two rounds and the export file. Every
 * list and string has a bound; the web app uses the same schemas.
 */
import { z } from 'zod'
import { ACTORS, EFFORTS, PHASES, RESPONDENTS } from '../domain/vocabulary.ts'
import { CHANGES, PLAN_STATUSES, ROUND_STATES, SPEC_FIELDS } from '../domain/workspace.ts'
import { RANKING_ORDERS } from '../domain/feasibility.ts'
import { parseSchoolYear, PLAN_REGIONS } from '../domain/school-year.ts'
import { WEIGHTINGS } from '../domain/ranking.ts'
import { STATUSES } from '../domain/scoring.ts'
import { MIN_GROUP_SIZE_FLOOR, NETWORK_LIMITS } from '../domain/network.ts'
import { SUPPRESSION_REASONS } from '../domain/subgroups.ts'
import { Answers, DeterminantScoreOut, ErrorResponse, MAX_RESPONDENTS, ScoreResponse } from './api.ts'
import { Slug } from './kb.ts'

/** Bounds of what a team can store: generous for a school, small enough to keep every answer small. */
export const WORKSPACE_LIMITS = {
  name: 200,
  text: 2000,
  groups: 30,
  group: 80,
  label: 120,
  /** Rounds per workspace: a school runs a baseline and a few PDSA cycles a year. */
  rounds: 50,
  tokens: 50,
  /** Strategies in one plan: more than the knowledge base holds would be a mistake. */
  planEntries: 200,
  specField: 4000,
  submissionsPerRound: MAX_RESPONDENTS,
} as const

const trimmed = (max: number, field = 'text') =>
  z.string().trim().max(max, `${field} may be at most ${max} characters`)
const required = (max: number, field: string) => trimmed(max, field).min(1, `${field} may not be empty`)

const Id = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'not an id of this service')
const Millis = z.number().int().min(0).max(8.64e15)
const Groups = z
  .array(required(WORKSPACE_LIMITS.group, 'a group'))
  .max(WORKSPACE_LIMITS.groups)
  .refine((g) => new Set(g.map((x) => x.toLocaleLowerCase())).size === g.length, 'groups must differ')

// ── Workspaces and team links ────────────────────────────────────────────────────────────

export const WorkspaceCreate = z.strictObject({
  name: required(WORKSPACE_LIMITS.name, 'name'),
  innovation: required(WORKSPACE_LIMITS.name, 'innovation'),
  contact: trimmed(WORKSPACE_LIMITS.name).default(''),
  /** The respondents' groups; the defaults in the request's language when absent. */
  groups: Groups.optional(),
  /** Who the first team link is for. */
  tokenLabel: trimmed(WORKSPACE_LIMITS.label).optional(),
})
export type WorkspaceCreate = z.infer<typeof WorkspaceCreate>

export const WorkspacePatch = z
  .strictObject({
    name: required(WORKSPACE_LIMITS.name, 'name'),
    innovation: required(WORKSPACE_LIMITS.name, 'innovation'),
    contact: trimmed(WORKSPACE_LIMITS.name),
    groups: Groups,
  })
  .partial()

export const WorkspaceParam = z.object({ id: Id })
export const RoundParam = z.object({ id: Id, roundId: Id })
export const TokenParam = z.object({ id: Id, tokenId: Id })
export const SubmissionParam = z.object({ id: Id, roundId: Id, submissionId: Id })
export const RespondentParam = z.object({ token: z.string().max(64) })

export const TeamTokenCreate = z.strictObject({ label: required(WORKSPACE_LIMITS.label, 'label') })

export const TeamTokenOut = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
  /** The token this request was made with. */
  current: z.boolean(),
})
export const TeamTokenList = z.object({ tokens: z.array(TeamTokenOut) })
export const TeamTokenCreated = TeamTokenOut.extend({
  token: z.string(),
  links: z.object({ team: z.string() }),
})

export const WorkspaceCreated = z.object({
  id: z.string(),
  teamToken: z.string(),
  links: z.object({ team: z.string() }),
})

// ── Rounds ───────────────────────────────────────────────────────────────────────────────

const Share = z.number().gt(0).max(1)
export const RoundSettingsIn = z.strictObject({
  score: z.strictObject({
    barrierShare: Share,
    facilitatorShare: Share,
    minAnswers: z.number().int().min(1).max(MAX_RESPONDENTS),
  }),
  filters: z.strictObject({
    phase: z.enum(PHASES).optional(),
    actors: z.array(z.enum(ACTORS)).max(ACTORS.length),
    maxEffort: z.enum(EFFORTS).optional(),
    mode: z.enum(['ranked', 'bundle']),
    limit: z.number().int().min(1).max(200),
    exclude: z.array(Slug).max(WORKSPACE_LIMITS.planEntries),
    inUse: z.array(Slug).max(WORKSPACE_LIMITS.planEntries),
    weighting: z.enum(WEIGHTINGS).optional(),
    publishedOnly: z.boolean().optional(),
    order: z.enum(RANKING_ORDERS).optional(),
  }),
  approach: z.array(Slug).max(WORKSPACE_LIMITS.planEntries),
  /** Groups of respondents with fewer answers are not shown on their own (default 5, never below 3). */
  minGroupSize: z
    .number()
    .int('minGroupSize must be a whole number')
    .min(MIN_GROUP_SIZE_FLOOR, `minGroupSize may not be below ${MIN_GROUP_SIZE_FLOOR}: smaller groups could show one person's answers`)
    .max(NETWORK_LIMITS.minGroupSize)
    .optional(),
})

export const RoundCreate = z.strictObject({
  label: required(WORKSPACE_LIMITS.label, 'label'),
  closesAt: Millis.nullable().optional(),
})

export const RoundPatch = z
  .strictObject({
    label: required(WORKSPACE_LIMITS.label, 'label'),
    state: z.enum(ROUND_STATES),
    closesAt: Millis.nullable(),
    settings: RoundSettingsIn,
  })
  .partial()

export const RoundOut = z.object({
  id: z.string(),
  position: z.number().int(),
  label: z.string(),
  state: z.enum(ROUND_STATES),
  /** Whether the round takes submissions now (open and before its closing date). */
  accepting: z.boolean(),
  closesAt: z.number().nullable(),
  submissionCount: z.number().int(),
  revision: z.number().int(),
  settings: RoundSettingsIn,
  planTitle: z.string(),
  planRevision: z.number().int(),
  createdAt: z.number(),
  closedAt: z.number().nullable(),
  /** The respondent token and link; null when revoked, or when this server cannot derive them. */
  respondentToken: z.string().nullable(),
  links: z.object({ respond: z.string().nullable() }),
})
export type RoundOut = z.infer<typeof RoundOut>

export const WorkspaceOut = z.object({
  id: z.string(),
  name: z.string(),
  innovation: z.string(),
  contact: z.string(),
  groups: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
  rounds: z.array(RoundOut),
})
export type WorkspaceOut = z.infer<typeof WorkspaceOut>

// ── Respondents ──────────────────────────────────────────────────────────────────────────

export const SubmissionIn = z.strictObject({
  /** Made by the respondent's browser once per questionnaire: a retry sends the same id. */
  submissionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _'),
  role: z.enum(RESPONDENTS).default('user'),
  group: trimmed(WORKSPACE_LIMITS.group).optional(),
  answers: Answers,
})
export type SubmissionIn = z.infer<typeof SubmissionIn>

/** Only whether the answers arrived: a respondent learns nothing of the round or of others. */
export const SubmissionReceipt = z.object({ status: z.enum(['stored', 'already-stored']) })

export const RespondentView = z.object({
  workspace: z.object({ name: z.string(), innovation: z.string(), groups: z.array(z.string()) }),
  round: z.object({ label: z.string(), accepting: z.boolean(), closesAt: z.number().nullable() }),
})

export const SubmissionOut = z.object({
  id: z.string(),
  role: z.enum(RESPONDENTS),
  group: z.string().nullable(),
  answers: z.record(z.string(), z.number().int().nullable()),
  receivedAt: z.number(),
})
export const SubmissionList = z.object({ submissions: z.array(SubmissionOut) })

export const RoundProfileQuery = z.strictObject({
  lang: z.enum(['nl', 'en']).default('nl'),
  /** Only the submissions of this group. */
  group: trimmed(WORKSPACE_LIMITS.group).optional(),
})

const RoundRef = z.object({ id: z.string(), label: z.string(), revision: z.number().int() })
export const RoundProfile = ScoreResponse.extend({ round: RoundRef })

export const SubgroupQuery = z.strictObject({ lang: z.enum(['nl', 'en']).default('nl') })

/** The tidy export: one round, or every round of the workspace when `round` is absent. */
export const TidyExportQuery = z.strictObject({ lang: z.enum(['nl', 'en']).default('nl'), round: Id.optional() })

/** The round's profile per group of respondents; groups and cells below the minimum carry no numbers. */
export const SubgroupProfiles = z.object({
  round: RoundRef,
  /** The minimum in force: never below 3. */
  minGroupSize: z.number().int(),
  respondents: z.number().int(),
  groups: z.array(
    z.object({
      /** null: the submissions that named no group. */
      group: z.string().nullable(),
      n: z.number().int(),
      /** Why the group is not shown: `too-few` answers, or it `could-be-derived` from the total and the others. */
      suppressed: z.enum(SUPPRESSION_REASONS).nullable(),
      /** Absent when the group is suppressed. */
      determinants: z.array(DeterminantScoreOut.extend({ suppressed: z.enum(SUPPRESSION_REASONS).nullable() })).optional(),
      barriers: z.array(z.number().int()).optional(),
    })
  ),
})
export type SubgroupProfiles = z.infer<typeof SubgroupProfiles>

// ── Plan ─────────────────────────────────────────────────────────────────────────────────

export const Specification = z.strictObject(
  Object.fromEntries(SPEC_FIELDS.map((f) => [f, z.string().max(WORKSPACE_LIMITS.specField).default('')])) as Record<
    (typeof SPEC_FIELDS)[number],
    z.ZodDefault<z.ZodString>
  >
)

const Rating = z.number().int('a rating is a whole number from 1 to 5').min(1).max(5)

/** The team's own ratings and timing of a strategy (all optional; see PlanSchedule). */
const ScheduleFields = {
  feasibility: Rating.optional(),
  importance: Rating.optional(),
  phase: z.enum(PHASES).optional(),
  /** Calendar month the strategy starts, 1 = January … 12 = December. */
  startMonth: z.number().int().min(1).max(12).optional(),
  /** How many months it runs, within one school year. */
  months: z.number().int().min(1).max(12).optional(),
}

export const PlanEntryIn = z.strictObject({
  strategy: Slug,
  status: z.enum(PLAN_STATUSES).default('planned'),
  spec: Specification,
  barriers: z.array(z.number().int().min(1).max(29)).max(29).default([]),
  ...ScheduleFields,
})

/** A school year such as `2026-2027`: two years, the second one after the first. */
export const SchoolYear = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'a school year such as 2026-2027')
  .refine((s) => parseSchoolYear(s) !== null, 'a school year such as 2026-2027: the second year follows the first')

/** Where the plan's timeline runs: its holiday region and school year. */
const CalendarFields = {
  /** The holiday region of the timeline; 'none' shows no holidays. */
  region: z.enum(PLAN_REGIONS),
  /** The school year of the timeline; null: the one containing today. */
  schoolYear: SchoolYear.nullable(),
}

export const PlanIn = z
  .strictObject({
    title: trimmed(WORKSPACE_LIMITS.name).default(''),
    /** Left out: the timeline's region and school year stay as they are. */
    region: CalendarFields.region.optional(),
    schoolYear: CalendarFields.schoolYear.optional(),
    /** The revision this plan was edited from: a save over someone else's newer save is refused. */
    baseRevision: z.number().int().min(0),
    entries: z.array(PlanEntryIn).max(WORKSPACE_LIMITS.planEntries),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>()
    plan.entries.forEach((e, i) => {
      if (seen.has(e.strategy)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'strategy'], message: `strategy '${e.strategy}' is in the plan twice` })
      seen.add(e.strategy)
    })
  })

export const PlanOut = z.object({
  title: z.string(),
  revision: z.number().int(),
  ...CalendarFields,
  entries: z.array(
    z.object({
      strategy: z.string(),
      status: z.enum(PLAN_STATUSES),
      spec: z.record(z.string(), z.string()),
      barriers: z.array(z.number().int()),
      ...ScheduleFields,
      /** False when the current knowledge base no longer has the strategy. */
      known: z.boolean(),
    })
  ),
})

/** 409 of a plan save: the error envelope and the plan as it is now. */
export const StalePlan = ErrorResponse.extend({ current: PlanOut })

// ── Comparison ───────────────────────────────────────────────────────────────────────────

export const CompareQuery = z.strictObject({ from: Id, to: Id, lang: z.enum(['nl', 'en']).default('nl') })

const ResultOut = z.object({
  n: z.number().int(),
  negativeShare: z.number().nullable(),
  positiveShare: z.number().nullable(),
  status: z.enum(STATUSES),
})
export const CompareResponse = z.object({
  from: z.object({ id: z.string(), label: z.string(), respondents: z.number().int() }),
  to: z.object({ id: z.string(), label: z.string(), respondents: z.number().int() }),
  determinants: z.array(
    z.object({
      number: z.number().int(),
      name: z.string(),
      from: ResultOut,
      to: ResultOut,
      negativeDelta: z.number().nullable(),
      change: z.enum(CHANGES),
    })
  ),
  /** The plan's strategies (of the earlier round) behind determinants that improved. */
  strategies: z.array(
    z.object({ strategy: z.string(), name: z.string(), status: z.enum(PLAN_STATUSES), determinants: z.array(z.number().int()) })
  ),
})

// ── Export and import ────────────────────────────────────────────────────────────────────

export const EXPORT_FORMAT = 'strategiewijzer-workspace'

export const WorkspaceDumpIn = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: Millis,
  workspace: z.strictObject({
    name: required(WORKSPACE_LIMITS.name, 'name'),
    innovation: required(WORKSPACE_LIMITS.name, 'innovation'),
    contact: trimmed(WORKSPACE_LIMITS.name),
    groups: Groups,
    createdAt: Millis,
    updatedAt: Millis,
  }),
  rounds: z
    .array(
      z.strictObject({
        position: z.number().int().min(1),
        label: required(WORKSPACE_LIMITS.label, 'label'),
        state: z.enum(ROUND_STATES),
        closesAt: Millis.nullable(),
        settings: RoundSettingsIn,
        planTitle: trimmed(WORKSPACE_LIMITS.name),
        // Exports made before the plan had a timeline have neither.
        planRegion: CalendarFields.region.default('none'),
        planSchoolYear: CalendarFields.schoolYear.default(null),
        createdAt: Millis,
        closedAt: Millis.nullable(),
        plan: z.array(PlanEntryIn).max(WORKSPACE_LIMITS.planEntries),
        submissions: z
          .array(
            z.strictObject({
              clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
              role: z.enum(RESPONDENTS),
              group: trimmed(WORKSPACE_LIMITS.group).nullable(),
              answers: Answers,
              receivedAt: Millis,
            })
          )
          .max(WORKSPACE_LIMITS.submissionsPerRound),
      })
    )
    .max(WORKSPACE_LIMITS.rounds),
})
export type WorkspaceDumpIn = z.infer<typeof WorkspaceDumpIn>
