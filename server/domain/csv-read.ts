/**
 * @module Reads CSV text into rows of cells, strictly and within limits: the one CSV reader of
 * the survey import (csv-responses.ts) and the mapping import (mapping-import.ts). Any syntax
 * error rejects the whole file with its line, and reading stops at the first limit passed,
 * so a large or hostile file costs little time.
 *
 * Not papaparse, which these imports used before: it hands over a row only once the row is
 * complete and keeps going after a malformed quote, so a 2 MB upload that is one row of a
 * million cells, or a run of malformed quotes, cost 200–500 ms of CPU before any limit could
 * apply. This reader checks every limit at every cell.
 */

/** Bounds on what a file may hold; the reader stops at the first one passed. */
export type CsvLimits = {
  /** Most non-empty rows, the header included; as many empty rows again are skipped. */
  readonly maxRows: number
  /** Most cells in a row. */
  readonly maxColumns: number
  /** Most characters in a cell. */
  readonly maxCellLength: number
}

/** One non-empty row and the 1-based line of the file it starts on. */
export type CsvRow = { readonly line: number; readonly cells: readonly string[] }

/** The syntax errors, for a caller that words them itself (the web, in the reader's language). */
export const CSV_SYNTAX_ERRORS = ['unclosed-quote', 'text-after-quote', 'too-many-cells'] as const
export type CsvSyntaxError = (typeof CSV_SYNTAX_ERRORS)[number]

/** Why a file was not read, at the 1-based line; the message does not repeat the line. */
export type CsvProblem =
  | {
      readonly kind: 'syntax'
      readonly error: CsvSyntaxError
      readonly line: number
      readonly message: string
    }
  | {
      readonly kind: 'limit'
      readonly limit: 'rows' | 'empty-rows' | 'columns' | 'cell'
      readonly max: number
      readonly line: number
      readonly message: string
    }

export type CsvRead =
  | { readonly ok: true; readonly rows: readonly CsvRow[]; readonly delimiter: string }
  | { readonly ok: false; readonly problem: CsvProblem }

const DELIMITERS = [',', ';', '\t', '|'] as const
const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
/** The delimiter is chosen from this much of the header line. */
const SNIFF_LENGTH = 65_536

/**
 * The one of `, ; tab |` found most often outside quotes in the header line, a comma on a
 * tie or when there is none (a file of one column).
 */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (let i = 0; i < Math.min(text.length, SNIFF_LENGTH); i++) {
    const char = text[i] as string
    if (char === '"') quoted = !quoted
    else if (quoted) continue
    else if (char === '\n' || char === '\r') break
    else {
      const count = counts.get(char)
      if (count !== undefined) counts.set(char, count + 1)
    }
  }
  let delimiter: string = ','
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(delimiter) ?? 0)) delimiter = d
  return delimiter
}

/** Line breaks (LF, CRLF or a lone CR) in `text` from `from` up to `to`. */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) breaks++
  }
  return breaks
}

/**
 * Reads `text` (a leading byte-order mark is dropped) into its non-empty rows, each with the
 * line it starts on (a quoted cell may span lines). The delimiter is the one of `, ; tab |`
 * the header line uses most. Rows end at LF, CRLF or a lone CR. A cell that starts with `"`
 * is quoted: it ends at the next single `"`, and `""` inside it stands for one quote. Rows
 * that are empty or hold only delimiters and spaces are skipped.
 *
 * Rejected, naming the line: a quoted cell that is never closed or whose closing quote is
 * followed by more text (an unescaped `"` inside it), and a row with more non-empty cells
 * than the header (a delimiter in an unquoted cell shifts every answer after it). A row with
 * fewer cells is accepted: Excel leaves out trailing empty cells on some rows.
 */
