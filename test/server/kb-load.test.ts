import { cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { afterEach, describe, expect, test } from 'vitest'
import { openDb } from '../../server/db/client.ts'
import { MIGRATIONS_FOLDER } from '../../server/db/migrate.ts'
import { readKbContent, storedKbHash } from '../../server/db/queries/kb.ts'
import { replaceImportedSource } from '../../server/db/queries/imports.ts'
import { loadKb } from '../../server/db/seed.ts'
import { KbSourceError } from '../../server/kb/read-sources.ts'
import { copyKb, KB_DIR, tempDb, type TestDb } from '../support/db.ts'

let t: TestDb
afterEach(() => t?.close())

const counts = (db: TestDb['db']) => {
  const c = readKbContent(db)
  return {
    determinants: c.determinants.length,
    items: c.determinants.flatMap((d) => d.items).length,
    strategies: c.strategies.length,
    links: c.links.length,
    sources: c.sources.length,
  }
}
const search = (db: TestDb['db']) => db.$client.prepare('SELECT count(*) AS n FROM kb_search').get() as { n: number }

describe('loadKb', () => {
  test('loads the knowledge base into a fresh database file', () => {
    t = tempDb()
    expect(loadKb(t.db, KB_DIR).loaded).toBe(true)
    const c = counts(t.db)
    expect(c.determinants).toBe(29)
    expect(c.strategies).toBeGreaterThanOrEqual(100)
    expect(c.links).toBeGreaterThan(c.strategies)
    expect(search(t.db).n).toBe((c.strategies + c.determinants) * 2)
  })

  test('writes nothing the second time and leaves the same database when forced', () => {
    t = tempDb()
    loadKb(t.db, KB_DIR)
    const first = readKbContent(t.db)
    expect(loadKb(t.db, KB_DIR).loaded).toBe(false)
    expect(loadKb(t.db, KB_DIR, { force: true }).loaded).toBe(true)
    expect(readKbContent(t.db)).toEqual(first)
    expect(search(t.db).n).toBe((first.strategies.length + 29) * 2)
  })

  test('rejects a broken file naming file, record and field, and changes nothing', () => {
    t = tempDb()
    loadKb(t.db, KB_DIR)
    const before = readKbContent(t.db)
    const hash = storedKbHash(t.db)
    const kb = copyKb(t.dir)
    const file = join(kb, 'strategies', 'a.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s+)effort: low$/m, '$1effort: enormous'))
    let error: unknown
    try {
      loadKb(t.db, kb)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(KbSourceError)
    const problem = (error as KbSourceError).problems[0]
    expect(problem?.file).toBe('data/kb/strategies/a.yaml')
    expect(problem?.record).toMatch(/^strategies\[\d+\] \(id '[a-z-]+'\)$/)
    expect(problem?.field).toBe('effort')
    expect((error as Error).message).toContain("data/kb/strategies/a.yaml: strategies[")
    expect(readKbContent(t.db)).toEqual(before)
    expect(storedKbHash(t.db)).toBe(hash)
  })

  test.for([
    {
      why: 'an empty Dutch description',
      file: 'strategies/b.yaml',
      edit: (s: string) => s.replace(/description:\n(\s+)nl: >-\n(\s+).*\n(\s+.*\n)*?(\s+)en:/, 'description:\n$1nl: ""\n$4en:'),
      field: 'description.nl',
    },
    {
      why: 'a link to a strategy that does not exist',
      file: 'links/editorial-a.yaml',
      edit: (s: string) => s.replace(/strategy: access-new-funding/, 'strategy: no-such-strategy'),
      field: 'strategy',
    },
    {
      why: 'a duplicate strategy id',
      file: 'strategies/e2.yaml',
      edit: (s: string) => s.replace(/id: kick-off-meeting/, 'id: champions'),
      field: 'id',
    },
    {
      why: 'a determinant out of MIDI order',
      file: 'determinants.yaml',
      edit: (s: string) => s.replace(/- number: 2\n/, '- number: 3\n'),
      field: 'number',
    },
    {
      why: 'an editorial link whose strength claims to be a printed share',
      file: 'links/editorial-a.yaml',
      edit: (s: string) => s.replace(/basis: judgement/, 'basis: printed'),
      field: 'basis',
    },
    {
      why: 'an Intervention Mapping link with another strength than the method\'s fixed 0.4',
      file: 'links/im-a.yaml',
      edit: (s: string) => s.replace(/strength: 0\.4\n/, 'strength: 0.5\n'),
      field: 'strength',
    },
    {
      why: 'an ERIC strategy whose mechanism changed without a note saying how',
      file: 'strategies/a.yaml',
      edit: (s: string) => s.replace(/\n    effort: low\n/, '\n    effort: low\n    mechanismChanged: true\n'),
      field: 'adaptationNote',
    },
    {
      why: 'an editorial link at the essential threshold',
      file: 'links/editorial-a.yaml',
      edit: (s: string) => s.replace(/strength: 0\.45\n/, 'strength: 0.5\n'),
      field: 'strength',
    },
    {
      why: 'a derived link whose cell is not source/construct/strategy',
      file: 'links/cfir-eric.yaml',
      edit: (s: string) => s.replace(/cell: isc-2024-cfir-eric-table4\//, 'cell: isc-2024-cfir-eric-table4 '),
      field: 'cell',
    },
  ])('rejects $why', ({ file, edit, field }) => {
    t = tempDb()
    const kb = copyKb(t.dir)
    const path = join(kb, file)
    const original = readFileSync(path, 'utf8')
    const broken = edit(original)
    expect(broken).not.toBe(original)
    writeFileSync(path, broken)
    expect(() => loadKb(t.db, kb)).toThrow(KbSourceError)
    try {
      loadKb(t.db, kb)
    } catch (e) {
      expect((e as KbSourceError).problems.map((p) => p.field)).toContain(field)
    }
    expect(counts(t.db).strategies).toBe(0)
  })

  test('rejects a file that is not YAML, naming it', () => {
    t = tempDb()
    const kb = copyKb(t.dir)
    writeFileSync(join(kb, 'clusters.yaml'), 'clusters: [unclosed')
    expect(() => loadKb(t.db, kb)).toThrow(/data\/kb\/clusters\.yaml: \(file\): \(file\): not valid YAML/)
  })

  test('keeps imported links when the knowledge base is loaded again', () => {
    t = tempDb()
    loadKb(t.db, KB_DIR)
    replaceImportedSource(t.db, { id: 'my-mapping', label: 'Mine', citation: 'Mine', evidence: 'U' }, [
      { determinant: 23, strategy: 'champions', source: 'my-mapping', method: 'imported', strength: 0.7, basis: 'imported', rationale: { nl: 'x', en: 'x' } },
    ])
    loadKb(t.db, KB_DIR, { force: true })
    const imported = readKbContent(t.db).links.filter((l) => l.source === 'my-mapping')
    expect(imported).toHaveLength(1)
  })

  test('refuses to drop a strategy that imported links still use', () => {
    t = tempDb()
    loadKb(t.db, KB_DIR)
    replaceImportedSource(t.db, { id: 'my-mapping', label: 'Mine', citation: 'Mine', evidence: 'U' }, [
      { determinant: 23, strategy: 'budget-line', source: 'my-mapping', method: 'imported', strength: 0.7, basis: 'imported', rationale: { nl: 'x', en: 'x' } },
    ])
    const kb = copyKb(t.dir)
    // Remove budget-line (the last strategy of e2) and its links.
    const strategiesFile = join(kb, 'strategies', 'e2.yaml')
    const text = readFileSync(strategiesFile, 'utf8')
    writeFileSync(strategiesFile, text.slice(0, text.indexOf('  - id: budget-line')))
    for (const f of ['editorial-e2.yaml', 'im-e2.yaml']) {
      const p = join(kb, 'links', f)
      const links = readFileSync(p, 'utf8').split(/(?=\n  - determinant:)/)
      writeFileSync(p, links.filter((l) => !l.includes('strategy: budget-line')).join(''))
    }
    expect(() => loadKb(t.db, kb)).toThrow(/'budget-line' \(source 'my-mapping'\)/)
    expect(readKbContent(t.db).strategies.some((s) => s.id === 'budget-line')).toBe(true)
    rmSync(kb, { recursive: true })
  })
})

describe('migrations', () => {
  test('keep the provenance line of a link imported before links had construct and via columns', () => {
    t = tempDb()
    t.db.$client.close()
    rmSync(t.path)
    // The migrations as they were before 0003: the first three of the journal.
    const old = join(t.dir, 'drizzle')
    cpSync(MIGRATIONS_FOLDER, old, { recursive: true })
    const journalPath = join(old, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'))
    journal.entries = journal.entries.filter((e: { tag: string }) => /^000[0-2]_/.test(e.tag))
    writeFileSync(journalPath, JSON.stringify(journal))
    const db = openDb(t.path)
    migrate(db, { migrationsFolder: old })
    db.$client.pragma('foreign_keys = OFF')
    db.$client
      .prepare(
        `INSERT INTO determinant_strategies (determinant_number, strategy_id, source_id, method_id, strength, via, rationale_nl, rationale_en)
         VALUES (23, 'champions', 'tno', 'imported', 0.7, 'TNO, row 3: 23 → champions', 'x', 'x')`
      )
      .run()
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
    const row = db.$client.prepare('SELECT * FROM determinant_strategies').get() as Record<string, unknown>
    db.$client.close()
    expect(row).toMatchObject({
      basis: 'imported',
      construct: 'TNO, row 3: 23 → champions',
      via_nl: 'Uit het geïmporteerde bestand: TNO, row 3: 23 → champions',
      via_en: 'From the imported file: TNO, row 3: 23 → champions',
    })
    expect(row).not.toHaveProperty('via')
    t = { ...t, close: () => rmSync(t.dir, { recursive: true, force: true }) }
  })
})
