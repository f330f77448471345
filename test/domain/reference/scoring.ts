/**
 * @module The scoring engine as it was before the one-pass rewrite (commit 11883af), kept only
 * as the reference the optimised scoreResponses is checked against: one loop per determinant
 * over all respondents, after a separate validation pass. Not for use outside tests.
 */
import type { DeterminantInfo, Questionnaire } from '../../../server/domain/questionnaire.ts'
import {
  ResponseValidationError,
  type DeterminantScore,
  type GroupSummary,
  type ResponseIssue,
  type ResponseRecord,
  type ScoreProfile,
  type Status,
} from '../../../server/domain/scoring.ts'
import {
  DEFAULT_SCORE_SETTINGS,
  SHARE_EPSILON,
  type ScoreSettings,
} from '../../../server/domain/thresholds.ts'
import { certaintyOf, wilsonInterval } from '../../../server/domain/uncertainty.ts'
import { GROUPS, type OptionValence } from '../../../server/domain/vocabulary.ts'

const VALENCE_CODE: Record<OptionValence, number> = { negative: -1, neutral: 0, positive: 1, missing: Number.NaN }

function validateResponses(
  questionnaire: Questionnaire,
  responses: readonly ResponseRecord[]
): ResponseIssue[] {
  let optionsByItem = optionSets.get(questionnaire)
  if (!optionsByItem) {
    optionsByItem = new Map(
      questionnaire.items.map((i) => [i.id, new Set(i.options.map((o) => o.value))])
    )
    optionSets.set(questionnaire, optionsByItem)
  }
  const issues: ResponseIssue[] = []
  responses.forEach((r, index) => {
    const label = r.respondent
    for (const itemId in r.answers) {
      const value = r.answers[itemId]
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

const optionSets = new WeakMap<Questionnaire, ReadonlyMap<string, ReadonlySet<number>>>()

/** `count` out of `n` reaches `share`, with a tolerance for floating-point rounding. */
function reaches(count: number, n: number, share: number): boolean {
  return n > 0 && count / n >= share - SHARE_EPSILON
}

function share(count: number, n: number): number | null {
  return n === 0 ? null : count / n
}

/** An option as the inner loop needs it: valence as −1/0/+1, score or NaN. */
type CompiledOption = { readonly code: number; readonly score: number }
type CompiledDeterminant = {
  readonly info: DeterminantInfo
  readonly itemIds: readonly string[]
  readonly options: readonly ReadonlyMap<number, CompiledOption>[]
}

/**
 * The questionnaire arranged for scoring: per determinant its item ids and option lookups.
 * Built once per questionnaire (the knowledge base changes rarely; teams are scored often).
 */
const compiled = new WeakMap<Questionnaire, readonly CompiledDeterminant[]>()
function compile(questionnaire: Questionnaire): readonly CompiledDeterminant[] {
  let result = compiled.get(questionnaire)
  if (!result) {
    result = questionnaire.determinants.map((info) => {
      const items = questionnaire.items.filter((i) => i.determinant === info.number)
      return {
        info,
        itemIds: items.map((i) => i.id),
        options: items.map(
          (i) =>
            new Map(
              i.options.map((o) => [
                o.value,
                { code: VALENCE_CODE[o.valence], score: o.score ?? Number.NaN },
              ])
            )
        ),
      }
    })
    compiled.set(questionnaire, result)
  }
  return result
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
export function referenceScoreResponses(
  questionnaire: Questionnaire,
  responses: readonly ResponseRecord[],
  settings: Partial<ScoreSettings> = {}
): ScoreProfile {
  const issues = validateResponses(questionnaire, responses)
  if (issues.length > 0) throw new ResponseValidationError(issues)
  const s: ScoreSettings = { ...DEFAULT_SCORE_SETTINGS, ...settings }
  const keyInformants = responses.filter((r) => r.role === 'key-informant')

  const determinants = compile(questionnaire).map((d) => {
    const useKeyInformants = d.info.respondent === 'key-informant' && keyInformants.length > 0
    return scoreDeterminant(d, useKeyInformants ? keyInformants : responses, s, useKeyInformants)
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
  d: CompiledDeterminant,
  responses: readonly ResponseRecord[],
  s: ScoreSettings,
  useKeyInformants: boolean
): DeterminantScore {
  const itemCount = d.itemIds.length
  const itemN = new Array<number>(itemCount).fill(0)
  const itemNegative = new Array<number>(itemCount).fill(0)
  const itemNeutral = new Array<number>(itemCount).fill(0)
  let negative = 0
  let neutral = 0
  let positive = 0
  let scoreSum = 0
  let scored = 0

  for (const r of responses) {
    let answered = 0
    let codeSum = 0
    let itemScoreSum = 0
    let itemScored = 0
    for (let i = 0; i < itemCount; i++) {
      const value = r.answers[d.itemIds[i] as string]
      if (value === null || value === undefined) continue
      const option = d.options[i]?.get(value)
      if (!option) continue // unreachable after validateResponses
      if (Number.isNaN(option.code)) continue // an option that counts as missing
      answered++
      codeSum += option.code
      itemN[i]!++
      if (option.code < 0) itemNegative[i]!++
      else if (option.code === 0) itemNeutral[i]!++
      if (!Number.isNaN(option.score)) {
        itemScoreSum += option.score
        itemScored++
      }
    }
    if (answered === 0) continue
    // The sign of the mean valence is the sign of the sum.
    if (codeSum < 0) negative++
    else if (codeSum > 0) positive++
    else neutral++
    if (itemScored > 0) {
      scoreSum += itemScoreSum / itemScored
      scored++
    }
  }

  const n = negative + neutral + positive
  const minAnswers = d.info.respondent === 'key-informant' ? 1 : s.minAnswers
  const status: Status =
    n < minAnswers || n === 0
      ? 'insufficient'
      : reaches(negative, n, s.barrierShare)
        ? 'barrier'
        : reaches(positive, n, s.facilitatorShare)
          ? 'facilitator'
          : 'neutral'

  return {
    number: d.info.number,
    group: d.info.group,
    respondent: d.info.respondent,
    n,
    mean: scored === 0 ? null : scoreSum / scored,
    negativeShare: share(negative, n),
    neutralShare: share(neutral, n),
    positiveShare: share(positive, n),
    negativeShareInterval: wilsonInterval(negative, n),
    positiveShareInterval: wilsonInterval(positive, n),
    status,
    certainty: certaintyOf(status, wilsonInterval(negative, n), wilsonInterval(positive, n), s),
    polarised: reaches(negative, n, s.barrierShare) && reaches(positive, n, s.barrierShare),
    counted: useKeyInformants ? 'key-informants' : 'all-respondents',
    items: d.itemIds.map((id, i) => {
      const total = itemN[i] ?? 0
      const neg = itemNegative[i] ?? 0
      const neu = itemNeutral[i] ?? 0
      return {
        id,
        n: total,
        negativeShare: share(neg, total),
        neutralShare: share(neu, total),
        positiveShare: share(total - neg - neu, total),
      }
    }),
  }
}
