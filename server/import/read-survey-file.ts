/**
 * @module Turns an uploaded survey export — CSV (UTF-8 with or without BOM, or Windows-1252)
 * or an Excel workbook (.xlsx, its first sheet) — into rows of text cells for the import
 * (server/domain/survey-import.ts), within limits that keep one upload cheap.
 */
import { readSheet } from 'read-excel-file/node'
import { readCsv, type CsvRow } from '../domain/csv-read.ts'
import { decodeText } from '../domain/decode-text.ts'
import { SURVEY_FILE_LIMITS, sheetRows } from '../domain/survey-import.ts'
import { zipUnpackedSize } from '../domain/zip-size.ts'

export { SURVEY_FILE_LIMITS }

export type SurveyFileKind = 'csv' | 'xlsx'

export type SurveyFileRead =
  | { readonly ok: true; readonly rows: readonly CsvRow[] }
  | { readonly ok: false; readonly line?: number; readonly code: string; readonly message: string }

/** An .xlsx is a ZIP archive: it starts with "PK\x03\x04". */
export function kindOfFile(bytes: Uint8Array, name = ''): SurveyFileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx'
  return /\.xlsx$/i.test(name) ? 'xlsx' : 'csv'
}

export async function readSurveyFile(bytes: Uint8Array, name = ''): Promise<SurveyFileRead> {
  if (kindOfFile(bytes, name) === 'csv') {
    const decoded = decodeText(bytes)
    if (!decoded.ok) return { ok: false, line: decoded.line, code: 'encoding', message: decoded.message }
    const read = readCsv(decoded.text, SURVEY_FILE_LIMITS)
    if (!read.ok) return { ok: false, line: read.problem.line, code: read.problem.kind === 'syntax' ? read.problem.error : 'limit', message: read.problem.message }
    return { ok: true, rows: read.rows }
  }
  const size = zipUnpackedSize(bytes)
  if (!size.ok) return { ok: false, code: 'not-xlsx', message: 'the file is not an Excel workbook (.xlsx) that can be read' }
  if (size.unpacked > SURVEY_FILE_LIMITS.maxUnpackedBytes) {
    return { ok: false, code: 'too-large', message: 'the workbook unpacks to more than 60 MB' }
  }
  let data: unknown[][]
  try {
    data = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } catch {
    return { ok: false, code: 'not-xlsx', message: 'the file is not an Excel workbook (.xlsx) that can be read' }
  }
  const sheet = sheetRows(data)
  if (sheet.ok) return { ok: true, rows: sheet.rows }
  return sheet.limit === 'rows'
    ? { ok: false, line: sheet.line, code: 'too-many-rows', message: `more than ${SURVEY_FILE_LIMITS.maxRows} rows` }
    : { ok: false, line: sheet.line, code: 'too-many-columns', message: `more than ${SURVEY_FILE_LIMITS.maxColumns} columns` }
}
