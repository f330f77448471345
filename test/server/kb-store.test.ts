import { afterEach, describe, expect, test } from 'vitest'
import { openDb } from '../../server/db/client.ts'
import { replaceImportedSource } from '../../server/db/queries/imports.ts'
import { readKbContent } from '../../server/db/queries/kb.ts'
import { loadKb } from '../../server/db/seed.ts'
import { indexKb } from '../../server/domain/kb-index.ts'
import { parseMapping } from '../../server/domain/mapping-import.ts'
import { createKbStore } from '../../server/kb/kb-store.ts'
import { KB_DIR, tempDb, type TestDb } from '../support/db.ts'

let db: TestDb | undefined
afterEach(() => db?.close())

/** Bumps the stored revision as another process's import would: through a connection of its own, not this process's code. */
function writeFromElsewhere(path: string) {
  const other = openDb(path)
  other.$client.prepare("UPDATE kb_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'").run()
  other.$client.close()
}

describe('the knowledge-base cache', () => {
  test('reads the revision at most once per recheck interval, and sees a write by another process after it', async () => {
    db = tempDb()
    loadKb(db.db, KB_DIR)
    let now = 0
    const store = createKbStore(db.db, 200, () => now)
    const first = await store.get()
    writeFromElsewhere(db.path)
    now = 199
    expect(await store.get()).toBe(first) // within the interval: trusted without a read
    now = 200
    const second = await store.get()
    expect(second).not.toBe(first)
    now = 300
    expect(await store.get()).toBe(second) // nothing changed since: the same copy
  })

  test('sees a write by this process at once', async () => {
    db = tempDb()
    loadKb(db.db, KB_DIR)
    const store = createKbStore(db.db, 60_000)
    const first = await store.get()
    const source = { id: 'team-mapping', label: 'A team mapping' }
    const { links } = parseMapping('determinant,strategy,strength\n23,champions,0.9\n', indexKb(readKbContent(db.db)), source)
    replaceImportedSource(db.db, { ...source, citation: 'A team, 2026', evidence: 'V' }, links)
    expect(await store.get()).not.toBe(first)
    expect((await store.get()).source.has('team-mapping')).toBe(true)
  })
})
