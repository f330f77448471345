/**
 * @module The plan as a table — one header row, one row per strategy — for the CSV and Excel
 * downloads and the printed page. Pure: labels and names come in, rows go out.
 */
import type { PlanStatus } from '../server/domain/workspace.ts'
import { planTimeline, type Holiday, type SchoolCalendar } from '../server/domain/school-year.ts'
import type { Phase } from '../server/domain/vocabulary.ts'
import { toCsv, type CsvFormat } from '../server/domain/csv-write.ts'
import type { StrategyOut } from '../server/schemas/api.ts'
import { SPEC_FIELDS, type PlanEntry, type Specification } from './state/app-state.ts'

export type PlanTableLabels = {
  readonly order: string
  readonly strategy: string
  readonly cluster: string
  readonly phases: string
  readonly barriers: string
  readonly spec: Readonly<Record<keyof Specification, string>>
  readonly phase: (p: StrategyOut['phases'][number]) => string
  /** With a status column (a workspace round's plan): its header and the label of a status. */
  readonly status?: { readonly header: string; readonly label: (s: PlanStatus) => string }
  /** With the team's phase, start month and duration (the downloads; the printed plan has the timeline). */
  readonly schedule?: {
    readonly phase: string
    readonly start: string
    readonly months: string
    /** A calendar month (1–12) as the plan's school year has it, e.g. "september 2025". */
    readonly month: (month: number) => string
  }
}

/** Rows of strings: the header first, then each strategy in plan order. */
export function planTable(
  entries: readonly (PlanEntry & { readonly status?: PlanStatus })[],
  strategies: ReadonlyMap<string, StrategyOut>,
  determinantNames: ReadonlyMap<number, string>,
  labels: PlanTableLabels
): string[][] {
  const { status, schedule } = labels
  const header = [
    labels.order,
    labels.strategy,
    ...(status ? [status.header] : []),
    labels.cluster,
    labels.phases,
    labels.barriers,
    ...(schedule ? [schedule.phase, schedule.start, schedule.months] : []),
    ...SPEC_FIELDS.map((f) => labels.spec[f]),
  ]
  const rows = entries.map((entry, index) => {
    const s = strategies.get(entry.strategy)
    return [
      String(index + 1),
      s?.name ?? entry.strategy,
      ...(status ? [status.label(entry.status ?? 'planned')] : []),
      s?.clusterName ?? '',
      s?.phases.map(labels.phase).join(', ') ?? '',
      entry.barriers.map((d) => determinantNames.get(d) ?? String(d)).join(', '),
      ...(schedule
        ? [
            entry.phase ? labels.phase(entry.phase) : '',
            entry.startMonth !== undefined ? schedule.month(entry.startMonth) : '',
            entry.months !== undefined ? String(entry.months) : '',
          ]
        : []),
      ...SPEC_FIELDS.map((f) => entry.spec[f]),
    ]
  })
  return [header, ...rows]
}

/**
 * The plan as CSV text. The specification holds what the team typed, so a cell such as
 * `=HYPERLINK(…)` is written as text, never as a formula (see toCsv).
 *
 * The Excel download needs no such escape: write-excel-file stores every string as a shared
 * string (`t="s"`), which Excel shows as text and never evaluates; a `'` would show there as
 * part of the text.
 */
export function planCsv(format: CsvFormat, ...args: Parameters<typeof planTable>): string {
  return toCsv(planTable(...args), format)
}

export type TimelineTableLabels = {
  readonly strategy: string
  readonly phase: string
  readonly note: string
  /** The first cell of the holiday row: which holidays, and that a school's own may differ. */
  readonly holidays: string
  readonly phaseLabel: (p: Phase) => string
  readonly noPhase: string
  /** A month's column header, e.g. "sep 2025". */
  readonly month: (month: number, year: number) => string
  /** A holiday's part of a month, e.g. "herfst 18–26". */
  readonly holiday: (h: Holiday, firstDay: number, lastDay: number) => string
  /** What a row says besides its bar: a start in a holiday, months cut at July, no duration. */
  readonly clipped: (months: number) => string
  readonly noDuration: string
  readonly startsInHoliday: (h: Holiday, known: boolean) => string
  readonly unscheduled: string
}

/** The mark of a month a strategy runs in: a shape, not a colour, so it prints and reads anywhere. */
export const TIMELINE_MARK = '■'

/**
 * The plan's timeline as rows of strings (the Excel download's second sheet): a header with
 * the months August to July, a row naming each month's school holidays, then one row per
 * strategy in timeline order (by phase, then start month, then name) with ■ in the months it
 * runs and a note, then the strategies not yet scheduled.
 */
export function timelineTable(
  entries: readonly (PlanEntry & { readonly status?: PlanStatus })[],
  strategies: ReadonlyMap<string, StrategyOut>,
  calendar: SchoolCalendar,
  labels: TimelineTableLabels,
  compare?: (a: string, b: string) => number
): string[][] {
  const items = entries.map((e) => ({ ...e, name: strategies.get(e.strategy)?.name ?? e.strategy }))
  const timeline = planTimeline(items, calendar, compare)
  const header = [labels.strategy, labels.phase, ...calendar.months.map((m) => labels.month(m.month, m.year)), labels.note]
  const holidays = [labels.holidays, '', ...calendar.months.map((m) => m.holidays.map((h) => labels.holiday(h.holiday, h.firstDay, h.lastDay)).join(', ')), '']
  const phaseOf = (p: Phase | undefined) => (p ? labels.phaseLabel(p) : labels.noPhase)
  const rows = timeline.groups.flatMap((g) =>
    g.rows.map(({ entry, bar, holidayStart }) => [
      entry.name,
      phaseOf(entry.phase),
      ...calendar.months.map((m) => (m.index >= bar.start && m.index < bar.start + bar.length ? TIMELINE_MARK : '')),
      [
        holidayStart ? labels.startsInHoliday(holidayStart.holiday, holidayStart.share !== null) : '',
        bar.clipped > 0 ? labels.clipped(bar.clipped) : '',
        bar.durationSet ? '' : labels.noDuration,
      ]
        .filter(Boolean)
        .join('; '),
    ])
  )
  const unscheduled = timeline.unscheduled.map((e) => [e.name, phaseOf(e.phase), ...calendar.months.map(() => ''), labels.unscheduled])
  return [header, holidays, ...rows, ...unscheduled]
}
