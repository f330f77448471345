/**
 * @module Ranks implementation strategies for a team's barriers and plan, and picks a small
 * bundle that covers as many barriers as possible.
 *
 * The formula, the combination of sources and the tie-break are written out in
 * docs/engine.md and pinned by test/domain/ranking.test.ts.
 */
import { LruCache } from './lru-cache.ts'
import { EFFORTS, ESSENTIAL_STRENGTH, type Actor, type Effort, type EvidenceTier, type Phase, type StrengthBasis } from './vocabulary.ts'

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
  /**
   * The tier of the link's source. Where an expert panel rated a pair (`expert-rated`), the
   * pair's `proposal` links (our editorial ones) no longer count: the panel's rating replaces
   * our untested proposal (docs/engine.md, "Expert-rated links replace proposals").
   */
  readonly tier?: EvidenceTier
}

/** What the ranking needs to know of a strategy. */
export type StrategyFacts = {
  readonly id: string
  readonly phases: readonly Phase[]
  readonly actors: readonly Actor[]
  readonly effort: Effort
}

/**
 * A barrier to address; `severity` in [0, 1], e.g. the share of negative answers. `polarised`:
 * the team is divided on it (many negative and many positive answers, docs/engine.md §1.5).
 */
export type Barrier = { readonly determinant: number; readonly severity: number; readonly polarised?: boolean }

/**
 * Strategies that build agreement in a team (ERIC 17 "Conduct local consensus discussions" and
 * ERIC 7 "Capture and share local knowledge"): brought forward when the team is divided on a
 * barrier, because a divided team first needs to talk out what it disagrees on (docs/engine.md §2).
 */
export const AGREEMENT_STRATEGIES = ['local-consensus-discussions', 'capture-share-local-knowledge'] as const

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

/**
 * `severity` (default) and `equal` rank by fit (docs/engine.md §2) with each barrier weighted
 * by its severity or by 1; `cfir-eric` is the CFIR–ERIC matching tool's cumulative percentage:
 * equal weights, links summed.
 */
export const WEIGHTINGS = ['severity', 'equal', 'cfir-eric'] as const
export type Weighting = (typeof WEIGHTINGS)[number]

export type RankInput = {
  readonly barriers: readonly Barrier[]
  readonly strategies: readonly StrategyFacts[]
  readonly links: readonly LinkEvidence[]
  readonly plan?: Plan
  /** How barriers weigh and scores add up; see {@link WEIGHTINGS}. */
  readonly weighting?: Weighting
  /** Only links from these sources count; all sources when absent. */
  readonly sources?: readonly string[]
  /** How many strategies to return; all that address a barrier when absent. */
  readonly limit?: number
  /** Strategies brought forward for a polarised barrier; {@link AGREEMENT_STRATEGIES} when absent. */
  readonly agreementBuilding?: readonly string[]
}

/** One source's link behind a pair, as an explanation lists it. */
export type Evidence = Pick<LinkEvidence, 'source' | 'method' | 'strength' | 'basis' | 'cell'>

/** How one ranked strategy addresses one barrier. */
export type Address = {
  readonly determinant: number
  readonly severity: number
  /** The weight the barrier had in the score: its severity, or 1 with equal weighting. */
  readonly weight: number
  /** The combined link strength: the strongest of the sources that link the pair. */
  readonly strength: number
  /**
   * The strength the score counts: `strength`, unless the expert cell behind it already
   * counted for a barrier where it weighs more; then the pair's next link from elsewhere (or 0).
   */
  readonly counted: number
  readonly label: 'essential' | 'supportive'
  /** Number of distinct methods that link this pair (1 = one line of evidence). */
  readonly agreement: number
  readonly evidence: readonly Evidence[]
}

