await vi.hoisted(async () => (await import('./support/storage.ts')).ownLocalStorage())

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentials } from '../../web/workspace/credentials.ts'
import { RoundData } from '../../web/workspace/round-data.ts'
import { planOut, roundOut, stubServer } from './support/server.ts'

const WS = 'AbCdEfGhIjKlMnOp'
const ROUND = 'RrRrRrRrRrRrRrRr'
const TOKEN = `swt_${'a'.repeat(32)}`
const base = `/api/workspaces/${WS}/rounds/${ROUND}`
const opened: RoundData[] = []

function open() {
  const data = new RoundData(WS, ROUND)
  opened.push(data)
  return data
}

async function ready(data: RoundData) {
  await expect.poll(() => data.ready, { timeout: 3000 }).toBe(true)
  return data
}

const add = (data: RoundData, strategy: string) => data.addPlanEntry(strategy, [23])
/** A 409 as PUT …/plan answers it: the error envelope with the plan as it is now. */
const stale = (current: object) => ({ error: { code: 'stale_plan', message: 'Someone saved this plan since' }, current })

beforeEach(() => {
  localStorage.clear()
  credentials.saveTeamToken(WS, TOKEN, 'Vmbo De Linde')
})

afterEach(() => {
  for (const d of opened.splice(0)) d.dispose()
  vi.unstubAllGlobals()
})

