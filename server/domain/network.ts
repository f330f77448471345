/**
 * @module The learning network's view of its schools, from already-scored aggregates only
 * (counts per determinant of a round, never a submission): the overview side by side, the
 * barriers the schools share, what each school chose and how its profile changed, what the
 * schools learned per strategy, and the rows of the Excel file and the printed handout.
 *
 * The suppression rule (docs/networks.md): a group of answers smaller than the network's
 * `minGroupSize` is never shown as numbers. That holds for a school's round (then no shares, no
 * statuses, no change), for one determinant of a round (a key-informant determinant answered by
 * one person), and for an inner network, which an outer facilitator sees only pooled. Every
 * figure that adds groups up (the network total, an inner network's pool, the counts of shared
 * barriers and of what was learned) adds only groups that are shown on their own, so that no
 * total next to its parts gives a hidden part away by subtraction.
 *
 * Pure: no I/O, no clock; the thresholds come in as arguments with defaults.
 */
import type { PlanStatus, Change } from './workspace.ts'
import { compareRounds, type DeterminantResult } from './workspace.ts'
import { DEFAULT_SCORE_SETTINGS, SHARE_EPSILON } from './thresholds.ts'
import type { Group } from './vocabulary.ts'

/** The smallest `minGroupSize` a network may set, and the one it starts with. */
export const MIN_GROUP_SIZE_FLOOR = 3
export const DEFAULT_MIN_GROUP_SIZE = 5

/** The minimum in force: a network's or workspace's setting, never below the floor. */
export const effectiveMinGroupSize = (minGroupSize: number = DEFAULT_MIN_GROUP_SIZE) =>
  Math.max(MIN_GROUP_SIZE_FLOOR, minGroupSize)

/**
 * The suppression rule: a group of `n` answers is shown as numbers only when it holds at least
 * `min` answers (and any at all). Used for networks here and for a team's subgroups and
 * exports (server/domain/subgroups.ts).
 */
export const shownOnItsOwn = (n: number, min: number) => n >= min && n > 0

/** What a network may hold: enough for a national network, small enough to answer fast. */
export const NETWORK_LIMITS = {
  name: 200,
  schools: 200,
  children: 50,
  /** National › regional › local › a school's own micro-network. */
  depth: 4,
  minGroupSize: 500,
  roundLabel: 120,
} as const

/** A cell of the heat map: shares and a verdict, or `suppressed` without any number. */
export const CELL_STATUSES = ['barrier', 'neutral', 'facilitator', 'suppressed'] as const
export type CellStatus = (typeof CELL_STATUSES)[number]

/** Plan statuses that count as the school running a strategy (for "what the schools learned"). */
export const RUNNING_STATUSES: readonly PlanStatus[] = ['running', 'done']

// ── Input: aggregates of rounds ─────────────────────────────────────────────────────────────

/** One determinant of one round: how many respondents counted, how many were negative, positive. */
export type DeterminantCounts = {
  readonly number: number
  readonly group: Group
  readonly n: number
  readonly negative: number
  readonly positive: number
}

export type RoundAggregate = {
  readonly label: string
  /** 1, 2, 3 … within the school. */
  readonly position: number
  /** Submissions in the round, as far as the network has been shown them (see {@link showRound}). */
  readonly n: number
  readonly determinants: readonly DeterminantCounts[]
  /** Submissions added or removed since what is shown: held back until there are enough. */
  readonly heldBack?: number
  readonly plan: readonly { readonly strategy: string; readonly status: PlanStatus; readonly barriers: readonly number[] }[]
}

export type SchoolInput = {
  readonly workspace: string
  readonly name: string
  readonly rounds: readonly RoundAggregate[]
}

export type NetworkInput = {
  readonly id: string
  readonly name: string
  readonly minGroupSize: number
  readonly schools: readonly SchoolInput[]
  readonly children: readonly NetworkInput[]
}

