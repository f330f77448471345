/**
 * @module Keeps an indexed copy of the knowledge base in memory and reads it again when its
 * revision changed (a load or an import, by this process or another).
 */
import type { Db } from '../db/client.ts'
import { readKbContent, storedKbHash } from '../db/queries/kb.ts'
import { kbRevision } from '../db/queries/kb-meta.ts'
import { indexKb, type KbIndex } from '../domain/kb-index.ts'

export type KbStore = {
  /** The current knowledge base; cheap when nothing changed (one indexed read). */
  get(): KbIndex
  /** The hash of the source files the current copy was loaded from (no database read). */
  hash(): string
}

export function createKbStore(db: Db): KbStore {
  let cached: { index: KbIndex; version: number; hash: string } | undefined
  const load = () => {
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
