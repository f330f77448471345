import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import { resolveConstruct } from '../../server/domain/cfir-constructs.ts'
import { readConstructTable } from '../../server/kb/cfir-eric-inputs.ts'
import { readKbSources } from '../../server/kb/read-sources.ts'
import { KB_DIR } from '../support/db.ts'

const root = join(import.meta.dirname, '..', '..')
const kb = readKbSources(KB_DIR)
const strategies = kb.strategies.flatMap((f) => f.records)
const links = kb.links.flatMap((f) => f.records)
const readCsv = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(root, path), 'utf8'), { header: true, skipEmptyLines: true }).data

describe('data/kb: determinants', () => {
  const determinants = kb.determinants.records

  test('has the 29 MIDI determinants in MIDI order, 7/11/10/1 per group', () => {
    expect(determinants.map((d) => d.number)).toEqual([...Array(29).keys()].map((i) => i + 1))
    const groups = determinants.map((d) => d.group)
    expect(groups.slice(0, 7).every((g) => g === 'innovation')).toBe(true)
    expect(groups.slice(7, 18).every((g) => g === 'user')).toBe(true)
    expect(groups.slice(18, 28).every((g) => g === 'organisation')).toBe(true)
    expect(groups[28]).toBe('context')
  })

  test('keeps the MIDI names of the reference table', () => {
    const en = determinants.map((d) => d.name.en)
    expect(en.slice(0, 4)).toEqual(['Procedural clarity', 'Correctness', 'Completeness', 'Complexity'])
    expect(en[15]).toBe('Self-efficacy')
    expect(en[24]).toBe('Coordinator')
    expect(determinants[22]?.name.nl).toBe('Tijd')
    expect(determinants[28]?.name.nl).toBe('Wet- en regelgeving')
  })

  test('lets every user answer 1–18 and the key informant 19–29', () => {
    for (const d of determinants) expect(d.respondent).toBe(d.number <= 18 ? 'user' : 'key-informant')
  })

  test('reverse-scores the items where agreeing is unfavourable: complexity and unrest', () => {
    const reversed = determinants.flatMap((d) => d.items.filter((item) => item.reverse).map(() => d.number))
    expect(reversed.sort((a, b) => a - b)).toEqual([4, 26])
  })

  test('uses every kind of answer scale the MIDI needs', () => {
    const kinds = new Map(kb.scales.records.map((s) => [s.id, s.kind]))
    const used = new Set(determinants.flatMap((d) => d.items.map((i) => kinds.get(i.scale))))
    expect(used).toEqual(new Set(['agree', 'yes-no', 'categories', 'proportion']))
  })

  test('offers "not yet applicable / don\'t know" only on the items that are always negative before a start', () => {
    const scales = new Map(kb.scales.records.map((s) => [s.id, s]))
    const withNotYet = determinants.flatMap((d) =>
      d.items.filter((i) => scales.get(i.scale)?.options.some((o) => o.valence === 'missing')).map((i) => i.id)
    )
    expect(withNotYet).toEqual(['d06', 'd14'])
    for (const id of ['agree-5-not-yet', 'proportion-5-not-yet']) {
      const scale = scales.get(id)
      const notYet = scale?.options.filter((o) => o.valence === 'missing')
      expect(notYet).toEqual([
        { value: 9, score: null, valence: 'missing', label: { nl: 'Nog niet van toepassing / weet ik niet', en: "Not yet applicable / don't know" } },
      ])
      // The other options are those of the scale without it.
      const plain = scales.get(id.replace('-not-yet', ''))
      expect(scale?.options.filter((o) => o.valence !== 'missing')).toEqual(plain?.options)
    }
  })

  test('counts "Deels voldoende" (partly sufficient) as a shortfall', () => {
    const sufficiency = kb.scales.records.find((s) => s.id === 'sufficiency-5')
    expect(sufficiency?.options.map((o) => o.valence)).toEqual(['negative', 'negative', 'negative', 'positive', 'positive'])
  })

  test('marks item wording and Dutch labels as unverified until checked against the manual', () => {
    expect(determinants.every((d) => !d.nameVerified)).toBe(true)
    expect(determinants.flatMap((d) => d.items).every((i) => !i.verified)).toBe(true)
  })
})

