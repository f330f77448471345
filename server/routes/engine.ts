/**
 * @module POST /api/score, /api/recommendations and /api/coverage: the engine behind HTTP.
 * Each validates, resolves the barriers, calls a pure domain function and presents the result.
 */
import { createRoute, type RouteConfig, type RouteConfigToTypedResponse } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { coverageOf, type CoveredBarrier } from '../domain/coverage.ts'
import { responsesFromCsv } from '../domain/csv-responses.ts'
import { decodeText } from '../domain/decode-text.ts'
import { feasibilityOf, orderByFeasibility } from '../domain/feasibility.ts'
import type { KbIndex } from '../domain/kb-index.ts'
import { resolveNamedBarriers } from '../domain/named-barriers.ts'
import { bundleStrategies, rankStrategies, type Barrier } from '../domain/ranking.ts'
import {
  ResponseValidationError,
  scoreResponses,
  type ResponseRecord,
  type ScoreProfile,
} from '../domain/scoring.ts'
import { LANGS, strengthLabel, type Lang } from '../domain/vocabulary.ts'
import { ApiError, unprocessable, validationFailed, type Issue } from '../http/errors.ts'
import { presentRecommended, recommendationsBody } from '../http/present.ts'
import { createRouter, type AppEnv } from '../http/router.ts'
import {
  CoverageRequest,
  CoverageResponse,
  Lang as LangSchema,
  LangQuery,
  MAX_RESPONDENTS,
  RECOMMENDATION_VIEWS,
  RecommendationsQuery,
  RecommendationsRequest,
  RecommendationsResponse,
  type RecommendationView,
  ScoreRequest,
  ScoreResponse,
  type ProfileIn,
  type ResponseIn,
  type SeverityKind,
} from '../schemas/api.ts'
import { parseRecommendationsRequestFast } from '../schemas/recommendations-request-fast.ts'
import { errors, json } from './responses.ts'

// ── Shared steps ─────────────────────────────────────────────────────────────────────────

/** Scores responses, turning invalid answers into a 422 that names respondent and item. */
function score(kb: KbIndex, responses: readonly ResponseRecord[], settings: object | undefined, path = 'responses') {
  try {
    return scoreResponses(kb.questionnaire, responses, settings)
  } catch (error) {
    if (error instanceof ResponseValidationError) {
      throw unprocessable(
        error.issues.map((i) => ({
          path: [path, i.respondent, 'answers', ...(i.item ? [i.item] : [])].join('.'),
          message: i.label ? `respondent '${i.label}': ${i.message}` : i.message,
        }))
      )
    }
    throw error
  }
}

export function presentProfile(kb: KbIndex, profile: ScoreProfile, lang: Lang) {
  return {
    respondents: profile.respondents,
    keyInformants: profile.keyInformants,
    settings: profile.settings,
    determinants: profile.determinants.map((d) => ({
      ...d,
      items: [...d.items],
      name: kb.determinant.get(d.number)?.name[lang] ?? String(d.number),
    })),
    groups: [...profile.groups],
    barriers: [...profile.barriers],
  }
}

type BarrierBody = {
  responses?: ResponseIn[]
  profile?: ProfileIn
  barriers?: (number | { determinant: number; severity?: number })[]
  settings?: object
}

/**
 * The barriers a request is about. From responses: scored, severity = share negative. From a
 * profile: its barriers, severity = their share negative. From a list: see
 * resolveNamedBarriers; such weights are not percentages, and the answer says so in
 * `severityKind` and never quotes them as "% negative".
 */
function resolveBarriers(
  kb: KbIndex,
  body: BarrierBody
): { barriers: readonly Barrier[]; severityKind: SeverityKind; severityUnknown?: readonly number[] } {
  if (body.responses) {
    const profile = score(kb, body.responses, body.settings)
    return { barriers: barriersOfProfile(profile), severityKind: 'share-negative' }
  }
  if (body.profile) return { barriers: barriersOfProfile(body.profile), severityKind: 'share-negative' }
  const resolved = resolveNamedBarriers((body.barriers ?? []).map((b) => (typeof b === 'number' ? { determinant: b } : b)))
  return resolved.severityUnknown.length > 0 ? resolved : { barriers: resolved.barriers, severityKind: resolved.severityKind }
}

