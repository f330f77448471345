/**
 * @module The PostgreSQL schema of the knowledge base: the same tables, columns and keys as
 * server/db/schema.ts (SQLite), column for column, so that the rows read back are of the same
 * TypeScript types (test/server/pg-schema.test.ts pins the two together). The types map
 * mechanically: SQLite `text` → `text`, `integer` → `integer`, `integer({ mode: 'boolean' })`
 * → `boolean`, `real` → `doublePrecision` (SQLite's real is a double), `text({ mode: 'json' })`
 * → `jsonb`, time in milliseconds → `bigint({ mode: 'number' })`.
 */
import { relations } from 'drizzle-orm'
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
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
} from '../../domain/vocabulary.ts'

export const kbMeta = pgTable('kb_meta', {
  key: text().primaryKey(),
  value: text().notNull(),
})

export const answerScales = pgTable('answer_scales', {
  id: text().primaryKey(),
  kind: text({ enum: SCALE_KINDS }).notNull(),
  labelNl: text().notNull(),
  labelEn: text().notNull(),
})

export const scaleOptions = pgTable(
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
    score: doublePrecision(),
  },
  (t) => [primaryKey({ columns: [t.scaleId, t.value] })]
)

export const determinants = pgTable('determinants', {
  number: integer().primaryKey(),
  code: text().notNull().unique(),
  group: text({ enum: GROUPS }).notNull(),
  nameNl: text().notNull(),
  nameEn: text().notNull(),
  nameVerified: boolean().notNull(),
  definitionNl: text().notNull(),
  definitionEn: text().notNull(),
  respondent: text({ enum: RESPONDENTS }).notNull(),
})

export const items = pgTable('items', {
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
  reverse: boolean().notNull(),
  verified: boolean().notNull(),
})

export const clusters = pgTable('clusters', {
  id: text().primaryKey(),
  position: integer().notNull(),
  origin: text({ enum: ['eric', 'strategiewijzer'] }).notNull(),
  ericName: text(),
  nameNl: text().notNull(),
  nameEn: text().notNull(),
  descriptionNl: text().notNull(),
  descriptionEn: text().notNull(),
})

export const strategies = pgTable('strategies', {
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
  waltzImportance: doublePrecision(),
  waltzFeasibility: doublePrecision(),
  waltzQuadrant: text({ enum: ['I', 'II', 'III', 'IV'] }),
  mechanismChanged: boolean().notNull().default(false),
  adaptationNoteNl: text(),
  adaptationNoteEn: text(),
})

export const strategyPhases = pgTable(
  'strategy_phases',
  {
    strategyId: text()
      .notNull()
      .references(() => strategies.id),
    phase: text({ enum: PHASES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.strategyId, t.phase] })]
)

export const strategyActors = pgTable(
  'strategy_actors',
  {
    strategyId: text()
      .notNull()
      .references(() => strategies.id),
    actor: text({ enum: ACTORS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.strategyId, t.actor] })]
)

export const sources = pgTable('sources', {
  id: text().primaryKey(),
  label: text().notNull(),
  labelNl: text(),
  citation: text().notNull(),
  url: text(),
  kind: text({ enum: ['expert-survey', 'theory', 'delphi', 'editorial', 'imported'] }).notNull(),
  tier: text({ enum: EVIDENCE_TIERS }).notNull().default('imported'),
  evidence: text({ enum: ['V', 'S', 'U', 'P'] }).notNull(),
  descriptionNl: text().notNull(),
  descriptionEn: text().notNull(),
  origin: text({ enum: ['curated', 'imported'] }).notNull(),
})

export const methods = pgTable('methods', {
  id: text().primaryKey(),
  nameNl: text().notNull(),
  nameEn: text().notNull(),
  descriptionNl: text().notNull(),
  descriptionEn: text().notNull(),
  bases: jsonb().$type<StrengthBasis[]>().notNull().default([]),
  fixedStrength: doublePrecision(),
})

export const determinantStrategies = pgTable(
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
    strength: doublePrecision().notNull(),
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

/**
 * The full-text index of the knowledge base (SQLite: the FTS5 table `kb_search`): one row per
 * record and language, with a tsvector per language configuration kept by the database
 * (generated column; the configurations and `unaccent` are made in a custom migration).
 */
export const kbSearch = pgTable(
  'kb_search',
  {
    kind: text({ enum: ['strategy', 'determinant'] }).notNull(),
    ref: text().notNull(),
    lang: text({ enum: ['nl', 'en'] }).notNull(),
    name: text().notNull(),
    body: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.ref, t.lang] })]
)

export const determinantsRelations = relations(determinants, ({ many }) => ({
  items: many(items),
  links: many(determinantStrategies),
}))
export const itemsRelations = relations(items, ({ one }) => ({
  determinant: one(determinants, { fields: [items.determinantNumber], references: [determinants.number] }),
  scale: one(answerScales, { fields: [items.scaleId], references: [answerScales.id] }),
}))
export const strategiesRelations = relations(strategies, ({ many, one }) => ({
  phases: many(strategyPhases),
  actors: many(strategyActors),
  links: many(determinantStrategies),
  cluster: one(clusters, { fields: [strategies.clusterId], references: [clusters.id] }),
}))
export const linksRelations = relations(determinantStrategies, ({ one }) => ({
  determinant: one(determinants, { fields: [determinantStrategies.determinantNumber], references: [determinants.number] }),
  strategy: one(strategies, { fields: [determinantStrategies.strategyId], references: [strategies.id] }),
  source: one(sources, { fields: [determinantStrategies.sourceId], references: [sources.id] }),
  method: one(methods, { fields: [determinantStrategies.methodId], references: [methods.id] }),
}))

export * from './workspace-schema.ts'
export * from './network-schema.ts'
export * from './rating-schema.ts'