export type OverviewFilter = {
  /** A round label (case and outer spaces ignored); each school's latest round when absent. */
  readonly round?: string | undefined
  /** Only the determinants of this MIDI group. */
  readonly group?: Group | undefined
}

export type Thresholds = { readonly barrierShare: number; readonly facilitatorShare: number }
const DEFAULT_THRESHOLDS: Thresholds = DEFAULT_SCORE_SETTINGS

// ── What a network has been shown ───────────────────────────────────────────────────────────

/** One determinant's counts and the submissions they were counted from. */
export type CountedCell = DeterminantCounts & { readonly contributors: readonly string[] }

/**
 * One round as a network sees it: its counts and who they come from. Stored per network and
 * round, because what a network may be shown next depends on what it was shown before.
 */
export type ShownRound = {
  readonly n: number
  readonly submissions: readonly string[]
  readonly cells: readonly CountedCell[]
}

/** How many members the two sets do not share (added plus removed). */
export function changedMembers(before: readonly string[], after: readonly string[]): number {
  const old = new Set(before)
  let changed = 0
  let kept = 0
  for (const id of after) {
    if (old.has(id)) kept++
    else changed++
  }
  return changed + (old.size - kept)
}

/** The views of a round a network keeps to compare with (older ones are dropped). */
export const SHOWN_HISTORY = 8

/**
 * The round a network is shown next, given what it was shown before (`history`: its earlier
 * views, the last one current) and the round as it is now (`live`).
 *
 * A figure the network saw changes only when, against each view it was shown in, at least
 * `changeAtLeast` of the submissions it is counted from changed (added plus removed); smaller
 * changes are held back. Otherwise a facilitator could look before and after one colleague
 * answered, or after one answer was deleted or imported, and subtract: the difference would be
 * that one person's answer. Comparing with every kept view, not only the last, also holds when
 * answers are deleted and others added (five added, then four of them deleted and one more
 * added would otherwise be two people away from the first look). The rule holds for the
 * round's count and for every determinant on its own (a determinant's respondents are not the
 * round's: key informants, "don't know"). A figure counted from fewer than `shownFrom`
 * submissions was suppressed when shown and revealed nothing, so it is not compared with.
 * Both are the network's minimum group size; they differ only for a school that an outer
 * network sees both directly and inside an inner network with a higher minimum (then the
 * lowest shows, the highest guards changes).
 */
export function showRound(
  history: readonly ShownRound[],
  live: ShownRound,
  shownFrom: number,
  changeAtLeast: number = shownFrom
): { shown: ShownRound; history: readonly ShownRound[]; heldBack: number; changed: boolean } {
  const current = history.at(-1)
  const farEnough = (earlier: readonly string[][], now: readonly string[]) =>
    earlier.every((members) => {
      const change = changedMembers(members, now)
      return change === 0 || change >= changeAtLeast
    })
  const roundViews = history.filter((v) => v.n >= shownFrom).map((v) => [...v.submissions])
  const takeRound = farEnough(roundViews, live.submissions)
  const round = takeRound || !current ? live : current
  let heldBack = 0
  if (!takeRound && current) heldBack = changedMembers(current.submissions, live.submissions)

  const cells = live.cells.map((cell) => {
    const old = current?.cells.find((c) => c.number === cell.number)
    if (old && old.n === cell.n && old.negative === cell.negative && old.positive === cell.positive && changedMembers(old.contributors, cell.contributors) === 0) return old
    const views: string[][] = []
    for (const v of history) {
      const c = v.cells.find((x) => x.number === cell.number)
      if (c && c.n >= shownFrom) views.push([...c.contributors])
    }
    return farEnough(views, cell.contributors) || !old ? cell : old
  })
  const next: ShownRound = { n: round.n, submissions: round.submissions, cells }
  const changed =
    !current ||
    next.n !== current.n ||
    changedMembers(current.submissions, next.submissions) > 0 ||
    cells.length !== current.cells.length ||
    cells.some((c, k) => c !== current.cells[k])
  if (!changed) return { shown: current, history, heldBack, changed: false }
  // A view in which nothing was shown constrains nothing: it is not kept.
  const kept = [...history, next].filter((v) => v.n >= shownFrom || v === next)
  return { shown: next, history: kept.slice(-SHOWN_HISTORY), heldBack, changed: true }
}

