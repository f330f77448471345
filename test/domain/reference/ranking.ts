/**
 * @module Ranking and bundle mode written as plainly as docs/engine.md states them, kept only
 * as the reference the optimised ranking.ts is checked against: every strategy scored barrier
 * by barrier, scores rounded with toFixed, and a swap search that rebuilds the whole bundle
 * for every trial. Not for use outside tests.
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
  readonly basis?: string
  readonly cell?: string
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

export const WEIGHTINGS = ['severity', 'equal', 'cfir-eric'] as const
export type Weighting = (typeof WEIGHTINGS)[number]

export type RankInput = {
  readonly barriers: readonly Barrier[]
  readonly strategies: readonly StrategyFacts[]
  readonly links: readonly LinkEvidence[]
  readonly plan?: Plan
  readonly weighting?: Weighting
  /** Only links from these sources count; all sources when absent. */
  readonly sources?: readonly string[]
  /** How many strategies to return; all that address a barrier when absent. */
  readonly limit?: number
}

type Evidence = Pick<LinkEvidence, 'source' | 'method' | 'strength' | 'basis' | 'cell'>

/** How one ranked strategy addresses one barrier. */
export type Address = {
  readonly determinant: number
  readonly severity: number
  readonly weight: number
  readonly strength: number
  /** The strength the fit counts: lower when the strongest link's expert cell counted already. */
  readonly counted: number
  readonly label: 'essential' | 'supportive'
  readonly agreement: number
  readonly evidence: readonly Evidence[]
}

export type RankedStrategy = {
  readonly id: string
  readonly score: number
  readonly best: number
  readonly topEssentialSeverity: number
  readonly addresses: readonly Address[]
  readonly essentialLinks: number
}

export type RankResult = {
  readonly strategies: readonly RankedStrategy[]
  readonly uncovered: readonly number[]
  readonly unreachable: readonly number[]
}

export type BundleMember = RankedStrategy & {
  readonly covers: readonly number[]
  readonly weaklyCovers: readonly number[]
}

export type BundleResult = {
  readonly strategies: readonly BundleMember[]
  readonly covered: readonly number[]
  readonly weaklyCovered: readonly number[]
  readonly uncovered: readonly number[]
  readonly unreachable: readonly number[]
}

const round = (x: number) => Number(x.toFixed(9))

type PairEvidence = {
  readonly strength: number
  readonly evidence: readonly Evidence[]
  readonly agreement: number
}
type LinkIndex = ReadonlyMap<string, ReadonlyMap<number, PairEvidence>>

export function indexLinks(links: readonly LinkEvidence[], sources?: readonly string[]): LinkIndex {
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
        .map(({ source, method, strength, basis, cell }) => ({
          source,
          method,
          strength,
          ...(basis !== undefined ? { basis } : {}),
          ...(cell !== undefined ? { cell } : {}),
        }))
        .sort((a, b) => b.strength - a.strength || a.source.localeCompare(b.source))
      pairs.set(determinant, {
        strength: evidence[0]?.strength ?? 0,
        evidence,
        agreement: new Set(list.map((l) => l.method)).size,
      })
    }
    index.set(strategy, pairs)
  }
  return index
}

export function fitsPlan(s: StrategyFacts, plan: Plan = {}): boolean {
  if (plan.exclude?.includes(s.id) || plan.inUse?.includes(s.id)) return false
  if (plan.phase && !s.phases.includes(plan.phase)) return false
  if (plan.actors && plan.actors.length > 0 && !s.actors.some((a) => plan.actors?.includes(a)))
    return false
  if (plan.maxEffort && EFFORTS.indexOf(s.effort) > EFFORTS.indexOf(plan.maxEffort)) return false
  return true
}

export function normaliseBarriers(barriers: readonly Barrier[]): Barrier[] {
  const byNumber = new Map<number, Barrier>()
  for (const b of barriers) {
    const current = byNumber.get(b.determinant)
    if (!current || b.severity > current.severity) byNumber.set(b.determinant, b)
  }
  return [...byNumber.values()]
}

