/**
 * @module Scores a team's MIDI questionnaire: per determinant the shares of negative, neutral
 * and positive answers, the mean score and a verdict (barrier, neutral, facilitator or too few
 * answers); per group a summary; and the barriers, most severe first.
 *
 * The rules are written out in docs/engine.md and pinned by test/domain/scoring.test.ts.
 */
import type { DeterminantInfo, Questionnaire, ScoredOption } from './questionnaire.ts'
import { DEFAULT_SCORE_SETTINGS, SHARE_EPSILON, type ScoreSettings } from './thresholds.ts'
import { certaintyOf, wilsonInterval, type Certainty, type Interval } from './uncertainty.ts'
import { GROUPS, type Group, type OptionValence, type Respondent } from './vocabulary.ts'

/** One respondent's answers: item id → option value, or null (skipped). */
export type ResponseRecord = {
  readonly respondent?: string
  readonly role?: Respondent
  readonly answers: Readonly<Record<string, number | null | undefined>>
}

export const STATUSES = ['barrier', 'neutral', 'facilitator', 'insufficient'] as const
export type Status = (typeof STATUSES)[number]

export type ItemScore = {
  readonly id: string
  readonly n: number
  readonly negativeShare: number | null
  readonly neutralShare: number | null
  readonly positiveShare: number | null
}

export type DeterminantScore = {
  readonly number: number
  readonly group: Group
  readonly respondent: Respondent
  /** Respondents who answered at least one of the determinant's items (and were counted). */
  readonly n: number
  /** Mean on the 1–5 scale after reversal; null where no answer has a score (yes/no) or n = 0. */
  readonly mean: number | null
  readonly negativeShare: number | null
  readonly neutralShare: number | null
  readonly positiveShare: number | null
  /** 95% Wilson score intervals of the two shares (docs/engine.md §1.7); null when n is 0. */
  readonly negativeShareInterval: Interval | null
  readonly positiveShareInterval: Interval | null
  readonly status: Status
  /** `uncertain` when the verdict's threshold lies inside the interval of the share that decides it. */
  readonly certainty: Certainty
  /** True when both negative and positive shares reach the barrier threshold: the team disagrees. */
  readonly polarised: boolean
  /** Where the key informant's answers were the ones counted (see docs/engine.md). */
  readonly counted: 'all-respondents' | 'key-informants'
  readonly items: readonly ItemScore[]
}

export type GroupSummary = {
  readonly group: Group
  readonly determinants: number
  readonly barriers: number
  readonly neutral: number
  readonly facilitators: number
  readonly insufficient: number
  /** Mean negative share over the group's determinants that have answers; null if none has. */
  readonly meanNegativeShare: number | null
}

export type ScoreProfile = {
  readonly respondents: number
  readonly keyInformants: number
  readonly settings: ScoreSettings
  readonly determinants: readonly DeterminantScore[]
  readonly groups: readonly GroupSummary[]
  /** Barrier determinant numbers, most severe (highest negative share) first; ties by number. */
  readonly barriers: readonly number[]
}

/** A problem with one answer or record, located by respondent index and item. */
export type ResponseIssue = {
  readonly respondent: number
  readonly label?: string
  readonly item?: string
  readonly message: string
}

/** Thrown by {@link scoreResponses} when any answer is invalid; nothing is scored then. */
export class ResponseValidationError extends Error {
  readonly issues: readonly ResponseIssue[]
  constructor(issues: readonly ResponseIssue[]) {
    super(
      issues
        .slice(0, 5)
        .map((i) => `respondent ${i.label ?? i.respondent + 1}${i.item ? `, item ${i.item}` : ''}: ${i.message}`)
        .join('; ')
    )
    this.name = 'ResponseValidationError'
    this.issues = issues
  }
}

/** `missing` never reaches the tally: such an answer is skipped like a null one. */
const VALENCE_CODE: Record<OptionValence, number> = { negative: -1, neutral: 0, positive: 1, missing: Number.NaN }

