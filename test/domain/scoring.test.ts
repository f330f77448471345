import { describe, expect, test } from 'vitest'
import { applyReversal, type Questionnaire } from '../../server/domain/questionnaire.ts'
import {
  ResponseValidationError,
  scoreResponses,
  validateResponses,
  type ResponseRecord,
} from '../../server/domain/scoring.ts'
import { answering, miniQuestionnaire as q } from '../support/kb.ts'

const d = (profile: ReturnType<typeof scoreResponses>, number: number) => {
  const found = profile.determinants.find((x) => x.number === number)
  if (!found) throw new Error(`no determinant ${number}`)
  return found
}

/** Ten respondents on d01: `neg` answer 2, `pos` answer 4, the rest 3. */
const ten = (neg: number, pos: number) =>
  answering('d01', [...Array(neg).fill(2), ...Array(pos).fill(4), ...Array(10 - neg - pos).fill(3)])

describe('scoreResponses: the 20% / 80% rule', () => {
  test.for([
    { neg: 2, pos: 0, status: 'barrier', why: '2 of 10 negative is exactly 20%: a barrier' },
    { neg: 1, pos: 0, status: 'neutral', why: '1 of 10 negative is below 20%' },
    { neg: 0, pos: 8, status: 'facilitator', why: '8 of 10 positive is exactly 80%' },
    { neg: 0, pos: 7, status: 'neutral', why: '7 of 10 positive is below 80%' },
    { neg: 2, pos: 8, status: 'barrier', why: 'both thresholds met: the barrier wins' },
    { neg: 1, pos: 9, status: 'facilitator', why: '10% negative, 90% positive' },
  ])('$why', ({ neg, pos, status }) => {
    const result = d(scoreResponses(q, ten(neg, pos)), 1)
    expect(result.status).toBe(status)
    expect(result.n).toBe(10)
    expect(result.negativeShare).toBeCloseTo(neg / 10, 12)
    expect(result.positiveShare).toBeCloseTo(pos / 10, 12)
    expect(result.neutralShare).toBeCloseTo((10 - neg - pos) / 10, 12)
  })

  test('flags a determinant as polarised when both sides reach the barrier share', () => {
    expect(d(scoreResponses(q, ten(2, 8)), 1).polarised).toBe(true)
    expect(d(scoreResponses(q, ten(2, 7)), 1).polarised).toBe(true)
    expect(d(scoreResponses(q, ten(1, 8)), 1).polarised).toBe(false)
  })

  test('uses the thresholds it is given', () => {
    const responses = ten(3, 6)
    expect(d(scoreResponses(q, responses), 1).status).toBe('barrier')
    expect(d(scoreResponses(q, responses, { barrierShare: 0.5 }), 1).status).toBe('neutral')
    expect(d(scoreResponses(q, responses, { barrierShare: 0.5, facilitatorShare: 0.6 }), 1).status).toBe(
      'facilitator'
    )
  })

  test('computes the mean on the 1–5 scale', () => {
    // answers 2,2,4,4,4,4,4,4,3,3 → mean 3.4
    expect(d(scoreResponses(q, ten(2, 6)), 1).mean).toBeCloseTo(3.4, 12)
  })
})

describe('scoreResponses: reverse-scored items', () => {
  test('counts agreeing with a reverse-scored statement as negative', () => {
    const result = d(scoreResponses(q, answering('d04', [5, 4, 1])), 4)
    expect(result.negativeShare).toBeCloseTo(2 / 3, 12)
    expect(result.positiveShare).toBeCloseTo(1 / 3, 12)
    expect(result.status).toBe('barrier')
  })

  test('mirrors the score: totally agreeing with "too complex" scores 1', () => {
    expect(d(scoreResponses(q, answering('d04', [5, 5])), 4).mean).toBe(1)
    expect(d(scoreResponses(q, answering('d04', [1, 2])), 4).mean).toBe(4.5)
  })

  test('applyReversal swaps valences and mirrors scores but keeps values', () => {
    const options = [
      { value: 1, score: 1, valence: 'negative' as const },
      { value: 3, score: 3, valence: 'neutral' as const },
      { value: 5, score: 5, valence: 'positive' as const },
    ]
    expect(applyReversal(options, true)).toEqual([
      { value: 1, score: 5, valence: 'positive' },
      { value: 3, score: 3, valence: 'neutral' },
      { value: 5, score: 1, valence: 'negative' },
    ])
    expect(applyReversal(options, false)).toEqual(options)
  })
})

