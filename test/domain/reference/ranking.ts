/**
 * @module Ranking and bundle mode as they were before the indexed rewrite (commit 11883af),
 * kept only as the reference the optimised ranking.ts is checked against: every strategy
 * scored barrier by barrier, scores rounded with toFixed, and a swap search that rebuilds the
 * whole bundle for every trial. Not for use outside tests.
 */
import {
  EFFORTS,
  ESSENTIAL_STRENGTH,
  type Actor,
  type Effort,
  type Phase,
} from '../../../server/domain/vocabulary.ts'

/** One link between a determinant and a strategy, from one source. */
export type LinkEvidence = {
  readonly determinant: number
  readonly strategy: string
  readonly source: string
  readonly method: string
  readonly strength: number
}

/** What the ranking needs to know of a strategy. */
export type StrategyFacts = {
  readonly id: string
  readonly phases: readonly Phase[]
  readonly actors: readonly Actor[]
  readonly effort: Effort
}

/** A barrier to address; `severity` in [0, 1], e.g. the share of negative answers. */
export type Barrier = { readonly determinant: number; readonly severity: number }

/** The team's plan: filters on phase, actors and effort, and strategies in use or ruled out. */
export type Plan = {
  readonly phase?: Phase
  /** The actors the team can call on; a strategy needs at least one of its actors among them. */
  readonly actors?: readonly Actor[]
  readonly maxEffort?: Effort
  /** Strategies ruled out: never recommended. */
  readonly exclude?: readonly string[]
  /** Strategies the team already runs: not recommended again; in a bundle they count as chosen. */
  readonly inUse?: readonly string[]
}

export const WEIGHTINGS = ['severity', 'equal'] as const
export type Weighting = (typeof WEIGHTINGS)[number]

export type RankInput = {
  readonly barriers: readonly Barrier[]
  readonly strategies: readonly StrategyFacts[]
  readonly links: readonly LinkEvidence[]
  readonly plan?: Plan
  /** `severity` (default) weights each barrier by its severity; `equal` weights every barrier 1. */
  readonly weighting?: Weighting
  /** Only links from these sources count; all sources when absent. */
  readonly sources?: readonly string[]
  /** How many strategies to return; all that address a barrier when absent. */
  readonly limit?: number
}

/** How one ranked strategy addresses one barrier. */
export type Address = {
  readonly determinant: number
  readonly severity: number
  /** The weight the barrier had in the score: its severity, or 1 with equal weighting. */
  readonly weight: number
  /** The combined link strength: the strongest of the sources that link the pair. */
  readonly strength: number
  readonly label: 'essential' | 'supportive'
  /** Number of distinct methods that link this pair (1 = one line of evidence). */
  readonly agreement: number
  readonly evidence: readonly Pick<LinkEvidence, 'source' | 'method' | 'strength'>[]
}

export type RankedStrategy = {
  readonly id: string
  /** Σ over the barriers it addresses of weight × strength. */
  readonly score: number
  readonly addresses: readonly Address[]
  readonly essentialLinks: number
}

export type RankResult = {
  readonly strategies: readonly RankedStrategy[]
  /** Barriers that no returned strategy addresses. */
  readonly uncovered: readonly number[]
}

export type BundleMember = RankedStrategy & {
  /** Barriers this strategy covered that no earlier member (or strategy in use) covered. */
  readonly covers: readonly number[]
}

export type BundleResult = {
  readonly strategies: readonly BundleMember[]
  readonly covered: readonly number[]
  readonly uncovered: readonly number[]
}

/** Scores are compared after rounding to this many decimals, so float noise never decides. */
const SCORE_DECIMALS = 9
const round = (x: number) => Number(x.toFixed(SCORE_DECIMALS))

type PairEvidence = {
  readonly strength: number
  /** Strongest first, then by source id. */
  readonly evidence: readonly Pick<LinkEvidence, 'source' | 'method' | 'strength'>[]
  readonly agreement: number
}
type LinkIndex = ReadonlyMap<string, ReadonlyMap<number, PairEvidence>>

/** Indexes are built once per link list and source selection; both change rarely. */
const indexes = new WeakMap<readonly LinkEvidence[], Map<string, LinkIndex>>()

/**
 * Indexes links by strategy and determinant. Where several sources link the same pair, the
 * pair's strength is the strongest of them (not a sum: one pair is one reason, however many
 * sources name it); the number of distinct methods is kept as agreement. Memoised per link
 * list and source selection; the result is read-only.
 */
