import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { coverageOf } from '../../server/domain/coverage.ts'
import type { LinkEvidence, StrategyFacts } from '../../server/domain/ranking.ts'

const facts = (id: string, over: Partial<StrategyFacts> = {}): StrategyFacts => ({
  id,
  phases: ['start'],
  actors: ['teachers'],
  effort: 'low',
  ...over,
})
const link = (determinant: number, strategy: string, strength: number, method = 'm'): LinkEvidence => ({
  determinant,
  strategy,
  strength,
  source: 's',
  method,
})

// Barriers 16 (self-efficacy), 23 (time), 25 (coordinator), 29 (legislation).
const barriers = [16, 23, 25, 29].map((determinant, i) => ({ determinant, severity: [0.5, 0.4, 0.3, 0.2][i] ?? 0 }))
const strategies = [
  facts('training'),
  facts('coaching'),
  facts('hours', { effort: 'high', actors: ['school-management'] }),
  facts('coordinator'),
  facts('legal'),
  facts('legal-lite'),
]
const links = [
  link(16, 'training', 0.6),
  link(16, 'coaching', 0.3),
  link(23, 'coaching', 0.3),
  link(23, 'hours', 0.6),
  link(25, 'hours', 0.3),
  link(25, 'coordinator', 0.6),
  link(29, 'legal', 0.6),
  link(29, 'legal-lite', 0.3, 'a'),
  link(29, 'legal-lite', 0.3, 'b'),
]

describe('coverageOf', () => {
  const result = coverageOf({ barriers, used: ['training', 'coaching'], strategies, links })

  test('counts a barrier covered only through an essential link, listing the used strategies strongest first', () => {
    expect(result.covered).toEqual([
      {
        determinant: 16,
        severity: 0.5,
        by: [
          { strategy: 'training', strength: 0.6 },
          { strategy: 'coaching', strength: 0.3 },
        ],
        strongest: 0.6,
        weak: false,
      },
    ])
    expect(result.weaklyCovered).toEqual([
      { determinant: 23, severity: 0.4, by: [{ strategy: 'coaching', strength: 0.3 }], strongest: 0.3, weak: true },
    ])
  })

  test('lists the barriers no used strategy addresses; weakly covered ones are gaps too', () => {
    expect(result.uncovered).toEqual([25, 29])
    expect(result.gaps).toEqual([23, 25, 29])
  })

  test('suggests the strongest linked strategies per gap, agreeing methods breaking ties', () => {
    expect(result.suggestions).toEqual([
      // Weakly covered: only links stronger than the approach's own are worth suggesting.
      { determinant: 23, strategies: [{ id: 'hours', strength: 0.6, agreement: 1 }] },
      {
        determinant: 25,
        strategies: [
          { id: 'coordinator', strength: 0.6, agreement: 1 },
          { id: 'hours', strength: 0.3, agreement: 1 },
        ],
      },
      {
        determinant: 29,
        strategies: [
          { id: 'legal', strength: 0.6, agreement: 1 },
          { id: 'legal-lite', strength: 0.3, agreement: 2 },
        ],
      },
    ])
  })

  test('proposes a small set of additions that closes the gaps together', () => {
    expect(result.additions.map((a) => [a.id, a.covers, a.weaklyCovers])).toEqual([
      ['hours', [23], [25]],
      ['coordinator', [25], []],
      ['legal', [29], []],
    ])
  })

  test('filters suggestions by the plan but never the strategies already used', () => {
    const filtered = coverageOf({
      barriers,
      used: ['hours'],
      strategies,
      links,
      plan: { maxEffort: 'low' },
    })
    expect(filtered.covered.map((c) => c.determinant)).toEqual([23])
    expect(filtered.weaklyCovered.map((c) => c.determinant)).toEqual([25])
    expect(filtered.suggestions.find((s) => s.determinant === 16)?.strategies.map((s) => s.id)).toEqual([
      'training',
      'coaching',
    ])
  })

  test('has nothing to add when everything is covered', () => {
    const all = coverageOf({ barriers, used: ['training', 'hours', 'coordinator', 'legal'], strategies, links })
    expect(all.uncovered).toEqual([])
    expect(all.suggestions).toEqual([])
    expect(all.additions).toEqual([])
  })
})

describe('coverageOf: the additions never contradict the gap list beside them', () => {
  const arbitrary = fc.record({
    links: fc.array(
      fc.record({
        determinant: fc.integer({ min: 1, max: 6 }),
        strategy: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
        strength: fc.constantFrom(0.2, 0.3, 0.4, 0.45, 0.5, 0.6, 0.7),
      }),
      { maxLength: 30 }
    ),
    barriers: fc.uniqueArray(
      fc.record({ determinant: fc.integer({ min: 1, max: 6 }), severity: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { selector: (b) => b.determinant, minLength: 1, maxLength: 6 }
    ),
    used: fc.subarray(['a', 'b', 'c']),
  })

  test('every gap that a fitting essential strategy can close is closed essentially, and every addition closes a gap', () => {
    fc.assert(
      fc.property(arbitrary, ({ links, barriers, used }) => {
        const all = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => facts(id))
        const r = coverageOf({
          barriers,
          used,
          strategies: all,
          links: links.map((l) => link(l.determinant, l.strategy, l.strength)),
          additions: barriers.length,
        })
        const closed = new Set(r.additions.flatMap((a) => a.covers))
        for (const s of r.suggestions) {
          const top = s.strategies[0]
          if (top && top.strength >= 0.5) expect(closed.has(s.determinant), `gap ${s.determinant}`).toBe(true)
        }
        for (const a of r.additions) {
          expect([...a.covers, ...a.weaklyCovers].length).toBeGreaterThan(0)
          for (const d of [...a.covers, ...a.weaklyCovers]) expect(r.gaps).toContain(d)
        }
      })
    )
  })
})
