import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { hasConsensus, percentile, ratingStats, tertileOf, verdictOf, type RatingStats } from '../../server/domain/rating-stats.ts'

type Row = {
  name: string
  ratings: number[]
  expected: Partial<RatingStats>
}

describe('ratingStats', () => {
  // The published worked example: Bosworth et al. (2012), BMJ Open 2:e001431, Table 1 ("An
  // example of the application of the RAND/UCLA appropriateness method"), after Fitch et al.
  // (2001), RAND MR-1269. Fifteen panellists: three below 7 (their exact ratings change no
  // statistic), five 7s, five 8s, two 9s. Printed: median 7.0, 30th percentile 7.0, 70th 8.0,
  // IPR 1.0, IPRCP 7.5, AI 2.5, IPRAS 6.1 (2.35 + 1.5 × 2.5 = 6.1), no disagreement, and "four or
  // less panellists voted outside the three-point region containing the median".
  test('reproduces the published RAND/UCLA worked example (BMJ Open 2012, Table 1)', () => {
    const s = ratingStats([4, 5, 6, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 9, 9])
    expect(s).toMatchObject({ n: 15, median: 7, p30: 7, p70: 8, ipr: 1, iprcp: 7.5, ipras: 6.1, disagreement: false })
    expect(s.n - s.counts.slice(6).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4)
    expect(verdictOf(s, { kind: 'rand' })).toBe('relevant')
  })

  // Hand-computed: percentiles at position (n − 1) × p, interpolated.
  test.for<Row>([
    {
      name: 'an even panel: median between the middle two, interpolated percentiles',
      ratings: [8, 6, 7, 8],
      // sorted 6 7 8 8; p25 at 0.75 → 6.75; p30 at 0.9 → 6.9; p50 at 1.5 → 7.5; p70 at 2.1 → 8;
      // p75 at 2.25 → 8; IPRCP 7.45; IPRAS 2.35 + 1.5 × 2.45 = 6.025
      expected: { n: 4, median: 7.5, p25: 6.75, p75: 8, iqr: 1.25, p30: 6.9, p70: 8, ipr: 1.1, iprcp: 7.45, ipras: 6.025, disagreement: false, tertile: 'high', agreement: 0.75, shareHigh: 0.75 },
    },
    {
      name: 'a polarised panel disagrees: IPR 8 > IPRAS 2.35',
      ratings: [1, 1, 1, 1, 5, 9, 9, 9, 9],
      // p30 at 2.4 → 1; p70 at 5.6 → 9; IPRCP 5: perfectly symmetric, IPRAS 2.35
      expected: { median: 5, p25: 1, p75: 9, iqr: 8, p30: 1, p70: 9, ipr: 8, iprcp: 5, ipras: 2.35, disagreement: true, tertile: 'middle', agreement: 0.111111111 },
    },
    {
      name: 'an asymmetric panel with a high median still disagrees',
      ratings: [1, 1, 1, 7, 8, 9, 9, 9, 9],
      // median 8; p30 at 2.4 → 1 + 0.4 × 6 = 3.4; p70 at 5.6 → 9; IPR 5.6; IPRCP 6.2; IPRAS 4.15
      expected: { median: 8, p30: 3.4, p70: 9, ipr: 5.6, iprcp: 6.2, ipras: 4.15, disagreement: true, agreement: 0.666666667 },
    },
    {
      name: 'a low median without disagreement',
      ratings: [2, 3, 3, 7],
      // p30 at 0.9 → 2.9; p70 at 2.1 → 3.4; IPRCP 3.15; IPRAS 2.35 + 1.5 × 1.85 = 5.125
      expected: { median: 3, p30: 2.9, p70: 3.4, ipr: 0.5, iprcp: 3.15, ipras: 5.125, disagreement: false, tertile: 'low', agreement: 0.75, shareHigh: 0.25 },
    },
    {
      name: 'one expert: every percentile is the rating',
      ratings: [6],
      expected: { n: 1, median: 6, iqr: 0, ipr: 0, iprcp: 6, ipras: 3.85, disagreement: false, tertile: 'middle', agreement: 1 },
    },
  ])('$name', ({ ratings, expected }) => {
    expect(ratingStats(ratings)).toMatchObject(expected)
  })

  test('no ratings: no statistics, no disagreement, no consensus', () => {
    const s = ratingStats([])
    expect(s).toMatchObject({ n: 0, median: null, iqr: null, ipras: null, disagreement: false, agreement: null })
    expect(s.counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(hasConsensus(s, { kind: 'rand' })).toBe(false)
    expect(verdictOf(s, { kind: 'rand' })).toBe('no-ratings')
  })

  test('an even panel whose median falls where nobody rated has no one within its region', () => {
    expect(ratingStats([3, 7])).toMatchObject({ median: 5, tertile: 'middle', agreement: 0 })
    expect(ratingStats([3, 4])).toMatchObject({ median: 3.5, tertile: 'middle', agreement: 0.5 })
  })

  test('counts every rating once, by value', () => {
    expect(ratingStats([9, 1, 9, 5]).counts).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 2])
  })

  test('the order of the ratings never matters, and the median lies between the quartiles', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 60 }), (ratings) => {
        const a = ratingStats(ratings)
        const b = ratingStats([...ratings].reverse())
        expect(b).toEqual(a)
        expect(a.p25 as number).toBeLessThanOrEqual(a.median as number)
        expect(a.median as number).toBeLessThanOrEqual(a.p75 as number)
        expect(a.p30 as number).toBeGreaterThanOrEqual(a.p25 as number)
        // An even panel's median can fall region with nobody in it: [3, 7].
        expect(a.agreement as number).toBeGreaterThanOrEqual(0)
        expect(a.agreement as number).toBeLessThanOrEqual(1)
      })
    )
  })
})

describe('percentile', () => {
  test('interpolates at (n − 1) × p like Excel PERCENTILE', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.3)).toBe(3.7)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.7)).toBe(7.3)
    expect(percentile([], 0.5)).toBeNull()
  })
})

describe('tertileOf', () => {
  test.for([
    [1, 'low'],
    [3, 'low'],
    [3.5, 'middle'],
    [6.5, 'middle'],
    [7, 'high'],
    [9, 'high'],
  ] as const)('median %s is %s', ([value, tertile]) => {
    expect(tertileOf(value)).toBe(tertile)
  })
})

describe('consensus and verdicts', () => {
  const low = ratingStats([2, 3, 3, 7])
  test('the RAND rule: no disagreement; the verdict follows the median', () => {
    expect(verdictOf(low, { kind: 'rand' })).toBe('not-relevant')
    expect(verdictOf(ratingStats([1, 1, 1, 7, 8, 9, 9, 9, 9]), { kind: 'rand' })).toBe('uncertain')
    expect(verdictOf(ratingStats([5, 5, 6, 4]), { kind: 'rand' })).toBe('uncertain')
    expect(hasConsensus(ratingStats([5, 5, 6, 4]), { kind: 'rand' })).toBe(true)
  })
  test('the agreement rule: at least the threshold within the median\u2019s tertile, inclusive', () => {
    expect(hasConsensus(low, { kind: 'agreement', threshold: 0.75 })).toBe(true)
    expect(hasConsensus(low, { kind: 'agreement', threshold: 0.8 })).toBe(false)
    expect(verdictOf(ratingStats([7, 8, 8, 9, 2]), { kind: 'agreement', threshold: 0.8 })).toBe('relevant')
    expect(verdictOf(ratingStats([7, 8, 8, 2, 2]), { kind: 'agreement', threshold: 0.8 })).toBe('uncertain')
  })
})
