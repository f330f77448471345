import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../support/dialects.ts'

const t = await testStore()
let clock = Date.UTC(2026, 8, 1, 8, 0)
const app = t.app({ tokenSecret: 'a'.repeat(64), now: () => clock })
afterAll(() => t.close())

type Res = { status: number; body: any; headers: Headers }

async function call(method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}): Promise<Res> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers }
}

async function newWorkspace(name = 'Vmbo De Linde') {
  const res = await call('POST', '/api/workspaces?lang=nl', {
    body: { name, innovation: 'Integrale aanpak mentaal welbevinden', contact: 'zorgcoordinator@example.nl' },
  })
  expect(res.status).toBe(201)
  return res.body as { id: string; teamToken: string; links: { team: string } }
}

async function newRound(ws: { id: string; teamToken: string }, label = 'Nulmeting') {
  const res = await call('POST', `/api/workspaces/${ws.id}/rounds`, { token: ws.teamToken, body: { label } })
  expect(res.status).toBe(201)
  return res.body as { id: string; respondentToken: string; links: { respond: string } }
}

let sequence = 0
const submit = (token: string, answers: Record<string, number | null>, extra: object = {}) =>
  call('POST', `/api/respond/${token}`, {
    body: { submissionId: `sub-${String(++sequence).padStart(6, '0')}`, answers, ...extra },
  })

describe('POST /api/workspaces', () => {
  test('creates a workspace and answers a team link with a 192-bit token in its fragment', async () => {
    const ws = await newWorkspace()
    expect(ws.teamToken).toMatch(/^swt_[A-Za-z0-9_-]{32}$/)
    expect(ws.links.team).toBe(`http://localhost/w/${ws.id}#${ws.teamToken}`)
    const got = await call('GET', `/api/workspaces/${ws.id}`, { token: ws.teamToken })
    expect(got.status).toBe(200)
    expect(got.body).toMatchObject({ id: ws.id, name: 'Vmbo De Linde', rounds: [] })
    expect(got.body.groups).toContain('Docenten')
  })

  test('stores only the hash of a token', async () => {
    const ws = await newWorkspace()
    const rows = await t.query<{ token_hash: string }>('SELECT token_hash FROM team_tokens WHERE workspace_id = $1', [ws.id])
    expect(rows).toHaveLength(1)
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
    const everything = JSON.stringify(await t.query('SELECT * FROM team_tokens'))
    expect(everything).not.toContain(ws.teamToken)
  })

  test('answers 400 naming the field for an empty name', async () => {
    const res = await call('POST', '/api/workspaces', { body: { name: ' ', innovation: 'x' } })
    expect(res.status).toBe(400)
    expect(res.body.error.issues[0].path).toBe('name')
  })
})

describe('team links', () => {
  test('a second team member gets a link of their own; a revoked one stops working at once', async () => {
    const ws = await newWorkspace()
    const made = await call('POST', `/api/workspaces/${ws.id}/tokens`, { token: ws.teamToken, body: { label: 'Marieke' } })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ label: 'Marieke', current: false })
    expect((await call('GET', `/api/workspaces/${ws.id}`, { token: made.body.token })).status).toBe(200)

    const list = await call('GET', `/api/workspaces/${ws.id}/tokens`, { token: made.body.token })
    // Both made at the same moment of the test's clock: their order is not the point.
    expect(list.body.tokens.map((x: any) => [x.label, x.current]).sort()).toEqual([
      ['Eerste teamlink', false],
      ['Marieke', true],
    ])
    expect(JSON.stringify(list.body)).not.toContain(ws.teamToken)

    expect((await call('DELETE', `/api/workspaces/${ws.id}/tokens/${made.body.id}`, { token: ws.teamToken })).status).toBe(204)
    expect((await call('GET', `/api/workspaces/${ws.id}`, { token: made.body.token })).status).toBe(401)
  })

  test('the last active team link cannot be revoked', async () => {
    const ws = await newWorkspace()
    const list = await call('GET', `/api/workspaces/${ws.id}/tokens`, { token: ws.teamToken })
    const res = await call('DELETE', `/api/workspaces/${ws.id}/tokens/${list.body.tokens[0].id}`, { token: ws.teamToken })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('last_team_link')
    expect((await call('GET', `/api/workspaces/${ws.id}`, { token: ws.teamToken })).status).toBe(200)
  })
})