// ── Output ──────────────────────────────────────────────────────────────────────────────────

export type Cell = {
  readonly number: number
  readonly negativeShare: number | null
  readonly positiveShare: number | null
  readonly status: CellStatus
}

export type DeterminantChange = { readonly number: number; readonly change: Change; readonly negativeDelta: number | null }

export type SchoolRow = {
  readonly workspace: string
  readonly name: string
  /** The label of the round shown; null when the school has no such round. */
  readonly round: string | null
  readonly n: number
  /** Submissions added or removed since the figures shown: held back until there are enough. */
  readonly heldBack?: number
  readonly suppressed: boolean
  /** Absent when suppressed. */
  readonly determinants?: readonly Cell[]
  /** The round's plan: what the school chose and where each stands (a team's decision, not an answer). */
  readonly strategies: readonly { readonly strategy: string; readonly status: PlanStatus }[]
  /** Against the school's round before; absent when suppressed or when there is none before. */
  readonly change?: { readonly from: string; readonly determinants: readonly DeterminantChange[] }
}

/** An inner network, pooled: only its schools' shown groups added up, never one school. */
export type PooledRow = {
  readonly network: string
  readonly name: string
  /** Schools whose round was added to the pool. */
  readonly schools: number
  readonly n: number
  readonly suppressed: boolean
  readonly determinants?: readonly Cell[]
}

export type SharedBarrier = {
  readonly number: number
  /** Shown rows (schools and pooled inner networks) where the determinant is a barrier … */
  readonly barrier: number
  /** … out of the shown rows with a verdict on it. */
  readonly of: number
}

export type NetworkOverview = {
  readonly network: { readonly id: string; readonly name: string; readonly minGroupSize: number }
  readonly round: string | null
  readonly group: Group | null
  /** Round labels of the network's schools, in the order they first appear. */
  readonly rounds: readonly string[]
  readonly schools: readonly SchoolRow[]
  readonly networks: readonly PooledRow[]
  /** Most shared first; only determinants that are a barrier somewhere. */
  readonly sharedBarriers: readonly SharedBarrier[]
  /**
   * The rows shown, added up: only non-suppressed rows and cells count (so the total never
   * holds a hidden part); null when no row is shown.
   */
  readonly total: { readonly rows: number; readonly n: number; readonly determinants: readonly Cell[] } | null
}

// ── Counting ────────────────────────────────────────────────────────────────────────────────

type Pool = { n: number; rows: number; cells: Map<number, { group: Group; n: number; negative: number; positive: number }> }

const emptyPool = (): Pool => ({ n: 0, rows: 0, cells: new Map() })

function mergeCell(pool: Pool, c: DeterminantCounts): void {
  const into = pool.cells.get(c.number)
  if (into) {
    into.n += c.n
    into.negative += c.negative
    into.positive += c.positive
  } else pool.cells.set(c.number, { group: c.group, n: c.n, negative: c.negative, positive: c.positive })
}

function addTo(pool: Pool, n: number, cells: Iterable<DeterminantCounts>): void {
  pool.n += n
  pool.rows++
  for (const c of cells) mergeCell(pool, c)
}

const reaches = (count: number, n: number, share: number) => n > 0 && count / n >= share - SHARE_EPSILON

