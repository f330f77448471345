/**
 * @module The coverage check as it was before the indexed rewrite (commit 11883af), over the
 * reference ranking; kept only to check coverage.ts against. Not for use outside tests.
 */
import {
  referenceBundleStrategies as bundleStrategies,
  fitsPlan,
  indexLinks,
  normaliseBarriers,
  type Barrier,
  type BundleMember,
  type LinkEvidence,
  type Plan,
  type StrategyFacts,
} from './ranking.ts'
import { ESSENTIAL_STRENGTH } from '../../../server/domain/vocabulary.ts'

export type CoverageInput = {
  readonly barriers: readonly Barrier[]
  /** Strategies the approach already uses. */
  readonly used: readonly string[]
  readonly strategies: readonly StrategyFacts[]
  readonly links: readonly LinkEvidence[]
  readonly sources?: readonly string[]
  /** Filters for the suggested additions (the used strategies themselves are never filtered). */
  readonly plan?: Omit<Plan, 'inUse'>
  /** Suggestions per uncovered barrier (default 3). */
  readonly suggestions?: number
  /** Most additions in the bundle that closes the gaps together (default 3). */
  readonly additions?: number
}

export type CoveredBarrier = {
  readonly determinant: number
  readonly severity: number
  /** Used strategies that address it, strongest link first (ties by id). */
  readonly by: readonly { readonly strategy: string; readonly strength: number }[]
  readonly strongest: number
  /** True when only supportive links (below the essential strength) reach it. */
  readonly weak: boolean
}

export type Suggestion = {
  readonly determinant: number
  readonly strategies: readonly { readonly id: string; readonly strength: number; readonly agreement: number }[]
}

export type CoverageResult = {
  /** Barriers an essential link of a used strategy addresses. */
  readonly covered: readonly CoveredBarrier[]
  /** Barriers that used strategies reach through supportive links only. */
  readonly weaklyCovered: readonly CoveredBarrier[]
  /** Barriers no used strategy addresses. */
  readonly uncovered: readonly number[]
  /** The gaps, weakly covered or uncovered, in barrier order: what the suggestions and additions are for. */
  readonly gaps: readonly number[]
  /**
   * Per gap the strategies (not used, fitting the plan) linked to it most strongly; for a
   * weakly covered barrier only those whose link is stronger than what the approach has.
   */
  readonly suggestions: readonly Suggestion[]
  /** A small set of additions that together close as many gaps as possible (bundle mode). */
  readonly additions: readonly BundleMember[]
}

/**
 * Reads the link matrix the other way round: from the strategies an approach uses to the
 * barriers they address. A barrier is covered when a used strategy has an essential link to
 * it, weakly covered when only supportive links reach it, and uncovered otherwise; the weakly
 * covered and uncovered barriers are the gaps. Suggestions per gap are the strategies (not
 * used, fitting the plan) linked to it more strongly than the approach is, strongest first,
 * ties by number of agreeing methods, then id. The additions are a bundle (see
 * `bundleStrategies`) over the gaps with the used strategies counted as already chosen: it
 * closes a gap with an essential link wherever one fits, so it never proposes less than the
 * suggestions beside it show.
 */
export function referenceCoverageOf(input: CoverageInput): CoverageResult {
  const index = indexLinks(input.links, input.sources)
  const used = [...new Set(input.used)]
  const barriers = normaliseBarriers(input.barriers)

  const covered: CoveredBarrier[] = []
  const weaklyCovered: CoveredBarrier[] = []
  const uncovered: number[] = []
  const strongest = new Map<number, number>()
  for (const b of barriers) {
    const by = used
      .flatMap((id) => {
        const pair = index.get(id)?.get(b.determinant)
        return pair ? [{ strategy: id, strength: pair.strength }] : []
      })
      .sort((x, y) => y.strength - x.strength || x.strategy.localeCompare(y.strategy))
    if (by.length === 0) {
      uncovered.push(b.determinant)
      continue
    }
    const best = by[0]?.strength ?? 0
    strongest.set(b.determinant, best)
    const weak = best < ESSENTIAL_STRENGTH
    ;(weak ? weaklyCovered : covered).push({ determinant: b.determinant, severity: b.severity, by, strongest: best, weak })
  }
  const gaps = barriers.map((b) => b.determinant).filter((d) => !covered.some((c) => c.determinant === d))

  const plan: Plan = { ...input.plan, inUse: used }
  const fits = input.strategies.filter((s) => fitsPlan(s, plan)).map((s) => s.id)
  const perBarrier = input.suggestions ?? 3
  const suggestions: Suggestion[] = gaps.map((d) => ({
    determinant: d,
    strategies: fits
      .flatMap((id) => {
        const pair = index.get(id)?.get(d)
        return pair && pair.strength > (strongest.get(d) ?? 0)
          ? [{ id, strength: pair.strength, agreement: pair.agreement }]
          : []
      })
      .sort((x, y) => y.strength - x.strength || y.agreement - x.agreement || x.id.localeCompare(y.id))
      .slice(0, perBarrier),
  }))

  const additions =
    gaps.length === 0
      ? []
      : bundleStrategies({
          barriers: barriers.filter((b) => gaps.includes(b.determinant)),
          strategies: input.strategies,
          links: input.links,
          sources: input.sources,
          plan,
          limit: input.additions ?? 3,
        }).strategies
  return { covered, weaklyCovered, uncovered, gaps, suggestions, additions }
}
