import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { scoreResponses } from '../../server/domain/scoring.ts'
import { certaintyOf, wilsonInterval, Z_95 } from '../../server/domain/uncertainty.ts'
import { answering, miniQuestionnaire as q } from '../support/kb.ts'

describe('wilsonInterval', () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (score, no correction).
  test.for([
    { count: 81, n: 263, low: 0.2553, high: 0.3662 },
    { count: 15, n: 148, low: 0.0624, high: 0.1605 },
    { count: 0, n: 20, low: 0, high: 0.1611 },
    { count: 1, n: 29, low: 0.0061, high: 0.1718 },
  ])('$count of $n gives [$low, $high] as published by Newcombe', ({ count, n, low, high }) => {
    const interval = wilsonInterval(count, n)
    expect(interval?.[0]).toBeCloseTo(low, 4)
    expect(interval?.[1]).toBeCloseTo(high, 4)
  })

  test('has no interval without answers', () => {
    expect(wilsonInterval(0, 0)).toBeNull()
  })

  test('uses z = 1.959964 for 95%', () => {
    expect(Z_95).toBe(1.959964)
  })

  test('always contains the share and lies within [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, fraction) => {
        const count = Math.round(fraction * n)
        const [low, high] = wilsonInterval(count, n)!
        const p = count / n
        expect(low).toBeGreaterThanOrEqual(0)
        expect(high).toBeLessThanOrEqual(1)
        expect(low).toBeLessThanOrEqual(p)
        expect(high).toBeGreaterThanOrEqual(p)
      })
    )
  })

  test('narrows as the same share rests on more answers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 10 }), (m, tenths) => {
        const small = wilsonInterval(tenths * m, 10 * m)!
        const large = wilsonInterval(tenths * m * 4, 40 * m)!
        expect(large[1] - large[0]).toBeLessThan(small[1] - small[0])
      })
    )
  })
})

describe('certaintyOf', () => {
  const t = { barrierShare: 0.2, facilitatorShare: 0.8 }
  test.for([
    { neg: 2, pos: 0, n: 8, status: 'barrier', certainty: 'uncertain', why: '2 of 8 negative: the 20% line lies inside [7%, 59%]' },
    { neg: 20, pos: 0, n: 40, status: 'barrier', certainty: 'clear', why: '20 of 40 negative: [35%, 65%] lies above 20%' },
    { neg: 0, pos: 7, n: 8, status: 'facilitator', certainty: 'uncertain', why: '7 of 8 positive: 80% lies inside [53%, 98%]' },
    { neg: 0, pos: 40, n: 40, status: 'facilitator', certainty: 'clear', why: '40 of 40 positive: [91%, 100%] lies above 80%' },
    { neg: 1, pos: 5, n: 10, status: 'neutral', certainty: 'uncertain', why: 'neutral 1 of 10 negative: 20% lies inside its interval' },
    { neg: 0, pos: 0, n: 0, status: 'insufficient', certainty: 'uncertain', why: 'no answers: never clear' },
  ] as const)('$why', ({ neg, pos, n, status, certainty }) => {
    expect(certaintyOf(status, wilsonInterval(neg, n), wilsonInterval(pos, n), t)).toBe(certainty)
  })
})

describe('scoreResponses: intervals and certainty', () => {
  test('marks 2 of 8 negative as a barrier, uncertain, with the interval of both shares', () => {
    const d1 = scoreResponses(q, answering('d01', [2, 2, 3, 3, 3, 3, 4, 4])).determinants.find((d) => d.number === 1)!
    expect(d1.status).toBe('barrier')
    expect(d1.certainty).toBe('uncertain')
    expect(d1.negativeShareInterval?.[0]).toBeCloseTo(0.0715, 4)
    expect(d1.negativeShareInterval?.[1]).toBeCloseTo(0.5907, 4)
    expect(d1.positiveShareInterval).toEqual(wilsonInterval(2, 8))
  })

  test('gives no interval to a determinant nobody answered', () => {
    const d2 = scoreResponses(q, answering('d01', [2])).determinants.find((d) => d.n === 0)!
    expect(d2.negativeShareInterval).toBeNull()
    expect(d2.certainty).toBe('uncertain')
  })
})
