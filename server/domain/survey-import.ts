/**
 * @module Reads answers exported from the survey tools schools already use — Microsoft Forms,
 * LimeSurvey, Qualtrics — and our own CSV, as a table of strings: detects the tool by its
 * signature, proposes a mapping (each column to a questionnaire item, each distinct answer to
 * an option) for a person to check and correct, and applies a confirmed mapping. Nothing here
 * stores anything; the caller shows the preview and stores only what was confirmed.
 *
 * Shapes of each export: ../shared/reference/survey-exports.md (what is verified and what is a
 * guess); decisions in docs/survey-import.md.
 */

import type { CsvRow } from './csv-read.ts'

/** A read file: rows of cells, each with the line (or spreadsheet row) it came from. */
export type SurveyTable = readonly CsvRow[]

/** What one uploaded export may hold; the server's reader and the browser's apply the same. */
export const SURVEY_FILE_LIMITS = {
  /** Rows, the header rows included (a round holds at most 2,000 submissions). */
  maxRows: 2_010,
  maxColumns: 400,
  maxCellLength: 4_000,
  /** What an .xlsx may unpack to: a workbook of 2,000 rows × 400 columns stays far below. */
  maxUnpackedBytes: 60 * 1024 * 1024,
} as const

/** A spreadsheet cell as text: dates as ISO 8601, empty cells as "". */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString()
  return String(value)
}

/**
 * A worksheet's rows (as a spreadsheet reader gives them) as text rows with their row number,
 * trailing empty cells and empty rows left out, cells cut at the length limit; or the limit a
 * sheet passes, with the row where it does.
 */
export function sheetRows(
  data: readonly (readonly unknown[])[]
): { ok: true; rows: CsvRow[] } | { ok: false; limit: 'rows' | 'columns'; line: number } {
  if (data.length > SURVEY_FILE_LIMITS.maxRows) return { ok: false, limit: 'rows', line: SURVEY_FILE_LIMITS.maxRows + 1 }
  const rows: CsvRow[] = []
  data.forEach((row, i) => {
    const cells = row.map(cellText)
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop()
    if (cells.length > 0) rows.push({ line: i + 1, cells: cells.map((c) => c.slice(0, SURVEY_FILE_LIMITS.maxCellLength)) })
  })
  const wide = rows.find((r) => r.cells.length > SURVEY_FILE_LIMITS.maxColumns)
  return wide ? { ok: false, limit: 'columns', line: wide.line } : { ok: true, rows }
}

export const SURVEY_TOOLS = ['qualtrics', 'limesurvey', 'ms-forms', 'strategiewijzer', 'unknown'] as const
export type SurveyTool = (typeof SURVEY_TOOLS)[number]

/** A questionnaire item as the import matches it. */
export type ImportItem = {
  readonly id: string
  /** The item's wording in each language. */
  readonly texts: readonly string[]
  /** The scale's id, for the common wordings of its answers. */
  readonly scale: string
  readonly options: readonly { readonly value: number; readonly labels: readonly string[] }[]
}

/** What a column holds. */
export type ColumnRole = 'item' | 'response-id' | 'role' | 'group' | 'ignored' | 'unmatched'

export type ColumnMatch = {
  readonly index: number
  /** The header as the file has it (Qualtrics: the field id, with the question text beside it). */
  readonly header: string
  readonly text?: string
  readonly role: ColumnRole
  readonly item?: string
  /** How the item was recognised, for the preview. */
  readonly by?: 'id' | 'code' | 'text' | 'remembered'
}

export type ValueMatch = {
  readonly item: string
  readonly value: string
  readonly count: number
  /** The option value, null for an answer that counts as missing, undefined when unmatched. */
  readonly option?: number | null
}

/** A person's corrections, remembered per workspace for the next round. */
export type SurveyMapping = {
  /** Header → what the column holds (an item id, or one of the other roles). */
  readonly columns: Readonly<Record<string, string>>
  /** Item id → raw answer → option value, or null for "counts as missing". */
  readonly values: Readonly<Record<string, Readonly<Record<string, number | null>>>>
}

export type SurveyPreview = {
  readonly tool: SurveyTool
  /** Data rows read, before any were left out. */
  readonly rows: number
  /** Rows left out by rule, and why. */
  readonly dropped: { readonly preview: number; readonly unfinished: number; readonly empty: number }
  readonly columns: readonly ColumnMatch[]
  readonly values: readonly ValueMatch[]
  /** True when every column is placed and every answer matched: ready to confirm. */
  readonly complete: boolean
}

