import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { explainRanked } from '../../server/domain/explain.ts'
import { AGREEMENT_STRATEGIES, bundleStrategies, rankStrategies, type StrategyFacts } from '../../server/domain/ranking.ts'
import { scoreResponses } from '../../server/domain/scoring.ts'
import { miniQuestionnaire as q } from '../support/kb.ts'

const facts = (id: string, over: Partial<StrategyFacts> = {}): StrategyFacts => ({
  id,
  phases: ['preparation', 'start'],
  actors: ['implementation-team'],
  effort: 'medium',
  ...over,
})
const strategies = [facts('audit-and-feedback'), facts('local-consensus-discussions'), facts('capture-share-local-knowledge'), facts('champions')]
const links = [
  { determinant: 4, strategy: 'audit-and-feedback', source: 's', method: 'm', strength: 0.6 },
  { determinant: 4, strategy: 'champions', source: 's', method: 'm', strength: 0.45 },
  { determinant: 13, strategy: 'local-consensus-discussions', source: 's', method: 'm', strength: 0.3 },
]
const names = new Map([[4, 'Complexity'], [13, 'Outcome expectations']])

describe('rankStrategies: a polarised barrier', () => {
  test('brings the agreement-building strategies forward, linked to the barrier or not', () => {
    const result = rankStrategies({ barriers: [{ determinant: 4, severity: 0.5, polarised: true }], strategies, links })
    expect(result.strategies.map((s) => [s.id, s.disagreement])).toEqual([
      ['capture-share-local-knowledge', [4]],
      ['local-consensus-discussions', [4]],
      ['audit-and-feedback', undefined],
      ['champions', undefined],
    ])
  })

  test('leaves the ranking as it was when no barrier is polarised', () => {
    const result = rankStrategies({ barriers: [{ determinant: 4, severity: 0.5 }], strategies, links })
    expect(result.strategies.map((s) => s.id)).toEqual(['audit-and-feedback', 'champions'])
  })

  test('still applies the plan: an agreement strategy ruled out is not brought forward', () => {
    const result = rankStrategies({
      barriers: [{ determinant: 4, severity: 0.5, polarised: true }],
      strategies,
      links,
      plan: { exclude: ['local-consensus-discussions'] },
    })
    expect(result.strategies.map((s) => s.id)).toEqual(['capture-share-local-knowledge', 'audit-and-feedback', 'champions'])
  })

  test('the why says that the team disagrees, in both languages', () => {
    const [first] = rankStrategies({ barriers: [{ determinant: 4, severity: 0.5, polarised: true }], strategies, links }).strategies
    expect(explainRanked(first!, names, 'en')).toMatch(/^The team disagrees on Complexity/)
    expect(explainRanked(first!, names, 'nl')).toMatch(/^Het team is het oneens over Complexity/)
    const linked = rankStrategies({ barriers: [{ determinant: 13, severity: 0.4, polarised: true }], strategies, links }).strategies[0]!
    expect(linked.id).toBe('local-consensus-discussions')
    expect(explainRanked(linked, names, 'en')).toMatch(/^The team disagrees on Outcome expectations.*Supports work on your barrier Outcome expectations/)
  })

  test('a bundle is unchanged: it is about coverage, and agreement strategies add none by themselves', () => {
    const plain = bundleStrategies({ barriers: [{ determinant: 4, severity: 0.5 }], strategies, links, limit: 3 })
    const divided = bundleStrategies({ barriers: [{ determinant: 4, severity: 0.5, polarised: true }], strategies, links, limit: 3 })
    expect(divided.strategies.map((s) => s.id)).toEqual(plain.strategies.map((s) => s.id))
  })

  test('names the KB strategies it brings forward', () => {
    expect(AGREEMENT_STRATEGIES).toEqual(['local-consensus-discussions', 'capture-share-local-knowledge'])
  })
})

describe('scoreResponses: a polarised determinant', () => {
  test('is never a facilitator, whatever the answers and thresholds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 1, max: 5 })), { maxLength: 30 }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (values, barrierShare, facilitatorShare) => {
          const profile = scoreResponses(q, values.map((v) => ({ answers: { d01: v } })), { barrierShare, facilitatorShare })
          for (const d of profile.determinants) if (d.polarised) expect(d.status).not.toBe('facilitator')
        }
      )
    )
  })
})