function barriersOfProfile(
  profile: Pick<ScoreProfile, 'barriers'> & { determinants: readonly { number: number; negativeShare: number | null; polarised?: boolean | undefined }[] }
): Barrier[] {
  const byNumber = new Map(profile.determinants.map((d) => [d.number, d]))
  return profile.barriers.map((d) => {
    const found = byNumber.get(d)
    return { determinant: d, severity: found?.negativeShare ?? 0, ...(found?.polarised ? { polarised: true } : {}) }
  })
}

/** 422 for strategy or source ids that the knowledge base does not have. */
function checkReferences(
  kb: KbIndex,
  refs: { path: string; ids?: readonly string[]; kind: 'strategy' | 'source'; keyed?: boolean }[]
) {
  const issues: Issue[] = []
  for (const { path, ids, kind, keyed } of refs) {
    ids?.forEach((id, i) => {
      const known = kind === 'strategy' ? kb.strategy.has(id) : kb.source.has(id)
      // A list names the entry by its place; a record (keyed) by its key.
      if (!known) issues.push({ path: `${path}.${keyed ? id : i}`, message: `unknown ${kind} '${id}'` })
    })
  }
  if (issues.length > 0) throw unprocessable(issues)
}

/** The 200 answer of a route, as c.json would type it, for a body serialised by hand. */
type JsonAnswer<R extends RouteConfig> = Response & Extract<RouteConfigToTypedResponse<R>, { _status: 200 }>

const presentBarriers = (kb: KbIndex, barriers: readonly Barrier[], lang: Lang) =>
  barriers.map((b) => ({ determinant: b.determinant, name: kb.names[lang].get(b.determinant) ?? '', severity: b.severity }))

/** POST /recommendations once its body and query are valid. */
function recommend(c: Context<AppEnv>, body: RecommendationsRequest, lang: Lang, view: RecommendationView) {
  const kb = c.var.kb
  checkReferences(kb, [
    { path: 'plan.exclude', ids: body.plan?.exclude, kind: 'strategy' },
    { path: 'plan.inUse', ids: body.plan?.inUse, kind: 'strategy' },
    { path: 'sources', ids: body.sources, kind: 'source' },
    { path: 'feasibility', ids: body.feasibility && Object.keys(body.feasibility), kind: 'strategy', keyed: true },
  ])
  const { barriers, severityKind, severityUnknown } = resolveBarriers(kb, body)
  const input = {
    barriers,
    strategies: kb.facts,
    links: kb.evidence,
    plan: body.plan,
    weighting: body.weighting,
    sources: body.sources,
    limit: body.limit,
  }
  const head = {
    mode: body.mode,
    weighting: body.weighting,
    severityKind,
    ...(severityUnknown ? { severityUnknown: [...severityUnknown] } : {}),
    barriers: presentBarriers(kb, barriers, lang),
  }
  let answer: Uint8Array<ArrayBuffer>
  if (body.mode === 'bundle') {
    const { strategies, covered, weaklyCovered, uncovered, unreachable } = bundleStrategies(input)
    answer = recommendationsBody(
      kb,
      { ...head, unreachable: [...unreachable], covered: [...covered], weaklyCovered: [...weaklyCovered], strategies, uncovered: [...uncovered] },
      lang,
      view
    )
  } else {
    const { strategies: byFit, uncovered, unreachable } = rankStrategies(input)
    const rated = body.feasibility ?? {}
    const strategies =
      body.order === 'feasibility'
        ? orderByFeasibility(byFit, (id) => feasibilityOf(Object.hasOwn(rated, id) ? rated[id] : undefined, kb.strategy.get(id)))
        : byFit
    answer = recommendationsBody(kb, { ...head, unreachable: [...unreachable], strategies, uncovered: [...uncovered] }, lang, view)
  }
  // c.json would serialise every strategy's long texts again; the body is written already.
  return c.body(answer, 200, { 'Content-Type': 'application/json' }) as unknown as JsonAnswer<typeof recommendationsRoute>
}

/** Content types that the route's media-type gate and JSON validator both take as JSON. */
const PLAIN_JSON = /^application\/json(;\s*charset=utf-8)?$/i