export type ImportedResponse = {
  /** Stable across imports of the same response: the tool's response id, or a digest of the row. */
  readonly key: string
  /** The line (or spreadsheet row) in the file, for messages. */
  readonly row: number
  readonly role?: 'user' | 'key-informant'
  readonly group?: string
  readonly answers: Readonly<Record<string, number | null>>
}

export type ImportIssue = {
  readonly row: number
  readonly column: string
  readonly value: string
  readonly item: string
  /** The answers the item accepts. */
  readonly valid: readonly string[]
}

// ── Text ─────────────────────────────────────────────────────────────────────────────────

/** Lower case, accents and punctuation gone, spaces collapsed: "Niet eens, niet oneens" = "niet eens niet oneens". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The code our templates give an item: its id in capitals without punctuation (d13a → D13A). */
export const templateCode = (itemId: string) => itemId.replace(/[^a-z0-9]/gi, '').toUpperCase()

/** Common wordings of answers, per scale, beyond our own labels (folded). */
const SYNONYMS: Record<string, Record<number, readonly string[]>> = {
  'agree-5': {
    1: ['helemaal oneens', 'zeer mee oneens', 'volledig oneens', 'strongly disagree', 'completely disagree'],
    2: ['oneens', 'niet mee eens', 'disagree'],
    3: ['neutraal', 'niet eens niet oneens', 'neutral', 'neither agree or disagree', 'neither agree nor disagree'],
    4: ['eens', 'agree'],
    5: ['helemaal eens', 'zeer mee eens', 'volledig eens', 'strongly agree', 'completely agree'],
  },
  'yes-no': { 1: ['ja', 'j', 'yes', 'y'], 0: ['nee', 'n', 'no'] },
}

/** Answers that mean "no answer" when the item has no option of that name. */
const MISSING = new Set(['', 'na', 'n a', 'nvt', 'n v t', 'weet niet', 'weet ik niet', 'dont know', 'don t know', 'geen antwoord', 'no answer'])

// ── Reading the table ────────────────────────────────────────────────────────────────────

const QUALTRICS_META = new Set(
  ['startdate', 'enddate', 'status', 'ipaddress', 'progress', 'duration in seconds', 'finished', 'recordeddate',
    'recipientlastname', 'recipientfirstname', 'recipientemail', 'externalreference', 'locationlatitude',
    'locationlongitude', 'distributionchannel', 'userlanguage'].map(fold)
)
const LIMESURVEY_META = new Set(
  ['submitdate', 'lastpage', 'startlanguage', 'seed', 'startdate', 'datestamp', 'token', 'ipaddr', 'refurl',
    'interviewtime'].map(fold)
)
/** Forms' metadata headers in the languages seen (Dutch ones are a guess: the mapping step can correct them). */
const FORMS_META = new Set(
  ['start time', 'completion time', 'email', 'name', 'last modified time', 'total points', 'quiz feedback',
    'begintijd', 'tijd van voltooiing', 'voltooiingstijd', 'e mail', 'naam', 'tijdstip laatst gewijzigd',
    'laatst gewijzigd', 'starttijd', 'eindtijd'].map(fold)
)
const RESPONSE_ID = new Set(['id', 'responseid', 'response id', 'respondent', 'respondent id'].map(fold))
const ROLE = new Set(['role', 'rol'])
const GROUP = new Set(['group', 'groep', 'functie', 'function', 'team'])

/** Which tool made the table, by its signature. */
export function detectTool(table: SurveyTable): SurveyTool {
  const header = (table[0]?.cells ?? []).map(fold)
  if ((table[2]?.cells ?? []).some((cell) => cell.trim().startsWith('{"ImportId"'))) return 'qualtrics'
  if (header.includes('id') && header.includes('submitdate')) return 'limesurvey'
  if (header.some((h) => /^d\d{2}[a-z]?$/.test(h))) return 'strategiewijzer'
  if ((header[0] === 'id' && header.some((h) => FORMS_META.has(h))) || header.includes('completion time')) return 'ms-forms'
  return 'unknown'
}

/** Header rows of each tool's export. */
const HEADER_ROWS: Record<SurveyTool, number> = {
  qualtrics: 3,
  limesurvey: 1,
  'ms-forms': 1,
  strategiewijzer: 1,
  unknown: 1,
}

type Column = { index: number; header: string; text?: string; candidates: string[] }