export type RankedStrategy = {
  readonly id: string
  /**
   * The fit over all the barriers it addresses: contributions weight × counted strength,
   * largest first, the i-th halved i times. With `cfir-eric` weighting their plain sum.
   */
  readonly score: number
  /** Its largest single contribution, weight × counted strength: what orders the ranking first (0 with `cfir-eric` weighting). */
  readonly best: number
  /** The severity of the most severe barrier it addresses essentially; 0 when none. */
  readonly topEssentialSeverity: number
  /** Largest contribution first (essential before supportive where equal): the explanation leads with the main reason. */
  readonly addresses: readonly Address[]
  readonly essentialLinks: number
  /**
   * The polarised barriers this agreement-building strategy is brought forward for (it may
   * have no link to them: it addresses the disagreement, not the barrier); absent otherwise.
   */
  readonly disagreement?: readonly number[]
}

export type RankResult = {
  readonly strategies: readonly RankedStrategy[]
  /** Barriers that no returned strategy addresses. */
  readonly uncovered: readonly number[]
  /** Barriers that no strategy fitting the plan addresses, whatever the limit. */
  readonly unreachable: readonly number[]
}

export type BundleMember = RankedStrategy & {
  /** Barriers this member covers (essential link) that no earlier member or strategy in use covered. */
  readonly covers: readonly number[]
  /** Barriers this member is the first to reach, through a supportive link only. */
  readonly weaklyCovers: readonly number[]
}

export type BundleResult = {
  readonly strategies: readonly BundleMember[]
  /** Barriers an essential link of a member (or strategy in use) addresses. */
  readonly covered: readonly number[]
  /** Barriers only supportive links reach. */
  readonly weaklyCovered: readonly number[]
  readonly uncovered: readonly number[]
  /** Uncovered barriers that no strategy fitting the plan addresses: no bundle can reach them. */
  readonly unreachable: readonly number[]
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
  readonly evidence: readonly Evidence[]
  readonly agreement: number
  /** True when some link of the pair comes from a shared expert cell. */
  readonly celled: boolean
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
    for (const [determinant, all] of determinants) {
      const rated = all.some((l) => l.tier === 'expert-rated')
      const list = rated ? all.filter((l) => l.tier !== 'proposal') : all
      // A pair the panel rejected (strength 0) with nothing else behind it addresses nothing.
      if (rated && list.every((l) => l.strength <= 0)) continue
      const evidence: Evidence[] = list
        .map(({ source, method, strength, basis, cell }) => ({
          source,
          method,
          strength,
          ...(basis !== undefined ? { basis } : {}),
          ...(cell !== undefined ? { cell } : {}),
        }))
        .sort((a, b) => b.strength - a.strength || a.source.localeCompare(b.source))
      const strength = evidence[0]?.strength ?? 0
      const pair: PairEvidence = {
        strength,
        label: strength >= ESSENTIAL_STRENGTH ? 'essential' : 'supportive',
        evidence,
        agreement: new Set(list.map((l) => l.method)).size,
        celled: evidence.some((e) => e.cell !== undefined),
      }
      if (pair.celled) celledEvidence.add(evidence)
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
    if (!current) byNumber.set(b.determinant, b)
    else if (b.severity > current.severity || (b.polarised && !current.polarised)) {
      const heavier = b.severity > current.severity ? b : current
      byNumber.set(b.determinant, { ...heavier, polarised: Boolean(b.polarised || current.polarised) })
    }
  }
  return [...byNumber.values()]
}

/** An address before the shared-cell rule sets what it counts. */
type Found = Omit<Address, 'counted'> & { counted: number }

/** Evidence lists with a link from a shared expert cell (see PairEvidence.celled). */
const celledEvidence = new WeakSet<readonly Evidence[]>()

function addressOf(b: Barrier, pair: PairEvidence, weighting: Weighting): Found {
  return {
    determinant: b.determinant,
    severity: b.severity,
    weight: weighting === 'severity' ? b.severity : 1,
    strength: pair.strength,
    counted: pair.strength,
    label: pair.label,
    agreement: pair.agreement,
    evidence: pair.evidence,
  }
}

/** An insertion sort: stable, and much cheaper than Array.prototype.sort on a few items. */
function insertionSort<T>(items: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < items.length; i++) {
    const x = items[i] as T
    let j = i
    for (; j > 0 && compare(items[j - 1] as T, x) > 0; j--) items[j] = items[j - 1] as T
    items[j] = x
  }
}