/** The query of a string that RecommendationsQuery accepts as it is; undefined for anything else. */
function plainQuery(queries: Record<string, string[]>): { lang: Lang; view: RecommendationView } | undefined {
  const query: { lang: Lang; view: RecommendationView } = { lang: 'nl', view: 'full' }
  for (const key in queries) {
    const [value, ...more] = queries[key] ?? []
    if (more.length > 0 || value === undefined) return undefined
    if (key === 'lang' && (LANGS as readonly string[]).includes(value)) query.lang = value as Lang
    else if (key === 'view' && (RECOMMENDATION_VIEWS as readonly string[]).includes(value)) query.view = value as RecommendationView
    else return undefined
  }
  return query
}

/**
 * The hot path of POST /recommendations: a JSON body of the common shape is checked by
 * parseRecommendationsRequestFast — which takes only what the route's zod schemas accept, and
 * gives their output — and answered here. Any other request goes on to the zod validators, so
 * every error answer stays as it was.
 */
const fastRecommendations: MiddlewareHandler<AppEnv> = async (c, next) => {
  const query = PLAIN_JSON.test(c.req.header('content-type') ?? '') ? plainQuery(c.req.queries()) : undefined
  if (!query) return next()
  let value: unknown
  try {
    value = await c.req.json()
  } catch {
    return next() // the validator reads the same text and answers the malformed JSON
  }
  const body = parseRecommendationsRequestFast(value)
  return body ? recommend(c, body, query.lang, query.view) : next()
}

// ── CSV upload for /score ────────────────────────────────────────────────────────────────

const CsvScoreQuery = z.strictObject({
  lang: LangSchema.default('nl'),
  barrierShare: z.coerce.number().gt(0).max(1).optional(),
  facilitatorShare: z.coerce.number().gt(0).max(1).optional(),
  minAnswers: z.coerce.number().int().min(1).optional(),
})

/** Handles `text/csv` bodies of POST /score before the JSON validator sees them. */
const csvScore: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? ''
  if (!/^text\/csv\b/i.test(type)) return next()
  const query = CsvScoreQuery.safeParse(c.req.query())
  if (!query.success) return validationFailed(c, query.error, 'query string')
  const { lang, ...settings } = query.data
  const kb = c.var.kb
  // Bytes, not c.req.text(): that decodes as UTF-8 and turns a Windows-1252 "ë" into U+FFFD.
  const decoded = decodeText(await c.req.arrayBuffer())
  if (!decoded.ok) throw unprocessable([{ path: `csv.line${decoded.line}`, message: decoded.message }])
  const csv = responsesFromCsv(
    decoded.text,
    kb.items.map((i) => ({
      id: i.id,
      options: (kb.scale.get(i.scale)?.options ?? []).map((o) => ({ value: o.value, labels: [o.label.nl, o.label.en] })),
    })),
    { maxRespondents: MAX_RESPONDENTS }
  )
  if (csv.tooLarge) {
    throw new ApiError(400, 'invalid_request', `CSV, line ${csv.tooLarge.line}: ${csv.tooLarge.message}`, [
      { path: `csv.line${csv.tooLarge.line}`, message: csv.tooLarge.message },
    ])
  }
  if (csv.issues.length > 0) {
    throw unprocessable(
      csv.issues.map((i) => ({ path: `csv.line${i.line}${i.column ? `.${i.column}` : ''}`, message: i.message }))
    )
  }
  const profile = score(kb, csv.responses, settings, 'csv')
  return c.json({ ...presentProfile(kb, profile, lang), ignoredColumns: csv.ignoredColumns }, 200)
}

// ── Routes ───────────────────────────────────────────────────────────────────────────────

const scoreRoute = createRoute({
  method: 'post',
  path: '/score',
  operationId: 'scoreResponses',
  tags: ['Engine'],
  summary: "Score a team's questionnaire answers",
  description:
    'JSON body, or a CSV export (`Content-Type: text/csv`; one row per respondent, one column per item id such as `d01`; optional `respondent` and `role` columns; cells hold option values or labels). For CSV, the settings go in the query string. Unknown items and answers that are not an option give 422 naming the respondent and item; nothing is scored from half-valid input.',
  middleware: [csvScore] as const,
  request: {
    query: CsvScoreQuery,
    body: {
      required: true,
      content: {
        'application/json': { schema: ScoreRequest },
        'text/csv': { schema: z.string() },
      },
    },
  },
  responses: { 200: json(ScoreResponse, 'The score profile'), 400: errors[400], 422: errors[422] },
})