function columnsOf(table: SurveyTable, tool: SurveyTool): Column[] {
  const header = table[0]?.cells ?? []
  return header.map((h, index) => {
    const text = tool === 'qualtrics' ? table[1]?.cells[index] : undefined
    // What an item's wording may hide in: the whole header, the part after the last " - "
    // (a Qualtrics matrix statement), the part in the last [...] (a LimeSurvey sub-question).
    const candidates = [h, ...(text ? [text] : [])].flatMap((t) => {
      const parts = [t]
      const dash = t.lastIndexOf(' - ')
      if (dash >= 0) parts.push(t.slice(dash + 3))
      const bracket = /\[([^\]]*)\]\s*$/.exec(t)
      if (bracket?.[1]) parts.push(bracket[1])
      return parts
    })
    return { index, header: h, ...(text !== undefined ? { text } : {}), candidates }
  })
}

function placeColumn(
  column: Column,
  tool: SurveyTool,
  items: readonly ImportItem[],
  remembered: SurveyMapping['columns'] | undefined
): ColumnMatch {
  const base = { index: column.index, header: column.header, ...(column.text ? { text: column.text } : {}) }
  const kept = remembered?.[column.header]
  if (kept !== undefined) {
    if (items.some((i) => i.id === kept)) return { ...base, role: 'item', item: kept, by: 'remembered' }
    if ((['response-id', 'role', 'group', 'ignored'] as const).includes(kept as never)) return { ...base, role: kept as ColumnRole }
  }
  const h = fold(column.header)
  const byId = items.find((i) => fold(i.id) === h)
  if (byId) return { ...base, role: 'item', item: byId.id, by: 'id' }
  // Our template codes: D13A, MIDI[D13A], Qualtrics D13A or D13A_1.
  const code = /(?:^|\[)([a-z0-9]+)\]?$/i.exec(column.header.replace(/_\d+$/, ''))?.[1]?.toUpperCase()
  const byCode = code ? items.find((i) => templateCode(i.id) === code) : undefined
  if (byCode) return { ...base, role: 'item', item: byCode.id, by: 'code' }
  const byText = items.find((i) => i.texts.some((t) => column.candidates.some((c) => fold(c) === fold(t))))
  if (byText) return { ...base, role: 'item', item: byText.id, by: 'text' }
  if (RESPONSE_ID.has(h) || (tool === 'qualtrics' && h === 'responseid')) return { ...base, role: 'response-id' }
  if (ROLE.has(h)) return { ...base, role: 'role' }
  if (GROUP.has(h)) return { ...base, role: 'group' }
  const meta = tool === 'qualtrics' ? QUALTRICS_META : tool === 'limesurvey' ? LIMESURVEY_META : FORMS_META
  if (meta.has(h) || /time$|\[other\]$|_text$|_do$/i.test(column.header) || /^(points|feedback|punten) /.test(h)) {
    return { ...base, role: 'ignored' }
  }
  return { ...base, role: 'unmatched' }
}

/** The option an answer means, null when it counts as missing, undefined when unknown. */
export function matchValue(item: ImportItem, raw: string): number | null | undefined {
  const value = raw.trim()
  const folded = fold(value)
  for (const o of item.options) {
    if (value === String(o.value) || folded === `a${o.value}`) return o.value
    if (o.labels.some((l) => fold(l) === folded)) return o.value
  }
  for (const [v, words] of Object.entries(SYNONYMS[item.scale] ?? {})) {
    if (words.includes(folded)) return Number(v)
  }
  if (MISSING.has(folded)) return null
  return undefined
}

/** Rows a tool marks as not a real, finished response: Qualtrics previews and partials, LimeSurvey incompletes. */
function droppedBy(tool: SurveyTool, header: readonly string[], row: readonly string[]): 'preview' | 'unfinished' | undefined {
  const cell = (name: string) => {
    const i = header.findIndex((h) => fold(h) === name)
    return i >= 0 ? (row[i] ?? '').trim() : undefined
  }
  if (tool === 'qualtrics') {
    if (cell('status') === 'Survey Preview') return 'preview'
    const finished = cell('finished')
    if (finished !== undefined && /^(false|0)$/i.test(finished)) return 'unfinished'
  }
  if (tool === 'limesurvey' && cell('submitdate') === '') return 'unfinished'
  return undefined
}

type DataRow = { row: number; cells: readonly string[] }

