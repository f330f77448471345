/**
 * Fuzzing every operation of the OpenAPI document with fast-check: valid-shaped requests
 * (built from the document's own schemas, with ids and answers the knowledge base knows) and
 * hostile ones (wrong types, unknown fields, repeated and over-long lists, broken JSON, odd
 * paths, query strings and host names). Whatever comes in, the server must answer without a
 * 5xx, with the error envelope on every 4xx, in a bounded size and a bounded time.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createApp } from '../../server/app.ts'
import { LOOPBACK_HOSTS } from '../../server/http/host-check.ts'
import { ErrorResponse } from '../../server/schemas/api.ts'
import { loadedApp } from '../support/db.ts'

const t = loadedApp()
afterAll(() => t.close())
const ADMIN_TOKEN = 'fuzz-admin-'.padEnd(40, 'z')
const app = createApp({ db: t.db, allowedHosts: LOOPBACK_HOSTS, adminToken: ADMIN_TOKEN })

/** Largest answer allowed for any request. */
const MAX_RESPONSE_BYTES = 512 * 1024
/**
 * Guards against a request that hangs or burns the CPU (real answers take a few milliseconds):
 * the CPU time this process spent on it, which other processes on a busy machine do not
 * inflate, and, more loosely, the wall-clock time. Under a full `npm test` on two cores a
 * 3 ms request was seen to take 1.8 s of wall-clock time.
 */
const MAX_CPU_MS = 500
const MAX_WALL_MS = 5000
/** Runs per property; 11 operations × 3 properties plus the others come to several thousand. */
const RUNS = 200

type JsonSchema = {
  type?: string | string[]
  enum?: unknown[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: JsonSchema | boolean
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  maxLength?: number
  pattern?: string
}
type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema: JsonSchema }
type Operation = {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}

const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
  servers: { url: string }[]
  paths: Record<string, Record<string, Operation>>
}
const base = doc.servers[0]?.url ?? '/api'
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op }))
)

// What the knowledge base knows, so that valid-shaped requests reach the engine.
const getJson = async (path: string) => (await t.app.request(path)).json() as Promise<any>
const strategyIds: string[] = (await getJson('/api/strategies')).strategies.map((s: any) => s.id)
const reference = await getJson('/api/reference')
const sourceIds: string[] = reference.sources.map((s: any) => s.id)
const knownIds = [...strategyIds, ...sourceIds, ...reference.clusters.map((c: any) => c.id), ...reference.methods.map((m: any) => m.id)]
const items: { id: string; options: { value: number }[] }[] = (await getJson('/api/questionnaire')).items

// ── Arbitraries ──────────────────────────────────────────────────────────────────────────

const slug = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}$/)
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '..', '../..', '%', '%00', '%E0%A4%A', '\u0000', '__proto__', 'constructor', '1e309', 'NaN', '-0', '0x1d', '१२'),
  fc.string({ minLength: 300, maxLength: 3000 })
)
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: -5, max: 40 }), { maxLength: 8 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 3 })
)

/** An answer map: item ids the questionnaire has (mostly), each with one of its options or null. */
const answers = fc.dictionary(
  fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...items.map((i) => i.id)) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }),
  fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 5 }) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: nastyValue }),
  { maxKeys: items.length }
)

/** A value of the given JSON schema (the subset zod writes), with short lists and known ids. */
function fromSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)))
  if (schema.enum) return fc.constantFrom(...schema.enum)
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => fromSchema({ ...schema, type }, depth)))
  switch (schema.type) {
    case 'object': {
      if (schema.properties) {
        const record: Record<string, fc.Arbitrary<unknown>> = {}
        for (const [key, value] of Object.entries(schema.properties)) record[key] = fromSchema(value, depth + 1)
        return fc.record(record, { requiredKeys: schema.required ?? [] })
      }
      return typeof schema.additionalProperties === 'object' ? answers : fc.constant({})
    }
    case 'array': {
      const maxLength = Math.min(schema.maxItems ?? 40, depth > 1 ? 4 : 12)
      return fc.array(fromSchema(schema.items ?? {}, depth + 1), { minLength: Math.min(schema.minItems ?? 0, maxLength), maxLength })
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 })
    case 'number':
      return fc.double({
        min: schema.exclusiveMinimum ?? schema.minimum ?? -1000,
        minExcluded: schema.exclusiveMinimum !== undefined,
        max: schema.maximum ?? 1000,
        noNaN: true,
      })
    case 'string':
      if (schema.pattern?.startsWith('^[a-z0-9]+')) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...knownIds) }, { weight: 1, arbitrary: slug })
      if (schema.pattern?.startsWith('^[1-9]')) return fc.integer({ min: 1, max: 40 }).map(String)
      return fc.string({ maxLength: Math.min(schema.maxLength ?? 30, 30) })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    default:
      return nastyValue
  }
}