describe('authorisation', () => {
  test('every workspace route: 401 without or with a bad token, 404 with another workspace\u2019s token', async () => {
    const ws = await newWorkspace()
    const other = await newWorkspace('Mbo Noord')
    const round = await newRound(ws)
    const revoked = await call('POST', `/api/workspaces/${ws.id}/tokens`, { token: ws.teamToken, body: { label: 'oud' } })
    await call('DELETE', `/api/workspaces/${ws.id}/tokens/${revoked.body.id}`, { token: ws.teamToken })
    const network = (await call('POST', '/api/networks', { body: { name: 'Regio' } })).body
    const study = (await call('POST', '/api/ratings', { body: { name: 'Panel', selection: { kind: 'determinants', determinants: [4] }, experts: 1 } })).body
    const w = `/api/workspaces/${ws.id}`
    const r = `${w}/rounds/${round.id}`
    const routes: [string, string, unknown?][] = [
      ['GET', w],
      ['PATCH', w, { name: 'x' }],
      ['GET', `${w}/tokens`],
      ['POST', `${w}/tokens`, { label: 'x' }],
      ['DELETE', `${w}/tokens/AAAAAAAAAAAAAAAA`],
      ['POST', `${w}/rounds`, { label: 'x' }],
      ['GET', r],
      ['PATCH', r, { state: 'closed' }],
      ['POST', `${r}/respondent-link`],
      ['DELETE', `${r}/respondent-link`],
      ['GET', `${r}/profile`],
      ['GET', `${r}/profile/groups`],
      ['GET', `${r}/submissions`],
      ['DELETE', `${r}/submissions/AAAAAAAAAAAAAAAA`],
      ['GET', `${r}/plan`],
      ['PUT', `${r}/plan`, { baseRevision: 0, entries: [] }],
      ['POST', `${r}/imports/preview`, { file: Buffer.from('d01\n4\n').toString('base64') }],
      ['POST', `${r}/imports`, { file: Buffer.from('d01\n4\n').toString('base64') }],
      ['GET', `${w}/compare?from=${round.id}&to=${round.id}`],
      ['GET', `${w}/export`],
      ['GET', `${w}/export/long`],
      ['GET', `${w}/export/long?round=${round.id}`],
      ['GET', `${w}/export/codebook`],
      ['GET', `${w}/export/spss`],
      ['DELETE', w],
    ]
    const credentials: [string, string | undefined, number][] = [
      ['none', undefined, 401],
      ['respondent token', round.respondentToken, 401],
      ['revoked team token', revoked.body.token, 401],
      ['malformed', 'not-a-token', 401],
      ['facilitator token', network.facilitatorToken, 401],
      ['rating owner token', study.ownerToken, 401],
      ['rating expert token', (study.experts[0].link as string).split('#')[1], 401],
      ['team token of another workspace', other.teamToken, 404],
    ]
    for (const [method, path, body] of routes) {
      for (const [name, token, expected] of credentials) {
        const res = await call(method, path, { token, body })
        expect(res.status, `${method} ${path} with ${name}`).toBe(expected)
        expect(res.body.error.code).toBe(expected === 401 ? 'unauthorized' : 'not_found')
      }
    }
    // Nothing changed: the workspace is still there with its one round, open.
    const after = await call('GET', w, { token: ws.teamToken })
    expect(after.body.name).toBe('Vmbo De Linde')
    expect(after.body.rounds).toHaveLength(1)
    expect(after.body.rounds[0].state).toBe('open')
  })

  test('a respondent token reads nothing of the round: only its name and groups', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    await submit(round.respondentToken, { d04: 5 })
    const view = await call('GET', `/api/respond/${round.respondentToken}`)
    expect(view.status).toBe(200)
    expect(Object.keys(view.body)).toEqual(['workspace', 'round'])
    expect(JSON.stringify(view.body)).not.toMatch(/d04|submission|answers/)
  })
})

