import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../support/dialects.ts'
import { MAX_BODY_BYTES } from '../../server/app.ts'
import { STUDY_LIMITS } from '../../server/domain/expert-rating.ts'
import { NETWORK_LIMITS } from '../../server/domain/network.ts'
import { IMPORT_LIMITS } from '../../server/schemas/survey-import.ts'
import { MAX_ID_CHARS, MAX_STRATEGY_LIST } from '../../server/schemas/api.ts'

/** One past every bound of the routes of networks, survey imports, templates and expert rating studies. */
const t = await testStore()
const app = t.app({ tokenSecret: 'c'.repeat(64) })
afterAll(() => t.close())

async function call(method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  const json = res.headers.get('content-type')?.includes('json')
  return { status: res.status, body: text && json ? JSON.parse(text) : text }
}
const issuePath = (r: { body: any }) => r.body.error.issues?.[0]?.path

describe('networks', () => {
  test('a name one past its bound, and a minimum group size outside 3…500, are 400 naming the field', async () => {
    expect(issuePath(await call('POST', '/api/networks', { body: { name: 'x'.repeat(NETWORK_LIMITS.name + 1) } }))).toBe('name')
    const low = await call('POST', '/api/networks', { body: { name: 'Regio', minGroupSize: 2 } })
    expect([low.status, issuePath(low)]).toEqual([400, 'minGroupSize'])
    const high = await call('POST', '/api/networks', { body: { name: 'Regio', minGroupSize: NETWORK_LIMITS.minGroupSize + 1 } })
    expect([high.status, issuePath(high)]).toEqual([400, 'minGroupSize'])
    const ok = await call('POST', '/api/networks', { body: { name: 'x'.repeat(NETWORK_LIMITS.name) } })
    expect(ok.status).toBe(201)
  })
})

describe('survey imports', () => {
  async function round() {
    const ws = (await call('POST', '/api/workspaces', { body: { name: 'School', innovation: 'Welbevinden' } })).body
    const r = (await call('POST', `/api/workspaces/${ws.id}/rounds`, { token: ws.teamToken, body: { label: 'Nulmeting' } })).body
    return { base: `/api/workspaces/${ws.id}/rounds/${r.id}/imports/preview`, token: ws.teamToken as string }
  }
  const file = Buffer.from('d01\n4\n').toString('base64')

  test('a mapping one past its bounds (columns, header length, answers per item) is 400 naming the mapping', async () => {
    const { base, token } = await round()
    const columns = Object.fromEntries(Array.from({ length: IMPORT_LIMITS.maxMappedColumns + 1 }, (_, i) => [`c${i}`, 'ignored']))
    const tooMany = await call('POST', base, { token, body: { file, mapping: { columns } } })
    expect([tooMany.status, issuePath(tooMany)]).toEqual([400, 'mapping.columns'])
    const longHeader = await call('POST', base, { token, body: { file, mapping: { columns: { ['h'.repeat(IMPORT_LIMITS.maxHeaderChars + 1)]: 'ignored' } } } })
    expect(longHeader.status).toBe(400)
    expect(issuePath(longHeader)).toMatch(/^mapping\.columns/)
    const values = Object.fromEntries(Array.from({ length: IMPORT_LIMITS.maxMappedValues + 1 }, (_, i) => [`v${i}`, null]))
    const tooManyValues = await call('POST', base, { token, body: { file, mapping: { values: { d01: values } } } })
    expect([tooManyValues.status, issuePath(tooManyValues)]).toEqual([400, 'mapping.values.d01'])
    const longName = await call('POST', base, { token, body: { file, name: 'n'.repeat(256) } })
    expect([longName.status, issuePath(longName)]).toEqual([400, 'name'])
    const within = await call('POST', base, { token, body: { file, mapping: { columns: { d01: 'd01' } } } })
    expect(within.status).toBe(200)
  })

  test('a body past the request limit is 413 before anything is read', async () => {
    const { base, token } = await round()
    const res = await call('POST', base, { token, body: { file: 'A'.repeat(MAX_BODY_BYTES) } })
    expect(res.status).toBe(413)
  })
})

describe('templates', () => {
  test('needs no credential, and answers only the known tools and languages', async () => {
    expect((await call('GET', '/api/templates/limesurvey?lang=nl')).status).toBe(200)
    expect((await call('GET', '/api/templates/qualtrics?lang=en', { token: `swt_${'A'.repeat(32)}` })).status).toBe(200)
    expect((await call('GET', `/api/templates/${'x'.repeat(300)}`)).status).toBe(400)
    expect(issuePath(await call('GET', '/api/templates/qualtrics?lang=de'))).toBe('lang')
  })
})