/** A request body the engine accepts in shape: exactly one way of naming the barriers. */
const barrierInput = fc.oneof(
  fc.record({ barriers: fc.array(fc.oneof(fc.integer({ min: 1, max: 29 }), fc.record({ determinant: fc.integer({ min: 1, max: 29 }), severity: fc.double({ min: 0, max: 1, noNaN: true }) })), { maxLength: 35 }) }),
  fc.record({ responses: fc.array(fc.record({ respondent: fc.string({ maxLength: 20 }), answers }, { requiredKeys: ['answers'] }), { minLength: 1, maxLength: 12 }) })
)
const plan = fc.record(
  {
    phase: fc.constantFrom('preparation', 'start', 'full-implementation', 'sustainment'),
    actors: fc.array(fc.constantFrom('school-management', 'implementation-team', 'teachers', 'students', 'external-partner'), { maxLength: 8 }),
    maxEffort: fc.constantFrom('low', 'medium', 'high'),
    exclude: fc.array(fc.constantFrom(...strategyIds), { maxLength: 6 }),
    inUse: fc.array(fc.constantFrom(...strategyIds), { maxLength: 6 }),
  },
  { requiredKeys: [] }
)
const sources = fc.array(fc.constantFrom(...sourceIds), { minLength: 1, maxLength: 12 })
/** A small survey export in our own CSV: item columns and answers by value or label. */
const surveyUpload = fc
  .array(fc.constantFrom('1', '2', '3', '4', '5', 'Eens', 'Mee oneens', ''), { minLength: 1, maxLength: 8 })
  .map((cells) => ({ file: Buffer.from(`d01,d02\n${cells.map((c) => `${c},${c}`).join('\n')}\n`).toString('base64'), name: 'team.csv' }))

const validBodies: Record<string, fc.Arbitrary<unknown>> = {
  scoreResponses: fc.record({ responses: fc.array(fc.record({ answers }), { minLength: 1, maxLength: 20 }) }),
  recommendStrategies: fc
    .tuple(barrierInput, fc.record({ plan, sources, mode: fc.constantFrom('ranked', 'bundle'), weighting: fc.constantFrom('severity', 'equal'), limit: fc.integer({ min: 1, max: 200 }) }, { requiredKeys: [] }))
    .map(([a, b]) => ({ ...a, ...b })),
  checkCoverage: fc
    .tuple(barrierInput, fc.record({ strategies: fc.array(fc.constantFrom(...strategyIds), { minLength: 1, maxLength: 15 }), sources, suggestions: fc.integer({ min: 1, max: 20 }) }, { requiredKeys: ['strategies'] }))
    .map(([a, b]) => ({ ...a, ...b })),
  createWorkspace: fc.record({ name: fc.string({ minLength: 1, maxLength: 30 }).filter((x) => x.trim() !== ''), innovation: fc.constant('Welbevinden') }),
  importWorkspace: fc.constant({
    format: 'strategiewijzer-workspace',
    version: 1,
    exportedAt: 0,
    workspace: { name: 'School', innovation: 'Welbevinden', contact: '', groups: ['Docenten'], createdAt: 0, updatedAt: 0 },
    rounds: [],
  }),
  updateWorkspace: fc.record({ contact: fc.string({ maxLength: 30 }) }, { requiredKeys: [] }),
  createTeamToken: fc.record({ label: fc.constantFrom('Marieke', 'Zorg') }),
  createRound: fc.record({ label: fc.constantFrom('Nulmeting', 'Na cyclus 1') }),
  updateRound: fc.record({ state: fc.constantFrom('open', 'closed'), label: fc.constant('Ronde') }, { requiredKeys: [] }),
  savePlan: fc.record({ baseRevision: fc.constant(0), entries: fc.uniqueArray(fc.constantFrom(...strategyIds), { maxLength: 5 }).map((ids) => ids.map((strategy) => ({ strategy, spec: {} }))) }),
  submitAnswers: fc.record({ submissionId: fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/), answers }),
  ...Object.fromEntries(['previewSurveyImport', 'importSurvey'].map((id) => [id, surveyUpload])),
  createNetwork: fc.record({ name: fc.constantFrom('Regio Noord', 'Landelijk'), minGroupSize: fc.integer({ min: 3, max: 30 }) }, { requiredKeys: ['name'] }),
  updateNetwork: fc.record({ name: fc.constantFrom('Regio Oost'), minGroupSize: fc.integer({ min: 3, max: 30 }) }, { requiredKeys: [] }),
  // The fixture's unused invitation replaces this one (see INVITE below).
  joinNetwork: fc.constant({ inviteToken: `swi_${'A'.repeat(32)}` }),
  joinOuterNetwork: fc.constant({ inviteToken: `swi_${'A'.repeat(32)}` }),
  createRatingStudy: fc.record({ name: fc.constantFrom('Panel', 'Delphi'), selection: fc.constant({ kind: 'determinants', determinants: [4] }), rounds: fc.integer({ min: 1, max: 4 }), experts: fc.integer({ min: 0, max: 5 }) }, { requiredKeys: ['name', 'selection'] }),
  addRatingExperts: fc.record({ count: fc.integer({ min: 1, max: 5 }) }),
  endRatingRound: fc.record({ round: fc.constant(1), closeStudy: fc.boolean() }, { requiredKeys: ['round'] }),
  saveAnswer: fc.record({ determinant: fc.constant(4), strategy: fc.constant('pdsa-cycles'), relevance: fc.option(fc.integer({ min: 1, max: 9 })), comment: fc.option(fc.string({ maxLength: 40 })) }, { requiredKeys: ['determinant', 'strategy'] }),
}

