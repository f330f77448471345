/**
 * A tiny, hand-made questionnaire for the domain tests: every rule of the scoring engine can be
 * computed by hand on it.
 */
import { applyReversal, type Questionnaire } from '../../server/domain/questionnaire.ts'
import type { Valence } from '../../server/domain/vocabulary.ts'

const agree = [1, 2, 3, 4, 5].map((value) => ({
  value,
  score: value,
  valence: (value <= 2 ? 'negative' : value === 3 ? 'neutral' : 'positive') as Valence,
}))
const yesNo = [
  { value: 1, score: null, valence: 'positive' as Valence },
  { value: 0, score: null, valence: 'negative' as Valence },
]

/**
 * Determinants: 1 (one agree item, d01), 4 (reverse-scored agree item, d04), 13 (two agree
 * items, d13a and d13b), 19 (key-informant yes/no, d19), 29 (key-informant agree, d29).
 */
export const miniQuestionnaire: Questionnaire = {
  determinants: [
    { number: 1, group: 'innovation', respondent: 'user' },
    { number: 4, group: 'innovation', respondent: 'user' },
    { number: 13, group: 'user', respondent: 'user' },
    { number: 19, group: 'organisation', respondent: 'key-informant' },
    { number: 29, group: 'context', respondent: 'key-informant' },
  ],
  items: [
    { id: 'd01', determinant: 1, respondent: 'user', reverse: false, options: agree },
    { id: 'd04', determinant: 4, respondent: 'user', reverse: true, options: applyReversal(agree, true) },
    { id: 'd13a', determinant: 13, respondent: 'user', reverse: false, options: agree },
    { id: 'd13b', determinant: 13, respondent: 'user', reverse: false, options: agree },
    { id: 'd19', determinant: 19, respondent: 'key-informant', reverse: false, options: yesNo },
    { id: 'd29', determinant: 29, respondent: 'key-informant', reverse: false, options: agree },
  ],
}

/** `n` respondents who answer one item with the values given, in order (null = skipped). */
export function answering(item: string, values: readonly (number | null)[]) {
  return values.map((value, i) => ({ respondent: `r${i + 1}`, answers: { [item]: value } }))
}