/** Σ of the values, largest first, the i-th (from 0) halved i times. */
function fit(values: readonly number[]): number {
  return round([...values].sort((a, b) => b - a).reduce((sum, v, i) => sum + v / 2 ** i, 0))
}

function scoreStrategy(
  id: string,
  barriers: readonly Barrier[],
  index: LinkIndex,
  weighting: Weighting
): RankedStrategy {
  const pairs = index.get(id)
  const found: Address[] = []
  for (const b of barriers) {
    const pair = pairs?.get(b.determinant)
    if (!pair) continue
    found.push({
      determinant: b.determinant,
      severity: b.severity,
      weight: weighting === 'severity' ? b.severity : 1,
      strength: pair.strength,
      counted: pair.strength,
      label: pair.strength >= ESSENTIAL_STRENGTH ? 'essential' : 'supportive',
      agreement: pair.agreement,
      evidence: pair.evidence,
    })
  }
  // One expert cell counts once per strategy: the barrier where it weighs most takes it.
  found.sort((a, b) => b.weight * b.strength - a.weight * a.strength || a.determinant - b.determinant)
  const used = new Set<string>()
  const addresses: Address[] = found.map((a) => {
    const e = a.evidence.find((x) => x.cell === undefined || !used.has(x.cell))
    if (e?.cell !== undefined) used.add(e.cell)
    return { ...a, counted: e?.strength ?? 0 }
  })
  const essential = (a: Address) => a.counted >= ESSENTIAL_STRENGTH
  addresses.sort(
    (a, b) =>
      b.weight * b.counted - a.weight * a.counted ||
      Number(essential(b)) - Number(essential(a)) ||
      a.determinant - b.determinant
  )
  const cumulative = weighting === 'cfir-eric'
  return {
    id,
    score: cumulative
      ? round(addresses.reduce((sum, a) => sum + a.weight * a.counted, 0))
      : fit(addresses.map((a) => a.weight * a.counted)),
    best: cumulative ? 0 : round(Math.max(0, ...addresses.map((a) => a.weight * a.counted))),
    topEssentialSeverity: cumulative ? 0 : Math.max(0, ...addresses.filter(essential).map((a) => a.severity)),
    addresses,
    essentialLinks: addresses.filter((a) => a.label === 'essential').length,
  }
}

