/**
 * @module Reads a determinant→strategy mapping from CSV (e.g. the TNO implementatietool's
 * mapping, or the CFIR–ERIC workbook) into links, checking every row against the knowledge
 * base. Pure: the caller writes the links (in one transaction) only when there is no issue.
 */
import type { Link } from '../schemas/kb.ts'
import { readCsv, type CsvLimits } from './csv-read.ts'
import type { KbIndex } from './kb-index.ts'

/**
 * A problem by 1-based line of the file (the header is line 1): in one cell, or, with an
 * empty `column`, in the file as such (a quote never closed, a limit passed).
 */
export type MappingIssue = { readonly line: number; readonly column: string; readonly value: string; readonly message: string }

/** A framework construct (e.g. CFIR 2009 "Self-efficacy") and the MIDI determinants it maps to. */
export type Crosswalk = ReadonlyMap<string, readonly number[]>

export type MappingResult = {
  readonly links: Link[]
  readonly issues: MappingIssue[]
  /** Rows whose pair appeared before; the strongest value was kept. */
  readonly merged: number
  /** Data rows read (the header and empty lines not counted). */
  readonly rows: number
}

/** Bounds of a mapping file: far above any known mapping, such as the CFIR–ERIC workbook's. */
export const MAPPING_LIMITS: CsvLimits = { maxRows: 100_000, maxColumns: 100, maxCellLength: 10_000 }

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ')
const DETERMINANT_COLUMNS = ['determinant', 'midi', 'construct', 'barrier', 'cfir_construct']
const STRATEGY_COLUMNS = ['strategy', 'strategie', 'eric_strategy', 'eric_name']
const STRENGTH_COLUMNS = ['strength', 'sterkte', 'endorsement', 'endorsement_pct', 'percentage', 'pct']
const RATIONALE_COLUMNS = ['rationale', 'reason', 'reden', 'toelichting']

const PERCENT_COLUMNS = new Set(['endorsement', 'endorsement_pct', 'percentage', 'pct'])

/** A cell as a number, `%` and a decimal comma allowed; null when it is no number. */
function cellNumber(raw: string): number | null {
  const text = raw.trim().replace(',', '.').replace(/\s*%$/, '')
  const value = Number(text)
  return text === '' || !Number.isFinite(value) ? null : value
}

/**
 * Decides once for a whole column whether strengths are percentages or fractions, so that
 * "1" in a column of percentages means 1%, not the strongest possible link. A column is in
 * percent when its name says so (endorsement, endorsement_pct, percentage, pct) or when any
 * cell has a `%` or a value above 1; otherwise it holds fractions.
 */
export function strengthUnit(column: string, cells: readonly string[]): 'percent' | 'fraction' {
  if (PERCENT_COLUMNS.has(column)) return 'percent'
  return cells.some((c) => c.trim().endsWith('%') || (cellNumber(c) ?? 0) > 1) ? 'percent' : 'fraction'
}

/**
 * Parses a strength in the column's unit; null when it is not within 0–1 (or 0–100%), or when
 * a fraction such as 0.6 stands among percentages (it would silently become 0.6%).
 */
export function parseStrength(raw: string, unit: 'percent' | 'fraction'): number | null {
  const value = cellNumber(raw)
  if (value === null || value < 0) return null
  if (unit === 'percent' && !raw.trim().endsWith('%') && value > 0 && value < 1) return null
  const fraction = unit === 'percent' ? value / 100 : value
  return fraction <= 1 ? fraction : null
}

/**
 * Reads the mapping. Columns (header names, any case): `determinant` — a MIDI number (1–29),
 * code or name in either language, or a construct of the crosswalk; `strategy` — a strategy
 * id, name (either language), ERIC name or ERIC number (`ERIC 35`); `strength` — fractions 0–1 or
 * percentages, decided per column by {@link strengthUnit}; optional `rationale`. A construct maps to every MIDI determinant the
 * crosswalk gives it. A pair named twice keeps its strongest value.
 */
