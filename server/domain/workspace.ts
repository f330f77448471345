/**
 * @module The rules of a team's workspace that need no database: the vocabulary of rounds and
 * plans, whether a round takes submissions, what a new round carries forward, and how two
 * rounds' profiles compare. Pure: times come in as arguments.
 */
import type { Weighting } from './ranking.ts'
import type { Status } from './scoring.ts'
import { DEFAULT_SCORE_SETTINGS, type ScoreSettings } from './thresholds.ts'
import type { PlanRegion } from './school-year.ts'
import type { Actor, Effort, Phase } from './vocabulary.ts'

/** A round is open (takes submissions) or closed by the team. */
export const ROUND_STATES = ['open', 'closed'] as const
export type RoundState = (typeof ROUND_STATES)[number]

/** Where a strategy of the plan stands. */
export const PLAN_STATUSES = ['planned', 'running', 'done', 'stopped'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

/** The specification of an implementation strategy (Proctor et al. 2013), in form order. */
export const SPEC_FIELDS = ['actor', 'action', 'target', 'timing', 'dose', 'outcome', 'notes'] as const
export type SpecField = (typeof SPEC_FIELDS)[number]
export type PlanSpecification = Record<SpecField, string>

export const emptySpecification = (): PlanSpecification => ({
  actor: '',
  action: '',
  target: '',
  timing: '',
  dose: '',
  outcome: '',
  notes: '',
})

/** The recommendation filters a team sets (the plan's phase, who acts, how much effort). */
export type PlanFilters = {
  readonly phase?: Phase
  readonly actors: readonly Actor[]
  readonly maxEffort?: Effort
  readonly mode: 'ranked' | 'bundle'
  readonly limit: number
  readonly exclude: readonly string[]
  readonly inUse: readonly string[]
  /** How barriers weigh in the ranking; absent: by severity. */
  readonly weighting?: Weighting
  /** Only links from published sources (not our editorial proposals); absent: all sources. */
  readonly publishedOnly?: boolean
}

/** A round's settings: how it is scored, how recommendations are filtered, the approach in use. */
export type RoundSettings = {
  readonly score: ScoreSettings
  readonly filters: PlanFilters
  /** Strategies the approach already uses (the coverage check's input). */
  readonly approach: readonly string[]
  /** Groups of respondents with fewer answers are not shown on their own; absent: 5. */
  readonly minGroupSize?: number
}

export const DEFAULT_ROUND_SETTINGS: RoundSettings = {
  score: DEFAULT_SCORE_SETTINGS,
  filters: { actors: [], mode: 'ranked', limit: 10, exclude: [], inUse: [] },
  approach: [],
}

/** The groups a new workspace offers its respondents; the team can change them. */
export const DEFAULT_GROUPS = {
  nl: ['Docenten', 'Mentoren', 'Zorg en begeleiding', 'Schoolleiding', 'Ondersteunend personeel'],
  en: ['Teachers', 'Mentors', 'Care and guidance staff', 'School management', 'Support staff'],
} as const

/** The months of a school year in order, August first (1 = January … 12 = December). */
export const SCHOOL_YEAR_MONTHS = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7] as const

/**
 * What a team adds to a strategy of its plan for ordering it: its own feasibility and importance
 * (1–5, as in Waltz et al. 2015's go-zone ratings), the implementation phase it belongs to, and
 * when it runs (a calendar month 1–12 and how many months). Every field is optional: plans
 * stored before these existed read back unchanged.
 */
export type PlanSchedule = {
  readonly feasibility?: number
  readonly importance?: number
  readonly phase?: Phase
  readonly startMonth?: number
  readonly months?: number
}

export type PlanEntry = PlanSchedule & {
  readonly strategy: string
  readonly status: PlanStatus
  readonly spec: PlanSpecification
  readonly barriers: readonly number[]
}

/** Why a round takes no submission, or null when it takes them. */
export function roundRefusal(
  round: { readonly state: RoundState; readonly closesAt: number | null },
  now: number
): 'closed' | 'past-closing-date' | null {
  if (round.state === 'closed') return 'closed'
  if (round.closesAt !== null && now >= round.closesAt) return 'past-closing-date'
  return null
}

/**
 * What a new round starts from: the previous round's settings and plan. Strategies that were
 * stopped stay in the plan (the team decides whether to drop them); their written fields are
 * the team's work and are copied as they are. The timeline's region goes along; its school
 * year does not: a new round is usually a later year, and shows the one containing its day.
 */
