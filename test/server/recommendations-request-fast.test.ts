import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ACTORS, EFFORTS, PHASES } from '../../server/domain/vocabulary.ts'
import { RecommendationsRequest } from '../../server/schemas/api.ts'
import {
  FAST_PATH_LIMITS,
  parseRecommendationsRequestFast,
} from '../../server/schemas/recommendations-request-fast.ts'

/** As a body arrives: through JSON (no undefined, −0 written as 0). */
const json = <T>(value: T): unknown => JSON.parse(JSON.stringify(value))

/** The contract: the fast path gives zod's output exactly, or leaves the body to zod. */
function expectZodOrDefer(body: unknown): boolean {
  const fast = parseRecommendationsRequestFast(body)
  if (fast === undefined) return false
  const zod = RecommendationsRequest.safeParse(body)
  expect(zod.success, JSON.stringify(zod.error?.issues)).toBe(true)
  expect(fast).toStrictEqual(zod.data)
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data))
  return true
}

/** Numbers, most of them at or next to a bound of some field. */
const number = fc.oneof(
  fc.integer({ min: -3, max: 40 }),
  fc.double({ min: -1, max: 2, noNaN: true }),
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      -1e-9,
      1e-9,
      0.5,
      1,
      1 + 1e-9,
      1.5,
      29,
      30,
      200,
      201,
      1000,
      1001,
      2000,
      2001,
      2 ** 53
    ),
  }
)
const junk = fc.constantFrom('1', true, null, [], {}, 'x')
const slug = fc.constantFrom('a', 'ab-c', 'x1', 'cfir-eric', 'Bad', 'a--b', '', ' a')
const label = fc.constantFrom(
  'r1',
  ' r2 ',
  'Ans',
  '',
  '   ',
  'x'.repeat(64),
  ` ${'x'.repeat(64)} `,
  'x'.repeat(65),
  'y'.repeat(201)
)
const itemId = fc.constantFrom(
  'd01',
  'd04',
  'd13a',
  'd13b',
  'd29',
  '',
  'd01 ',
  'abcdefgh',
  'abcdefghi'
)
const answers = fc.oneof(
  fc.dictionary(
    itemId,
    fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 6 }), number, junk),
    { maxKeys: 6 }
  ),
  // Around the cap on answers per respondent.
  fc
    .integer({ min: FAST_PATH_LIMITS.answers - 1, max: FAST_PATH_LIMITS.answers + 1 })
    .map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`i${i}`, i % 5]))),
  junk
)
/** Bodies of the shapes the web app and npm run bench send, all within the caps. */
const commonBody = fc
  .record({
    given: fc.constantFrom('responses', 'barriers'),
    responses: fc.uniqueArray(
      fc.record(
        {
          respondent: fc.stringMatching(/^[a-z]{1,10}[0-9]{0,3}$/),
          role: fc.constantFrom('user' as const, 'key-informant' as const),
          answers: fc.dictionary(
            fc.constantFrom('d01', 'd04', 'd13a', 'd19', 'd29'),
            fc.option(fc.integer({ min: 0, max: 5 }), { nil: null })
          ),
        },
        { requiredKeys: ['answers'] }
      ),
      { minLength: 1, maxLength: 40, selector: (r) => r.respondent }
    ),
    barriers: fc.uniqueArray(
      fc.oneof(
        fc.integer({ min: 1, max: 29 }),
        fc.record({
          determinant: fc.integer({ min: 1, max: 29 }),
          severity: fc.double({ min: 0, max: 1, noNaN: true }),
        })
      ),
      { selector: (b) => (typeof b === 'number' ? b : b.determinant), maxLength: 29 }
    ),
    plan: fc.record(
      {
        phase: fc.constantFrom(...PHASES),
        actors: fc.subarray([...ACTORS]),
        maxEffort: fc.constantFrom(...EFFORTS),
        exclude: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}(-[a-z]{1,6})?$/), { maxLength: 5 }),
        inUse: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}(-[a-z]{1,6})?$/), { maxLength: 5 }),
      },
      { requiredKeys: [] }
    ),
    settings: fc.record(
      {
        barrierShare: fc.constantFrom(0.2, 0.3, 1),
        facilitatorShare: fc.constantFrom(0.8, 0.5),
        minAnswers: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: [] }
    ),
    mode: fc.constantFrom('ranked' as const, 'bundle' as const),
    limit: fc.integer({ min: 1, max: 200 }),
  })
  .map(({ given, responses, barriers, ...rest }) =>
    given === 'responses' ? { ...rest, responses } : { ...rest, barriers }
  )

