/**
 * @module Scores a team's MIDI questionnaire: per determinant the shares of negative, neutral
 * and positive answers, the mean score and a verdict (barrier, neutral, facilitator or too few
 * answers); per group a summary; and the barriers, most severe first.
 *
 * The rules are written out in docs/engine.md and pinned by test/domain/scoring.test.ts.
 */
import type { DeterminantInfo, Questionnaire, ScoredOption } from './questionnaire.ts'
import { DEFAULT_SCORE_SETTINGS, SHARE_EPSILON, type ScoreSettings } from './thresholds.ts'
import { GROUPS, type Group, type Respondent, type Valence } from './vocabulary.ts'

/** One respondent's answers: item id → option value, or null (skipped). */
export type ResponseRecord = {
  readonly respondent?: string
  readonly role?: Respondent
  readonly answers: Readonly<Record<string, number | null | undefined>>
}

export const STATUSES = ['barrier', 'neutral', 'facilitator', 'insufficient'] as const
export type Status = (typeof STATUSES)[number]

export type ItemScore = {
  readonly id: string
  readonly n: number
  readonly negativeShare: number | null
  readonly neutralShare: number | null
  readonly positiveShare: number | null
}

export type DeterminantScore = {
  readonly number: number
  readonly group: Group
  readonly respondent: Respondent
  /** Respondents who answered at least one of the determinant's items (and were counted). */
  readonly n: number
  /** Mean on the 1–5 scale after reversal; null where no answer has a score (yes/no) or n = 0. */
  readonly mean: number | null
  readonly negativeShare: number | null
  readonly neutralShare: number | null
  readonly positiveShare: number | null
  readonly status: Status
  /** True when both negative and positive shares reach the barrier threshold: the team disagrees. */
  readonly polarised: boolean
  /** Where the key informant's answers were the ones counted (see docs/engine.md). */
  readonly counted: 'all-respondents' | 'key-informants'
  readonly items: readonly ItemScore[]
}

export type GroupSummary = {
  readonly group: Group
  readonly determinants: number
  readonly barriers: number
  readonly neutral: number
  readonly facilitators: number
  readonly insufficient: number
  /** Mean negative share over the group's determinants that have answers; null if none has. */
  readonly meanNegativeShare: number | null
}

export type ScoreProfile = {
  readonly respondents: number
  readonly keyInformants: number
  readonly settings: ScoreSettings
  readonly determinants: readonly DeterminantScore[]
  readonly groups: readonly GroupSummary[]
  /** Barrier determinant numbers, most severe (highest negative share) first; ties by number. */
  readonly barriers: readonly number[]
}

/** A problem with one answer or record, located by respondent index and item. */
export type ResponseIssue = {
  readonly respondent: number
  readonly label?: string
  readonly item?: string
  readonly message: string
}

/** Thrown by {@link scoreResponses} when any answer is invalid; nothing is scored then. */
export class ResponseValidationError extends Error {
  readonly issues: readonly ResponseIssue[]
  constructor(issues: readonly ResponseIssue[]) {
    super(
      issues
        .slice(0, 5)
        .map((i) => `respondent ${i.label ?? i.respondent + 1}${i.item ? `, item ${i.item}` : ''}: ${i.message}`)
        .join('; ')
    )
    this.name = 'ResponseValidationError'
    this.issues = issues
  }
}

const VALENCE_CODE: Record<Valence, number> = { negative: -1, neutral: 0, positive: 1 }

/**
 * Checks every answer against the questionnaire: the item must exist and the value must be one
 * of its options. Returns all problems found (empty when the responses are valid).
 */
export function validateResponses(
  questionnaire: Questionnaire,
  responses: readonly ResponseRecord[]
): ResponseIssue[] {
  const optionsByItem = new Map(questionnaire.items.map((i) => [i.id, new Set(i.options.map((o) => o.value))]))
  const issues: ResponseIssue[] = []
  responses.forEach((r, index) => {
    const label = r.respondent
    for (const [itemId, value] of Object.entries(r.answers)) {
      const options = optionsByItem.get(itemId)
      if (!options) {
        issues.push({ respondent: index, label, item: itemId, message: `unknown item '${itemId}'` })
      } else if (value !== null && value !== undefined && !options.has(value)) {
        issues.push({
          respondent: index,
          label,
          item: itemId,
          message: `${String(value)} is not an option of item ${itemId} (options: ${[...options].join(', ')})`,
        })
      }
    }
  })
  return issues
}

/** `count` out of `n` reaches `share`, with a tolerance for floating-point rounding. */
function reaches(count: number, n: number, share: number): boolean {
  return n > 0 && count / n >= share - SHARE_EPSILON
}

function share(count: number, n: number): number | null {
  return n === 0 ? null : count / n
}

/** Sign of the mean valence code: how one respondent's answers to a determinant's items count. */
function respondentValence(options: readonly ScoredOption[]): Valence {
  const mean = options.reduce((sum, o) => sum + VALENCE_CODE[o.valence], 0) / options.length
  return mean < 0 ? 'negative' : mean > 0 ? 'positive' : 'neutral'
}

