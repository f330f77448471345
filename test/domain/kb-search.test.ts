import { describe, expect, test } from 'vitest'
import { strategiesForSearch, type KbHit } from '../../server/domain/kb-search.ts'

const linked: Record<number, string[]> = { 23: ['hours', 'planning'], 25: ['coordinator', 'hours'] }
const linkedTo = (d: number) => linked[d] ?? []

describe('strategiesForSearch', () => {
  test.for<[string, KbHit[], string[]]>([
    ['strategies only, in hit order', [{ kind: 'strategy', ref: 'b' }, { kind: 'strategy', ref: 'a' }], ['b', 'a']],
    ['a determinant hit brings its linked strategies, strongest first', [{ kind: 'determinant', ref: '23' }], ['hours', 'planning']],
    [
      'own matches first, even when a determinant hit ranks higher; each id once',
      [{ kind: 'determinant', ref: '25' }, { kind: 'strategy', ref: 'planning' }, { kind: 'determinant', ref: '23' }],
      ['planning', 'coordinator', 'hours'],
    ],
    ['a determinant without links adds nothing', [{ kind: 'determinant', ref: '9' }], []],
    ['no hits', [], []],
  ])('%s', ([, hits, expected]) => {
    expect(strategiesForSearch(hits, linkedTo)).toEqual(expected)
  })
})
