/**
 * @module Ranks implementation strategies for a team's barriers and plan, and picks a small
 * bundle that covers as many barriers as possible.
 *
 * The formula, the combination of sources and the tie-break are written out in
 * docs/engine.md and pinned by test/domain/ranking.test.ts.
 */
import { LruCache } from './lru-cache.ts'
import { EFFORTS, ESSENTIAL_STRENGTH, type Actor, type Effort, type Phase, type StrengthBasis } from './vocabulary.ts'

/** One link between a determinant and a strategy, from one source. */
export type LinkEvidence = {
  readonly determinant: number
  readonly strategy: string
  readonly source: string
  readonly method: string
  readonly strength: number
  /** What the strength is: a printed share, a lower bound, a fixed value, a judgement. */
  readonly basis?: StrengthBasis
  /**
   * The published cell a derived link comes from (source/construct/strategy); links that share
   * one were fanned out from one expert judgement. Absent where a link is its own cell.
   */
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
const SCALE = 1e9
/** 2^52: below it every multiple of 1/2 is a double, so y − ⌊y⌋ is exact. */
const EXACT_FRACTIONS = 2 ** 52

/**
 * `x` rounded to 9 decimals: exactly `Number(x.toFixed(9))`, without building a string.
 *
 * toFixed rounds the exact value x × 10⁹ half up to an integer n and writes n / 10⁹, which
 * Number reads back as the double nearest n / 10⁹ — the very double that dividing n by 1e9
 * gives. Only x × 1e9 itself may be off, by at most half a unit in its last place, and that
 * changes n only when the fraction lies that close to one half: then (and for negative,
 * huge or non-finite x) toFixed decides.
 */
export function roundScore(x: number): number {
  if (x === 0) return 0 // toFixed writes −0 as "0"
  const y = x * SCALE
  if (y > 0 && y < EXACT_FRACTIONS) {
    const whole = Math.floor(y)
    const fraction = y - whole
    if (Math.abs(fraction - 0.5) > y * 2 ** -50) return (fraction > 0.5 ? whole + 1 : whole) / SCALE
  }
  return Number(x.toFixed(SCORE_DECIMALS))
}

type PairEvidence = {
  readonly strength: number
  readonly label: Address['label']
  /** Strongest first, then by source id. */
  readonly evidence: readonly Pick<LinkEvidence, 'source' | 'method' | 'strength'>[]
  readonly agreement: number
}

/** The links of one source selection, by strategy and by determinant. */
export type LinkIndex = {
  /** Strategy id → determinant → the pair's combined evidence. */
  readonly byStrategy: ReadonlyMap<string, ReadonlyMap<number, PairEvidence>>
  /** Determinant → the strategies linked to it, each with the pair's combined evidence. */
  readonly byDeterminant: ReadonlyMap<number, readonly { readonly strategy: string; readonly pair: PairEvidence }[]>
}

/**
 * Link indexes kept per link list: a few source selections are in use at a time, while the
 * selections possible (2^sources) are too many to keep; the least recently used is dropped.
 */
export const MAX_CACHED_LINK_INDEXES = 16

type LinkIndexes = { readonly sources: ReadonlySet<string>; readonly bySelection: LruCache<string, LinkIndex> }

/** Indexes are built once per link list and source selection; both change rarely. */
const indexes = new WeakMap<readonly LinkEvidence[], LinkIndexes>()

function indexesOf(links: readonly LinkEvidence[]): LinkIndexes {
  let memo = indexes.get(links)
  if (!memo) {
    memo = { sources: new Set(links.map((l) => l.source)), bySelection: new LruCache(MAX_CACHED_LINK_INDEXES) }
    indexes.set(links, memo)
  }
  return memo
}

/** How many link indexes are kept for this link list (at most MAX_CACHED_LINK_INDEXES). */
export function cachedLinkIndexes(links: readonly LinkEvidence[]): number {
  return indexes.get(links)?.bySelection.size ?? 0
}

/**
 * Indexes links by strategy and by determinant. Where several sources link the same pair, the
 * pair's strength is the strongest of them (not a sum: one pair is one reason, however many
 * sources name it); the number of distinct methods is kept as agreement. Memoised per link
 * list and per set of sources that have links (order, repeats and sources without links do
 * not change the index, so they do not make a new one); the result is read-only.
 */
export function indexLinks(links: readonly LinkEvidence[], sources?: readonly string[]): LinkIndex {
  const memo = indexesOf(links)
  const selected = sources && [...new Set(sources)].filter((s) => memo.sources.has(s)).sort()
  const key = !selected || selected.length === memo.sources.size ? '*' : selected.join('\u0000')
  const cached = memo.bySelection.get(key)
  if (cached) return cached

  const allowed = key === '*' ? null : new Set(selected)
  const grouped = new Map<string, Map<number, LinkEvidence[]>>()
  for (const l of links) {
    if (allowed && !allowed.has(l.source)) continue
    let byDeterminant = grouped.get(l.strategy)
    if (!byDeterminant) grouped.set(l.strategy, (byDeterminant = new Map()))
    const list = byDeterminant.get(l.determinant)
    if (list) list.push(l)
    else byDeterminant.set(l.determinant, [l])
  }
  const byStrategy = new Map<string, Map<number, PairEvidence>>()
  const byDeterminant = new Map<number, { strategy: string; pair: PairEvidence }[]>()
  for (const [strategy, determinants] of grouped) {
    const pairs = new Map<number, PairEvidence>()
    for (const [determinant, list] of determinants) {
      const evidence = list
        .map(({ source, method, strength }) => ({ source, method, strength }))
        .sort((a, b) => b.strength - a.strength || a.source.localeCompare(b.source))
      const strength = evidence[0]?.strength ?? 0
      const pair: PairEvidence = {
        strength,
        label: strength >= ESSENTIAL_STRENGTH ? 'essential' : 'supportive',
        evidence,
        agreement: new Set(list.map((l) => l.method)).size,
      }
      pairs.set(determinant, pair)
      const linked = byDeterminant.get(determinant)
      if (linked) linked.push({ strategy, pair })
      else byDeterminant.set(determinant, [{ strategy, pair }])
    }
    byStrategy.set(strategy, pairs)
  }
  const index: LinkIndex = { byStrategy, byDeterminant }
  memo.bySelection.set(key, index)
  return index
}

/** True when the strategy fits the plan's phase, actors and effort and is not ruled out or in use. */
export function fitsPlan(s: StrategyFacts, plan: Plan = {}): boolean {
  if (plan.exclude?.includes(s.id) || plan.inUse?.includes(s.id)) return false
  if (plan.phase && !s.phases.includes(plan.phase)) return false
  if (plan.actors && plan.actors.length > 0 && !s.actors.some((a) => plan.actors?.includes(a))) return false
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

function addressOf(b: Barrier, pair: PairEvidence, weighting: Weighting): Address {
  return {
    determinant: b.determinant,
    severity: b.severity,
    weight: weighting === 'equal' ? 1 : b.severity,
    strength: pair.strength,
    label: pair.label,
    agreement: pair.agreement,
    evidence: pair.evidence,
  }
}

const byContribution = (a: Address, b: Address) =>
  b.weight * b.strength - a.weight * a.strength || a.determinant - b.determinant

/** A strategy with the barriers it addresses: main contribution first, score and essential links. */
function ranked(id: string, addresses: Address[]): RankedStrategy {
  // Strongest contribution first, so the explanation leads with the main reason. An insertion
  // sort: as stable as Array.prototype.sort, and much cheaper on the few addresses a strategy has.
  for (let i = 1; i < addresses.length; i++) {
    const a = addresses[i] as Address
    let j = i
    for (; j > 0 && byContribution(addresses[j - 1] as Address, a) > 0; j--) addresses[j] = addresses[j - 1] as Address
    addresses[j] = a
  }
  let sum = 0
  let essentialLinks = 0
  for (const a of addresses) {
    sum += a.weight * a.strength
    if (a.label === 'essential') essentialLinks++
  }
  return { id, score: roundScore(sum), addresses, essentialLinks }
}

function scoreStrategy(
  id: string,
  barriers: readonly Barrier[],
  index: LinkIndex,
  weighting: Weighting
): RankedStrategy {
  const pairs = index.byStrategy.get(id)
  const addresses: Address[] = []
  for (const b of barriers) {
    const pair = pairs?.get(b.determinant)
    if (pair) addresses.push(addressOf(b, pair, weighting))
  }
  return ranked(id, addresses)
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

/**
 * Scores every strategy that fits the plan and addresses at least one barrier, in the order
 * of `input.strategies`. Only the strategies linked to a barrier are looked at: the index
 * leads from each barrier to them.
 */
function candidates(input: RankInput): RankedStrategy[] {
  const barriers = normaliseBarriers(input.barriers)
  const index = indexLinks(input.links, input.sources)
  const weighting = input.weighting ?? 'severity'
  // Per strategy its addresses, in barrier order as scoreStrategy lists them.
  const found = new Map<string, Address[]>()
  for (const b of barriers) {
    for (const { strategy, pair } of index.byDeterminant.get(b.determinant) ?? []) {
      const address = addressOf(b, pair, weighting)
      const addresses = found.get(strategy)
      if (addresses) addresses.push(address)
      else found.set(strategy, [address])
    }
  }
  const result: RankedStrategy[] = []
  for (const s of input.strategies) {
    const addresses = found.get(s.id)
    if (addresses && fitsPlan(s, input.plan)) result.push(ranked(s.id, addresses))
  }
  return result
}

/**
 * The first `k` of `items` in `compare`'s order, as a stable sort would place them, without
 * sorting the rest (a ranking returns ten of some sixty candidates).
 */
function firstInOrder<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  // Anything but a count below the length: as sort and slice do it.
  if (!Number.isInteger(k) || k < 0 || k >= items.length) return [...items].sort(compare).slice(0, k)
  const first: T[] = []
  for (const x of items) {
    const full = first.length === k
    if (full && (k === 0 || compare(first[k - 1] as T, x) <= 0)) continue
    let i = first.length
    while (i > 0 && compare(first[i - 1] as T, x) > 0) i--
    first.splice(i, 0, x)
    if (full) first.pop()
  }
  return first
}

function uncoveredBy(barriers: readonly Barrier[], chosen: readonly RankedStrategy[]): number[] {
  const covered = new Set<number>()
  for (const r of chosen) for (const a of r.addresses) covered.add(a.determinant)
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
export function rankStrategies(input: RankInput): RankResult {
  const all = candidates(input)
  const strategies = input.limit === undefined ? all.sort(compareRanked) : firstInOrder(all, input.limit, compareRanked)
  return { strategies, uncovered: uncoveredBy(input.barriers, strategies) }
}

type BundleKey = { count: number; weighted: number; strength: number }

/**
 * How good a set of strategies is as a bundle, before rounding: barriers covered, their
 * weight, and Σ weight × the strongest link. The sums run over the barriers in the order the
 * members first reach them.
 */
function bundleSums(members: readonly RankedStrategy[]): BundleKey {
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
  return { count: best.size, weighted, strength }
}

/** {@link bundleSums}, rounded: the key bundles are compared by. */
function bundleKey(members: readonly RankedStrategy[]): BundleKey {
  const { count, weighted, strength } = bundleSums(members)
  return { count, weighted: roundScore(weighted), strength: roundScore(strength) }
}

function better(a: BundleKey, b: BundleKey): boolean {
  return (
    a.count > b.count ||
    (a.count === b.count && (a.weighted > b.weighted || (a.weighted === b.weighted && a.strength > b.strength)))
  )
}

/**
 * A strategy as the bundle search reads it: per address the barrier's position in the
 * normalised barrier list, its weight and the link strength.
 */
type Reach = { readonly barrier: Int32Array; readonly weight: Float64Array; readonly strength: Float64Array }

function reachOf(m: RankedStrategy, position: ReadonlyMap<number, number>): Reach {
  const n = m.addresses.length
  const reach = { barrier: new Int32Array(n), weight: new Float64Array(n), strength: new Float64Array(n) }
  m.addresses.forEach((a, j) => {
    reach.barrier[j] = position.get(a.determinant) ?? 0 // every address names a barrier
    reach.weight[j] = a.weight
    reach.strength[j] = a.strength
  })
  return reach
}

/**
 * The greedy weighted set cover: positions in `pool` of the strategies picked, in order.
 * `inUse` counts as chosen from the start.
 */
function greedyCover(pool: readonly Reach[], inUse: readonly Reach[], barriers: number, limit: number): number[] {
  const covered = new Uint8Array(barriers)
  const best = new Float64Array(barriers) // best strength so far; 0 where uncovered
  const take = (r: Reach) => {
    for (let j = 0; j < r.barrier.length; j++) {
      const b = r.barrier[j] as number
      covered[b] = 1
      best[b] = Math.max(best[b] as number, r.strength[j] as number)
    }
  }
  inUse.forEach(take)
  const picked = new Uint8Array(pool.length)
  const greedy: number[] = []
  while (greedy.length < limit) {
    let pick = -1
    let pickCover = 0
    let pickCount = 0
    let pickStrength = 0
    for (let p = 0; p < pool.length; p++) {
      if (picked[p]) continue
      const r = pool[p] as Reach
      let cover = 0
      let count = 0
      let strength = 0
      for (let j = 0; j < r.barrier.length; j++) {
        const b = r.barrier[j] as number
        const w = r.weight[j] as number
        if (!covered[b]) {
          cover += w
          count++
        }
        strength += w * Math.max(0, (r.strength[j] as number) - (best[b] as number))
      }
      cover = roundScore(cover)
      strength = roundScore(strength)
      if (
        cover > pickCover ||
        (cover === pickCover && (count > pickCount || (count === pickCount && strength > pickStrength)))
      ) {
        pick = p
        pickCover = cover
        pickCount = count
        pickStrength = strength
      }
    }
    // Stop when nothing covers a barrier not yet covered: a bundle member must add coverage.
    if (pick < 0 || pickCount === 0) break
    greedy.push(pick)
    picked[pick] = 1
    take(pool[pick] as Reach)
  }
  return greedy
}

/** `x` rounded as {@link roundScore} when everything within `error` of it rounds alike. */
function roundSafely(x: number, error: number): number | undefined {
  const low = roundScore(x - error)
  return low === roundScore(x + error) ? low : undefined
}

/** What the swap search reads: the pool and the strategies in use, scored and as reaches. */
type SwapSearch = {
  readonly pool: readonly RankedStrategy[]
  readonly reach: readonly Reach[]
  readonly inUse: readonly RankedStrategy[]
  readonly inUseReach: readonly Reach[]
  /** Weight per barrier position. */
  readonly weight: Float64Array
  /** How far Σ weight, or Σ weight × strength, over the barriers can drift with the order of adding. */
  readonly weightError: number
  readonly strengthError: number
}

function swapSearch(
  pool: readonly RankedStrategy[],
  inUse: readonly RankedStrategy[],
  barriers: readonly Barrier[],
  weighting: Weighting
): SwapSearch {
  const position = new Map(barriers.map((b, i) => [b.determinant, i]))
  const weight = Float64Array.from(barriers, (b) => (weighting === 'equal' ? 1 : b.severity))
  let weightMagnitude = 0
  let strongest = 0
  for (const w of weight) weightMagnitude += Math.abs(w)
  for (const m of [...pool, ...inUse]) for (const a of m.addresses) strongest = Math.max(strongest, Math.abs(a.strength))
  // A float sum of n terms is off the exact sum by at most n · 2⁻⁵³ · Σ|term|; the bounds
  // below are several times that for both sums compared (the bundle's and a trial's).
  const n = barriers.length
  return {
    pool,
    reach: pool.map((m) => reachOf(m, position)),
    inUse,
    inUseReach: inUse.map((m) => reachOf(m, position)),
    weight,
    weightError: (4 * n + 16) * 2 ** -50 * weightMagnitude,
    strengthError: (8 * n + 32) * 2 ** -50 * weightMagnitude * strongest,
  }
}

/**
 * The first single swap — member by member, the pool in ranking order — that makes a better
 * bundle than `chosen` (positions in the pool); undefined when no swap does.
 *
 * A trial is scored by what it changes, not by rebuilding the bundle: per barrier the search
 * keeps how many members cover it, their strongest link, how many members reach that strength
 * and the strongest link below it. So the barriers the leaving member alone covered (or alone
 * was strongest on) and those the newcomer reaches give the change of the key. Those sums run
 * in another order than a rebuilt bundle's; where that float noise could change the rounded
 * key, and for every swap that looks better, the whole bundle is scored as the rule defines it.
 */
function firstImprovingSwap(search: SwapSearch, chosen: readonly number[]): number[] | undefined {
  const { pool, reach, weight, weightError, strengthError } = search
  const barriers = weight.length
  const bundle = (positions: readonly number[]) => [...search.inUse, ...positions.map((p) => pool[p] as RankedStrategy)]
  const sums = bundleSums(bundle(chosen))
  const current = bundleKey(bundle(chosen))

  const count = new Int32Array(barriers) // members covering the barrier
  const best = new Float64Array(barriers) // their strongest link
  const atBest = new Int32Array(barriers) // members with that strength
  const second = new Float64Array(barriers).fill(-Infinity) // the strongest link below best
  for (const r of [...search.inUseReach, ...chosen.map((p) => reach[p] as Reach)]) {
    for (let j = 0; j < r.barrier.length; j++) {
      const b = r.barrier[j] as number
      const s = r.strength[j] as number
      const was = count[b] as number
      count[b] = was + 1
      if (was === 0 || s > (best[b] as number)) {
        if (was > 0) second[b] = best[b] as number
        best[b] = s
        atBest[b] = 1
      } else if (s === best[b]) atBest[b] = (atBest[b] as number) + 1
      else second[b] = Math.max(second[b] as number, s)
    }
  }

  const inChosen = new Uint8Array(pool.length)
  for (const p of chosen) inChosen[p] = 1
  // The bundle without the leaving member: whether each barrier stays covered, its best link.
  const coveredAfter = Uint8Array.from(count, (c) => (c > 0 ? 1 : 0))
  const bestAfter = Float64Array.from(best)

  for (let i = 0; i < chosen.length; i++) {
    const leaving = reach[chosen[i] as number] as Reach
    let lostCount = 0
    let lostWeight = 0
    let lostStrength = 0
    for (let j = 0; j < leaving.barrier.length; j++) {
      const b = leaving.barrier[j] as number
      const w = weight[b] as number
      if (count[b] === 1) {
        coveredAfter[b] = 0
        lostCount++
        lostWeight += w
        lostStrength += w * (best[b] as number)
      } else if (leaving.strength[j] === best[b] && atBest[b] === 1) {
        bestAfter[b] = second[b] as number
        lostStrength += w * (best[b] as number) - w * (bestAfter[b] as number)
      }
    }

    let found: number[] | undefined
    for (let p = 0; p < pool.length && !found; p++) {
      if (inChosen[p]) continue
      const joining = reach[p] as Reach
      let gainedCount = -lostCount
      let gainedWeight = -lostWeight
      let gainedStrength = -lostStrength
      for (let j = 0; j < joining.barrier.length; j++) {
        const b = joining.barrier[j] as number
        const w = weight[b] as number
        const s = joining.strength[j] as number
        if (!coveredAfter[b]) {
          gainedCount++
          gainedWeight += w
          gainedStrength += w * s
        } else if (s > (bestAfter[b] as number)) gainedStrength += w * s - w * (bestAfter[b] as number)
      }
      if (!couldBeBetter(current, sums, gainedCount, gainedWeight, gainedStrength, weightError, strengthError)) continue
      const trial = chosen.map((m, j) => (j === i ? p : m))
      if (better(bundleKey(bundle(trial)), current)) found = trial
    }

    for (let j = 0; j < leaving.barrier.length; j++) {
      const b = leaving.barrier[j] as number
      coveredAfter[b] = count[b] ? 1 : 0
      bestAfter[b] = best[b] as number
    }
    if (found) return found
  }
  return undefined
}

/**
 * False only when a trial, whose key differs from the bundle's by the changes given, is
 * certainly not better: fewer barriers, or as many and a rounded weight (then strength) that
 * is certainly not higher. The count is exact; a sum counts as certain when everything within
 * its error bound rounds alike.
 */
function couldBeBetter(
  current: BundleKey,
  sums: BundleKey,
  gainedCount: number,
  gainedWeight: number,
  gainedStrength: number,
  weightError: number,
  strengthError: number
): boolean {
  if (gainedCount !== 0) return gainedCount > 0
  const weighted = roundSafely(sums.weighted + gainedWeight, weightError)
  if (weighted === undefined || weighted > current.weighted) return true
  if (weighted < current.weighted) return false
  const strength = roundSafely(sums.strength + gainedStrength, strengthError)
  return strength === undefined || strength > current.strength
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
export function bundleStrategies(input: RankInput): BundleResult {
  const limit = input.limit ?? 5
  const pool = candidates(input).sort(compareRanked)
  const barriers = normaliseBarriers(input.barriers)
  const index = indexLinks(input.links, input.sources)
  const weighting = input.weighting ?? 'severity'
  const known = new Set(input.strategies.map((s) => s.id))
  const inUse = (input.plan?.inUse ?? [])
    .filter((id) => known.has(id))
    .map((id) => scoreStrategy(id, barriers, index, weighting))

  const search = swapSearch(pool, inUse, barriers, weighting)
  const bundle = (positions: readonly number[]) => [...inUse, ...positions.map((p) => pool[p] as RankedStrategy)]
  const greedy = greedyCover(search.reach, search.inUseReach, barriers.length, limit)
  const top = greedy.map((_, p) => p)
  let chosen = better(bundleKey(bundle(top)), bundleKey(bundle(greedy))) ? top : greedy
  // Improve by single swaps; each accepted swap strictly improves the key, so this ends.
  for (let swapped = firstImprovingSwap(search, chosen); swapped; swapped = firstImprovingSwap(search, chosen)) {
    chosen = swapped
  }

  const seen = new Set(inUse.flatMap((m) => m.addresses.map((a) => a.determinant)))
  const members: BundleMember[] = []
  for (const p of chosen) {
    const m = pool[p] as RankedStrategy
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
