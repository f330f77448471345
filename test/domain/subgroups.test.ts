import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { scoreResponses } from '../../server/domain/scoring.ts'
import { shownParts, splitProfile, type GroupedResponse } from '../../server/domain/subgroups.ts'
import { miniQuestionnaire as q } from '../support/kb.ts'

const reasons = (total: number, parts: [string, number][], min = 5) =>
  Object.fromEntries(shownParts(total, parts.map(([key, n]) => ({ key, n })), min))

describe('shownParts', () => {
  test.for([
    {
      why: 'every group at the minimum or above is shown',
      total: 15, parts: [['a', 5], ['b', 10]] as [string, number][],
      expected: { a: null, b: null },
    },
    {
      why: 'a group of 4 is too few; the smallest other group is withheld too, or 4 = total − the rest',
      total: 24, parts: [['a', 4], ['b', 8], ['c', 12]] as [string, number][],
      expected: { a: 'too-few', b: 'could-be-derived', c: null },
    },
    {
      why: 'two small groups adding up to the minimum need no third one withheld',
      total: 25, parts: [['a', 2], ['b', 3], ['c', 20]] as [string, number][],
      expected: { a: 'too-few', b: 'too-few', c: null },
    },
    {
      why: 'two small groups adding up to less than the minimum do',
      total: 23, parts: [['a', 1], ['b', 2], ['c', 6], ['d', 14]] as [string, number][],
      expected: { a: 'too-few', b: 'too-few', c: 'could-be-derived', d: null },
    },
    {
      why: 'one group below the minimum and one other: nothing can be shown',
      total: 12, parts: [['a', 3], ['b', 9]] as [string, number][],
      expected: { a: 'too-few', b: 'could-be-derived' },
    },
    {
      why: 'equal smallest groups: the last key is withheld (a stable choice)',
      total: 22, parts: [['a', 2], ['b', 10], ['c', 10]] as [string, number][],
      expected: { a: 'too-few', b: null, c: 'could-be-derived' },
    },
  ])('$why', ({ total, parts, expected }) => {
    expect(reasons(total, parts)).toEqual(expected)
  })

  test('never leaves a shown part, or what the total minus the shown parts gives, below the minimum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 8 }),
        fc.integer({ min: 3, max: 12 }),
        (sizes, min) => {
          const parts = sizes.map((n, i) => ({ key: `g${i}`, n }))
          const total = sizes.reduce((a, b) => a + b, 0)
          const verdict = shownParts(total, parts, min)
          const shown = parts.filter((p) => verdict.get(p.key) === null)
          for (const p of shown) expect(p.n).toBeGreaterThanOrEqual(min)
          const rest = total - shown.reduce((s, p) => s + p.n, 0)
          // With nothing shown the split adds nothing to the total itself.
          expect(shown.length === 0 || rest === 0 || rest >= min).toBe(true)
        }
      )
    )
  })
})

/** Random rounds: up to 40 respondents in up to five groups (or none), random answers. */
const round = fc.array(
  fc.record({
    group: fc.constantFrom<string | null>('Docenten', 'Mentoren', 'Zorg', 'Schoolleiding', 'Leerlingen', null),
    keyInformant: fc.boolean(),
    d01: fc.option(fc.integer({ min: 1, max: 5 })),
    d04: fc.option(fc.integer({ min: 1, max: 5 })),
    d13a: fc.option(fc.integer({ min: 1, max: 5 })),
    d19: fc.option(fc.integer({ min: 0, max: 1 })),
  }),
  { maxLength: 40 }
)
const asResponses = (rows: { group: string | null; keyInformant: boolean; [item: string]: unknown }[]): GroupedResponse[] =>
  rows.map((r) => ({
    group: r.group,
    record: {
      role: r.keyInformant ? 'key-informant' : 'user',
      answers: { d01: r['d01'] as number | null, d04: r['d04'] as number | null, d13a: r['d13a'] as number | null, d19: r['d19'] as number | null },
    },
  }))

describe('splitProfile', () => {
  test('shows a group of five, and withholds a group of two with the smallest other group', () => {
    const rows: GroupedResponse[] = [
      ...Array.from({ length: 5 }, () => ({ group: 'Docenten', record: { answers: { d01: 2 } } })),
      ...Array.from({ length: 7 }, () => ({ group: 'Mentoren', record: { answers: { d01: 4 } } })),
      ...Array.from({ length: 2 }, () => ({ group: 'Zorg', record: { answers: { d01: 1 } } })),
    ]
    const split = splitProfile(q, rows, { groups: ['Docenten', 'Mentoren', 'Zorg', 'Schoolleiding'] })
    expect(split.groups.map((g) => [g.group, g.n, g.suppressed])).toEqual([
      ['Docenten', 5, 'could-be-derived'],
      ['Mentoren', 7, null],
      ['Zorg', 2, 'too-few'],
      ['Schoolleiding', 0, 'too-few'],
    ])
    const mentors = split.groups[1]!
    expect(mentors.suppressed === null && mentors.profile.determinants[0]?.positiveShare).toBe(1)
  })

  test('never lets the minimum go below three', () => {
    expect(splitProfile(q, [], { minGroupSize: 1 }).minGroupSize).toBe(3)
  })

  test('no group or determinant of a group below the minimum can be shown or derived from the total', () => {
    fc.assert(
      fc.property(round, fc.integer({ min: 3, max: 8 }), (rows, minGroupSize) => {
        const responses = asResponses(rows)
        const split = splitProfile(q, responses, { minGroupSize, groups: ['Docenten', 'Mentoren'] })
        const total = scoreResponses(q, responses.map((r) => r.record))
        const min = split.minGroupSize
        const shown = split.groups.flatMap((g) => (g.suppressed === null ? [g] : []))
        for (const g of shown) expect(g.n).toBeGreaterThanOrEqual(min)
        const rest = total.respondents - shown.reduce((s, g) => s + g.n, 0)
        expect(shown.length === 0 || rest === 0 || rest >= min).toBe(true)
        total.determinants.forEach((d, k) => {
          const cells = shown.map((g) => g.profile.determinants[k]!).filter((c) => c.negativeShare !== null)
          for (const c of cells) expect(c.n).toBeGreaterThanOrEqual(min)
          const cellRest = d.n - cells.reduce((s, c) => s + c.n, 0)
          expect(cells.length === 0 || cellRest === 0 || cellRest >= min).toBe(true)
        })
      })
    )
  })

  test("the groups' counts add up to the round's, key informants included", () => {
    fc.assert(
      fc.property(round, (rows) => {
        const responses = asResponses(rows)
        const split = splitProfile(q, responses, { minGroupSize: 3 })
        const total = scoreResponses(q, responses.map((r) => r.record))
        const shown = split.groups.flatMap((g) => (g.suppressed === null ? [g] : []))
        total.determinants.forEach((d, k) => {
          expect(shown.reduce((s, g) => s + g.profile.determinants[k]!.n, 0)).toBeLessThanOrEqual(d.n)
        })
        if (shown.length === split.groups.length) {
          total.determinants.forEach((d, k) => expect(shown.reduce((s, g) => s + g.profile.determinants[k]!.n, 0)).toBe(d.n))
        }
      })
    )
  })
})
