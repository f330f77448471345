import { describe, expect, test } from 'vitest'
import { fold, matchesQuery, queryWords } from '../../web/text-search.ts'

describe('accent and case folding', () => {
  test.for<[string, string]>([
    ['Coördinator', 'coordinator'],
    ['TIJD', 'tijd'],
    ['crèche', 'creche'],
    ['Zorgcoördinatie én SLB’er', 'zorgcoordinatie en slb’er'],
    ['naïef', 'naief'],
  ])('%s → %s', ([text, folded]) => {
    expect(fold(text)).toBe(folded)
  })

  test.for<[string, string[], boolean]>([
    ['coordinator', ['Coördinator'], true],
    ['coördinator', ['Een coordinator aanstellen'], true],
    ['TIJD', ['Tijd en ruimte'], true],
    ['tijd uren', ['Tijd', 'taakuren per mentor'], true],
    ['tijd geld', ['Tijd'], false],
    ['', ['anything'], true],
    ['   ', [], true],
    ['xylofoon', ['Tijd'], false],
  ])('"%s" in %j: %s', ([query, texts, expected]) => {
    expect(matchesQuery(query, ...texts)).toBe(expected)
  })

  test('splits a query into folded words, ignoring punctuation', () => {
    expect(queryWords('  Hand-over, Coördinatie! ')).toEqual(['hand', 'over', 'coordinatie'])
  })
})