function dataRows(table: SurveyTable, tool: SurveyTool) {
  const header = table[0]?.cells ?? []
  const dropped = { preview: 0, unfinished: 0, empty: 0 }
  const kept: DataRow[] = []
  table.slice(HEADER_ROWS[tool]).forEach(({ line: row, cells }) => {
    if (cells.every((c) => c.trim() === '')) {
      dropped.empty++
      return
    }
    const why = droppedBy(tool, header, cells)
    if (why) dropped[why]++
    else kept.push({ row, cells })
  })
  return { kept, dropped, read: kept.length + dropped.preview + dropped.unfinished }
}

/**
 * The mapping step: reads the table, detects the tool, places each column, matches each
 * distinct answer of each item column. `remembered` (the workspace's mapping from an earlier
 * import) takes precedence over what is recognised.
 */
export function previewImport(
  table: SurveyTable,
  items: readonly ImportItem[],
  remembered?: SurveyMapping
): SurveyPreview {
  const tool = detectTool(table)
  const columns = columnsOf(table, tool).map((c) => placeColumn(c, tool, items, remembered?.columns))
  const { kept, dropped, read } = dataRows(table, tool)
  const values: ValueMatch[] = []
  const byId = new Map(items.map((i) => [i.id, i]))
  const seenItems = new Set<string>()
  for (const c of columns) {
    if (c.role !== 'item' || !c.item || seenItems.has(c.item)) continue
    seenItems.add(c.item)
    const item = byId.get(c.item)
    if (!item) continue
    const counts = new Map<string, number>()
    for (const { cells } of kept) {
      const raw = (cells[c.index] ?? '').trim()
      if (raw !== '') counts.set(raw, (counts.get(raw) ?? 0) + 1)
    }
    for (const [value, count] of counts) {
      const kept = remembered?.values[c.item]?.[value]
      const option = kept !== undefined ? kept : matchValue(item, value)
      values.push({ item: c.item, value, count, ...(option !== undefined ? { option } : {}) })
    }
  }
  const complete = columns.every((c) => c.role !== 'unmatched') && values.every((v) => v.option !== undefined)
  return { tool, rows: read, dropped, columns, values, complete }
}

/** 64-bit FNV-1a of a string, as 16 hex digits: a stable key for a row without a response id. */
function digest(text: string): string {
  let h = 0xcbf29ce484222325n
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i))
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn
  }
  return h.toString(16).padStart(16, '0')
}

/**
 * Applies a confirmed mapping: one response per kept row. An answer the mapping does not
 * cover is an issue naming the row, the column and the valid answers; with any issue nothing
 * should be stored. Two columns mapped to the same item: the first non-empty answer counts.
 */
export function applyImport(
  table: SurveyTable,
  items: readonly ImportItem[],
  mapping: SurveyMapping
): { tool: SurveyTool; responses: ImportedResponse[]; issues: ImportIssue[]; dropped: SurveyPreview['dropped'] } {
  const tool = detectTool(table)
  const header = table[0]?.cells ?? []
  const byId = new Map(items.map((i) => [i.id, i]))
  const placed = header.map((h, index) => ({ index, header: h, as: mapping.columns[h] }))
  const { kept, dropped } = dataRows(table, tool)
  const responses: ImportedResponse[] = []
  const issues: ImportIssue[] = []
  for (const { row, cells } of kept) {
    const answers: Record<string, number | null> = {}
    let id: string | undefined
    let role: ImportedResponse['role']
    let group: string | undefined
    for (const p of placed) {
      const raw = (cells[p.index] ?? '').trim()
      if (p.as === 'response-id' && raw !== '') id = raw
      else if (p.as === 'role') role = /^(key[- ]informant|sleutelinformant|ki)$/i.test(raw) ? 'key-informant' : raw ? 'user' : undefined
      else if (p.as === 'group' && raw !== '') group = raw
      const item = p.as ? byId.get(p.as) : undefined
      if (!item || answers[item.id] !== undefined && answers[item.id] !== null) continue
      if (raw === '') {
        answers[item.id] ??= null
        continue
      }
      const kept = mapping.values[item.id]?.[raw]
      const option = kept !== undefined ? kept : matchValue(item, raw)
      if (option === undefined) {
        issues.push({ row, column: p.header, value: raw, item: item.id, valid: item.options.flatMap((o) => o.labels.slice(0, 1)) })
      } else answers[item.id] = option
    }
    const key = id ? `${tool}:${id}` : `row:${digest(JSON.stringify(cells))}`
    responses.push({ key, row, ...(role ? { role } : {}), ...(group ? { group } : {}), answers })
  }
  return { tool, responses, issues, dropped }
}