describe('expert rating studies', () => {
  const base = { name: 'Panel', selection: { kind: 'determinants', determinants: [4] } }
  const create = (over: Record<string, unknown>) => call('POST', '/api/ratings', { body: { ...base, ...over } })

  test('one past each bound of a new study is 400 naming the field; at the bound it is created', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x'.repeat(STUDY_LIMITS.name + 1) }, 'name'],
      [{ rounds: STUDY_LIMITS.rounds + 1 }, 'rounds'],
      [{ rounds: 0 }, 'rounds'],
      [{ experts: STUDY_LIMITS.experts + 1 }, 'experts'],
      [{ rule: { kind: 'agreement', threshold: 1.01 } }, 'rule.threshold'],
      [{ rule: { kind: 'agreement', threshold: 0.49 } }, 'rule.threshold'],
      [{ selection: { kind: 'determinants', determinants: Array.from({ length: STUDY_LIMITS.determinants + 1 }, () => 4) } }, 'selection.determinants'],
      [{ selection: { kind: 'determinants', determinants: [30] } }, 'selection.determinants.0'],
      [{ selection: { kind: 'pairs', pairs: Array.from({ length: STUDY_LIMITS.links + 1 }, () => ({ determinant: 4, strategy: 'audit-and-feedback' })) } }, 'selection.pairs'],
      [{ selection: { kind: 'pairs', pairs: [{ determinant: 'd'.repeat(STUDY_LIMITS.pairName + 1), strategy: 'audit-and-feedback' }] } }, 'selection.pairs.0.determinant'],
    ]
    for (const [over, path] of cases) {
      const res = await create(over)
      expect([res.status, issuePath(res)], JSON.stringify(over).slice(0, 80)).toEqual([400, path])
    }
    const atBounds = await create({ name: 'x'.repeat(STUDY_LIMITS.name), rounds: STUDY_LIMITS.rounds, experts: STUDY_LIMITS.experts, rule: { kind: 'agreement', threshold: 1 } })
    expect(atBounds.status).toBe(201)
    expect(atBounds.body.experts).toHaveLength(STUDY_LIMITS.experts)
  })

  test('more experts than a study holds is 409; a count past its bound is 400 naming it', async () => {
    const s = (await create({ experts: STUDY_LIMITS.experts - 1 })).body
    const over = await call('POST', `/api/ratings/${s.id}/experts`, { token: s.ownerToken, body: { count: STUDY_LIMITS.experts + 1 } })
    expect([over.status, issuePath(over)]).toEqual([400, 'count'])
    const full = await call('POST', `/api/ratings/${s.id}/experts`, { token: s.ownerToken, body: { count: 2 } })
    expect([full.status, full.body.error.code]).toEqual([409, 'limit_reached'])
    expect((await call('POST', `/api/ratings/${s.id}/experts`, { token: s.ownerToken, body: { count: 1 } })).status).toBe(201)
  })

  test('an answer one past its bounds is 400 naming the field', async () => {
    const s = (await create({ experts: 1, feasibility: true })).body
    const token = s.experts[0].link.split('#')[1]
    const put = (body: Record<string, unknown>) => call('PUT', `/api/ratings/${s.id}/ballot`, { token, body: { determinant: 4, strategy: 'pdsa-cycles', ...body } })
    for (const [body, path] of [
      [{ relevance: 0 }, 'relevance'],
      [{ relevance: 10 }, 'relevance'],
      [{ relevance: 7.5 }, 'relevance'],
      [{ feasibility: 10 }, 'feasibility'],
      [{ comment: 'x'.repeat(STUDY_LIMITS.comment + 1) }, 'comment'],
      [{ determinant: 30 }, 'determinant'],
      [{ strategy: 'X'.repeat(10) }, 'strategy'],
    ] as const) {
      const res = await put(body)
      expect([res.status, issuePath(res)], JSON.stringify(body).slice(0, 60)).toEqual([400, path])
    }
    expect((await put({ relevance: 9, feasibility: 1, comment: 'x'.repeat(STUDY_LIMITS.comment) })).status).toBe(200)
  })

  test('a stale or impossible round to end is refused naming the round', async () => {
    const s = (await create({})).body
    const res = await call('POST', `/api/ratings/${s.id}/rounds/end`, { token: s.ownerToken, body: { round: STUDY_LIMITS.rounds + 1 } })
    expect([res.status, issuePath(res)]).toEqual([400, 'round'])
  })
})

describe('data for analysis and subgroups', () => {
  test('a round id one character past its form, an unknown language or an extra query key is 400 naming it', async () => {
    const ws = (await call('POST', '/api/workspaces', { body: { name: 'School', innovation: 'Welbevinden' } })).body
    const r = (await call('POST', `/api/workspaces/${ws.id}/rounds`, { token: ws.teamToken, body: { label: 'Nulmeting' } })).body
    const w = `/api/workspaces/${ws.id}`
    const token = ws.teamToken as string
    expect(issuePath(await call('GET', `${w}/export/long?round=${'A'.repeat(17)}`, { token }))).toBe('round')
    expect(issuePath(await call('GET', `${w}/export/spss?lang=de`, { token }))).toBe('lang')
    expect((await call('GET', `${w}/export/codebook?lang=nl&x=1`, { token })).status).toBe(400)
    expect(issuePath(await call('GET', `${w}/rounds/${r.id}/profile/groups?lang=fr`, { token }))).toBe('lang')
    expect(issuePath(await call('GET', `${w}/rounds/${r.id}/profile?group=${'g'.repeat(81)}`, { token }))).toBe('group')
    expect((await call('GET', `${w}/export/long?round=${r.id}`, { token })).status).toBe(200)
  })
})