/**
 * Scores the answers of one team.
 *
 * Rules (docs/engine.md): missing answers are left out, never counted as zero. For a
 * determinant with several items, each respondent's answers to those items are combined
 * first — the sign of the mean valence (−1 negative, 0 neutral, +1 positive) decides whether
 * the respondent counts as negative, neutral or positive — so shares are shares of
 * respondents. Key-informant determinants (19–29) count only the answers of respondents with
 * role `key-informant` when there are any, otherwise everyone's, and need one answer for a
 * verdict; `minAnswers` applies to user determinants. A determinant is a barrier when its
 * negative share reaches `barrierShare` (this wins when both thresholds are met), otherwise a
 * facilitator when its positive share reaches `facilitatorShare`, otherwise neutral.
 *
 * @throws {ResponseValidationError} when any answer names an unknown item or a value that is
 *   not one of the item's options.
 */
export function scoreResponses(
  questionnaire: Questionnaire,
  responses: readonly ResponseRecord[],
  settings: Partial<ScoreSettings> = {}
): ScoreProfile {
  const issues = validateResponses(questionnaire, responses)
  if (issues.length > 0) throw new ResponseValidationError(issues)
  const s: ScoreSettings = { ...DEFAULT_SCORE_SETTINGS, ...settings }
  const keyInformants = responses.filter((r) => r.role === 'key-informant')

  const determinants = questionnaire.determinants.map((d) => {
    const items = questionnaire.items.filter((i) => i.determinant === d.number)
    const useKeyInformants = d.respondent === 'key-informant' && keyInformants.length > 0
    const counted = useKeyInformants ? keyInformants : responses
    return scoreDeterminant(d, items, counted, s, useKeyInformants)
  })

  const groups: GroupSummary[] = GROUPS.map((group) => {
    const inGroup = determinants.filter((d) => d.group === group)
    const withAnswers = inGroup.filter((d) => d.negativeShare !== null)
    const count = (status: Status) => inGroup.filter((d) => d.status === status).length
    return {
      group,
      determinants: inGroup.length,
      barriers: count('barrier'),
      neutral: count('neutral'),
      facilitators: count('facilitator'),
      insufficient: count('insufficient'),
      meanNegativeShare:
        withAnswers.length === 0
          ? null
          : withAnswers.reduce((sum, d) => sum + (d.negativeShare ?? 0), 0) / withAnswers.length,
    }
  })

  const barriers = determinants
    .filter((d) => d.status === 'barrier')
    .sort((a, b) => (b.negativeShare ?? 0) - (a.negativeShare ?? 0) || a.number - b.number)
    .map((d) => d.number)

  return {
    respondents: responses.length,
    keyInformants: keyInformants.length,
    settings: s,
    determinants,
    groups,
    barriers,
  }
}

function scoreDeterminant(
  d: DeterminantInfo,
  items: Questionnaire['items'],
  responses: readonly ResponseRecord[],
  s: ScoreSettings,
  useKeyInformants: boolean
): DeterminantScore {
  const optionMaps = items.map((i) => new Map(i.options.map((o) => [o.value, o])))
  const tally = { negative: 0, neutral: 0, positive: 0 }
  const itemTallies = items.map(() => ({ n: 0, negative: 0, neutral: 0, positive: 0 }))
  let scoreSum = 0
  let scored = 0

  for (const r of responses) {
    const answered: ScoredOption[] = []
    items.forEach((item, index) => {
      const value = r.answers[item.id]
      if (value === null || value === undefined) return
      const option = optionMaps[index]?.get(value)
      if (!option) return // unreachable after validateResponses
      answered.push(option)
      const it = itemTallies[index]
      if (it) {
        it.n++
        it[option.valence]++
      }
    })
    if (answered.length === 0) continue
    tally[respondentValence(answered)]++
    const scores = answered.map((o) => o.score).filter((x): x is number => x !== null)
    if (scores.length > 0) {
      scoreSum += scores.reduce((a, b) => a + b, 0) / scores.length
      scored++
    }
  }

  const n = tally.negative + tally.neutral + tally.positive
  const minAnswers = d.respondent === 'key-informant' ? 1 : s.minAnswers
  const status: Status =
    n < minAnswers || n === 0
      ? 'insufficient'
      : reaches(tally.negative, n, s.barrierShare)
        ? 'barrier'
        : reaches(tally.positive, n, s.facilitatorShare)
          ? 'facilitator'
          : 'neutral'

  return {
    number: d.number,
    group: d.group,
    respondent: d.respondent,
    n,
    mean: scored === 0 ? null : scoreSum / scored,
    negativeShare: share(tally.negative, n),
    neutralShare: share(tally.neutral, n),
    positiveShare: share(tally.positive, n),
    status,
    polarised: reaches(tally.negative, n, s.barrierShare) && reaches(tally.positive, n, s.barrierShare),
    counted: useKeyInformants ? 'key-informants' : 'all-respondents',
    items: items.map((item, index) => {
      const it = itemTallies[index] ?? { n: 0, negative: 0, neutral: 0, positive: 0 }
      return {
        id: item.id,
        n: it.n,
        negativeShare: share(it.negative, it.n),
        neutralShare: share(it.neutral, it.n),
        positiveShare: share(it.positive, it.n),
      }
    }),
  }
}