function cellOf(c: DeterminantCounts, min: number, t: Thresholds): Cell {
  if (!shownOnItsOwn(c.n, min)) return { number: c.number, negativeShare: null, positiveShare: null, status: 'suppressed' }
  const status: CellStatus = reaches(c.negative, c.n, t.barrierShare)
    ? 'barrier'
    : reaches(c.positive, c.n, t.facilitatorShare)
      ? 'facilitator'
      : 'neutral'
  return { number: c.number, negativeShare: round4(c.negative / c.n), positiveShare: round4(c.positive / c.n), status }
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4

const normalise = (label: string) => label.trim().toLocaleLowerCase()

/** The school's round of that label (the latest such), or its latest round when no label is given. */
export function selectRound(rounds: readonly RoundAggregate[], label: string | undefined): RoundAggregate | null {
  let chosen: RoundAggregate | null = null
  const wanted = label === undefined ? undefined : normalise(label)
  for (const r of rounds) {
    if (wanted !== undefined && normalise(r.label) !== wanted) continue
    if (!chosen || r.position > chosen.position) chosen = r
  }
  return chosen
}

function previousRound(rounds: readonly RoundAggregate[], of: RoundAggregate): RoundAggregate | null {
  let before: RoundAggregate | null = null
  for (const r of rounds) if (r.position < of.position && (!before || r.position > before.position)) before = r
  return before
}

const inGroup = (group: Group | undefined) => (c: { group: Group }) => group === undefined || c.group === group

/** The cells of a round that are shown on their own under `min` (and their counts). */
const shownCells = (round: RoundAggregate, min: number, group: Group | undefined) =>
  round.determinants.filter((c) => shownOnItsOwn(c.n, min) && inGroup(group)(c))

/**
 * An inner network's pool as an outer network sees it: its schools' rounds and its own inner
 * pools, each only if shown on its own under every minimum on the way (`floor`), skipping
 * schools counted already elsewhere in the outer view (`counted`), so no school is added twice
 * and none can be taken back out of a total by subtraction.
 */
function poolOf(network: NetworkInput, filter: OverviewFilter, floor: number, counted: Set<string>, depth: number): Pool {
  const min = Math.max(floor, network.minGroupSize)
  const pool = emptyPool()
  for (const school of network.schools) {
    if (counted.has(school.workspace)) continue
    const round = selectRound(school.rounds, filter.round)
    if (!round || round.n < min) continue
    counted.add(school.workspace)
    addTo(pool, round.n, shownCells(round, min, filter.group))
  }
  if (depth < NETWORK_LIMITS.depth) {
    for (const child of network.children) {
      const inner = poolOf(child, filter, min, counted, depth + 1)
      if (inner.n < min) continue
      pool.n += inner.n
      pool.rows += inner.rows
      for (const [number, c] of inner.cells) if (c.n >= min) mergeCell(pool, { number, ...c })
    }
  }
  return pool
}

function cellsOfPool(pool: Pool, min: number, t: Thresholds): Cell[] {
  return [...pool.cells.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, c]) => cellOf({ number, ...c }, min, t))
}

const asResult = (cell: Cell | undefined, number: number): DeterminantResult =>
  cell && cell.status !== 'suppressed'
    ? { number, n: 1, negativeShare: cell.negativeShare, positiveShare: cell.positiveShare, status: cell.status }
    : { number, n: 0, negativeShare: null, positiveShare: null, status: 'insufficient' }

function changeBetween(before: readonly Cell[], after: readonly Cell[]): DeterminantChange[] {
  const from = new Map(before.map((c) => [c.number, c]))
  const numbers = after.map((c) => c.number)
  return compareRounds(
    numbers.map((n) => asResult(from.get(n), n)),
    after.map((c) => asResult(c, c.number))
  ).map((c) => ({ number: c.number, change: c.change, negativeDelta: c.negativeDelta }))
}

// ── The overview ────────────────────────────────────────────────────────────────────────────

/**
 * The network overview for a filter: per school the chosen round's cells (suppressed under
 * `minGroupSize`), plan and change against the round before; per inner network its pool;
 * the barriers shared by the shown rows; and the total of the shown rows.
 */
