/**
 * @module The SQLite schema of the knowledge base (drizzle). Keys are camelCase in TypeScript
 * and snake_case in SQL (`casing: 'snake_case'`). Where MIDI or the sources give a stable key
 * (determinant number, strategy id, item id) it is the primary key.
 */
import { relations } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import {
  ACTORS,
  EFFORTS,
  EVIDENCE_TIERS,
  GROUPS,
  PHASES,
  RESPONDENTS,
  SCALE_KINDS,
  OPTION_VALENCES,
  STRENGTH_BASES,
  type StrengthBasis,
} from '../domain/vocabulary.ts'

/** Key/value facts about the loaded knowledge base, e.g. the hash of the source files. */
export const kbMeta = sqliteTable('kb_meta', {
  key: text().primaryKey(),
  value: text().notNull(),
})

export const answerScales = sqliteTable('answer_scales', {
  id: text().primaryKey(),
  kind: text({ enum: SCALE_KINDS }).notNull(),
  labelNl: text().notNull(),
  labelEn: text().notNull(),
})

export const scaleOptions = sqliteTable(
  'scale_options',
  {
    scaleId: text()
      .notNull()
      .references(() => answerScales.id),
    value: integer().notNull(),
    position: integer().notNull(),
    labelNl: text().notNull(),
    labelEn: text().notNull(),
    valence: text({ enum: OPTION_VALENCES }).notNull(),
    score: real(),
  },
  (t) => [primaryKey({ columns: [t.scaleId, t.value] })]
)

export const determinants = sqliteTable('determinants', {
  number: integer().primaryKey(),
  code: text().notNull().unique(),
  group: text({ enum: GROUPS }).notNull(),
  nameNl: text().notNull(),
  nameEn: text().notNull(),
  nameVerified: integer({ mode: 'boolean' }).notNull(),
  definitionNl: text().notNull(),
  definitionEn: text().notNull(),
  respondent: text({ enum: RESPONDENTS }).notNull(),
})

export const items = sqliteTable('items', {
  id: text().primaryKey(),
  determinantNumber: integer()
    .notNull()
    .references(() => determinants.number),
  position: integer().notNull(),
  textNl: text().notNull(),
  textEn: text().notNull(),
  scaleId: text()
    .notNull()
    .references(() => answerScales.id),
  reverse: integer({ mode: 'boolean' }).notNull(),
  verified: integer({ mode: 'boolean' }).notNull(),
})

export const clusters = sqliteTable('clusters', {
  id: text().primaryKey(),
  position: integer().notNull(),
  origin: text({ enum: ['eric', 'strategiewijzer'] }).notNull(),
  ericName: text(),
  nameNl: text().notNull(),
  nameEn: text().notNull(),
  descriptionNl: text().notNull(),
  descriptionEn: text().notNull(),
})

export const strategies = sqliteTable('strategies', {
  id: text().primaryKey(),
  position: integer().notNull(),
  ericNumber: integer().unique(),
  ericName: text(),
  sisterNumber: integer(),
  origin: text({ enum: ['eric', 'sister', 'school'] }).notNull(),
  nameNl: text().notNull(),
  nameEn: text().notNull(),
  descriptionNl: text().notNull(),
  descriptionEn: text().notNull(),
  exampleNl: text().notNull(),
  exampleEn: text().notNull(),
  clusterId: text()
    .notNull()
    .references(() => clusters.id),
  effort: text({ enum: EFFORTS }).notNull(),
  waltzImportance: real(),
  waltzFeasibility: real(),
  waltzQuadrant: text({ enum: ['I', 'II', 'III', 'IV'] }),
  mechanismChanged: integer({ mode: 'boolean' }).notNull().default(false),
  adaptationNoteNl: text(),
  adaptationNoteEn: text(),
})

export const strategyPhases = sqliteTable(
  'strategy_phases',
  {
    strategyId: text()
      .notNull()
      .references(() => strategies.id),
    phase: text({ enum: PHASES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.strategyId, t.phase] })]
)