export function readCsv(text: string, limits: CsvLimits): CsvRead {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const delimiter = sniffDelimiter(source)
  const delimiterCode = delimiter.charCodeAt(0)
  const end = source.length
  const rows: CsvRow[] = []
  let pos = 0
  let line = 1
  let width = 0
  let empty = 0

  // The next delimiter and line break at or after `pos`, searched again only once passed:
  // searching for every cell would make a row of many cells quadratic. -1: there is none.
  let nextDelimiter = -2
  let nextLf = -2
  let nextCr = -2
  const cellEnd = () => {
    if (nextDelimiter !== -1 && nextDelimiter < pos) nextDelimiter = source.indexOf(delimiter, pos)
    if (nextLf !== -1 && nextLf < pos) nextLf = source.indexOf('\n', pos)
    if (nextCr !== -1 && nextCr < pos) nextCr = source.indexOf('\r', pos)
    let at = end
    for (const next of [nextDelimiter, nextLf, nextCr]) if (next !== -1 && next < at) at = next
    return at
  }
  const syntax = (error: CsvSyntaxError, at: number, message: string): CsvRead => ({
    ok: false,
    problem: { kind: 'syntax', error, line: at, message },
  })
  const limit = (
    which: 'rows' | 'empty-rows' | 'columns' | 'cell',
    max: number,
    at: number,
    message: string
  ): CsvRead => ({
    ok: false,
    problem: { kind: 'limit', limit: which, max, line: at, message },
  })
  const tooLong = (at: number, column: number) =>
    limit(
      'cell',
      limits.maxCellLength,
      at,
      `column ${column}: a cell is longer than ${limits.maxCellLength} characters`
    )

  while (pos < end) {
    const rowLine = line
    const cells: string[] = []
    for (;;) {
      let value: string
      if (source.charCodeAt(pos) === QUOTE) {
        const open = pos
        value = ''
        let from = pos + 1
        for (;;) {
          const quote = source.indexOf('"', from)
          if (quote === -1) {
            return syntax(
              'unclosed-quote',
              line,
              'a quoted cell is not closed: its opening quote has no closing quote'
            )
          }
          value += source.slice(from, quote)
          if (value.length > limits.maxCellLength) return tooLong(rowLine, cells.length + 1)
          if (source.charCodeAt(quote + 1) === QUOTE) {
            value += '"'
            from = quote + 2
            continue
          }
          pos = quote + 1
          break
        }
        const closingLine = line + countBreaks(source, open, pos)
        // Spaces between the closing quote and the delimiter are tolerated, as papaparse did.
        while (source.charCodeAt(pos) === SPACE) pos++
        const next = source.charCodeAt(pos)
        if (pos < end && next !== delimiterCode && next !== LF && next !== CR) {
          return syntax(
            'text-after-quote',
            closingLine,
            'a quoted cell has text after its closing quote; write a quote inside a quoted cell as ""'
          )
        }
        line = closingLine
      } else {
        const at = cellEnd()
        if (at - pos > limits.maxCellLength) return tooLong(rowLine, cells.length + 1)
        value = source.slice(pos, at)
        pos = at
      }
      cells.push(value)
      if (cells.length > limits.maxColumns) {
        return limit(
          'columns',
          limits.maxColumns,
          rowLine,
          `a row has more than ${limits.maxColumns} columns`
        )
      }
      if (pos < end && source.charCodeAt(pos) === delimiterCode) {
        pos++
        continue
      }
      if (pos < end) {
        pos += source.charCodeAt(pos) === CR && source.charCodeAt(pos + 1) === LF ? 2 : 1
        line++
      }
      break
    }

    if (cells.every((c) => c.trim() === '')) {
      if (++empty > limits.maxRows) {
        return limit(
          'empty-rows',
          limits.maxRows,
          rowLine,
          `the file has more than ${limits.maxRows} empty rows`
        )
      }
      continue
    }
    if (rows.length === limits.maxRows) {
      return limit('rows', limits.maxRows, rowLine, `the file has more than ${limits.maxRows} rows`)
    }
    if (rows.length === 0) width = cells.length
    else if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
      const shown = delimiter === '\t' ? 'a tab' : `'${delimiter}'`
      return syntax(
        'too-many-cells',
        rowLine,
        `the row has ${cells.length} cells but the header has ${width}; a cell holding ${shown} must be quoted`
      )
    }
    rows.push({ line: rowLine, cells })
  }
  return { ok: true, rows, delimiter }
}