describe('rounds and submissions', () => {
  test('a respondent link stores answers once per submission id, counts them and refuses when closed', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const body = { submissionId: 'phone-0001-abcdef', group: 'Mentoren', answers: { d04: 5, d16a: 2 } }
    const first = await call('POST', `/api/respond/${round.respondentToken}`, { body })
    expect(first.status).toBe(201)
    expect(first.body).toEqual({ status: 'stored' })
    const again = await call('POST', `/api/respond/${round.respondentToken}`, { body })
    expect(again.status).toBe(200)
    expect(again.body).toEqual({ status: 'already-stored' })
    const changed = await call('POST', `/api/respond/${round.respondentToken}`, { body: { ...body, answers: { d04: 1 } } })
    expect(changed.status).toBe(409)

    const got = await call('GET', `/api/workspaces/${ws.id}/rounds/${round.id}`, { token: ws.teamToken })
    expect(got.body.submissionCount).toBe(1)
    expect(got.body.accepting).toBe(true)

    const closed = await call('PATCH', `/api/workspaces/${ws.id}/rounds/${round.id}`, { token: ws.teamToken, body: { state: 'closed' } })
    expect(closed.body).toMatchObject({ state: 'closed', accepting: false })
    expect((await submit(round.respondentToken, { d04: 1 })).status).toBe(410)
    // A retry of an answer stored before closing is still acknowledged, not lost.
    expect((await call('POST', `/api/respond/${round.respondentToken}`, { body })).status).toBe(200)
    const view = await call('GET', `/api/respond/${round.respondentToken}`)
    expect(view.body.round.accepting).toBe(false)
  })

  test('a closing date closes the round by itself', async () => {
    const ws = await newWorkspace()
    const res = await call('POST', `/api/workspaces/${ws.id}/rounds`, {
      token: ws.teamToken,
      body: { label: 'Na cyclus 1', closesAt: clock + 60_000 },
    })
    expect((await submit(res.body.respondentToken, { d04: 2 })).status).toBe(201)
    clock += 60_000
    expect((await submit(res.body.respondentToken, { d04: 2 })).status).toBe(410)
  })

  test('invalid answers and unknown groups are 422 naming the field; nothing is stored', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const bad = await submit(round.respondentToken, { d04: 9 })
    expect(bad.status).toBe(422)
    expect(bad.body.error.issues[0].path).toBe('answers.d04')
    const group = await submit(round.respondentToken, { d04: 2 }, { group: 'Hackers' })
    expect(group.status).toBe(422)
    expect(group.body.error.issues[0].path).toBe('group')
    const missingId = await call('POST', `/api/respond/${round.respondentToken}`, { body: { answers: {} } })
    expect(missingId.status).toBe(400)
    expect(missingId.body.error.issues[0].path).toBe('submissionId')
    const got = await call('GET', `/api/workspaces/${ws.id}/rounds/${round.id}`, { token: ws.teamToken })
    expect(got.body.submissionCount).toBe(0)
  })

  test('an unknown or renewed respondent link is 404; the team sees the same link again until it renews it', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    expect((await call('GET', `/api/respond/swr_${'A'.repeat(32)}`)).status).toBe(404)
    const again = await call('GET', `/api/workspaces/${ws.id}/rounds/${round.id}`, { token: ws.teamToken })
    expect(again.body.respondentToken).toBe(round.respondentToken)
    expect(again.body.links.respond).toBe(`http://localhost/r#${round.respondentToken}`)
    const renewed = await call('POST', `/api/workspaces/${ws.id}/rounds/${round.id}/respondent-link`, { token: ws.teamToken })
    expect(renewed.body.respondentToken).not.toBe(round.respondentToken)
    expect((await submit(round.respondentToken, { d04: 2 })).status).toBe(404)
    expect((await submit(renewed.body.respondentToken, { d04: 2 })).status).toBe(201)
    const revoked = await call('DELETE', `/api/workspaces/${ws.id}/rounds/${round.id}/respondent-link`, { token: ws.teamToken })
    expect(revoked.body).toMatchObject({ respondentToken: null, links: { respond: null } })
    expect((await submit(renewed.body.respondentToken, { d04: 2 })).status).toBe(404)
  })

  test('a server with another secret cannot show the link but can renew it', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const elsewhere = t.app({ tokenSecret: 'b'.repeat(64) })
    const res = await elsewhere.request(`/api/workspaces/${ws.id}/rounds/${round.id}`, { headers: { authorization: `Bearer ${ws.teamToken}` } })
    const body = (await res.json()) as any
    expect(body.respondentToken).toBeNull()
    // The stored link keeps working for respondents there.
    const view = await elsewhere.request(`/api/respond/${round.respondentToken}`)
    expect(view.status).toBe(200)
  })
})

