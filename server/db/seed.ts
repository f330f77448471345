/**
 * @module Loads the knowledge base from `data/kb/` into SQLite, in one transaction.
 *
 * The source files are parsed and checked completely before anything is written; a broken
 * file throws a {@link KbSourceError} and leaves the database as it was. Loading the same
 * files twice leaves the same database: when the files' hash equals the one stored at the
 * last load nothing is written at all. Imported links (`npm run kb:import`) are kept.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { eq, inArray, sql } from 'drizzle-orm'
import type { KbSources } from '../domain/kb-integrity.ts'
import { readKbSources } from '../kb/read-sources.ts'
import type { Db } from './client.ts'
import { KB_HASH_KEY, storedKbHash } from './queries/kb.ts'
import { bumpKbRevision } from './queries/kb-meta.ts'
import { curatedRows, orphanMessage } from './queries/kb-rows.ts'
import { insertLinkRows } from './queries/links.ts'
import * as t from './schema.ts'
import type { LoadResult } from './store.ts'


/** A stable hash of every file under `kbDir`, so a start can tell whether anything changed. */
export function hashKbFiles(kbDir: string): string {
  const hash = createHash('sha256')
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
      .sort()
  for (const file of walk(kbDir)) {
    hash.update(relative(kbDir, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

export type { LoadResult } from './store.ts'

/**
 * Loads `kbDir` into `db` unless the same files were loaded before (`force` loads anyway).
 *
 * @throws {KbSourceError} when a source file is invalid; nothing is written then.
 * @throws {Error} when an imported link points at a strategy the new files no longer have.
 * @throws {SqliteError} `SQLITE_BUSY` when another process held the write lock for longer
 *   than the busy timeout; nothing is written then.
 */
export function loadKb(db: Db, kbDir: string, options: { force?: boolean } = {}): LoadResult {
  const hash = hashKbFiles(kbDir)
  if (!options.force && storedKbHash(db) === hash) return { loaded: false, hash }
  const kb = readKbSources(kbDir)
  return { loaded: writeKb(db, kb, hash, options), hash }
}

/**
 * Replaces the curated knowledge base in one transaction; imported links are kept. Returns
 * false, writing nothing, when `hash` is already stored (unless `force`): another process
 * may have loaded the same files while these were read.
 */
export function writeKb(db: Db, kb: KbSources, hash: string, options: { force?: boolean } = {}): boolean {
  const rows = curatedRows(kb)
  const strategyIds = new Set(rows.strategies.map((s) => s.id))

  // IMMEDIATE takes the write lock before the first read. A deferred transaction reads first
  // and upgrades at its first write, and in WAL mode that upgrade fails with SQLITE_BUSY,
  // without waiting, when another process wrote since the read: two imports starting on a
  // fresh database failed so. Waiting for the lock (busy_timeout) serialises them, and the
  // hash read under the lock lets the second skip the work.
  return db.transaction((tx) => {
    if (!options.force && storedKbHash(db) === hash) return false
    const orphans = tx
      .select({ strategyId: t.determinantStrategies.strategyId, sourceId: t.sources.id })
      .from(t.determinantStrategies)
      .innerJoin(t.sources, eq(t.sources.id, t.determinantStrategies.sourceId))
      .where(eq(t.sources.origin, 'imported'))
      .all()
      .filter((l) => !strategyIds.has(l.strategyId))
    const orphaned = orphanMessage(orphans)
    if (orphaned) throw new Error(orphaned)

    // Rows are deleted and written again under the same keys; foreign keys are checked at
    // commit, when every referenced row is back.
    tx.run(sql`PRAGMA defer_foreign_keys = ON`)
    const curatedSources = tx
      .select({ id: t.sources.id })
      .from(t.sources)
      .where(eq(t.sources.origin, 'curated'))
      .all()
      .map((s) => s.id)
    if (curatedSources.length > 0) {
      tx.delete(t.determinantStrategies)
        .where(inArray(t.determinantStrategies.sourceId, curatedSources))
        .run()
    }
    tx.delete(t.sources).where(eq(t.sources.origin, 'curated')).run()
    for (const table of [
      t.strategyPhases,
      t.strategyActors,
      t.strategies,
      t.clusters,
      t.items,
      t.scaleOptions,
      t.answerScales,
      t.determinants,
      t.methods,
    ]) {
      tx.delete(table).run()
    }
    tx.run(sql`DELETE FROM kb_search`)

    for (const [table, values] of [
      [t.answerScales, rows.answerScales],
      [t.scaleOptions, rows.scaleOptions],
      [t.determinants, rows.determinants],
      [t.items, rows.items],
      [t.clusters, rows.clusters],
      [t.strategies, rows.strategies],
      [t.strategyPhases, rows.strategyPhases],
      [t.strategyActors, rows.strategyActors],
      [t.methods, rows.methods],
      [t.sources, rows.sources],
    ] as const) {
      if (values.length > 0) tx.insert(table).values(values as never[]).run()
    }
    insertLinkRows(tx, rows.links)
    for (const d of rows.search) {
      tx.run(sql`INSERT INTO kb_search (kind, ref, lang, name, body) VALUES (${d.kind}, ${d.ref}, ${d.lang}, ${d.name}, ${d.body})`)
    }
    tx.insert(t.kbMeta)
      .values({ key: KB_HASH_KEY, value: hash })
      .onConflictDoUpdate({ target: t.kbMeta.key, set: { value: hash } })
      .run()
    bumpKbRevision(tx)
    return true
  }, { behavior: 'immediate' })
}

