import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { coverageOf } from '../../server/domain/coverage.ts'
import {
  bundleStrategies,
  indexLinks,
  rankStrategies,
  roundScore,
  type LinkEvidence,
  type RankInput,
  type StrategyFacts,
} from '../../server/domain/ranking.ts'
import { ACTORS, EFFORTS, PHASES } from '../../server/domain/vocabulary.ts'
import { readKbSources } from '../../server/kb/read-sources.ts'
import { KB_DIR } from '../support/db.ts'
import { referenceCoverageOf } from './reference/coverage.ts'
import { referenceBundleStrategies, referenceRankStrategies } from './reference/ranking.ts'

/** The next double above (or below) x: the values where rounding is most fragile. */
function nextDouble(x: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, x)
  view.setBigInt64(0, view.getBigInt64(0) + BigInt(x >= 0 ? direction : -direction))
  return view.getFloat64(0)
}

describe('roundScore', { timeout: 60_000 }, () => {
  const same = (x: number) => {
    expect(Object.is(roundScore(x), Number(x.toFixed(9))), String(x)).toBe(true)
  }

  test('is Number(x.toFixed(9)) for any double', () => {
    fc.assert(fc.property(fc.double(), same), { numRuns: 20_000 })
    fc.assert(fc.property(fc.double({ min: 0, max: 40, noNaN: true }), same), { numRuns: 20_000 })
  })

  test('is Number(x.toFixed(9)) at and next to the half-way points of the 9th decimal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40e9 }),
        fc.integer({ min: -3, max: 3 }),
        (k, steps) => {
          let x = (k + 0.5) / 1e9
          for (let i = 0; i < Math.abs(steps); i++) x = nextDouble(x, steps > 0 ? 1 : -1)
          same(x)
          same(-x)
        }
      ),
      { numRuns: 20_000 }
    )
    for (const x of [
      0,
      -0,
      5e-10,
      1.5e-9,
      0.1 + 0.2,
      0.3 + 0.6,
      2 ** 52 / 1e9,
      1e21,
      -1e-20,
      Infinity,
      NaN,
    ])
      same(x)
  })

  test('is Number(x.toFixed(9)) for sums of link weights as the ranking adds them', () => {
    const term = fc.oneof(
      fc.constantFrom(0.1, 0.2, 0.3, 0.35, 0.7, 1 / 3),
      fc.double({ min: 0, max: 1, noNaN: true })
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(term, term), { maxLength: 29 }), (pairs) => {
        same(pairs.reduce((sum, [w, s]) => sum + w * s, 0))
      }),
      { numRuns: 5_000 }
    )
  })
})

const facts = (id: string, i: number): StrategyFacts => ({
  id,
  phases: [PHASES[i % 4] ?? 'start', PHASES[(i + 1) % 4] ?? 'start'],
  actors: [ACTORS[i % 5] ?? 'teachers'],
  effort: EFFORTS[i % 3] ?? 'low',
})

// Many ties (a few round strengths and severities) and float noise (0.1 + 0.2, 1/3, values
// right at the half-way point of the 9th decimal), which decide nothing in the rules.
const strength = fc.oneof(
  fc.constantFrom(0.1, 0.2, 0.25, 0.3, 0.5, 0.6, 1, 1 / 3),
  fc.double({ min: 0.01, max: 1, noNaN: true }),
  fc.constantFrom(5e-10, 1.5e-9)
)
const severity = fc.oneof(
  fc.constantFrom(0, 0.1, 0.2, 0.3, 0.5, 1, 1 / 3, 5e-10, 2.5e-9),
  fc.double({ min: 0, max: 1, noNaN: true })
)

/** Random knowledge bases, barriers (duplicates too), plans, sources and limits. */
const arbitraryInput: fc.Arbitrary<RankInput & { used: string[] }> = fc
  .uniqueArray(fc.stringMatching(/^[a-g]{1,2}$/), { minLength: 1, maxLength: 14 })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      links: fc.array(
        fc.record({
          determinant: fc.integer({ min: 1, max: 10 }),
          strategy: fc.constantFrom(...ids),
          strength,
          source: fc.constantFrom('x', 'y', 'z'),
          method: fc.constantFrom('m1', 'm2'),
          // Links fanned out from one expert cell over several determinants share it.
          cell: fc.option(fc.constantFrom('c1', 'c2'), { nil: undefined, freq: 3 }),
        }),
        { maxLength: 60 }
      ),
      barriers: fc.array(fc.record({ determinant: fc.integer({ min: 1, max: 10 }), severity }), {
        maxLength: 10,
      }),
      plan: fc.record(
        {
          phase: fc.constantFrom(...PHASES),
          actors: fc.subarray([...ACTORS]),
          maxEffort: fc.constantFrom(...EFFORTS),
          exclude: fc.subarray(ids, { maxLength: Math.min(2, ids.length) }),
          inUse: fc.subarray([...ids, 'unknown'], { maxLength: Math.min(4, ids.length + 1) }),
        },
        { requiredKeys: [] }
      ),
      weighting: fc.constantFrom('severity' as const, 'equal' as const, 'cfir-eric' as const),
      sources: fc.option(fc.array(fc.constantFrom('x', 'y', 'z'), { minLength: 1, maxLength: 3 }), {
        nil: undefined,
      }),
      limit: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
      used: fc.subarray(ids, { maxLength: Math.min(4, ids.length) }),
      // Now and then a strategy listed twice: both copies are ranked, in a stable order.
      twice: fc.integer({ min: 0, max: 9 }),
    })
  )
  .map(({ ids, links, twice, ...rest }) => ({
    ...rest,
    strategies: twice === 0 ? [...ids.map(facts), facts(ids[0] ?? 'a', 0)] : ids.map(facts),
    links: links as LinkEvidence[],
  }))