describe('profile, plan and comparison', () => {
  test('the profile of a round is the /api/score answer for its submissions', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const answers = [{ d04: 5 }, { d04: 4 }, { d04: 2 }, { d04: 1 }, { d04: 2 }]
    for (const a of answers) expect((await submit(round.respondentToken, a)).status).toBe(201)
    const profile = await call('GET', `/api/workspaces/${ws.id}/rounds/${round.id}/profile?lang=en`, { token: ws.teamToken })
    const score = await call('POST', '/api/score?lang=en', { body: { responses: answers.map((a) => ({ answers: a, role: 'user' })) } })
    expect(profile.status).toBe(200)
    const { round: meta, ...rest } = profile.body
    expect(rest).toEqual(score.body)
    expect(meta).toMatchObject({ id: round.id, label: 'Nulmeting', revision: 5 })
    // A new submission changes the revision and so the profile (no stale cache).
    await submit(round.respondentToken, { d04: 5 })
    const later = await call('GET', `/api/workspaces/${ws.id}/rounds/${round.id}/profile`, { token: ws.teamToken })
    expect(later.body.respondents).toBe(6)
  })

  test('the profile read after each change is the whole round: appended answers added, a deleted one gone', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const profile = async () =>
      (await call('GET', `/api/workspaces/${ws.id}/rounds/${round.id}/profile?lang=en`, { token: ws.teamToken })).body
    const expected = async () => {
      const listed = (await call('GET', `/api/workspaces/${ws.id}/rounds/${round.id}/submissions`, { token: ws.teamToken })).body.submissions
      const score = await call('POST', '/api/score?lang=en', { body: { responses: listed.map((x: any) => ({ answers: x.answers, role: x.role })) } })
      return score.body
    }
    const check = async (n: number) => {
      const { round: _meta, ...rest } = await profile()
      expect(rest.respondents).toBe(n)
      expect(rest).toEqual(await expected())
    }
    for (const d04 of [5, 4, 2]) await submit(round.respondentToken, { d04 })
    await check(3)
    await submit(round.respondentToken, { d04: 1 })
    await submit(round.respondentToken, { d04: 5 })
    await check(5) // read after two appends
    const listed = (await call('GET', `/api/workspaces/${ws.id}/rounds/${round.id}/submissions`, { token: ws.teamToken })).body.submissions
    const del = await call('DELETE', `/api/workspaces/${ws.id}/rounds/${round.id}/submissions/${listed[1].id}`, { token: ws.teamToken })
    expect(del.status).toBe(204)
    await submit(round.respondentToken, { d04: 2 })
    await check(5) // a delete and an append since the last read: read whole
    await submit(round.respondentToken, { d04: 4 })
    await check(6)
  })

  test('an empty change of a round changes nothing', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const res = await call('PATCH', `/api/workspaces/${ws.id}/rounds/${round.id}`, { token: ws.teamToken, body: {} })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: round.id, state: 'open', label: 'Nulmeting' })
  })

  test('the plan is saved per round, refuses a stale save, and carries forward to the next round', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const plan = `/api/workspaces/${ws.id}/rounds/${round.id}/plan`
    const entry = { strategy: 'educational-meetings', status: 'running', spec: { actor: 'Zorgcoördinator', action: 'Studiemiddag' }, barriers: [16] }
    const saved = await call('PUT', plan, { token: ws.teamToken, body: { title: 'Plan 2026', baseRevision: 0, entries: [entry] } })
    expect(saved.status).toBe(200)
    expect(saved.body.revision).toBe(1)
    expect(saved.body.entries[0]).toMatchObject({ strategy: entry.strategy, status: 'running', known: true, barriers: [16] })
    expect(saved.body.entries[0].spec).toMatchObject({ actor: 'Zorgcoördinator', action: 'Studiemiddag', notes: '' })

    const stale = await call('PUT', plan, { token: ws.teamToken, body: { title: 'Other', baseRevision: 0, entries: [] } })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('stale_plan')
    expect(stale.body.current.entries).toHaveLength(1)

    const unknown = await call('PUT', plan, { token: ws.teamToken, body: { baseRevision: 1, entries: [{ ...entry, strategy: 'no-such-strategy' }] } })
    expect(unknown.status).toBe(422)
    expect(unknown.body.error.issues[0].path).toBe('entries.0.strategy')
    expect((await call('GET', plan, { token: ws.teamToken })).body.revision).toBe(1)

    const settings = {
      score: { barrierShare: 0.3, facilitatorShare: 0.8, minAnswers: 2 },
      filters: { phase: 'start', actors: ['teachers'], mode: 'bundle', limit: 5, exclude: [], inUse: [] },
      approach: ['educational-meetings'],
    }
    const patched = await call('PATCH', `/api/workspaces/${ws.id}/rounds/${round.id}`, { token: ws.teamToken, body: { settings } })
    expect(patched.status).toBe(200)

    const next = await newRound(ws, 'Na PDSA-cyclus 1')
    const nextRound = await call('GET', `/api/workspaces/${ws.id}/rounds/${next.id}`, { token: ws.teamToken })
    expect(nextRound.body.settings).toEqual(settings)
    expect(nextRound.body.position).toBe(2)
    const nextPlan = await call('GET', `/api/workspaces/${ws.id}/rounds/${next.id}/plan`, { token: ws.teamToken })
    expect(nextPlan.body).toMatchObject({ title: 'Plan 2026', revision: 0 })
    expect(nextPlan.body.entries[0].spec.action).toBe('Studiemiddag')
  })

  test('a round keeps the weighting and the published-sources choice, and refuses an unknown weighting naming it', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const path = `/api/workspaces/${ws.id}/rounds/${round.id}`
    const filters = { actors: [], mode: 'ranked', limit: 10, exclude: [], inUse: [], weighting: 'cfir-eric', publishedOnly: true }
    const settings = { score: { barrierShare: 0.2, facilitatorShare: 0.8, minAnswers: 1 }, filters, approach: [] }
    expect((await call('PATCH', path, { token: ws.teamToken, body: { settings } })).status).toBe(200)
    expect((await call('GET', path, { token: ws.teamToken })).body.settings.filters).toEqual(filters)

    const bad = await call('PATCH', path, { token: ws.teamToken, body: { settings: { ...settings, filters: { ...filters, weighting: 'loudest' } } } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues[0].path).toBe('settings.filters.weighting')
    expect((await call('GET', path, { token: ws.teamToken })).body.settings.filters.weighting).toBe('cfir-eric')
  })

  test('compare names what changed between two rounds and the strategies behind improvements', async () => {
    const ws = await newWorkspace()
    const first = await newRound(ws)
    for (const d04 of [5, 5, 4, 2, 2]) await submit(first.respondentToken, { d04, d16a: 4 })
    await call('PUT', `/api/workspaces/${ws.id}/rounds/${first.id}/plan`, {
      token: ws.teamToken,
      body: { baseRevision: 0, entries: [{ strategy: 'educational-meetings', spec: {}, barriers: [4] }] },
    })
    const second = await newRound(ws, 'Na cyclus 1')
    for (const d04 of [2, 2, 2, 1, 2]) await submit(second.respondentToken, { d04, d16a: 2 })
    const res = await call('GET', `/api/workspaces/${ws.id}/compare?from=${first.id}&to=${second.id}&lang=en`, { token: ws.teamToken })
    expect(res.status).toBe(200)
    const d4 = res.body.determinants.find((d: any) => d.number === 4)
    expect(d4).toMatchObject({ from: { status: 'barrier', negativeShare: 0.6 }, to: { status: 'facilitator', negativeShare: 0 }, change: 'no-longer-barrier', negativeDelta: -0.6 })
    const d16 = res.body.determinants.find((d: any) => d.number === 16)
    expect(d16.change).toBe('became-barrier')
    expect(res.body.strategies).toEqual([
      expect.objectContaining({ strategy: 'educational-meetings', determinants: [4], status: 'planned' }),
    ])
  })
})

