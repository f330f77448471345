import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../support/dialects.ts'

const t = await testStore()
let clock = Date.UTC(2026, 8, 1, 8, 0)
const app = t.app({ tokenSecret: 'a'.repeat(64), now: () => clock })
afterAll(() => t.close())

type Res = { status: number; body: any; headers: Headers }

async function call(method: string, path: string, { token, body }: { token?: string | undefined; body?: unknown } = {}): Promise<Res> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  const json = res.headers.get('content-type')?.includes('json')
  return { status: res.status, body: text && json ? JSON.parse(text) : text || null, headers: res.headers }
}

async function newNetwork(name = 'Regio Noord', minGroupSize?: number) {
  const res = await call('POST', '/api/networks', { body: { name, ...(minGroupSize ? { minGroupSize } : {}) } })
  expect(res.status).toBe(201)
  return res.body as { id: string; facilitatorToken: string; links: { network: string } }
}

async function newSchool(name: string, answers: number[] = [], label = 'Nulmeting') {
  const ws = (await call('POST', '/api/workspaces', { body: { name, innovation: 'Welbevinden' } })).body as { id: string; teamToken: string }
  const round = (await call('POST', `/api/workspaces/${ws.id}/rounds`, { token: ws.teamToken, body: { label } })).body
  for (const d04 of answers) await submit(round.respondentToken, { d04 })
  return { ...ws, round: round as { id: string; respondentToken: string } }
}

let sequence = 0
const submit = (token: string, answers: Record<string, number | null>) =>
  call('POST', `/api/respond/${token}`, { body: { submissionId: `net-${String(++sequence).padStart(6, '0')}`, answers } })

async function invite(network: { id: string; facilitatorToken: string }) {
  const res = await call('POST', `/api/networks/${network.id}/invitations`, { token: network.facilitatorToken })
  expect(res.status).toBe(201)
  return res.body as { inviteToken: string; expiresAt: number; links: { join: string } }
}

async function joinNetwork(school: { id: string; teamToken: string }, network: { id: string; facilitatorToken: string }) {
  const { inviteToken } = await invite(network)
  // Schools are listed in the order they joined: one moment after the other.
  clock += 1000
  const res = await call('POST', `/api/workspaces/${school.id}/networks`, { token: school.teamToken, body: { inviteToken } })
  expect(res.status).toBe(200)
  return res
}

describe('POST /api/networks', () => {
  test('creates a network with a facilitator link and the default minimum group size of 5', async () => {
    const n = await newNetwork()
    expect(n.facilitatorToken).toMatch(/^swf_[A-Za-z0-9_-]{32}$/)
    expect(n.links.network).toBe(`http://localhost/n/${n.id}#${n.facilitatorToken}`)
    const got = await call('GET', `/api/networks/${n.id}`, { token: n.facilitatorToken })
    expect(got.body).toMatchObject({ id: n.id, name: 'Regio Noord', minGroupSize: 5, parent: null, schools: [], networks: [] })
    const stored = JSON.stringify(await t.query('SELECT * FROM facilitator_tokens'))
    expect(stored).not.toContain(n.facilitatorToken)
  })

  test('refuses a minimum group size below 3, naming the field', async () => {
    const res = await call('POST', '/api/networks', { body: { name: 'x', minGroupSize: 2 } })
    expect(res.status).toBe(400)
    expect(res.body.error.issues[0].path).toBe('minGroupSize')
    const n = await newNetwork()
    const patch = await call('PATCH', `/api/networks/${n.id}`, { token: n.facilitatorToken, body: { minGroupSize: 1 } })
    expect(patch.status).toBe(400)
    expect(patch.body.error.issues[0].path).toBe('minGroupSize')
    const ok = await call('PATCH', `/api/networks/${n.id}`, { token: n.facilitatorToken, body: { minGroupSize: 3 } })
    expect(ok.body.minGroupSize).toBe(3)
  })
})

