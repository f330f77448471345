/**
 * @module Keeps an indexed copy of the knowledge base in memory and reads it again when its
 * revision changed (a load or an import, by this process or another).
 */
import type { Db } from '../db/client.ts'
import { readKbContent, storedKbHash } from '../db/queries/kb.ts'
import { kbRevision, localKbWrites } from '../db/queries/kb-meta.ts'
import { indexKb, type KbIndex } from '../domain/kb-index.ts'

export type KbStore = {
  /** The current knowledge base; cheap when nothing changed (at most one indexed read per KB_RECHECK_MS). */
  get(): KbIndex
  /** The hash of the source files the current copy was loaded from (no database read). */
  hash(): string
}

/**
 * How long a checked copy is trusted before the revision is read again. A write by this
 * process is seen at once (it counts its own writes); one by another process (npm run
 * kb:import beside a running server) within this time. Reading the revision on every request
 * cost a tenth of a recommendation's CPU time.
 */
export const KB_RECHECK_MS = 200

export function createKbStore(db: Db, recheckMs = KB_RECHECK_MS, clock: () => number = () => performance.now()): KbStore {
  let cached: { index: KbIndex; version: number; hash: string } | undefined
  let checkedAt = -Infinity
  let checkedWrites = -1
  const load = () => {
    const now = clock()
    if (cached && now - checkedAt < recheckMs && checkedWrites === localKbWrites()) return cached
    checkedAt = now
    checkedWrites = localKbWrites()
    const version = kbRevision(db)
    if (!cached || cached.version !== version) {
      cached = { index: indexKb(readKbContent(db)), version, hash: storedKbHash(db) ?? '' }
    }
    return cached
  }
  return {
    get: () => load().index,
    // Called after get() in the same request: the copy it checked is current.
    hash: () => (cached ?? load()).hash,
  }
}