describe('GET /api/workspaces/{id}/rounds/{roundId}/profile/groups', () => {
  test('splits the profile by group; a group under the minimum and the group that would give it away carry no numbers', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    for (let i = 0; i < 5; i++) await submit(round.respondentToken, { d04: 4 }, { group: 'Docenten' })
    for (let i = 0; i < 6; i++) await submit(round.respondentToken, { d04: 2 }, { group: 'Mentoren' })
    for (let i = 0; i < 2; i++) await submit(round.respondentToken, { d04: 5 }, { group: 'Zorg en begeleiding' })
    const r = `/api/workspaces/${ws.id}/rounds/${round.id}`
    const res = await call('GET', `${r}/profile/groups?lang=en`, { token: ws.teamToken })
    expect(res.status).toBe(200)
    expect(res.body.minGroupSize).toBe(5)
    expect(res.body.respondents).toBe(13)
    const rows = Object.fromEntries(res.body.groups.map((g: any) => [g.group, g]))
    expect(rows['Zorg en begeleiding']).toEqual({ group: 'Zorg en begeleiding', n: 2, suppressed: 'too-few' })
    expect(rows['Docenten']).toEqual({ group: 'Docenten', n: 5, suppressed: 'could-be-derived' })
    expect(rows['Schoolleiding']).toEqual({ group: 'Schoolleiding', n: 0, suppressed: 'too-few' })
    const d4 = rows['Mentoren'].determinants.find((d: any) => d.number === 4)
    expect(d4).toMatchObject({ n: 6, suppressed: null, certainty: expect.any(String) })
    expect(d4.negativeShareInterval).toHaveLength(2)
    // Nothing of the withheld groups is anywhere in the answer.
    expect(JSON.stringify([rows['Zorg en begeleiding'], rows['Docenten']])).not.toMatch(/Share/)
  })

  test('the group filter of the profile refuses a suppressed group with 409 and shows a shown one', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    for (let i = 0; i < 6; i++) await submit(round.respondentToken, { d04: 2 }, { group: 'Mentoren' })
    for (let i = 0; i < 6; i++) await submit(round.respondentToken, { d04: 4 }, { group: 'Docenten' })
    await submit(round.respondentToken, { d04: 5 }, { group: 'Schoolleiding' })
    const r = `/api/workspaces/${ws.id}/rounds/${round.id}`
    const hidden = await call('GET', `${r}/profile?group=Schoolleiding`, { token: ws.teamToken })
    expect(hidden.status).toBe(409)
    expect(hidden.body.error.code).toBe('too_few_answers')
    // 13 = 6 + 6 + 1: showing both large groups would give the single answer away.
    const derived = await call('GET', `${r}/profile?group=Mentoren`, { token: ws.teamToken })
    const other = await call('GET', `${r}/profile?group=Docenten`, { token: ws.teamToken })
    expect([derived.status, other.status].sort()).toEqual([200, 409])
  })

  test('a round may raise the minimum, never set it below 3', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const r = `/api/workspaces/${ws.id}/rounds/${round.id}`
    const got = await call('GET', r, { token: ws.teamToken })
    const low = await call('PATCH', r, { token: ws.teamToken, body: { settings: { ...got.body.settings, minGroupSize: 2 } } })
    expect([low.status, low.body.error.issues[0].path]).toEqual([400, 'settings.minGroupSize'])
    const ok = await call('PATCH', r, { token: ws.teamToken, body: { settings: { ...got.body.settings, minGroupSize: 8 } } })
    expect(ok.body.settings.minGroupSize).toBe(8)
    expect((await call('GET', `${r}/profile/groups`, { token: ws.teamToken })).body.minGroupSize).toBe(8)
  })
})

