/**
 * @module The PostgreSQL tables of learning networks: a copy of server/db/network-schema.ts with PostgreSQL column types
 * (the type map is in ./schema.ts). Change both files together.
 */
import { sql } from 'drizzle-orm'
import { type AnyPgColumn, bigint, check, index, integer, primaryKey, pgTable, text } from 'drizzle-orm/pg-core'
import { rounds, workspaces } from './workspace-schema.ts'

const time = () => bigint({ mode: 'number' })

export const networks = pgTable(
  'networks',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    /** A school's round with fewer submissions than this is shown as "too few answers". */
    minGroupSize: integer().notNull().default(5),
    /** The outer network this one is part of; its facilitator sees this one only pooled. */
    parentId: text().references((): AnyPgColumn => networks.id, { onDelete: 'set null' }),
    createdAt: time().notNull(),
    updatedAt: time().notNull(),
  },
  (t) => [
    index('networks_parent_idx').on(t.parentId),
    // The floor of the suppression rule, kept by the database too (docs/networks.md).
    check('networks_min_group_size_floor', sql`${t.minGroupSize} >= 3`),
  ]
)

export const facilitatorTokens = pgTable(
  'facilitator_tokens',
  {
    id: text().primaryKey(),
    networkId: text()
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: time().notNull(),
    lastUsedAt: time(),
  },
  (t) => [index('facilitator_tokens_network_idx').on(t.networkId)]
)

export const networkInvitations = pgTable(
  'network_invitations',
  {
    id: text().primaryKey(),
    networkId: text()
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: time().notNull(),
    /** An invitation is single-use and expires: after this moment it opens nothing. */
    expiresAt: time().notNull(),
    usedAt: time(),
  },
  (t) => [index('network_invitations_network_idx').on(t.networkId)]
)

export const networkMemberships = pgTable(
  'network_memberships',
  {
    networkId: text()
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    workspaceId: text()
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    joinedAt: time().notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.workspaceId] }), index('network_memberships_workspace_idx').on(t.workspaceId)]
)

/** What a network has been shown of a round (server/db/network-schema.ts says why). */
export const networkRoundViews = pgTable(
  'network_round_views',
  {
    networkId: text()
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    roundId: text()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    shown: text().notNull(),
    shownAt: time().notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.roundId] }), index('network_round_views_round_idx').on(t.roundId)]
)

export type NetworkRow = typeof networks.$inferSelect
