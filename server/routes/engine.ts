/**
 * @module POST /api/score, /api/recommendations and /api/coverage: the engine behind HTTP.
 * Each validates, resolves the barriers, calls a pure domain function and presents the result.
 */
import { createRoute } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { coverageOf } from '../domain/coverage.ts'
import { responsesFromCsv } from '../domain/csv-responses.ts'
import { decodeText } from '../domain/decode-text.ts'
import { explainBundleMember, explainRanked } from '../domain/explain.ts'
import type { KbIndex } from '../domain/kb-index.ts'
import { bundleStrategies, rankStrategies, type Barrier, type RankedStrategy } from '../domain/ranking.ts'
import {
  ResponseValidationError,
  scoreResponses,
  type ResponseRecord,
  type ScoreProfile,
} from '../domain/scoring.ts'
import { strengthLabel, type Lang } from '../domain/vocabulary.ts'
import { ApiError, unprocessable, validationFailed, type Issue } from '../http/errors.ts'
import { presentStrategy } from '../http/present.ts'
import { createRouter, type AppEnv } from '../http/router.ts'
import {
  CoverageRequest,
  CoverageResponse,
  Lang as LangSchema,
  LangQuery,
  MAX_RESPONDENTS,
  RecommendationsRequest,
  RecommendationsResponse,
  ScoreRequest,
  ScoreResponse,
  type ProfileIn,
  type ResponseIn,
  type SeverityKind,
} from '../schemas/api.ts'
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
 * profile: its barriers, severity = their share negative. From a list: as given, a number
 * alone (or no severity) weighing 1; such weights are not percentages, and the answer says so
 * in `severityKind` and never quotes them as "% negative".
 */
function resolveBarriers(kb: KbIndex, body: BarrierBody): { barriers: Barrier[]; severityKind: SeverityKind } {
  if (body.responses) {
    const profile = score(kb, body.responses, body.settings)
    return { barriers: barriersOfProfile(profile), severityKind: 'share-negative' }
  }
  if (body.profile) return { barriers: barriersOfProfile(body.profile), severityKind: 'share-negative' }
  const list = (body.barriers ?? []).map((b) => (typeof b === 'number' ? { determinant: b } : b))
  return {
    barriers: list.map((b) => ({ determinant: b.determinant, severity: b.severity ?? 1 })),
    severityKind: list.some((b) => b.severity !== undefined) ? 'given' : 'none',
  }
}

function barriersOfProfile(profile: Pick<ScoreProfile, 'barriers'> & { determinants: readonly { number: number; negativeShare: number | null }[] }): Barrier[] {
  const share = new Map(profile.determinants.map((d) => [d.number, d.negativeShare ?? 0]))
  return profile.barriers.map((d) => ({ determinant: d, severity: share.get(d) ?? 0 }))
}

/** 422 for strategy or source ids that the knowledge base does not have. */
function checkReferences(kb: KbIndex, refs: { path: string; ids?: readonly string[]; kind: 'strategy' | 'source' }[]) {
  const issues: Issue[] = []
  for (const { path, ids, kind } of refs) {
    ids?.forEach((id, i) => {
      const known = kind === 'strategy' ? kb.strategy.has(id) : kb.source.has(id)
      if (!known) issues.push({ path: `${path}.${i}`, message: `unknown ${kind} '${id}'` })
    })
  }
  if (issues.length > 0) throw unprocessable(issues)
}

function presentRecommended(
  kb: KbIndex,
  r: RankedStrategy & { covers?: readonly number[] },
  lang: Lang,
  severityKind: SeverityKind
) {
  const severityKnown = severityKind === 'share-negative'
  const s = kb.strategy.get(r.id)
  if (!s) throw new Error(`ranked an unknown strategy ${r.id}`)
  const names = kb.names[lang]
  return {
    ...presentStrategy(kb, s, lang),
    score: r.score,
    addresses: r.addresses.map((a) => ({
      determinant: a.determinant,
      name: names.get(a.determinant) ?? String(a.determinant),
      severity: a.severity,
      strength: a.strength,
      label: a.label,
      agreement: a.agreement,
      evidence: [...a.evidence],
    })),
    why:
      r.covers !== undefined
        ? explainBundleMember({ ...r, covers: r.covers }, names, lang, severityKnown)
        : explainRanked(r, names, lang, severityKnown),
    ...(r.covers !== undefined ? { covers: [...r.covers] } : {}),
  }
}

const presentBarriers = (kb: KbIndex, barriers: readonly Barrier[], lang: Lang) =>
  barriers.map((b) => ({ determinant: b.determinant, name: kb.names[lang].get(b.determinant) ?? '', severity: b.severity }))

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
  summary: 'Ranked strategies (or a covering bundle) for the barriers and plan',
  description:
    'Give exactly one of `responses`, `profile` (the answer of /score) or `barriers`. score = Σ over addressed barriers of weight × link strength; see docs/engine.md.',
  request: {
    query: LangQuery,
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
    const body = c.req.valid('json')
    const { lang } = c.req.valid('query')
    const kb = c.var.kb
    checkReferences(kb, [
      { path: 'plan.exclude', ids: body.plan?.exclude, kind: 'strategy' },
      { path: 'plan.inUse', ids: body.plan?.inUse, kind: 'strategy' },
      { path: 'sources', ids: body.sources, kind: 'source' },
    ])
    const { barriers, severityKind } = resolveBarriers(kb, body)
    const input = {
      barriers,
      strategies: kb.facts,
      links: kb.evidence,
      plan: body.plan,
      weighting: body.weighting,
      sources: body.sources,
      limit: body.limit,
    }
    const result = body.mode === 'bundle' ? bundleStrategies(input) : rankStrategies(input)
    return c.json(
      {
        mode: body.mode,
        weighting: body.weighting,
        severityKind,
        barriers: presentBarriers(kb, barriers, lang),
        strategies: result.strategies.map((r) => presentRecommended(kb, r, lang, severityKind)),
        uncovered: [...result.uncovered],
      },
      200
    )
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
    const { barriers, severityKind } = resolveBarriers(kb, body)
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
    return c.json(
      {
        severityKind,
        barriers: presentBarriers(kb, barriers, lang),
        covered: result.covered.map((cb) => ({
          determinant: cb.determinant,
          name: name(cb.determinant),
          severity: cb.severity,
          by: cb.by.map((b) => b.strategy),
          links: cb.by.map((b) => ({ strategy: b.strategy, strength: b.strength, label: strengthLabel(b.strength) })),
          weak: cb.weak,
        })),
        uncovered: [...result.uncovered],
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

