/**
 * @module `npm run backup -- <file> [--force]`: writes a consistent copy of the database
 * while the server may be running, checks it and says what it wrote. SQLite (DATABASE_PATH):
 * the online backup API, checked with `PRAGMA integrity_check`. PostgreSQL (DATABASE_URL):
 * `pg_dump --format=custom`, checked by listing it with `pg_restore --list`
 * (docs/postgresql.md: restoring, and point-in-time recovery). Refuses to overwrite a file
 * unless --force. Exit code 1 with a message on any failure.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readStoreConfig } from '../config.ts'
import { backupDb } from '../db/backup.ts'
import { dumpPostgres } from '../db/pg/backup.ts'
import { openDb } from '../db/client.ts'

const usage = `Usage:
  npm run backup -- <file> [--force]

  Copies the database (DATABASE_PATH) to <file>, safely while the server runs, and checks
  the copy. --force overwrites an existing <file>.`

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const [target] = positionals
if (!target || positionals.length > 1) fail(usage)

let source: string
let databaseUrl: string | undefined
try {
  ;({ DATABASE_PATH: source, DATABASE_URL: databaseUrl } = readStoreConfig())
} catch (error) {
  fail((error as Error).message)
}
if (databaseUrl) {
  const file = resolve(target)
  if (existsSync(file) && !values.force) fail(`${target} exists; nothing was written. Add --force to overwrite it.`)
  mkdirSync(dirname(file), { recursive: true })
  try {
    const dump = dumpPostgres(databaseUrl, file)
    const size = `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`
    console.log(
      `Wrote ${target} (${size}), a pg_dump (custom format) of ${dump.database}: ${dump.tables} tables with their data; ` +
        `restore with pg_restore --clean --if-exists -d <database> ${target}.`
    )
  } catch (error) {
    rmSync(file, { force: true })
    fail(`Backup to ${target} failed, nothing was written: ${(error as Error).message}`)
  }
  process.exit(0)
}
if (source === ':memory:') fail('DATABASE_PATH is :memory:; there is no database file to back up.')
if (!existsSync(source)) fail(`There is no database at ${source} (DATABASE_PATH).`)
const file = resolve(target)
if (file === resolve(source)) fail(`${target} is the database itself; choose another file.`)
if (existsSync(file)) {
  if (!values.force) fail(`${target} exists; nothing was written. Add --force to overwrite it.`)
  // Sidecar files of an earlier database under that name would be read with the new copy.
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
    rmSync(path, { force: true })
}
mkdirSync(dirname(file), { recursive: true })

try {
  const db = openDb(source)
  const check = await backupDb(db, file)
  db.$client.close()
  if (check.integrity.join() !== 'ok') {
    fail(`Wrote ${target}, but its integrity check failed:\n  ${check.integrity.join('\n  ')}`)
  }
  const size = `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`
  console.log(
    `Wrote ${target} (${size}), a copy of ${source}: ${check.determinants} determinants, ` +
      `${check.strategies} strategies, ${check.links} links; integrity check ok.`
  )
} catch (error) {
  rmSync(file, { force: true })
  fail(`Backup to ${target} failed, nothing was written: ${(error as Error).message}`)
}
