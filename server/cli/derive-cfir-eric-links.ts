/**
 * @module Derives `data/kb/links/cfir-eric.yaml` from two reviewed inputs:
 * `data/sources/cfir-eric-published.csv` (published CFIR–ERIC expert endorsements, facts with
 * their source) and `data/sources/midi-cfir-crosswalk.csv` (our editorial MIDI→CFIR crosswalk).
 *
 * Run `npx tsx server/cli/derive-cfir-eric-links.ts` after changing either input; the output is
 * committed and reviewed like any other source file. The method is in data/README.md.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { parse as parseYaml, stringify } from 'yaml'
import { StrategiesFile, type Link } from '../schemas/kb.ts'

const root = join(import.meta.dirname, '..', '..')
const readCsv = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(root, path), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data

type Crosswalk = { midi: number; construct: string; rank: 'primary' | 'secondary' }
type Endorsement = {
  construct: string
  ericNumber: number
  pct: number | null
  level: string
  source: string
}

const crosswalk: Crosswalk[] = readCsv('data/sources/midi-cfir-crosswalk.csv').map((r) => ({
  midi: Number(r.midi_number),
  construct: String(r.cfir_construct),
  rank: r.rank === 'secondary' ? 'secondary' : 'primary',
}))
const endorsements: Endorsement[] = readCsv('data/sources/cfir-eric-published.csv').map((r) => ({
  construct: String(r.cfir_construct),
  ericNumber: Number(r.eric_number),
  pct: r.endorsement_pct ? Number(r.endorsement_pct) : null,
  level: String(r.level),
  source: String(r.source),
}))

const strategyByEric = new Map<number, string>()
const strategiesDir = join(root, 'data/kb/strategies')
for (const file of readdirSync(strategiesDir).filter((f) => f.endsWith('.yaml'))) {
  const parsed = StrategiesFile.parse(parseYaml(readFileSync(join(strategiesDir, file), 'utf8')))
  for (const s of parsed.strategies) if (s.ericNumber) strategyByEric.set(s.ericNumber, s.id)
}

/** Level 2 starts at 20% of experts: the strength we assume where only the level is published. */
const LEVEL_ONLY_STRENGTH = 0.2
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

type Candidate = { link: Link; rank: Crosswalk['rank']; precise: boolean }
const best = new Map<string, Candidate>()
const unmatched = new Set<number>()
for (const cw of crosswalk) {
  for (const e of endorsements.filter((x) => same(x.construct, cw.construct))) {
    const strategy = strategyByEric.get(e.ericNumber)
    if (!strategy) {
      unmatched.add(e.ericNumber)
      continue
    }
    const precise = e.pct !== null
    const strength = precise ? (e.pct as number) / 100 : LEVEL_ONLY_STRENGTH
    const rankNl = cw.rank === 'primary' ? 'primaire' : 'secundaire'
    const rationale = precise
      ? {
          nl: `In de CFIR–ERIC-studie koos ${e.pct}% van de experts deze strategie bij de CFIR-barrière '${cw.construct}'; wij koppelen die barrière aan MIDI-determinant ${cw.midi} (${rankNl} vertaling).`,
          en: `In the CFIR–ERIC study ${e.pct}% of experts chose this strategy for the CFIR barrier '${cw.construct}', which we map to MIDI determinant ${cw.midi} (${cw.rank} crosswalk).`,
        }
      : {
          nl: `Het CFIR–ERIC-hulpmiddel geeft deze strategie een Level 1- of 2-match (minstens 20% van de experts) bij de CFIR-barrière '${cw.construct}'; wij koppelen die aan MIDI-determinant ${cw.midi} (${rankNl} vertaling).`,
          en: `The CFIR–ERIC tool gives this strategy a Level 1 or 2 match (at least 20% of experts) for the CFIR barrier '${cw.construct}', which we map to MIDI determinant ${cw.midi} (${cw.rank} crosswalk).`,
        }
    const candidate: Candidate = {
      rank: cw.rank,
      precise,
      link: {
        determinant: cw.midi,
        strategy,
        source: e.source,
        method: 'cfir-eric-crosswalk',
        strength,
        via: `CFIR 2009: ${cw.construct} (${cw.rank} crosswalk${precise ? '' : '; level only, strength is the 20% lower bound'})`,
        rationale,
      },
    }
    // One CFIR–ERIC link per pair: every report draws on the same expert survey, so two
    // reports of it are not two sources. Prefer the primary crosswalk, then a published
    // percentage over a level only, then the higher percentage.
    const key = `${cw.midi}|${strategy}`
    const current = best.get(key)
    const better =
      !current ||
      (candidate.rank === 'primary' && current.rank === 'secondary') ||
      (candidate.rank === current.rank &&
        ((candidate.precise && !current.precise) ||
          (candidate.precise === current.precise && strength > current.link.strength)))
    if (better) best.set(key, candidate)
  }
}
if (unmatched.size > 0) {
  throw new Error(`No strategy carries ERIC number(s) ${[...unmatched].join(', ')}`)
}

const links = [...best.values()]
  .map((c) => c.link)
  .sort((a, b) => a.determinant - b.determinant || b.strength - a.strength || a.strategy.localeCompare(b.strategy))
const header =
  '# GENERATED by server/cli/derive-cfir-eric-links.ts from data/sources/cfir-eric-published.csv\n' +
  '# and data/sources/midi-cfir-crosswalk.csv. Edit those inputs and run the script again.\n'
writeFileSync(join(root, 'data/kb/links/cfir-eric.yaml'), header + stringify({ links }, { lineWidth: 0 }))
console.log(`wrote ${links.length} CFIR–ERIC links`)
