/**
 * @module Turns the bytes of an uploaded text file (a CSV) into text, whatever encoding the
 * spreadsheet saved it in. Shared by `npm run kb:import`, POST /api/score (text/csv) and the
 * web app's import, so all three read the same file the same way. Pure: `TextDecoder`, which
 * Node and browsers both have, and a table for Windows-1252.
 */

/** The encodings a file can be read as. */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const
export type TextEncoding = (typeof TEXT_ENCODINGS)[number]

/** Why a file cannot be read as text; the web words each in the reader's language. */
export const DECODE_PROBLEMS = [
  'binary',
  'mixed-encoding',
  'broken-utf8',
  'replacement-character',
] as const
export type DecodeProblem = (typeof DECODE_PROBLEMS)[number]

export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding }
  | {
      readonly ok: false
      readonly problem: DecodeProblem
      readonly line: number
      readonly message: string
    }

const MESSAGES: Record<DecodeProblem, string> = {
  binary: 'the file is not a text file (a spreadsheet workbook?); save it as CSV',
  'mixed-encoding':
    'the file mixes two encodings (UTF-8 and Windows-1252); save it again as CSV UTF-8',
  'broken-utf8':
    'the file says it is UTF-8 but holds bytes that are not; save it again as CSV UTF-8',
  'replacement-character':
    'the file holds the character � (U+FFFD), left where text was lost when it was saved before; correct that text first',
}

/**
 * Decodes `bytes` as text and strips a byte-order mark.
 *
 * UTF-8 is tried first and strictly. A file that is not valid UTF-8 is read as
 * Windows-1252, the default of Excel's "CSV (comma delimited)" on Dutch and English
 * Windows (so `ë` saved as the single byte 0xEB comes back as `ë`), unless the bytes also
 * hold valid multi-byte UTF-8 sequences: such a file mixes encodings and any choice would
 * garble part of it. A UTF-16 byte-order mark (Excel's "Unicode text") selects UTF-16.
 * Refused, with the 1-based line: a NUL byte (a binary file such as an .xlsx), a UTF-8
 * byte-order mark followed by invalid UTF-8, and text holding U+FFFD — the mark of text
 * already lost, which must not be stored or scored as if it were an answer.
 */
export function decodeText(input: ArrayBuffer | Uint8Array): DecodedText {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input)
  let text: string
  let encoding: TextEncoding
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le'
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be'
  else encoding = 'utf-8'
  // No text encoding of a CSV but UTF-16 has NUL bytes; a workbook (.xlsx is a zip) has many.
  const nulByte = encoding === 'utf-8' ? bytes.indexOf(0) : -1
  if (nulByte >= 0) return failure('binary', lineOfBytes(bytes, nulByte))
  try {
    // fatal: a byte that is not valid in the encoding throws instead of becoming U+FFFD.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    if (encoding !== 'utf-8') return failure('binary', 1)
    const { firstInvalid, hasSequence } = scanUtf8(bytes)
    const line = lineOfBytes(bytes, firstInvalid)
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      return failure('broken-utf8', line)
    if (hasSequence) return failure('mixed-encoding', line)
    text = decodeWindows1252(bytes)
    encoding = 'windows-1252'
  }
  // TextDecoder already dropped a leading byte-order mark of the encoding it decoded.
  const nul = text.indexOf('\u0000')
  if (nul >= 0) return failure('binary', lineOfText(text, nul))
  const lost = text.indexOf('\uFFFD')
  if (lost >= 0) return failure('replacement-character', lineOfText(text, lost))
  return { ok: true, text, encoding }
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (WHATWG index-windows-1252); every other
 * byte is the code point of the same number.
 */
// prettier-ignore
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
]

/**
 * Decodes Windows-1252 so that every byte becomes its character (never U+FFFD). Node since
 * 20.18.3 decodes 'windows-1252' as Latin-1, so `€` (0x80) and the curly quotes Word puts in
 * text (0x91–0x94) came out as control characters
 * (https://github.com/nodejs/node/issues/60888); those are mapped by the table afterwards.
 * Browsers decode them right, leaving nothing for the table to do.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) =>
      String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0))
    )
}

function failure(problem: DecodeProblem, line: number): DecodedText {
  return { ok: false, problem, line, message: MESSAGES[problem] }
}

const lineOfText = (text: string, index: number) => text.slice(0, index).split('\n').length

function lineOfBytes(bytes: Uint8Array, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** Length of the UTF-8 sequence that starts with `lead`, or 0 when `lead` starts none. */
const sequenceLength = (lead: number) =>
  lead >= 0xc2 && lead <= 0xdf
    ? 2
    : lead >= 0xe0 && lead <= 0xef
      ? 3
      : lead >= 0xf0 && lead <= 0xf4
        ? 4
        : 0

/**
 * Where the bytes stop being UTF-8 (the first byte that is neither ASCII nor part of a
 * well-formed sequence, overlong forms aside), and whether they hold any multi-byte
 * sequence at all. One pass.
 */
function scanUtf8(bytes: Uint8Array): { firstInvalid: number; hasSequence: boolean } {
  let firstInvalid = -1
  let hasSequence = false
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b < 0x80) continue
    const length = sequenceLength(b)
    let valid = length > 0 && i + length <= bytes.length
    for (let k = 1; valid && k < length; k++) valid = ((bytes[i + k] as number) & 0xc0) === 0x80
    if (valid) {
      hasSequence = true
      i += length - 1
    } else if (firstInvalid < 0) {
      firstInvalid = i
    }
    if (hasSequence && firstInvalid >= 0) break
  }
  return { firstInvalid, hasSequence }
}
