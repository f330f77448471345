import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { feasibilityOf, orderByFeasibility, type Feasibility } from '../../server/domain/feasibility.ts'

describe('feasibilityOf', () => {
  test("takes the team's own rating before a published one", () => {
    expect(feasibilityOf(2, { waltz: { feasibility: 4.57 } })).toEqual({ value: 2, source: 'team' })
  })
  test('falls back to Waltz 2015 where the school adaptation works the same way', () => {
    expect(feasibilityOf(undefined, { waltz: { feasibility: 4.57 } })).toEqual({ value: 4.57, source: 'waltz-2015' })
  })
  test('does not use Waltz 2015 where the mechanism changed, nor invent a rating', () => {
    expect(feasibilityOf(undefined, { waltz: { feasibility: 4.57 }, mechanismChanged: true })).toBeNull()
    expect(feasibilityOf(undefined, { waltz: { importance: 4 } })).toBeNull()
    expect(feasibilityOf(undefined, { waltz: null })).toBeNull()
    expect(feasibilityOf(undefined, undefined)).toBeNull()
  })
})

describe('orderByFeasibility', () => {
  const rated = (pairs: Record<string, number>) => (id: string): Feasibility | null =>
    pairs[id] === undefined ? null : { value: pairs[id], source: 'team' }

  test('puts the most feasible first, unknown ones last, and keeps the fit order on ties', () => {
    const byFit = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }))
    const ordered = orderByFeasibility(byFit, rated({ b: 3, c: 5, d: 3 }))
    expect(ordered.map((r) => r.id)).toEqual(['c', 'b', 'd', 'a', 'e'])
    expect(ordered[0]?.feasibility).toEqual({ value: 5, source: 'team' })
    expect(ordered[4]?.feasibility).toBeNull()
  })

  test('is a permutation of the strategies fit chose, ordered by feasibility, then by fit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { maxLength: 16 }),
        fc.dictionary(fc.constantFrom(...'abcdefghijklmnop'), fc.integer({ min: 1, max: 5 })),
        (ids, ratings) => {
          const byFit = ids.map((id) => ({ id }))
          const ordered = orderByFeasibility(byFit, rated(ratings))
          expect([...ordered.map((r) => r.id)].sort()).toEqual([...ids].sort())
          const key = (id: string) => ratings[id] ?? 0
          for (let i = 1; i < ordered.length; i++) {
            const [a, b] = [ordered[i - 1]!.id, ordered[i]!.id]
            expect(key(a)).toBeGreaterThanOrEqual(key(b))
            if (key(a) === key(b)) expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b))
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