/**
 * Checks every answer against the questionnaire: the item must exist and the value must be one
 * of its options. Returns all problems found (empty when the responses are valid).
 */
export function validateResponses(
  questionnaire: Questionnaire,
  responses: readonly ResponseRecord[]
): ResponseIssue[] {
  const { byId } = compile(questionnaire)
  const issues: ResponseIssue[] = []
  responses.forEach((r, index) => {
    for (const itemId in r.answers) {
      const item = byId.get(itemId)
      const value = r.answers[itemId]
      if (item && (value === null || value === undefined || optionOf(item, value) !== undefined)) continue
      issues.push(answerIssue(r, index, itemId, item, value))
    }
  })
  return issues
}

/** The issue of an answer that names an unknown item, or a value that is not an option. */
function answerIssue(
  r: ResponseRecord,
  index: number,
  itemId: string,
  item: CompiledItemId | undefined,
  value: unknown
): ResponseIssue {
  const message = item
    ? `${String(value)} is not an option of item ${itemId} (options: ${item.listed})`
    : `unknown item '${itemId}'`
  return { respondent: index, label: r.respondent, item: itemId, message }
}

/** `count` out of `n` reaches `share`, with a tolerance for floating-point rounding. */
function reaches(count: number, n: number, share: number): boolean {
  return n > 0 && count / n >= share - SHARE_EPSILON
}

function share(count: number, n: number): number | null {
  return n === 0 ? null : count / n
}

/**
 * An option as the inner loop needs it: valence as −1/0/+1, score or NaN; `missing` for a
 * "not yet applicable / don't know" option, which counts as no answer.
 */
type CompiledOption = { readonly code: number; readonly score: number; readonly missing: boolean }

/** What validation knows of an item id: its options, and where scoring counts it. */
type CompiledItemId = {
  /** Option by value for the values 0 … SMALL_VALUES − 1 (an array read, not a hash lookup). */
  readonly small: readonly (CompiledOption | undefined)[]
  /** Option by value, every value. */
  readonly all: ReadonlyMap<number, CompiledOption>
  /** The option values as listed in an error message. */
  readonly listed: string
  /** Slots (see {@link CompiledQuestionnaire}) of the items with this id. */
  readonly slots: readonly number[]
  /**
   * The one slot, when this item alone has its id and is counted once: it takes the option
   * found in `small`/`all`. Otherwise −1, and each slot looks its own option up.
   */
  readonly soleSlot: number
}

/** Option values below this are looked up in an array; answer scales use 0–5. */
const SMALL_VALUES = 16

/** The item's option for an answer value, or undefined when the value is not an option. */
function optionOf(item: CompiledItemId, value: number): CompiledOption | undefined {
  return (value | 0) === value && value >= 0 && value < item.small.length ? item.small[value] : item.all.get(value)
}

/**
 * The questionnaire arranged for one pass per respondent: every item that belongs to a
 * determinant has a slot, the slots of one determinant are consecutive (determinants in
 * questionnaire order, items in item order), and each item id leads to its slots.
 */
type CompiledQuestionnaire = {
  readonly determinants: readonly DeterminantInfo[]
  /** Slots of determinant k: firstSlot[k] up to firstSlot[k + 1]. */
  readonly firstSlot: readonly number[]
  readonly slotIds: readonly string[]
  readonly slotOptions: readonly ReadonlyMap<number, CompiledOption>[]
  readonly byId: ReadonlyMap<string, CompiledItemId>
}

const compileOption = (o: ScoredOption): CompiledOption => ({
  code: VALENCE_CODE[o.valence],
  score: o.score ?? Number.NaN,
  missing: o.valence === 'missing',
})

