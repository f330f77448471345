/**
 * @module A plain-code check of the common shape of a POST /recommendations body, for the hot
 * path: zod's parse of a 30-respondent body cost about as much as scoring the team.
 *
 * The contract: {@link parseRecommendationsRequestFast} returns a body only where
 * `RecommendationsRequest` accepts the value and gives the same output (equal, same field
 * order); for anything else it returns undefined and the caller lets zod decide, so every
 * error message stays zod's. It therefore accepts less than zod: no `profile` (rare, and a
 * loose object), no duplicates in a list, no empty respondent label, and lists only up to the
 * caps below. test/server/recommendations-request-fast.test.ts checks the contract on random
 * bodies and that zod accepts a body at every cap.
 */
import { WEIGHTINGS } from '../domain/ranking.ts'
import { ACTORS, EFFORTS, PHASES, RESPONDENTS } from '../domain/vocabulary.ts'
import { MAX_ID_CHARS, MAX_RESPONDENTS, type RecommendationsRequest } from './api.ts'
import { Slug } from './kb.ts'

/**
 * Caps of the fast path. Each must be at most what `RecommendationsRequest` allows for the
 * field (larger inputs simply go to zod); they cover every real team's body.
 */
export const FAST_PATH_LIMITS = {
  /** Respondents: the schema's own cap. */
  respondents: MAX_RESPONDENTS,
  /** Characters of a respondent label, after trimming. */
  label: 64,
  /** Answers per respondent (the questionnaire has 34 items). */
  answers: 64,
  /** Characters of an item id (d01, d13a, …). */
  itemId: 8,
  /** Largest answer value, either sign (options are 0–5). */
  answerValue: 1000,
  /** Barriers given as a list (there are 29 determinants). */
  barriers: 29,
  /** Entries of plan.actors, plan.exclude, plan.inUse and sources. */
  ids: 32,
} as const

const MODES = ['ranked', 'bundle'] as const

/** The fields of each object, as the schemas list them. */
const BODY_KEYS = [
  'responses',
  'profile',
  'barriers',
  'settings',
  'sources',
  'plan',
  'mode',
  'weighting',
  'limit',
]
const RESPONSE_KEYS = ['respondent', 'role', 'answers']
const BARRIER_KEYS = ['determinant', 'severity']
const SETTINGS_KEYS = ['barrierShare', 'facilitatorShare', 'minAnswers']
const PLAN_KEYS = ['phase', 'actors', 'maxEffort', 'exclude', 'inUse']

type Value = Record<string, unknown>
type ResponseIn = RecommendationsRequest['responses'] extends (infer R)[] | undefined ? R : never
type BarrierIn = NonNullable<RecommendationsRequest['barriers']>[number]
type Plan = NonNullable<RecommendationsRequest['plan']>
type Settings = NonNullable<RecommendationsRequest['settings']>

/** A plain object, as JSON.parse makes them. */
const isPlainObject = (value: unknown): value is Value =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/** A plain object whose keys are all among `allowed`, none of them set to undefined. */
function isObjectOf(value: unknown, allowed: readonly string[]): value is Value {
  if (!isPlainObject(value)) return false
  for (const key in value) {
    if (!allowed.includes(key) || (value as Value)[key] === undefined) return false
  }
  return true
}

const isIntegerIn = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max
const isNumberIn = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max
const isOneOf = <T extends string>(x: unknown, values: readonly T[]): x is T =>
  typeof x === 'string' && (values as readonly string[]).includes(x)

/** A list of distinct entries, each accepted by `accept`, of at most `max` entries. */
function isDistinctList<T>(
  value: unknown,
  max: number,
  accept: (x: unknown) => x is T
): value is T[] {
  if (!Array.isArray(value) || value.length > max) return false
  for (const x of value) if (!accept(x)) return false
  return new Set(value).size === value.length
}

const isShare = (x: unknown): x is number => isNumberIn(x, 0, 1) && x > 0
const isSlug = (x: unknown): x is string =>
  typeof x === 'string' && x.length <= MAX_ID_CHARS && Slug.safeParse(x).success
const isActor = (x: unknown): x is (typeof ACTORS)[number] => isOneOf(x, ACTORS)

function response(value: unknown, labels: Set<string>): ResponseIn | undefined {
  if (!isObjectOf(value, RESPONSE_KEYS)) return undefined
  const { respondent, role, answers } = value
  let label: string | undefined
  if (respondent !== undefined) {
    if (typeof respondent !== 'string') return undefined
    label = respondent.trim()
    if (label.length === 0 || label.length > FAST_PATH_LIMITS.label || labels.has(label))
      return undefined
    labels.add(label)
  }
  if (role !== undefined && !isOneOf(role, RESPONDENTS)) return undefined
  if (!isPlainObject(answers)) return undefined
  let count = 0
  for (const itemId in answers) {
    const answer = answers[itemId]
    if (
      ++count > FAST_PATH_LIMITS.answers ||
      itemId.length === 0 ||
      itemId.length > FAST_PATH_LIMITS.itemId
    ) {
      return undefined
    }
    if (
      answer !== null &&
      !isIntegerIn(answer, -FAST_PATH_LIMITS.answerValue, FAST_PATH_LIMITS.answerValue)
    ) {
      return undefined
    }
  }
  // Object literals, not spreads: the scoring reads these objects next, and a few fixed
  // shapes keep its property reads fast (spread-built records made scoring twice as slow).
  const given = answers as ResponseIn['answers']
  if (label === undefined) return role === undefined ? { answers: given } : { role, answers: given }
  return role === undefined
    ? { respondent: label, answers: given }
    : { respondent: label, role, answers: given }
}