const byStrength = (a: Found, b: Found) => b.weight * b.strength - a.weight * a.strength || a.determinant - b.determinant
const isEssential = (a: Address) => a.counted >= ESSENTIAL_STRENGTH
const byCounted = (a: Address, b: Address) =>
  b.weight * b.counted - a.weight * a.counted ||
  Number(isEssential(b)) - Number(isEssential(a)) ||
  a.determinant - b.determinant

/** Σ of contributions taken largest first, the i-th halved i times (they arrive in any order). */
function fitOf(contributions: number[]): number {
  contributions.sort((a, b) => b - a)
  let sum = 0
  for (let i = 0; i < contributions.length; i++) sum += (contributions[i] as number) / 2 ** i
  return roundScore(sum)
}

/**
 * One expert cell counts once per strategy: going down the addresses by weight × strength,
 * the first to use a cell takes it; a later address of the same cell counts its pair's next
 * link from another cell or source, or 0.
 */
function countCellsOnce(found: Found[]): void {
  if (!found.some((a) => celledEvidence.has(a.evidence))) return
  insertionSort(found, byStrength)
  const used = new Set<string>()
  for (const a of found) {
    const e = a.evidence.find((x) => x.cell === undefined || !used.has(x.cell))
    if (e?.cell !== undefined) used.add(e.cell)
    a.counted = e?.strength ?? 0
  }
}

/** A strategy with the barriers it addresses, scored by `weighting`. */
function ranked(id: string, found: Found[], weighting: Weighting): RankedStrategy {
  countCellsOnce(found)
  const addresses: Address[] = found
  insertionSort(addresses, byCounted)
  let essentialLinks = 0
  for (const a of addresses) if (a.label === 'essential') essentialLinks++
  if (weighting === 'cfir-eric') {
    let sum = 0
    for (const a of addresses) sum += a.weight * a.counted
    return { id, score: roundScore(sum), best: 0, topEssentialSeverity: 0, addresses, essentialLinks }
  }
  const all: number[] = []
  let topEssentialSeverity = 0
  for (const a of addresses) {
    all.push(a.weight * a.counted)
    if (isEssential(a)) topEssentialSeverity = Math.max(topEssentialSeverity, a.severity)
  }
  const score = fitOf(all) // sorts `all`, largest first
  return { id, score, best: roundScore(all[0] ?? 0), topEssentialSeverity, addresses, essentialLinks }
}

function scoreStrategy(
  id: string,
  barriers: readonly Barrier[],
  index: LinkIndex,
  weighting: Weighting
): RankedStrategy {
  const pairs = index.byStrategy.get(id)
  const found: Found[] = []
  for (const b of barriers) {
    const pair = pairs?.get(b.determinant)
    if (pair) found.push(addressOf(b, pair, weighting))
  }
  return ranked(id, found, weighting)
}

/**
 * The documented order (docs/engine.md §2): first the agreement-building strategies brought
 * forward for a polarised barrier; then the larger best single contribution; then the more
 * severe barrier addressed essentially; then the higher fit over all links; then more essential
 * links; then more barriers addressed; then the strategy id, alphabetically. With `cfir-eric`
 * weighting the first two are 0 for every strategy, so the cumulative score leads.
 */
