/**
 * Test databases: a real SQLite file in a fresh temporary folder, migrated with the real
 * migrations and loaded with the real knowledge base (or another folder of source files).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../server/app.ts'
import { openDb, type Db } from '../../server/db/client.ts'
import { migrateDb } from '../../server/db/migrate.ts'
import { loadKb } from '../../server/db/seed.ts'

export const KB_DIR = join(import.meta.dirname, '..', '..', 'data', 'kb')

export type TestDb = { db: Db; dir: string; path: string; close(): void }

/** A migrated, empty database in a new temporary folder. */
export function tempDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'sw-test-'))
  const path = join(dir, 'test.db')
  const db = openDb(path)
  migrateDb(db)
  return {
    db,
    dir,
    path,
    close() {
      db.$client.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A copy of data/kb in `dir`, to break or change in a test without touching the real files. */
export function copyKb(dir: string): string {
  const target = join(dir, 'data', 'kb')
  cpSync(KB_DIR, target, { recursive: true })
  return target
}

/** A database loaded with the real knowledge base, and the app over it. */
export function loadedApp() {
  const t = tempDb()
  loadKb(t.db, KB_DIR)
  return { ...t, app: createApp({ db: t.db }) }
}
