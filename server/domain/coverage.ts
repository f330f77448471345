/**
 * @module Coverage check for intervention developers: which of the team's barriers the
 * strategies already built into an approach address, which are left uncovered, and what
 * would close each gap.
 */
import {
  bundleStrategies,
  fitsPlan,
  indexLinks,
  normaliseBarriers,
  type Barrier,
  type BundleMember,
  type LinkEvidence,
  type Plan,
  type StrategyFacts,
} from './ranking.ts'
import { ESSENTIAL_STRENGTH } from './vocabulary.ts'

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
  /** True when only supportive links (below the essential strength) cover it. */
  readonly weak: boolean
}

export type Suggestion = {
  readonly determinant: number
  readonly strategies: readonly { readonly id: string; readonly strength: number; readonly agreement: number }[]
}

export type CoverageResult = {
  readonly covered: readonly CoveredBarrier[]
  readonly uncovered: readonly number[]
  /** For each uncovered barrier, the strategies linked to it most strongly. */
  readonly suggestions: readonly Suggestion[]
  /** A small set of additions that together close as many gaps as possible (bundle mode). */
  readonly additions: readonly BundleMember[]
}

/**
 * Reads the link matrix the other way round: from the strategies an approach uses to the
 * barriers they address. A barrier is covered when at least one used strategy is linked to
 * it. Suggestions per uncovered barrier are the strategies (not used, fitting the plan)
 * linked to it most strongly, ties by number of agreeing methods, then id. The additions are
 * a bundle (see `bundleStrategies`) with the used strategies counted as already chosen.
 */
export function coverageOf(input: CoverageInput): CoverageResult {
  const index = indexLinks(input.links, input.sources)
  const used = [...new Set(input.used)]
  const barriers = normaliseBarriers(input.barriers)

  const covered: CoveredBarrier[] = []
  const uncovered: number[] = []
  for (const b of barriers) {
    const by = used
      .flatMap((id) => {
        const pair = index.byStrategy.get(id)?.get(b.determinant)
        return pair ? [{ strategy: id, strength: pair.strength }] : []
      })
      .sort((x, y) => y.strength - x.strength || x.strategy.localeCompare(y.strategy))
    if (by.length === 0) {
      uncovered.push(b.determinant)
      continue
    }
    const strongest = by[0]?.strength ?? 0
    covered.push({ determinant: b.determinant, severity: b.severity, by, strongest, weak: strongest < ESSENTIAL_STRENGTH })
  }

  const plan: Plan = { ...input.plan, inUse: used }
  const fits = input.strategies.filter((s) => fitsPlan(s, plan)).map((s) => s.id)
  const perBarrier = input.suggestions ?? 3
  const suggestions: Suggestion[] = uncovered.map((d) => ({
    determinant: d,
    strategies: fits
      .flatMap((id) => {
        const pair = index.byStrategy.get(id)?.get(d)
        return pair ? [{ id, strength: pair.strength, agreement: pair.agreement }] : []
      })
      .sort((x, y) => y.strength - x.strength || y.agreement - x.agreement || x.id.localeCompare(y.id))
      .slice(0, perBarrier),
  }))

  const additions =
    uncovered.length === 0
      ? []
      : bundleStrategies({
          barriers: barriers.filter((b) => uncovered.includes(b.determinant)),
          strategies: input.strategies,
          links: input.links,
          sources: input.sources,
          plan,
          limit: input.additions ?? 3,
        }).strategies
  return { covered, uncovered, suggestions, additions }
}
