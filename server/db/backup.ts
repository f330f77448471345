/**
 * @module A consistent copy of the database while the server runs. Copying the .db file is
 * not one: in WAL mode recent writes live in the -wal file until a checkpoint, so a copy of
 * the .db alone can miss them all. SQLite's online backup API copies what a reader sees.
 */
import Database from 'better-sqlite3'
import { count } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { Db } from './client.ts'
import * as t from './schema.ts'

export type BackupCheck = {
  /** `PRAGMA integrity_check` of the copy: `['ok']` when sound. */
  readonly integrity: readonly string[]
  readonly determinants: number
  readonly strategies: number
  readonly links: number
}

/**
 * Copies `db` to `file` (which must not exist) with the online backup API, then turns the
 * copy into one self-contained file (rollback journal instead of WAL) and checks it.
 */
export async function backupDb(db: Db, file: string): Promise<BackupCheck> {
  await db.$client.backup(file)
  const copy = new Database(file, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
    const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check
    )
    const read = drizzle({ client: copy })
    const rows = (
      table: typeof t.determinants | typeof t.strategies | typeof t.determinantStrategies
    ) => read.select({ n: count() }).from(table).get()?.n ?? 0
    return {
      integrity,
      determinants: rows(t.determinants),
      strategies: rows(t.strategies),
      links: rows(t.determinantStrategies),
    }
  } finally {
    copy.close()
  }
}