describe('joining and leaving', () => {
  test('a school joins with an invitation once; the invitation then opens nothing', async () => {
    const n = await newNetwork()
    const a = await newSchool('Vmbo De Linde')
    const b = await newSchool('Mbo Noord')
    const { inviteToken, links, expiresAt } = await invite(n)
    expect(links.join).toBe(`http://localhost/n/join#${inviteToken}`)
    expect(expiresAt).toBe(clock + 14 * 24 * 3600 * 1000)
    const joined = await call('POST', `/api/workspaces/${a.id}/networks`, { token: a.teamToken, body: { inviteToken } })
    expect(joined.body).toEqual({ network: { id: n.id, name: 'Regio Noord' }, joined: true })
    const again = await call('POST', `/api/workspaces/${b.id}/networks`, { token: b.teamToken, body: { inviteToken } })
    expect(again.status).toBe(422)
    expect(again.body.error.issues[0].path).toBe('inviteToken')
    const mine = await call('GET', `/api/workspaces/${a.id}/networks`, { token: a.teamToken })
    expect(mine.body.networks).toEqual([{ id: n.id, name: 'Regio Noord', joinedAt: clock }])
  })

  test('an expired invitation opens nothing', async () => {
    const n = await newNetwork()
    const a = await newSchool('A')
    const { inviteToken } = await invite(n)
    clock += 14 * 24 * 3600 * 1000
    const res = await call('POST', `/api/workspaces/${a.id}/networks`, { token: a.teamToken, body: { inviteToken } })
    expect(res.status).toBe(422)
  })

  test('a malformed invitation is 400 naming the field', async () => {
    const a = await newSchool('A')
    const res = await call('POST', `/api/workspaces/${a.id}/networks`, { token: a.teamToken, body: { inviteToken: 'swt_nope' } })
    expect(res.status).toBe(400)
    expect(res.body.error.issues[0].path).toBe('inviteToken')
  })

  test('a school that leaves disappears from the overview at once', async () => {
    const n = await newNetwork()
    const a = await newSchool('Vmbo De Linde', [5, 4, 2, 1, 2])
    await joinNetwork(a, n)
    const before = await call('GET', `/api/networks/${n.id}/overview`, { token: n.facilitatorToken })
    expect(before.body.schools.map((s: any) => s.name)).toEqual(['Vmbo De Linde'])
    expect((await call('DELETE', `/api/workspaces/${a.id}/networks?network=${n.id}`, { token: a.teamToken })).status).toBe(204)
    const after = await call('GET', `/api/networks/${n.id}/overview`, { token: n.facilitatorToken })
    expect(after.body.schools).toEqual([])
    expect(after.body.total).toBeNull()
    expect((await call('DELETE', `/api/workspaces/${a.id}/networks?network=${n.id}`, { token: a.teamToken })).status).toBe(404)
  })
})

