import { afterEach, describe, expect, test } from 'vitest'
import { indexKb } from '../../server/domain/kb-index.ts'
import { parseMapping } from '../../server/domain/mapping-import.ts'
import { createKbStore } from '../../server/kb/kb-store.ts'
import { testStore, type TestStore } from '../support/dialects.ts'

let t: TestStore | undefined
afterEach(() => t?.close())

/**
 * Bumps the stored revision as another process's import would (npm run kb:import beside the
 * server, or another instance on the same PostgreSQL): in SQL, not through this process's code,
 * which would count it as a write of its own.
 */
const writeFromElsewhere = (t: TestStore) =>
  t.query("UPDATE kb_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision'")

describe('the knowledge-base cache', () => {
  test('reads the revision at most once per recheck interval, and sees a write by another process after it', async () => {
    t = await testStore()
    let now = 0
    const store = createKbStore(t.store.kb, 200, () => now)
    const first = await store.get()
    await writeFromElsewhere(t)
    now = 199
    expect(await store.get()).toBe(first) // within the interval: trusted without a read
    now = 200
    const second = await store.get()
    expect(second).not.toBe(first)
    now = 300
    expect(await store.get()).toBe(second) // nothing changed since: the same copy
  })

  test('sees a write by this process at once', async () => {
    t = await testStore()
    const store = createKbStore(t.store.kb, 60_000)
    const first = await store.get()
    const source = { id: 'team-mapping', label: 'A team mapping' }
    const { links } = parseMapping('determinant,strategy,strength\n23,champions,0.9\n', indexKb(await t.store.kb.content()), source)
    await t.store.kb.replaceImportedSource({ ...source, citation: 'A team, 2026', evidence: 'V' }, links)
    expect(await store.get()).not.toBe(first)
    expect((await store.get()).source.has('team-mapping')).toBe(true)
  })

  test('requests arriving while the revision is read share that one read', async () => {
    t = await testStore()
    let reads = 0
    const kb = t.store.kb
    const counting = { ...kb, revision: () => (reads++, kb.revision()) }
    const store = createKbStore(counting, 200, () => 0)
    const [a, b, c] = await Promise.all([store.get(), store.get(), store.get()])
    expect(reads).toBe(1)
    expect(a).toBe(b)
    expect(b).toBe(c)
  })
})