export function networkOverview(
  network: NetworkInput,
  filter: OverviewFilter = {},
  thresholds: Thresholds = DEFAULT_THRESHOLDS
): NetworkOverview {
  const min = effectiveMinGroupSize(network.minGroupSize)
  const group = filter.group
  const total = emptyPool()

  const schools = network.schools.map((school): SchoolRow => {
    const round = selectRound(school.rounds, filter.round)
    const strategies = (round?.plan ?? []).map((e) => ({ strategy: e.strategy, status: e.status }))
    const base = {
      workspace: school.workspace,
      name: school.name,
      round: round?.label ?? null,
      n: round?.n ?? 0,
      ...(round?.heldBack ? { heldBack: round.heldBack } : {}),
      strategies,
    }
    if (!round || round.n < min) return { ...base, suppressed: true }
    const determinants = round.determinants.filter(inGroup(group)).map((c) => cellOf(c, min, thresholds))
    addTo(total, round.n, shownCells(round, min, group))
    const before = previousRound(school.rounds, round)
    if (!before) return { ...base, suppressed: false, determinants }
    const previous = before.n < min ? [] : before.determinants.filter(inGroup(group)).map((c) => cellOf(c, min, thresholds))
    return { ...base, suppressed: false, determinants, change: { from: before.label, determinants: changeBetween(previous, determinants) } }
  })

  const counted = new Set(network.schools.map((s) => s.workspace))
  const networks = network.children.map((child): PooledRow => {
    const pool = poolOf(child, filter, min, counted, 2)
    const base = { network: child.id, name: child.name, schools: pool.rows, n: pool.n }
    if (pool.n < min || pool.rows === 0) return { ...base, suppressed: true }
    const shown = [...pool.cells.entries()].filter(([, c]) => c.n >= min)
    addTo(total, pool.n, shown.map(([number, c]) => ({ number, ...c })))
    return { ...base, suppressed: false, determinants: cellsOfPool(pool, min, thresholds) }
  })

  const shared = new Map<number, { barrier: number; of: number }>()
  for (const row of [...schools, ...networks]) {
    for (const cell of row.determinants ?? []) {
      if (cell.status === 'suppressed') continue
      const s = shared.get(cell.number) ?? { barrier: 0, of: 0 }
      s.of++
      if (cell.status === 'barrier') s.barrier++
      shared.set(cell.number, s)
    }
  }
  const sharedBarriers = [...shared.entries()]
    .filter(([, s]) => s.barrier > 0)
    .map(([number, s]) => ({ number, ...s }))
    .sort((a, b) => b.barrier - a.barrier || b.barrier / b.of - a.barrier / a.of || a.number - b.number)

  const rounds: string[] = []
  const seen = new Set<string>()
  const allRounds = network.schools.flatMap((s) => s.rounds).sort((a, b) => a.position - b.position)
  for (const r of allRounds) {
    if (seen.has(normalise(r.label))) continue
    seen.add(normalise(r.label))
    rounds.push(r.label)
  }

  return {
    network: { id: network.id, name: network.name, minGroupSize: min },
    round: filter.round ?? null,
    group: group ?? null,
    rounds,
    schools,
    networks,
    sharedBarriers,
    total: total.rows === 0 ? null : { rows: total.rows, n: total.n, determinants: cellsOfPool(total, min, thresholds) },
  }
}

// ── What the schools learned ────────────────────────────────────────────────────────────────

export type ChangeTally = { readonly number: number; readonly improved: number; readonly worsened: number; readonly unchanged: number }

export type StrategyLearning = {
  readonly strategy: string
  /** The network's own schools running it (planned or stopped ones do not count). */
  readonly schools: readonly {
    readonly workspace: string
    readonly name: string
    readonly status: PlanStatus
    readonly suppressed: boolean
    /** Its barriers' change there; absent when either round is suppressed or there is no round before. */
    readonly changes?: readonly DeterminantChange[]
  }[]
  /** Inner networks, only as counts of their schools running it. */
  readonly networks: readonly { readonly network: string; readonly name: string; readonly schools: number }[]
  /** Per determinant, the shown changes added up over the network's own schools. */
  readonly determinants: readonly ChangeTally[]
}