/**
 * A fresh workspace with a round, a second team link and a submission: the values a
 * valid-shaped request to a workspace route names in its path, and the team token it sends.
 */
async function workspaceFixture() {
  const post = async (url: string, body: unknown, token?: string) =>
    (await (
      await app.request(url, {
        method: 'POST',
        headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
    ).json()) as any
  const ws = await post(`${base}/workspaces`, { name: 'Fuzz', innovation: 'Welbevinden' })
  const round = await post(`${base}/workspaces/${ws.id}/rounds`, { label: 'Nulmeting' }, ws.teamToken)
  const token = await post(`${base}/workspaces/${ws.id}/tokens`, { label: 'Tweede' }, ws.teamToken)
  await post(`${base}/respond/${round.respondentToken}`, { submissionId: 'fuzz-fixture', answers: { d04: 2 } })
  const submissions = await app.request(`${base}/workspaces/${ws.id}/rounds/${round.id}/submissions`, {
    headers: { authorization: `Bearer ${ws.teamToken}` },
  })
  const list = (await submissions.json()) as any
  // A network the workspace is in, and an invitation of it not yet used.
  const network = await post(`${base}/networks`, { name: 'Fuzz' })
  const joined = await post(`${base}/networks/${network.id}/invitations`, {}, network.facilitatorToken)
  await post(`${base}/workspaces/${ws.id}/networks`, { inviteToken: joined.inviteToken }, ws.teamToken)
  const invite = await post(`${base}/networks/${network.id}/invitations`, {}, network.facilitatorToken)
  return {
    token: ws.teamToken as string,
    values: { id: ws.id, roundId: round.id, tokenId: token.id, submissionId: list.submissions[0].id, token: round.respondentToken, from: round.id, to: round.id, network: network.id, invite: invite.inviteToken } as Record<string, string>,
  }
}

/** A network (the `id` of a network route) with a school, and an unused invitation of another network. */
async function networkFixture() {
  const ws = await workspaceFixture()
  const post = async (url: string, token: string) =>
    (await (await app.request(url, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: '{}' })).json()) as any
  const outer = (await (await app.request(`${base}/networks`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'Buiten' }) })).json()) as any
  const invite = await post(`${base}/networks/${outer.id}/invitations`, outer.facilitatorToken)
  const facilitator = (await (await app.request(`${base}/networks`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'Fuzz' }) })).json()) as any
  const joined = await post(`${base}/networks/${facilitator.id}/invitations`, facilitator.facilitatorToken)
  await app.request(`${base}/workspaces/${ws.values.id}/networks`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${ws.token}` },
    body: JSON.stringify({ inviteToken: joined.inviteToken }),
  })
  return { token: facilitator.facilitatorToken as string, values: { id: facilitator.id, invite: invite.inviteToken } as Record<string, string> }
}

/**
 * A rating study of one link with one expert (the `id` of a rating route) and the token the
 * route needs: the expert's for the ballot, else the owner's. Feeding needs a closed study,
 * removing its source a fed one.
 */
async function ratingFixture(template: string, method: string) {
  const send = async (url: string, m: string, body: unknown, token?: string) =>
    (await app.request(url, { method: m, headers: { ...json, 'x-admin-token': ADMIN_TOKEN, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })).json() as any
  const study = await send(`${base}/ratings`, 'POST', { name: 'Fuzz', selection: { kind: 'pairs', pairs: [{ determinant: 4, strategy: 'pdsa-cycles' }] }, rounds: 1, experts: 1 })
  if (template.endsWith('/knowledge-base')) {
    await send(`${base}/ratings/${study.id}/rounds/end`, 'POST', { round: 1 }, study.ownerToken)
    if (method === 'DELETE') await app.request(`${base}/ratings/${study.id}/knowledge-base`, { method: 'POST', headers: { 'x-admin-token': ADMIN_TOKEN, authorization: `Bearer ${study.ownerToken}` } })
  }
  const expert = (study.experts[0].link as string).split('#')[1] as string
  return { token: template.endsWith('/ballot') ? expert : (study.ownerToken as string), values: { id: study.id, pseudonym: study.experts[0].pseudonym } as Record<string, string> }
}

/** Path and query parameters a valid-shaped request must take from {@link workspaceFixture}. */
const FIXTURE_PARAMS = new Set(['id', 'roundId', 'tokenId', 'submissionId', 'token', 'from', 'to', 'network'])
const isWorkspaceRoute = (template: string) => /^\/(workspaces|respond)\b/.test(template)
const isNetworkRoute = (template: string) => /^\/networks\/\{id\}/.test(template)
const isRatingRoute = (template: string) => /^\/ratings\/\{id\}/.test(template)

/** A valid body made hostile: a field replaced, an unknown field, a list repeated or swollen. */
function mutated(body: fc.Arbitrary<unknown>) {
  return fc.tuple(body, fc.nat(), nastyValue, fc.nat({ max: 4 }), fc.integer({ min: 2, max: 120 })).map(([value, pick, junk, how, times]) => {
    if (typeof value !== 'object' || value === null) return junk
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) }
    const keys = Object.keys(copy)
    const key = keys[pick % Math.max(1, keys.length)] ?? 'x'
    const field = copy[key]
    if (how === 0) copy[key] = junk
    else if (how === 1) copy[`extra${pick % 3}`] = junk
    else if (how === 2 && Array.isArray(field)) copy[key] = Array.from({ length: times }, (_, i) => field[i % Math.max(1, field.length)] ?? junk)
    else if (how === 3) delete copy[key]
    else copy[key] = [junk, junk]
    return copy
  })
}

/** A query string of the operation's parameters (valid values, mostly) and sometimes others. */
function query(op: Operation, hostile: boolean) {
  const params = (op.parameters ?? []).filter((p) => p.in === 'query')
  const record: Record<string, fc.Arbitrary<unknown>> = {}
  for (const p of params) record[p.name] = hostile ? fc.oneof(fromSchema(p.schema), nasty) : fromSchema(p.schema)
  const extra = hostile ? fc.dictionary(fc.oneof(nasty, fc.constantFrom(...params.map((p) => p.name), 'lang')), nasty, { maxKeys: 2 }) : fc.constant({})
  return fc.tuple(fc.record(record, { requiredKeys: [] }), extra).map(([known, more]) => {
    const search = new URLSearchParams()
    for (const [k, v] of Object.entries({ ...known, ...more })) search.append(k, String(v))
    const s = search.toString()
    return s ? `?${s}` : ''
  })
}

/** The path with its parameters filled in: known values, or hostile ones when asked. */
function path(template: string, op: Operation, hostile: boolean) {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path')
  if (params.length === 0) return fc.constant(`${base}${template}`)
  const record: Record<string, fc.Arbitrary<string>> = {}
  for (const p of params) {
    const valid = fromSchema(p.schema).map(String)
    record[p.name] = hostile
      ? fc.oneof(valid, nasty.map(encodeURIComponent), nasty.filter((s) => !/[/?#\s]/.test(s) && s.length < 500), fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String))
      : valid
  }
  return fc.record(record).map((values) => `${base}${template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')}`)
}

// ── The check every answer must pass ─────────────────────────────────────────────────────

type Sent = { method: string; url: string; headers?: Record<string, string>; body?: string }
const seen = new Map<string, Set<number>>()

async function send(operation: string, req: Sent) {
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const res = await app.request(req.url, { method: req.method, headers: req.headers, body: req.body })
  const bytes = new Uint8Array(await res.arrayBuffer())
  const cpu = process.cpuUsage(cpuBefore)
  const ms = performance.now() - started
  const what = `${req.method} ${req.url.slice(0, 200)} ${req.body?.slice(0, 200) ?? ''}`
  expect(res.status, what).toBeLessThan(500)
  expect(bytes.byteLength, what).toBeLessThan(MAX_RESPONSE_BYTES)
  expect((cpu.user + cpu.system) / 1000, what).toBeLessThan(MAX_CPU_MS)
  expect(ms, what).toBeLessThan(MAX_WALL_MS)
  // Every API error is the envelope (a path like /api/.. is the web app's, once resolved).
  if (res.status >= 400 && req.method !== 'HEAD' && new URL(req.url, 'http://localhost').pathname.startsWith('/api')) {
    expect(res.headers.get('content-type'), what).toMatch(/^application\/json/)
    const envelope = ErrorResponse.safeParse(JSON.parse(new TextDecoder().decode(bytes)))
    expect(envelope.success, what).toBe(true)
  }
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  let statuses = seen.get(operation)
  if (!statuses) seen.set(operation, (statuses = new Set()))
  statuses.add(res.status)
}

const json = { 'content-type': 'application/json' }

// The first request of each route compiles its code and builds the link index: hundreds of
// milliseconds once, which is not what the time bound is about.
beforeAll(async () => {
  for (const body of [{ barriers: [23], mode: 'bundle' }, { barriers: [23] }]) {
    await app.request(`${base}/recommendations`, { method: 'POST', headers: json, body: JSON.stringify(body) })
  }
  await app.request(`${base}/coverage`, { method: 'POST', headers: json, body: JSON.stringify({ barriers: [23], strategies: ['champions'] }) })
  await app.request(`${base}/score`, { method: 'POST', headers: json, body: JSON.stringify({ responses: [{ answers: { d04: 2 } }] }) })
  for (const { path: template, method } of operations) if (method === 'GET' && !template.includes('{')) await app.request(base + template)
})

// Timeouts are for a busy machine: a property runs hundreds of requests; each is bounded above.
describe('fuzzing every operation of the OpenAPI document', () => {
  test.for(operations.map((o) => [o.op.operationId, o] as const))('%s answers valid-shaped requests', { timeout: 60_000 }, async ([id, { path: template, method, op }]) => {
    const body = op.requestBody
      ? fc.oneof({ weight: 3, arbitrary: validBodies[id] ?? fc.constant({}) }, { weight: 1, arbitrary: fromSchema(op.requestBody.content['application/json']?.schema ?? {}) })
      : fc.constant(undefined)
    const workspace = isWorkspaceRoute(template) || isNetworkRoute(template) || isRatingRoute(template)
    await fc.assert(
      fc.asyncProperty(path(template, op, false), query(op, false), body, async (url, search, given) => {
        let value = given
        let headers: Record<string, string> = value === undefined ? {} : json
        let target = url + search
        if (workspace) {
          // Workspace and network routes need a real workspace, round, network and token: one
          // per request, as a request may delete or close what it names.
          const fixture = isRatingRoute(template)
            ? await ratingFixture(template, method)
            : isNetworkRoute(template)
              ? await networkFixture()
              : await workspaceFixture()
          if (value && typeof value === 'object' && 'inviteToken' in value) value = { ...value, inviteToken: fixture.values.invite }
          const real = new URL(target, 'http://localhost')
          for (const name of FIXTURE_PARAMS) if (real.searchParams.has(name)) real.searchParams.set(name, fixture.values[name] ?? '')
          target = `${template.replace(/\{(\w+)\}/g, (_, name: string) => fixture.values[name] ?? '')}${real.search}`
          target = `${base}${target}`
          headers = { ...headers, authorization: `Bearer ${fixture.token}`, ...(isRatingRoute(template) ? { 'x-admin-token': ADMIN_TOKEN } : {}) }
        }
        await send(id, { method, url: target, headers, ...(value === undefined ? {} : { body: JSON.stringify(value) }) })
      }),
      { numRuns: workspace ? RUNS / 4 : RUNS }
    )
    const statuses = [...(seen.get(id) ?? [])]
    expect(statuses.some((s) => s >= 200 && s < 300), `${id} reached the handler: ${statuses.join(', ')}`).toBe(true)
  })

  test.for(operations.map((o) => [o.op.operationId, o] as const))('%s survives hostile requests', { timeout: 60_000 }, async ([id, { path: template, method, op }]) => {
    const valid = validBodies[id] ?? fromSchema(op.requestBody?.content['application/json']?.schema ?? {})
    const body = op.requestBody
      ? fc.oneof(
          mutated(valid).map((v) => ({ headers: json, body: JSON.stringify(v) })),
          fc.jsonValue({ maxDepth: 4 }).map((v) => ({ headers: json, body: JSON.stringify(v) })),
          fc.oneof(nasty, fc.json()).map((s) => ({ headers: json, body: `${s}` })),
          fc.tuple(fc.constantFrom('text/csv', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', ''), fc.string({ maxLength: 200 })).map(([type, s]) => ({ headers: { 'content-type': type }, body: s })),
          fc.constant({ headers: json, body: undefined })
        )
      : fc.option(fc.string({ maxLength: 50 }).map((s) => ({ headers: json, body: s })), { nil: undefined })
    await fc.assert(
      fc.asyncProperty(path(template, op, true), query(op, true), body, async (url, search, extra) => {
        // A GET with a body is not a request fetch will make; send those as POST to the same path.
        const m = extra?.body !== undefined && method === 'GET' ? 'POST' : method
        await send(id, { method: m, url: url + search, ...(extra ?? {}) })
      }),
      { numRuns: RUNS }
    )
  })

  test('answers CSV uploads of any content to /score', { timeout: 60_000 }, async () => {
    const cell = fc.oneof(fc.integer({ min: -1, max: 6 }).map(String), fc.constantFrom('Eens', 'Oneens', 'Agree', '', '"', '=1+1', 'x'), fc.string({ maxLength: 8 }))
    const header = fc.array(fc.oneof(fc.constantFrom(...items.map((i) => i.id), 'respondent', 'role', 'StartDate'), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 12 })
    const csv = fc
      .tuple(header, fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 30 }), fc.constantFrom(',', ';', '\t'))
      .map(([h, rows, sep]) => [h.join(sep), ...rows.map((r) => r.join(sep))].join('\n'))
    await fc.assert(
      fc.asyncProperty(csv, fc.constantFrom('', '?lang=en', '?barrierShare=0.5', '?minAnswers=0', '?x=1'), async (body, search) =>
        send('scoreResponses', { method: 'POST', url: `${base}/score${search}`, headers: { 'content-type': 'text/csv' }, body })
      ),
      { numRuns: 300 }
    )
  })

  test('answers any method on any path, addressed to any host', { timeout: 60_000 }, async () => {
    const segment = fc.oneof(fc.constantFrom('api', 'docs', 'health', 'strategies', 'determinants', 'links', 'score', 'openapi.json', '..', '', '%2e%2e'), slug, nasty.map(encodeURIComponent))
    const host = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('localhost', 'localhost:3000', '127.0.0.1:8080', '[::1]:3000') }, { weight: 1, arbitrary: fc.domain() })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
        host,
        fc.array(segment, { maxLength: 5 }),
        fc.option(fc.string({ maxLength: 100 }), { nil: undefined }),
        async (method, hostname, segments, body) => {
          const url = `http://${hostname}/api/${segments.join('/')}`
          await send('any', { method, url, ...(body !== undefined && method !== 'GET' && method !== 'HEAD' ? { headers: json, body } : {}) })
        }
      ),
      { numRuns: 600 }
    )
    expect([...(seen.get('any') ?? [])]).toEqual(expect.arrayContaining([403, 404]))
  })
})