export function compareRanked(a: RankedStrategy, b: RankedStrategy): number {
  return (
    Number(b.disagreement !== undefined) - Number(a.disagreement !== undefined) ||
    b.best - a.best ||
    b.topEssentialSeverity - a.topEssentialSeverity ||
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
  const found = new Map<string, Found[]>()
  for (const b of barriers) {
    for (const { strategy, pair } of index.byDeterminant.get(b.determinant) ?? []) {
      const address = addressOf(b, pair, weighting)
      const addresses = found.get(strategy)
      if (addresses) addresses.push(address)
      else found.set(strategy, [address])
    }
  }
  const polarised = barriers.filter((b) => b.polarised).map((b) => b.determinant)
  const agreement = new Set<string>(polarised.length > 0 ? (input.agreementBuilding ?? AGREEMENT_STRATEGIES) : [])
  const result: RankedStrategy[] = []
  for (const s of input.strategies) {
    const addresses = found.get(s.id)
    const forAgreement = agreement.has(s.id)
    if (!(addresses || forAgreement) || !fitsPlan(s, input.plan)) continue
    const r = ranked(s.id, addresses ?? [], weighting)
    result.push(forAgreement ? { ...r, disagreement: polarised } : r)
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

/** The barriers, in their normalised order, that none of `by` addresses. */
function notReached(barriers: readonly Barrier[], by: readonly RankedStrategy[]): number[] {
  const reached = new Set<number>()
  for (const r of by) for (const a of r.addresses) reached.add(a.determinant)
  return barriers.map((b) => b.determinant).filter((d) => !reached.has(d))
}

/**
 * Ranks the strategies that fit the plan by how well they fit the barriers (docs/engine.md §2):
 * first by their best single contribution weight × strength (so an essential link to a barrier
 * beats any supportive link to one no more severe), then by a fit over all their links in which
 * breadth can at most double the best one. With `weighting: 'cfir-eric'` the score is the
 * CFIR–ERIC matching tool's cumulative percentage ÷ 100.
 */
export function rankStrategies(input: RankInput): RankResult {
  const all = candidates(input)
  const barriers = normaliseBarriers(input.barriers)
  const unreachable = notReached(barriers, all)
  const strategies = input.limit === undefined ? all.sort(compareRanked) : firstInOrder(all, input.limit, compareRanked)
  return { strategies, uncovered: notReached(barriers, strategies), unreachable }
}

/**
 * How good a set of strategies is as a bundle, compared field by field in this order:
 * barriers covered (an essential link reaches them), their weight, barriers reached at all,
 * their weight, and Σ weight × the strongest link.
 */
type BundleKey = {
  covered: number
  coveredWeight: number
  reached: number
  reachedWeight: number
  strength: number
}

/**
 * {@link BundleKey} before rounding. The sums run over the barriers in the order the members
 * first reach them.
 */
function bundleSums(members: readonly RankedStrategy[]): BundleKey {
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
  return { covered, coveredWeight, reached: best.size, reachedWeight, strength }
}

/** {@link bundleSums}, rounded: the key bundles are compared by. */
function bundleKey(members: readonly RankedStrategy[]): BundleKey {
  const k = bundleSums(members)
  return {
    covered: k.covered,
    coveredWeight: roundScore(k.coveredWeight),
    reached: k.reached,
    reachedWeight: roundScore(k.reachedWeight),
    strength: roundScore(k.strength),
  }
}

const KEY_ORDER = ['covered', 'coveredWeight', 'reached', 'reachedWeight', 'strength'] as const

function better(a: BundleKey, b: BundleKey): boolean {
  for (const k of KEY_ORDER) if (a[k] !== b[k]) return a[k] > b[k]
  return false
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

/** Nothing reaches the barrier yet. */
const UNREACHED = -1

/**
 * The greedy weighted set cover: positions in `pool` of the strategies picked, in order.
 * `inUse` counts as chosen from the start. Each step takes the strategy that adds the most
 * (covered weight, covered count, reached weight, reached count, strength gain — in that order).
 */
function greedyCover(pool: readonly Reach[], inUse: readonly Reach[], barriers: number, limit: number): number[] {
  const best = new Float64Array(barriers).fill(UNREACHED) // best strength so far
  const take = (r: Reach) => {
    for (let j = 0; j < r.barrier.length; j++) {
      const b = r.barrier[j] as number
      best[b] = Math.max(best[b] as number, r.strength[j] as number)
    }
  }
  inUse.forEach(take)
  const picked = new Uint8Array(pool.length)
  const greedy: number[] = []
  const gain = new Float64Array(5)
  const pickGain = new Float64Array(5)
  while (greedy.length < limit) {
    let pick = -1
    pickGain.fill(0)
    for (let p = 0; p < pool.length; p++) {
      if (picked[p]) continue
      const r = pool[p] as Reach
      let coverWeight = 0
      let coverCount = 0
      let reachWeight = 0
      let reachCount = 0
      let strength = 0
      for (let j = 0; j < r.barrier.length; j++) {
        const b = r.barrier[j] as number
        const w = r.weight[j] as number
        const s = r.strength[j] as number
        const current = best[b] as number
        if (s >= ESSENTIAL_STRENGTH && current < ESSENTIAL_STRENGTH) {
          coverWeight += w
          coverCount++
        }
        if (current === UNREACHED) {
          reachWeight += w
          reachCount++
        }
        strength += w * Math.max(0, s - Math.max(current, 0))
      }
      gain[0] = roundScore(coverWeight)
      gain[1] = coverCount
      gain[2] = roundScore(reachWeight)
      gain[3] = reachCount
      gain[4] = roundScore(strength)
      let i = 0
      while (i < 5 && gain[i] === pickGain[i]) i++
      if (i < 5 && (gain[i] as number) > (pickGain[i] as number)) {
        pick = p
        pickGain.set(gain)
      }
    }
    // Stop when nothing adds coverage: a bundle member must reach a barrier or cover one better.
    if (pick < 0 || (pickGain[1] === 0 && pickGain[3] === 0)) break
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
  const weight = Float64Array.from(barriers, (b) => (weighting === 'severity' ? b.severity : 1))
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

/** How a trial changes the bundle's key, before rounding. */
type Change = { covered: number; coveredWeight: number; reached: number; reachedWeight: number; strength: number }

/** The change of one barrier of weight `w` whose best link goes from `from` to `to` (UNREACHED: none). */
function addChange(c: Change, w: number, from: number, to: number): void {
  const wasCovered = from >= ESSENTIAL_STRENGTH
  const isCovered = to >= ESSENTIAL_STRENGTH
  if (wasCovered !== isCovered) {
    c.covered += isCovered ? 1 : -1
    c.coveredWeight += isCovered ? w : -w
  }
  if ((from === UNREACHED) !== (to === UNREACHED)) {
    c.reached += to === UNREACHED ? -1 : 1
    c.reachedWeight += to === UNREACHED ? -w : w
  }
  c.strength += w * Math.max(to, 0) - w * Math.max(from, 0)
}

/**
 * The first single swap — member by member, the pool in ranking order — that makes a better
 * bundle than `chosen` (positions in the pool); undefined when no swap does.
 *
 * A trial is scored by what it changes, not by rebuilding the bundle: per barrier the search
 * keeps how many members reach it, their strongest link, how many members reach that strength
 * and the strongest link below it. So the barriers the leaving member alone reached (or alone
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

  const count = new Int32Array(barriers) // members reaching the barrier
  const best = new Float64Array(barriers).fill(UNREACHED) // their strongest link
  const atBest = new Int32Array(barriers) // members with that strength
  const second = new Float64Array(barriers).fill(UNREACHED) // the strongest link below best
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
  // The bundle without the leaving member: each barrier's best link (UNREACHED when none).
  const bestAfter = Float64Array.from(best)
  const lost: Change = { covered: 0, coveredWeight: 0, reached: 0, reachedWeight: 0, strength: 0 }
  const change: Change = { ...lost }

  for (let i = 0; i < chosen.length; i++) {
    const leaving = reach[chosen[i] as number] as Reach
    Object.assign(lost, { covered: 0, coveredWeight: 0, reached: 0, reachedWeight: 0, strength: 0 })
    for (let j = 0; j < leaving.barrier.length; j++) {
      const b = leaving.barrier[j] as number
      if (count[b] === 1) bestAfter[b] = UNREACHED
      else if (leaving.strength[j] === best[b] && atBest[b] === 1) bestAfter[b] = second[b] as number
      else continue
      addChange(lost, weight[b] as number, best[b] as number, bestAfter[b] as number)
    }

    let found: number[] | undefined
    for (let p = 0; p < pool.length && !found; p++) {
      if (inChosen[p]) continue
      const joining = reach[p] as Reach
      Object.assign(change, lost)
      for (let j = 0; j < joining.barrier.length; j++) {
        const b = joining.barrier[j] as number
        const s = joining.strength[j] as number
        const after = bestAfter[b] as number
        if (s > after) addChange(change, weight[b] as number, after, s)
      }
      if (!couldBeBetter(current, sums, change, weightError, strengthError)) continue
      const trial = chosen.map((m, j) => (j === i ? p : m))
      if (better(bundleKey(bundle(trial)), current)) found = trial
    }

    for (let j = 0; j < leaving.barrier.length; j++) {
      const b = leaving.barrier[j] as number
      bestAfter[b] = best[b] as number
    }
    if (found) return found
  }
  return undefined
}

/**
 * False only when a trial, whose key differs from the bundle's by `change`, is certainly not
 * better. Counts are exact; a sum counts as certain when everything within its error bound
 * rounds alike.
 */
function couldBeBetter(
  current: BundleKey,
  sums: BundleKey,
  change: Change,
  weightError: number,
  strengthError: number
): boolean {
  if (change.covered !== 0) return change.covered > 0
  const coveredWeight = roundSafely(sums.coveredWeight + change.coveredWeight, weightError)
  if (coveredWeight === undefined || coveredWeight > current.coveredWeight) return true
  if (coveredWeight < current.coveredWeight) return false
  if (change.reached !== 0) return change.reached > 0
  const reachedWeight = roundSafely(sums.reachedWeight + change.reachedWeight, weightError)
  if (reachedWeight === undefined || reachedWeight > current.reachedWeight) return true
  if (reachedWeight < current.reachedWeight) return false
  const strength = roundSafely(sums.strength + change.strength, strengthError)
  return strength === undefined || strength > current.strength
}

/** Per barrier how far the bundle reaches it: 0 not at all, 1 weakly, 2 covered. */
const levelOf = (strength: number) => (strength >= ESSENTIAL_STRENGTH ? 2 : 1)

/**
 * Picks at most `limit` (default 5) strategies that together cover as many barriers as
 * possible (docs/engine.md §3). A barrier is covered through an essential link and weakly
 * covered through a supportive one. Greedy weighted set cover: each step adds the strategy
 * that adds the most covered barrier weight (ties: more barriers covered, then the most
 * reached weight, more barriers reached, the most added weight × strength, ranking order);
 * strategies in use count as already chosen; it stops when no strategy adds coverage. The
 * greedy result is compared with the same number of top-ranked strategies and the better one
 * is improved by single swaps until no swap helps. So a bundle never covers fewer barriers
 * than the top of the ranked list, and every member adds coverage.
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

  const level = new Map<number, number>()
  const raise = (a: Address) => level.set(a.determinant, Math.max(level.get(a.determinant) ?? 0, levelOf(a.strength)))
  for (const m of inUse) m.addresses.forEach(raise)
  const members: BundleMember[] = []
  for (const p of chosen) {
    const m = pool[p] as RankedStrategy
    const covers: number[] = []
    const weaklyCovers: number[] = []
    for (const a of m.addresses) {
      const was = level.get(a.determinant) ?? 0
      if (levelOf(a.strength) === 2 && was < 2) covers.push(a.determinant)
      else if (was === 0) weaklyCovers.push(a.determinant)
    }
    // A swap can leave a member that others now make redundant; it has no place in a bundle.
    if (covers.length === 0 && weaklyCovers.length === 0) continue
    m.addresses.forEach(raise)
    members.push({ ...m, covers, weaklyCovers })
  }
  const all = barriers.map((b) => b.determinant)
  const unreachable = new Set(notReached(barriers, pool))
  return {
    strategies: members,
    covered: all.filter((d) => level.get(d) === 2),
    weaklyCovered: all.filter((d) => level.get(d) === 1),
    uncovered: all.filter((d) => !level.has(d)),
    unreachable: all.filter((d) => !level.has(d) && unreachable.has(d)),
  }
}