const recommendationsRoute = createRoute({
  method: 'post',
  path: '/recommendations',
  operationId: 'recommendStrategies',
  tags: ['Engine'],
  middleware: [fastRecommendations] as const,
  summary: 'Ranked strategies (or a covering bundle) for the barriers and plan',
  description:
    'Give exactly one of `responses`, `profile` (the answer of /score) or `barriers`. score = Σ over addressed barriers of weight × link strength; see docs/engine.md. With `view=compact` each strategy carries only its `id` and what the engine adds (score, addresses, why …): a client that holds GET /strategies already (as the web app does) needs no more, and the answer is about half as large.',
  request: {
    query: RecommendationsQuery,
    body: { required: true, content: { 'application/json': { schema: RecommendationsRequest } } },
  },
  responses: { 200: json(RecommendationsResponse, 'The recommendations'), 400: errors[400], 422: errors[422] },
})

const coverageRoute = createRoute({
  method: 'post',
  path: '/coverage',
  operationId: 'checkCoverage',
  tags: ['Engine'],
  summary: "Check which barriers an approach's strategies cover, and what would close the gaps",
  request: {
    query: LangQuery,
    body: { required: true, content: { 'application/json': { schema: CoverageRequest } } },
  },
  responses: { 200: json(CoverageResponse, 'The coverage check'), 400: errors[400], 422: errors[422] },
})

export const engineRoutes = createRouter()
  .openapi(scoreRoute, (c) => {
    const body = c.req.valid('json')
    // text/csv bodies were answered by the csvScore middleware; only JSON reaches here.
    if (typeof body === 'string') throw new ApiError(415, 'unsupported_media_type', 'Send JSON or text/csv')
    const { lang } = c.req.valid('query')
    const { lang: _lang, ...querySettings } = c.req.valid('query')
    // Thresholds may come in the query string (as for CSV) or the body; the body's win.
    const profile = score(c.var.kb, body.responses, { ...querySettings, ...body.settings })
    return c.json(presentProfile(c.var.kb, profile, lang), 200)
  })
  .openapi(recommendationsRoute, (c) => {
    const { lang, view } = c.req.valid('query')
    return recommend(c, c.req.valid('json'), lang, view)
  })
  .openapi(coverageRoute, (c) => {
    const body = c.req.valid('json')
    const { lang } = c.req.valid('query')
    const kb = c.var.kb
    checkReferences(kb, [
      { path: 'strategies', ids: body.strategies, kind: 'strategy' },
      { path: 'plan.exclude', ids: body.plan?.exclude, kind: 'strategy' },
      { path: 'sources', ids: body.sources, kind: 'source' },
    ])
    const { barriers, severityKind, severityUnknown } = resolveBarriers(kb, body)
    const result = coverageOf({
      barriers,
      used: body.strategies,
      strategies: kb.facts,
      links: kb.evidence,
      sources: body.sources,
      plan: body.plan,
      suggestions: body.suggestions,
    })
    const names = kb.names[lang]
    const name = (d: number) => names.get(d) ?? String(d)
    const presentCovered = (cb: CoveredBarrier) => ({
      determinant: cb.determinant,
      name: name(cb.determinant),
      severity: cb.severity,
      by: cb.by.map((b) => b.strategy),
      links: cb.by.map((b) => ({ strategy: b.strategy, strength: b.strength, label: strengthLabel(b.strength) })),
      weak: cb.weak,
    })
    return c.json(
      {
        severityKind,
        ...(severityUnknown ? { severityUnknown: [...severityUnknown] } : {}),
        barriers: presentBarriers(kb, barriers, lang),
        covered: result.covered.map(presentCovered),
        weaklyCovered: result.weaklyCovered.map(presentCovered),
        uncovered: [...result.uncovered],
        gaps: [...result.gaps],
        suggestions: result.suggestions.map((s) => ({
          determinant: s.determinant,
          name: name(s.determinant),
          strategies: s.strategies.map((x) => ({
            id: x.id,
            name: kb.strategy.get(x.id)?.name[lang] ?? x.id,
            strength: x.strength,
            label: strengthLabel(x.strength),
            agreement: x.agreement,
          })),
        })),
        additions: result.additions.map((m) => presentRecommended(kb, m, lang, severityKind)),
      },
      200
    )
  })

