/**
 * @module Opens the SQLite database through drizzle, with the pragmas the app relies on.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/**
 * Opens (and creates, with its folder) the database at `path`; `:memory:` gives a private
 * in-memory database. Foreign keys are enforced; file databases use WAL so that readers do
 * not wait for a writer.
 */
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const client = new Database(path)
  client.pragma('foreign_keys = ON')
  if (path !== ':memory:') client.pragma('journal_mode = WAL')
  client.pragma('busy_timeout = 5000')
  return drizzle({ client, schema, casing: 'snake_case' })
}
