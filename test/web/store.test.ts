import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { AppState, DEFAULT_STATE, emptySpec, readState, type Member, type PlanEntry } from '../../web/state/app-state.ts'
import { RestoreEvent, Store, UNREADABLE_KEY, type SetAside } from '../../web/state/store.ts'
import { planTable } from '../../web/plan-export.ts'
import { planTableLabels } from './support/fixtures.ts'
import { MemoryStorage } from './support/storage.ts'

const KEY = 'strategiewijzer:state:v1'
afterEach(() => localStorage.clear())

const member = (id: string): Member => ({ id, label: `Member ${id}`, role: 'user', answers: { d01: 4 } })
const entry = (strategy: string): PlanEntry => ({ strategy, spec: emptySpec(), barriers: [] })
const setAside = (): SetAside[] => JSON.parse(localStorage.getItem(UNREADABLE_KEY) ?? '[]')

/** A storage that refuses to store one key, as a full or blocked localStorage would. */
class FailingStorage extends MemoryStorage {
  readonly #refused: string
  constructor(refused: string) {
    super()
    this.#refused = refused
  }
  override setItem(key: string, value: string) {
    if (key === this.#refused) throw new DOMException('full', 'QuotaExceededError')
    super.setItem(key, value)
  }
}

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

  it('restores a removed plan entry exactly: same place, all its written fields', () => {
    const store = new Store(localStorage)
    const written = { strategy: 'b', spec: { ...emptySpec(), actor: 'Coordinator', notes: 'Start in May' }, barriers: [23] }
    store.update(() => ({ plan: [entry('a'), written, entry('c')] }))
    store.removePlanEntry('b', 'Strategy B')
    expect(store.state.plan.map((p) => p.strategy)).toEqual(['a', 'c'])
    expect(store.lastRemoval).toMatchObject({ list: 'plan', key: 'b', name: 'Strategy B', index: 1 })
    store.undoRemoval()
    expect(store.state.plan).toEqual([entry('a'), written, entry('c')])
    expect(new Store(localStorage).state.plan).toEqual([entry('a'), written, entry('c')])
    expect(store.lastRemoval).toBeNull()
  })

  it('restores a removed respondent with their answers in their place', () => {
    const store = new Store(localStorage)
    const team = [member('1'), { ...member('2'), answers: { d01: 1, d04: 5 } }, member('3')]
    store.update(() => ({ team }))
    store.removeMember('2')
    expect(store.state.team.map((m) => m.id)).toEqual(['1', '3'])
    expect(store.lastRemoval).toMatchObject({ list: 'team', name: 'Member 2' })
    store.undoRemoval()
    expect(store.state.team).toEqual(team)
  })

  it('brings back the written text when a strategy just taken out is added again', () => {
    const store = new Store(localStorage)
    store.update(() => ({ plan: [{ ...entry('a'), spec: { ...emptySpec(), action: 'Weekly meeting' } }] }))
    store.removePlanEntry('a', 'A')
    store.addPlanEntry('a', [4])
    expect(store.state.plan).toEqual([{ ...entry('a'), spec: { ...emptySpec(), action: 'Weekly meeting' } }])
    store.removePlanEntry('a', 'A')
    store.forgetRemoval(store.lastRemoval!)
    store.addPlanEntry('a', [4])
    expect(store.state.plan).toEqual([{ strategy: 'a', spec: emptySpec(), barriers: [4] }])
  })

  it('tells its listeners when a removal is undone, naming the entry', () => {
    const store = new Store(localStorage)
    store.update(() => ({ team: [member('1')] }))
    const restored: string[] = []
    store.addEventListener(RestoreEvent.type, (e) => restored.push(`${(e as RestoreEvent).list}:${(e as RestoreEvent).key}`))
    store.removeMember('1')
    store.undoRemoval()
    expect(restored).toEqual(['team:1'])
  })
})

