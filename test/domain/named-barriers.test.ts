import { describe, expect, test } from 'vitest'
import { resolveNamedBarriers, UNKNOWN_SEVERITY, type NamedBarrier } from '../../server/domain/named-barriers.ts'
import { rankStrategies } from '../../server/domain/ranking.ts'

describe('resolveNamedBarriers', () => {
  test.for<[string, NamedBarrier[], { severities: number[]; kind: 'given' | 'none'; unknown: number[] }]>([
    ['no severity at all: equal weights, nothing unknown', [{ determinant: 23 }, { determinant: 16 }], { severities: [1, 1], kind: 'none', unknown: [] }],
    ['all given: as given', [{ determinant: 23, severity: 1 }, { determinant: 16, severity: 0.33 }], { severities: [1, 0.33], kind: 'given', unknown: [] }],
    [
      "one given, one don't know: the unknown weighs the middle, not 1",
      [{ determinant: 23, severity: 1 }, { determinant: 16 }],
      { severities: [1, UNKNOWN_SEVERITY], kind: 'given', unknown: [16] },
    ],
    [
      "don't know beside a weak barrier: still the middle",
      [{ determinant: 23, severity: 0.33 }, { determinant: 16 }],
      { severities: [0.33, 0.5], kind: 'given', unknown: [16] },
    ],
    ['an empty list', [], { severities: [], kind: 'none', unknown: [] }],
  ])('%s', ([, list, expected]) => {
    const r = resolveNamedBarriers(list)
    expect(r.barriers.map((b) => b.severity)).toEqual(expected.severities)
    expect(r.barriers.map((b) => b.determinant)).toEqual(list.map((b) => b.determinant))
    expect(r.severityKind).toBe(expected.kind)
    expect(r.severityUnknown).toEqual(expected.unknown)
  })

  test("a don't-know barrier no longer outranks one the team called clearly hindering", () => {
    const { barriers } = resolveNamedBarriers([{ determinant: 1, severity: 0.67 }, { determinant: 2 }])
    const facts = (id: string) => ({ id, phases: ['start' as const], actors: ['teachers' as const], effort: 'low' as const })
    const { strategies } = rankStrategies({
      barriers,
      strategies: [facts('for-known'), facts('for-unknown')],
      links: [
        { determinant: 1, strategy: 'for-known', strength: 0.6, source: 's', method: 'm' },
        { determinant: 2, strategy: 'for-unknown', strength: 0.6, source: 's', method: 'm' },
      ],
    })
    // Before the fix the unknown barrier weighed 1 ("hinders strongly") and came first.
    expect(strategies.map((s) => s.id)).toEqual(['for-known', 'for-unknown'])
    expect(strategies[1]?.addresses[0]?.severity).toBe(UNKNOWN_SEVERITY)
  })
})
