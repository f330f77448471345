import { afterAll, describe, expect, test } from 'vitest'
import { MAX_ERROR_TEXT, MAX_ISSUES } from '../../server/http/errors.ts'
import {
  MAX_ACTOR_LIST,
  MAX_ANSWERS,
  MAX_DETERMINANT_LIST,
  MAX_ID_CHARS,
  MAX_RESPONDENTS,
  MAX_SOURCE_LIST,
  MAX_STRATEGY_LIST,
  MAX_TEXT_CHARS,
  mergeBarriers,
} from '../../server/schemas/api.ts'
import { loadedApp } from '../support/db.ts'

const t = loadedApp()
afterAll(() => t.close())

const post = async (path: string, body: unknown) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) as any }
}
const get = async (path: string) => {
  const res = await t.app.request(path)
  return { status: res.status, bytes: (await res.arrayBuffer()).byteLength }
}

const reference = (await (await t.app.request('/api/reference')).json()) as { sources: { id: string }[] }
const sources = reference.sources.map((s) => s.id)
const strategies = ((await (await t.app.request('/api/strategies')).json()) as { strategies: { id: string }[] }).strategies.map((s) => s.id)
const all29 = Array.from({ length: 29 }, (_, i) => i + 1)

/** Ceiling on any answer, whatever the (valid) input: well under a megabyte. */
const MAX_RESPONSE_BYTES = 512 * 1024

describe('duplicates in request lists', () => {
  test('collapse in sources, exclude and inUse: the answer is the same as without them', async () => {
    const once = await post('/api/recommendations', {
      barriers: [16, 23],
      sources: ['waltz-2019-table1', 'kok-2016-im-taxonomy'],
      plan: { exclude: ['champions'], inUse: ['dynamic-training'], actors: ['teachers'] },
    })
    const repeated = await post('/api/recommendations', {
      barriers: [16, 23, 16],
      sources: ['waltz-2019-table1', 'kok-2016-im-taxonomy', 'waltz-2019-table1', 'kok-2016-im-taxonomy'],
      plan: { exclude: ['champions', 'champions'], inUse: ['dynamic-training', 'dynamic-training'], actors: ['teachers', 'teachers'] },
    })
    expect(once.status).toBe(200)
    expect(repeated.body).toEqual(once.body)
  })

  test('collapse in the strategies of a coverage check', async () => {
    const once = await post('/api/coverage', { barriers: [16, 17, 23], strategies: ['dynamic-training', 'educational-meetings'] })
    const repeated = await post('/api/coverage', {
      barriers: [16, 17, 23],
      strategies: ['dynamic-training', 'educational-meetings', 'dynamic-training', 'educational-meetings', 'dynamic-training'],
    })
    expect(once.status).toBe(200)
    expect(repeated.body).toEqual(once.body)
  })

  test('a barrier named twice counts once, with its highest severity, in the place first named', async () => {
    const { status, body } = await post('/api/recommendations', {
      barriers: [
        { determinant: 23, severity: 0.2 },
        { determinant: 4, severity: 0.5 },
        { determinant: 23, severity: 0.7 },
        { determinant: 4, severity: 0.1 },
      ],
      limit: 3,
    })
    expect(status).toBe(200)
    expect(body.barriers.map((b: any) => [b.determinant, b.severity])).toEqual([
      [23, 0.7],
      [4, 0.5],
    ])
    expect(body.severityKind).toBe('given')
  })

  test.for([
    [[23, { determinant: 23, severity: 0.3 }], [23]],
    [[{ determinant: 23, severity: 0.3 }, 23], [23]],
    [[{ determinant: 23 }, { determinant: 23, severity: 0.9 }], [{ determinant: 23 }]],
    [[5, 4, 5, { determinant: 4, severity: 1 }], [5, 4]],
  ] as const)('mergeBarriers(%j) keeps %j: a bare number weighs 1, the most', ([input, expected]) => {
    expect(mergeBarriers(input as any)).toEqual(expected)
  })

  test("collapse in a profile's barriers and determinants", async () => {
    const profile = (await post('/api/score', { responses: [{ answers: { d04: 5, d23: 1 } }, { answers: { d04: 2 } }] })).body
    const doubled = { ...profile, barriers: [...profile.barriers, ...profile.barriers], determinants: [...profile.determinants, ...profile.determinants] }
    const once = await post('/api/recommendations', { profile, limit: 5 })
    const twice = await post('/api/recommendations', { profile: doubled, limit: 5 })
    expect(once.status).toBe(200)
    expect(once.body.barriers.length).toBeGreaterThan(0)
    expect(twice.body).toEqual(once.body)
  })
})

