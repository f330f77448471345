import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../support/dialects.ts'

const ADMIN = 'admin-'.padEnd(40, 'x')
const t = await testStore()
let clock = Date.UTC(2026, 8, 1, 8, 0)
const app = t.app({ tokenSecret: 'b'.repeat(64), now: () => clock, adminToken: ADMIN })
const noAdmin = t.app({ tokenSecret: 'b'.repeat(64), now: () => clock })
afterAll(() => t.close())

type Res = { status: number; body: any; text: string; headers: Headers }

async function call(method: string, path: string, { token, body, admin, on = app }: { token?: string | undefined; body?: unknown; admin?: string; on?: typeof app } = {}): Promise<Res> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (admin) headers['x-admin-token'] = admin
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await on.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  const json = res.headers.get('content-type')?.includes('json')
  return { status: res.status, body: text && json ? JSON.parse(text) : null, text, headers: res.headers }
}

const tokenOf = (link: string) => link.slice(link.indexOf('#') + 1)

/** A study of the links of determinant 4 (complexity) with `experts` experts. */
async function newStudy(over: Record<string, unknown> = {}, experts = 4) {
  const res = await call('POST', '/api/ratings', { body: { name: 'Panel welbevinden', selection: { kind: 'determinants', determinants: [4] }, experts, ...over } })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const study = res.body as { id: string; ownerToken: string; links: { owner: string }; experts: { pseudonym: string; link: string }[] }
  const got = await call('GET', `/api/ratings/${study.id}`, { token: study.ownerToken })
  return { ...study, pairs: got.body.links as { determinant: number; strategy: string }[], expertTokens: study.experts.map((e) => tokenOf(e.link)) }
}

const rate = (id: string, token: string, determinant: number, strategy: string, answer: Record<string, unknown>) =>
  call('PUT', `/api/ratings/${id}/ballot`, { token, body: { determinant, strategy, ...answer } })

