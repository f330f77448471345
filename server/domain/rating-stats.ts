/**
 * @module Statistics of a panel's 1–9 ratings as the RAND/UCLA Appropriateness Method uses
 * them (Fitch et al. 2001, RAND MR-1269): median, percentiles, IQR, the interpercentile range
 * adjusted for symmetry (IPRAS) and the disagreement it flags, the share of the panel within
 * the median's tertile, and the two consensus rules a study can choose. Written out in
 * docs/expert-rating.md and pinned by test/domain/rating-stats.test.ts.
 */

/** The rating scale: 1 (not relevant at all) … 9 (highly relevant). */
export const RATING_MIN = 1
export const RATING_MAX = 9

/** The IPR needed for disagreement when ratings are perfectly symmetric around 5 (RAND/UCLA). */
export const IPR_SYMMETRIC = 2.35
/** The correction factor for asymmetry (RAND/UCLA). */
export const ASYMMETRY_FACTOR = 1.5

/** The three regions of the scale: 1–3 (not relevant), 4–6 (uncertain), 7–9 (relevant). */
export const TERTILES = ['low', 'middle', 'high'] as const
export type Tertile = (typeof TERTILES)[number]

/**
 * The tertile a median lies in. A median between two regions (3.5 or 6.5, from an even panel)
 * counts as `middle`: the panel has then not shown it is in either outer region.
 */
export function tertileOf(value: number): Tertile {
  if (value <= 3) return 'low'
  if (value >= 7) return 'high'
  return 'middle'
}

/** The tertile a single rating lies in. */
const ratingTertile = (rating: number): Tertile => (rating <= 3 ? 'low' : rating >= 7 ? 'high' : 'middle')

/**
 * The p-th percentile (0 ≤ p ≤ 1) of ascending `sorted` values, interpolating linearly between
 * the two nearest ranks: position (n − 1) × p, counted from 0. This is Excel's PERCENTILE
 * (PERCENTILE.INC) and R's type 7, which RAND/UCLA panels computed in spreadsheets; it
 * reproduces the published worked example (docs/expert-rating.md). Null for no values.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length
  if (n === 0) return null
  const position = (n - 1) * p
  const below = Math.floor(position)
  const lower = sorted[below] as number
  const upper = sorted[Math.min(below + 1, n - 1)] as number
  return round(lower + (upper - lower) * (position - below))
}

/** The median: the 50th percentile (for an even panel, the mean of the two middle ratings). */
export const median = (sorted: readonly number[]): number | null => percentile(sorted, 0.5)

/** Rounds away float noise (0.1 × 3 = 0.30000000000000004) so thresholds compare exactly. */
const round = (x: number) => Math.round(x * 1e9) / 1e9

/** Everything the study's results show about the ratings of one link for one question. */
export type RatingStats = {
  /** Ratings counted (experts who answered; a skipped link is missing, never a rating). */
  readonly n: number
  readonly median: number | null
  readonly p25: number | null
  readonly p75: number | null
  /** Interquartile range: p75 − p25. */
  readonly iqr: number | null
  readonly p30: number | null
  readonly p70: number | null
  /** Interpercentile range: p70 − p30. */
  readonly ipr: number | null
  /** The IPR's central point: (p30 + p70) / 2. */
  readonly iprcp: number | null
  /** 2.35 + 1.5 × |5 − IPRCP|. */
  readonly ipras: number | null
  /** True when IPR > IPRAS: the panel disagrees (RAND/UCLA). */
  readonly disagreement: boolean
  /** The median's tertile. */
  readonly tertile: Tertile | null
  /** Share of the ratings within the median's tertile (0–1). */
  readonly agreement: number | null
  /** Share of the ratings 7–9 (0–1): how many experts found the link relevant. */
  readonly shareHigh: number | null
  /** How many experts gave each rating, 1…9 (index 0 is rating 1). */
  readonly counts: readonly number[]
}

/**
 * The statistics of one link's ratings (each an integer 1–9). Disagreement follows the
 * RAND/UCLA IPRAS rule: IPRAS = 2.35 + 1.5 × |5 − IPRCP|, disagreement when IPR > IPRAS.
 */
export function ratingStats(ratings: readonly number[]): RatingStats {
  const sorted = [...ratings].sort((a, b) => a - b)
  const n = sorted.length
  const counts = Array.from({ length: RATING_MAX }, (_, i) => sorted.filter((r) => r === i + 1).length)
  if (n === 0) {
    return {
      n,
      median: null,
      p25: null,
      p75: null,
      iqr: null,
      p30: null,
      p70: null,
      ipr: null,
      iprcp: null,
      ipras: null,
      disagreement: false,
      tertile: null,
      agreement: null,
      shareHigh: null,
      counts,
    }
  }
  const med = median(sorted) as number
  const p25 = percentile(sorted, 0.25) as number
  const p75 = percentile(sorted, 0.75) as number
  const p30 = percentile(sorted, 0.3) as number
  const p70 = percentile(sorted, 0.7) as number
  const ipr = round(p70 - p30)
  const iprcp = round((p30 + p70) / 2)
  const ipras = round(IPR_SYMMETRIC + ASYMMETRY_FACTOR * Math.abs(5 - iprcp))
  const tertile = tertileOf(med)
  return {
    n,
    median: med,
    p25,
    p75,
    iqr: round(p75 - p25),
    p30,
    p70,
    ipr,
    iprcp,
    ipras,
    disagreement: ipr > ipras,
    tertile,
    agreement: round(sorted.filter((r) => ratingTertile(r) === tertile).length / n),
    shareHigh: round(sorted.filter((r) => r >= 7).length / n),
    counts,
  }
}

/**
 * When a panel has reached consensus on a link: `rand` — the RAND/UCLA rule, no disagreement
 * (IPR ≤ IPRAS); `agreement` — the Delphi rule, at least `threshold` of the panel within the
 * median's tertile.
 */
export const CONSENSUS_RULES = ['rand', 'agreement'] as const
export type ConsensusRuleKind = (typeof CONSENSUS_RULES)[number]
export type ConsensusRule =
  | { readonly kind: 'rand' }
  | { readonly kind: 'agreement'; readonly threshold: number }

/** The agreement threshold most Delphi studies use (Diamond et al. 2014: median 75%). */
export const DEFAULT_AGREEMENT_THRESHOLD = 0.75

/** True when the ratings meet the rule; never with no ratings. */
export function hasConsensus(stats: RatingStats, rule: ConsensusRule): boolean {
  if (stats.n === 0 || stats.agreement === null) return false
  return rule.kind === 'rand' ? !stats.disagreement : stats.agreement >= rule.threshold - 1e-9
}

/**
 * What the panel says of a link: `relevant` — median 7–9 with consensus (RAND/UCLA
 * "appropriate"); `not-relevant` — median 1–3 with consensus ("inappropriate"); `uncertain` —
 * a median 4–6, or any median without consensus. `no-ratings` when nobody rated it.
 */
export const VERDICTS = ['relevant', 'uncertain', 'not-relevant', 'no-ratings'] as const
export type Verdict = (typeof VERDICTS)[number]

export function verdictOf(stats: RatingStats, rule: ConsensusRule): Verdict {
  if (stats.n === 0 || stats.tertile === null) return 'no-ratings'
  const consensus = hasConsensus(stats, rule)
  if (consensus && stats.tertile === 'high') return 'relevant'
  if (consensus && stats.tertile === 'low') return 'not-relevant'
  return 'uncertain'
}
