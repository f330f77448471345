/**
 * The contract suites: the same test files against SQLite and PostgreSQL. vite.config.ts runs
 * the files listed in DIALECT_SUITES twice: in the `node` project on SQLite, and in the
 * `postgresql` project on a real PostgreSQL server. Such a file opens its data with
 *
 *   const t = await testStore()            // migrated and loaded with data/kb
 *   afterAll(() => t.close())
 *   const app = t.app({ tokenSecret: 'a'.repeat(64) })
 *   … await t.query('SELECT token_hash FROM team_tokens WHERE workspace_id = $1', [id])
 *
 * and gets a fresh database of its own, of the project's dialect: a temporary SQLite file, or a
 * PostgreSQL database copied from a template made once per run (test/support/pg-global-setup.ts)
 * and dropped afterwards, so files run in parallel.
 */
import pg from 'pg'
import { inject } from 'vitest'
import { createApp, type AppOptions } from '../../server/app.ts'
import { openPgStore } from '../../server/db/pg/store.ts'
import { createSqliteStore } from '../../server/db/sqlite-store.ts'
import type { Dialect, Store } from '../../server/db/store.ts'
import { KB_DIR, tempDb } from './db.ts'
import { dbUrl } from './pg-global-setup.ts'

export type TestStore = {
  readonly dialect: Dialect
  readonly store: Store
  /** PostgreSQL: the URL of this database (for a server process or a tool of its own). */
  readonly url?: string
  /** An app over the store. */
  app(options?: Omit<AppOptions, 'store' | 'db'>): ReturnType<typeof createApp>
  /** Rows of one SQL statement with $1, $2 … parameters, on either dialect. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>
  close(): Promise<void>
}

export type TestStoreOptions = {
  /** Load data/kb (default true); false leaves a migrated, empty database. */
  readonly kb?: boolean
  /** The dialect; by default the project's (sqlite in `node`, postgresql in `postgresql`). */
  readonly dialect?: Dialect
}

/** The dialect of the vitest project this file runs in. */
export const projectDialect = (): Dialect => inject('dialect') ?? 'sqlite'

let sequence = 0

/** A fresh database, migrated (and loaded unless kb: false); close() drops it. */
export async function testStore({ kb = true, dialect = projectDialect() }: TestStoreOptions = {}): Promise<TestStore> {
  const opened = dialect === 'sqlite' ? openSqlite(kb) : await openPostgres(kb)
  const store = await opened.store
  return {
    dialect,
    store,
    url: opened.url,
    app: (options = {}) => createApp({ ...options, store }),
    query: (text, params) => store.query(text, params),
    close: opened.close,
  }
}

function openSqlite(kb: boolean) {
  const t = tempDb()
  const store = createSqliteStore(t.db)
  return {
    url: undefined,
    store: kb ? store.kb.load(KB_DIR).then(() => store) : Promise.resolve(store),
    close: async () => t.close(),
  }
}

async function openPostgres(kb: boolean) {
  const server = inject('postgres')
  if (!server) throw new Error('No PostgreSQL server for the tests: set TEST_DATABASE_URL (docs/postgresql.md)')
  const name = `sw_test_${process.pid}_${++sequence}_${Math.random().toString(36).slice(2, 8)}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url })
    await client.connect()
    await client.query(sql).finally(() => client.end())
  }
  await admin(`CREATE DATABASE ${name} TEMPLATE ${kb ? server.loaded : server.empty}`)
  const url = dbUrl(server.url, name)
  const store = openPgStore(url, { max: 4 })
  return {
    url,
    store: Promise.resolve(store),
    async close() {
      await store.close()
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}
