import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  carryForward,
  compareRounds,
  DEFAULT_ROUND_SETTINGS,
  emptySpecification,
  roundRefusal,
  strategiesBehindImprovements,
  type DeterminantResult,
  withAppended,
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

describe('withAppended', () => {
  const s = (seq: number) => ({ seq, id: `s${seq}` })

  test('adds the submissions that fill the revisions since the copy', () => {
    expect(withAppended({ revision: 2, submissions: [s(1), s(2)] }, [s(3), s(4)], 4)).toEqual([s(1), s(2), s(3), s(4)])
    expect(withAppended({ revision: 2, submissions: [s(1), s(2)] }, [], 2)).toEqual([s(1), s(2)])
  })

  test('gives up when a revision in between has no submission (a deletion)', () => {
    // Revision 3 deleted s2, revision 4 added s4: the copy still holds s2.
    expect(withAppended({ revision: 2, submissions: [s(1), s(2)] }, [s(4)], 4)).toBeNull()
  })

  test('leaves submissions stored after the round was read for the next read', () => {
    expect(withAppended({ revision: 2, submissions: [s(1), s(2)] }, [s(3), s(4)], 3)).toEqual([s(1), s(2), s(3)])
  })

  test('gives up on a copy newer than the round read', () => {
    expect(withAppended({ revision: 5, submissions: [] }, [], 4)).toBeNull()
  })

  test('equals reading the round whole for any history of adds and deletes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant('add' as const), fc.nat(20)), { maxLength: 40 }), fc.nat(40), (history, at) => {
        // Replay: every step is one revision; a number deletes that submission if present.
        let revision = 0
        let round: { seq: number; id: string }[] = []
        const states: { revision: number; submissions: { seq: number; id: string }[] }[] = [{ revision, submissions: [] }]
        for (const step of history) {
          if (step === 'add') round = [...round, s(++revision)]
          else if (round.some((x) => x.seq === step)) {
            round = round.filter((x) => x.seq !== step)
            revision++
          } else continue
          states.push({ revision, submissions: round })
        }
        const copy = states[Math.min(at, states.length - 1)]!
        const now = states.at(-1)!
        const merged = withAppended(copy, now.submissions.filter((x) => x.seq > copy.revision), now.revision)
        if (merged !== null) expect(merged).toEqual(now.submissions)
        if (!history.some((h) => h !== 'add')) expect(merged).toEqual(now.submissions)
      })
    )
  })
})
