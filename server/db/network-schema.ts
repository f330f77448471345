/**
 * @module The tables of learning networks: a network (with an optional outer network), its
 * facilitator tokens, its invitations and the workspaces that joined it.
 *
 * Written like workspace-schema.ts to port to PostgreSQL as it is: text ids made by the app,
 * times in integer milliseconds, tokens stored only as SHA-256 hashes. A membership goes with
 * its network or its workspace (`on delete cascade`); an inner network outlives its outer one
 * (`on delete set null`).
 */
import { sql } from 'drizzle-orm'
import { type AnySQLiteColumn, check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { rounds, workspaces } from './workspace-schema.ts'

const time = () => integer({ mode: 'number' })

export const networks = sqliteTable(
  'networks',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    /** A school's round with fewer submissions than this is shown as "too few answers". */
    minGroupSize: integer().notNull().default(5),
    /** The outer network this one is part of; its facilitator sees this one only pooled. */
    parentId: text().references((): AnySQLiteColumn => networks.id, { onDelete: 'set null' }),
    createdAt: time().notNull(),
    updatedAt: time().notNull(),
  },
  (t) => [
    index('networks_parent_idx').on(t.parentId),
    // The floor of the suppression rule, kept by the database too (docs/networks.md).
    check('networks_min_group_size_floor', sql`${t.minGroupSize} >= 3`),
  ]
)

export const facilitatorTokens = sqliteTable(
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

export const networkInvitations = sqliteTable(
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

export const networkMemberships = sqliteTable(
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

export type NetworkRow = typeof networks.$inferSelect

/**
 * What a network has been shown of a round (docs/networks.md, "Answers that arrive later"):
 * the counts it saw and the submissions they were counted from, in the compact form of
 * shown-round-codec.ts. Kept so that a figure changes only when enough of its respondents did.
 * Goes with the network or the round; removed when the school leaves the network.
 */
export const networkRoundViews = sqliteTable(
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
