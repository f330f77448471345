/**
 * @module The state a team keeps in its browser: the respondents collected so far, the
 * questionnaire draft of the one answering now, the thresholds, the barriers picked by hand,
 * the plan filters, the plan and the approach to check. Persisted in localStorage and read
 * back entry by entry ({@link readState}): a stale or damaged copy cannot break the app, and one
 * bad entry never takes the valid ones with it.
 */
// zod/mini, not zod: this module is on the first screen, and the mini build tree-shakes to a
// few kilobytes where the classic one weighs about 28 kB gzipped.
import * as z from 'zod/mini'
import { RANKING_ORDERS } from '../../server/domain/feasibility.ts'
import { WEIGHTINGS } from '../../server/domain/ranking.ts'
import { ACTORS, EFFORTS, PHASES, RESPONDENTS } from '../../server/domain/vocabulary.ts'
import { emptySpecification } from '../../server/domain/workspace.ts'
import { parseSchoolYear, PLAN_REGIONS } from '../../server/domain/school-year.ts'
import {
  list,
  object,
  orDefault,
  orWhenMissing,
  readLeniently,
  record,
  UNREADABLE,
  valid,
  type Reader,
  type UnreadablePart,
} from './lenient-read.ts'

const Phase = z.enum(PHASES)
const Actor = z.enum(ACTORS)
const Effort = z.enum(EFFORTS)
const Respondent = z.enum(RESPONDENTS)
const Slug = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/))
const int = () => z.number().check(z.int())
const Answer = z.nullable(int())
const Answers = z.record(z.string(), Answer)

