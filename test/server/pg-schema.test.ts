import { getTableConfig as pgTable, PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteTable, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, expectTypeOf, test } from 'vitest'
import * as pg from '../../server/db/pg/schema.ts'
import * as sqlite from '../../server/db/schema.ts'

/**
 * The two schemas are one schema in two dialects: every table of SQLite's exists on PostgreSQL
 * with the same columns, keys and nullability, and the rows read back have the same types. A
 * table added to one and not the other fails here (docs/postgresql.md: adding a table).
 */
const tables = <T>(module: Record<string, unknown>, kind: abstract new (...args: never[]) => T) =>
  Object.fromEntries(Object.entries(module).filter(([, v]) => v instanceof kind)) as Record<string, T>

const sqliteTables = tables(sqlite, SQLiteTable)
const pgTables = tables(pg, PgTable)
// Full-text search is a virtual FTS5 table on SQLite (a custom migration), a plain table on PostgreSQL.
const ONLY_PG = ['kbSearch']

const shape = (config: ReturnType<typeof sqliteTable> | ReturnType<typeof pgTable>) => ({
  name: config.name,
  columns: config.columns
    .map((c) => ({
      name: c.name,
      notNull: c.notNull,
      primary: c.primary,
      // SQLite's integer primary key defaults to the rowid; nothing relies on it.
      hasDefault: c.hasDefault && !c.primary,
      enum: c.enumValues ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name)),
  primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
  foreignKeys: config.foreignKeys
    .map((f) => {
      const r = f.reference()
      return `${r.columns.map((c) => c.name)}→${r.foreignColumns.map((c) => c.name)} ${f.onDelete ?? 'no action'}`
    })
    .sort(),
  indexes: config.indexes.map((i) => i.config.name).sort(),
  checks: config.checks.map((c) => c.name).sort(),
})

describe('the PostgreSQL schema', () => {
  test('has every table of the SQLite schema, and no other but full-text search', () => {
    expect(Object.keys(pgTables).filter((k) => !ONLY_PG.includes(k)).sort()).toEqual(Object.keys(sqliteTables).sort())
  })

  test.for(Object.keys(sqliteTables))('%s: the same columns, keys, indexes and checks', (key) => {
    expect(shape(pgTable(pgTables[key]!))).toEqual(shape(sqliteTable(sqliteTables[key]!)))
  })

  test('rows of either dialect have the same types', () => {
    expectTypeOf<typeof pg.rounds.$inferSelect>().toEqualTypeOf<typeof sqlite.rounds.$inferSelect>()
    expectTypeOf<typeof pg.submissions.$inferSelect>().toEqualTypeOf<typeof sqlite.submissions.$inferSelect>()
    expectTypeOf<typeof pg.workspaces.$inferSelect>().toEqualTypeOf<typeof sqlite.workspaces.$inferSelect>()
    expectTypeOf<typeof pg.networks.$inferSelect>().toEqualTypeOf<typeof sqlite.networks.$inferSelect>()
    expectTypeOf<typeof pg.strategies.$inferSelect>().toEqualTypeOf<typeof sqlite.strategies.$inferSelect>()
    expectTypeOf<typeof pg.determinantStrategies.$inferSelect>().toEqualTypeOf<typeof sqlite.determinantStrategies.$inferSelect>()
    expectTypeOf<typeof pg.methods.$inferSelect>().toEqualTypeOf<typeof sqlite.methods.$inferSelect>()
    expectTypeOf<typeof pg.ratingStudies.$inferSelect>().toEqualTypeOf<typeof sqlite.ratingStudies.$inferSelect>()
    expectTypeOf<typeof pg.ratingAnswers.$inferSelect>().toEqualTypeOf<typeof sqlite.ratingAnswers.$inferSelect>()
    expectTypeOf<typeof pg.ratingExperts.$inferSelect>().toEqualTypeOf<typeof sqlite.ratingExperts.$inferSelect>()
  })
})