describe('POST /api/ratings', () => {
  test('creates a study with an owner link and expert links; the database keeps only hashes', async () => {
    const s = await newStudy()
    expect(s.ownerToken).toMatch(/^swo_[A-Za-z0-9_-]{32}$/)
    expect(s.links.owner).toBe(`http://localhost/x/${s.id}#${s.ownerToken}`)
    expect(s.experts.map((e) => e.pseudonym)).toEqual(['E01', 'E02', 'E03', 'E04'])
    expect(s.experts[0]?.link).toMatch(new RegExp(`^http://localhost/x/${s.id}/rate#swe_[A-Za-z0-9_-]{32}$`))
    expect(s.pairs.length).toBeGreaterThan(0)
    expect(s.pairs.every((p) => p.determinant === 4)).toBe(true)
    const stored = JSON.stringify([await t.query('SELECT * FROM rating_studies'), await t.query('SELECT * FROM rating_experts')])
    expect(stored).not.toContain(s.ownerToken)
    for (const token of s.expertTokens) expect(stored).not.toContain(token)
  })

  test('the owner sees the same expert links again later', async () => {
    const s = await newStudy()
    const got = await call('GET', `/api/ratings/${s.id}`, { token: s.ownerToken })
    expect(got.body.experts.map((e: any) => e.link)).toEqual(s.experts.map((e) => e.link))
  })

  test('a file of pairs may name a pair not linked yet, by names; an unknown name is 422 naming the pair', async () => {
    const ok = await call('POST', '/api/ratings', {
      body: { name: 'Bestand', selection: { kind: 'pairs', pairs: [{ determinant: 'Complexiteit', strategy: 'audit-and-feedback' }, { determinant: 4, strategy: 'audit-and-feedback' }] } },
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    const study = await call('GET', `/api/ratings/${ok.body.id}`, { token: ok.body.ownerToken })
    expect(study.body.links.map((l: any) => [l.determinant, l.strategy])).toEqual([[4, 'audit-and-feedback']])
    const bad = await call('POST', '/api/ratings', { body: { name: 'Bestand', selection: { kind: 'pairs', pairs: [{ determinant: 4, strategy: 'audit-and-feedback' }, { determinant: 4, strategy: 'no-such-strategy' }] } } })
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([422, 'selection.pairs.1.strategy'])
  })

  test('all editorial links are more than a study may rate: 422 naming the selection; those of one determinant are fine', async () => {
    const all = await call('POST', '/api/ratings', { body: { name: 'Alles', selection: { kind: 'editorial' } } })
    expect([all.status, all.body.error.issues[0].path]).toEqual([422, 'selection'])
    expect(all.body.error.issues[0].message).toMatch(/at most 300/)
    const some = await call('POST', '/api/ratings', { body: { name: 'Tijd', selection: { kind: 'editorial', determinants: [4] } } })
    expect(some.status).toBe(201)
  })
})

describe('rounds, answers and results', () => {
  test('an expert saves answers one by one, resumes, and sees only their own answers', async () => {
    const s = await newStudy()
    const [a, b] = s.expertTokens as [string, string]
    const [p] = s.pairs as [{ determinant: number; strategy: string }]
    expect((await rate(s.id, a, p.determinant, p.strategy, { relevance: 8 })).status).toBe(200)
    expect((await rate(s.id, a, p.determinant, p.strategy, { comment: 'Werkt vooral in het mbo' })).body.answer).toEqual({ relevance: 8, feasibility: null, comment: 'Werkt vooral in het mbo' })
    await rate(s.id, b, p.determinant, p.strategy, { relevance: 2 })
    const mine = await call('GET', `/api/ratings/${s.id}/ballot?lang=nl`, { token: a })
    expect(mine.body.expert).toBe('E01')
    expect(mine.body.links[0].answer).toEqual({ relevance: 8, feasibility: null, comment: 'Werkt vooral in het mbo' })
    expect(mine.body.links[0].determinant.definition).not.toBe('')
    expect(mine.body.links[0].strategy.example).not.toBe('')
    expect(mine.body.links[0].evidence.length).toBeGreaterThan(0)
    expect(mine.body.links[0].previous).toBeNull()
    expect(JSON.stringify(mine.body)).not.toContain('"relevance":2')
  })

  test('a rating outside 1–9, a comment past its bound or feasibility not asked are refused naming the field', async () => {
    const s = await newStudy()
    const [p] = s.pairs as [{ determinant: number; strategy: string }]
    const high = await rate(s.id, s.expertTokens[0] as string, p.determinant, p.strategy, { relevance: 10 })
    expect([high.status, high.body.error.issues[0].path]).toEqual([400, 'relevance'])
    const long = await rate(s.id, s.expertTokens[0] as string, p.determinant, p.strategy, { comment: 'x'.repeat(2001) })
    expect([long.status, long.body.error.issues[0].path]).toEqual([400, 'comment'])
    const feasibility = await rate(s.id, s.expertTokens[0] as string, p.determinant, p.strategy, { feasibility: 5 })
    expect([feasibility.status, feasibility.body.error.issues[0].path]).toEqual([422, 'feasibility'])
    const other = await rate(s.id, s.expertTokens[0] as string, 28, p.strategy, { relevance: 5 })
    expect([other.status, other.body.error.code]).toEqual([422, 'not_in_study'])
    // Nothing of the refused answers was stored.
    expect((await call('GET', `/api/ratings/${s.id}/export`, { token: s.ownerToken })).text.split('\r\n')).toHaveLength(1)
  })

  test('round 2 shows the panel\u2019s median and spread, the expert\u2019s own previous answer and the comments without names', async () => {
    const s = await newStudy({ rounds: 3 })
    const [p] = s.pairs as [{ determinant: number; strategy: string }]
    const ratings = [9, 8, 3, 2]
    for (const [i, token] of s.expertTokens.entries()) await rate(s.id, token, p.determinant, p.strategy, { relevance: ratings[i], comment: `opmerking ${i}` })
    const ended = await call('POST', `/api/ratings/${s.id}/rounds/end`, { token: s.ownerToken, body: { round: 1 } })
    expect(ended.body).toMatchObject({ currentRound: 2, status: 'open' })
    const ballot = await call('GET', `/api/ratings/${s.id}/ballot`, { token: s.expertTokens[1] })
    expect(ballot.body.links[0].answer).toBeNull()
    expect(ballot.body.links[0].previous).toMatchObject({ round: 1, relevance: { n: 4, median: 5.5, p25: 2.75, p75: 8.25 }, own: { relevance: 8, comment: 'opmerking 1' } })
    expect(ballot.body.links[0].previous.comments).toEqual(['opmerking 0', 'opmerking 1', 'opmerking 2', 'opmerking 3'])
    // The only pseudonym on the ballot is the expert's own.
    expect(JSON.stringify(ballot.body).match(/E0\d/g)).toEqual(['E02'])
  })

  test('the study closes itself when every link meets the rule; answers are then refused and kept', async () => {
    const s = await newStudy({ selection: { kind: 'pairs', pairs: [{ determinant: 4, strategy: 'audit-and-feedback' }] }, rounds: 3 })
    for (const token of s.expertTokens) await rate(s.id, token, 4, 'audit-and-feedback', { relevance: 8 })
    const ended = await call('POST', `/api/ratings/${s.id}/rounds/end`, { token: s.ownerToken, body: { round: 1 } })
    expect(ended.body).toMatchObject({ status: 'closed', closedReason: 'consensus', currentRound: 1 })
    const late = await rate(s.id, s.expertTokens[0] as string, 4, 'audit-and-feedback', { relevance: 1 })
    expect([late.status, late.body.error.code]).toEqual([409, 'study_closed'])
    const results = await call('GET', `/api/ratings/${s.id}/results`, { token: s.ownerToken })
    expect(results.body.rounds[0].links[0]).toMatchObject({ relevance: { n: 4, median: 8, iqr: 0, agreement: 1, disagreement: false }, consensus: true, verdict: 'relevant', strength: 1 })
  })

  test('without consensus the study closes after its last round; a stale round number ends nothing', async () => {
    const s = await newStudy({ selection: { kind: 'pairs', pairs: [{ determinant: 4, strategy: 'audit-and-feedback' }] }, rounds: 1 })
    const ratings = [1, 1, 9, 9]
    for (const [i, token] of s.expertTokens.entries()) await rate(s.id, token, 4, 'audit-and-feedback', { relevance: ratings[i] })
    const stale = await call('POST', `/api/ratings/${s.id}/rounds/end`, { token: s.ownerToken, body: { round: 2 } })
    expect([stale.status, stale.body.error.issues[0].path]).toEqual([409, 'round'])
    const ended = await call('POST', `/api/ratings/${s.id}/rounds/end`, { token: s.ownerToken, body: { round: 1 } })
    expect(ended.body).toMatchObject({ status: 'closed', closedReason: 'last-round' })
    const results = await call('GET', `/api/ratings/${s.id}/results`, { token: s.ownerToken })
    expect(results.body.rounds[0].links[0]).toMatchObject({ relevance: { disagreement: true }, consensus: false, verdict: 'uncertain', strength: 0.2 })
  })

  test('the tidy export has one row per pseudonym × link × round × question, and no names', async () => {
    const s = await newStudy({ feasibility: true, selection: { kind: 'pairs', pairs: [{ determinant: 4, strategy: 'audit-and-feedback' }, { determinant: 4, strategy: 'pdsa-cycles' }] } }, 2)
    for (const token of s.expertTokens) {
      await rate(s.id, token, 4, 'audit-and-feedback', { relevance: 7, feasibility: 5, comment: '=SUM(A1)' })
      await rate(s.id, token, 4, 'pdsa-cycles', { relevance: 4 })
    }
    const res = await call('GET', `/api/ratings/${s.id}/export`, { token: s.ownerToken })
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const lines = res.text.split('\r\n')
    expect(lines[0]).toBe('expert,round,determinant,strategy,question,rating,comment')
    expect(lines).toHaveLength(1 + 2 * 2 * 2)
    expect(lines[1]).toBe("E01,1,4,audit-and-feedback,relevance,7,'=SUM(A1)")
    expect(lines[2]).toBe("E01,1,4,audit-and-feedback,feasibility,5,'=SUM(A1)")
    expect(lines[4]).toBe('E01,1,4,pdsa-cycles,feasibility,,')
  })
})

describe('feeding the knowledge base', () => {
  async function closedStudy() {
    const pairs = [
      { determinant: 4, strategy: 'audit-and-feedback' },
      { determinant: 4, strategy: 'pdsa-cycles' },
    ]
    const s = await newStudy({ name: 'Panel tijd', selection: { kind: 'pairs', pairs }, rounds: 1 })
    for (const token of s.expertTokens) {
      await rate(s.id, token, 4, 'audit-and-feedback', { relevance: 8 })
      await rate(s.id, token, 4, 'pdsa-cycles', { relevance: 2 })
    }
    clock += 1000
    await call('POST', `/api/ratings/${s.id}/rounds/end`, { token: s.ownerToken, body: { round: 1 } })
    return s
  }
  const recommend = async () =>
    (await call('POST', '/api/recommendations?lang=en', { body: { barriers: [{ determinant: 4, severity: 1 }] } })).body.strategies as any[]

  test('without ADMIN_TOKEN on the server, feeding is refused with a message that says to set it', async () => {
    const s = await closedStudy()
    const res = await call('POST', `/api/ratings/${s.id}/knowledge-base`, { token: s.ownerToken, admin: ADMIN, on: noAdmin })
    expect([res.status, res.body.error.code]).toEqual([403, 'admin_not_configured'])
    expect(res.body.error.message).toMatch(/set ADMIN_TOKEN/)
  })

  test('needs both the owner link and the administrator token; an open study cannot be fed', async () => {
    const s = await closedStudy()
    expect((await call('POST', `/api/ratings/${s.id}/knowledge-base`, { token: s.ownerToken })).status).toBe(401)
    expect((await call('POST', `/api/ratings/${s.id}/knowledge-base`, { token: s.ownerToken, admin: 'wrong'.padEnd(40, 'y') })).status).toBe(403)
    expect((await call('POST', `/api/ratings/${s.id}/knowledge-base`, { admin: ADMIN })).status).toBe(401)
    const open = await newStudy()
    const res = await call('POST', `/api/ratings/${open.id}/knowledge-base`, { token: open.ownerToken, admin: ADMIN })
    expect([res.status, res.body.error.code]).toEqual([409, 'study_open'])
  })

  test('a fed study is a source with its links; the ranking follows the panel; removing it restores the ranking', async () => {
    const before = await recommend()
    const meetingsBefore = before.find((x) => x.id === 'pdsa-cycles')
    const s = await closedStudy()
    const fed = await call('POST', `/api/ratings/${s.id}/knowledge-base?lang=en`, { token: s.ownerToken, admin: ADMIN })
    expect(fed.status, JSON.stringify(fed.body)).toBe(200)
    expect(fed.body).toMatchObject({ links: 2, essential: 1, rejected: 1 })
    expect(fed.body.source.label).toBe('expert rating, Panel tijd, 2026-09-01, 4 experts')
    const sourceId = fed.body.source.id as string

    const sources = (await call('GET', '/api/reference?lang=nl')).body
    const source = JSON.stringify(sources).includes('expertbeoordeling, Panel tijd, 2026-09-01, 4 experts')
    expect(source).toBe(true)

    const after = await recommend()
    const audit = after.find((x) => x.id === 'audit-and-feedback')
    const address = audit.addresses.find((a: any) => a.determinant === 4)
    expect(address).toMatchObject({ strength: 1, label: 'essential' })
    expect(address.evidence.map((e: any) => e.source)).toContain(sourceId)
    // The panel rejected the second pair: our proposal for it no longer counts.
    const meetings = after.find((x) => x.id === 'pdsa-cycles')
    expect(meetings?.addresses.some((a: any) => a.determinant === 4) ?? false).toBe(false)

    const study = await call('GET', `/api/ratings/${s.id}?lang=en`, { token: s.ownerToken })
    expect(study.body.source).toEqual({ id: sourceId, label: 'expert rating, Panel tijd, 2026-09-01, 4 experts' })

    expect((await call('DELETE', `/api/ratings/${s.id}/knowledge-base`, { token: s.ownerToken, admin: ADMIN })).status).toBe(204)
    expect(JSON.stringify((await call('GET', '/api/reference?lang=nl')).body)).not.toContain(sourceId)
    const restored = (await recommend()).find((x) => x.id === 'pdsa-cycles')
    expect(restored?.addresses.find((a: any) => a.determinant === 4)).toEqual(meetingsBefore?.addresses.find((a: any) => a.determinant === 4))
    expect((await call('DELETE', `/api/ratings/${s.id}/knowledge-base`, { token: s.ownerToken, admin: ADMIN })).status).toBe(404)
  })
})

describe('a new link for an expert', () => {
  test('the old link stops working at once; the new one opens the same ballot with the answers given', async () => {
    const s = await newStudy()
    const [p] = s.pairs as [{ determinant: number; strategy: string }]
    const [old, other] = s.expertTokens as [string, string]
    expect((await rate(s.id, old, p.determinant, p.strategy, { relevance: 7, comment: 'eerst' })).status).toBe(200)
    const renewed = await call('POST', `/api/ratings/${s.id}/experts/E01/link`, { token: s.ownerToken })
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200)
    expect(renewed.body.pseudonym).toBe('E01')
    const fresh = tokenOf(renewed.body.link)
    expect(fresh).toMatch(/^swe_[A-Za-z0-9_-]{32}$/)
    expect(fresh).not.toBe(old)
    expect((await call('GET', `/api/ratings/${s.id}/ballot`, { token: old })).status).toBe(401)
    expect((await rate(s.id, old, p.determinant, p.strategy, { relevance: 1 })).status).toBe(401)
    const mine = await call('GET', `/api/ratings/${s.id}/ballot`, { token: fresh })
    expect([mine.status, mine.body.expert]).toEqual([200, 'E01'])
    expect(mine.body.links[0].answer).toMatchObject({ relevance: 7, comment: 'eerst' })
    // The owner sees the new link from now on; the others keep theirs.
    const study = await call('GET', `/api/ratings/${s.id}`, { token: s.ownerToken })
    expect(study.body.experts.map((e: any) => tokenOf(e.link))).toEqual([fresh, ...s.expertTokens.slice(1)])
    expect((await call('GET', `/api/ratings/${s.id}/ballot`, { token: other })).status).toBe(200)
    // Again: a third link, and the second stops working too. The database keeps only hashes.
    const third = tokenOf((await call('POST', `/api/ratings/${s.id}/experts/E01/link`, { token: s.ownerToken })).body.link)
    expect(new Set([old, fresh, third]).size).toBe(3)
    expect((await call('GET', `/api/ratings/${s.id}/ballot`, { token: fresh })).status).toBe(401)
    expect(JSON.stringify(await t.query('SELECT * FROM rating_experts'))).not.toContain(third)
  })

  test('an unknown or malformed pseudonym is refused, naming it; another study’s owner gets 404', async () => {
    const s = await newStudy({}, 2)
    const other = await newStudy()
    const unknown = await call('POST', `/api/ratings/${s.id}/experts/E07/link`, { token: s.ownerToken })
    expect([unknown.status, unknown.body.error.message]).toEqual([404, 'This study has no expert E07'])
    const malformed = await call('POST', `/api/ratings/${s.id}/experts/Jan/link`, { token: s.ownerToken })
    expect([malformed.status, malformed.body.error.issues[0].path]).toEqual([400, 'pseudonym'])
    expect((await call('POST', `/api/ratings/${s.id}/experts/E01/link`, { token: other.ownerToken })).status).toBe(404)
    expect((await call('POST', `/api/ratings/${s.id}/experts/E01/link`, { token: s.expertTokens[0] })).status).toBe(401)
    // Nothing changed: the first link still works.
    expect((await call('GET', `/api/ratings/${s.id}/ballot`, { token: s.expertTokens[0] })).status).toBe(200)
  })
})

describe('deleting a study', () => {
  const count = async (table: string, studyId: string) =>
    Number((await t.query(`SELECT count(*) AS n FROM ${table} WHERE study_id = '${studyId}'`))[0]?.n)

  test('takes the experts, links and answers with it at once; its links stop working; other studies stay', async () => {
    const s = await newStudy()
    const other = await newStudy()
    const [p] = s.pairs as [{ determinant: number; strategy: string }]
    for (const study of [s, other]) expect((await rate(study.id, study.expertTokens[0] as string, p.determinant, p.strategy, { relevance: 7 })).status).toBe(200)
    expect((await call('DELETE', `/api/ratings/${s.id}`, { token: s.ownerToken })).status).toBe(204)
    for (const table of ['rating_experts', 'rating_links', 'rating_answers']) expect(await count(table, s.id), table).toBe(0)
    expect(await t.query(`SELECT id FROM rating_studies WHERE id = '${s.id}'`)).toEqual([])
    expect((await call('GET', `/api/ratings/${s.id}`, { token: s.ownerToken })).status).toBe(401)
    expect((await call('GET', `/api/ratings/${s.id}/ballot`, { token: s.expertTokens[0] })).status).toBe(401)
    expect((await call('DELETE', `/api/ratings/${s.id}`, { token: s.ownerToken })).status).toBe(401)
    // The other study keeps everything.
    const results = await call('GET', `/api/ratings/${other.id}/results`, { token: other.ownerToken })
    expect(results.body.rounds[0].links[0].relevance.n).toBe(1)
    expect(await count('rating_experts', other.id)).toBe(4)
  })

  test('is refused while the study is a source of the knowledge base, and allowed once it is taken out', async () => {
    const s = await newStudy({ rounds: 1 })
    const [p] = s.pairs as [{ determinant: number; strategy: string }]
    for (const token of s.expertTokens) await rate(s.id, token, p.determinant, p.strategy, { relevance: 8 })
    clock += 1000
    expect((await call('POST', `/api/ratings/${s.id}/rounds/end`, { token: s.ownerToken, body: { round: 1 } })).status).toBe(200)
    expect((await call('POST', `/api/ratings/${s.id}/knowledge-base`, { token: s.ownerToken, admin: ADMIN })).status).toBe(200)
    const refused = await call('DELETE', `/api/ratings/${s.id}`, { token: s.ownerToken })
    expect([refused.status, refused.body.error.code]).toEqual([409, 'in_knowledge_base'])
    expect(refused.body.error.message).toMatch(/remove it from there first/)
    expect(await count('rating_answers', s.id)).toBe(4)
    expect((await call('DELETE', `/api/ratings/${s.id}/knowledge-base`, { token: s.ownerToken, admin: ADMIN })).status).toBe(204)
    expect((await call('DELETE', `/api/ratings/${s.id}`, { token: s.ownerToken })).status).toBe(204)
    expect(await count('rating_answers', s.id)).toBe(0)
  })
})

describe('authorisation', () => {
  test('every owner route: 401 without, with a malformed, an unknown, an expert or a facilitator token; 404 with another study\u2019s owner token', async () => {
    const s = await newStudy()
    const other = await newStudy()
    const network = (await call('POST', '/api/networks', { body: { name: 'Regio' } })).body
    const school = (await call('POST', '/api/workspaces', { body: { name: 'School', innovation: 'Welbevinden' } })).body
    const round = (await call('POST', `/api/workspaces/${school.id}/rounds`, { token: school.teamToken, body: { label: 'Nulmeting' } })).body
    const base = `/api/ratings/${s.id}`
    const routes: [string, string, unknown?][] = [
      ['GET', base],
      ['POST', `${base}/experts`, { count: 1 }],
      ['GET', `${base}/results`],
      ['GET', `${base}/export`],
      ['POST', `${base}/rounds/end`, { round: 1 }],
      ['DELETE', `${base}/knowledge-base`],
      ['POST', `${base}/knowledge-base`],
      ['POST', `${base}/experts/E01/link`],
      // Last: with the right token it deletes the study.
      ['DELETE', base],
    ]
    const credentials: [string, string | undefined, number][] = [
      ['none', undefined, 401],
      ['malformed', 'not-a-token', 401],
      ['unknown', `swo_${'A'.repeat(32)}`, 401],
      ['expert token', s.expertTokens[0], 401],
      ['facilitator token', network.facilitatorToken, 401],
      ['team token', school.teamToken, 401],
      ['respondent token', round.respondentToken, 401],
      ['the administrator token as a bearer', ADMIN, 401],
      ['another study\u2019s owner', other.ownerToken, 404],
    ]
    for (const [method, path, body] of routes) {
      for (const [name, token, expected] of credentials) {
        const res = await call(method, path, { token, body, admin: ADMIN })
        expect(res.status, `${method} ${path} with ${name}`).toBe(expected)
      }
    }
    // The right token opens each.
    // (Ending round 1 without answers leaves it open with rounds to come: feeding is then 409.)
    const expected: Record<string, number> = { [`GET ${base}`]: 200, [`POST ${base}/experts`]: 201, [`GET ${base}/results`]: 200, [`GET ${base}/export`]: 200, [`POST ${base}/rounds/end`]: 200, [`DELETE ${base}/knowledge-base`]: 404, [`POST ${base}/knowledge-base`]: 409, [`POST ${base}/experts/E01/link`]: 200, [`DELETE ${base}`]: 204 }
    for (const [method, path, body] of routes) {
      const res = await call(method, path, { token: s.ownerToken, body, admin: ADMIN })
      expect(res.status, `${method} ${path} with the owner token`).toBe(expected[`${method} ${path}`])
    }
  })

  test('every expert route: 401 without, with the owner\u2019s or an unknown token; 404 with an expert of another study', async () => {
    const s = await newStudy()
    const other = await newStudy()
    const [p] = s.pairs as [{ determinant: number; strategy: string }]
    const network = (await call('POST', '/api/networks', { body: { name: 'Regio' } })).body
    const school = (await call('POST', '/api/workspaces', { body: { name: 'School', innovation: 'Welbevinden' } })).body
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/ratings/${s.id}/ballot`],
      ['PUT', `/api/ratings/${s.id}/ballot`, { determinant: p.determinant, strategy: p.strategy, relevance: 5 }],
    ]
    const credentials: [string, string | undefined, number][] = [
      ['none', undefined, 401],
      ['malformed', 'swe_short', 401],
      ['unknown', `swe_${'A'.repeat(32)}`, 401],
      ['owner token', s.ownerToken, 401],
      ['facilitator token', network.facilitatorToken, 401],
      ['team token', school.teamToken, 401],
      ['another study\u2019s expert', other.expertTokens[0], 404],
    ]
    for (const [method, path, body] of routes) {
      for (const [name, token, expected] of credentials) {
        expect((await call(method, path, { token, body })).status, `${method} ${path} with ${name}`).toBe(expected)
      }
      expect((await call(method, path, { token: s.expertTokens[0], body })).status).toBe(200)
    }
    // The other study's expert wrote nothing here.
    const results = await call('GET', `/api/ratings/${s.id}/results`, { token: s.ownerToken })
    expect(results.body.rounds[0].links[0].relevance.n).toBe(1)
  })
})

describe('rate limit', () => {
  test('a panel in one room saves past the address limit; each expert link has a person’s allowance', async () => {
    const s = await newStudy({}, 3)
    const limited = t.app({ tokenSecret: 'b'.repeat(64), now: () => clock, rateLimit: { perMinute: 1, burst: 2, now: () => clock } })
    const [a, b, c] = s.expertTokens
    const [p, q] = s.pairs
    if (!a || !b || !c || !p || !q) throw new Error('study without experts or pairs')
    const save = (token: string, relevance: number, pair = p) =>
      call('PUT', `/api/ratings/${s.id}/ballot`, { on: limited, token, body: { determinant: pair.determinant, strategy: pair.strategy, relevance } })
    // The address's own allowance is used up by other changes …
    for (let i = 0; i < 2; i++) expect((await call('POST', '/api/ratings', { on: limited, body: { name: 'x', selection: { kind: 'determinants', determinants: [4] }, experts: 1 } })).status).toBe(201)
    expect((await call('POST', '/api/ratings', { on: limited, body: { name: 'x', selection: { kind: 'determinants', determinants: [4] }, experts: 1 } })).status).toBe(429)
    // … yet every expert in the room still saves, each up to the burst of one person.
    expect((await save(a, 5)).status).toBe(200)
    expect((await save(a, 6, q)).status).toBe(200)
    const refused = await save(a, 7)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBeTruthy()
    expect((await save(b, 5)).status).toBe(200)
    expect((await save(c, 5)).status).toBe(200)
    // What was refused was not stored; what was saved stays.
    const mine = await call('GET', `/api/ratings/${s.id}/ballot`, { on: limited, token: a })
    const answerOf = (pair: { determinant: number; strategy: string }) =>
      mine.body.links.find((l: any) => l.determinant.number === pair.determinant && l.strategy.id === pair.strategy)?.answer?.relevance
    expect([answerOf(p), answerOf(q)]).toEqual([5, 6])
    // Made-up tokens each open a count of their own, but the room's allowance bounds them all:
    // 200 saves from one address, of which five were the experts' above.
    const statuses: number[] = []
    for (let i = 0; i < 196; i++) statuses.push((await save(`swe_${String(i).padStart(32, 'x')}`, 5)).status)
    expect(statuses.slice(0, 195).every((status) => status === 401)).toBe(true)
    expect(statuses[195]).toBe(429)
  })
})