describe('RoundData', () => {
  it('loads the round’s plan and settings with this device’s team link in the Authorization header', async () => {
    const requests = stubServer({
      [`GET ${base}`]: () => ({ status: 200, body: roundOut(ROUND, { settings: { ...roundOut(ROUND).settings, approach: ['champions'] } }) }),
      [`GET ${base}/plan`]: () => ({ status: 200, body: planOut(2, 'Plan 2026', ['champions']) }),
    })
    const data = await ready(open())
    expect(data.state.planTitle).toBe('Plan 2026')
    expect(data.state.plan.map((p) => [p.strategy, p.status])).toEqual([['champions', 'planned']])
    expect(data.state.approach).toEqual(['champions'])
    expect(requests.every((r) => r.headers.get('authorization') === `Bearer ${TOKEN}`)).toBe(true)
    expect(requests.every((r) => !r.key.includes(TOKEN))).toBe(true)
  })

  it('saves an edited plan after a pause, with the revision it was edited from', async () => {
    const requests = stubServer({
      [`GET ${base}`]: () => ({ status: 200, body: roundOut(ROUND) }),
      [`GET ${base}/plan`]: () => ({ status: 200, body: planOut(3, '') }),
      [`PUT ${base}/plan`]: (_, body) => ({ status: 200, body: { ...planOut(4, ''), entries: (body as { entries: unknown[] }).entries } }),
    })
    const data = await ready(open())
    add(data, 'champions')
    data.update((s) => ({ plan: s.plan.map((p) => ({ ...p, status: 'running' as const, spec: { ...p.spec, actor: 'Zorgcoördinator' } })) }))
    expect(data.saveState.state).toBe('saving')
    await expect.poll(() => data.saveState.state, { timeout: 3000 }).toBe('saved')
    const puts = requests.filter((r) => r.key === `PUT ${base}/plan`)
    expect(puts).toHaveLength(1)
    expect(puts[0]?.body).toMatchObject({
      baseRevision: 3,
      entries: [{ strategy: 'champions', status: 'running', barriers: [23], spec: { actor: 'Zorgcoördinator' } }],
    })
    expect(localStorage.getItem(`strategiewijzer:round-edits:v1:${ROUND}`)).toBeNull()
  })

  it('loads the timeline’s region and school year, and saves a change of them with the plan', async () => {
    const requests = stubServer({
      [`GET ${base}`]: () => ({ status: 200, body: roundOut(ROUND) }),
      [`GET ${base}/plan`]: () => ({ status: 200, body: planOut(3, '', [], { region: 'zuid', schoolYear: '2025-2026' }) }),
      [`PUT ${base}/plan`]: (_, body) => ({ status: 200, body: { ...planOut(4, ''), ...(body as object) } }),
    })
    const data = await ready(open())
    expect(data.state.planCalendar).toEqual({ region: 'zuid', schoolYear: '2025-2026' })
    data.update(() => ({ planCalendar: { region: 'noord', schoolYear: '2026-2027' } }))
    await expect.poll(() => data.saveState.state, { timeout: 3000 }).toBe('saved')
    const puts = requests.filter((r) => r.key === `PUT ${base}/plan`)
    expect(puts.map((r) => r.body)).toMatchObject([{ baseRevision: 3, region: 'noord', schoolYear: '2026-2027' }])
  })

  it('on a conflict keeps this device’s plan, shows theirs, and saves ours over it when asked', async () => {
    let puts = 0
    const requests = stubServer({
      [`GET ${base}`]: () => ({ status: 200, body: roundOut(ROUND) }),
      [`GET ${base}/plan`]: () => ({ status: 200, body: planOut(1, '') }),
      [`PUT ${base}/plan`]: () => (++puts === 1 ? { status: 409, body: stale(planOut(5, 'Their title', ['educational-meetings'])) } : { status: 200, body: planOut(6, '', ['champions']) }),
    })
    const data = await ready(open())
    add(data, 'champions')
    await expect.poll(() => data.saveState.state, { timeout: 3000 }).toBe('conflict')
    const save = data.saveState
    expect(save.state === 'conflict' && save.theirs.title).toBe('Their title')
    expect(save.state === 'conflict' && save.theirs.plan.map((p) => p.strategy)).toEqual(['educational-meetings'])
    expect(data.state.plan.map((p) => p.strategy)).toEqual(['champions'])
    // Further edits wait for the team's choice, and are kept meanwhile.
    data.update(() => ({ planTitle: 'Ours' }))
    expect(JSON.parse(localStorage.getItem(`strategiewijzer:round-edits:v1:${ROUND}`) ?? '{}')).toMatchObject({ planTitle: 'Ours', planDirty: true })
    data.resolveConflict('mine')
    await expect.poll(() => data.saveState.state, { timeout: 3000 }).toBe('saved')
    const bodies = requests.filter((r) => r.key === `PUT ${base}/plan`).map((r) => r.body as { baseRevision: number; title: string })
    expect(bodies.map((b) => b.baseRevision)).toEqual([1, 5])
    expect(bodies[1]?.title).toBe('Ours')
  })

  it('on a conflict can take their plan instead, dropping ours only then', async () => {
    stubServer({
      [`GET ${base}`]: () => ({ status: 200, body: roundOut(ROUND) }),
      [`GET ${base}/plan`]: () => ({ status: 200, body: planOut(1, '') }),
      [`PUT ${base}/plan`]: () => ({ status: 409, body: stale(planOut(5, 'Their title', ['educational-meetings'])) }),
    })
    const data = await ready(open())
    add(data, 'champions')
    await expect.poll(() => data.saveState.state, { timeout: 3000 }).toBe('conflict')
    data.resolveConflict('theirs')
    expect(data.state.plan.map((p) => p.strategy)).toEqual(['educational-meetings'])
    expect(data.state.planTitle).toBe('Their title')
    expect(data.saveState.state).toBe('saved')
  })

  it('keeps edits on this device while the server cannot be reached, and saves them on the next visit', async () => {
    stubServer({
      [`GET ${base}`]: () => ({ status: 200, body: roundOut(ROUND) }),
      [`GET ${base}/plan`]: () => ({ status: 200, body: planOut(2, '') }),
      [`PUT ${base}/plan`]: () => {
        throw new TypeError('Failed to fetch')
      },
    })
    const first = await ready(open())
    add(first, 'champions')
    await expect.poll(() => first.saveState.state, { timeout: 3000 }).toBe('offline')
    first.dispose()

    const requests = stubServer({
      [`GET ${base}`]: () => ({ status: 200, body: roundOut(ROUND) }),
      [`GET ${base}/plan`]: () => ({ status: 200, body: planOut(2, '') }),
      [`PUT ${base}/plan`]: (_, body) => ({ status: 200, body: { ...planOut(3, ''), entries: (body as { entries: unknown[] }).entries } }),
    })
    const next = await ready(open())
    expect(next.state.plan.map((p) => p.strategy)).toEqual(['champions'])
    await expect.poll(() => next.saveState.state, { timeout: 3000 }).toBe('saved')
    expect(requests.find((r) => r.key === `PUT ${base}/plan`)?.body).toMatchObject({ baseRevision: 2, entries: [{ strategy: 'champions' }] })
  })

  it('saves thresholds, filters and the approach as the round’s settings, before it asks for the profile', async () => {
    const requests = stubServer({
      [`GET ${base}`]: () => ({ status: 200, body: roundOut(ROUND) }),
      [`GET ${base}/plan`]: () => ({ status: 200, body: planOut(0, '') }),
      [`PATCH ${base}`]: (_, body) => ({ status: 200, body: roundOut(ROUND, body as Record<string, unknown>) }),
      [`GET ${base}/profile`]: () => ({ status: 200, body: { respondents: 3, keyInformants: 0, determinants: [], groups: [], barriers: [], settings: {}, round: {} } }),
    })
    const data = await ready(open())
    data.update((s) => ({ settings: { ...s.settings, barrierShare: 0.3 }, filters: { ...s.filters, mode: 'bundle' } }))
    const profile = await data.profile('en')
    expect(profile?.respondents).toBe(3)
    expect(profile).not.toHaveProperty('round')
    const keys = requests.map((r) => r.key)
    expect(keys.indexOf(`PATCH ${base}`)).toBeLessThan(keys.indexOf(`GET ${base}/profile`))
    expect(requests.find((r) => r.key === `PATCH ${base}`)?.body).toMatchObject({
      settings: { score: { barrierShare: 0.3 }, filters: { mode: 'bundle' }, approach: [] },
    })
  })

  it('takes a plan entry out and puts it back, with its text, on undo', async () => {
    stubServer({
      [`GET ${base}`]: () => ({ status: 200, body: roundOut(ROUND) }),
      [`GET ${base}/plan`]: () => ({ status: 200, body: planOut(0, '', ['a', 'b', 'c']) }),
      [`PUT ${base}/plan`]: (_, body) => ({ status: 200, body: { ...planOut(1, ''), entries: (body as { entries: unknown[] }).entries } }),
    })
    const data = await ready(open())
    data.update((s) => ({ plan: s.plan.map((p) => (p.strategy === 'b' ? { ...p, spec: { ...p.spec, notes: 'kept' } } : p)) }))
    data.removePlanEntry('b', 'Strategy B')
    expect(data.lastRemoval).toMatchObject({ list: 'plan', key: 'b', name: 'Strategy B' })
    expect(data.state.plan.map((p) => p.strategy)).toEqual(['a', 'c'])
    data.undoRemoval()
    expect(data.state.plan.map((p) => [p.strategy, p.spec.notes])).toEqual([['a', ''], ['b', 'kept'], ['c', '']])
  })
})
