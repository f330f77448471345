import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, test } from 'vitest'
import {
  bundleStrategies,
  rankStrategies,
  roundScore,
  type LinkEvidence,
  type StrategyFacts,
} from '../../server/domain/ranking.ts'
import { ACTORS, EFFORTS, PHASES } from '../../server/domain/vocabulary.ts'

const root = join(import.meta.dirname, '..', '..')
const readCsv = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(root, path), 'utf8'), { header: true, skipEmptyLines: true }).data

const facts = (id: string, over: Partial<StrategyFacts> = {}): StrategyFacts => ({
  id,
  phases: ['preparation', 'start', 'full-implementation', 'sustainment'],
  actors: ['implementation-team'],
  effort: 'medium',
  ...over,
})
const link = (determinant: number, strategy: string, strength: number, source = 'src', method = 'm'): LinkEvidence => ({
  determinant,
  strategy,
  strength,
  source,
  method,
})

describe('rankStrategies: equivalence with the CFIR–ERIC matching tool', () => {
  // Waltz et al. 2019, Table 1: one barrier (Reflecting & Evaluating), 25 experts, every strategy.
  const reflecting = readCsv('test/fixtures/cfir-eric-reflecting-evaluating.csv')
  // Published percentages for the CFIR barrier Complexity (Implement Sci Commun 2023, Table 3).
  const complexity = readCsv('data/sources/cfir-eric-published.csv').filter(
    (r) => r.cfir_construct === 'Complexity' && r.endorsement_pct
  )
  const R_AND_E = 28 // any two determinant numbers stand in for the two CFIR barriers
  const COMPLEXITY = 4
  const links = [
    ...reflecting.map((r) => link(R_AND_E, String(r.eric_strategy), Number(r.endorsement_pct) / 100)),
    ...complexity.map((r) => link(COMPLEXITY, String(r.eric_name), Number(r.endorsement_pct) / 100)),
  ]
  const names = [...new Set(links.map((l) => l.strategy))]
  const strategies = names.map((n) => facts(n))
  const pct = (rows: Record<string, string>[], nameKey: string, name: string) =>
    Number(rows.find((r) => r[nameKey] === name)?.endorsement_pct ?? 0)

  test('gives each strategy its endorsement percentage for one barrier, equally weighted', () => {
    const result = rankStrategies({ barriers: [{ determinant: R_AND_E, severity: 1 }], strategies, links, weighting: 'cfir-eric' })
    expect(result.strategies).toHaveLength(reflecting.length)
    for (const row of reflecting) {
      const ranked = result.strategies.find((s) => s.id === row.eric_strategy)
      expect(ranked?.score, String(row.eric_strategy)).toBeCloseTo(Number(row.endorsement_pct) / 100, 9)
    }
    expect(result.strategies.slice(0, 2).map((s) => s.id)).toEqual([
      'Develop and implement tools for quality monitoring',
      'Audit and provide feedback',
    ])
  })

  test('adds up the percentages over several barriers: the tool\'s cumulative percentage', () => {
    const result = rankStrategies({
      barriers: [
        { determinant: R_AND_E, severity: 0.9 },
        { determinant: COMPLEXITY, severity: 0.3 },
      ],
      strategies,
      links,
      weighting: 'cfir-eric',
    })
    for (const name of names) {
      const cumulative = pct(reflecting, 'eric_strategy', name) + pct(complexity, 'eric_name', name)
      const ranked = result.strategies.find((s) => s.id === name)
      expect(ranked?.score, name).toBeCloseTo(cumulative / 100, 9)
    }
    // Facilitation: 20% (R&E) + 20% (Complexity) = 40%.
    expect(result.strategies.find((s) => s.id === 'Facilitation')?.score).toBeCloseTo(0.4, 9)
    const scores = result.strategies.map((s) => s.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })
})

describe('rankStrategies: formula and explanation', () => {
  const strategies = [facts('a'), facts('b'), facts('c')]
  const links = [link(1, 'a', 0.6), link(2, 'a', 0.3), link(1, 'b', 0.3), link(2, 'b', 0.6), link(3, 'c', 0.6)]
  const barriers = [
    { determinant: 1, severity: 0.5 },
    { determinant: 2, severity: 0.2 },
  ]

  test('weights each link by the barrier\'s severity; the second contribution counts half', () => {
    const result = rankStrategies({ barriers, strategies, links })
    // a: best 0.5×0.6 = 0.3; fit 0.3 + ½ × 0.2×0.3 = 0.33.
    // b: best 0.5×0.3 = 0.15; fit 0.15 + ½ × 0.2×0.6 = 0.21. c addresses no barrier.
    expect(result.strategies.map((s) => [s.id, s.best, s.score])).toEqual([
      ['a', 0.3, 0.33],
      ['b', 0.15, 0.21],
    ])
  })

  test('an essential link to a mild barrier does not jump a strong link to the worst one', () => {
    const result = rankStrategies({
      barriers: [
        { determinant: 1, severity: 1 },
        { determinant: 2, severity: 0.25 },
      ],
      strategies: [facts('for-the-worst'), facts('for-the-mild')],
      links: [link(1, 'for-the-worst', 0.45), link(2, 'for-the-mild', 0.6)],
    })
    // 1 × 0.45 = 0.45 against 0.25 × 0.6 = 0.15.
    expect(result.strategies.map((s) => s.id)).toEqual(['for-the-worst', 'for-the-mild'])
  })

  test('breadth at most doubles the best contribution: ten weak links lose to one essential link', () => {
    const broad = Array.from({ length: 10 }, (_, i) => link(i + 1, 'broad', 0.4))
    const ten = Array.from({ length: 10 }, (_, i) => ({ determinant: i + 1, severity: 1 }))
    const result = rankStrategies({ barriers: ten, strategies: [facts('broad'), facts('fit')], links: [...broad, link(1, 'fit', 0.5)] })
    expect(result.strategies.map((s) => s.id)).toEqual(['fit', 'broad'])
    // 0.4 × (1 + ½ + … + 1/512) < 0.8: ten links of 0.4 weigh less than twice one.
    expect(result.strategies[1]?.score).toBe(0.799218750)
  })

  test('with cfir-eric weighting the same links add up, as the tool does', () => {
    const result = rankStrategies({ barriers, strategies, links, weighting: 'cfir-eric' })
    expect(result.strategies.map((s) => [s.id, s.score])).toEqual([
      ['a', 0.9],
      ['b', 0.9],
    ])
  })

  test('explains each strategy with the barriers it addresses, main contribution first', () => {
    const [a] = rankStrategies({ barriers, strategies, links }).strategies
    expect(a?.addresses).toEqual([
      { determinant: 1, severity: 0.5, weight: 0.5, strength: 0.6, counted: 0.6, label: 'essential', agreement: 1, evidence: [{ source: 'src', method: 'm', strength: 0.6 }] },
      { determinant: 2, severity: 0.2, weight: 0.2, strength: 0.3, counted: 0.3, label: 'supportive', agreement: 1, evidence: [{ source: 'src', method: 'm', strength: 0.3 }] },
    ])
    expect(a?.essentialLinks).toBe(1)
  })

  test('lists barriers that no returned strategy addresses', () => {
    const result = rankStrategies({ barriers: [...barriers, { determinant: 9, severity: 1 }], strategies, links, limit: 1 })
    expect(result.strategies.map((s) => s.id)).toEqual(['a'])
    expect(result.uncovered).toEqual([9])
  })

  test('combines several sources for one pair by taking the strongest, counting methods as agreement', () => {
    const multi = [link(1, 'a', 0.3, 'x', 'editorial'), link(1, 'a', 0.45, 'y', 'cfir'), link(1, 'a', 0.2, 'z', 'cfir')]
    const [a] = rankStrategies({ barriers: [{ determinant: 1, severity: 1 }], strategies, links: multi }).strategies
    expect(a?.score).toBe(0.45)
    expect(a?.addresses[0]?.agreement).toBe(2)
    expect(a?.addresses[0]?.evidence.map((e) => e.source)).toEqual(['y', 'x', 'z'])
  })

  test('counts one expert cell once: the barrier where it weighs most takes it', () => {
    const cell = (d: number, strength: number) => ({ ...link(d, 'a', strength, 'cfir', 'crosswalk'), cell: 'cfir/available-resources/a' })
    const fanned = [cell(20, 0.6), cell(21, 0.6), cell(22, 0.6), link(22, 'a', 0.3, 'editorial', 'editorial')]
    const [a] = rankStrategies({
      barriers: [
        { determinant: 20, severity: 0.4 },
        { determinant: 21, severity: 0.9 },
        { determinant: 22, severity: 0.5 },
      ],
      strategies,
      links: fanned,
    }).strategies
    expect(a?.addresses.map((x) => [x.determinant, x.strength, x.counted])).toEqual([
      [21, 0.6, 0.6],
      [22, 0.6, 0.3], // falls back to its editorial link
      [20, 0.6, 0], // nothing else links it
    ])
    expect(a?.best).toBe(0.54)
    expect(a?.score).toBe(0.54 + 0.075)
  })

  test('counts only the sources asked for', () => {
    const multi = [link(1, 'a', 0.3, 'x'), link(1, 'b', 0.6, 'y')]
    const result = rankStrategies({ barriers: [{ determinant: 1, severity: 1 }], strategies, links: multi, sources: ['x'] })
    expect(result.strategies.map((s) => s.id)).toEqual(['a'])
  })

  test('merges a barrier given twice, keeping its highest severity', () => {
    const result = rankStrategies({
      barriers: [
        { determinant: 1, severity: 0.2 },
        { determinant: 1, severity: 0.5 },
      ],
      strategies,
      links,
    })
    expect(result.strategies[0]?.score).toBe(0.3)
  })
})

describe('rankStrategies: tie-break', () => {
  test.for([
    {
      why: 'the larger best contribution first, however broad the other',
      links: [link(1, 'z', 0.6), link(1, 'a', 0.3), link(2, 'a', 0.3)],
      expected: ['z', 'a'],
    },
    {
      why: 'equal best contributions: the more severe barrier addressed essentially first',
      severities: [1, 0.6],
      links: [link(2, 'z', 0.5), link(1, 'a', 0.3)],
      expected: ['z', 'a'],
    },
    {
      why: 'equal best contributions: the higher fit first',
      links: [link(1, 'z', 0.3), link(1, 'a', 0.3), link(2, 'a', 0.2)],
      expected: ['a', 'z'],
    },
    {
      why: 'equal best and fit: more barriers addressed first',
      severities: [1, 0],
      links: [link(1, 'z', 0.3), link(1, 'a', 0.3), link(2, 'a', 0.3)],
      expected: ['a', 'z'],
    },
    {
      why: 'everything equal: strategy id alphabetically',
      links: [link(1, 'b', 0.4), link(1, 'a', 0.4)],
      expected: ['a', 'b'],
    },
  ])('$why', ({ links, expected, severities = [1, 1] }) => {
    const strategies = ['a', 'b', 'z'].map((id) => facts(id))
    const barriers = severities.map((severity, i) => ({ determinant: i + 1, severity }))
    expect(rankStrategies({ barriers, strategies, links }).strategies.map((s) => s.id)).toEqual(expected)
  })

  test('is not decided by floating-point noise', () => {
    // 0.3 × 0.1 is 0.030000000000000002 in binary, above 1 × 0.03: rounded, the best
    // contributions tie, and b, essential for its barrier, goes first by the documented rule.
    const links = [link(1, 'a', 0.1), link(2, 'b', 1)]
    const barriers = [
      { determinant: 1, severity: 0.3 },
      { determinant: 2, severity: 0.03 },
    ]
    const result = rankStrategies({ barriers, strategies: [facts('a'), facts('b')], links })
    expect(result.strategies.map((s) => s.id)).toEqual(['b', 'a'])
    expect(result.strategies[0]?.best).toBe(result.strategies[1]?.best)
  })
})

describe('rankStrategies: the plan', () => {
  const strategies = [
    facts('prep', { phases: ['preparation'], actors: ['school-management'], effort: 'low' }),
    facts('sustain', { phases: ['sustainment'], actors: ['teachers'], effort: 'high' }),
    facts('both', { phases: ['preparation', 'sustainment'], actors: ['teachers', 'external-partner'], effort: 'medium' }),
  ]
  const links = strategies.map((s) => link(1, s.id, 0.5))
  const ids = (plan: object) =>
    rankStrategies({ barriers: [{ determinant: 1, severity: 1 }], strategies, links, plan }).strategies.map((s) => s.id).sort()

  test.for([
    { plan: {}, expected: ['both', 'prep', 'sustain'] },
    { plan: { phase: 'preparation' }, expected: ['both', 'prep'] },
    { plan: { actors: ['teachers'] }, expected: ['both', 'sustain'] },
    { plan: { actors: ['external-partner', 'school-management'] }, expected: ['both', 'prep'] },
    { plan: { maxEffort: 'low' }, expected: ['prep'] },
    { plan: { maxEffort: 'medium' }, expected: ['both', 'prep'] },
    { plan: { exclude: ['both'] }, expected: ['prep', 'sustain'] },
    { plan: { inUse: ['prep'] }, expected: ['both', 'sustain'] },
    { plan: { phase: 'sustainment', maxEffort: 'medium' }, expected: ['both'] },
  ])('keeps what fits $plan', ({ plan, expected }) => {
    expect(ids(plan)).toEqual(expected)
  })
})

describe('bundleStrategies', () => {
  // The classic case where the top of the ranking covers fewer barriers than two
  // complementary strategies: A is linked weakly to four barriers, B and C strongly to three.
  const strategies = ['A', 'B', 'C'].map((id) => facts(id))
  const links = [
    ...[1, 2, 3, 4].map((d) => link(d, 'A', 0.2)),
    ...[1, 2, 5].map((d) => link(d, 'B', 0.6)),
    ...[3, 4, 6].map((d) => link(d, 'C', 0.3)),
  ]
  const barriers = [1, 2, 3, 4, 5, 6].map((d) => ({ determinant: d, severity: 0.5 }))

  test('covers more barriers with two strategies than the top two of the ranking', () => {
    const ranked = rankStrategies({ barriers, strategies, links, limit: 2 })
    expect(ranked.strategies.map((s) => s.id)).toEqual(['B', 'C'])
    const bundle = bundleStrategies({ barriers, strategies, links, limit: 2 })
    expect(bundle.strategies.map((s) => s.id)).toEqual(['B', 'C'])
    // Only B's links are essential: C reaches 3, 4 and 6, but weakly.
    expect(bundle.covered).toEqual([1, 2, 5])
    expect(bundle.weaklyCovered).toEqual([3, 4, 6])
    expect(bundle.uncovered).toEqual([])
  })

  test('beats a ranked list whose top strategies overlap', () => {
    const overlapping = [
      link(1, 'X', 0.6), link(2, 'X', 0.6),
      link(1, 'Y', 0.6), link(2, 'Y', 0.5),
      link(3, 'Z', 0.3),
    ]
    const s = ['X', 'Y', 'Z'].map((id) => facts(id))
    const b = [1, 2, 3].map((d) => ({ determinant: d, severity: 0.5 }))
    expect(rankStrategies({ barriers: b, strategies: s, links: overlapping, limit: 2 }).uncovered).toEqual([3])
    const bundle = bundleStrategies({ barriers: b, strategies: s, links: overlapping, limit: 2 })
    expect(bundle.strategies.map((m) => [m.id, m.covers, m.weaklyCovers])).toEqual([
      ['X', [1, 2], []],
      ['Z', [], [3]],
    ])
  })

  test('stops once every barrier is covered', () => {
    const bundle = bundleStrategies({ barriers: [{ determinant: 5, severity: 1 }], strategies, links, limit: 3 })
    expect(bundle.strategies.map((s) => s.id)).toEqual(['B'])
  })

  test('adds nothing when the strategies in use cover every barrier already', () => {
    const bundle = bundleStrategies({ barriers: [{ determinant: 5, severity: 1 }], strategies, links, limit: 3, plan: { inUse: ['B'] } })
    expect(bundle.strategies).toEqual([])
    expect(bundle.covered).toEqual([5])
    expect(bundle.unreachable).toEqual([]) // covered, so not out of reach
  })

  test('covers a barrier of severity 0 too, essential coverage first: every member adds coverage', () => {
    const bundle = bundleStrategies({ barriers: [{ determinant: 5, severity: 0 }, { determinant: 6, severity: 0.5 }], strategies, links, limit: 3 })
    expect(bundle.strategies.map((s) => [s.id, s.covers, s.weaklyCovers])).toEqual([
      ['B', [5], []],
      ['C', [], [6]],
    ])
  })

  test('upgrades a weakly covered barrier when an essential link fits, and says what stays out of reach', () => {
    const more = [...links, link(3, 'D', 0.7)]
    const bundle = bundleStrategies({
      barriers: [3, 9].map((d) => ({ determinant: d, severity: 1 })),
      strategies: [...strategies, facts('D')],
      links: more,
      limit: 5,
      plan: { inUse: ['C'] },
    })
    expect(bundle.strategies.map((s) => [s.id, s.covers])).toEqual([['D', [3]]])
    expect(bundle.covered).toEqual([3])
    expect(bundle.uncovered).toEqual([9])
    expect(bundle.unreachable).toEqual([9])
  })

  test('counts strategies in use as already chosen and adds what they leave open', () => {
    const bundle = bundleStrategies({ barriers, strategies, links, limit: 2, plan: { inUse: ['B'] } })
    expect(bundle.strategies.map((s) => s.id)).toEqual(['C'])
    expect(bundle.covered).toEqual([1, 2, 5])
    expect(bundle.weaklyCovered).toEqual([3, 4, 6])
  })
})

// ── Properties ───────────────────────────────────────────────────────────────────────────

const arbitraryKb = fc
  .record({
    strategies: fc.uniqueArray(fc.stringMatching(/^[a-f]{1,3}$/), { minLength: 1, maxLength: 12 }),
    links: fc.array(
      fc.record({
        determinant: fc.integer({ min: 1, max: 8 }),
        strategy: fc.integer({ min: 0, max: 11 }),
        strength: fc.double({ min: 0.01, max: 1, noNaN: true }),
        source: fc.constantFrom('x', 'y'),
      }),
      { maxLength: 40 }
    ),
    barriers: fc.uniqueArray(
      fc.record({ determinant: fc.integer({ min: 1, max: 8 }), severity: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
      { selector: (b) => b.determinant, maxLength: 8 }
    ),
    limit: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ strategies, links, barriers, limit }) => ({
    strategies: strategies.map((id, i) =>
      facts(id, { phases: [PHASES[i % 4] ?? 'start'], actors: [ACTORS[i % 5] ?? 'teachers'], effort: EFFORTS[i % 3] ?? 'low' })
    ),
    links: links
      .filter((l) => l.strategy < strategies.length)
      .map((l) => link(l.determinant, strategies[l.strategy] ?? '', l.strength, l.source, l.source)),
    barriers,
    limit,
  }))

describe('ranking properties', () => {
  test('scores stay between 0 and the sum of barrier weights', () => {
    fc.assert(
      fc.property(arbitraryKb, ({ strategies, links, barriers }) => {
        const total = barriers.reduce((sum, b) => sum + b.severity, 0)
        for (const s of rankStrategies({ barriers, strategies, links }).strategies) {
          expect(s.score).toBeGreaterThan(0)
          expect(s.score).toBeLessThanOrEqual(total + 1e-9)
          for (const a of s.addresses) expect(a.strength).toBeLessThanOrEqual(1)
        }
      })
    )
  })

  test('adding a barrier never lowers the score of a strategy that addresses it', () => {
    fc.assert(
      fc.property(
        arbitraryKb,
        fc.record({ determinant: fc.integer({ min: 1, max: 8 }), severity: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
        ({ strategies, links, barriers }, extra) => {
          fc.pre(!barriers.some((b) => b.determinant === extra.determinant))
          const before = new Map(rankStrategies({ barriers, strategies, links }).strategies.map((s) => [s.id, s.score]))
          const after = rankStrategies({ barriers: [...barriers, extra], strategies, links }).strategies
          for (const s of after) {
            if (s.addresses.some((a) => a.determinant === extra.determinant)) {
              expect(s.score).toBeGreaterThanOrEqual(before.get(s.id) ?? 0)
            }
          }
        }
      )
    )
  })

  test('a bundle covers at least as many barriers as the top of the ranking of the same size', () => {
    fc.assert(
      fc.property(arbitraryKb, ({ strategies, links, barriers, limit }) => {
        const bundle = bundleStrategies({ barriers, strategies, links, limit })
        const top = rankStrategies({ barriers, strategies, links, limit: bundle.strategies.length || limit })
        const best = new Map<number, number>()
        for (const s of top.strategies) for (const a of s.addresses) best.set(a.determinant, Math.max(best.get(a.determinant) ?? 0, a.strength))
        const topCovered = [...best.values()].filter((x) => x >= 0.5).length
        // The bundle's key, field by field: barriers covered, their weight (rounded), then barriers
        // reached. As many covered, and as heavy, then at least as many reached: a bundle that
        // covers heavier barriers may reach fewer (weights differing in the 9th decimal did).
        expect(bundle.covered.length).toBeGreaterThanOrEqual(topCovered)
        const severity = new Map<number, number>()
        for (const b of barriers) severity.set(b.determinant, Math.max(severity.get(b.determinant) ?? 0, b.severity))
        const weightOf = (ds: Iterable<number>) => roundScore([...ds].reduce((sum, d) => sum + (severity.get(d) ?? 0), 0))
        const topCoveredWeight = weightOf([...best].filter(([, x]) => x >= 0.5).map(([d]) => d))
        if (bundle.covered.length === topCovered && weightOf(bundle.covered) === topCoveredWeight) {
          expect(bundle.covered.length + bundle.weaklyCovered.length).toBeGreaterThanOrEqual(best.size)
        }
        expect(bundle.strategies.length).toBeLessThanOrEqual(limit)
        for (const m of bundle.strategies) expect(m.covers.length + m.weaklyCovers.length).toBeGreaterThan(0)
        expect(bundle.unreachable.every((d) => bundle.uncovered.includes(d))).toBe(true)
      })
    )
  })

  const position = (ids: readonly string[], id: string) => ids.indexOf(id)
  const mostSevere = (barriers: readonly { determinant: number; severity: number }[], among: readonly number[]) =>
    Math.max(0, ...barriers.filter((b) => among.includes(b.determinant)).map((b) => b.severity))

  test.for(['severity', 'equal'] as const)(
    'a strategy with only supportive links never outranks one essential for a barrier at least as severe (%s)',
    (weighting) => {
      fc.assert(
        fc.property(arbitraryKb, ({ strategies, links, barriers }) => {
          const ranked = rankStrategies({ barriers, strategies, links, weighting }).strategies
          const ids = ranked.map((s) => s.id)
          for (const a of ranked) {
            if (a.addresses.some((x) => x.label === 'essential')) continue
            const worst = mostSevere(barriers, a.addresses.map((x) => x.determinant))
            for (const b of ranked) {
              const essential = b.addresses.filter((x) => x.label === 'essential').map((x) => x.determinant)
              if (essential.length > 0 && mostSevere(barriers, essential) >= worst) {
                expect(position(ids, b.id), `${b.id} before ${a.id}`).toBeLessThan(position(ids, a.id))
              }
            }
          }
        })
      )
    }
  )

  test('adding a weak link never lifts a strategy above one essential for the most severe barrier', () => {
    fc.assert(
      fc.property(
        arbitraryKb,
        fc.nat(),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.01, max: 0.49, noNaN: true }),
        ({ strategies, links, barriers }, pick, determinant, strength) => {
          const severities = barriers.map((b) => b.severity)
          const top = Math.max(...severities)
          fc.pre(barriers.length > 0 && severities.filter((x) => x === top).length === 1)
          const worst = barriers.find((b) => b.severity === top)?.determinant
          const before = rankStrategies({ barriers, strategies, links }).strategies
          const essentialForWorst = (s: (typeof before)[number]) =>
            s.addresses.some((x) => x.determinant === worst && x.label === 'essential')
          const lifted = before.filter((s) => !essentialForWorst(s))
          fc.pre(lifted.length > 0)
          const a = lifted[pick % lifted.length]?.id ?? ''
          const after = rankStrategies({ barriers, strategies, links: [...links, link(determinant, a, strength, 'x', 'x')] })
          const ids = after.strategies.map((s) => s.id)
          for (const b of before.filter(essentialForWorst)) {
            if (position(before.map((s) => s.id), b.id) < position(before.map((s) => s.id), a)) {
              expect(position(ids, b.id), `${b.id} stays before ${a}`).toBeLessThan(position(ids, a))
            }
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  test('the same input in another order gives the same result', () => {
    fc.assert(
      fc.property(arbitraryKb, ({ strategies, links, barriers, limit }) => {
        const input = { barriers, strategies, links, limit }
        const shuffled = { ...input, strategies: [...strategies].reverse(), links: [...links].reverse() }
        expect(rankStrategies(shuffled)).toEqual(rankStrategies(input))
        expect(bundleStrategies(shuffled).strategies.map((s) => s.id)).toEqual(
          bundleStrategies(input).strategies.map((s) => s.id)
        )
      })
    )
  })
})

describe('rankStrategies: expert-rated links replace proposals', () => {
  const tiered = (determinant: number, strategy: string, strength: number, source: string, tier: LinkEvidence['tier']): LinkEvidence => ({
    ...link(determinant, strategy, strength, source, source),
    tier,
  })
  const barriers = [{ determinant: 4, severity: 1 }]
  const strategies = [facts('a'), facts('b')]

  test('a panel that rated a pair lower than our proposal sets its strength, and the proposal no longer counts', () => {
    const links = [tiered(4, 'a', 0.45, 'editorial', 'proposal'), tiered(4, 'a', 0.2, 'panel', 'expert-rated'), tiered(4, 'b', 0.3, 'editorial', 'proposal')]
    const [b, a] = rankStrategies({ barriers, strategies, links }).strategies
    expect([b?.id, a?.id]).toEqual(['b', 'a'])
    expect(a?.addresses[0]).toMatchObject({ strength: 0.2, agreement: 1, evidence: [{ source: 'panel', strength: 0.2 }] })
  })

  test('a pair the panel rejected addresses nothing when only our proposal was behind it', () => {
    const links = [tiered(4, 'a', 0.45, 'editorial', 'proposal'), tiered(4, 'a', 0, 'panel', 'expert-rated')]
    expect(rankStrategies({ barriers, strategies, links }).strategies).toEqual([])
  })

  test('published expert data still counts beside a panel that rejected the pair', () => {
    const links = [tiered(4, 'a', 0.3, 'cfir-eric', 'expert-data'), tiered(4, 'a', 0, 'panel', 'expert-rated'), tiered(4, 'a', 0.45, 'editorial', 'proposal')]
    const [a] = rankStrategies({ barriers, strategies, links }).strategies
    expect(a?.addresses[0]?.strength).toBe(0.3)
    expect(a?.addresses[0]?.evidence.map((e) => e.source)).toEqual(['cfir-eric', 'panel'])
  })

  test('an essential panel rating outranks our proposals for the same barrier', () => {
    const links = [tiered(4, 'a', 0.45, 'editorial', 'proposal'), tiered(4, 'b', 0.75, 'panel', 'expert-rated')]
    const ranked = rankStrategies({ barriers, strategies, links }).strategies
    expect(ranked.map((s) => [s.id, s.addresses[0]?.label])).toEqual([
      ['b', 'essential'],
      ['a', 'supportive'],
    ])
  })
})