/** The same answer, to the last bit and in the same field order. */
function expectIdentical(actual: unknown, expected: unknown) {
  expect(actual).toStrictEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

describe('ranking against the reference implementation', { timeout: 60_000 }, () => {
  test('rankStrategies ranks exactly as the straightforward algorithm', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) =>
        expectIdentical(rankStrategies(input), referenceRankStrategies(input))
      ),
      { numRuns: 1000 }
    )
  })

  test('bundleStrategies picks exactly the bundle of the algorithm that rebuilds every trial', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) =>
        expectIdentical(bundleStrategies(input), referenceBundleStrategies(input))
      ),
      { numRuns: 1000 }
    )
  })

  test('bundleStrategies decides as the reference where float noise sits on a rounding boundary', () => {
    // 0.1 + 0.2 + 5e-10 is half-way between two 9-decimal values in decimal, and a hair off it
    // in binary, on a side that depends on the order of adding: the incremental swap search
    // must not decide such a trial from its own sums.
    const onBoundary = fc
      .uniqueArray(fc.stringMatching(/^[a-g]{1,2}$/), { minLength: 4, maxLength: 14 })
      .chain((ids) =>
        fc.record({
          strategies: fc.constant(ids.map(facts)),
          links: fc.array(
            fc.record({
              determinant: fc.integer({ min: 1, max: 10 }),
              strategy: fc.constantFrom(...ids),
              strength: fc.constantFrom(1, 0.5, 0.25, 0.1),
              source: fc.constant('x'),
              method: fc.constant('m'),
            }),
            { minLength: 10, maxLength: 60 }
          ),
          barriers: fc.uniqueArray(
            fc.record({
              determinant: fc.integer({ min: 1, max: 10 }),
              severity: fc.constantFrom(0.1, 0.2, 0.3, 0.7, 5e-10, 1.5e-9, 2.5e-9),
            }),
            { selector: (b) => b.determinant, minLength: 3, maxLength: 10 }
          ),
          limit: fc.integer({ min: 2, max: 6 }),
        })
      )
    fc.assert(
      fc.property(onBoundary, (input) =>
        expectIdentical(bundleStrategies(input), referenceBundleStrategies(input))
      ),
      { numRuns: 1000 }
    )
  })

  test('coverageOf checks coverage exactly as before', () => {
    fc.assert(
      fc.property(arbitraryInput, ({ used, plan, ...input }) => {
        const { inUse: _inUse, ...filters } = plan ?? {}
        const coverage = { ...input, used, plan: filters }
        expectIdentical(coverageOf(coverage), referenceCoverageOf(coverage))
      }),
      { numRuns: 500 }
    )
  })

  test('gives the same answers on the real knowledge base for random teams and plans', () => {
    const kb = readKbSources(KB_DIR)
    const strategies: StrategyFacts[] = kb.strategies
      .flatMap((f) => f.records)
      .map((s) => ({ id: s.id, phases: s.phases, actors: s.actors, effort: s.effort }))
    const links: LinkEvidence[] = kb.links.flatMap((f) => f.records)
    const ids = strategies.map((s) => s.id)
    // Severities as a team's answers give them: shares of n respondents.
    const team = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.uniqueArray(
        fc.record({
          determinant: fc.integer({ min: 1, max: 29 }),
          severity: fc.integer({ min: 0, max: n }).map((k) => k / n),
        }),
        { selector: (b) => b.determinant, minLength: 1, maxLength: 29 }
      )
    )
    fc.assert(
      fc.property(
        team,
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        fc.subarray(ids, { maxLength: 6 }),
        fc.constantFrom('severity' as const, 'equal' as const),
        (barriers, limit, inUse, weighting) => {
          const input = { barriers, strategies, links, limit, weighting, plan: { inUse } }
          expectIdentical(rankStrategies(input), referenceRankStrategies(input))
          expectIdentical(bundleStrategies(input), referenceBundleStrategies(input))
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('indexLinks', () => {
  const links = [
    { determinant: 1, strategy: 'a', strength: 0.5, source: 'x', method: 'm' },
    { determinant: 2, strategy: 'a', strength: 0.3, source: 'y', method: 'm' },
    { determinant: 3, strategy: 'b', strength: 0.3, source: 'z', method: 'm' },
  ]

  test('keys a selection by its set of known sources, in any order, with repeats and unknown ones', () => {
    expect(indexLinks(links, ['y', 'x', 'x'])).toBe(indexLinks(links, ['x', 'y']))
    expect(indexLinks(links, ['x', 'nobody'])).toBe(indexLinks(links, ['x']))
    expect(indexLinks(links, ['x'])).not.toBe(indexLinks(links, ['x', 'y']))
    expect(indexLinks(links, ['x', 'y', 'z'])).toBe(indexLinks(links))
  })

  test('reaches the same pairs by strategy and by determinant', () => {
    const index = indexLinks(links, ['x', 'y'])
    expect([...(index.byStrategy.get('a')?.keys() ?? [])]).toEqual([1, 2])
    expect(index.byDeterminant.get(2)?.map((l) => l.strategy)).toEqual(['a'])
    expect(index.byDeterminant.has(3)).toBe(false)
  })
})