export function indexLinks(links: readonly LinkEvidence[], sources?: readonly string[]): LinkIndex {
  const key = sources ? [...sources].sort().join('\u0000') : '*'
  let bySources = indexes.get(links)
  if (!bySources) indexes.set(links, (bySources = new Map()))
  const cached = bySources.get(key)
  if (cached) return cached

  const allowed = sources ? new Set(sources) : null
  const grouped = new Map<string, Map<number, LinkEvidence[]>>()
  for (const l of links) {
    if (allowed && !allowed.has(l.source)) continue
    let byDeterminant = grouped.get(l.strategy)
    if (!byDeterminant) grouped.set(l.strategy, (byDeterminant = new Map()))
    const list = byDeterminant.get(l.determinant)
    if (list) list.push(l)
    else byDeterminant.set(l.determinant, [l])
  }
  const index = new Map<string, Map<number, PairEvidence>>()
  for (const [strategy, byDeterminant] of grouped) {
    const pairs = new Map<number, PairEvidence>()
    for (const [determinant, list] of byDeterminant) {
      const evidence = list
        .map(({ source, method, strength }) => ({ source, method, strength }))
        .sort((a, b) => b.strength - a.strength || a.source.localeCompare(b.source))
      pairs.set(determinant, {
        strength: evidence[0]?.strength ?? 0,
        evidence,
        agreement: new Set(list.map((l) => l.method)).size,
      })
    }
    index.set(strategy, pairs)
  }
  bySources.set(key, index)
  return index
}

/** True when the strategy fits the plan's phase, actors and effort and is not ruled out or in use. */
export function fitsPlan(s: StrategyFacts, plan: Plan = {}): boolean {
  if (plan.exclude?.includes(s.id) || plan.inUse?.includes(s.id)) return false
  if (plan.phase && !s.phases.includes(plan.phase)) return false
  if (plan.actors && plan.actors.length > 0 && !s.actors.some((a) => plan.actors?.includes(a)))
    return false
  if (plan.maxEffort && EFFORTS.indexOf(s.effort) > EFFORTS.indexOf(plan.maxEffort)) return false
  return true
}

/** Merges duplicate barriers (keeping the highest severity), in the order first given. */
export function normaliseBarriers(barriers: readonly Barrier[]): Barrier[] {
  const byNumber = new Map<number, Barrier>()
  for (const b of barriers) {
    const current = byNumber.get(b.determinant)
    if (!current || b.severity > current.severity) byNumber.set(b.determinant, b)
  }
  return [...byNumber.values()]
}

function scoreStrategy(
  id: string,
  barriers: readonly Barrier[],
  index: LinkIndex,
  weighting: Weighting
): RankedStrategy {
  const pairs = index.get(id)
  const addresses: Address[] = []
  for (const b of barriers) {
    const pair = pairs?.get(b.determinant)
    if (!pair) continue
    addresses.push({
      determinant: b.determinant,
      severity: b.severity,
      weight: weighting === 'equal' ? 1 : b.severity,
      strength: pair.strength,
      label: pair.strength >= ESSENTIAL_STRENGTH ? 'essential' : 'supportive',
      agreement: pair.agreement,
      evidence: pair.evidence,
    })
  }
  // Strongest contribution first, so the explanation leads with the main reason.
  addresses.sort(
    (a, b) => b.weight * b.strength - a.weight * a.strength || a.determinant - b.determinant
  )
  return {
    id,
    score: round(addresses.reduce((sum, a) => sum + a.weight * a.strength, 0)),
    addresses,
    essentialLinks: addresses.filter((a) => a.label === 'essential').length,
  }
}

/**
 * The documented tie-break: higher score; then more essential links; then more barriers
 * addressed; then the strategy id, alphabetically.
 */
