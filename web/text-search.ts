/**
 * @module Searching text in the browser the way the server's full-text search does (SQLite
 * FTS5 with `remove_diacritics 2`): accents and case never matter, so "coordinator" finds
 * "Coördinator", "TIJD" finds "tijd", "creche" finds "crèche".
 */

/** Text without accents, in lower case: "Coördinatie" → "coordinatie". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of a query, folded; none for an empty or blank query. */
export function queryWords(query: string): string[] {
  return fold(query).match(/[\p{L}\p{N}]+/gu) ?? []
}

/**
 * Whether every word of `query` occurs in one of `texts` (accents and case ignored, anywhere in
 * a word, so a prefix works too). An empty query matches everything.
 */
export function matchesQuery(query: string, ...texts: readonly (string | null | undefined)[]): boolean {
  const words = queryWords(query)
  if (words.length === 0) return true
  const haystack = fold(texts.filter(Boolean).join(' '))
  return words.every((w) => haystack.includes(w))
}
