/**
 * @module Barriers a team names by hand, each with how much it hinders when the team says so,
 * turned into the weighted barriers the ranking and the coverage check take.
 */
import type { Barrier } from './ranking.ts'

/** A barrier as a team names it: the determinant, and its severity (0–1) when the team gave one. */
export type NamedBarrier = { readonly determinant: number; readonly severity?: number }

/**
 * The weight of a barrier whose severity the team did not know ("weet ik niet") in a list where
 * it gave other severities: the middle of the 0–1 scale. Not knowing is no reason to put a
 * barrier above those the team called strong, nor to drop it.
 */
export const UNKNOWN_SEVERITY = 0.5

export type ResolvedBarriers = {
  readonly barriers: readonly Barrier[]
  /** `given`: the team gave at least one severity; `none`: it gave none, every barrier weighs 1. */
  readonly severityKind: 'given' | 'none'
  /**
   * The barriers whose severity the team did not give while it gave others: their weight is
   * {@link UNKNOWN_SEVERITY}, and it must never be shown as how much they hinder.
   */
  readonly severityUnknown: readonly number[]
}

/**
 * Weighs barriers named by hand. With no severity at all, every barrier weighs 1 (equal
 * weights). With some severities given, those are used as given, and a barrier without one
 * weighs {@link UNKNOWN_SEVERITY} and is listed in `severityUnknown`: "don't know" is not
 * "hinders strongly".
 */
export function resolveNamedBarriers(list: readonly NamedBarrier[]): ResolvedBarriers {
  const anyGiven = list.some((b) => b.severity !== undefined)
  if (!anyGiven) {
    return { barriers: list.map((b) => ({ determinant: b.determinant, severity: 1 })), severityKind: 'none', severityUnknown: [] }
  }
  return {
    barriers: list.map((b) => ({ determinant: b.determinant, severity: b.severity ?? UNKNOWN_SEVERITY })),
    severityKind: 'given',
    severityUnknown: list.filter((b) => b.severity === undefined).map((b) => b.determinant),
  }
}
