import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { createApp } from '../../server/app.ts'
import { readKbContent } from '../../server/db/queries/kb.ts'
import { replaceImportedSource } from '../../server/db/queries/imports.ts'
import { loadKb } from '../../server/db/seed.ts'
import { indexKb } from '../../server/domain/kb-index.ts'
import { parseMapping, parseStrength, strengthUnit } from '../../server/domain/mapping-import.ts'
import { readCrosswalk } from '../../server/kb/crosswalk.ts'
import Database from 'better-sqlite3'
import { KB_DIR, tempDb } from '../support/db.ts'

const t = tempDb()
loadKb(t.db, KB_DIR)
const kb = indexKb(readKbContent(t.db))
afterAll(() => t.close())
const source = { id: 'tno-implementatietool', label: 'TNO implementatietool (imported)' }

describe('strength units', () => {
  test.for([
    ['0.45', 'fraction', 0.45],
    ['1', 'fraction', 1],
    ['45', 'percent', 0.45],
    ['45%', 'percent', 0.45],
    ['45,5 %', 'percent', 0.455],
    ['1', 'percent', 0.01],
    ['100%', 'percent', 1],
    ['0', 'fraction', 0],
    ['', 'fraction', null],
    ['-3', 'percent', null],
    ['150', 'percent', null],
    ['1.5', 'fraction', null],
    ['veel', 'percent', null],
    ['0.6', 'percent', null],
    ['0.6%', 'percent', 0.006],
  ] as const)('reads %s in a %s column as %s', ([raw, unit, expected]) => {
    const value = parseStrength(raw, unit)
    if (expected === null) expect(value).toBeNull()
    else expect(value).toBeCloseTo(expected, 12)
  })

  test('decides the unit once per column, so "1" among percentages is 1%', () => {
    expect(strengthUnit('strength', ['0.6', '1', '0.3'])).toBe('fraction')
    expect(strengthUnit('strength', ['60', '1', '30'])).toBe('percent')
    expect(strengthUnit('strength', ['0.6', '1%'])).toBe('percent')
    expect(strengthUnit('endorsement_pct', ['1', '0.5'])).toBe('percent')
  })
})

describe('parseMapping', () => {
  test('accepts determinant numbers, codes and names, and strategy ids, names and ERIC names', () => {
    const csv = [
      'determinant,strategy,strength,rationale',
      '16,champions,0.6,',
      'time-available,Allocate task hours and recognise the work,0.45,Uren maken tijd vrij',
      'Coördinator,Identify and prepare champions,0.3,',
      'Eigen-effectiviteit,ERIC 43,0.5,',
    ].join('\n')
    const result = parseMapping(csv, kb, source)
    expect(result.issues).toEqual([])
    expect(result.links.map((l) => [l.determinant, l.strategy, l.strength])).toEqual([
      [16, 'champions', 0.6],
      [23, 'allocate-task-hours', 0.45],
      [25, 'champions', 0.3],
      [16, 'dynamic-training', 0.5],
    ])
    expect(result.links[1]?.rationale).toEqual({ nl: 'Uren maken tijd vrij', en: 'Uren maken tijd vrij' })
    expect(result.links[0]?.construct).toBe('TNO implementatietool (imported), row 2: 16 → champions')
    expect(result.links[0]?.basis).toBe('imported')
    expect(result.links[0]?.via?.en).toBe("Row 2 of the file imported from TNO implementatietool (imported): '16' → 'champions'.")
    expect(result.links.every((l) => l.method === 'imported' && l.source === source.id)).toBe(true)
  })

  test('reports every bad row with its row number and value, and imports nothing', () => {
    const csv = 'determinant,strategy,strength\n16,champions,0.6\n31,champions,0.5\n16,unknown strategy,0.5\n17,champions,lots\n'
    const result = parseMapping(csv, kb, source)
    expect(result.links).toEqual([])
    expect(result.issues.map((i) => [i.line, i.column, i.value])).toEqual([
      [3, 'determinant', '31'],
      [4, 'strategy', 'unknown strategy'],
      [5, 'strength', 'lots'],
    ])
  })

  test('names a missing column', () => {
    expect(parseMapping('determinant,strategy\n16,champions\n', kb, source).issues[0]?.message).toMatch(/'strength'/)
  })

  test('maps CFIR constructs to MIDI determinants through the crosswalk when asked', () => {
    const csv = 'cfir_construct,eric_strategy,endorsement_pct\nAvailable resources,Access new funding,52\n'
    expect(parseMapping(csv, kb, source).issues).toHaveLength(1)
    const result = parseMapping(csv, kb, source, readCrosswalk())
    expect(result.links.map((l) => l.determinant).sort((a, b) => a - b)).toEqual([20, 21, 22, 23, 24])
    expect(result.links.every((l) => l.strategy === 'access-new-funding' && l.strength === 0.52)).toBe(true)
  })

  test('refuses a column that mixes fractions and percentages', () => {
    const result = parseMapping('determinant,strategy,strength\n16,champions,0.6\n17,champions,45%\n', kb, source)
    expect(result.links).toEqual([])
    expect(result.issues.map((i) => [i.line, i.value])).toEqual([[2, '0.6']])
  })

  test('reads a percentage column whole: 1 is 1%, not the strongest link', () => {
    const result = parseMapping('determinant,strategy,endorsement_pct\n16,champions,1\n17,champions,40\n', kb, source)
    expect(result.links.map((l) => l.strength)).toEqual([0.01, 0.4])
  })

  test('rejects a file with a quote never closed, naming the line, instead of folding the rows into one', () => {
    const csv = 'determinant,strategy,strength,rationale\n16,champions,0.6,"Tijd\n17,champions,0.5,x\n18,champions,0.4,y\n'
    const result = parseMapping(csv, kb, source)
    expect(result.links).toEqual([])
    expect(result.issues).toEqual([
      { line: 2, column: '', value: '', message: 'a quoted cell is not closed: its opening quote has no closing quote' },
    ])
  })

  test('names the line of a row whose quoted rationale spans lines', () => {
    const csv = 'determinant,strategy,strength,rationale\n16,champions,0.6,"two\nlines"\n99,champions,0.5,x\n'
    expect(parseMapping(csv, kb, source).issues.map((i) => [i.line, i.value])).toEqual([[4, '99']])
  })

  test('keeps the strongest value of a pair named twice', () => {
    const result = parseMapping('determinant,strategy,strength\n16,champions,0.3\n16,champions,0.7\n', kb, source)
    expect(result.links.map((l) => l.strength)).toEqual([0.7])
    expect(result.merged).toBe(1)
  })
})

