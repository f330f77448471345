/**
 * @module The PostgreSQL tables of a team's work: a copy of server/db/workspace-schema.ts with PostgreSQL column types
 * (the type map is in ./schema.ts). Change both files together.
 */
import { bigint, index, integer, jsonb, primaryKey, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import {
  PLAN_STATUSES,
  ROUND_STATES,
  type PlanSpecification,
  type RoundSettings,
} from '../../domain/workspace.ts'
import { SURVEY_TOOLS, type SurveyMapping } from '../../domain/survey-import.ts'
import { PHASES, RESPONDENTS } from '../../domain/vocabulary.ts'
import { PLAN_REGIONS } from '../../domain/school-year.ts'

const time = () => bigint({ mode: 'number' })

export const workspaces = pgTable('workspaces', {
  id: text().primaryKey(),
  name: text().notNull(),
  innovation: text().notNull(),
  contact: text().notNull().default(''),
  /** The groups a respondent may say they belong to (teachers, mentors, …), in order. */
  groups: jsonb().$type<string[]>().notNull(),
  createdAt: time().notNull(),
  updatedAt: time().notNull(),
})

export const teamTokens = pgTable(
  'team_tokens',
  {
    id: text().primaryKey(),
    workspaceId: text()
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Who the link was made for ("Marieke", "zorgcoördinator"); never the token. */
    label: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: time().notNull(),
    lastUsedAt: time(),
    revokedAt: time(),
  },
  (t) => [index('team_tokens_workspace_idx').on(t.workspaceId)]
)

export const rounds = pgTable(
  'rounds',
  {
    id: text().primaryKey(),
    workspaceId: text()
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … in the order the rounds were opened. */
    position: integer().notNull(),
    label: text().notNull(),
    state: text({ enum: ROUND_STATES }).notNull(),
    /** After this moment the round takes no more submissions, whatever its state says. */
    closesAt: time(),
    /** Hash of the current respondent token; null when the link was revoked and not renewed. */
    respondentTokenHash: text().unique(),
    /** Bumped each time the respondent link is renewed: the token is derived from it. */
    linkGeneration: integer().notNull().default(1),
    submissionCount: integer().notNull().default(0),
    /** Bumped by every change to the round's submissions, so a profile can be cached by it. */
    revision: integer().notNull().default(0),
    settings: jsonb().$type<RoundSettings>().notNull(),
    planTitle: text().notNull().default(''),
    /** Bumped by every save of the plan: a save based on an older revision is refused. */
    planRevision: integer().notNull().default(0),
    /** The holiday region of the plan's timeline ('none': no holidays shown). */
    planRegion: text({ enum: PLAN_REGIONS }).notNull().default('none'),
    /** The school year of the plan's timeline, e.g. '2026-2027'; null: the one containing today. */
    planSchoolYear: text(),
    createdAt: time().notNull(),
    closedAt: time(),
  },
  (t) => [uniqueIndex('rounds_workspace_position_idx').on(t.workspaceId, t.position)]
)

export const submissions = pgTable(
  'submissions',
  {
    id: text().primaryKey(),
    roundId: text()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    /** Made by the respondent's browser: a retry of the same submission is stored once. */
    clientId: text().notNull(),
    /** Order of arrival in the round (the round's revision at the time): exports keep it. */
    seq: integer().notNull(),
    role: text({ enum: RESPONDENTS }).notNull(),
    group: text(),
    answers: jsonb().$type<Record<string, number | null>>().notNull(),
    receivedAt: time().notNull(),
  },
  (t) => [
    uniqueIndex('submissions_round_client_idx').on(t.roundId, t.clientId),
    index('submissions_round_seq_idx').on(t.roundId, t.seq),
  ]
)

export const planEntries = pgTable(
  'plan_entries',
  {
    roundId: text()
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    /** A strategy id of the knowledge base; kept even if a later knowledge base drops it. */
    strategyId: text().notNull(),
    position: integer().notNull(),
    status: text({ enum: PLAN_STATUSES }).notNull(),
    spec: jsonb().$type<PlanSpecification>().notNull(),
    /** The barriers the strategy was chosen for. */
    barriers: jsonb().$type<number[]>().notNull(),
    /** The team's own ratings (1–5) and the timing of the strategy; null: not set. */
    feasibility: integer(),
    importance: integer(),
    phase: text({ enum: PHASES }),
    startMonth: integer(),
    months: integer(),
    updatedAt: time().notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.strategyId] })]
)

/**
 * How a team's survey exports map onto the questionnaire (columns to items, answers to
 * options), one per survey tool: remembered at each import, offered again for the next round.
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    workspaceId: text()
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    tool: text({ enum: SURVEY_TOOLS }).notNull(),
    mapping: jsonb().$type<SurveyMapping>().notNull(),
    updatedAt: time().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.tool] })]
)

export type WorkspaceRow = typeof workspaces.$inferSelect
export type RoundRow = typeof rounds.$inferSelect
export type SubmissionRow = typeof submissions.$inferSelect
export type PlanEntryRow = typeof planEntries.$inferSelect
export type TeamTokenRow = typeof teamTokens.$inferSelect
