/**
 * @module Applies the PostgreSQL migrations that drizzle-kit generated in
 * `drizzle/postgresql/` (drizzle-pg.config.ts), under an advisory lock: drizzle reads which
 * migrations were applied before it opens its transaction, so two instances starting together
 * would both try to apply the same ones. With the lock the second waits, then finds nothing
 * left to do.
 */
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { LOCKS, withAdvisoryLock, type PgDb } from './client.ts'

export const PG_MIGRATIONS_FOLDER = join(import.meta.dirname, '..', '..', '..', 'drizzle', 'postgresql')

export async function migratePg(db: PgDb): Promise<void> {
  await withAdvisoryLock(db, LOCKS.migrate, (conn) => migrate(conn, { migrationsFolder: PG_MIGRATIONS_FOLDER }))
}
