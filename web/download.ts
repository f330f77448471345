/**
 * @module Saves generated content as a file in the browser, named and formatted for the
 * interface language: CSV for Dutch Excel, file names that keep their accented letters.
 */
import { CSV_COMMA, CSV_SEMICOLON, type CsvFormat } from '../server/domain/csv-write.ts'
import { getLocale } from './localization.ts'

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * The CSV format Excel expects in the interface language: in Dutch a semicolon between cells
 * and a decimal comma (Excel with Dutch regional settings splits on ";" and would read "0.5"
 * as text or a date); in English RFC 4180's comma. Strategiewijzer's own imports read both.
 */
export function csvFormat(): CsvFormat {
  return getLocale() === 'nl' ? CSV_SEMICOLON : CSV_COMMA
}

/**
 * A file name made from text a team typed: lower case, words joined by "-", accented letters
 * kept ("één meting" → "één-meting"), anything a file system may refuse left out.
 */
export function fileSlug(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
}

/** Saves text; CSV gets a byte-order mark so Excel reads the accents of Dutch text right. */
export function downloadText(filename: string, text: string, type: string): void {
  const bom = type === 'text/csv' ? '\uFEFF' : ''
  downloadBlob(filename, new Blob([bom + text], { type: `${type};charset=utf-8` }))
}
