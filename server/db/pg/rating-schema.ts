/**
 * @module The PostgreSQL tables of expert rating studies: a copy of server/db/rating-schema.ts
 * with PostgreSQL column types (the type map is in ./schema.ts). Change both files together.
 */
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import type { CloseReason, Question } from '../../domain/expert-rating.ts'
import type { ConsensusRule } from '../../domain/rating-stats.ts'

const time = () => bigint({ mode: 'number' })

export const ratingStudies = pgTable('rating_studies', {
  id: text().primaryKey(),
  name: text().notNull(),
  /** The questions asked of every link: relevance, and feasibility when chosen. */
  questions: jsonb().$type<Question[]>().notNull(),
  rounds: integer().notNull(),
  rule: jsonb().$type<ConsensusRule>().notNull(),
  /** The round open now, or the last one when the study is closed. */
  currentRound: integer().notNull().default(1),
  closedAt: time(),
  closedReason: text({ enum: ['consensus', 'last-round', 'owner'] }).$type<CloseReason>(),
  ownerTokenHash: text().notNull().unique(),
  /** The knowledge-base source the study was fed into, while it is there. */
  sourceId: text(),
  createdAt: time().notNull(),
  updatedAt: time().notNull(),
})

export const ratingLinks = pgTable(
  'rating_links',
  {
    studyId: text()
      .notNull()
      .references(() => ratingStudies.id, { onDelete: 'cascade' }),
    determinant: integer().notNull(),
    strategy: text().notNull(),
    /** The order experts see the links in. */
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.studyId, t.determinant, t.strategy] })]
)

export const ratingExperts = pgTable(
  'rating_experts',
  {
    id: text().primaryKey(),
    studyId: text()
      .notNull()
      .references(() => ratingStudies.id, { onDelete: 'cascade' }),
    /** E01, E02, …: how results and exports name the expert. */
    pseudonym: text().notNull(),
    tokenHash: text().notNull().unique(),
    /** Raised when the owner makes the expert a new link: the link is derived from it. */
    linkGeneration: integer().notNull().default(0),
    createdAt: time().notNull(),
    lastSeenAt: time(),
  },
  (t) => [index('rating_experts_study_idx').on(t.studyId)]
)

export const ratingAnswers = pgTable(
  'rating_answers',
  {
    studyId: text()
      .notNull()
      .references(() => ratingStudies.id, { onDelete: 'cascade' }),
    expertId: text()
      .notNull()
      .references(() => ratingExperts.id, { onDelete: 'cascade' }),
    round: integer().notNull(),
    determinant: integer().notNull(),
    strategy: text().notNull(),
    relevance: integer(),
    feasibility: integer(),
    comment: text(),
    updatedAt: time().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.expertId, t.round, t.determinant, t.strategy] }),
    index('rating_answers_study_idx').on(t.studyId, t.round),
  ]
)

export type RatingStudyRow = typeof ratingStudies.$inferSelect
