/**
 * @module Writes an imported mapping: one source and its links, replacing what an earlier
 * import under the same source id wrote, in one transaction. Each transaction takes the
 * write lock before it reads (IMMEDIATE; see writeKb in seed.ts), so a concurrent import or
 * load makes it wait up to the busy timeout, then fail with SQLITE_BUSY having written
 * nothing.
 */
import { eq } from 'drizzle-orm'
import type { Link } from '../../schemas/kb.ts'
import type { Db } from '../client.ts'
import type { ImportedSource } from '../store.ts'
import * as t from '../schema.ts'
import { bumpKbRevision } from './kb-meta.ts'
import { curatedSourceMessage, importedSourceRow } from './kb-rows.ts'
import { insertLinks } from './links.ts'

export type { ImportedSource } from '../store.ts'

/**
 * Replaces the links of an imported source (creating the source on first import).
 *
 * @throws {Error} when `source.id` is a curated source: imports never overwrite data/kb.
 */
export function replaceImportedSource(db: Db, source: ImportedSource, links: readonly Link[]): void {
  const row = importedSourceRow(source)
  db.transaction((tx) => {
    const existing = tx.select().from(t.sources).where(eq(t.sources.id, source.id)).get()
    if (existing?.origin === 'curated') {
      throw new Error(curatedSourceMessage(source.id))
    }
    tx.delete(t.determinantStrategies).where(eq(t.determinantStrategies.sourceId, source.id)).run()
    tx.insert(t.sources).values(row).onConflictDoUpdate({ target: t.sources.id, set: row }).run()
    insertLinks(tx, links.map((l) => ({ ...l, source: source.id })))
    bumpKbRevision(tx)
  }, { behavior: 'immediate' })
}

/** Removes an imported source and its links. Returns false when there was none. */
export function removeImportedSource(db: Db, id: string): boolean {
  return db.transaction((tx) => {
    const existing = tx.select().from(t.sources).where(eq(t.sources.id, id)).get()
    if (!existing || existing.origin !== 'imported') return false
    tx.delete(t.determinantStrategies).where(eq(t.determinantStrategies.sourceId, id)).run()
    tx.delete(t.sources).where(eq(t.sources.id, id)).run()
    bumpKbRevision(tx)
    return true
  }, { behavior: 'immediate' })
}
