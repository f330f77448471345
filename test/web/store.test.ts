import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_STATE, emptySpec, parseState } from '../../web/state/app-state.ts'
import { Store } from '../../web/state/store.ts'
import { planTable } from '../../web/plan-export.ts'

const KEY = 'strategiewijzer:state:v1'
afterEach(() => localStorage.clear())

describe('Store', () => {
  it('keeps every change in localStorage, so a new page load finds it', () => {
    const a = new Store(localStorage)
    a.update(() => ({ team: [{ id: '1', label: 'Ans', role: 'user', answers: { d01: 4, d04: null } }] }))
    const b = new Store(localStorage)
    expect(b.state.team).toEqual([{ id: '1', label: 'Ans', role: 'user', answers: { d01: 4, d04: null } }])
  })

  it('never lets two open tabs overwrite each other', () => {
    const tabA = new Store(localStorage)
    const tabB = new Store(localStorage)
    tabB.update((s) => ({ team: [...s.team, { id: '1', label: 'From tab B', role: 'user', answers: {} }] }))
    tabA.update(() => ({ planTitle: 'Typed in tab A' }))
    const reloaded = new Store(localStorage)
    expect(reloaded.state.team.map((m) => m.label)).toEqual(['From tab B'])
    expect(reloaded.state.planTitle).toBe('Typed in tab A')
  })

  it('tells its listeners about each change', () => {
    const store = new Store(localStorage)
    let changes = 0
    store.addEventListener('change', () => changes++)
    store.update(() => ({ planTitle: 'x' }))
    store.update((s) => ({ plan: [...s.plan, { strategy: 'champions', spec: emptySpec(), barriers: [16] }] }))
    expect(changes).toBe(2)
    expect(store.state.plan.map((p) => p.strategy)).toEqual(['champions'])
  })

  it('starts clean when the stored copy is not JSON', () => {
    localStorage.setItem(KEY, '{broken')
    expect(new Store(localStorage).state).toEqual(DEFAULT_STATE)
  })

  it('keeps the valid parts of a stored copy and drops the invalid ones, field by field', () => {
    const state = parseState({
      team: [{ id: '1', label: 'A', role: 'user', answers: { d01: 'four' } }],
      planTitle: 'Our plan',
      settings: { barrierShare: 2, facilitatorShare: 0.8, minAnswers: 1 },
      filters: { ...DEFAULT_STATE.filters, mode: 'bundle' },
    })
    expect(state.team).toEqual([])
    expect(state.settings).toEqual(DEFAULT_STATE.settings)
    expect(state.planTitle).toBe('Our plan')
    expect(state.filters.mode).toBe('bundle')
  })
})

describe('planTable', () => {
  it('lays the plan out as a header and one row per strategy, in plan order', () => {
    const strategies = new Map([
      ['b', { id: 'b', name: 'Strategy B', clusterName: 'Cluster', phases: ['start'] } as never],
      ['a', { id: 'a', name: 'Strategy A', clusterName: 'Cluster', phases: ['preparation', 'sustainment'] } as never],
    ])
    const rows = planTable(
      [
        { strategy: 'b', spec: { ...emptySpec(), actor: 'Coordinator' }, barriers: [23] },
        { strategy: 'a', spec: emptySpec(), barriers: [] },
      ],
      strategies,
      new Map([[23, 'Time']]),
      {
        order: 'No.',
        strategy: 'Strategy',
        cluster: 'Cluster',
        phases: 'Phases',
        barriers: 'Barriers',
        spec: { actor: 'Who', action: 'What', target: 'For whom', timing: 'When', dose: 'How often', outcome: 'Outcome', notes: 'Notes' },
        phase: (p) => p.toUpperCase(),
      }
    )
    expect(rows).toEqual([
      ['No.', 'Strategy', 'Cluster', 'Phases', 'Barriers', 'Who', 'What', 'For whom', 'When', 'How often', 'Outcome', 'Notes'],
      ['1', 'Strategy B', 'Cluster', 'START', 'Time', 'Coordinator', '', '', '', '', '', ''],
      ['2', 'Strategy A', 'Cluster', 'PREPARATION, SUSTAINMENT', '', '', '', '', '', '', '', ''],
    ])
  })
})
