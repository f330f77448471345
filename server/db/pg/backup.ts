/**
 * @module A backup of a PostgreSQL database with pg_dump (custom format: compressed, restored
 * table by table with pg_restore), checked by listing what it holds. pg_dump takes one
 * consistent snapshot and does not stop the app; for point-in-time recovery a service
 * archives the write-ahead log as well (docs/postgresql.md).
 */
import { spawnSync } from 'node:child_process'

const run = (command: string, args: readonly string[]) => {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new Error(
      missing
        ? `${command} was not found: install the PostgreSQL client (apt-get install postgresql-client) of the server's version or newer`
        : result.error.message
    )
  }
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim()}`)
  return result.stdout
}

/** Dumps the database at `url` into `file`; returns its name and how many tables' data it holds. */
export function dumpPostgres(url: string, file: string): { database: string; tables: number } {
  run('pg_dump', ['--format=custom', '--no-owner', '--file', file, '--dbname', url])
  const listing = run('pg_restore', ['--list', file])
  const tables = listing.split('\n').filter((line) => / TABLE DATA /.test(line)).length
  if (tables === 0) throw new Error('the dump holds no table data')
  return { database: new URL(url).pathname.slice(1), tables }
}
