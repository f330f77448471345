/**
 * @module Feasibility as the ranking's second key (docs/engine.md §2, "Most feasible first").
 *
 * Fit to the barriers decides which strategies a team sees; feasibility then decides the order
 * in which it reads them, as users of the CFIR–ERIC matching tool did by hand. A strategy's
 * feasibility is the team's own 1–5 rating where it gave one; else the 1–5 rating of Waltz et
 * al. (2015) for the ERIC strategy, where the school adaptation works the same way; else it is
 * unknown, and the strategy follows the rated ones. Equal feasibility keeps the fit order.
 */

/** `fit` (default): by fit to the barriers; `feasibility`: fit picks the strategies, the most feasible come first. */
export const RANKING_ORDERS = ['fit', 'feasibility'] as const
export type RankingOrder = (typeof RANKING_ORDERS)[number]

export const FEASIBILITY_SOURCES = ['team', 'waltz-2015'] as const
export type FeasibilitySource = (typeof FEASIBILITY_SOURCES)[number]

export type Feasibility = { readonly value: number; readonly source: FeasibilitySource }

/** What the knowledge base says of a strategy's published ratings. */
export type PublishedRatings = {
  readonly waltz?: { readonly feasibility?: number; readonly importance?: number } | null
  /** The school adaptation works differently: the health-care ratings do not describe it. */
  readonly mechanismChanged?: boolean
}

/** The team's rating where it gave one, else Waltz 2015's where it applies, else null. */
export function feasibilityOf(team: number | undefined, published: PublishedRatings | undefined): Feasibility | null {
  if (team !== undefined) return { value: team, source: 'team' }
  const waltz = published?.mechanismChanged ? undefined : published?.waltz?.feasibility
  return waltz === undefined ? null : { value: waltz, source: 'waltz-2015' }
}

/**
 * `ranked` (in fit order) reordered most feasible first; strategies of unknown feasibility
 * after all rated ones; ties keep the fit order. Returns each strategy with its feasibility.
 */
export function orderByFeasibility<T extends { readonly id: string }>(
  ranked: readonly T[],
  feasibility: (id: string) => Feasibility | null
): (T & { readonly feasibility: Feasibility | null })[] {
  return ranked
    .map((r, fit) => ({ r: { ...r, feasibility: feasibility(r.id) }, fit }))
    .sort(
      (a, b) =>
        (b.r.feasibility?.value ?? Number.NEGATIVE_INFINITY) - (a.r.feasibility?.value ?? Number.NEGATIVE_INFINITY) ||
        a.fit - b.fit
    )
    .map(({ r }) => r)
}
