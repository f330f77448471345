import { describe, expect, test } from 'vitest'
import {
  carryForward,
  compareRounds,
  DEFAULT_ROUND_SETTINGS,
  emptySpecification,
  roundRefusal,
  strategiesBehindImprovements,
  type DeterminantResult,
  type PlanEntry,
} from '../../server/domain/workspace.ts'

const result = (number: number, negativeShare: number | null, status: DeterminantResult['status'], n = 10): DeterminantResult => ({
  number,
  n,
  negativeShare,
  positiveShare: negativeShare === null ? null : 1 - negativeShare,
  status,
})

describe('roundRefusal', () => {
  test.for([
    ['open, no closing date', { state: 'open', closesAt: null }, 1000, null],
    ['open, before the closing date', { state: 'open', closesAt: 2000 }, 1999, null],
    ['open, at the closing date', { state: 'open', closesAt: 2000 }, 2000, 'past-closing-date'],
    ['closed by the team', { state: 'closed', closesAt: null }, 1000, 'closed'],
  ] as const)('%s', ([, round, now, expected]) => {
    expect(roundRefusal(round, now)).toBe(expected)
  })
})

describe('compareRounds', () => {
  test.for([
    ['a barrier that is no longer one', result(1, 0.4, 'barrier'), result(1, 0.1, 'neutral'), 'no-longer-barrier', -0.3],
    ['a determinant that became a barrier', result(1, 0.1, 'neutral'), result(1, 0.25, 'barrier'), 'became-barrier', 0.15],
    ['a barrier that eased by 10 points', result(1, 0.6, 'barrier'), result(1, 0.5, 'barrier'), 'improved', -0.1],
    ['a barrier that grew by 10 points', result(1, 0.3, 'barrier'), result(1, 0.4, 'barrier'), 'worsened', 0.1],
    ['less than 10 points either way', result(1, 0.3, 'barrier'), result(1, 0.35, 'barrier'), 'unchanged', 0.05],
    ['too few answers in one round', result(1, 0.3, 'barrier'), result(1, null, 'insufficient', 0), 'not-comparable', null],
  ] as const)('%s', ([, from, to, change, delta]) => {
    const [c] = compareRounds([from], [to])
    expect(c?.change).toBe(change)
    expect(c?.negativeDelta).toBe(delta)
  })

  test('leaves out determinants the later round does not have', () => {
    expect(compareRounds([result(1, 0.3, 'barrier'), result(2, 0.3, 'barrier')], [result(2, 0, 'neutral')]).map((c) => c.number)).toEqual([2])
  })
})

describe('strategiesBehindImprovements', () => {
  const entry = (strategy: string, barriers: number[]): PlanEntry => ({ strategy, status: 'running', spec: emptySpecification(), barriers })
  const comparison = compareRounds(
    [result(4, 0.6, 'barrier'), result(16, 0.4, 'barrier'), result(23, 0.5, 'barrier')],
    [result(4, 0.1, 'neutral'), result(16, 0.4, 'barrier'), result(23, 0.3, 'barrier')]
  )

  test('names the strategies chosen for, or linked to, a determinant that improved', () => {
    const linked = (s: string) => new Set(s === 'b' ? [23] : [])
    expect(strategiesBehindImprovements(comparison, [entry('a', [4, 16]), entry('b', []), entry('c', [16])], linked)).toEqual([
      { strategy: 'a', status: 'running', determinants: [4] },
      { strategy: 'b', status: 'running', determinants: [23] },
    ])
  })
})

describe('carryForward', () => {
  test('copies settings and plan without sharing the written fields', () => {
    const plan = [{ strategy: 'a', status: 'done' as const, spec: { ...emptySpecification(), notes: 'x' }, barriers: [1] }]
    const next = carryForward({ settings: DEFAULT_ROUND_SETTINGS, planTitle: 'T', plan })
    expect(next).toEqual({ settings: DEFAULT_ROUND_SETTINGS, planTitle: 'T', planRegion: 'none', plan })
    expect(next.plan[0]?.spec).not.toBe(plan[0]?.spec)
  })

  test("carries the timeline's region", () => {
    expect(carryForward({ settings: DEFAULT_ROUND_SETTINGS, planTitle: '', planRegion: 'midden', plan: [] }).planRegion).toBe('midden')
  })
})
