/**
 * @module The questionnaire as the engine sees it: items with their options, valences already
 * adjusted for reverse-scored items.
 */
import type { Group, OptionValence, Respondent } from './vocabulary.ts'

/** An answer option after reversal: its valence and score are as they count for scoring. */
export type ScoredOption = {
  readonly value: number
  /** `missing`: a real answer ("not yet applicable / don't know") that scoring leaves out. */
  readonly valence: OptionValence
  /** 1 (least favourable) … 5 (most favourable), or null where the scale has no mean (yes/no). */
  readonly score: number | null
}

export type QuestionnaireItem = {
  readonly id: string
  readonly determinant: number
  readonly respondent: Respondent
  readonly reverse: boolean
  readonly options: readonly ScoredOption[]
}

export type DeterminantInfo = {
  readonly number: number
  readonly group: Group
  readonly respondent: Respondent
}

/** What the scoring engine needs to know about the questionnaire. */
export type Questionnaire = {
  readonly determinants: readonly DeterminantInfo[]
  readonly items: readonly QuestionnaireItem[]
}

const FLIP: Record<OptionValence, OptionValence> = {
  negative: 'positive',
  neutral: 'neutral',
  positive: 'negative',
  missing: 'missing',
}

/**
 * Returns an item's options as they count for scoring. For a reverse-scored item (agreeing is
 * the unfavourable answer, e.g. "the approach is too complex for me") negative and positive
 * valences swap and scores mirror around the middle of the scale (1 ↔ 5, 2 ↔ 4).
 */
export function applyReversal<O extends ScoredOption>(options: readonly O[], reverse: boolean): O[] {
  if (!reverse) return [...options]
  const scores = options.flatMap((o) => (o.valence !== 'missing' && o.score !== null ? [o.score] : []))
  const mirror = scores.length > 0 ? Math.min(...scores) + Math.max(...scores) : 0
  return options.map((o) => ({
    ...o,
    valence: FLIP[o.valence],
    score: o.score === null ? null : mirror - o.score,
  }))
}