describe('scoreResponses: missing answers', () => {
  test('leaves skipped and absent answers out of the denominator', () => {
    const responses: ResponseRecord[] = [
      { answers: { d01: 2 } },
      { answers: { d01: null } },
      { answers: {} },
      { answers: { d01: 4 } },
      { answers: { d01: 4, d04: null } },
    ]
    const result = d(scoreResponses(q, responses), 1)
    expect(result.n).toBe(3)
    expect(result.negativeShare).toBeCloseTo(1 / 3, 12)
    expect(result.mean).toBeCloseTo(10 / 3, 12)
  })

  test('gives no shares, no mean and "insufficient" when nobody answered', () => {
    const result = d(scoreResponses(q, [{ answers: { d01: 3 } }]), 4)
    expect(result).toMatchObject({
      n: 0,
      mean: null,
      negativeShare: null,
      neutralShare: null,
      positiveShare: null,
      status: 'insufficient',
      polarised: false,
    })
  })

  test('marks user determinants with fewer than minAnswers respondents as insufficient', () => {
    const responses = answering('d01', [2, 2])
    expect(d(scoreResponses(q, responses, { minAnswers: 3 }), 1).status).toBe('insufficient')
    expect(d(scoreResponses(q, responses, { minAnswers: 2 }), 1).status).toBe('barrier')
  })

  test('gives a key-informant determinant a verdict from one answer whatever minAnswers is', () => {
    const profile = scoreResponses(q, [{ role: 'key-informant', answers: { d19: 0 } }], { minAnswers: 5 })
    expect(d(profile, 19).status).toBe('barrier')
  })
})

describe('scoreResponses: key informants', () => {
  const users = answering('d19', [0, 0, 0])

  test('counts only key informants for organisation items when there is one', () => {
    const result = d(scoreResponses(q, [...users, { role: 'key-informant', answers: { d19: 1 } }]), 19)
    expect(result).toMatchObject({ n: 1, positiveShare: 1, status: 'facilitator', counted: 'key-informants' })
  })

  test('counts everyone for organisation items when no one is marked key informant', () => {
    const result = d(scoreResponses(q, users), 19)
    expect(result).toMatchObject({ n: 3, negativeShare: 1, status: 'barrier', counted: 'all-respondents' })
  })

  test('keeps counting every respondent on user determinants', () => {
    const responses: ResponseRecord[] = [
      { answers: { d01: 2 } },
      { role: 'key-informant', answers: { d01: 4 } },
    ]
    expect(d(scoreResponses(q, responses), 1).n).toBe(2)
  })

  test('has no mean for yes/no items', () => {
    expect(d(scoreResponses(q, users), 19).mean).toBeNull()
  })
})

