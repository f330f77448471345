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
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
}
