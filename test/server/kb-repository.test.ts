/**
 * The knowledge base in the database, through the store: the same contract on SQLite and on
 * PostgreSQL (whose load sets imported links aside instead of deferring foreign keys).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, test } from 'vitest'
import { KbSourceError } from '../../server/kb/read-sources.ts'
import { copyKb, KB_DIR } from '../support/db.ts'
import { testStore, type TestStore } from '../support/dialects.ts'

const dir = mkdtempSync(join(tmpdir(), 'sw-kb-repo-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let t: TestStore | undefined
afterEach(() => t?.close())

const mine = { id: 'my-mapping', label: 'Mine', citation: 'Mine', evidence: 'U' as const }
const link = (strategy: string) => ({ determinant: 23, strategy, source: 'my-mapping', method: 'imported', strength: 0.7, basis: 'imported' as const, rationale: { nl: 'x', en: 'x' } })

describe('KbRepository', { timeout: 60_000 }, () => {
  test('loads into an empty database, then writes nothing for the same files and the same when forced', async () => {
    t = await testStore({ kb: false })
    expect(await t.store.kb.revision()).toBe(0)
    expect((await t.store.kb.load(KB_DIR)).loaded).toBe(true)
    const first = await t.store.kb.content()
    expect(first.determinants).toHaveLength(29)
    expect(first.strategies.length).toBeGreaterThanOrEqual(100)
    const revision = await t.store.kb.revision()
    expect((await t.store.kb.load(KB_DIR)).loaded).toBe(false)
    expect(await t.store.kb.revision()).toBe(revision)
    expect((await t.store.kb.load(KB_DIR, { force: true })).loaded).toBe(true)
    expect(await t.store.kb.content()).toEqual(first)
    expect(await t.store.kb.revision()).toBe(revision + 1)
    const [search] = await t.query<{ n: number }>('SELECT count(*) AS n FROM kb_search')
    expect(Number(search?.n)).toBe((first.strategies.length + 29) * 2)
  })

  test('keeps imported links through a forced load, and removes them with their source', async () => {
    t = await testStore()
    await t.store.kb.replaceImportedSource(mine, [link('champions')])
    await t.store.kb.load(KB_DIR, { force: true })
    expect((await t.store.kb.content()).links.filter((l) => l.source === 'my-mapping')).toHaveLength(1)
    expect(await t.store.kb.removeImportedSource('my-mapping')).toBe(true)
    expect(await t.store.kb.removeImportedSource('my-mapping')).toBe(false)
    const content = await t.store.kb.content()
    expect(content.links.some((l) => l.source === 'my-mapping')).toBe(false)
    expect(content.sources.some((s) => s.id === 'my-mapping')).toBe(false)
  })

  test('refuses an import under a curated source, writing nothing', async () => {
    t = await testStore()
    const before = await t.store.kb.revision()
    await expect(t.store.kb.replaceImportedSource({ ...mine, id: 'strategiewijzer-editorial' }, [])).rejects.toThrow(/is a source of data\/kb/)
    expect(await t.store.kb.revision()).toBe(before)
  })

  test('rejects a broken file and changes nothing', async () => {
    t = await testStore()
    const before = await t.store.kb.content()
    const hash = await t.store.kb.hash()
    const kb = copyKb(mkdtempSync(join(dir, 'broken-')))
    const file = join(kb, 'strategies', 'a.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s+)effort: low$/m, '$1effort: enormous'))
    await expect(t.store.kb.load(kb)).rejects.toBeInstanceOf(KbSourceError)
    expect(await t.store.kb.content()).toEqual(before)
    expect(await t.store.kb.hash()).toBe(hash)
  })

  test('refuses to drop a strategy that imported links still use, keeping it', async () => {
    t = await testStore()
    await t.store.kb.replaceImportedSource(mine, [link('budget-line')])
    const kb = copyKb(mkdtempSync(join(dir, 'dropped-')))
    const strategiesFile = join(kb, 'strategies', 'e2.yaml')
    const text = readFileSync(strategiesFile, 'utf8')
    writeFileSync(strategiesFile, text.slice(0, text.indexOf('  - id: budget-line')))
    for (const f of ['editorial-e2.yaml', 'im-e2.yaml']) {
      const p = join(kb, 'links', f)
      const links = readFileSync(p, 'utf8').split(/(?=\n  - determinant:)/)
      writeFileSync(p, links.filter((l) => !l.includes('strategy: budget-line')).join(''))
    }
    await expect(t.store.kb.load(kb)).rejects.toThrow(/'budget-line' \(source 'my-mapping'\)/)
    expect((await t.store.kb.content()).strategies.some((s) => s.id === 'budget-line')).toBe(true)
  })

  test('two loads at once: one writes, the other finds it done', async () => {
    t = await testStore({ kb: false })
    const results = await Promise.all([t.store.kb.load(KB_DIR), t.store.kb.load(KB_DIR)])
    expect(results.filter((r) => r.loaded)).toHaveLength(1)
    expect((await t.store.kb.content()).determinants).toHaveLength(29)
  })
})