describe('scoreResponses: determinants measured by several items', () => {
  test.for([
    { a: 1, b: 5, expected: 'neutral', why: 'one negative and one positive item cancel out' },
    { a: 2, b: 3, expected: 'negative', why: 'a negative and a neutral item lean negative' },
    { a: 4, b: 3, expected: 'positive', why: 'a positive and a neutral item lean positive' },
    { a: 2, b: null, expected: 'negative', why: 'one answered item decides alone' },
  ])('combines a respondent\'s items by the sign of their mean valence: $why', ({ a, b, expected }) => {
    const result = d(scoreResponses(q, [{ answers: { d13a: a, d13b: b } }]), 13)
    expect(result.n).toBe(1)
    expect({ negative: result.negativeShare, neutral: result.neutralShare, positive: result.positiveShare }[expected]).toBe(1)
  })

  test('averages item scores per respondent, then over respondents', () => {
    const result = d(scoreResponses(q, [{ answers: { d13a: 1, d13b: 5 } }, { answers: { d13a: 2, d13b: 3 } }]), 13)
    expect(result.mean).toBeCloseTo((3 + 2.5) / 2, 12)
  })

  test('reports each item separately too', () => {
    const result = d(scoreResponses(q, [{ answers: { d13a: 1, d13b: 5 } }, { answers: { d13a: 2 } }]), 13)
    expect(result.items).toEqual([
      { id: 'd13a', n: 2, negativeShare: 1, neutralShare: 0, positiveShare: 0 },
      { id: 'd13b', n: 1, negativeShare: 0, neutralShare: 0, positiveShare: 1 },
    ])
  })
})

describe('scoreResponses: summary', () => {
  const responses: ResponseRecord[] = [
    { answers: { d01: 2, d04: 5, d13a: 4, d29: 4 } },
    { answers: { d01: 4, d04: 5, d13a: 4, d29: 4 } },
    { answers: { d01: 4, d04: 1, d13a: 4, d29: 4 } },
    { answers: { d01: 4, d04: 1, d13a: 4, d29: 4 } },
  ]
  const profile = scoreResponses(q, responses)

  test('lists barriers by negative share, highest first', () => {
    // d04: 2 of 4 negative (50%), d01: 1 of 4 (25%)
    expect(profile.barriers).toEqual([4, 1])
  })

  test('summarises each group', () => {
    expect(profile.groups).toEqual([
      { group: 'innovation', determinants: 2, barriers: 2, neutral: 0, facilitators: 0, insufficient: 0, meanNegativeShare: 0.375 },
      { group: 'user', determinants: 1, barriers: 0, neutral: 0, facilitators: 1, insufficient: 0, meanNegativeShare: 0 },
      { group: 'organisation', determinants: 1, barriers: 0, neutral: 0, facilitators: 0, insufficient: 1, meanNegativeShare: null },
      { group: 'context', determinants: 1, barriers: 0, neutral: 0, facilitators: 1, insufficient: 0, meanNegativeShare: 0 },
    ])
  })

  test('breaks ties between equally severe barriers by determinant number', () => {
    const tie = scoreResponses(q, [
      { answers: { d04: 5, d01: 2 } },
      { answers: { d04: 1, d01: 4 } },
    ])
    expect(tie.barriers).toEqual([1, 4])
  })

  test('reports respondent counts and the settings used', () => {
    expect(profile.respondents).toBe(4)
    expect(profile.keyInformants).toBe(0)
    expect(profile.settings).toEqual({ barrierShare: 0.2, facilitatorShare: 0.8, minAnswers: 1 })
  })
})

describe('validateResponses', () => {
  test('names the respondent and the item of an answer that is not an option', () => {
    const issues = validateResponses(q, [{ respondent: 'Ans', answers: { d01: 7 } }])
    expect(issues).toEqual([
      { respondent: 0, label: 'Ans', item: 'd01', message: '7 is not an option of item d01 (options: 1, 2, 3, 4, 5)' },
    ])
  })

  test('names unknown items', () => {
    expect(validateResponses(q, [{ answers: {} }, { answers: { x99: 1 } }])).toEqual([
      { respondent: 1, label: undefined, item: 'x99', message: "unknown item 'x99'" },
    ])
  })

  test('accepts a yes/no answer of 0', () => {
    expect(validateResponses(q, [{ answers: { d19: 0 } }])).toEqual([])
  })

  test('makes scoreResponses refuse half-valid input as a whole', () => {
    const responses = [{ answers: { d01: 4 } }, { respondent: 'B', answers: { d01: 9, d04: 6 } }]
    expect(() => scoreResponses(q, responses)).toThrow(ResponseValidationError)
    try {
      scoreResponses(q, responses)
    } catch (error) {
      expect((error as ResponseValidationError).issues.map((i) => i.item)).toEqual(['d01', 'd04'])
    }
  })
})

