import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  applyReversal,
  type Questionnaire,
  type ScoredOption,
} from '../../server/domain/questionnaire.ts'
import {
  ResponseValidationError,
  scoreResponses,
  type ResponseRecord,
} from '../../server/domain/scoring.ts'
import { GROUPS, OPTION_VALENCES, RESPONDENTS } from '../../server/domain/vocabulary.ts'
import { referenceScoreResponses } from './reference/scoring.ts'

const agree: ScoredOption[] = [1, 2, 3, 4, 5].map((value) => ({
  value,
  score: value,
  valence: value <= 2 ? 'negative' : value === 3 ? 'neutral' : 'positive',
}))

/** Options of one scale: the agree scale, or random values, valences and (fractional) scores. */
const arbitraryOptions = fc.oneof(
  fc.constant(agree),
  fc
    .uniqueArray(
      fc.record({
        value: fc.integer({ min: -1, max: 6 }),
        valence: fc.constantFrom(...OPTION_VALENCES),
        score: fc.option(
          fc.oneof(
            fc.integer({ min: 1, max: 5 }),
            fc.constantFrom(0.1, 0.2, 0.7, 1.3),
            fc.double({ min: 0, max: 5, noNaN: true })
          ),
          { nil: null }
        ),
      }),
      { selector: (o) => o.value, minLength: 1, maxLength: 5 }
    )
    .map((options) => options as ScoredOption[])
)

/** A questionnaire of up to 8 determinants with 0–3 items each, and items of no listed determinant. */
const arbitraryQuestionnaire: fc.Arbitrary<Questionnaire> = fc
  .uniqueArray(
    fc.record({
      number: fc.integer({ min: 1, max: 12 }),
      group: fc.constantFrom(...GROUPS),
      respondent: fc.constantFrom(...RESPONDENTS),
      items: fc.array(fc.record({ options: arbitraryOptions, reverse: fc.boolean() }), {
        maxLength: 3,
      }),
    }),
    { selector: (d) => d.number, maxLength: 8 }
  )
  .chain((determinants) =>
    fc
      .array(
        fc.record({ determinant: fc.integer({ min: 13, max: 14 }), options: arbitraryOptions }),
        { maxLength: 2 }
      )
      .chain((orphans) =>
        fc.record({
          orphans: fc.constant(orphans),
          twice: fc.integer({ min: 0, max: 9 }),
          options: arbitraryOptions,
        })
      )
      .map(({ orphans, twice, options }) => ({
        determinants: determinants.map(({ number, group, respondent }) => ({
          number,
          group,
          respondent,
        })),
        items: [
          ...determinants.flatMap((d) =>
            d.items.map((item, i) => ({
              // Some ids look like array indices, which for…in visits first.
              id: d.number % 3 === 0 ? `${d.number * 10 + i}` : `d${d.number}${'abc'[i]}`,
              determinant: d.number,
              respondent: d.respondent,
              reverse: item.reverse,
              options: applyReversal(item.options, item.reverse),
            }))
          ),
          ...orphans.map((o, i) => ({
            id: `orphan${i}`,
            determinant: o.determinant,
            respondent: 'user' as const,
            reverse: false,
            options: o.options,
          })),
        ],
        twice,
        options,
      }))
      // Now and then a questionnaire lists a determinant twice, or two items share an id.
      .map(({ determinants, items, twice, options }) => {
        const [firstDeterminant] = determinants
        const [firstItem] = items
        if (twice === 0 && firstDeterminant)
          return { determinants: [...determinants, firstDeterminant], items }
        if (twice === 1 && firstItem)
          return { determinants, items: [...items, { ...firstItem, options }] }
        return { determinants, items }
      })
  )

/** Mostly valid answers; now and then an unknown item or a value that is not an option. */
function arbitraryResponses(q: Questionnaire): fc.Arbitrary<ResponseRecord[]> {
  const ids = q.items.map((i) => i.id)
  const answer = (id: string) => {
    const values = q.items.find((i) => i.id === id)?.options.map((o) => o.value) ?? []
    return fc.oneof(
      { weight: 8, arbitrary: values.length > 0 ? fc.constantFrom(...values) : fc.constant(null) },
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.integer({ min: -2, max: 8 }) }
    )
  }
  const answers = fc
    .tuple(
      fc.shuffledSubarray(ids),
      fc.array(fc.constantFrom('x1', 'zz'), { maxLength: 1 }),
      fc.integer({ min: 0, max: 30 })
    )
    .chain(([known, unknown, validity]) => {
      // One record in ~30 names an unknown item; the rest name known ones only.
      const keys = validity === 0 ? [...known, ...unknown] : known
      return fc.tuple(...keys.map((k) => answer(k))).map((values) => {
        const record: Record<string, number | null | undefined> = {}
        keys.forEach((k, i) => (record[k] = values[i]))
        return record
      })
    })
  return fc.array(
    fc.record(
      {
        respondent: fc.constantFrom('Ans', 'Bo', ' '),
        role: fc.constantFrom(...RESPONDENTS),
        answers,
      },
      { requiredKeys: ['answers'] }
    ),
    { maxLength: 12 }
  )
}

const arbitrarySettings = fc.record(
  {
    barrierShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
    facilitatorShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
    minAnswers: fc.integer({ min: 1, max: 4 }),
  },
  { requiredKeys: [] }
)

function outcome(score: () => unknown) {
  try {
    return { profile: score() }
  } catch (error) {
    if (!(error instanceof ResponseValidationError)) throw error
    return { issues: error.issues, message: error.message }
  }
}

describe('scoreResponses against the reference implementation', { timeout: 60_000 }, () => {
  test('gives exactly the profile, or exactly the issues, of the straightforward algorithm', () => {
    fc.assert(
      fc.property(
        arbitraryQuestionnaire.chain((q) =>
          fc.tuple(fc.constant(q), arbitraryResponses(q), arbitrarySettings)
        ),
        ([q, responses, settings]) => {
          const expected = outcome(() => referenceScoreResponses(q, responses, settings))
          const actual = outcome(() => scoreResponses(q, responses, settings))
          expect(actual).toStrictEqual(expected)
          // Same numbers to the last bit, and the same order of fields.
          expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
        }
      ),
      { numRuns: 500 }
    )
  })
})