describe('the plan: the team\u2019s own ratings and timing per strategy', () => {
  test('are stored and read back, carried into the next round and through an export; absent ones stay absent', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const plan = `/api/workspaces/${ws.id}/rounds/${round.id}/plan`
    const entries = [
      { strategy: 'educational-meetings', spec: {}, feasibility: 4, importance: 5, phase: 'preparation', startMonth: 9, months: 2 },
      { strategy: 'audit-and-feedback', spec: {} },
    ]
    const saved = await call('PUT', plan, { token: ws.teamToken, body: { baseRevision: 0, entries } })
    expect(saved.status).toBe(200)
    expect(saved.body.entries[0]).toMatchObject({ feasibility: 4, importance: 5, phase: 'preparation', startMonth: 9, months: 2 })
    expect(Object.keys(saved.body.entries[1]).sort()).toEqual(['barriers', 'known', 'spec', 'status', 'strategy'])
    const next = await newRound(ws, 'Meting 2')
    const carried = await call('GET', `/api/workspaces/${ws.id}/rounds/${next.id}/plan`, { token: ws.teamToken })
    expect(carried.body.entries[0]).toMatchObject({ feasibility: 4, phase: 'preparation', months: 2 })
    const dump = await call('GET', `/api/workspaces/${ws.id}/export`, { token: ws.teamToken })
    expect(dump.body.rounds[0].plan[0]).toMatchObject({ importance: 5, startMonth: 9 })
  })

  test('a rating outside 1–5 or a month outside 1–12 is 400 naming the field, and nothing is saved', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const plan = `/api/workspaces/${ws.id}/rounds/${round.id}/plan`
    const bad = await call('PUT', plan, { token: ws.teamToken, body: { baseRevision: 0, entries: [{ strategy: 'educational-meetings', spec: {}, feasibility: 6 }] } })
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([400, 'entries.0.feasibility'])
    const month = await call('PUT', plan, { token: ws.teamToken, body: { baseRevision: 0, entries: [{ strategy: 'educational-meetings', spec: {}, startMonth: 13 }] } })
    expect([month.status, month.body.error.issues[0].path]).toEqual([400, 'entries.0.startMonth'])
    expect((await call('GET', plan, { token: ws.teamToken })).body.entries).toEqual([])
  })
})