describe('imported links in the API', () => {
  test('appear under their own source next to the curated ones, and a re-import replaces them', async () => {
    const db = tempDb()
    loadKb(db.db, KB_DIR)
    const app = createApp({ db: db.db })
    const before = (await (await app.request('/api/determinants/23')).json()) as any
    const first = parseMapping('determinant,strategy,strength\n23,champions,0.9\n', indexKb(readKbContent(db.db)), source)
    replaceImportedSource(db.db, { ...source, citation: 'TNO 2022', evidence: 'V' }, first.links)
    const after = (await (await app.request('/api/determinants/23')).json()) as any
    const champion = after.strategies.find((s: any) => s.id === 'champions')
    expect(champion.links.map((l: any) => l.source)).toContain(source.id)
    expect(after.strategies.length).toBe(before.strategies.some((s: any) => s.id === 'champions') ? before.strategies.length : before.strategies.length + 1)
    const second = parseMapping('determinant,strategy,strength\n24,champions,0.9\n', indexKb(readKbContent(db.db)), source)
    replaceImportedSource(db.db, { ...source, citation: 'TNO 2022', evidence: 'V' }, second.links)
    const links = (await (await app.request(`/api/links?source=${source.id}`)).json()) as any
    expect(links.links.map((l: any) => l.determinant)).toEqual([24])
    expect(links.links[0]).toMatchObject({ basis: 'imported', tier: 'imported', cell: null })
    const reference = (await (await app.request('/api/reference')).json()) as any
    expect(reference.sources.find((s: any) => s.id === source.id)).toMatchObject({ tier: 'imported', origin: 'imported' })
    const ranked = (await (await app.request('/api/recommendations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ barriers: [24], sources: [source.id] }),
    })).json()) as any
    expect(ranked.strategies.map((s: any) => s.id)).toEqual(['champions'])
    db.close()
  })

  test('refuses to overwrite a curated source', () => {
    expect(() =>
      replaceImportedSource(t.db, { id: 'strategiewijzer-editorial', label: 'x', citation: 'x', evidence: 'U' }, [])
    ).toThrow(/source of data\/kb/)
  })
})