export const Member = z.object({
  id: z.string(),
  label: z.string(),
  role: Respondent,
  answers: Answers,
  /** Where an imported response came from (the tool's response id, or a digest of its row): imported again, it is not doubled. */
  key: z.optional(z.string()),
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
const MinAnswers = int().check(z.minimum(1))
export const Settings = z.object({
  barrierShare: share(),
  facilitatorShare: share(),
  minAnswers: MinAnswers,
})
export type Settings = z.infer<typeof Settings>

const DeterminantNumber = int().check(z.minimum(1), z.maximum(29))
const Severity = z.number().check(z.minimum(0), z.maximum(1))
export const ChosenBarrier = z.object({
  determinant: DeterminantNumber,
  severity: z.optional(Severity),
})
export type ChosenBarrier = z.infer<typeof ChosenBarrier>

const Mode = z.enum(['ranked', 'bundle'])
const Limit = int().check(z.minimum(1), z.maximum(200))
const Weighting = z.enum(WEIGHTINGS)
const Order = z.enum(RANKING_ORDERS)
export const Filters = z.object({
  phase: z.optional(Phase),
  actors: z.array(Actor),
  maxEffort: z.optional(Effort),
  mode: Mode,
  limit: Limit,
  exclude: z.array(Slug),
  inUse: z.array(Slug),
  /** How barriers weigh in the ranking; absent: by severity. */
  weighting: z.optional(Weighting),
  /** Only links from published sources (every tier but our proposal), on the recommendations and the coverage check. */
  publishedOnly: z.optional(z.boolean()),
  /** Ranked mode: "feasibility" puts the most feasible of the best-fitting strategies first; absent: by fit. */
  order: z.optional(Order),
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

const Rating = z.number().check(z.int(), z.minimum(1), z.maximum(5))
const Month = z.number().check(z.int(), z.minimum(1), z.maximum(12))

export const PlanEntry = z.object({
  strategy: Slug,
  spec: Specification,
  /** The barriers the strategy was recommended for, when it came from the recommendations. */
  barriers: z.array(DeterminantNumber),
  /** The team's own feasibility and importance (1–5); absent in plans stored before them. */
  feasibility: z.optional(Rating),
  importance: z.optional(Rating),
  /** When it runs: its phase, a calendar month to start (1–12) and how many months. */
  phase: z.optional(Phase),
  startMonth: z.optional(Month),
  months: z.optional(Month),
})
export type PlanEntry = z.infer<typeof PlanEntry>

const SchoolYear = z.string().check(z.refine((s) => parseSchoolYear(s) !== null))
/** Where the plan's timeline runs: a holiday region ('none': no holidays) and a school year (null: the one containing today). */
export const PlanCalendar = z.object({
  region: z.enum(PLAN_REGIONS),
  schoolYear: z.nullable(SchoolYear),
})
export type PlanCalendar = z.infer<typeof PlanCalendar>

const Basis = z.enum(['team', 'chosen'])
export const AppState = z.object({
  team: z.array(Member),
  draft: z.nullable(Draft),
  settings: Settings,
  chosen: z.array(ChosenBarrier),
  /** Whether recommendations start from the team's answers or from barriers picked by hand. */
  basis: Basis,
  filters: Filters,
  planTitle: z.string(),
  planCalendar: PlanCalendar,
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
  planCalendar: { region: 'none', schoolYear: null },
  plan: [],
  approach: [],
}

export const emptySpec = (): Specification => emptySpecification()

/** A fresh id for a respondent (no crypto.randomUUID: it needs a secure context). */
export const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

// How a stored copy is read back. A list keeps each entry it can read; an entry is set aside
// whole only when a field that gives it its meaning is unreadable (a plan entry's strategy, a
// respondent's role, a chosen barrier's number). A missing field (an older copy) gets its
// default; an unreadable one that has a harmless default (a threshold, a filter, one written
// text, one answer) gets the default and the stored value is set aside.
const optional = <T>(read: Reader<T>) => orDefault<T | undefined>(read, () => undefined)
const text = orDefault(valid(z.string()), () => '')
const answers = orDefault(record(valid(Answer)), () => ({}))
const slugs = orDefault(list(valid(Slug)), () => [])

const readMember: Reader<Member> = object({
  id: orDefault(valid(z.string()), newId),
  label: text,
  // An older copy without roles counts everyone as a user, as the CSV import does.
  role: orWhenMissing(valid(Respondent), () => 'user' as const),
  answers,
  key: optional(valid(z.string())),
})

const readDraftObject: Reader<Draft> = object({
  label: text,
  role: orWhenMissing(valid(Respondent), () => 'user' as const),
  alsoUser: orDefault(valid(z.boolean()), () => false),
  answers,
  step: orDefault(valid(int().check(z.minimum(0))), () => 0),
})
const readDraft: Reader<Draft | null> = (value, path, aside) =>
  value === null ? null : readDraftObject(value, path, aside)

const readSettings: Reader<Settings> = object({
  barrierShare: orDefault(valid(share()), () => DEFAULT_STATE.settings.barrierShare),
  facilitatorShare: orDefault(valid(share()), () => DEFAULT_STATE.settings.facilitatorShare),
  minAnswers: orDefault(valid(MinAnswers), () => DEFAULT_STATE.settings.minAnswers),
})

const readChosen: Reader<ChosenBarrier> = object({
  determinant: valid(DeterminantNumber),
  severity: optional(valid(Severity)),
})

const readFilters: Reader<Filters> = object({
  phase: optional(valid(Phase)),
  actors: orDefault(list(valid(Actor)), () => []),
  maxEffort: optional(valid(Effort)),
  mode: orDefault(valid(Mode), () => DEFAULT_STATE.filters.mode),
  limit: orDefault(valid(Limit), () => DEFAULT_STATE.filters.limit),
  exclude: slugs,
  inUse: slugs,
  weighting: optional(valid(Weighting)),
  publishedOnly: optional(valid(z.boolean())),
  order: optional(valid(Order)),
})

const readSpec = object(
  Object.fromEntries(SPEC_FIELDS.map((f) => [f, text]))
) as Reader<Specification>

const readPlanEntry: Reader<PlanEntry> = object({
  strategy: valid(Slug),
  spec: orDefault(readSpec, emptySpec),
  barriers: orDefault(list(valid(DeterminantNumber)), () => []),
  feasibility: optional(valid(Rating)),
  importance: optional(valid(Rating)),
  phase: optional(valid(Phase)),
  startMonth: optional(valid(Month)),
  months: optional(valid(Month)),
})

const readAppState: Reader<AppState> = object({
  team: orDefault(
    list(readMember, (m) => m.id),
    () => []
  ),
  draft: orDefault(readDraft, () => null),
  settings: orDefault(readSettings, () => DEFAULT_STATE.settings),
  chosen: orDefault(list(readChosen), () => []),
  basis: orDefault(valid(Basis), () => DEFAULT_STATE.basis),
  filters: orDefault(readFilters, () => DEFAULT_STATE.filters),
  planTitle: text,
  planCalendar: orDefault(
    object({
      region: orDefault(valid(z.enum(PLAN_REGIONS)), () => 'none' as const),
      schoolYear: orDefault(valid(z.nullable(SchoolYear)), () => null),
    }),
    () => DEFAULT_STATE.planCalendar
  ),
  plan: orDefault(
    list(readPlanEntry, (p) => p.strategy),
    () => []
  ),
  approach: slugs,
})

/** A stored state as read back: what could be read, and what could not. */
export interface StateReading {
  state: AppState
  /** Each part that could not be read, with its path in the stored copy (`''`: all of it). */
  unreadable: UnreadablePart[]
}

/**
 * Reads a stored state entry by entry: every readable respondent, plan entry, chosen barrier
 * and filter entry is kept, missing fields get their defaults, and the rest is returned as
 * `unreadable` so the caller can set it aside and say so.
 */
export function readState(raw: unknown): StateReading {
  const { value, unreadable } = readLeniently(readAppState, raw)
  if (value === UNREADABLE) return { state: DEFAULT_STATE, unreadable: [{ path: '', value: raw }] }
  return { state: value, unreadable }
}

/** The team's answers as the API's `responses`. */
export const teamResponses = (team: readonly Member[]) =>
  team.map((m) => ({ respondent: m.label, role: m.role, answers: m.answers }))

/**
 * Whether the barriers come from the team's answers: when there are answers, unless the team
 * chose to pick barriers by hand and picked some.
 */
export const usesTeam = (state: Pick<AppState, 'team' | 'basis' | 'chosen'>): boolean =>
  state.team.length > 0 && (state.basis === 'team' || state.chosen.length === 0)
