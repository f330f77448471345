/**
 * @module Applies the migrations that drizzle-kit generated in `drizzle/`.
 */
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { Db } from './client.ts'

/** The folder of generated migrations, resolved from this file so any working directory works. */
export const MIGRATIONS_FOLDER = join(import.meta.dirname, '..', '..', 'drizzle')

/** Brings the schema of `db` up to date; a no-op when it already is. */
export function migrateDb(db: Db): void {
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  } catch (error) {
    // drizzle reads which migrations were applied before it takes the write lock, so a second
    // process starting on the same fresh file can try to apply what the first has just
    // committed ("table already exists"). Checking again then finds nothing left to do; a
    // migration that really fails fails again, and its first error is the one reported.
    try {
      migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
    } catch {
      throw error
    }
  }
}