describe('GET /api/networks/{id}/overview', () => {
  test('shows the school of 8 and suppresses the school of 3, without any number of it', async () => {
    const n = await newNetwork()
    const small = await newSchool('Klein', [1, 1, 1])
    const big = await newSchool('Groot', [5, 4, 2, 1, 2, 5, 4, 4])
    await joinNetwork(small, n)
    await joinNetwork(big, n)
    const res = await call('GET', `/api/networks/${n.id}/overview?round=Nulmeting&lang=en`, { token: n.facilitatorToken })
    expect(res.status).toBe(200)
    const [s, b] = res.body.schools
    expect(s).toEqual({ workspace: small.id, name: 'Klein', round: 'Nulmeting', n: 3, suppressed: true, strategies: [] })
    expect(b).toMatchObject({ workspace: big.id, name: 'Groot', round: 'Nulmeting', n: 8, suppressed: false })
    const d4 = b.determinants.find((d: any) => d.number === 4)
    expect(d4).toEqual({ number: 4, negativeShare: 0.625, positiveShare: 0.375, status: 'barrier' })
    expect(res.body.total).toMatchObject({ rows: 1, n: 8 })
    expect(res.body.determinants).toHaveLength(29)
    expect(res.body.sharedBarriers).toContainEqual({ number: 4, barrier: 1, of: 1 })
    // Nothing of a submission: no answers, no item ids.
    expect(JSON.stringify(res.body)).not.toMatch(/d04|answers|submission/)
  })

  test('filters by determinant group; a bad group or an overlong round label is 400 naming the field', async () => {
    const n = await newNetwork()
    const big = await newSchool('Groot', [5, 4, 2, 1, 2])
    await joinNetwork(big, n)
    const res = await call('GET', `/api/networks/${n.id}/overview?group=innovation`, { token: n.facilitatorToken })
    expect(res.body.determinants.every((d: any) => d.group === 'innovation')).toBe(true)
    expect(res.body.schools[0].determinants.map((d: any) => d.number)).toEqual(res.body.determinants.map((d: any) => d.number))
    const bad = await call('GET', `/api/networks/${n.id}/overview?group=people`, { token: n.facilitatorToken })
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues[0].path).toBe('group')
    const long = await call('GET', `/api/networks/${n.id}/overview?round=${'x'.repeat(121)}`, { token: n.facilitatorToken })
    expect(long.status).toBe(400)
    expect(long.body.error.issues[0].path).toBe('round')
  })

  test('a new submission shows at the next request (cached by the round revision, never stale)', async () => {
    const n = await newNetwork()
    const school = await newSchool('Groot', [5, 4, 2, 1])
    await joinNetwork(school, n)
    const first = await call('GET', `/api/networks/${n.id}/overview`, { token: n.facilitatorToken })
    expect(first.body.schools[0]).toMatchObject({ n: 4, suppressed: true })
    await submit(school.round.respondentToken, { d04: 1 })
    const second = await call('GET', `/api/networks/${n.id}/overview`, { token: n.facilitatorToken })
    expect(second.body.schools[0]).toMatchObject({ n: 5, suppressed: false })
  })

  test('one more answer after a look is held back until five answers changed: no look before and after reveals one person', async () => {
    const n = await newNetwork()
    const school = await newSchool('Groot', [5, 4, 2, 1, 2, 5])
    await joinNetwork(school, n)
    const look = async () => (await call('GET', `/api/networks/${n.id}/overview`, { token: n.facilitatorToken })).body.schools[0]
    const first = await look()
    expect(first).toMatchObject({ n: 6, suppressed: false })
    expect(first.heldBack).toBeUndefined()
    await submit(school.round.respondentToken, { d04: 1 })
    const second = await look()
    expect(second).toMatchObject({ n: 6, heldBack: 1, suppressed: false })
    expect(second.determinants).toEqual(first.determinants)
    for (const d04 of [1, 1, 1]) await submit(school.round.respondentToken, { d04 })
    const fourth = await look()
    expect(fourth).toMatchObject({ n: 6, heldBack: 4 })
    expect(fourth.determinants).toEqual(first.determinants)
    await submit(school.round.respondentToken, { d04: 1 })
    const fifth = await look()
    expect(fifth).toMatchObject({ n: 11, suppressed: false })
    expect(fifth.heldBack).toBeUndefined()
    // Three of the first six were negative on d04 (5 and 4 are unfavourable there), the five new ones positive.
    expect(fifth.determinants.find((d: any) => d.number === 4).negativeShare).toBeCloseTo(3 / 11, 4)
    // The handout is built from the same views: no way round the rule there either.
    await submit(school.round.respondentToken, { d04: 5 })
    const handout = await call('GET', `/api/networks/${n.id}/handout`, { token: n.facilitatorToken })
    expect(handout.status).toBe(200)
    expect(JSON.stringify(handout.body)).not.toMatch(/"n":12\b/)
    expect(await look()).toMatchObject({ n: 11, heldBack: 1 })
  })

  test('a deleted answer, or one deleted and one added, never shows as a change of one or two', async () => {
    const n = await newNetwork()
    const school = await newSchool('Groot', [5, 4, 2, 1, 2, 5])
    await joinNetwork(school, n)
    const look = async () => (await call('GET', `/api/networks/${n.id}/overview`, { token: n.facilitatorToken })).body.schools[0]
    const first = await look()
    const list = await call('GET', `/api/workspaces/${school.id}/rounds/${school.round.id}/submissions`, { token: school.teamToken })
    const one = list.body.submissions[0].id
    expect((await call('DELETE', `/api/workspaces/${school.id}/rounds/${school.round.id}/submissions/${one}`, { token: school.teamToken })).status).toBe(204)
    const afterDelete = await look()
    expect(afterDelete).toMatchObject({ n: 6, heldBack: 1 })
    expect(afterDelete.determinants).toEqual(first.determinants)
    await submit(school.round.respondentToken, { d04: 1 })
    const afterSwap = await look()
    expect(afterSwap).toMatchObject({ n: 6, heldBack: 2 })
    expect(afterSwap.determinants).toEqual(first.determinants)
  })

  test('a school that leaves takes what the network was shown of it along', async () => {
    const n = await newNetwork()
    const school = await newSchool('Groot', [5, 4, 2, 1, 2])
    await joinNetwork(school, n)
    await call('GET', `/api/networks/${n.id}/overview`, { token: n.facilitatorToken })
    const views = async () => Number((await t.query<{ k: number }>('SELECT count(*) AS k FROM network_round_views WHERE network_id = $1', [n.id]))[0]?.k)
    expect(await views()).toBe(1)
    expect((await call('DELETE', `/api/workspaces/${school.id}/networks?network=${n.id}`, { token: school.teamToken })).status).toBe(204)
    expect(await views()).toBe(0)
  })

  test('an outer network sees an inner network only pooled, never its schools', async () => {
    const outer = await newNetwork('Landelijk')
    const inner = await newNetwork('Regio Noord')
    const a = await newSchool('Binnen A', [5, 4, 2, 1, 2])
    const b = await newSchool('Binnen B', [1, 1, 1, 1, 1, 1])
    await joinNetwork(a, inner)
    await joinNetwork(b, inner)
    const { inviteToken } = await invite(outer)
    const nested = await call('POST', `/api/networks/${inner.id}/parent`, { token: inner.facilitatorToken, body: { inviteToken } })
    expect(nested.body).toEqual({ network: { id: outer.id, name: 'Landelijk' }, joined: true })
    const res = await call('GET', `/api/networks/${outer.id}/overview`, { token: outer.facilitatorToken })
    expect(res.body.schools).toEqual([])
    expect(res.body.networks).toEqual([expect.objectContaining({ network: inner.id, name: 'Regio Noord', schools: 2, n: 11, suppressed: false })])
    const text = JSON.stringify(res.body)
    for (const secret of [a.id, b.id, 'Binnen A', 'Binnen B']) expect(text).not.toContain(secret)
    // The outer facilitator cannot open the inner network itself.
    expect((await call('GET', `/api/networks/${inner.id}/overview`, { token: outer.facilitatorToken })).status).toBe(404)
    const info = await call('GET', `/api/networks/${inner.id}`, { token: inner.facilitatorToken })
    expect(info.body.parent).toEqual({ id: outer.id, name: 'Landelijk' })
  })
})

