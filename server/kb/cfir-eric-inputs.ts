/**
 * @module Reads the inputs of the CFIR–ERIC derivation from data/sources/ and data/kb/: the
 * construct-name table, the crosswalk, the published endorsements and the strategies' ERIC
 * numbers. Shared by the command that writes `links/cfir-eric.yaml` and the test that checks it.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { parse as parseYaml } from 'yaml'
import { constructTable, type ConstructTable } from '../domain/cfir-constructs.ts'
import type { CrosswalkRow, EndorsementRow } from '../domain/cfir-eric-links.ts'
import { StrategiesFile } from '../schemas/kb.ts'

export const REPO_ROOT = join(import.meta.dirname, '..', '..')

export type CfirEricInputs = {
  readonly constructs: ConstructTable
  readonly crosswalk: CrosswalkRow[]
  readonly endorsements: EndorsementRow[]
  readonly strategyByEric: Map<number, string>
}

function readCsv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data
}

/** The construct-name table of data/sources/cfir-constructs.csv. */
export function readConstructTable(root = REPO_ROOT): ConstructTable {
  return constructTable(
    readCsv(join(root, 'data/sources/cfir-constructs.csv')).map((r) => ({
      name: String(r.name),
      construct: String(r.construct),
    }))
  )
}

export function readCfirEricInputs(root = REPO_ROOT): CfirEricInputs {
  const crosswalk: CrosswalkRow[] = readCsv(join(root, 'data/sources/midi-cfir-crosswalk.csv')).map((r) => ({
    midi: Number(r.midi_number),
    construct: String(r.cfir_construct),
    rank: r.rank === 'secondary' ? 'secondary' : 'primary',
  }))
  // Line 1 is the header; no published row spans lines.
  const endorsements: EndorsementRow[] = readCsv(join(root, 'data/sources/cfir-eric-published.csv')).map((r, i) => ({
    line: i + 2,
    construct: String(r.cfir_construct),
    ericNumber: Number(r.eric_number),
    pct: r.endorsement_pct ? Number(r.endorsement_pct) : null,
    level: String(r.level),
    source: String(r.source),
  }))
  const strategyByEric = new Map<number, string>()
  const dir = join(root, 'data/kb/strategies')
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const parsed = StrategiesFile.parse(parseYaml(readFileSync(join(dir, file), 'utf8')))
    for (const s of parsed.strategies) if (s.ericNumber) strategyByEric.set(s.ericNumber, s.id)
  }
  return { constructs: readConstructTable(root), crosswalk, endorsements, strategyByEric }
}