/**
 * Per strategy the schools that run it in the chosen round and what changed there in the
 * determinants it addresses: those the school chose it for and those the knowledge base links
 * it to (`linked`). Only changes shown in the overview are used and added up. A prompt for
 * the network's conversation, not a claim of effect.
 */
export function networkLearning(
  network: NetworkInput,
  overview: NetworkOverview,
  linked: (strategy: string) => ReadonlySet<number>
): StrategyLearning[] {
  const rows = new Map(overview.schools.map((s) => [s.workspace, s]))
  const byStrategy = new Map<string, { schools: StrategyLearning['schools'][number][]; networks: Map<string, { network: string; name: string; schools: number }> }>()
  const entry = (strategy: string) => {
    let e = byStrategy.get(strategy)
    if (!e) byStrategy.set(strategy, (e = { schools: [], networks: new Map() }))
    return e
  }
  const filter: OverviewFilter = { round: overview.round ?? undefined, group: overview.group ?? undefined }
  for (const school of network.schools) {
    const round = selectRound(school.rounds, filter.round)
    const row = rows.get(school.workspace)
    if (!round || !row) continue
    for (const e of round.plan) {
      if (!RUNNING_STATUSES.includes(e.status)) continue
      const targets = new Set([...e.barriers, ...linked(e.strategy)])
      const changes = row.change?.determinants.filter((c) => targets.has(c.number))
      entry(e.strategy).schools.push({
        workspace: school.workspace,
        name: school.name,
        status: e.status,
        suppressed: row.suppressed,
        ...(changes ? { changes } : {}),
      })
    }
  }
  const counted = new Set(network.schools.map((s) => s.workspace))
  const countRunning = (inner: NetworkInput, top: NetworkInput, depth: number) => {
    for (const school of inner.schools) {
      if (counted.has(school.workspace)) continue
      counted.add(school.workspace)
      const round = selectRound(school.rounds, filter.round)
      for (const e of round?.plan ?? []) {
        if (!RUNNING_STATUSES.includes(e.status)) continue
        const nets = entry(e.strategy).networks
        const n = nets.get(top.id) ?? { network: top.id, name: top.name, schools: 0 }
        n.schools++
        nets.set(top.id, n)
      }
    }
    if (depth < NETWORK_LIMITS.depth) for (const c of inner.children) countRunning(c, top, depth + 1)
  }
  for (const child of network.children) countRunning(child, child, 2)

  return [...byStrategy.entries()]
    .map(([strategy, e]): StrategyLearning => {
      const tally = new Map<number, { improved: number; worsened: number; unchanged: number }>()
      for (const s of e.schools) {
        for (const c of s.changes ?? []) {
          const t = tally.get(c.number) ?? { improved: 0, worsened: 0, unchanged: 0 }
          if (c.change === 'improved' || c.change === 'no-longer-barrier') t.improved++
          else if (c.change === 'worsened' || c.change === 'became-barrier') t.worsened++
          else if (c.change === 'unchanged') t.unchanged++
          else continue
          tally.set(c.number, t)
        }
      }
      return {
        strategy,
        schools: e.schools,
        networks: [...e.networks.values()],
        determinants: [...tally.entries()].sort(([a], [b]) => a - b).map(([number, t]) => ({ number, ...t })),
      }
    })
    .sort((a, b) => {
      const running = (x: StrategyLearning) => x.schools.length + x.networks.reduce((s, n) => s + n.schools, 0)
      return running(b) - running(a) || a.strategy.localeCompare(b.strategy)
    })
}

// ── Files: the Excel workbook and the printed handout ───────────────────────────────────────

/** The words a file needs, in the reader's language. */
export type FileLabels = {
  readonly school: string
  readonly network: string
  readonly total: string
  readonly n: string
  readonly tooFew: string
  readonly determinant: (number: number) => string
}

export type SheetCell = string | number | null
export type Sheet = { readonly name: string; readonly rows: readonly (readonly SheetCell[])[] }

