/**
 * @module Opens a PostgreSQL database through drizzle's node-postgres driver: a pool of
 * connections, and the lock two instances take around the work that must not run twice at
 * once (migrations, loading the knowledge base).
 */
import pg from 'pg'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import * as schema from './schema.ts'

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool }

// bigint (int8) columns hold times in milliseconds, which fit a JavaScript number; count(*)
// answers int8 too. node-postgres gives them as strings unless told otherwise.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))

/**
 * A pool over `url` (postgres://user:password@host:port/database). `max` connections at most
 * (PG_POOL_MAX; 10 by default): an instance never holds more, so N instances need N × max
 * connections of the server's max_connections (100 by default).
 */
export function openPgDb(url: string, { max = 10 }: { max?: number } = {}): PgDb {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'strategiewijzer' })
  // An idle connection that the server drops (a restart, a failover) must not crash the process:
  // the pool replaces it at the next query.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`))
  return drizzle({ client: pool, schema, casing: 'snake_case' })
}

/** Keys of the advisory locks (any 64-bit number; these spell "sw-mig", "sw-kb" and "sw-net"). */
export const LOCKS = { migrate: 0x73772d6d6967, kb: 0x73772d6b62, networks: 0x73772d6e6574 } as const
/** The first key of the two-key advisory lock on one network's record of what it was shown. */
export const VIEW_LOCK_CLASS = 0x7377

/**
 * Runs `work` on one connection of the pool while holding the advisory lock `key`: another
 * process asking for the same lock waits until this one is done. The lock is the session's,
 * so `work` must use the connection it is given, and it is released on the way out even when
 * `work` throws (and by the server when the connection dies).
 */
export async function withAdvisoryLock<T>(db: PgDb, key: number, work: (conn: PgDb) => Promise<T>): Promise<T> {
  const client = await db.$client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key])
    try {
      return await work(drizzle({ client, schema, casing: 'snake_case' }) as unknown as PgDb)
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key])
    }
  } finally {
    client.release()
  }
}
