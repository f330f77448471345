/**
 * vitest globalSetup of the `postgresql` project: prepares two template databases on the
 * PostgreSQL server of the tests (TEST_DATABASE_URL, by default
 * postgres://postgres@127.0.0.1:5432/postgres) once per run: one migrated, one migrated and
 * loaded with data/kb. Each test file then copies a template into a database of its own
 * (CREATE DATABASE … TEMPLATE, a file copy), so files run in parallel and start fast.
 * vite.config.ts leaves the project out, and says so, when no server answers
 * (test/support/pg-probe.ts).
 */
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openPgStore } from '../../server/db/pg/store.ts'
import { KB_DIR } from './db.ts'

import { DEFAULT_TEST_DATABASE_URL } from './pg-probe.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The dialect of the project's contract suites (test/support/dialects.ts). */
    dialect: 'sqlite' | 'postgresql'

    /** The server's URL and the names of the template databases; null when skipped. */
    postgres: { url: string; empty: string; loaded: string } | null
  }
}

const dbUrl = (url: string, database: string) => {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await admin.connect()
  const suffix = `${process.pid}_${Date.now().toString(36)}`
  const empty = `sw_tpl_empty_${suffix}`
  const loaded = `sw_tpl_kb_${suffix}`
  for (const name of [empty, loaded]) {
    await admin.query(`CREATE DATABASE ${name}`)
    const store = openPgStore(dbUrl(url, name), { max: 2 })
    try {
      await store.migrate()
      if (name === loaded) await store.kb.load(KB_DIR)
    } finally {
      await store.close()
    }
  }
  project.provide('postgres', { url, empty, loaded })
  console.log(`PostgreSQL tests run against ${new URL(url).host}`)
  return async () => {
    for (const name of [empty, loaded]) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}

export { dbUrl }