/** Built once per questionnaire (the knowledge base changes rarely; teams are scored often). */
const compiled = new WeakMap<Questionnaire, CompiledQuestionnaire>()
function compile(questionnaire: Questionnaire): CompiledQuestionnaire {
  let result = compiled.get(questionnaire)
  if (result) return result
  const firstSlot: number[] = []
  const slotIds: string[] = []
  const slotOptions: Map<number, CompiledOption>[] = []
  const slotsById = new Map<string, number[]>()
  for (const info of questionnaire.determinants) {
    firstSlot.push(slotIds.length)
    for (const item of questionnaire.items) {
      if (item.determinant !== info.number) continue
      const slot = slotIds.length
      slotIds.push(item.id)
      slotOptions.push(new Map(item.options.map((o) => [o.value, compileOption(o)])))
      const slots = slotsById.get(item.id)
      if (slots) slots.push(slot)
      else slotsById.set(item.id, [slot])
    }
  }
  firstSlot.push(slotIds.length)
  // Where two items share an id, the later one's options decide what is valid.
  const byId = new Map<string, CompiledItemId>()
  const idCount = new Map<string, number>()
  for (const item of questionnaire.items) idCount.set(item.id, (idCount.get(item.id) ?? 0) + 1)
  for (const item of questionnaire.items) {
    const all = new Map(item.options.map((o) => [o.value, compileOption(o)]))
    const small = Array.from({ length: SMALL_VALUES }, (_, value) => all.get(value))
    while (small.length > 0 && small[small.length - 1] === undefined) small.pop()
    const slots = slotsById.get(item.id) ?? []
    byId.set(item.id, {
      small,
      all,
      listed: [...new Set(item.options.map((o) => o.value))].join(', '),
      slots,
      soleSlot: idCount.get(item.id) === 1 && slots.length === 1 ? (slots[0] as number) : -1,
    })
  }
  result = { determinants: questionnaire.determinants, firstSlot, slotIds, slotOptions, byId }
  compiled.set(questionnaire, result)
  return result
}

/** Where the responses come from, when they are part of a larger round. */
export type ScoreScope = {
  /**
   * The whole round has key informants: then only key informants count for determinants 19–29
   * here too, even if these responses (one group of the round) hold none.
   */
  readonly keyInformantsInRound?: boolean
  /**
   * Told each (determinant index in the profile, respondent index) pair that was counted: who
   * a determinant's figures come from, for the network's rule that a shown figure only changes
   * when enough of its respondents did (docs/networks.md).
   */
  readonly counted?: (determinant: number, respondent: number) => void
}

/**
 * Scores the answers of one team.
 *
 * Rules (docs/engine.md): missing answers are left out, never counted as zero; so is an
 * answer whose option counts as missing ("not yet applicable / don't know"). For a
 * determinant with several items, each respondent's answers to those items are combined
 * first — the sign of the mean valence (−1 negative, 0 neutral, +1 positive) decides whether
 * the respondent counts as negative, neutral or positive — so shares are shares of
 * respondents. Key-informant determinants (19–29) count only the answers of respondents with
 * role `key-informant` when there are any, otherwise everyone's, and need one answer for a
 * verdict; `minAnswers` applies to user determinants. A determinant is a barrier when its
 * negative share reaches `barrierShare` (this wins when both thresholds are met), otherwise a
 * facilitator when its positive share reaches `facilitatorShare`, otherwise neutral.
 *
 * Each respondent's answers are read once: validated and tallied in the same pass.
 *
 * `scope` places the answers in their round (key informants) and can observe who is counted.
 *
 * @throws {ResponseValidationError} when any answer names an unknown item or a value that is
 *   not one of the item's options.
 */
