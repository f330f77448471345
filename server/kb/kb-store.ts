/**
 * @module Keeps an indexed copy of the knowledge base in memory and reads it again when the
 * database changed (an import by another process, or a reload by this one).
 */
import type { Db } from '../db/client.ts'
import { kbDataVersion, readKbContent, storedKbHash } from '../db/queries/kb.ts'
import { indexKb, type KbIndex } from '../domain/kb-index.ts'

export type KbStore = {
  /** The current knowledge base; cheap when nothing changed (one PRAGMA). */
  get(): KbIndex
  /** The hash of the source files the current copy was loaded from. */
  hash(): string
  /** Forget the copy: the next `get` reads the database again (after a write by this process). */
  invalidate(): void
}

export function createKbStore(db: Db): KbStore {
  let cached: { index: KbIndex; version: number; hash: string } | undefined
  const load = () => {
    const version = kbDataVersion(db)
    if (!cached || cached.version !== version) {
      cached = { index: indexKb(readKbContent(db)), version, hash: storedKbHash(db) ?? '' }
    }
    return cached
  }
  return {
    get: () => load().index,
    hash: () => load().hash,
    invalidate: () => {
      cached = undefined
    },
  }
}
