import { afterAll, describe, expect, test } from 'vitest'
import { readKbContent } from '../../server/db/queries/kb.ts'
import { indexKb } from '../../server/domain/kb-index.ts'
import {
  bundleStrategies,
  rankStrategies,
  type Barrier,
  type BundleResult,
} from '../../server/domain/ranking.ts'
import { presentRecommended, recommendationsBody } from '../../server/http/present.ts'
import { RecommendationsResponse } from '../../server/schemas/api.ts'
import { loadedApp } from '../support/db.ts'

const t = loadedApp()
afterAll(() => t.close())
const kb = indexKb(readKbContent(t.db))
const recommendationsBodyText = (...args: Parameters<typeof recommendationsBody>) =>
  new TextDecoder('utf-8', { fatal: true }).decode(recommendationsBody(...args))

describe('recommendationsBody', () => {
  const barrierSets: Barrier[][] = [
    [4, 16, 21, 23, 25, 28].map((determinant, i) => ({
      determinant,
      severity: [0.35, 0.3, 1, 0.4, 1 / 3, 0.37][i] ?? 0,
    })),
    Array.from({ length: 29 }, (_, i) => ({ determinant: i + 1, severity: 1 })),
    [{ determinant: 9, severity: 0.5 }],
  ]
  const cases = barrierSets.flatMap((barriers) =>
    (['ranked', 'bundle'] as const).flatMap((mode) =>
      (['nl', 'en'] as const).flatMap((lang) =>
        (['share-negative', 'given', 'none'] as const).map((severityKind) => ({
          barriers,
          mode,
          lang,
          severityKind,
        }))
      )
    )
  )

  test.for(cases)(
    'writes exactly the UTF-8 of JSON.stringify of the presented answer ($mode, $lang, $severityKind, $barriers.length barriers)',
    ({ barriers, mode, lang, severityKind }) => {
      const input = {
        barriers,
        strategies: kb.facts,
        links: kb.evidence,
        limit: mode === 'bundle' ? 5 : 200,
      }
      const result = mode === 'bundle' ? bundleStrategies(input) : rankStrategies(input)
      const head = {
        mode,
        weighting: 'severity' as const,
        severityKind,
        barriers: barriers.map((b) => ({
          determinant: b.determinant,
          name: kb.names[lang].get(b.determinant) ?? '',
          severity: b.severity,
        })),
        unreachable: [...result.unreachable],
        ...(mode === 'bundle'
          ? (({ covered, weaklyCovered }: BundleResult) => ({ covered: [...covered], weaklyCovered: [...weaklyCovered] }))(
              result as BundleResult
            )
          : {}),
      }
      const expected = JSON.stringify({
        ...head,
        strategies: result.strategies.map((r) => presentRecommended(kb, r, lang, severityKind)),
        uncovered: [...result.uncovered],
      })
      // Twice: the second time every strategy comes from the cache.
      for (let i = 0; i < 2; i++) {
        const json = recommendationsBodyText(
          kb,
          { ...head, strategies: result.strategies, uncovered: [...result.uncovered] },
          lang
        )
        expect(json).toBe(expected)
        expect(RecommendationsResponse.safeParse(JSON.parse(json)).success).toBe(true)
      }
      expect(result.strategies.length).toBeGreaterThan(0)
    }
  )

  test('keeps each language apart', () => {
    const [r] = rankStrategies({
      barriers: [{ determinant: 16, severity: 1 }],
      strategies: kb.facts,
      links: kb.evidence,
    }).strategies
    if (!r) throw new Error('no strategy for self-efficacy')
    const nl = presentRecommended(kb, r, 'nl', 'none')
    const en = presentRecommended(kb, r, 'en', 'none')
    expect(nl.name).toBe(kb.strategy.get(r.id)?.name.nl)
    expect(en.name).toBe(kb.strategy.get(r.id)?.name.en)
    expect(nl.why).toMatch(/^(Essentieel voor|Ondersteunt)/)
    expect(en.why).toMatch(/^(Essential for|Supports work on)/)
  })

  test('refuses a strategy the knowledge base does not have', () => {
    const ghost = {
      id: 'no-such-strategy',
      score: 1,
      best: 0,
      topEssentialSeverity: 0,
      addresses: [],
      essentialLinks: 0,
    }
    expect(() => presentRecommended(kb, ghost, 'nl', 'none')).toThrow(
      /unknown strategy no-such-strategy/
    )
    expect(() =>
      recommendationsBodyText(
        kb,
        {
          mode: 'ranked',
          weighting: 'severity',
          severityKind: 'none',
          barriers: [],
          unreachable: [],
          strategies: [ghost],
          uncovered: [],
        },
        'nl'
      )
    ).toThrow(/unknown strategy no-such-strategy/)
  })
})
