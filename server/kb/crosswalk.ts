/**
 * @module Reads the project's MIDI→CFIR crosswalk (data/sources/midi-cfir-crosswalk.csv) as a
 * map from CFIR construct to MIDI determinants, for importing CFIR-keyed mappings.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Crosswalk } from '../domain/mapping-import.ts'

export const CROSSWALK_FILE = join(import.meta.dirname, '..', '..', 'data', 'sources', 'midi-cfir-crosswalk.csv')

export function readCrosswalk(path = CROSSWALK_FILE): Crosswalk {
  const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data
  const map = new Map<string, number[]>()
  for (const r of rows) {
    const construct = String(r.cfir_construct)
    map.set(construct, [...(map.get(construct) ?? []), Number(r.midi_number)])
  }
  return map
}