/** One change somewhere in a body: a field set to another value, removed, added or repeated. */
const change = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'add', 'repeat'),
  value: fc.oneof(
    number,
    junk,
    slug,
    label,
    itemId,
    fc.constantFrom('ranked', 'bundle', 'equal', 'user', ...PHASES, ...ACTORS),
    answers,
    // Lists around the caps.
    fc
      .integer({ min: FAST_PATH_LIMITS.ids - 1, max: FAST_PATH_LIMITS.ids + 1 })
      .map((n) => Array.from({ length: n }, (_, i) => `s${i}`)),
    fc.integer({ min: 28, max: 31 }).map((n) => Array.from({ length: n }, (_, i) => (i % 29) + 1))
  ),
})

/** Applies the changes to a copy of the body, each at one of its places (objects and arrays). */
function changed(
  body: unknown,
  changes: readonly { at: number; kind: string; value: unknown }[]
): unknown {
  const copy = json(body)
  for (const c of changes) {
    const places: [Record<string, unknown> | unknown[], string | number][] = []
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach((v, i) => (places.push([x, i]), walk(v)))
      else if (typeof x === 'object' && x !== null)
        for (const [k, v] of Object.entries(x))
          (places.push([x as Record<string, unknown>, k]), walk(v))
    }
    walk(copy)
    const place = places[c.at % Math.max(1, places.length)]
    if (!place) continue
    const [container, key] = place
    if (Array.isArray(container)) {
      const i = key as number
      if (c.kind === 'set') container[i] = c.value
      else if (c.kind === 'delete') container.splice(i, 1)
      else if (c.kind === 'add') container.push(c.value)
      else container.push(json(container[i]))
    } else {
      const k = key as string
      if (c.kind === 'set') container[k] = c.value
      else if (c.kind === 'delete') delete container[k]
      else if (c.kind === 'add') container[`extra${c.at % 3}`] = c.value
      else container[k] = json(container[k])
    }
  }
  return json(copy)
}

describe('parseRecommendationsRequestFast', { timeout: 60_000 }, () => {
  test('gives exactly what zod gives, or leaves the body to zod', () => {
    let accepted = 0
    let rejected = 0
    fc.assert(
      fc.property(commonBody, fc.array(change, { minLength: 1, maxLength: 3 }), (b, changes) => {
        if (expectZodOrDefer(changed(b, changes))) accepted++
        else rejected++
      }),
      { numRuns: 5000 }
    )
    // Not vacuous: the changes leave some bodies valid and make others invalid.
    expect(accepted).toBeGreaterThan(500)
    expect(rejected).toBeGreaterThan(500)
  })

  test('takes the common bodies itself, exactly as zod parses them', () => {
    fc.assert(
      fc.property(commonBody, (b) => {
        expect(expectZodOrDefer(json(b))).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  test('stays within what zod accepts at every cap', () => {
    const n = FAST_PATH_LIMITS
    const answers = Object.fromEntries(
      Array.from({ length: n.answers }, (_, i) => [
        `${'d'.repeat(n.itemId - 3)}${String(i).padStart(3, '0')}`,
        i % 2 === 0 ? n.answerValue : -n.answerValue,
      ])
    )
    const ids = Array.from({ length: n.ids }, (_, i) => `s${i}`)
    const plan = { actors: [...ACTORS], exclude: ids, inUse: ids }
    const fromResponses = {
      responses: Array.from({ length: n.respondents }, (_, i) => ({
        respondent: `${i}`.padStart(n.label, 'r'),
        answers,
      })),
      plan,
      sources: ids,
      limit: 200,
    }
    const fromBarriers = {
      barriers: Array.from({ length: n.barriers }, (_, i) => ({ determinant: i + 1, severity: 1 })),
      plan,
      sources: ids,
    }
    expect(expectZodOrDefer(json(fromResponses))).toBe(true)
    expect(expectZodOrDefer(json(fromBarriers))).toBe(true)
  })

  test('leaves to zod what it does not take on', () => {
    const base = { barriers: [1, 2] }
    for (const b of [
      { ...base, profile: { determinants: [], barriers: [] } },
      { barriers: [1, 1] },
      { ...base, plan: { inUse: ['a', 'a'] } },
      {
        responses: [
          { respondent: 'x', answers: {} },
          { respondent: ' x', answers: {} },
        ],
      },
      { responses: [{ respondent: '  ', answers: {} }] },
      { ...base, sources: [] },
      { ...base, limit: 0 },
      { ...base, extra: 1 },
      { ...base, responses: [{ answers: {} }] },
      {},
    ]) {
      expect(parseRecommendationsRequestFast(json(b)), JSON.stringify(b)).toBeUndefined()
    }
  })
})