describe('npm run kb:import', { timeout: 60_000 }, () => {
  const root = join(import.meta.dirname, '..', '..')
  const run = (args: string[], dbPath: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/kb-import.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: dbPath },
      encoding: 'utf8',
    })
  const start = (args: string[], dbPath: string) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/kb-import.ts', ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_PATH: dbPath },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.stderr.on('data', (d) => (stderr += d))
      child.on('close', (status) => resolve({ status, stdout, stderr }))
    })
  /** The links of an imported source, read with a connection of its own. */
  const linkCount = (dbPath: string, sourceId: string) => {
    const db = new Database(dbPath, { readonly: true })
    const { n } = db.prepare('SELECT count(*) AS n FROM determinant_strategies WHERE source_id = ?').get(sourceId) as { n: number }
    db.close()
    return n
  }
  // The database of this file, loaded once, so that most runs below skip loading the knowledge base.
  const mapping = (name: string, content: string | Buffer) => {
    const file = join(t.dir, name)
    writeFileSync(file, content)
    return file
  }

  // Three runs of the CLI through tsx: seconds each when the machine is busy.
  test('imports a valid file and rejects a broken one as a whole', { timeout: 60_000 }, () => {
    const db = tempDb()
    const good = join(db.dir, 'good.csv')
    const bad = join(db.dir, 'bad.csv')
    writeFileSync(good, 'determinant,strategy,strength\n16,champions,60%\n25,coordinator-task-profile,80%\n')
    writeFileSync(bad, 'determinant,strategy,strength\n16,champions,60%\n99,champions,80%\n')
    const cfir = join(db.dir, 'cfir.csv')
    writeFileSync(cfir, 'cfir_construct,eric_strategy,endorsement_pct\nSelf-efficacy,Identify and prepare champions,30\nAvailable resources,Access new funding,52\n')
    const ok = run([good, '--source', 'tno-implementatietool', '--label', 'TNO'], db.path)
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/Imported 2 links under source 'tno-implementatietool'/)
    const fromCfir = run([cfir, '--source', 'cfir-eric-workbook'], db.path)
    expect(fromCfir.status, fromCfir.stderr).toBe(0)
    expect(fromCfir.stdout).toMatch(/Imported 6 links under source 'cfir-eric-workbook'/)
    const failed = run([bad, '--source', 'another-mapping'], db.path)
    expect(failed.status).toBe(1)
    expect(failed.stderr).toMatch(/line 3, determinant '99'/)
    expect(failed.stderr).toMatch(/nothing was imported/)
    const count = execFileSync('node', ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db.path)});console.log(d.prepare("select count(*) n from determinant_strategies where source_id in ('tno-implementatietool','another-mapping')").get().n)`], { encoding: 'utf8' })
    expect(count.trim()).toBe('2')
    db.close()
  })

  test('rejects a file with a quote never closed, naming the line, and imports nothing', () => {
    const file = mapping('unclosed.csv', 'determinant,strategy,strength,rationale\n16,champions,60%,ok\n17,champions,50%,"Tijd\n18,champions,40%,x\n')
    const result = run([file, '--source', 'unclosed'], t.path)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/line 3: a quoted cell is not closed/)
    expect(result.stderr).toMatch(/nothing was imported/)
    expect(linkCount(t.path, 'unclosed')).toBe(0)
  })

  test('reads a Windows-1252 file (Dutch Excel) without turning its letters into �', () => {
    const text = 'determinant;strategy;strength;rationale\n16;champions;60%;Coördinatie en één aanspreekpunt\n'
    const result = run([mapping('excel.csv', Buffer.from(text, 'latin1')), '--source', 'excel'], t.path)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/read as windows-1252/)
    const link = readKbContent(t.db).links.find((l) => l.source === 'excel')
    expect(link?.rationale.nl).toBe('Coördinatie en één aanspreekpunt')
  })

  test('refuses a file without data rows, keeping the source, unless told to replace it with nothing', () => {
    const good = mapping('one-row.csv', 'determinant,strategy,strength\n16,champions,60%\n')
    const empty = mapping('header-only.csv', 'determinant,strategy,strength\n')
    expect(run([good, '--source', 'emptied'], t.path).status).toBe(0)
    const refused = run([empty, '--source', 'emptied'], t.path)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/no data rows; nothing was imported/)
    expect(refused.stderr).toMatch(/--replace-with-nothing/)
    expect(linkCount(t.path, 'emptied')).toBe(1)
    const emptied = run([empty, '--source', 'emptied', '--replace-with-nothing'], t.path)
    expect(emptied.status, emptied.stderr).toBe(0)
    expect(linkCount(t.path, 'emptied')).toBe(0)
  })

  test('says the database is busy when another process holds the write lock past the busy timeout', () => {
    const file = mapping('waiting.csv', 'determinant,strategy,strength\n16,champions,60%\n')
    const holder = new Database(t.path)
    holder.exec('BEGIN IMMEDIATE')
    const result = run([file, '--source', 'waiting'], t.path)
    holder.exec('ROLLBACK')
    holder.close()
    expect(result.status).toBe(1)
    expect(result.stderr.trim()).toBe('The database is busy: another import or load is running; try again. Nothing was imported.')
    expect(linkCount(t.path, 'waiting')).toBe(0)
  })

  test('lets two imports start on one fresh database at once: both succeed or one says the database is busy', { timeout: 300_000 }, async () => {
    const file = mapping('concurrent.csv', 'determinant,strategy,strength\n16,champions,60%\n')
    for (let round = 0; round < 8; round++) {
      const path = join(t.dir, `fresh-${round}.db`)
      const results = await Promise.all([start([file, '--source', 'first'], path), start([file, '--source', 'second'], path)])
      for (const r of results) {
        expect(r.stderr, r.stderr).not.toMatch(/SqliteError|\n\s+at /)
        if (r.status !== 0) expect(r.stderr).toMatch(/^The database is busy: another import or load is running; try again/)
      }
      expect([linkCount(path, 'first'), linkCount(path, 'second')]).toEqual(results.map((r) => (r.status === 0 ? 1 : 0)))
    }
  })
})