describe('lists and strings longer than the knowledge base could need', () => {
  const ids = (n: number, prefix = 's') => Array.from({ length: n }, (_, i) => `${prefix}${i}`)
  test.for([
    ['/api/recommendations', { barriers: Array(MAX_DETERMINANT_LIST + 1).fill(23) }, 'barriers'],
    ['/api/recommendations', { barriers: [23], sources: Array(MAX_SOURCE_LIST + 1).fill(sources[0]) }, 'sources'],
    ['/api/recommendations', { barriers: [23], plan: { exclude: ids(MAX_STRATEGY_LIST + 1) } }, 'plan.exclude'],
    ['/api/recommendations', { barriers: [23], plan: { inUse: Array(MAX_STRATEGY_LIST + 1).fill('champions') } }, 'plan.inUse'],
    ['/api/recommendations', { barriers: [23], plan: { actors: Array(MAX_ACTOR_LIST + 1).fill('teachers') } }, 'plan.actors'],
    ['/api/recommendations', { profile: { determinants: [], barriers: Array(MAX_DETERMINANT_LIST + 1).fill(4) } }, 'profile.barriers'],
    ['/api/recommendations', { profile: { determinants: Array(MAX_DETERMINANT_LIST + 1).fill({ number: 4, negativeShare: 0.5, status: 'barrier' }), barriers: [4] } }, 'profile.determinants'],
    ['/api/coverage', { barriers: [23], strategies: Array(MAX_STRATEGY_LIST + 1).fill('champions') }, 'strategies'],
    ['/api/coverage', { barriers: [23], strategies: ['champions'], plan: { exclude: ids(MAX_STRATEGY_LIST + 1) } }, 'plan.exclude'],
    ['/api/score', { responses: Array(MAX_RESPONDENTS + 1).fill({ answers: {} }) }, 'responses'],
    ['/api/score', { responses: [{ answers: Object.fromEntries(ids(MAX_ANSWERS + 1, 'd').map((id) => [id, 1])) }] }, 'responses.0.answers'],
    ['/api/score', { responses: [{ respondent: 'x'.repeat(MAX_TEXT_CHARS + 1), answers: {} }] }, 'responses.0.respondent'],
    ['/api/recommendations', { barriers: [23], sources: ['a'.repeat(MAX_ID_CHARS + 1)] }, 'sources.0'],
  ] as const)('%s answers 400 naming the over-long field (case %#)', async ([path, body, field]) => {
    const res = await post(path, body)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_request')
    expect(res.body.error.issues.map((i: any) => i.path)).toContain(field)
  })

  test('a search longer than the bound answers 400 naming q', async () => {
    const res = await t.app.request(`/api/strategies?q=${'a'.repeat(MAX_TEXT_CHARS + 1)}`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as any).error.issues[0].path).toBe('q')
  })

  test('a list at its bound is accepted', async () => {
    const res = await post('/api/recommendations', {
      barriers: Array.from({ length: MAX_DETERMINANT_LIST }, (_, i) => (i % 29) + 1),
      sources: Array.from({ length: MAX_SOURCE_LIST }, (_, i) => sources[i % sources.length]),
      limit: 1,
    })
    expect(res.status).toBe(200)
    expect(res.body.barriers).toHaveLength(29)
  })
})

