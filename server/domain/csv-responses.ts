/**
 * @module Reads a survey tool's CSV export of the questionnaire into response records: one
 * row per respondent, one column per item id. Shared by the API (POST /api/score with
 * text/csv) and the web app (import in the browser).
 */
import Papa from 'papaparse'
import type { ResponseRecord } from './scoring.ts'
import type { Respondent } from './vocabulary.ts'

/** What the reader needs of an item: its id and its options with every label they may carry. */
export type CsvItem = {
  readonly id: string
  readonly options: readonly { readonly value: number; readonly labels: readonly string[] }[]
}

/** A problem in one cell, by 1-based line number of the file (the header is line 1). */
export type CsvIssue = { readonly line: number; readonly column: string; readonly message: string }

export type CsvResponses = {
  readonly responses: ResponseRecord[]
  /** Columns that are neither an item nor respondent/role (e.g. a survey tool's metadata). */
  readonly ignoredColumns: string[]
  readonly issues: CsvIssue[]
}

const ITEM_COLUMN = /^d\d{2}[a-z]?$/i
const RESPONDENT_COLUMNS = ['respondent', 'respondentid', 'responseid', 'id', 'name', 'naam']
const ROLE_COLUMNS = ['role', 'rol']
const ROLE_VALUES: Record<string, Respondent> = {
  user: 'user',
  gebruiker: 'user',
  uitvoerder: 'user',
  'key-informant': 'key-informant',
  'key informant': 'key-informant',
  keyinformant: 'key-informant',
  sleutelinformant: 'key-informant',
}
const MISSING = new Set(['', 'na', 'n/a', '-', '.'])

const norm = (s: string) => s.trim().toLowerCase()

/**
 * Parses CSV text (comma, semicolon or tab separated; first line is the header).
 *
 * Item columns are headers like `d01` or `d13a` (any case). A cell may hold the option's
 * value (`4`) or its label in Dutch or English (`Mee eens`, `Agree`); an empty cell, `NA` or
 * `-` is a missing answer. An optional `respondent` (or `id`, `ResponseId`, `name`) column
 * labels each row; an optional `role` column says `user` or `key-informant`. Qualtrics'
 * extra header lines (question texts and `{"ImportId": …}`) are skipped. Other columns are
 * ignored and listed. Every problem is returned with its line and column; the caller decides
 * to reject the file when there is any.
 */
export function responsesFromCsv(text: string, items: readonly CsvItem[]): CsvResponses {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const [header = [], ...rows] = parsed.data
  const issues: CsvIssue[] = []
  const itemById = new Map(items.map((i) => [i.id, i]))
  const lookup = new Map(
    items.map((i) => [
      i.id,
      new Map(i.options.flatMap((o) => [[String(o.value), o.value], ...o.labels.map((l) => [norm(l), o.value] as const)])),
    ])
  )

  const columns = header.map((h) => h.trim())
  const respondentIndex = columns.findIndex((h) => RESPONDENT_COLUMNS.includes(norm(h)))
  const roleIndex = columns.findIndex((h) => ROLE_COLUMNS.includes(norm(h)))
  const itemColumns: { index: number; id: string }[] = []
  const ignoredColumns: string[] = []
  columns.forEach((h, index) => {
    if (index === respondentIndex || index === roleIndex) return
    if (ITEM_COLUMN.test(h)) {
      const id = h.toLowerCase()
      if (itemById.has(id)) itemColumns.push({ index, id })
      else issues.push({ line: 1, column: h, message: `unknown item '${h}'` })
    } else if (h !== '') {
      ignoredColumns.push(h)
    }
  })
  if (itemColumns.length === 0 && issues.length === 0) {
    issues.push({ line: 1, column: '(header)', message: 'no column is an item id such as d01 or d13a' })
  }

  // Qualtrics puts the question texts on line 2 and {"ImportId":…} on line 3.
  const importIdLine = rows.findIndex((r) => r.some((cell) => cell.includes('"ImportId"')))
  const skip = new Set(importIdLine >= 0 && importIdLine <= 1 ? [...Array(importIdLine + 1).keys()] : [])

  const responses: ResponseRecord[] = []
  rows.forEach((row, r) => {
    if (skip.has(r)) return
    const line = r + 2
    const answers: Record<string, number | null> = {}
    for (const { index, id } of itemColumns) {
      const cell = (row[index] ?? '').trim()
      if (MISSING.has(cell.toLowerCase())) {
        answers[id] = null
        continue
      }
      const value = lookup.get(id)?.get(norm(cell))
      if (value === undefined) {
        issues.push({ line, column: columns[index] ?? id, message: `'${cell}' is not an answer option of item ${id}` })
      } else {
        answers[id] = value
      }
    }
    const record: { respondent?: string; role?: Respondent; answers: Record<string, number | null> } = { answers }
    const label = respondentIndex >= 0 ? (row[respondentIndex] ?? '').trim() : ''
    if (label) record.respondent = label
    if (roleIndex >= 0) {
      const cell = norm(row[roleIndex] ?? '')
      if (cell !== '') {
        const role = ROLE_VALUES[cell]
        if (role) record.role = role
        else issues.push({ line, column: columns[roleIndex] ?? 'role', message: `'${cell}' is not a role (user or key-informant)` })
      }
    }
    responses.push(record)
  })
  if (responses.length === 0 && issues.length === 0) {
    issues.push({ line: 2, column: '(rows)', message: 'the file has no respondent rows' })
  }
  return { responses, ignoredColumns, issues }
}
