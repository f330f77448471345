/**
 * The contract suites: the same test bodies against SQLite and PostgreSQL.
 *
 *   describeEachDialect('POST /api/workspaces', (t) => {
 *     const app = t.app({ tokenSecret: 'a'.repeat(64) })
 *     test('…', async () => { … await app.request('/api/…') … await t.query('SELECT …') })
 *   })
 *
 * runs the body twice, as "POST /api/workspaces [sqlite]" and "… [postgresql]", each on a fresh
 * database of its own (a temporary SQLite file; a PostgreSQL database copied from a template
 * made in test/support/pg-global-setup.ts, dropped afterwards). `t.store`, `t.app()` and
 * `t.query()` may be named while the suite is collected; they are ready once its tests run.
 * The PostgreSQL half is skipped when no server is reachable (it says so at the start and end
 * of the run), and a failure under REQUIRE_POSTGRES=1.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { createApp, type AppOptions } from '../../server/app.ts'
import { openPgStore } from '../../server/db/pg/store.ts'
import { createSqliteStore } from '../../server/db/sqlite-store.ts'
import { DIALECTS, type Dialect, type Store } from '../../server/db/store.ts'
import { KB_DIR, tempDb } from './db.ts'
import { dbUrl } from './pg-global-setup.ts'

type App = ReturnType<typeof createApp>

export type DialectContext = {
  readonly dialect: Dialect
  /** The store of this suite's database (from beforeAll on). */
  readonly store: Store
  /** An app over the store, made when first used (so it can be named at collection time). */
  app(options?: Omit<AppOptions, 'store' | 'db'>): App
  /** Rows of one SQL statement with $1, $2 … parameters, on either dialect. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>
}

export type DialectOptions = {
  /** Load data/kb (default true); false leaves a migrated, empty database. */
  readonly kb?: boolean
  /** Only these dialects (a suite about one driver's behaviour). */
  readonly only?: readonly Dialect[]
}

/** The PostgreSQL server, or null when its tests are skipped. */
export const postgres = () => inject('postgres')

let sequence = 0

/** A fresh database of `dialect`, migrated (and loaded unless kb: false), and how to drop it. */
export async function openTestStore(dialect: Dialect, { kb = true }: DialectOptions = {}): Promise<{ store: Store; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const t = tempDb()
    const store = createSqliteStore(t.db)
    if (kb) await store.kb.load(KB_DIR)
    return { store, drop: async () => t.close() }
  }
  const server = postgres()
  if (!server) throw new Error('No PostgreSQL server for the tests (TEST_DATABASE_URL)')
  const name = `sw_test_${process.pid}_${++sequence}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: server.url })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${kb ? server.loaded : server.empty}`)
  } finally {
    await admin.end()
  }
  const store = openPgStore(dbUrl(server.url, name), { max: 4 })
  return {
    store,
    async drop() {
      await store.close()
      const admin = new pg.Client({ connectionString: server.url })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.end())
    },
  }
}

/** Runs `body` once per dialect, each on a database of its own. */
export function describeEachDialect(name: string, body: (t: DialectContext) => void, options: DialectOptions = {}): void {
  for (const dialect of options.only ?? DIALECTS) {
    const skip = dialect === 'postgresql' && !postgres()
    describe.skipIf(skip)(`${name} [${dialect}]`, () => {
      let opened: { store: Store; drop(): Promise<void> } | undefined
      beforeAll(async () => {
        opened = await openTestStore(dialect, options)
      }, 60_000)
      afterAll(async () => {
        await opened?.drop()
      })
      const ready = (): Store => {
        if (!opened) throw new Error(`The ${dialect} store is not open yet: use it inside a test or hook`)
        return opened.store
      }
      body({
        dialect,
        get store() {
          return ready()
        },
        app(appOptions = {}) {
          let app: App | undefined
          const real = () => (app ??= createApp({ ...appOptions, store: ready() }))
          return new Proxy({} as App, {
            get: (_, key) => {
              const value = Reflect.get(real(), key)
              return typeof value === 'function' ? value.bind(real()) : value
            },
          })
        },
        query: (text, params) => ready().query(text, params),
      })
    })
  }
}