export function parseMapping(
  text: string,
  kb: Pick<KbIndex, 'content'>,
  source: { readonly id: string; readonly label: string },
  crosswalk: Crosswalk = new Map()
): MappingResult {
  const read = readCsv(text, MAPPING_LIMITS)
  if (!read.ok) {
    return { links: [], issues: [{ line: read.problem.line, column: '', value: '', message: read.problem.message }], merged: 0, rows: 0 }
  }
  const [header, ...records] = read.rows
  const issues: MappingIssue[] = []
  const fields = (header?.cells ?? []).map((h) => norm(h).replace(/ /g, '_'))
  const column = (names: readonly string[]) => {
    const index = fields.findIndex((f) => names.includes(f))
    return index >= 0 ? { index, name: fields[index] as string } : undefined
  }
  const dCol = column(DETERMINANT_COLUMNS)
  const sCol = column(STRATEGY_COLUMNS)
  const wCol = column(STRENGTH_COLUMNS)
  const rCol = column(RATIONALE_COLUMNS)
  for (const [col, names] of [
    [dCol, 'determinant'],
    [sCol, 'strategy'],
    [wCol, 'strength'],
  ] as const) {
    if (!col) issues.push({ line: 1, column: names, value: '', message: `the header has no '${names}' column` })
  }
  if (!dCol || !sCol || !wCol) return { links: [], issues, merged: 0, rows: records.length }

  const determinantBy = new Map<string, number[]>()
  for (const d of kb.content.determinants) {
    for (const key of [String(d.number), d.code, d.name.nl, d.name.en]) determinantBy.set(norm(key), [d.number])
  }
  for (const [construct, numbers] of crosswalk) {
    if (!determinantBy.has(norm(construct))) determinantBy.set(norm(construct), [...numbers])
  }
  const strategyBy = new Map<string, string>()
  for (const s of kb.content.strategies) {
    for (const key of [s.id, s.name.nl, s.name.en, s.ericName ?? '', s.ericNumber ? `eric ${s.ericNumber}` : '']) {
      if (key) strategyBy.set(norm(key), s.id)
    }
  }

  const unit = strengthUnit(wCol.name, records.map((r) => r.cells[wCol.index] ?? ''))
  const byPair = new Map<string, Link>()
  let merged = 0
  for (const { line, cells } of records) {
    const dRaw = cells[dCol.index] ?? ''
    const sRaw = cells[sCol.index] ?? ''
    const wRaw = cells[wCol.index] ?? ''
    const determinants = determinantBy.get(norm(dRaw))
    const strategy = strategyBy.get(norm(sRaw)) ?? strategyBy.get(norm(sRaw).replace(/^eric\s*#?\s*/, 'eric '))
    const strength = parseStrength(wRaw, unit)
    if (!determinants) {
      issues.push({ line, column: dCol.name, value: dRaw, message: 'unknown determinant (use a MIDI number 1–29, code, name or a crosswalk construct)' })
    }
    if (!strategy) issues.push({ line, column: sCol.name, value: sRaw, message: 'unknown strategy (use an id, a name or an ERIC name)' })
    if (strength === null) {
      issues.push({
        line,
        column: wCol.name,
        value: wRaw,
        message: unit === 'percent' ? 'not a percentage between 0 and 100' : 'not a strength between 0 and 1',
      })
    }
    if (!determinants || !strategy || strength === null) continue
    const rationale = (rCol ? cells[rCol.index] : '')?.trim()
    for (const determinant of determinants) {
      const key = `${determinant}|${strategy}`
      const current = byPair.get(key)
      if (current) {
        merged++
        if (current.strength >= strength) continue
      }
      byPair.set(key, {
        determinant,
        strategy,
        source: source.id,
        method: 'imported',
        strength,
        basis: 'imported',
        construct: `${source.label}, row ${line}: ${dRaw.trim()} → ${sRaw.trim()}`,
        via: {
          nl: `Rij ${line} van het geïmporteerde bestand van ${source.label}: '${dRaw.trim()}' → '${sRaw.trim()}'.`,
          en: `Row ${line} of the file imported from ${source.label}: '${dRaw.trim()}' → '${sRaw.trim()}'.`,
        },
        rationale: {
          nl: rationale || `Overgenomen uit ${source.label} (rij ${line}).`,
          en: rationale || `Imported from ${source.label} (row ${line}).`,
        },
      })
    }
  }
  return { links: issues.length > 0 ? [] : [...byPair.values()], issues, merged, rows: records.length }
}