describe('the network export and the recommendation options', () => {
  test('the network export takes only a known language and no other query key', async () => {
    const n = (await call('POST', '/api/networks', { body: { name: 'Regio' } })).body
    const base = `/api/networks/${n.id}/export/long`
    expect(issuePath(await call('GET', `${base}?lang=fr`, { token: n.facilitatorToken }))).toBe('lang')
    expect((await call('GET', `${base}?lang=nl&x=1`, { token: n.facilitatorToken })).status).toBe(400)
    expect((await call('GET', `${base}?lang=nl`, { token: n.facilitatorToken })).status).toBe(200)
  })

  test('feasibility ratings one past the strategy list, a strategy id past its length, and an unknown view are 400 naming them', async () => {
    const many = Object.fromEntries(Array.from({ length: MAX_STRATEGY_LIST + 1 }, (_, i) => [`s${i}`, 3]))
    const post = (path: string, body: unknown) => call('POST', path, { body })
    expect(issuePath(await post('/api/recommendations', { barriers: [23], order: 'feasibility', feasibility: many }))).toBe('feasibility')
    expect(issuePath(await post('/api/recommendations', { barriers: [23], order: 'feasibility', feasibility: { ['a'.repeat(MAX_ID_CHARS + 1)]: 3 } }))).toMatch(/^feasibility/)
    expect(issuePath(await post('/api/recommendations?view=tiny', { barriers: [23] }))).toBe('view')
    // At the bound of a real list it answers.
    expect((await post('/api/recommendations?view=compact', { barriers: [23], order: 'feasibility', feasibility: { champions: 5 } })).status).toBe(200)
  })
})

describe('deleting a study, a new expert link, a new facilitator link', () => {
  test('a pseudonym past its form is 400 naming it; an id past its form opens nothing; a body past the limit is 413', async () => {
    const s = (await call('POST', '/api/ratings', { body: { name: 'Panel', selection: { kind: 'determinants', determinants: [4] }, experts: 1 } })).body
    const n = (await call('POST', '/api/networks', { body: { name: 'Regio' } })).body
    const renew = (pseudonym: string) => call('POST', `/api/ratings/${s.id}/experts/${pseudonym}/link`, { token: s.ownerToken })
    for (const pseudonym of ['E1', 'E0001', 'x'.repeat(300), 'E01%2F..']) {
      const res = await renew(pseudonym)
      expect([res.status, issuePath(res)], pseudonym.slice(0, 20)).toEqual([400, 'pseudonym'])
    }
    for (const [method, path, token] of [
      ['POST', `/api/ratings/${'A'.repeat(300)}/experts/E01/link`, s.ownerToken],
      ['DELETE', `/api/ratings/${'A'.repeat(300)}`, s.ownerToken],
      ['POST', `/api/networks/${'A'.repeat(300)}/facilitator-link`, n.facilitatorToken],
    ] as const) {
      const res = await call(method, path, { token })
      expect(res.status, `${method} ${path.slice(0, 40)}`).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
    }
    // None of them reads a body; one past the request limit is refused before anything runs.
    for (const [method, path, token] of [
      ['POST', `/api/ratings/${s.id}/experts/E01/link`, s.ownerToken],
      ['DELETE', `/api/ratings/${s.id}`, s.ownerToken],
      ['POST', `/api/networks/${n.id}/facilitator-link`, n.facilitatorToken],
    ] as const) {
      expect((await call(method, path, { token, body: { pad: 'x'.repeat(MAX_BODY_BYTES) } })).status, `${method} ${path}`).toBe(413)
    }
    // The answers are one link each, whatever was sent: a few hundred bytes.
    const link = await call('POST', `/api/ratings/${s.id}/experts/E01/link`, { token: s.ownerToken, body: { pad: 'x'.repeat(1000) } })
    expect(link.status).toBe(200)
    expect(JSON.stringify(link.body).length).toBeLessThan(300)
    const facilitator = await call('POST', `/api/networks/${n.id}/facilitator-link`, { token: n.facilitatorToken })
    expect(facilitator.status).toBe(201)
    expect(JSON.stringify(facilitator.body).length).toBeLessThan(400)
    expect((await call('DELETE', `/api/ratings/${s.id}`, { token: s.ownerToken })).status).toBe(204)
  })
})
