/**
 * @module Writes rows as CSV for spreadsheets: the one CSV writer of the plan and answers
 * downloads (web) and GET /api/links?format=csv (server). Pure and isomorphic.
 */

/** A cell: text, or a number (written as it is: a number is never a formula). */
export type CsvCell = string | number | null | undefined

/**
 * The characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
 * (OWASP, "CSV Injection"). Tested on the first character alone, whatever follows:
 * papaparse's `escapeFormulae` matched `/^[=+\-@\t\r].*$/`, whose `.` and `$` stop at a
 * line break, so `=HYPERLINK(…)` followed by a second line went out unescaped.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r'])

/** Text that a spreadsheet shows as written: a leading `'` when it would start a formula. */
export function escapeFormula(text: string): string {
  return FORMULA_START.has(text.charAt(0)) ? `'${text}` : text
}

/**
 * How a spreadsheet expects the file: RFC 4180's comma and decimal point (the default), or, as
 * Excel with Dutch regional settings reads it, a semicolon between cells and a decimal comma.
 */
export type CsvFormat = { readonly delimiter: ',' | ';'; readonly decimalComma: boolean }

export const CSV_COMMA: CsvFormat = { delimiter: ',', decimalComma: false }
export const CSV_SEMICOLON: CsvFormat = { delimiter: ';', decimalComma: true }

function cell(value: CsvCell, format: CsvFormat): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return format.decimalComma ? String(value).replace('.', ',') : String(value)
  const text = escapeFormula(value)
  // RFC 4180: a cell holding the delimiter, a quote or a line break is quoted, quotes doubled.
  const special = format.delimiter === ';' ? /[";\r\n]/ : /[",\r\n]/
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The rows as CSV text (RFC 4180): separated by `format.delimiter` (a comma unless asked
 * otherwise), records separated by CRLF, no line break after the last. Every text cell passes
 * {@link escapeFormula}; numbers get a decimal comma where the format asks for one.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], format: CsvFormat = CSV_COMMA): string {
  return rows.map((row) => row.map((c) => cell(c, format)).join(format.delimiter)).join('\r\n')
}
