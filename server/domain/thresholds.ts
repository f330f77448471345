/**
 * @module Default settings of the scoring rule.
 *
 * The 20% / 80% rule is a convention of applied MIDI studies, not a rule found in the MIDI
 * manual (see data/README.md and docs/engine.md); both thresholds are therefore settings.
 */

/** Settings of {@link import('./scoring.ts').scoreResponses}. */
export type ScoreSettings = {
  /** A determinant is a barrier when at least this share of its respondents answers negatively. */
  readonly barrierShare: number
  /** A determinant is a facilitator when at least this share answers positively (and it is not a barrier). */
  readonly facilitatorShare: number
  /** Fewest respondents a user-answered determinant needs for a verdict; fewer → "insufficient". */
  readonly minAnswers: number
}

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  barrierShare: 0.2,
  facilitatorShare: 0.8,
  minAnswers: 1,
}

/** Shares are compared with this tolerance so that 2 of 10 counts as exactly 20%. */
export const SHARE_EPSILON = 1e-9