/**
 * One sheet per round overview: a row per school and per inner network (and the total), a
 * column per determinant holding the share of negative answers (0–1). A suppressed row holds
 * the words for "too few answers" and no number but its n; a suppressed cell is empty.
 */
export function networkWorkbook(overviews: readonly NetworkOverview[], labels: FileLabels): Sheet[] {
  const used = new Set<string>()
  return overviews.map((o, i) => {
    const numbers = [...new Set([...o.schools, ...o.networks].flatMap((r) => (r.determinants ?? []).map((c) => c.number)))].sort((a, b) => a - b)
    const header: SheetCell[] = [labels.school, labels.n, ...numbers.map(labels.determinant)]
    const line = (name: string, n: number, suppressed: boolean, cells: readonly Cell[] | undefined): SheetCell[] => {
      if (suppressed || !cells) return [name, n, labels.tooFew, ...numbers.slice(1).map(() => null)]
      const byNumber = new Map(cells.map((c) => [c.number, c]))
      return [name, n, ...numbers.map((d) => byNumber.get(d)?.negativeShare ?? null)]
    }
    const rows: SheetCell[][] = [
      header,
      ...o.schools.map((s) => line(s.name, s.n, s.suppressed, s.determinants)),
      ...o.networks.map((p) => line(`${labels.network}: ${p.name}`, p.n, p.suppressed, p.determinants)),
      ...(o.total ? [line(labels.total, o.total.n, false, o.total.determinants)] : []),
    ]
    return { name: sheetName(o.round ?? `${i + 1}`, used), rows }
  })
}

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(label: string, used: Set<string>): string {
  const base = label.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 28) || 'Round'
  let name = base
  for (let i = 2; used.has(name.toLocaleLowerCase()); i++) name = `${base} ${i}`
  used.add(name.toLocaleLowerCase())
  return name
}

export type Handout = {
  readonly network: string
  readonly round: string | null
  readonly minGroupSize: number
  readonly sharedBarriers: readonly SharedBarrier[]
  readonly rows: readonly {
    readonly name: string
    readonly kind: 'school' | 'network'
    readonly n: number
    readonly suppressed: boolean
    /** Barrier determinants, highest negative share first. */
    readonly barriers: readonly { readonly number: number; readonly negativeShare: number }[]
    readonly strategies: readonly { readonly strategy: string; readonly status: PlanStatus }[]
  }[]
  readonly learned: readonly { readonly strategy: string; readonly running: number; readonly determinants: readonly ChangeTally[] }[]
}

/** What the printed session handout shows: the overview's shown figures, nothing more. */
export function networkHandout(overview: NetworkOverview, learned: readonly StrategyLearning[]): Handout {
  const barriers = (cells: readonly Cell[] | undefined) =>
    (cells ?? [])
      .filter((c): c is Cell & { negativeShare: number } => c.status === 'barrier' && c.negativeShare !== null)
      .sort((a, b) => b.negativeShare - a.negativeShare || a.number - b.number)
      .map((c) => ({ number: c.number, negativeShare: c.negativeShare }))
  return {
    network: overview.network.name,
    round: overview.round,
    minGroupSize: overview.network.minGroupSize,
    sharedBarriers: overview.sharedBarriers.slice(0, 10),
    rows: [
      ...overview.schools.map((s) => ({
        name: s.name,
        kind: 'school' as const,
        n: s.n,
        suppressed: s.suppressed,
        barriers: barriers(s.determinants),
        strategies: s.strategies,
      })),
      ...overview.networks.map((p) => ({
        name: p.name,
        kind: 'network' as const,
        n: p.n,
        suppressed: p.suppressed,
        barriers: barriers(p.determinants),
        strategies: [],
      })),
    ],
    learned: learned.map((l) => ({
      strategy: l.strategy,
      running: l.schools.length + l.networks.reduce((s, n) => s + n.schools, 0),
      determinants: l.determinants,
    })),
  }
}
