import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, test } from 'vitest'
import { loadKb } from '../../server/db/seed.ts'
import { KB_DIR, tempDb } from '../support/db.ts'

const root = join(import.meta.dirname, '..', '..')
const backup = (args: string[], dbPath: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/backup.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: dbPath },
    encoding: 'utf8',
  })
/** Strategies in a database file opened alone; 0 when it has not even the table. */
const strategiesIn = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM strategies').get() as { n: number }).n
  } catch {
    return 0
  } finally {
    db.close()
  }
}

// A server's database: written, still open, and nothing checkpointed, so every row so far
// lives in the -wal file.
const t = tempDb()
t.db.$client.pragma('wal_autocheckpoint = 0')
loadKb(t.db, KB_DIR)
afterAll(() => t.close())

describe('npm run backup', { timeout: 60_000 }, () => {
  test('copies data that is still only in the write-ahead log, which a file copy misses', () => {
    const copied = join(t.dir, 'file-copy.db')
    copyFileSync(t.path, copied)
    expect(strategiesIn(copied)).toBe(0)

    const file = join(t.dir, 'backups', 'backup.db')
    const result = backup([file], t.path)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^Wrote .*backup\.db \([\d.]+ MB\), a copy of .*: 29 determinants, \d+ strategies, \d+ links; integrity check ok\.$/m)
    expect(existsSync(`${file}-wal`)).toBe(false)
    expect(strategiesIn(file)).toBeGreaterThan(100)
  })

  test('refuses to overwrite a file unless --force', () => {
    const file = join(t.dir, 'existing.db')
    writeFileSync(file, 'keep me')
    const refused = backup([file], t.path)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/exists; nothing was written\. Add --force/)
    expect(strategiesIn(file)).toBe(0)
    const forced = backup([file, '--force'], t.path)
    expect(forced.status, forced.stderr).toBe(0)
    expect(strategiesIn(file)).toBeGreaterThan(100)
  })

  test('says so when there is no database to copy', () => {
    const result = backup([join(t.dir, 'never.db')], join(t.dir, 'missing.db'))
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/There is no database at .*missing\.db/)
  })
})