export function scoreResponses(
  questionnaire: Questionnaire,
  responses: readonly ResponseRecord[],
  settings: Partial<ScoreSettings> = {},
  scope: ScoreScope = {}
): ScoreProfile {
  const s: ScoreSettings = { ...DEFAULT_SCORE_SETTINGS, ...settings }
  const q = compile(questionnaire)
  let keyInformants = 0
  for (const r of responses) if (r.role === 'key-informant') keyInformants++

  const determinantCount = q.determinants.length
  const slotCount = q.slotIds.length
  // Key-informant determinants count only key informants' answers when there are any.
  const keyInformantsCount = keyInformants > 0 || scope.keyInformantsInRound === true
  const onlyKeyInformants = q.determinants.map((d) => d.respondent === 'key-informant' && keyInformantsCount)
  const tally: Tally = {
    negative: new Int32Array(determinantCount),
    neutral: new Int32Array(determinantCount),
    positive: new Int32Array(determinantCount),
    scoreSum: new Float64Array(determinantCount),
    scored: new Int32Array(determinantCount),
    itemN: new Int32Array(slotCount),
    itemNegative: new Int32Array(slotCount),
    itemNeutral: new Int32Array(slotCount),
  }
  // The respondent's option per slot, valid where stamp[slot] is the respondent's number.
  const picked = new Array<CompiledOption | undefined>(slotCount).fill(undefined)
  const stamp = new Int32Array(slotCount)
  const issues: ResponseIssue[] = []

  for (let index = 0; index < responses.length; index++) {
    const r = responses[index] as ResponseRecord
    const answers = r.answers
    const mark = index + 1
    for (const itemId in answers) {
      const value = answers[itemId]
      const item = q.byId.get(itemId)
      if (item === undefined || value === null || value === undefined) {
        // A missing answer counts nowhere; an unknown item is an issue.
        if (item === undefined) issues.push(answerIssue(r, index, itemId, item, value))
        continue
      }
      const option = optionOf(item, value)
      if (option === undefined) {
        issues.push(answerIssue(r, index, itemId, item, value))
        continue
      }
      if (issues.length > 0) continue // nothing is scored from half-valid input
      // "Not yet applicable / don't know" is a valid answer that counts nowhere, like null.
      if (item.soleSlot >= 0) {
        if (option.missing) continue
        picked[item.soleSlot] = option
        stamp[item.soleSlot] = mark
        continue
      }
      for (const slot of item.slots) {
        const own = q.slotOptions[slot]?.get(value)
        if (!own || own.missing) continue
        picked[slot] = own
        stamp[slot] = mark
      }
    }
    if (issues.length > 0) continue
    const isKeyInformant = r.role === 'key-informant'
    for (let k = 0; k < determinantCount; k++) {
      if (onlyKeyInformants[k] && !isKeyInformant) continue
      const tallied = tallyRespondent(tally, k, q.firstSlot[k] as number, q.firstSlot[k + 1] as number, picked, stamp, mark)
      if (tallied && scope.counted) scope.counted(k, index)
    }
  }
  if (issues.length > 0) throw new ResponseValidationError(issues)

  const determinants = q.determinants.map((info, k) =>
    verdict(info, q, k, tally, s, onlyKeyInformants[k] === true)
  )

  const groups = GROUPS.map((group) => summariseGroup(group, determinants))

  const barriers = determinants
    .filter((d) => d.status === 'barrier')
    .sort((a, b) => (b.negativeShare ?? 0) - (a.negativeShare ?? 0) || a.number - b.number)
    .map((d) => d.number)

  return {
    respondents: responses.length,
    keyInformants,
    settings: s,
    determinants,
    groups,
    barriers,
  }
}

/** Counts per status of a group's determinants, and their mean negative share. */
export function summariseGroup(group: Group, determinants: readonly DeterminantScore[]): GroupSummary {
  const counts: Record<Status, number> = { barrier: 0, neutral: 0, facilitator: 0, insufficient: 0 }
  let inGroup = 0
  let withAnswers = 0
  let negativeShares = 0
  for (const d of determinants) {
    if (d.group !== group) continue
    inGroup++
    counts[d.status]++
    if (d.negativeShare === null) continue
    withAnswers++
    negativeShares += d.negativeShare
  }
  return {
    group,
    determinants: inGroup,
    barriers: counts.barrier,
    neutral: counts.neutral,
    facilitators: counts.facilitator,
    insufficient: counts.insufficient,
    meanNegativeShare: withAnswers === 0 ? null : negativeShares / withAnswers,
  }
}