describe('scoreResponses: "not yet applicable / don\'t know"', () => {
  const notYet = { value: 9, score: null, valence: 'missing' as const }
  const withNotYet: Questionnaire = {
    ...q,
    items: q.items.map((i) => (['d01', 'd04', 'd13a', 'd13b'].includes(i.id) ? { ...i, options: [...i.options, notYet] } : i)),
  }

  test.for([
    { answers: [9, 9, 9, 9, 9, 9, 9, 9, 2, 4], n: 2, negative: 0.5, status: 'barrier', why: 'counted as missing, 1 of 2 is negative' },
    { answers: [9, 9, 9, 9, 9, 4, 4, 4, 4, 4], n: 5, negative: 0, status: 'facilitator', why: 'not as negative: 5 of 5 positive' },
    { answers: [9, 9, 9, 3, 3, 3, 3, 4, 4, 4], n: 7, negative: 0, status: 'neutral', why: 'not as neutral: n is 7, not 10' },
  ])('leaves the answer out of every share: $why', ({ answers, n, negative, status }) => {
    const result = d(scoreResponses(withNotYet, answering('d01', answers)), 1)
    expect(result.n).toBe(n)
    expect(result.negativeShare).toBeCloseTo(negative, 12)
    expect(result.status).toBe(status)
    expect(result.items[0]?.n).toBe(n)
  })

  test('gives no verdict when everyone answers that it does not apply yet', () => {
    const result = d(scoreResponses(withNotYet, answering('d01', [9, 9, 9])), 1)
    expect(result).toMatchObject({ n: 0, mean: null, negativeShare: null, status: 'insufficient' })
  })

  test('counts a respondent on the other items of the determinant only', () => {
    const result = d(scoreResponses(withNotYet, [{ answers: { d13a: 9, d13b: 2 } }, { answers: { d13a: 4, d13b: 9 } }]), 13)
    expect(result).toMatchObject({ n: 2, negativeShare: 0.5, positiveShare: 0.5 })
    expect(result.items.map((i) => i.n)).toEqual([1, 1])
  })

  test('accepts the option as a valid answer, also on a reverse-scored item', () => {
    expect(validateResponses(withNotYet, [{ answers: { d01: 9, d04: 9 } }])).toEqual([])
    expect(validateResponses(withNotYet, [{ answers: { d01: 8 } }])).toHaveLength(1)
    expect(d(scoreResponses(withNotYet, answering('d04', [9, 5])), 4)).toMatchObject({ n: 1, negativeShare: 1 })
  })

  test('decides per item where two items share an id and only one of them counts the value as missing', () => {
    const twice: Questionnaire = {
      determinants: [{ number: 1, group: 'innovation', respondent: 'user' }],
      items: [
        { id: 'd01', determinant: 1, respondent: 'user', reverse: false, options: [{ value: 1, score: 2, valence: 'positive' }] },
        { id: 'd01', determinant: 1, respondent: 'user', reverse: false, options: [{ value: 1, score: null, valence: 'missing' }] },
      ],
    }
    expect(d(scoreResponses(twice, [{ answers: { d01: 1 } }]), 1)).toMatchObject({ n: 1, positiveShare: 1 })
  })

  test('applyReversal keeps the option as it is and mirrors the others around 1–5', () => {
    const reversed = applyReversal([...q.items[0]!.options, notYet], true)
    expect(reversed.at(-1)).toEqual(notYet)
    expect(reversed.map((o) => o.score)).toEqual([5, 4, 3, 2, 1, null])
  })
})