export function compareRanked(a: RankedStrategy, b: RankedStrategy): number {
  return (
    b.best - a.best ||
    b.topEssentialSeverity - a.topEssentialSeverity ||
    b.score - a.score ||
    b.essentialLinks - a.essentialLinks ||
    b.addresses.length - a.addresses.length ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

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

function notReached(barriers: readonly Barrier[], by: readonly RankedStrategy[]): number[] {
  const reached = new Set(by.flatMap((r) => r.addresses.map((a) => a.determinant)))
  return normaliseBarriers(barriers)
    .map((b) => b.determinant)
    .filter((d) => !reached.has(d))
}

export function referenceRankStrategies(input: RankInput): RankResult {
  const ranked = candidates(input)
  const strategies = input.limit === undefined ? ranked : ranked.slice(0, input.limit)
  return {
    strategies,
    uncovered: notReached(input.barriers, strategies),
    unreachable: notReached(input.barriers, ranked),
  }
}

type BundleKey = { covered: number; coveredWeight: number; reached: number; reachedWeight: number; strength: number }

function bundleKey(members: readonly RankedStrategy[]): BundleKey {
  const best = new Map<number, Address>()
  for (const m of members) {
    for (const a of m.addresses) {
      const current = best.get(a.determinant)
      if (!current || a.strength > current.strength) best.set(a.determinant, a)
    }
  }
  let covered = 0
  let coveredWeight = 0
  let reachedWeight = 0
  let strength = 0
  for (const a of best.values()) {
    if (a.strength >= ESSENTIAL_STRENGTH) {
      covered++
      coveredWeight += a.weight
    }
    reachedWeight += a.weight
    strength += a.weight * a.strength
  }
  return {
    covered,
    coveredWeight: round(coveredWeight),
    reached: best.size,
    reachedWeight: round(reachedWeight),
    strength: round(strength),
  }
}

const KEY_ORDER = ['covered', 'coveredWeight', 'reached', 'reachedWeight', 'strength'] as const

function better(a: BundleKey, b: BundleKey): boolean {
  for (const k of KEY_ORDER) if (a[k] !== b[k]) return a[k] > b[k]
  return false
}

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
  const best = new Map<number, number>() // determinant → best strength so far
  const take = (m: RankedStrategy) => {
    for (const a of m.addresses) best.set(a.determinant, Math.max(best.get(a.determinant) ?? 0, a.strength))
  }
  inUse.forEach(take)
  while (greedy.length < limit) {
    let pick: RankedStrategy | undefined
    let pickGain = [0, 0, 0, 0, 0]
    for (const c of pool) {
      if (greedy.includes(c)) continue
      let coverWeight = 0
      let coverCount = 0
      let reachWeight = 0
      let reachCount = 0
      let strength = 0
      for (const a of c.addresses) {
        const current = best.get(a.determinant)
        if (a.strength >= ESSENTIAL_STRENGTH && (current === undefined || current < ESSENTIAL_STRENGTH)) {
          coverWeight += a.weight
          coverCount++
        }
        if (current === undefined) {
          reachWeight += a.weight
          reachCount++
        }
        strength += a.weight * Math.max(0, a.strength - (current ?? 0))
      }
      const gain = [round(coverWeight), coverCount, round(reachWeight), reachCount, round(strength)]
      const i = gain.findIndex((g, j) => g !== pickGain[j])
      if (i >= 0 && (gain[i] as number) > (pickGain[i] as number)) {
        pick = c
        pickGain = gain
      }
    }
    // Stop when nothing adds coverage: a bundle member must reach a barrier or cover one better.
    if (!pick || (pickGain[1] === 0 && pickGain[3] === 0)) break
    greedy.push(pick)
    take(pick)
  }

  const top = pool.slice(0, greedy.length)
  let chosen = better(bundleKey([...inUse, ...top]), bundleKey([...inUse, ...greedy])) ? top : greedy

  for (let improved = true; improved; ) {
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

  const level = new Map<number, 1 | 2>()
  const raise = (a: Address) => {
    const to = a.strength >= ESSENTIAL_STRENGTH ? 2 : 1
    if ((level.get(a.determinant) ?? 0) < to) level.set(a.determinant, to)
  }
  inUse.forEach((m) => m.addresses.forEach(raise))
  const members: BundleMember[] = []
  for (const m of chosen) {
    const covers = m.addresses
      .filter((a) => a.strength >= ESSENTIAL_STRENGTH && level.get(a.determinant) !== 2)
      .map((a) => a.determinant)
    const weaklyCovers = m.addresses
      .filter((a) => a.strength < ESSENTIAL_STRENGTH && !level.has(a.determinant))
      .map((a) => a.determinant)
    if (covers.length === 0 && weaklyCovers.length === 0) continue
    m.addresses.forEach(raise)
    members.push({ ...m, covers, weaklyCovers })
  }
  const all = barriers.map((b) => b.determinant)
  const reachable = new Set(pool.flatMap((m) => m.addresses.map((a) => a.determinant)))
  return {
    strategies: members,
    covered: all.filter((d) => level.get(d) === 2),
    weaklyCovered: all.filter((d) => level.get(d) === 1),
    uncovered: all.filter((d) => !level.has(d)),
    unreachable: all.filter((d) => !level.has(d) && !reachable.has(d)),
  }
}
