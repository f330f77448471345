import { execFileSync, spawnSync } from 'node:child_process'
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
    expect(result.links[0]?.via).toBe('TNO implementatietool (imported), row 2: 16 → champions')
    expect(result.links.every((l) => l.method === 'imported' && l.source === source.id)).toBe(true)
  })

  test('reports every bad row with its row number and value, and imports nothing', () => {
    const csv = 'determinant,strategy,strength\n16,champions,0.6\n31,champions,0.5\n16,unknown strategy,0.5\n17,champions,lots\n'
    const result = parseMapping(csv, kb, source)
    expect(result.links).toEqual([])
    expect(result.issues.map((i) => [i.row, i.column, i.value])).toEqual([
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
    expect(result.issues.map((i) => [i.row, i.value])).toEqual([[2, '0.6']])
  })

  test('reads a percentage column whole: 1 is 1%, not the strongest link', () => {
    const result = parseMapping('determinant,strategy,endorsement_pct\n16,champions,1\n17,champions,40\n', kb, source)
    expect(result.links.map((l) => l.strength)).toEqual([0.01, 0.4])
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

describe('npm run kb:import', () => {
  const run = (args: string[], dbPath: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/kb-import.ts', ...args], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, DATABASE_PATH: dbPath },
      encoding: 'utf8',
    })

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
    expect(failed.stderr).toMatch(/row 3, determinant '99'/)
    expect(failed.stderr).toMatch(/nothing was imported/)
    const count = execFileSync('node', ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db.path)});console.log(d.prepare("select count(*) n from determinant_strategies where source_id in ('tno-implementatietool','another-mapping')").get().n)`], { encoding: 'utf8' })
    expect(count.trim()).toBe('2')
    db.close()
  })
})
