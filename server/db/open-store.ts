/**
 * @module Opens the store the configuration names: PostgreSQL when DATABASE_URL is set (a
 * hosted service), else the SQLite file DATABASE_PATH (the embedded default). The PostgreSQL
 * driver is loaded only then, so a SQLite start does not pay for it.
 */
import { openDb } from './client.ts'
import { createSqliteStore } from './sqlite-store.ts'
import type { Store } from './store.ts'

export type StoreConfig = {
  readonly DATABASE_URL?: string | undefined
  readonly DATABASE_PATH: string
  readonly PG_POOL_MAX?: number | undefined
}

export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.DATABASE_URL) {
    const { openPgStore } = await import('./pg/store.ts')
    return openPgStore(config.DATABASE_URL, { max: config.PG_POOL_MAX })
  }
  return createSqliteStore(openDb(config.DATABASE_PATH))
}

/** Where the data is, for messages: the file, or the PostgreSQL server and database without the password. */
export function describeStore(config: StoreConfig): string {
  if (!config.DATABASE_URL) return config.DATABASE_PATH
  const url = new URL(config.DATABASE_URL)
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`
}
