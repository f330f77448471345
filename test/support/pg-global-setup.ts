/**
 * vitest globalSetup of the node project: finds the PostgreSQL server the dialect tests run
 * against (TEST_DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/postgres), and
 * prepares two template databases there once: one migrated, one migrated and loaded with
 * data/kb. Each test file then copies a template into a database of its own (CREATE DATABASE
 * … TEMPLATE, a file copy), so files run in parallel and start fast.
 *
 * No server: the PostgreSQL half of every dialect suite is skipped, and this says so loudly,
 * unless REQUIRE_POSTGRES=1 (CI), which makes it a failure.
 */
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openPgStore } from '../../server/db/pg/store.ts'
import { KB_DIR } from './db.ts'

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

declare module 'vitest' {
  export interface ProvidedContext {
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
  const required = process.env.REQUIRE_POSTGRES === '1'
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
  } catch (error) {
    const why = `no PostgreSQL server at ${new URL(url).host} (${(error as Error).message})`
    if (required) throw new Error(`REQUIRE_POSTGRES=1 but ${why}. Set TEST_DATABASE_URL.`)
    const banner = `\n  ⚠ PostgreSQL tests SKIPPED: ${why}.\n    Set TEST_DATABASE_URL=postgres://… to run them (docs/postgresql.md).\n`
    console.warn(banner)
    project.provide('postgres', null)
    return () => console.warn(banner)
  }
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
