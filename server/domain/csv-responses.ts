/**
 * @module Reads a survey tool's CSV export of the questionnaire into response records: one
 * row per respondent, one column per item id. Shared by the API (POST /api/score with
 * text/csv) and the web app (import in the browser).
 */
import { readCsv, type CsvSyntaxError } from './csv-read.ts'
import type { ResponseRecord } from './scoring.ts'
import type { Respondent } from './vocabulary.ts'

/** What the reader needs of an item: its id and its options with every label they may carry. */
export type CsvItem = {
  readonly id: string
  readonly options: readonly { readonly value: number; readonly labels: readonly string[] }[]
}

/**
 * A problem by 1-based line number of the file (the header is line 1): in one cell, named by
 * its column, or a syntax error of the file (a quote never closed), named by `syntax`.
 */
export type CsvIssue = {
  readonly line: number
  readonly column?: string
  readonly syntax?: CsvSyntaxError
  readonly message: string
  /** What is wrong, for an interface that says it in its own language. */
  readonly kind?: 'unknown-item' | 'duplicate-item' | 'no-item-column' | 'not-an-option' | 'not-a-role' | 'no-rows'
  /** The item the cell answers (not-an-option) or the column names (unknown-item, duplicate-item). */
  readonly item?: string
  /** The cell as written (not-an-option, not-a-role). */
  readonly value?: string
  /** What the cell may hold instead: each option's value and first label, or the role words. */
  readonly valid?: readonly string[]
}

/** The role words a role column may hold, as an error lists them. */
const ROLE_WORDS = ['user', 'key-informant', 'uitvoerder', 'sleutelinformant']

/** A bound the file passed; reading stopped there. */
export type CsvTooLarge = {
  readonly limit: 'respondents' | 'empty-rows' | 'columns' | 'cell'
  readonly max: number
  readonly line: number
  readonly message: string
}

export type CsvResponses = {
  readonly responses: ResponseRecord[]
  /** Columns that are neither an item nor respondent/role (e.g. a survey tool's metadata). */
  readonly ignoredColumns: string[]
  readonly issues: CsvIssue[]
  /** Set when the file is larger than the limits allow; responses and issues are empty then. */
  readonly tooLarge?: CsvTooLarge
}

export type CsvResponsesLimits = {
  /** Most respondent rows (the API's MAX_RESPONDENTS). */
  readonly maxRespondents: number
  /** Most columns besides the items, respondent and role (a survey tool's metadata). */
  readonly maxOtherColumns?: number
  /** Most characters in a cell. */
  readonly maxCellLength?: number
}

/** Room for a survey tool's metadata and other questions next to the MIDI items. */
export const MAX_OTHER_COLUMNS = 200
/** Generous for an open answer or a question text, small enough to bound the work. */
export const MAX_CELL_LENGTH = 10_000
/** Header, and Qualtrics' question-text and ImportId lines. */
const HEADER_LINES = 3

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
/** A cell as quoted in a message: long ones are cut, so an issue never echoes a whole file. */
const quote = (s: string) => `'${s.length > 40 ? `${s.slice(0, 40)}…` : s}'`

/**
 * Parses CSV text (comma, semicolon or tab separated; first line is the header), already
 * decoded by `decodeText`.
 *
 * Item columns are headers like `d01` or `d13a` (any case). A cell may hold the option's
 * value (`4`) or its label in Dutch or English (`Mee eens`, `Agree`); an empty cell, `NA` or
 * `-` is a missing answer. An optional `respondent` (or `id`, `ResponseId`, `name`) column
 * labels each row; an optional `role` column says `user` or `key-informant`. Qualtrics'
 * extra header lines (question texts and `{"ImportId": …}`) are skipped. Other columns are
 * ignored and listed. Every problem is returned with its line and column; the caller decides
 * to reject the file when there is any. A syntax error (a quote never closed, a row with
 * more cells than the header) is the only issue then: rows after it cannot be trusted.
 * Reading stops at the first limit passed (`tooLarge`): more than `maxRespondents` rows,
 * more columns than the items, respondent, role and `maxOtherColumns`, or a cell longer than
 * `maxCellLength`.
 */