describe('data/kb: strategies', () => {
  test('has well over 100 strategies with unique ids', () => {
    expect(strategies.length).toBeGreaterThanOrEqual(105)
    expect(new Set(strategies.map((s) => s.id)).size).toBe(strategies.length)
  })

  test('adapts each of the 73 ERIC strategies once, keeping its number and name', () => {
    const eric = readCsv('test/fixtures/cfir-eric-reflecting-evaluating.csv') // names for a spot check
    const numbers = strategies.flatMap((s) => (s.ericNumber ? [s.ericNumber] : [])).sort((a, b) => a - b)
    expect(numbers).toEqual([...Array(73).keys()].map((i) => i + 1))
    const names = new Set(strategies.map((s) => s.ericName))
    for (const row of eric) expect(names.has(row.eric_strategy)).toBe(true)
    for (const s of strategies) expect(s.origin === 'eric').toBe(s.ericNumber !== undefined)
  })

  test('adds school and Dutch-context strategies the users asked for', () => {
    const ids = new Set(strategies.map((s) => s.id))
    for (const id of [
      'micro-learning-network',
      'students-co-researchers',
      'gezonde-school-adviser',
      'care-advice-team',
      'warm-handover-vmbo-mbo',
      'pdsa-cycles',
      'ripple-effect-mapping',
    ]) {
      expect(ids.has(id), id).toBe(true)
    }
  })

  test('gives every strategy a Dutch and English name, description and example', () => {
    for (const s of strategies) {
      for (const field of [s.name, s.description, s.example]) {
        expect(field.nl.length).toBeGreaterThan(2)
        expect(field.en.length).toBeGreaterThan(2)
        expect(field.nl).not.toBe(field.en)
      }
    }
  })

  test('flags the ERIC adaptations whose mechanism changed, each with a note saying how', () => {
    const changed = strategies.filter((s) => s.mechanismChanged)
    expect(changed.map((s) => s.ericNumber).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([10, 28, 42, 49])
    for (const s of changed) {
      expect(s.adaptationNote?.nl, s.id).toMatch(/^ERIC bedoelt /)
      expect(s.adaptationNote?.en, s.id).toMatch(/^ERIC means /)
    }
    // ERIC 66 (capitated payments) keeps its mechanism: a fixed budget per person.
    const perStudent = strategies.find((s) => s.ericNumber === 66)
    expect(perStudent?.mechanismChanged).toBe(false)
    expect(perStudent?.adaptationNote?.en).toMatch(/works as in ERIC/)
  })

  test('uses every cluster, phase and actor', () => {
    expect(new Set(strategies.map((s) => s.cluster))).toEqual(new Set(kb.clusters.records.map((c) => c.id)))
    expect(new Set(strategies.flatMap((s) => s.phases)).size).toBe(4)
    expect(new Set(strategies.flatMap((s) => s.actors)).size).toBe(5)
  })
})

describe('data/kb: links and their provenance', () => {
  test('links every determinant to at least three strategies and every strategy to a determinant', () => {
    for (let d = 1; d <= 29; d++) {
      expect(new Set(links.filter((l) => l.determinant === d).map((l) => l.strategy)).size, `determinant ${d}`).toBeGreaterThanOrEqual(3)
    }
    const linked = new Set(links.map((l) => l.strategy))
    for (const s of strategies) expect(linked.has(s.id), s.id).toBe(true)
  })

  test('never attributes a link to TNO', () => {
    for (const s of kb.sources.records) {
      expect(`${s.id} ${s.label} ${s.citation}`).not.toMatch(/TNO|implementatietool/i)
    }
    for (const l of links) expect(`${l.rationale.nl} ${l.rationale.en} ${l.via?.nl ?? ''} ${l.via?.en ?? ''} ${l.construct ?? ''}`).not.toMatch(/\bTNO\b/)
  })

  test('gives every source the evidence tier of its kind', () => {
    const tierOf: Record<string, string> = {
      'expert-survey': 'expert-data',
      delphi: 'expert-data',
      theory: 'published-method',
      editorial: 'proposal',
      imported: 'imported',
    }
    for (const s of kb.sources.records) expect(s.tier, s.id).toBe(tierOf[s.kind])
  })

  test('points no source at the address of another work', () => {
    const urls = kb.sources.records.flatMap((s) => (s.url ? [s.url] : []))
    expect(new Set(urls).size).toBe(urls.length)
    const bartholomew = kb.sources.records.find((s) => s.id === 'bartholomew-2011-im-methods')
    expect(bartholomew?.url).toBeUndefined()
    expect(bartholomew?.citation).toMatch(/Brainscape/)
  })

  test('pairs each method with the sources that can produce it', () => {
    const kinds = new Map(kb.sources.records.map((s) => [s.id, s.kind]))
    const expected: Record<string, string> = {
      'cfir-eric-crosswalk': 'expert-survey',
      'im-method-match': 'theory',
      'delphi-hypothesis': 'delphi',
      'editorial-judgement': 'editorial',
    }
    for (const l of links) expect(kinds.get(l.source), `${l.determinant} ${l.strategy}`).toBe(expected[l.method])
  })

  test('gives editorial links the documented strengths 0.45 (direct) or 0.3 (indirect), never essential', () => {
    const editorial = links.filter((l) => l.method === 'editorial-judgement')
    expect(editorial.length).toBeGreaterThan(300)
    for (const l of editorial) expect([0.3, 0.45]).toContain(l.strength)
  })

  test('lists every editorial link at 0.45 and every one the review lowered to 0.3 in docs/editorial-review.md', () => {
    const review = readFileSync(join(root, 'docs/editorial-review.md'), 'utf8')
    const rows = [...review.matchAll(/^\| \d+ \| (\d+) [^|]+\| ([a-z0-9-]+) [^|]+\| [^|]+\| 0\.60 \| (0\.45|0\.30) \|/gm)]
    expect(rows).toHaveLength(182)
    const editorial = new Map(links.filter((l) => l.method === 'editorial-judgement').map((l) => [`${l.determinant}|${l.strategy}`, l.strength]))
    for (const [, d, s, strength] of rows) expect(editorial.get(`${d}|${s}`), `${d} ${s}`).toBe(Number(strength))
    expect([...editorial.values()].filter((v) => v === 0.45)).toHaveLength(rows.filter((r) => r[3] === '0.45').length)
  })

  test('derives every CFIR–ERIC link from a published percentage and the crosswalk', () => {
    const published = readCsv('data/sources/cfir-eric-published.csv')
    const crosswalk = readCsv('data/sources/midi-cfir-crosswalk.csv')
    const constructs = readConstructTable()
    const same = (a: string | undefined, b: string | undefined) =>
      a !== undefined && b !== undefined && resolveConstruct(constructs, a) === resolveConstruct(constructs, b)
    const cfir = links.filter((l) => l.method === 'cfir-eric-crosswalk')
    expect(cfir.length).toBeGreaterThan(50)
    for (const l of cfir) {
      const construct = /^CFIR 2009: (.+?) \((primary|secondary) crosswalk\)$/.exec(l.construct ?? '')?.[1]
      expect(construct, l.construct).toBeDefined()
      expect(crosswalk.some((r) => Number(r.midi_number) === l.determinant && same(r.cfir_construct, construct))).toBe(true)
      const strategy = strategies.find((s) => s.id === l.strategy)
      const row = published.find(
        (r) => same(r.cfir_construct, construct) && Number(r.eric_number) === strategy?.ericNumber && r.source === l.source
      )
      expect(row, `${l.determinant} ${l.strategy}`).toBeDefined()
      expect(l.strength).toBeCloseTo(row?.endorsement_pct ? Number(row.endorsement_pct) / 100 : 0.2, 9)
    }
  })

  test('derives every Intervention Mapping link from a method listed for the determinant\'s class', () => {
    const methods = readCsv('data/sources/im-methods.csv')
    const classes = readCsv('data/sources/midi-im-classes.csv')
    const im = links.filter((l) => l.method === 'im-method-match')
    expect(im.length).toBeGreaterThan(30)
    for (const l of im) {
      const [imClass, method] = (l.construct ?? '').split(/: (.*)/s)
      const row = methods.find((m) => m.im_class === imClass && m.method === method)
      expect(row, l.construct).toBeDefined()
      expect(l.source).toBe(row?.source)
      expect(l.strength).toBe(0.4)
      const allowed = classes.find((c) => c.im_class === imClass)?.determinants?.split(' ').map(Number)
      expect(allowed, `${imClass} → ${l.determinant}`).toContain(l.determinant)
    }
  })
})

describe('module boundaries', () => {
  const forbidden = /from '(hono|@hono\/[^']+|drizzle-orm[^']*|better-sqlite3|node:[^']+)'/
  for (const dir of ['server/domain', 'server/schemas']) {
    test(`${dir} imports no HTTP, database or Node modules`, () => {
      for (const file of readdirSync(join(root, dir))) {
        const text = readFileSync(join(root, dir, file), 'utf8')
        expect(forbidden.exec(text)?.[0], `${dir}/${file}`).toBeUndefined()
      }
    })
  }

  test('keeps SQL behind server/db', () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`
        if (entry.isDirectory()) walk(path)
        else if (!path.startsWith('server/db/') && /from 'drizzle-orm|better-sqlite3'/.test(readFileSync(join(root, path), 'utf8'))) {
          offenders.push(path)
        }
      }
    }
    walk('server')
    expect(offenders).toEqual([])
  })
})

describe('data/kb: Waltz et al. (2015) ratings', () => {
  // A copy of the reference table (shared/reference/data/eric_73_strategies.csv): the published
  // importance and feasibility means and go-zone quadrant of the 73 ERIC strategies, empty
  // where the values could not be read.
  const published = new Map(readCsv('data/sources/eric-73-waltz-2015.csv').map((r) => [Number(r.num), r]))
  const value = (text: string | undefined) => (text ? Number(text) : undefined)

  test('are exactly the published values, never one the table leaves empty', () => {
    const rated = strategies.filter((s) => s.waltz)
    expect(rated.length).toBeGreaterThan(0)
    for (const s of rated) {
      const row = published.get(s.ericNumber ?? -1)
      expect(row, s.id).toBeDefined()
      expect(s.origin, s.id).toBe('eric')
      expect(s.waltz?.importance, `${s.id} importance`).toBe(value(row?.importance_mean))
      expect(s.waltz?.feasibility, `${s.id} feasibility`).toBe(value(row?.feasibility_mean))
      expect(s.waltz?.quadrant, `${s.id} quadrant`).toBe(row?.go_zone_quadrant || undefined)
    }
  })
})