describe('unknown ids', () => {
  test.for([
    ['/api/recommendations', { barriers: [23], plan: { inUse: ['champions', 'made-up'] } }, 'plan.inUse.1'],
    ['/api/recommendations', { barriers: [23], plan: { exclude: ['made-up', 'made-up'] } }, 'plan.exclude.0'],
    ['/api/recommendations', { barriers: [23], sources: ['nowhere'] }, 'sources.0'],
    ['/api/coverage', { barriers: [23], strategies: ['champions'], plan: { exclude: ['made-up'] } }, 'plan.exclude.0'],
    ['/api/coverage', { barriers: [23], strategies: ['champions'], sources: ['nowhere'] }, 'sources.0'],
  ] as const)('%s answers 422 naming the unknown id (case %#)', async ([path, body, field]) => {
    const res = await post(path, body)
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('invalid_reference')
    expect(res.body.error.issues.map((i: any) => i.path)).toEqual([field])
  })
})

describe('the size of an answer', () => {
  test('stays bounded for the worst valid requests', async () => {
    const worst = [
      await post('/api/recommendations?lang=en', { barriers: all29 }),
      await post('/api/recommendations?lang=en', { barriers: all29.map((d) => ({ determinant: d, severity: 1 })), sources, limit: 200 }),
      await post('/api/recommendations?lang=en', { barriers: all29, mode: 'bundle', limit: 200 }),
      await post('/api/coverage?lang=en', { barriers: all29, strategies: strategies.slice(0, 1), suggestions: 20 }),
      await post('/api/coverage?lang=en', { barriers: all29, strategies, suggestions: 20 }),
      await post('/api/score?lang=en', {
        responses: Array.from({ length: MAX_RESPONDENTS }, (_, i) => ({ respondent: 'r'.repeat(MAX_TEXT_CHARS - 4) + i, answers: { d04: 5 } })),
      }),
    ]
    for (const r of worst) {
      expect(r.status).toBe(200)
      expect(r.bytes).toBeLessThan(MAX_RESPONSE_BYTES)
    }
    for (const path of ['/api/links?lang=en', '/api/links?format=csv', '/api/strategies?lang=en', '/api/determinants', '/api/openapi.json']) {
      const r = await get(path)
      expect(r.status, path).toBe(200)
      expect(r.bytes, path).toBeLessThan(MAX_RESPONSE_BYTES)
    }
  })

  test('a million barriers is refused in a small answer, without echoing them', async () => {
    const res = await post('/api/recommendations', { barriers: Array(1_000_000).fill(1) })
    expect(res.status).toBe(400)
    expect(res.bytes).toBeLessThan(1024)
  })

  test('errors never echo a large body: texts are clipped, issues counted', async () => {
    const hugeKey = await post('/api/recommendations', { barriers: [23], ['k'.repeat(500_000)]: 1 })
    expect(hugeKey.status).toBe(400)
    expect(hugeKey.bytes).toBeLessThan(4 * MAX_ERROR_TEXT)
    const manyKeys = await post('/api/recommendations', Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, 1])))
    expect(manyKeys.status).toBe(400)
    expect(manyKeys.bytes).toBeLessThan(4 * MAX_ERROR_TEXT)
    const badAnswers = await post('/api/score', {
      responses: Array.from({ length: 500 }, () => ({ answers: Object.fromEntries(Array.from({ length: MAX_ANSWERS }, (_, i) => [`d${i}`, 'x'])) })),
    })
    expect(badAnswers.status).toBe(400)
    expect(badAnswers.body.error.issues.length).toBeLessThanOrEqual(MAX_ISSUES)
    expect(badAnswers.bytes).toBeLessThan(MAX_ISSUES * 2 * MAX_ERROR_TEXT)
  })
})
