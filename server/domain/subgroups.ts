/**
 * @module A round's profile split by the respondents' groups (teachers, mentors, care staff,
 * management …), with the network's suppression rule (server/domain/network.ts) applied to
 * every group and every determinant of a group: fewer than `minGroupSize` answers are never
 * shown as numbers, and neither is anything that, subtracted from the total beside it, would
 * give away such a group (complementary disclosure).
 *
 * Pure: no I/O. The rule is written out in docs/engine.md §1.8 and pinned by
 * test/domain/subgroups.test.ts.
 */
import type { Questionnaire } from './questionnaire.ts'
import { effectiveMinGroupSize, shownOnItsOwn } from './network.ts'
import { scoreResponses, summariseGroup, type DeterminantScore, type ResponseRecord, type ScoreProfile } from './scoring.ts'
import type { ScoreSettings } from './thresholds.ts'
import { GROUPS } from './vocabulary.ts'

/** Why a group or cell is not shown. */
export const SUPPRESSION_REASONS = ['too-few', 'could-be-derived'] as const
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number]

export type Part = { readonly key: string; readonly n: number }

/**
 * Which parts of a total may be shown beside it. A part is shown on its own from `min` answers
 * (`too-few` otherwise). The total minus the shown parts is known to anyone who sees them, so
 * that rest must be empty or hold at least `min` answers: while it holds 1 to min − 1, the
 * smallest shown part (ties: the last key) is withheld as well (`could-be-derived`). Hence no
 * part below the minimum, and no union of such parts below it, can be computed by subtraction.
 *
 * `min` is the minimum in force ({@link effectiveMinGroupSize}).
 */
export function shownParts(total: number, parts: readonly Part[], min: number): Map<string, SuppressionReason | null> {
  const verdict = new Map<string, SuppressionReason | null>()
  let shown = 0
  for (const p of parts) {
    const ok = shownOnItsOwn(p.n, min)
    verdict.set(p.key, ok ? null : 'too-few')
    if (ok) shown += p.n
  }
  // Each pass withholds one shown part, so this ends after at most parts.length passes.
  for (;;) {
    const rest = total - shown
    if (rest <= 0 || rest >= min) break
    let smallest: Part | undefined
    for (const p of parts) {
      if (verdict.get(p.key) !== null) continue
      if (!smallest || p.n < smallest.n || (p.n === smallest.n && p.key > smallest.key)) smallest = p
    }
    if (!smallest) break
    verdict.set(smallest.key, 'could-be-derived')
    shown -= smallest.n
  }
  return verdict
}

/** A submission as the split needs it: its group (null: none given) and its answers. */
export type GroupedResponse = { readonly group: string | null; readonly record: ResponseRecord }

export type SubgroupRow =
  | { readonly group: string | null; readonly n: number; readonly suppressed: SuppressionReason }
  | {
      readonly group: string | null
      readonly n: number
      readonly suppressed: null
      readonly profile: ScoreProfile
      /** Determinants of this group not shown, and why. */
      readonly hidden: ReadonlyMap<number, SuppressionReason>
    }

export type SplitProfile = {
  readonly minGroupSize: number
  readonly respondents: number
  readonly groups: readonly SubgroupRow[]
}

/** The key of "no group given" among the parts: not a group name (those are trimmed, non-empty). */
const NO_GROUP = ''

/**
 * The round's profile per group, side by side: the workspace's groups in their order, then any
 * other group the submissions name (a group the team renamed since), then the submissions
 * without a group. Each group is scored like the whole round, except that when the round has
 * key informants only their answers count for determinants 19–29 in every group too, so that
 * the groups' counts add up to the round's. Groups and determinants are then suppressed by
 * {@link shownParts} against the round's total.
 */