export const strategyActors = sqliteTable(
  'strategy_actors',
  {
    strategyId: text()
      .notNull()
      .references(() => strategies.id),
    actor: text({ enum: ACTORS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.strategyId, t.actor] })]
)

export const sources = sqliteTable('sources', {
  id: text().primaryKey(),
  /** The label in English (and in Dutch where `labelNl` is null). */
  label: text().notNull(),
  /** The Dutch label where it differs from the English one. */
  labelNl: text(),
  citation: text().notNull(),
  url: text(),
  kind: text({ enum: ['expert-survey', 'theory', 'delphi', 'editorial', 'imported'] }).notNull(),
  // The default is for sources stored before tiers existed: the load rewrites every curated
  // source, so only imported ones keep it.
  tier: text({ enum: EVIDENCE_TIERS }).notNull().default('imported'),
  evidence: text({ enum: ['V', 'S', 'U', 'P'] }).notNull(),
  descriptionNl: text().notNull(),
  descriptionEn: text().notNull(),
  /** `curated` rows come from data/kb and are rewritten on every load; `imported` rows survive it. */
  origin: text({ enum: ['curated', 'imported'] }).notNull(),
})

export const methods = sqliteTable('methods', {
  id: text().primaryKey(),
  nameNl: text().notNull(),
  nameEn: text().notNull(),
  descriptionNl: text().notNull(),
  descriptionEn: text().notNull(),
  /** What the strengths of the method's links may be (rewritten with every load). */
  bases: text({ mode: 'json' }).$type<StrengthBasis[]>().notNull().default([]),
  fixedStrength: real(),
})

export const determinantStrategies = sqliteTable(
  'determinant_strategies',
  {
    determinantNumber: integer()
      .notNull()
      .references(() => determinants.number),
    strategyId: text()
      .notNull()
      .references(() => strategies.id),
    sourceId: text()
      .notNull()
      .references(() => sources.id),
    methodId: text()
      .notNull()
      .references(() => methods.id),
    strength: real().notNull(),
    // As for sources.tier: the load rewrites every curated link, so only imported ones keep it.
    basis: text({ enum: STRENGTH_BASES }).notNull().default('imported'),
    cell: text(),
    construct: text(),
    viaNl: text(),
    viaEn: text(),
    rationaleNl: text().notNull(),
    rationaleEn: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.determinantNumber, t.strategyId, t.sourceId] }),
    index('determinant_strategies_strategy_idx').on(t.strategyId),
  ]
)

export const determinantsRelations = relations(determinants, ({ many }) => ({
  items: many(items),
  links: many(determinantStrategies),
}))
export const itemsRelations = relations(items, ({ one }) => ({
  determinant: one(determinants, {
    fields: [items.determinantNumber],
    references: [determinants.number],
  }),
  scale: one(answerScales, { fields: [items.scaleId], references: [answerScales.id] }),
}))
export const strategiesRelations = relations(strategies, ({ many, one }) => ({
  phases: many(strategyPhases),
  actors: many(strategyActors),
  links: many(determinantStrategies),
  cluster: one(clusters, { fields: [strategies.clusterId], references: [clusters.id] }),
}))
export const linksRelations = relations(determinantStrategies, ({ one }) => ({
  determinant: one(determinants, {
    fields: [determinantStrategies.determinantNumber],
    references: [determinants.number],
  }),
  strategy: one(strategies, {
    fields: [determinantStrategies.strategyId],
    references: [strategies.id],
  }),
  source: one(sources, { fields: [determinantStrategies.sourceId], references: [sources.id] }),
  method: one(methods, { fields: [determinantStrategies.methodId], references: [methods.id] }),
}))

export type DeterminantRow = typeof determinants.$inferSelect
export type StrategyRow = typeof strategies.$inferSelect
export type LinkRow = typeof determinantStrategies.$inferSelect
export type SourceRow = typeof sources.$inferSelect

export * from './workspace-schema.ts'
export * from './network-schema.ts'
export * from './rating-schema.ts'