describe('learning, workbook and handout', () => {
  test('what the schools learned lists a running strategy with the change of its barriers', async () => {
    const n = await newNetwork()
    const school = await newSchool('Groot', [1, 1, 2, 4, 5])
    await call('PUT', `/api/workspaces/${school.id}/rounds/${school.round.id}/plan`, {
      token: school.teamToken,
      body: { baseRevision: 0, entries: [{ strategy: 'educational-meetings', status: 'running', spec: {}, barriers: [4] }] },
    })
    const second = (await call('POST', `/api/workspaces/${school.id}/rounds`, { token: school.teamToken, body: { label: 'Meting 2' } })).body
    for (const d04 of [1, 2, 1, 2, 1]) await submit(second.respondentToken, { d04 })
    await joinNetwork(school, n)
    const res = await call('GET', `/api/networks/${n.id}/learning?lang=en`, { token: n.facilitatorToken })
    expect(res.status).toBe(200)
    const s = res.body.strategies.find((x: any) => x.strategy === 'educational-meetings')
    expect(s.schools[0]).toMatchObject({ name: 'Groot', status: 'running', suppressed: false })
    expect(s.schools[0].changes).toContainEqual({ number: 4, change: 'no-longer-barrier', negativeDelta: -0.4 })
    expect(s.determinants).toContainEqual({ number: 4, improved: 1, worsened: 0, unchanged: 0 })
    expect(s.name).toBeTruthy()
  })

  test('the workbook has one sheet per round, with "too few answers" for a suppressed school', async () => {
    const n = await newNetwork()
    await joinNetwork(await newSchool('Klein', [1, 1, 1]), n)
    await joinNetwork(await newSchool('Groot', [5, 4, 2, 1, 2]), n)
    const res = await call('GET', `/api/networks/${n.id}/workbook?lang=nl`, { token: n.facilitatorToken })
    expect(res.body.sheets.map((s: any) => s.name)).toEqual(['Nulmeting'])
    const rows = res.body.sheets[0].rows
    expect(rows[0].slice(0, 3)).toEqual(['School', 'n', expect.stringMatching(/^1\. /)])
    expect(rows[1]).toEqual(['Klein', 3, 'te weinig antwoorden om te tonen', ...rows[1].slice(3).map(() => null)])
    expect(rows[2][0]).toBe('Groot')
  })

  test('the handout names the barriers of the shown schools only', async () => {
    const n = await newNetwork()
    await joinNetwork(await newSchool('Klein', [1, 1, 1]), n)
    await joinNetwork(await newSchool('Groot', [1, 1, 2, 4, 5]), n)
    const res = await call('GET', `/api/networks/${n.id}/handout?lang=nl`, { token: n.facilitatorToken })
    expect(res.body.rows).toEqual([
      { name: 'Klein', kind: 'school', n: 3, suppressed: true, barriers: [], strategies: [] },
      expect.objectContaining({ name: 'Groot', suppressed: false, barriers: expect.arrayContaining([expect.objectContaining({ number: 4, negativeShare: 0.4 })]) }),
    ])
  })
})

