/**
 * @module The state a team keeps in its browser: the respondents collected so far, the
 * questionnaire draft of the one answering now, the thresholds, the barriers picked by hand,
 * the plan filters, the plan and the approach to check. Persisted in localStorage and
 * checked with zod whenever it is read back, so a stale or tampered copy cannot break the app.
 */
// zod/mini, not zod: this module is on the first screen, and the mini build tree-shakes to a
// few kilobytes where the classic one weighs about 28 kB gzipped.
import * as z from 'zod/mini'
import { ACTORS, EFFORTS, PHASES, RESPONDENTS } from '../../server/domain/vocabulary.ts'

const Phase = z.enum(PHASES)
const Actor = z.enum(ACTORS)
const Effort = z.enum(EFFORTS)
const Respondent = z.enum(RESPONDENTS)
const Slug = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/))
const int = () => z.number().check(z.int())
const Answers = z.record(z.string(), z.nullable(int()))

export const Member = z.object({
  id: z.string(),
  label: z.string(),
  role: Respondent,
  answers: Answers,
})
export type Member = z.infer<typeof Member>

export const Draft = z.object({
  label: z.string(),
  role: Respondent,
  /** A key informant who also delivers the approach answers the user items too. */
  alsoUser: z.boolean(),
  answers: Answers,
  /** The step shown: 0 = who answers, 1… = groups, last = summary. */
  step: int().check(z.minimum(0)),
})
export type Draft = z.infer<typeof Draft>

const share = () => z.number().check(z.positive(), z.maximum(1))
export const Settings = z.object({
  barrierShare: share(),
  facilitatorShare: share(),
  minAnswers: int().check(z.minimum(1)),
})
export type Settings = z.infer<typeof Settings>

const DeterminantNumber = int().check(z.minimum(1), z.maximum(29))
export const ChosenBarrier = z.object({
  determinant: DeterminantNumber,
  severity: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
})
export type ChosenBarrier = z.infer<typeof ChosenBarrier>

export const Filters = z.object({
  phase: z.optional(Phase),
  actors: z.array(Actor),
  maxEffort: z.optional(Effort),
  mode: z.enum(['ranked', 'bundle']),
  limit: int().check(z.minimum(1), z.maximum(200)),
  exclude: z.array(Slug),
  inUse: z.array(Slug),
})
export type Filters = z.infer<typeof Filters>

/** The usual specification of an implementation strategy (Proctor et al. 2013). */
export const Specification = z.object({
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  timing: z.string(),
  dose: z.string(),
  outcome: z.string(),
  notes: z.string(),
})
export type Specification = z.infer<typeof Specification>
export const SPEC_FIELDS = Object.keys(Specification.shape) as (keyof Specification)[]

export const PlanEntry = z.object({
  strategy: Slug,
  spec: Specification,
  /** The barriers the strategy was recommended for, when it came from the recommendations. */
  barriers: z.array(DeterminantNumber),
})
export type PlanEntry = z.infer<typeof PlanEntry>

export const AppState = z.object({
  team: z.array(Member),
  draft: z.nullable(Draft),
  settings: Settings,
  chosen: z.array(ChosenBarrier),
  /** Whether recommendations start from the team's answers or from barriers picked by hand. */
  basis: z.enum(['team', 'chosen']),
  filters: Filters,
  planTitle: z.string(),
  plan: z.array(PlanEntry),
  approach: z.array(Slug),
})
export type AppState = z.infer<typeof AppState>

export const DEFAULT_STATE: AppState = {
  team: [],
  draft: null,
  settings: { barrierShare: 0.2, facilitatorShare: 0.8, minAnswers: 1 },
  chosen: [],
  basis: 'team',
  filters: { actors: [], mode: 'ranked', limit: 10, exclude: [], inUse: [] },
  planTitle: '',
  plan: [],
  approach: [],
}

export const emptySpec = (): Specification => ({
  actor: '',
  action: '',
  target: '',
  timing: '',
  dose: '',
  outcome: '',
  notes: '',
})

/** Reads a stored state; anything missing or invalid falls back to the defaults, field by field. */
export function parseState(raw: unknown): AppState {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_STATE
  const result = { ...DEFAULT_STATE }
  const shape = AppState.shape
  for (const key of Object.keys(shape) as (keyof AppState)[]) {
    const parsed = shape[key].safeParse((raw as Record<string, unknown>)[key])
    if (parsed.success) (result as Record<string, unknown>)[key] = parsed.data
  }
  return result
}

/** A fresh id for a respondent (no crypto.randomUUID: it needs a secure context). */
export const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

/** The team's answers as the API's `responses`. */
export const teamResponses = (team: readonly Member[]) =>
  team.map((m) => ({ respondent: m.label, role: m.role, answers: m.answers }))

/**
 * Whether the barriers come from the team's answers: when there are answers, unless the team
 * chose to pick barriers by hand and picked some.
 */
export const usesTeam = (state: Pick<AppState, 'team' | 'basis' | 'chosen'>): boolean =>
  state.team.length > 0 && (state.basis === 'team' || state.chosen.length === 0)