describe('Store, reading a damaged copy', () => {
  it('keeps the other respondents when one stored respondent is corrupt, and sets that one aside', () => {
    const team = ['1', '2', '3', '4', '5'].map(member)
    localStorage.setItem(KEY, JSON.stringify({ ...DEFAULT_STATE, team: team.map((m, i) => (i === 2 ? { ...m, role: 'constructor' } : m)) }))
    const store = new Store(localStorage)
    expect(store.state.team.map((m) => m.id)).toEqual(['1', '2', '4', '5'])
    expect(setAside()).toEqual([{ at: expect.any(String), parts: [{ path: 'team.2', value: { ...team[2], role: 'constructor' } }] }])
    expect(store.unreadable).toEqual({ counts: { team: 1 }, kept: true })
  })

  it('keeps a plan entry that misses a field, with its strategy and written text', () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({
        ...DEFAULT_STATE,
        plan: [
          { strategy: 'champions', spec: { actor: 'Care coordinator', outcome: '80% of mentors' } },
          { strategy: 'audit-feedback', spec: emptySpec(), barriers: [16] },
          { strategy: 'task-hours', barriers: [23] },
        ],
      })
    )
    const store = new Store(localStorage)
    expect(store.state.plan).toEqual([
      { strategy: 'champions', spec: { ...emptySpec(), actor: 'Care coordinator', outcome: '80% of mentors' }, barriers: [] },
      { strategy: 'audit-feedback', spec: emptySpec(), barriers: [16] },
      { strategy: 'task-hours', spec: emptySpec(), barriers: [23] },
    ])
    expect(store.unreadable).toBeNull()
    expect(localStorage.getItem(UNREADABLE_KEY)).toBeNull()
  })

  it('reads a plan entry with the team\u2019s ratings and timing, sets aside only a bad one of them, and reads an old one unchanged', () => {
    const { state, unreadable } = readState({
      ...DEFAULT_STATE,
      plan: [
        { strategy: 'a', spec: emptySpec(), barriers: [], feasibility: 4, importance: 2, phase: 'start', startMonth: 9, months: 3 },
        { strategy: 'b', spec: emptySpec(), barriers: [], feasibility: 9, months: 2 },
        { strategy: 'c', spec: emptySpec(), barriers: [4] },
      ],
    })
    expect(state.plan).toEqual([
      { strategy: 'a', spec: emptySpec(), barriers: [], feasibility: 4, importance: 2, phase: 'start', startMonth: 9, months: 3 },
      { strategy: 'b', spec: emptySpec(), barriers: [], months: 2 },
      { strategy: 'c', spec: emptySpec(), barriers: [4] },
    ])
    expect(unreadable.map((p) => p.path)).toEqual(['plan.1.feasibility'])
  })

  it('keeps each readable entry of each list, and sets aside only the unreadable entries', () => {
    const { state, unreadable } = readState({
      team: [{ id: '1', label: 'A', role: 'user', answers: { d01: 'four', d02: 3 } }, 'not a respondent'],
      draft: { label: 'Half done', role: 'user', alsoUser: false, answers: { d01: 2 }, step: -1 },
      settings: { barrierShare: 2, facilitatorShare: 0.7, minAnswers: 1 },
      chosen: [{ determinant: 16 }, { determinant: 99 }, { determinant: 23, severity: 0.5 }],
      basis: 'both',
      filters: { phase: 'someday', actors: ['teachers', 'aliens'], mode: 'bundle', limit: 10, exclude: ['x', 'Not A Slug'], inUse: [], weighting: 'loudest', publishedOnly: 'yes' },
      planTitle: 'Our plan',
      planCalendar: { region: 'oost', schoolYear: '2026-2027' },
      plan: [{ strategy: 'a', spec: { ...emptySpec(), dose: 6 } }, { strategy: 'a', spec: emptySpec(), barriers: [] }],
      approach: 'champions',
      fromANewerVersion: true,
    })
    expect(state).toEqual({
      team: [{ id: '1', label: 'A', role: 'user', answers: { d02: 3 } }],
      draft: { label: 'Half done', role: 'user', alsoUser: false, answers: { d01: 2 }, step: 0 },
      settings: { ...DEFAULT_STATE.settings, facilitatorShare: 0.7 },
      chosen: [{ determinant: 16 }, { determinant: 23, severity: 0.5 }],
      basis: 'team',
      filters: { actors: ['teachers'], mode: 'bundle', limit: 10, exclude: ['x'], inUse: [] },
      planTitle: 'Our plan',
      planCalendar: { region: 'none', schoolYear: '2026-2027' },
      plan: [{ strategy: 'a', spec: emptySpec(), barriers: [] }],
      approach: [],
    })
    expect(unreadable.map((p) => p.path)).toEqual([
      'team.0.answers.d01',
      'team.1',
      'draft.step',
      'settings.barrierShare',
      'chosen.1',
      'basis',
      'filters.phase',
      'filters.actors.1',
      'filters.exclude.1',
      'filters.weighting',
      'filters.publishedOnly',
      'planCalendar.region',
      'plan.0.spec.dose',
      'plan.1',
      'approach',
      'fromANewerVersion',
    ])
  })

  it('reads any stored value into a valid state, and a valid state unchanged with nothing set aside', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        expect(AppState.safeParse(readState(raw).state).success).toBe(true)
      })
    )
    const full: AppState = {
      team: [member('1'), { ...member('2'), role: 'key-informant', answers: { d01: null, d13a: 2 } }],
      draft: { label: 'Ans', role: 'key-informant', alsoUser: true, answers: { d01: 3 }, step: 2 },
      settings: { barrierShare: 0.25, facilitatorShare: 0.75, minAnswers: 2 },
      chosen: [{ determinant: 16, severity: 0.4 }, { determinant: 23 }],
      basis: 'chosen',
      filters: { phase: 'start', actors: ['teachers'], maxEffort: 'medium', mode: 'bundle', limit: 5, exclude: ['x'], inUse: ['y'], weighting: 'cfir-eric', publishedOnly: true },
      planTitle: 'Plan',
      planCalendar: { region: 'midden', schoolYear: '2026-2027' },
      plan: [{ strategy: 'a', spec: { ...emptySpec(), notes: 'n' }, barriers: [16] }],
      approach: ['champions'],
    }
    expect(readState(JSON.parse(JSON.stringify(full)))).toEqual({ state: full, unreadable: [] })
  })

  it('keeps a stored copy that is not JSON aside and reports it, instead of silently starting clean', () => {
    localStorage.setItem(KEY, '{"team":[{"id":"1"')
    const store = new Store(localStorage)
    expect(store.state).toEqual(DEFAULT_STATE)
    expect(setAside()).toEqual([{ at: expect.any(String), text: '{"team":[{"id":"1"' }])
    expect(store.unreadable).toEqual({ counts: { '': 1 }, kept: true })
  })

  it('does not save over the stored copy before what it could not read is set aside', () => {
    const stored = JSON.stringify({ ...DEFAULT_STATE, team: [member('1'), { ...member('2'), role: 'constructor' }] })
    const storage = new FailingStorage(UNREADABLE_KEY)
    storage.setItem(KEY, stored)
    const store = new Store(storage)
    expect(store.state.team.map((m) => m.id)).toEqual(['1'])
    expect(store.unreadable).toEqual({ counts: { team: 1 }, kept: false })
    store.update(() => ({ planTitle: 'typed meanwhile' }))
    expect(storage.getItem(KEY)).toBe(stored)
    // What it could not keep is still there to download.
    expect(store.setAside()).toEqual([{ at: expect.any(String), parts: [{ path: 'team.1', value: { ...member('2'), role: 'constructor' } }] }])
    store.dismissUnreadable()
    expect(JSON.parse(storage.getItem(KEY)!)).toMatchObject({ team: [member('1')], planTitle: 'typed meanwhile' })
  })

  it('saves the copy without the unreadable part only after setting that part aside', () => {
    localStorage.setItem(KEY, JSON.stringify({ ...DEFAULT_STATE, plan: [entry('a'), { strategy: 'B C' }] }))
    new Store(localStorage)
    expect(JSON.parse(localStorage.getItem(KEY)!).plan).toEqual([entry('a')])
    expect(setAside()[0]?.parts).toEqual([{ path: 'plan.1', value: { strategy: 'B C' } }])
  })

  it('adds to what was set aside before, never replacing it, even when that list is damaged', () => {
    localStorage.setItem(UNREADABLE_KEY, '[{"at":"2026-01-01T00:00:00.000Z","text":"{bro')
    localStorage.setItem(KEY, '{broken')
    new Store(localStorage)
    localStorage.setItem(KEY, JSON.stringify({ ...DEFAULT_STATE, approach: ['Not A Slug'] }))
    new Store(localStorage)
    expect(setAside()).toEqual([
      { at: expect.any(String), text: '[{"at":"2026-01-01T00:00:00.000Z","text":"{bro' },
      { at: expect.any(String), text: '{broken' },
      { at: expect.any(String), parts: [{ path: 'approach.0', value: 'Not A Slug' }] },
    ])
  })

  it('keeps reporting what it set aside on each visit until the notice is closed', () => {
    localStorage.setItem(KEY, '{broken')
    new Store(localStorage)
    const reloaded = new Store(localStorage)
    expect(reloaded.unreadable).toEqual({ counts: { '': 1 }, kept: true })
    reloaded.dismissUnreadable()
    expect(reloaded.unreadable).toBeNull()
    expect(new Store(localStorage).unreadable).toBeNull()
    expect(setAside()).toEqual([{ at: expect.any(String), text: '{broken', dismissed: true }])
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
      planTableLabels((p) => p.toUpperCase())
    )
    expect(rows).toEqual([
      ['No.', 'Strategy', 'Cluster', 'Phases', 'Barriers', 'Who', 'What', 'For whom', 'When', 'How often', 'Outcome', 'Notes'],
      ['1', 'Strategy B', 'Cluster', 'START', 'Time', 'Coordinator', '', '', '', '', '', ''],
      ['2', 'Strategy A', 'Cluster', 'PREPARATION, SUSTAINMENT', '', '', '', '', '', '', '', ''],
    ])
  })
})
