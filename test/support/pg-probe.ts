/**
 * Whether the PostgreSQL tests can run: vite.config.ts asks once, before it lists the vitest
 * projects, and leaves the `postgresql` project out when no server answers, saying so loudly
 * at the start of the run; unless REQUIRE_POSTGRES=1 (CI), which makes it a failure.
 */
import pg from 'pg'

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export async function probePostgres(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const url = env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch (error) {
    const why = `no PostgreSQL server at ${new URL(url).host} (${(error as Error).message})`
    if (env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${why}. Set TEST_DATABASE_URL.`)
    console.warn(
      `\n  ⚠ PostgreSQL tests SKIPPED: ${why}.\n` +
        '    Set TEST_DATABASE_URL=postgres://… to run them (docs/postgresql.md).\n'
    )
    return false
  }
}