export function carryForward(previous: {
  readonly settings: RoundSettings
  readonly planTitle: string
  readonly planRegion?: PlanRegion
  readonly plan: readonly PlanEntry[]
}): { settings: RoundSettings; planTitle: string; planRegion: PlanRegion; plan: PlanEntry[] } {
  return {
    settings: previous.settings,
    planTitle: previous.planTitle,
    planRegion: previous.planRegion ?? 'none',
    plan: previous.plan.map((e) => ({ ...e, spec: { ...e.spec }, barriers: [...e.barriers] })),
  }
}

/** One determinant's result in a round, as far as a comparison needs it. */
export type DeterminantResult = {
  readonly number: number
  readonly n: number
  readonly negativeShare: number | null
  readonly positiveShare: number | null
  readonly status: Status
}

export const CHANGES = ['improved', 'worsened', 'became-barrier', 'no-longer-barrier', 'unchanged', 'not-comparable'] as const
export type Change = (typeof CHANGES)[number]

export type DeterminantComparison = {
  readonly number: number
  readonly from: DeterminantResult
  readonly to: DeterminantResult
  /** to.negativeShare − from.negativeShare; null when either has no answers. */
  readonly negativeDelta: number | null
  readonly change: Change
}

/**
 * A change in the share of negative answers smaller than this is reported as unchanged: with
 * the team sizes of a school (10–60), one respondent more or less moves a share by 2–10 points.
 */
export const MEANINGFUL_CHANGE = 0.1

/**
 * Compares two rounds per determinant. A change of status across the barrier line is named as
 * such; otherwise the share of negative answers decides, within {@link MEANINGFUL_CHANGE}.
 */
export function compareRounds(
  from: readonly DeterminantResult[],
  to: readonly DeterminantResult[]
): DeterminantComparison[] {
  const later = new Map(to.map((d) => [d.number, d]))
  return from.flatMap((f) => {
    const t = later.get(f.number)
    if (!t) return []
    const comparable = f.status !== 'insufficient' && t.status !== 'insufficient'
    const delta =
      f.negativeShare !== null && t.negativeShare !== null ? round4(t.negativeShare - f.negativeShare) : null
    let change: Change
    if (!comparable || delta === null) change = 'not-comparable'
    else if (f.status === 'barrier' && t.status !== 'barrier') change = 'no-longer-barrier'
    else if (f.status !== 'barrier' && t.status === 'barrier') change = 'became-barrier'
    else if (delta <= -MEANINGFUL_CHANGE) change = 'improved'
    else if (delta >= MEANINGFUL_CHANGE) change = 'worsened'
    else change = 'unchanged'
    return [{ number: f.number, from: f, to: t, negativeDelta: delta, change }]
  })
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4

/**
 * The plan's strategies that address a determinant which improved (or stopped being a
 * barrier) between the rounds, through a link of the knowledge base or the barriers the team
 * chose the strategy for. A prompt for the team's reflection, not a claim of effect.
 */
export function strategiesBehindImprovements(
  comparison: readonly DeterminantComparison[],
  plan: readonly PlanEntry[],
  linked: (strategy: string) => ReadonlySet<number>
): { strategy: string; status: PlanStatus; determinants: number[] }[] {
  const improved = new Set(
    comparison.filter((c) => c.change === 'improved' || c.change === 'no-longer-barrier').map((c) => c.number)
  )
  return plan.flatMap((e) => {
    const targets = new Set([...e.barriers, ...linked(e.strategy)])
    const determinants = [...improved].filter((d) => targets.has(d)).sort((a, b) => a - b)
    return determinants.length > 0 ? [{ strategy: e.strategy, status: e.status, determinants }] : []
  })
}

/**
 * A round's submissions at `revision`, from a copy of them at an earlier revision and the
 * submissions stored since (those with a larger seq). A submission's seq is the revision it
 * arrived at and a deletion takes a revision of its own without one, so the copy and the new
 * ones are the round exactly when the new ones fill every revision in between. Null when they
 * do not — something was deleted, or the copy is from a later revision — and the round must
 * be read whole. Submissions newer than `revision` (stored after the round was read) wait for
 * the next read.
 */
export function withAppended<T extends { readonly seq: number }>(
  copy: { readonly revision: number; readonly submissions: readonly T[] },
  since: readonly T[],
  revision: number
): T[] | null {
  if (revision < copy.revision) return null
  const fresh = since.filter((s) => s.seq > copy.revision && s.seq <= revision)
  if (fresh.length !== revision - copy.revision) return null
  return [...copy.submissions, ...fresh]
}