/** Running counts per determinant (index k) and per item slot. */
type Tally = {
  readonly negative: Int32Array
  readonly neutral: Int32Array
  readonly positive: Int32Array
  /** Σ over counted respondents of the mean of their item scores. */
  readonly scoreSum: Float64Array
  readonly scored: Int32Array
  readonly itemN: Int32Array
  readonly itemNegative: Int32Array
  readonly itemNeutral: Int32Array
}

/** Adds one respondent's answers to determinant k (slots `from` to `to`) to the tally. */
function tallyRespondent(
  t: Tally,
  k: number,
  from: number,
  to: number,
  picked: readonly (CompiledOption | undefined)[],
  stamp: Int32Array,
  mark: number
): boolean {
  let answered = 0
  let codeSum = 0
  let itemScoreSum = 0
  let itemScored = 0
  for (let slot = from; slot < to; slot++) {
    if (stamp[slot] !== mark) continue
    const option = picked[slot] as CompiledOption
    answered++
    codeSum += option.code
    t.itemN[slot]!++
    if (option.code < 0) t.itemNegative[slot]!++
    else if (option.code === 0) t.itemNeutral[slot]!++
    if (!Number.isNaN(option.score)) {
      itemScoreSum += option.score
      itemScored++
    }
  }
  if (answered === 0) return false
  // The sign of the mean valence is the sign of the sum.
  if (codeSum < 0) t.negative[k]!++
  else if (codeSum > 0) t.positive[k]!++
  else t.neutral[k]!++
  if (itemScored > 0) {
    t.scoreSum[k]! += itemScoreSum / itemScored
    t.scored[k]!++
  }
  return true
}

function verdict(
  info: DeterminantInfo,
  q: CompiledQuestionnaire,
  k: number,
  t: Tally,
  s: ScoreSettings,
  useKeyInformants: boolean
): DeterminantScore {
  const negative = t.negative[k] ?? 0
  const neutral = t.neutral[k] ?? 0
  const positive = t.positive[k] ?? 0
  const scored = t.scored[k] ?? 0
  const n = negative + neutral + positive
  const minAnswers = info.respondent === 'key-informant' ? 1 : s.minAnswers
  const status: Status =
    n < minAnswers || n === 0
      ? 'insufficient'
      : reaches(negative, n, s.barrierShare)
        ? 'barrier'
        : reaches(positive, n, s.facilitatorShare)
          ? 'facilitator'
          : 'neutral'

  const items: ItemScore[] = []
  for (let slot = q.firstSlot[k] as number, to = q.firstSlot[k + 1] as number; slot < to; slot++) {
    const total = t.itemN[slot] ?? 0
    const neg = t.itemNegative[slot] ?? 0
    const neu = t.itemNeutral[slot] ?? 0
    items.push({
      id: q.slotIds[slot] as string,
      n: total,
      negativeShare: share(neg, total),
      neutralShare: share(neu, total),
      positiveShare: share(total - neg - neu, total),
    })
  }

  const negativeShareInterval = wilsonInterval(negative, n)
  const positiveShareInterval = wilsonInterval(positive, n)
  return {
    number: info.number,
    group: info.group,
    respondent: info.respondent,
    n,
    mean: scored === 0 ? null : (t.scoreSum[k] ?? 0) / scored,
    negativeShare: share(negative, n),
    neutralShare: share(neutral, n),
    positiveShare: share(positive, n),
    negativeShareInterval,
    positiveShareInterval,
    status,
    certainty: certaintyOf(status, negativeShareInterval, positiveShareInterval, s),
    polarised: reaches(negative, n, s.barrierShare) && reaches(positive, n, s.barrierShare),
    counted: useKeyInformants ? 'key-informants' : 'all-respondents',
    items,
  }
}