export function responsesFromCsv(text: string, items: readonly CsvItem[], limits: CsvResponsesLimits): CsvResponses {
  const maxOtherColumns = limits.maxOtherColumns ?? MAX_OTHER_COLUMNS
  const maxColumns = items.length + 2 + maxOtherColumns
  const read = readCsv(text, {
    maxRows: limits.maxRespondents + HEADER_LINES,
    maxColumns,
    maxCellLength: limits.maxCellLength ?? MAX_CELL_LENGTH,
  })
  if (!read.ok) {
    const { problem } = read
    const nothing = { responses: [], ignoredColumns: [], issues: [] }
    if (problem.kind === 'syntax') {
      return { ...nothing, issues: [{ line: problem.line, syntax: problem.error, message: problem.message }] }
    }
    if (problem.limit === 'rows') return { ...nothing, tooLarge: tooManyRespondents(limits.maxRespondents, problem.line) }
    const which = problem.limit === 'columns' ? `: the ${items.length} items, respondent, role and at most ${maxOtherColumns} others` : ''
    return { ...nothing, tooLarge: { limit: problem.limit, max: problem.max, line: problem.line, message: problem.message + which } }
  }
  const [header, ...rows] = read.rows
  const issues: CsvIssue[] = []
  const itemById = new Map(items.map((i) => [i.id, i]))
  const lookup = new Map(
    items.map((i) => [
      i.id,
      new Map(i.options.flatMap((o) => [[String(o.value), o.value], ...o.labels.map((l) => [norm(l), o.value] as const)])),
    ])
  )

  const columns = (header?.cells ?? []).map((h) => h.trim())
  const respondentIndex = columns.findIndex((h) => RESPONDENT_COLUMNS.includes(norm(h)))
  const roleIndex = columns.findIndex((h) => ROLE_COLUMNS.includes(norm(h)))
  const itemColumns: { index: number; id: string }[] = []
  const ignoredColumns: string[] = []
  columns.forEach((h, index) => {
    if (index === respondentIndex || index === roleIndex) return
    if (ITEM_COLUMN.test(h)) {
      const id = h.toLowerCase()
      if (!itemById.has(id)) issues.push({ line: 1, column: h, message: `unknown item '${h}'`, kind: 'unknown-item', item: h })
      else if (itemColumns.some((c) => c.id === id)) issues.push({ line: 1, column: h, message: `item ${id} has two columns`, kind: 'duplicate-item', item: id })
      else itemColumns.push({ index, id })
    } else if (h !== '') {
      ignoredColumns.push(h)
    }
  })
  if (itemColumns.length === 0 && issues.length === 0) {
    issues.push({ line: 1, column: '(header)', message: 'no column is an item id such as d01 or d13a', kind: 'no-item-column' })
  }

  // Qualtrics puts the question texts on line 2 and {"ImportId":…} on line 3.
  const importIdRow = rows.slice(0, 2).findIndex((r) => r.cells.some((cell) => cell.includes('"ImportId"')))
  const answerRows = importIdRow >= 0 ? rows.slice(importIdRow + 1) : rows
  if (answerRows.length > limits.maxRespondents) {
    const line = answerRows[limits.maxRespondents]?.line ?? 1
    return { responses: [], ignoredColumns: [], issues: [], tooLarge: tooManyRespondents(limits.maxRespondents, line) }
  }

  const responses: ResponseRecord[] = []
  for (const { line, cells: row } of answerRows) {
    const answers: Record<string, number | null> = {}
    for (const { index, id } of itemColumns) {
      const cell = (row[index] ?? '').trim()
      if (MISSING.has(cell.toLowerCase())) {
        answers[id] = null
        continue
      }
      const value = lookup.get(id)?.get(norm(cell))
      if (value === undefined) {
        const valid = (itemById.get(id)?.options ?? []).map((o) => (o.labels[0] ? `${o.value} (${o.labels[0]})` : String(o.value)))
        issues.push({ line, column: columns[index] ?? id, message: `${quote(cell)} is not an answer option of item ${id}`, kind: 'not-an-option', item: id, value: quote(cell), valid })
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
        else issues.push({ line, column: columns[roleIndex] ?? 'role', message: `${quote(cell)} is not a role (user or key-informant)`, kind: 'not-a-role', value: quote(cell), valid: ROLE_WORDS })
      }
    }
    responses.push(record)
  }
  if (responses.length === 0 && issues.length === 0) {
    issues.push({ line: 2, column: '(rows)', message: 'the file has no respondent rows', kind: 'no-rows' })
  }
  return { responses, ignoredColumns, issues }
}

function tooManyRespondents(max: number, line: number): CsvTooLarge {
  return { limit: 'respondents', max, line, message: `the file has more than ${max} respondents; at most ${max} can be read at once` }
}
