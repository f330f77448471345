/**
 * @module How sure a share is: the 95% Wilson score interval of a share of respondents, and
 * whether a verdict's threshold lies inside the interval of the share that decides it (then
 * the verdict is `uncertain`: with a few more or fewer such answers it could go the other way).
 *
 * The formula is written out in docs/engine.md §1.7. Pure: no I/O.
 */

/** z for a two-sided 95% interval (the 97.5th percentile of the standard normal). */
export const Z_95 = 1.959964

/** A closed interval [low, high] within [0, 1]. */
export type Interval = [low: number, high: number]

export const CERTAINTIES = ['clear', 'uncertain'] as const
export type Certainty = (typeof CERTAINTIES)[number]

/**
 * The Wilson score interval of `count` out of `n` (Wilson 1927; Newcombe 1998, method 3):
 *
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · √(p(1 − p)/n + z²/4n²)
 *
 * with p = count / n. Unlike p ± z·√(p(1−p)/n) it stays within [0, 1] and is not zero-wide at
 * 0% or 100%, which matters for the small teams of a school. Returns null when n is 0. The
 * bounds are clamped so that they always contain p and lie in [0, 1], whatever floating point
 * rounding does at the edges.
 */
export function wilsonInterval(count: number, n: number, z: number = Z_95): Interval | null {
  if (n <= 0) return null
  const p = count / n
  const z2 = z * z
  const denominator = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denominator
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  const low = Math.min(p, Math.max(0, centre - half))
  const high = Math.max(p, Math.min(1, centre + half))
  return [low, high]
}

/** True when `threshold` lies strictly inside the interval (a bound on it counts as outside). */
export const straddles = (interval: Interval | null, threshold: number): boolean =>
  interval !== null && interval[0] < threshold && threshold < interval[1]

/**
 * Whether a verdict is clear: `uncertain` when the threshold of the share that decides it lies
 * inside that share's interval. A barrier is decided by the negative share against the barrier
 * threshold, a facilitator by the positive share against the facilitator threshold; a neutral
 * verdict by both (it is neutral because neither was reached). A determinant without enough
 * answers for a verdict is `uncertain`.
 */
export function certaintyOf(
  status: 'barrier' | 'neutral' | 'facilitator' | 'insufficient',
  negative: Interval | null,
  positive: Interval | null,
  thresholds: { readonly barrierShare: number; readonly facilitatorShare: number }
): Certainty {
  if (status === 'insufficient' || negative === null || positive === null) return 'uncertain'
  const barrierInside = straddles(negative, thresholds.barrierShare)
  if (status === 'barrier') return barrierInside ? 'uncertain' : 'clear'
  const facilitatorInside = straddles(positive, thresholds.facilitatorShare)
  if (status === 'facilitator') return facilitatorInside ? 'uncertain' : 'clear'
  return barrierInside || facilitatorInside ? 'uncertain' : 'clear'
}
