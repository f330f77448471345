/**
 * @module Reads a survey export in the browser, as the server does (server/import/
 * read-survey-file.ts): CSV in UTF-8 or Windows-1252, or an Excel workbook (.xlsx, its first
 * sheet). The workbook reader is loaded only when a workbook is chosen, so it stays out of the
 * first screen's code; the ZIP's declared size is checked before anything is unpacked.
 * Refusals are worded in the reader's language.
 */
import { msg, str } from '@lit/localize'
import { readCsv, type CsvRow } from '../server/domain/csv-read.ts'
import { decodeText } from '../server/domain/decode-text.ts'
import { SURVEY_FILE_LIMITS, sheetRows } from '../server/domain/survey-import.ts'
import { zipUnpackedSize } from '../server/domain/zip-size.ts'
import { decodeMessage, syntaxMessage } from './team-csv.ts'

export type SurveyFileRead =
  | { readonly ok: true; readonly rows: readonly CsvRow[] }
  | { readonly ok: false; readonly text: string }

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

/** The rows of an export, or why it cannot be read (naming the line where there is one). */
export async function readSurveyFile(bytes: Uint8Array, name: string): Promise<SurveyFileRead> {
  const refuse = (text: string): SurveyFileRead => ({ ok: false, text: msg(str`Nothing was read from ${name}: ${text}`) })
  if (!isZip(bytes) && !/\.xlsx$/i.test(name)) {
    const decoded = decodeText(bytes)
    if (!decoded.ok) return refuse(msg(str`line ${decoded.line}: ${decodeMessage(decoded.problem)}`))
    const read = readCsv(decoded.text, SURVEY_FILE_LIMITS)
    if (!read.ok) {
      const p = read.problem
      const why = p.kind === 'syntax' ? syntaxMessage(p.error) : msg(str`the file passes a limit (${p.max}).`)
      return refuse(msg(str`line ${p.line}: ${why}`))
    }
    return { ok: true, rows: read.rows }
  }
  const notWorkbook = msg('the file is not an Excel workbook (.xlsx) that can be read.')
  const size = zipUnpackedSize(bytes)
  if (!size.ok) return refuse(notWorkbook)
  if (size.unpacked > SURVEY_FILE_LIMITS.maxUnpackedBytes) return refuse(msg('the workbook unpacks to more than 60 MB.'))
  let data: unknown[][]
  try {
    const { readSheet } = await import('read-excel-file/browser')
    data = (await readSheet(new Blob([bytes as BlobPart]))) as unknown[][]
  } catch {
    return refuse(notWorkbook)
  }
  const sheet = sheetRows(data)
  if (sheet.ok) return { ok: true, rows: sheet.rows }
  return sheet.limit === 'rows'
    ? refuse(msg(str`the file has more than ${SURVEY_FILE_LIMITS.maxRows} rows.`))
    : refuse(msg(str`line ${sheet.line}: more than ${SURVEY_FILE_LIMITS.maxColumns} columns.`))
}
