/**
 * @module The team page's CSV files: reading a survey tool's export into respondents, with
 * every refusal worded in the reader's language, and writing the team's answers.
 */
import { msg, str } from '@lit/localize'
import type { CsvSyntaxError } from '../server/domain/csv-read.ts'
import {
  responsesFromCsv,
  type CsvIssue,
  type CsvItem,
  type CsvTooLarge,
} from '../server/domain/csv-responses.ts'
import { CSV_COMMA, toCsv, type CsvFormat } from '../server/domain/csv-write.ts'
import { decodeText, type DecodeProblem } from '../server/domain/decode-text.ts'
import type { ResponseRecord } from '../server/domain/scoring.ts'
import { MAX_RESPONDENTS } from '../server/domain/vocabulary.ts'
import type { Member } from './state/app-state.ts'

export type TeamCsvRead =
  | { readonly ok: true; readonly responses: readonly ResponseRecord[] }
  /** `text` says why nothing was imported; `issues` lists bad cells, when that is why. */
  | { readonly ok: false; readonly text: string; readonly issues?: readonly CsvIssue[] }

/**
 * Reads the bytes of a CSV file (UTF-8 or Windows-1252, see decodeText) into responses. A
 * file that cannot be read as a whole — wrong encoding, a syntax error, too large — is
 * refused with the line; bad cells are listed as issues. Nothing is imported then.
 */
export function readTeamCsv(
  bytes: ArrayBuffer,
  items: readonly CsvItem[],
  fileName: string
): TeamCsvRead {
  const refuse = (line: number, why: string): TeamCsvRead => ({
    ok: false,
    text: msg(str`Nothing was imported: line ${line} of ${fileName}: ${why}`),
  })
  const decoded = decodeText(bytes)
  if (!decoded.ok) return refuse(decoded.line, decodeMessage(decoded.problem))
  const result = responsesFromCsv(decoded.text, items, { maxRespondents: MAX_RESPONDENTS })
  if (result.tooLarge) return refuse(result.tooLarge.line, tooLargeMessage(result.tooLarge))
  const syntax = result.issues.find((i) => i.syntax)
  if (syntax?.syntax) return refuse(syntax.line, syntaxMessage(syntax.syntax))
  if (result.issues.length > 0) {
    return {
      ok: false,
      text: msg(str`Nothing was imported: ${result.issues.length} problem(s) in ${fileName}.`),
      issues: result.issues,
    }
  }
  return { ok: true, responses: result.responses }
}

/**
 * The team's answers as CSV: a respondent, role and item-id column, one row per respondent.
 * Labels may come from imported exports; toCsv keeps a spreadsheet from running them.
 */
export function teamCsv(team: readonly Member[], format: CsvFormat = CSV_COMMA): string {
  const ids = [...new Set(team.flatMap((m) => Object.keys(m.answers)))].sort()
  return toCsv(
    [
      ['respondent', 'role', ...ids],
      ...team.map((m) => [m.label, m.role, ...ids.map((id) => m.answers[id])]),
    ],
    format
  )
}

export function decodeMessage(problem: DecodeProblem): string {
  switch (problem) {
    case 'binary':
      return msg('this is not a text file (a workbook?); save it as CSV.')
    case 'mixed-encoding':
      return msg('the file mixes two character encodings; save it again as CSV UTF-8.')
    case 'broken-utf8':
      return msg('the file is not valid UTF-8; save it again as CSV UTF-8.')
    case 'replacement-character':
      return msg(
        'the file contains the character �, left where text was lost when it was saved; correct that text first.'
      )
  }
}

export function syntaxMessage(error: CsvSyntaxError): string {
  switch (error) {
    case 'unclosed-quote':
      return msg('a quoted cell is not closed: its opening quote has no closing quote.')
    case 'text-after-quote':
      return msg(
        'a quoted cell has text after its closing quote; write a quote inside a quoted cell as "".'
      )
    case 'too-many-cells':
      return msg(
        'the row has more cells than the header; a cell that holds the separator must be quoted.'
      )
  }
}

function tooLargeMessage(tooLarge: CsvTooLarge): string {
  switch (tooLarge.limit) {
    case 'respondents':
      return msg(
        str`the file has more than ${tooLarge.max} respondents, the most that can be read at once.`
      )
    case 'empty-rows':
      return msg(str`the file has more than ${tooLarge.max} empty rows.`)
    case 'columns':
      return msg(str`a row has more than ${tooLarge.max} columns.`)
    case 'cell':
      return msg(str`a cell is longer than ${tooLarge.max} characters.`)
  }
}

/**
 * One problem of a CSV import in the interface language, saying what to write instead: the
 * valid answer options of the item, or the role words. Falls back to the reader's message.
 */
export function issueText(issue: CsvIssue): string {
  const valid = issue.valid?.join(', ') ?? ''
  switch (issue.kind) {
    case 'not-an-option':
      return msg(str`${issue.value ?? ''} is not an answer to ${issue.item ?? ''}. Use one of: ${valid}.`)
    case 'not-a-role':
      return msg(str`${issue.value ?? ''} is not a role. Use one of: ${valid}.`)
    case 'unknown-item':
      return msg(str`${issue.item ?? ''} is not a question of the MIDI questionnaire. Rename the column to a question id such as d01 or d13a, or remove it.`)
    case 'duplicate-item':
      return msg(str`Question ${issue.item ?? ''} has two columns. Keep one of them.`)
    case 'no-item-column':
      return msg('No column is a question id such as d01 or d13a. Name each answer column after its question.')
    case 'no-rows':
      return msg('The file has a header but no respondents. Add one row per respondent.')
    default:
      return issue.message
  }
}