describe('GET /api/workspaces/{id}/export/long, codebook and spss', () => {
  test('a round as tidy rows: one per submission × item, groups under the minimum left unnamed', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    for (let i = 0; i < 6; i++) await submit(round.respondentToken, { d04: 2 }, { group: 'Mentoren' })
    for (let i = 0; i < 2; i++) await submit(round.respondentToken, { d04: 5 }, { group: 'Docenten' })
    for (let i = 0; i < 3; i++) await submit(round.respondentToken, { d04: 4 })
    const w = `/api/workspaces/${ws.id}`
    const res = await app.request(`${w}/export/long?round=${round.id}`, { headers: { authorization: `Bearer ${ws.teamToken}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="strategiewijzer-long-round-1.csv"')
    const lines = (await res.text()).split('\r\n')
    const items = (await call('GET', '/api/questionnaire?lang=en')).body
    const itemCount = items.determinants ? items.determinants.reduce((n: number, d: any) => n + d.items.length, 0) : items.items.length
    expect(lines).toHaveLength(1 + 11 * itemCount)
    expect(lines[0]).toBe('round,submission,group,role,item,determinant,value,valence,score')
    const d04 = lines.filter((l) => l.includes(',d04,'))
    expect(d04.filter((l) => l.includes(',Mentoren,'))).toHaveLength(6)
    expect(d04.filter((l) => l.includes('Docenten'))).toHaveLength(0)
    // 2 Docenten + 3 without a group = 5 unnamed: enough that none can be singled out.
    expect(d04.filter((l) => l.split(',')[2] === '')).toHaveLength(5)
    expect(d04[0]).toMatch(/^Nulmeting,1-0001,Mentoren,user,d04,4,2,positive,4$/)
    expect(lines.join('\n')).not.toContain(round.id)
  })

  test('the codebook and the SPSS syntax describe the same file', async () => {
    const ws = await newWorkspace()
    const headers = { authorization: `Bearer ${ws.teamToken}` }
    const codebook = await (await app.request(`/api/workspaces/${ws.id}/export/codebook?lang=en`, { headers })).text()
    expect(codebook.split('\r\n')[0]).toBe('item,determinant,determinant_name,respondent,reversed,item_text,value,label,valence,score')
    expect(codebook).toMatch(/\r\nd04,4,[^\r]*,user,yes,/)
    const sps = await app.request(`/api/workspaces/${ws.id}/export/spss?lang=nl`, { headers })
    expect(sps.headers.get('content-disposition')).toBe('attachment; filename="strategiewijzer-long.sps"')
    const text = await sps.text()
    expect(text).toContain("/FILE='strategiewijzer-long.csv'")
    expect(text).toContain("'key-informant' 'Sleutelinformant'")
  })

  test('a malformed round or language is 400 naming the field', async () => {
    const ws = await newWorkspace()
    const bad = await call('GET', `/api/workspaces/${ws.id}/export/long?round=nope`, { token: ws.teamToken })
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([400, 'round'])
    const lang = await call('GET', `/api/workspaces/${ws.id}/export/spss?lang=de`, { token: ws.teamToken })
    expect([lang.status, lang.body.error.issues[0].path]).toEqual([400, 'lang'])
    const missing = await call('GET', `/api/workspaces/${ws.id}/export/long?round=AAAAAAAAAAAAAAAA`, { token: ws.teamToken })
    expect(missing.status).toBe(404)
  })
})

describe('the plan: its timeline\u2019s region and school year', () => {
  test('are stored with the plan, kept by a save that leaves them out, read back through an export and an import', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const plan = `/api/workspaces/${ws.id}/rounds/${round.id}/plan`
    const fresh = await call('GET', plan, { token: ws.teamToken })
    expect(fresh.body).toMatchObject({ region: 'none', schoolYear: null })
    const saved = await call('PUT', plan, { token: ws.teamToken, body: { baseRevision: 0, region: 'zuid', schoolYear: '2026-2027', entries: [] } })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ region: 'zuid', schoolYear: '2026-2027', revision: 1 })
    // A save without them (an older client) leaves them as they are.
    const titled = await call('PUT', plan, { token: ws.teamToken, body: { baseRevision: 1, title: 'Plan', entries: [] } })
    expect(titled.body).toMatchObject({ title: 'Plan', region: 'zuid', schoolYear: '2026-2027' })
    const back = await call('PUT', plan, { token: ws.teamToken, body: { baseRevision: 2, schoolYear: null, entries: [] } })
    expect(back.body).toMatchObject({ region: 'zuid', schoolYear: null })

    const exported = await call('GET', `/api/workspaces/${ws.id}/export`, { token: ws.teamToken })
    expect(exported.body.rounds[0]).toMatchObject({ planRegion: 'zuid', planSchoolYear: null })
    const imported = await call('POST', '/api/workspaces/import', { body: exported.body })
    expect(imported.status).toBe(201)
    const copy = await call('GET', `/api/workspaces/${imported.body.id}`, { token: imported.body.teamToken })
    const copied = await call('GET', `/api/workspaces/${imported.body.id}/rounds/${copy.body.rounds[0].id}/plan`, { token: imported.body.teamToken })
    expect(copied.body).toMatchObject({ region: 'zuid', schoolYear: null })
  })

  test('a new round carries the region forward, not the school year', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    await call('PUT', `/api/workspaces/${ws.id}/rounds/${round.id}/plan`, { token: ws.teamToken, body: { baseRevision: 0, region: 'noord', schoolYear: '2025-2026', entries: [] } })
    const next = await newRound(ws, 'Meting 2')
    const carried = await call('GET', `/api/workspaces/${ws.id}/rounds/${next.id}/plan`, { token: ws.teamToken })
    expect(carried.body).toMatchObject({ region: 'noord', schoolYear: null })
  })

  test('an export made before the timeline existed imports with no region and no school year', async () => {
    const ws = await newWorkspace()
    await newRound(ws)
    const exported = await call('GET', `/api/workspaces/${ws.id}/export`, { token: ws.teamToken })
    const { planRegion: _r, planSchoolYear: _y, ...older } = exported.body.rounds[0]
    const imported = await call('POST', '/api/workspaces/import', { body: { ...exported.body, rounds: [older] } })
    expect(imported.status).toBe(201)
    const copy = await call('GET', `/api/workspaces/${imported.body.id}`, { token: imported.body.teamToken })
    const plan = await call('GET', `/api/workspaces/${imported.body.id}/rounds/${copy.body.rounds[0].id}/plan`, { token: imported.body.teamToken })
    expect(plan.body).toMatchObject({ region: 'none', schoolYear: null })
  })

  test.for([
    [{ region: 'oost' }, 'region'],
    [{ schoolYear: '2026-2028' }, 'schoolYear'],
    [{ schoolYear: '2026/2027' }, 'schoolYear'],
    [{ schoolYear: 2026 }, 'schoolYear'],
  ] as const)('%o is 400 naming the field, and nothing is saved', async ([fields, path]) => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const plan = `/api/workspaces/${ws.id}/rounds/${round.id}/plan`
    const bad = await call('PUT', plan, { token: ws.teamToken, body: { baseRevision: 0, title: 'kept out', entries: [], ...fields } })
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([400, path])
    expect((await call('GET', plan, { token: ws.teamToken })).body).toMatchObject({ title: '', revision: 0, region: 'none', schoolYear: null })
  })
})

describe('export, import and deletion', () => {
  test('the export re-imports into a workspace with the same rounds, plans and answers', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    await submit(round.respondentToken, { d04: 5 }, { group: 'Docenten' })
    await submit(round.respondentToken, { d04: 2 })
    await call('PUT', `/api/workspaces/${ws.id}/rounds/${round.id}/plan`, {
      token: ws.teamToken,
      body: { title: 'T', baseRevision: 0, entries: [{ strategy: 'educational-meetings', spec: { notes: 'één' }, barriers: [4] }] },
    })
    const exported = await call('GET', `/api/workspaces/${ws.id}/export`, { token: ws.teamToken })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="strategiewijzer-workspace-\d{4}-\d\d-\d\d\.json"/)
    expect(exported.body).toMatchObject({ format: 'strategiewijzer-workspace', version: 1 })
    expect(JSON.stringify(exported.body)).not.toContain(ws.teamToken)
    expect(JSON.stringify(exported.body)).not.toContain(round.respondentToken)

    const imported = await call('POST', '/api/workspaces/import', { body: exported.body })
    expect(imported.status).toBe(201)
    const copy = await call('GET', `/api/workspaces/${imported.body.id}`, { token: imported.body.teamToken })
    expect(copy.body.rounds).toHaveLength(1)
    expect(copy.body.rounds[0].submissionCount).toBe(2)
    const again = await call('GET', `/api/workspaces/${imported.body.id}/export`, { token: imported.body.teamToken })
    const strip = (x: any) => ({ ...x, exportedAt: 0, workspace: { ...x.workspace, updatedAt: 0 } })
    expect(strip(again.body)).toEqual(strip(exported.body))
  })

  test('a broken import file is 400 naming the field and stores nothing', async () => {
    const [before] = await t.query<{ n: number }>('SELECT count(*) AS n FROM workspaces')
    const res = await call('POST', '/api/workspaces/import', {
      body: { format: 'strategiewijzer-workspace', version: 1, exportedAt: 0, workspace: { name: 'x' }, rounds: [] },
    })
    expect(res.status).toBe(400)
    expect(res.body.error.issues[0].path).toMatch(/^workspace\./)
    const [after] = await t.query<{ n: number }>('SELECT count(*) AS n FROM workspaces')
    expect(after?.n).toBe(before?.n)
  })

  test('deleting a workspace removes everything of it and every link stops working', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    await submit(round.respondentToken, { d04: 5 })
    expect((await call('DELETE', `/api/workspaces/${ws.id}`, { token: ws.teamToken })).status).toBe(204)
    expect((await call('GET', `/api/workspaces/${ws.id}`, { token: ws.teamToken })).status).toBe(401)
    expect((await submit(round.respondentToken, { d04: 5 })).status).toBe(404)
    for (const table of ['rounds', 'submissions', 'team_tokens', 'plan_entries']) {
      const column = table === 'submissions' || table === 'plan_entries' ? 'round_id' : 'workspace_id'
      const value = column === 'round_id' ? round.id : ws.id
      const [{ n } = { n: -1 }] = await t.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [value])
      expect(n, table).toBe(0)
    }
  })
})

describe('bounds', () => {
  test('a round takes no more submissions than its maximum', async () => {
    const ws = await newWorkspace()
    const round = await newRound(ws)
    const repo = t.store.workspaces
    const add = (clientId: string) => repo.addSubmission(round.id, { id: clientId.slice(-16).padStart(16, 'x'), clientId, role: 'user', group: null, answers: {} }, clock, 2)
    expect((await add('client-00000001')).outcome).toBe('created')
    expect((await add('client-00000002')).outcome).toBe('created')
    expect(await add('client-00000003')).toEqual({ outcome: 'refused', reason: 'full' })
    // A retry of a stored one is still acknowledged.
    expect((await add('client-00000002')).outcome).toBe('repeat')
  })

  test('submissions are rate-limited per respondent link, not by the address a whole school shares', async () => {
    const limited = t.app({ tokenSecret: 'a'.repeat(64), rateLimit: { perMinute: 1, burst: 1 } })
    const post = (path: string, body: unknown) =>
      limited.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const ws = await newWorkspace()
    const a = await newRound(ws, 'A')
    const b = await newRound(ws, 'B')
    expect((await post('/api/workspaces', { name: 'x', innovation: 'y' })).status).toBe(201)
    expect((await post('/api/workspaces', { name: 'x', innovation: 'y' })).status).toBe(429)
    // The same (shared) address still submits, up to the per-link burst.
    for (const round of [a, b]) {
      const res = await post(`/api/respond/${round.respondentToken}`, { submissionId: `rl-${round.id}`, answers: { d04: 2 } })
      expect(res.status).toBe(201)
    }
  })
})