describe('GET /api/networks/{id}/export/long', () => {
  test('aggregates only: a school under the minimum is its n and "suppressed", never a share', async () => {
    const n = await newNetwork()
    const big = await newSchool('Groot', [2, 2, 2, 4, 4, 4])
    const small = await newSchool('Klein', [2, 2])
    await joinNetwork(big, n)
    await joinNetwork(small, n)
    const res = await call('GET', `/api/networks/${n.id}/export/long?lang=en`, { token: n.facilitatorToken })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const lines = String(res.body).split('\r\n')
    expect(lines[0]).toBe('round,row,kind,n,determinant,negative_share,positive_share,status')
    expect(lines.filter((l) => l.includes(',Klein,'))).toEqual([expect.stringMatching(/,Klein,school,2,,,,suppressed$/)])
    expect(lines.some((l) => /,Groot,school,6,4,/.test(l))).toBe(true)
    // No submission leaves: only counts and shares.
    expect(String(res.body)).not.toMatch(/d04/)
  })
})

describe('POST /api/networks/{id}/facilitator-link', () => {
  test('makes a new facilitator link, shown once; every earlier one stops working at once; the schools stay', async () => {
    const n = await newNetwork('Regio West')
    await joinNetwork(await newSchool('School A', [1, 1, 1, 1, 1]), n)
    const renewed = await call('POST', `/api/networks/${n.id}/facilitator-link`, { token: n.facilitatorToken })
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(201)
    const fresh = renewed.body.facilitatorToken as string
    expect(fresh).toMatch(/^swf_[A-Za-z0-9_-]{32}$/)
    expect(renewed.body.links.network).toBe(`http://localhost/n/${n.id}#${fresh}`)
    expect((await call('GET', `/api/networks/${n.id}`, { token: n.facilitatorToken })).status).toBe(401)
    const seen = await call('GET', `/api/networks/${n.id}`, { token: fresh })
    expect([seen.status, seen.body.schools.map((x: any) => x.name)]).toEqual([200, ['School A']])
    // Again: the second link goes the same way; the database keeps only a hash of the third.
    const third = (await call('POST', `/api/networks/${n.id}/facilitator-link`, { token: fresh })).body.facilitatorToken as string
    expect((await call('GET', `/api/networks/${n.id}`, { token: fresh })).status).toBe(401)
    expect((await call('GET', `/api/networks/${n.id}`, { token: third })).status).toBe(200)
    expect(JSON.stringify(await t.query('SELECT * FROM facilitator_tokens'))).not.toContain(third)
    expect(await t.query(`SELECT id FROM facilitator_tokens WHERE network_id = '${n.id}'`)).toHaveLength(1)
  })
})