export function splitProfile(
  questionnaire: Questionnaire,
  responses: readonly GroupedResponse[],
  options: { readonly settings?: Partial<ScoreSettings>; readonly minGroupSize?: number; readonly groups?: readonly string[] } = {}
): SplitProfile {
  const min = effectiveMinGroupSize(options.minGroupSize)
  const order: (string | null)[] = [...(options.groups ?? [])]
  const byGroup = new Map<string | null, ResponseRecord[]>(order.map((g) => [g, []]))
  for (const r of responses) {
    let list = byGroup.get(r.group)
    if (!list) {
      byGroup.set(r.group, (list = []))
      if (r.group !== null) order.push(r.group)
    }
    list.push(r.record)
  }
  if (byGroup.has(null)) order.push(null)

  // Every group is scored once, withheld ones too: with the round's key-informant rule in each,
  // a respondent counts for a determinant in its group exactly when it would in the whole
  // round, so the round's count per determinant is the sum of the groups' counts, and the
  // round needs no scoring pass of its own.
  const scope = { keyInformantsInRound: responses.some((r) => r.record.role === 'key-informant') }
  const scored = new Map<string | null, ScoreProfile>()
  for (const g of order) scored.set(g, scoreResponses(questionnaire, byGroup.get(g) ?? [], options.settings, scope))
  const roundN = questionnaire.determinants.map((_, k) => {
    let n = 0
    for (const p of scored.values()) n += (p.determinants[k] as DeterminantScore).n
    return n
  })

  const groupVerdict = shownParts(
    responses.length,
    order.map((g) => ({ key: g ?? NO_GROUP, n: byGroup.get(g)?.length ?? 0 })),
    min
  )
  const profiles = new Map<string | null, ScoreProfile>()
  for (const g of order) {
    if (groupVerdict.get(g ?? NO_GROUP) === null) profiles.set(g, scored.get(g) as ScoreProfile)
  }

  // Per determinant, the same rule between the round's count and the shown groups' counts.
  const hidden = new Map<string | null, Map<number, SuppressionReason>>([...profiles.keys()].map((g) => [g, new Map()]))
  questionnaire.determinants.forEach((d, k) => {
    const parts = [...profiles].map(([g, p]) => ({ key: g ?? NO_GROUP, n: (p.determinants[k] as DeterminantScore).n }))
    // The rest holds the withheld groups' answers to this determinant: it is computed from the
    // determinant's own n, so a group hidden as a whole may still leave a small rest here.
    const verdict = shownParts(roundN[k] as number, parts, min)
    for (const [g] of profiles) {
      const reason = verdict.get(g ?? NO_GROUP)
      if (reason) hidden.get(g)?.set(d.number, reason)
    }
  })

  return {
    minGroupSize: min,
    respondents: responses.length,
    groups: order.map((g): SubgroupRow => {
      const n = byGroup.get(g)?.length ?? 0
      const reason = groupVerdict.get(g ?? NO_GROUP) ?? null
      const profile = profiles.get(g)
      if (reason !== null || !profile) return { group: g, n, suppressed: reason ?? 'too-few' }
      const hiddenHere = hidden.get(g) ?? new Map<number, SuppressionReason>()
      return { group: g, n, suppressed: null, profile: maskProfile(profile, hiddenHere), hidden: hiddenHere }
    }),
  }
}

/**
 * The profile with the `hidden` determinants emptied: no shares, no interval, no mean, no
 * items, status `insufficient`; their n stays (how many answered is not an answer). The group
 * summaries and the barrier list are recomputed without them.
 */
export function maskProfile(profile: ScoreProfile, hidden: ReadonlyMap<number, unknown>): ScoreProfile {
  if (hidden.size === 0) return profile
  const determinants = profile.determinants.map(
    (d): DeterminantScore =>
      hidden.has(d.number)
        ? {
            ...d,
            mean: null,
            negativeShare: null,
            neutralShare: null,
            positiveShare: null,
            negativeShareInterval: null,
            positiveShareInterval: null,
            status: 'insufficient',
            certainty: 'uncertain',
            polarised: false,
            items: [],
          }
        : d
  )
  return {
    ...profile,
    determinants,
    groups: GROUPS.map((group) => summariseGroup(group, determinants)),
    barriers: profile.barriers.filter((b) => !hidden.has(b)),
  }
}
