/**
 * @module Keeps an indexed copy of the knowledge base in memory and reads it again when its
 * revision changed (a load or an import, by this process or another, on either dialect).
 */
import type { Db } from '../db/client.ts'
import { localKbWrites } from '../db/queries/kb-meta.ts'
import { createSqliteKbRepository } from '../db/sqlite-store.ts'
import type { KbRepository } from '../db/store.ts'
import { indexKb, type KbIndex } from '../domain/kb-index.ts'

export type KbStore = {
  /**
   * The current knowledge base. Within KB_RECHECK_MS of the last check it is the copy in
   * memory, without a database round trip; at most one read of the revision is in flight.
   */
  get(): Promise<KbIndex>
  /** The hash of the source files the current copy was loaded from (no database read). */
  hash(): string
}

/**
 * How long a checked copy is trusted before the revision is read again. A write by this
 * process is seen at once (it counts its own writes); one by another process (npm run
 * kb:import beside a running server, or an import on another instance of a hosted service on
 * the same PostgreSQL) within this time. Reading the revision on every request cost a tenth
 * of a recommendation's CPU time on SQLite, and a round trip on PostgreSQL.
 */
export const KB_RECHECK_MS = 200

export function createKbStore(
  source: KbRepository | Db,
  recheckMs = KB_RECHECK_MS,
  clock: () => number = () => performance.now()
): KbStore {
  const repository = '$client' in source ? createSqliteKbRepository(source) : source
  let cached: { index: KbIndex; version: number; hash: string } | undefined
  let checkedAt = -Infinity
  let checkedWrites = -1
  let pending: Promise<KbIndex> | undefined

  const check = async (): Promise<KbIndex> => {
    const version = await repository.revision()
    if (!cached || cached.version !== version) {
      const [content, hash] = await Promise.all([repository.content(), repository.hash()])
      cached = { index: indexKb(content), version, hash: hash ?? '' }
    }
    return cached.index
  }

  return {
    get() {
      const now = clock()
      if (cached && now - checkedAt < recheckMs && checkedWrites === localKbWrites()) return Promise.resolve(cached.index)
      if (pending) return pending
      checkedAt = now
      checkedWrites = localKbWrites()
      pending = check().finally(() => {
        pending = undefined
      })
      return pending
    },
    // Called after get() in the same request: the copy it checked is current.
    hash: () => cached?.hash ?? '',
  }
}