function responses(value: unknown): ResponseIn[] | undefined {
  if (!Array.isArray(value) || value.length < 1 || value.length > FAST_PATH_LIMITS.respondents)
    return undefined
  const labels = new Set<string>()
  const out: ResponseIn[] = []
  for (const r of value) {
    const parsed = response(r, labels)
    if (!parsed) return undefined
    out.push(parsed)
  }
  return out
}

function barriers(value: unknown): BarrierIn[] | undefined {
  if (!Array.isArray(value) || value.length > FAST_PATH_LIMITS.barriers) return undefined
  const seen = new Set<number>()
  const out: BarrierIn[] = []
  for (const b of value) {
    if (isIntegerIn(b, 1, 29)) {
      out.push(b)
      seen.add(b)
      continue
    }
    if (!isObjectOf(b, BARRIER_KEYS)) return undefined
    const { determinant, severity } = b
    if (!isIntegerIn(determinant, 1, 29)) return undefined
    if (severity !== undefined && !isNumberIn(severity, 0, 1)) return undefined
    out.push(severity === undefined ? { determinant } : { determinant, severity })
    seen.add(determinant)
  }
  return seen.size === out.length ? out : undefined
}

function settings(value: unknown): Settings | undefined {
  if (!isObjectOf(value, SETTINGS_KEYS)) return undefined
  const { barrierShare, facilitatorShare, minAnswers } = value
  if (barrierShare !== undefined && !isShare(barrierShare)) return undefined
  if (facilitatorShare !== undefined && !isShare(facilitatorShare)) return undefined
  if (minAnswers !== undefined && !isIntegerIn(minAnswers, 1, MAX_RESPONDENTS)) return undefined
  return {
    ...(barrierShare !== undefined ? { barrierShare } : {}),
    ...(facilitatorShare !== undefined ? { facilitatorShare } : {}),
    ...(minAnswers !== undefined ? { minAnswers } : {}),
  }
}

function plan(value: unknown): Plan | undefined {
  if (!isObjectOf(value, PLAN_KEYS)) return undefined
  const { phase, actors, maxEffort, exclude, inUse } = value
  if (phase !== undefined && !isOneOf(phase, PHASES)) return undefined
  if (actors !== undefined && !isDistinctList(actors, FAST_PATH_LIMITS.ids, isActor))
    return undefined
  if (maxEffort !== undefined && !isOneOf(maxEffort, EFFORTS)) return undefined
  if (exclude !== undefined && !isDistinctList(exclude, FAST_PATH_LIMITS.ids, isSlug))
    return undefined
  if (inUse !== undefined && !isDistinctList(inUse, FAST_PATH_LIMITS.ids, isSlug)) return undefined
  return {
    ...(phase !== undefined ? { phase } : {}),
    ...(actors !== undefined ? { actors: [...actors] } : {}),
    ...(maxEffort !== undefined ? { maxEffort } : {}),
    ...(exclude !== undefined ? { exclude: [...exclude] } : {}),
    ...(inUse !== undefined ? { inUse: [...inUse] } : {}),
  }
}

/**
 * The body as `RecommendationsRequest.parse(value)` would give it, for the common shapes;
 * undefined where zod must decide (see the module comment).
 */
export function parseRecommendationsRequestFast(
  value: unknown
): RecommendationsRequest | undefined {
  if (!isObjectOf(value, BODY_KEYS) || value.profile !== undefined) return undefined
  // Exactly one way of giving the barriers (the schema's refinement).
  if ((value.responses === undefined) === (value.barriers === undefined)) return undefined
  const out: Partial<RecommendationsRequest> = {}
  // Fields in the schema's order, as zod writes them.
  if (value.responses !== undefined && !(out.responses = responses(value.responses)))
    return undefined
  if (value.barriers !== undefined && !(out.barriers = barriers(value.barriers))) return undefined
  if (value.settings !== undefined && !(out.settings = settings(value.settings))) return undefined
  if (value.sources !== undefined) {
    if (!isDistinctList(value.sources, FAST_PATH_LIMITS.ids, isSlug) || value.sources.length === 0)
      return undefined
    out.sources = [...value.sources]
  }
  if (value.plan !== undefined && !(out.plan = plan(value.plan))) return undefined
  const { mode = 'ranked', weighting = 'severity', limit } = value
  if (!isOneOf(mode, MODES) || !isOneOf(weighting, WEIGHTINGS)) return undefined
  if (limit !== undefined && !isIntegerIn(limit, 1, 200)) return undefined
  return {
    ...out,
    mode,
    weighting,
    ...(limit !== undefined ? { limit } : {}),
  } as RecommendationsRequest
}