export function compareRanked(a: RankedStrategy, b: RankedStrategy): number {
  return (
    b.score - a.score ||
    b.essentialLinks - a.essentialLinks ||
    b.addresses.length - a.addresses.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** Scores every strategy that fits the plan and addresses at least one barrier, best first. */
function candidates(input: RankInput): RankedStrategy[] {
  const barriers = normaliseBarriers(input.barriers)
  const index = indexLinks(input.links, input.sources)
  const weighting = input.weighting ?? 'severity'
  return input.strategies
    .filter((s) => fitsPlan(s, input.plan))
    .map((s) => scoreStrategy(s.id, barriers, index, weighting))
    .filter((r) => r.addresses.length > 0)
    .sort(compareRanked)
}

function uncoveredBy(barriers: readonly Barrier[], chosen: readonly RankedStrategy[]): number[] {
  const covered = new Set(chosen.flatMap((r) => r.addresses.map((a) => a.determinant)))
  return normaliseBarriers(barriers)
    .map((b) => b.determinant)
    .filter((d) => !covered.has(d))
}

/**
 * Ranks the strategies that fit the plan by how well they address the barriers.
 *
 * score(s) = Σ over barriers b that s addresses of w(b) × strength(s, b), where w(b) is the
 * barrier's severity (or 1 with `weighting: 'equal'`) and strength(s, b) the strongest link
 * between s and b among the allowed sources. With equal weights and strengths equal to expert
 * endorsement shares this is the CFIR–ERIC matching tool's cumulative percentage ÷ 100.
 */
export function referenceRankStrategies(input: RankInput): RankResult {
  const ranked = candidates(input)
  const strategies = input.limit === undefined ? ranked : ranked.slice(0, input.limit)
  return { strategies, uncovered: uncoveredBy(input.barriers, strategies) }
}

type BundleKey = { count: number; weighted: number; strength: number }

/** How good a set of strategies is as a bundle: barriers covered, their weight, link strength. */
function bundleKey(members: readonly RankedStrategy[]): BundleKey {
  const best = new Map<number, Address>()
  for (const m of members) {
    for (const a of m.addresses) {
      const current = best.get(a.determinant)
      if (!current || a.strength > current.strength) best.set(a.determinant, a)
    }
  }
  let weighted = 0
  let strength = 0
  for (const a of best.values()) {
    weighted += a.weight
    strength += a.weight * a.strength
  }
  return { count: best.size, weighted: round(weighted), strength: round(strength) }
}

function better(a: BundleKey, b: BundleKey): boolean {
  return (
    a.count > b.count ||
    (a.count === b.count &&
      (a.weighted > b.weighted || (a.weighted === b.weighted && a.strength > b.strength)))
  )
}

/**
 * Picks at most `limit` (default 5) strategies that together cover as many barriers as
 * possible: greedy weighted set cover. Each step adds the strategy that covers the most
 * still-uncovered barrier weight (ties: more barriers newly covered, then the most added
 * weight × strength, then ranking order); strategies in use count as already chosen; it stops
 * when no strategy covers a barrier not yet covered. The greedy result is then compared with
 * the same number of top-ranked strategies and the better one (more barriers covered, then
 * more barrier weight, then more weight × strength) is improved by single swaps until no swap
 * helps. So a bundle never covers fewer barriers than the top of the ranked list, and every
 * member adds at least one barrier.
 */
export function referenceBundleStrategies(input: RankInput): BundleResult {
  const limit = input.limit ?? 5
  const pool = candidates(input)
  const barriers = normaliseBarriers(input.barriers)
  const index = indexLinks(input.links, input.sources)
  const weighting = input.weighting ?? 'severity'
  const known = new Set(input.strategies.map((s) => s.id))
  const inUse = (input.plan?.inUse ?? [])
    .filter((id) => known.has(id))
    .map((id) => scoreStrategy(id, barriers, index, weighting))

  const greedy: RankedStrategy[] = []
  const coveredWeight = new Map<number, number>() // determinant → best strength so far
  for (const m of inUse)
    for (const a of m.addresses)
      coveredWeight.set(a.determinant, Math.max(coveredWeight.get(a.determinant) ?? 0, a.strength))
  while (greedy.length < limit) {
    let pick: RankedStrategy | undefined
    let pickGain = { cover: 0, count: 0, strength: 0 }
    for (const c of pool) {
      if (greedy.includes(c)) continue
      let cover = 0
      let count = 0
      let strength = 0
      for (const a of c.addresses) {
        const current = coveredWeight.get(a.determinant)
        if (current === undefined) {
          cover += a.weight
          count++
        }
        strength += a.weight * Math.max(0, a.strength - (current ?? 0))
      }
      cover = round(cover)
      strength = round(strength)
      const gain = { cover, count, strength }
      if (
        gain.cover > pickGain.cover ||
        (gain.cover === pickGain.cover &&
          (gain.count > pickGain.count ||
            (gain.count === pickGain.count && gain.strength > pickGain.strength)))
      ) {
        pick = c
        pickGain = gain
      }
    }
    // Stop when nothing covers a barrier not yet covered: a bundle member must add coverage.
    if (!pick || pickGain.count === 0) break
    greedy.push(pick)
    for (const a of pick.addresses)
      coveredWeight.set(a.determinant, Math.max(coveredWeight.get(a.determinant) ?? 0, a.strength))
  }

  const top = pool.slice(0, greedy.length)
  let chosen = better(bundleKey([...inUse, ...top]), bundleKey([...inUse, ...greedy]))
    ? top
    : greedy

  // Improve by single swaps; each accepted swap strictly improves the key, so this ends.
  for (let improved = true; improved;) {
    improved = false
    const current = bundleKey([...inUse, ...chosen])
    search: for (let i = 0; i < chosen.length; i++) {
      for (const c of pool) {
        if (chosen.includes(c)) continue
        const trial = chosen.map((m, j) => (j === i ? c : m))
        if (better(bundleKey([...inUse, ...trial]), current)) {
          chosen = trial
          improved = true
          break search
        }
      }
    }
  }

  const seen = new Set(inUse.flatMap((m) => m.addresses.map((a) => a.determinant)))
  const members: BundleMember[] = []
  for (const m of chosen) {
    const covers = m.addresses.map((a) => a.determinant).filter((d) => !seen.has(d))
    // A swap can leave a member that others now make redundant; it has no place in a bundle.
    if (covers.length === 0) continue
    covers.forEach((d) => seen.add(d))
    members.push({ ...m, covers })
  }
  const all = barriers.map((b) => b.determinant)
  return {
    strategies: members,
    covered: all.filter((d) => seen.has(d)),
    uncovered: all.filter((d) => !seen.has(d)),
  }
}