describe('authorisation', () => {
  test('every network route: 401 without, with a malformed, unknown, team or respondent token; 404 with another network\u2019s', async () => {
    const n = await newNetwork()
    const other = await newNetwork('Elders')
    const school = await newSchool('School')
    const child = await newNetwork('Binnen')
    const { inviteToken } = await invite(n)
    const study = (await call('POST', '/api/ratings', { body: { name: 'Panel', selection: { kind: 'determinants', determinants: [4] }, experts: 1 } })).body
    const expertToken = (study.experts[0].link as string).split('#')[1]
    const base = `/api/networks/${n.id}`
    const routes: [string, string, unknown?][] = [
      ['GET', base],
      ['PATCH', base, { name: 'x' }],
      ['POST', `${base}/invitations`],
      ['POST', `${base}/parent`, { inviteToken }],
      ['DELETE', `${base}/parent`],
      ['GET', `${base}/overview`],
      ['GET', `${base}/learning`],
      ['GET', `${base}/workbook`],
      ['GET', `${base}/handout`],
      ['GET', `${base}/export/long`],
      ['POST', `${base}/facilitator-link`],
      ['DELETE', base],
    ]
    const credentials: [string, string | undefined, number][] = [
      ['none', undefined, 401],
      ['malformed', 'swf_short', 401],
      ['unknown', `swf_${'A'.repeat(32)}`, 401],
      ['team token', school.teamToken, 401],
      ['respondent token', school.round.respondentToken, 401],
      ['invitation token', inviteToken, 401],
      ['rating owner token', study.ownerToken, 401],
      ['rating expert token', expertToken, 401],
      ['facilitator of another network', other.facilitatorToken, 404],
      ['facilitator of an inner network', child.facilitatorToken, 404],
    ]
    for (const [method, path, body] of routes) {
      for (const [name, token, expected] of credentials) {
        const res = await call(method, path, { token, body })
        expect(res.status, `${method} ${path} with ${name}`).toBe(expected)
        expect(res.body.error.code).toBe(expected === 401 ? 'unauthorized' : 'not_found')
      }
    }
    // The right token opens each (the invitation was not used up by the refused attempts).
    let token = n.facilitatorToken
    for (const [method, path, body] of routes) {
      const res = await call(method, path, { token, body })
      const expected = method === 'POST' && path.endsWith('/parent') ? 409 : method === 'DELETE' ? 204 : method === 'POST' ? 201 : 200
      expect(res.status, `${method} ${path} with the right token`).toBe(expected)
      // A new facilitator link replaces the one used so far.
      if (path.endsWith('/facilitator-link')) token = res.body.facilitatorToken
    }
    expect((await call('GET', base, { token })).status).toBe(401)
  })

  test('every workspace network route: 401 without, with a malformed, facilitator or respondent token; 404 with another workspace\u2019s', async () => {
    const n = await newNetwork()
    const school = await newSchool('School')
    const other = await newSchool('Andere school')
    const { inviteToken } = await invite(n)
    const base = `/api/workspaces/${school.id}/networks`
    const routes: [string, string, unknown?][] = [
      ['GET', base],
      ['POST', base, { inviteToken }],
      ['DELETE', `${base}?network=${n.id}`],
    ]
    const credentials: [string, string | undefined, number][] = [
      ['none', undefined, 401],
      ['malformed', 'not-a-token', 401],
      ['unknown', `swt_${'A'.repeat(32)}`, 401],
      ['facilitator token', n.facilitatorToken, 401],
      ['respondent token', school.round.respondentToken, 401],
      ['team token of another workspace', other.teamToken, 404],
    ]
    for (const [method, path, body] of routes) {
      for (const [name, token, expected] of credentials) {
        const res = await call(method, path, { token, body })
        expect(res.status, `${method} ${path} with ${name}`).toBe(expected)
      }
    }
    const expected = [200, 200, 204]
    for (const [i, [method, path, body]] of routes.entries()) {
      expect((await call(method, path, { token: school.teamToken, body })).status, `${method} ${path}`).toBe(expected[i])
    }
  })

  test('a network created without a body, or with an unknown field, is 400 naming it', async () => {
    const res = await call('POST', '/api/networks', { body: { name: 'x', schools: [] } })
    expect(res.status).toBe(400)
    expect(res.body.error.issues[0].message).toMatch(/schools/)
  })
})
