/**
 * @module The school year a plan's timeline runs across: its months (August to July), the
 * school holidays of a region in each month, and the plan's strategies ordered by phase and
 * start month, each as a bar of months. Pure: the holiday data and the dates come in as
 * arguments (data/school-holidays.json, parsed by server/schemas/school-holidays.ts).
 */
import { PHASES, type Phase } from './vocabulary.ts'
import { SCHOOL_YEAR_MONTHS } from './workspace.ts'

/** The three holiday regions of Dutch primary and secondary schools. */
export const REGIONS = ['noord', 'midden', 'zuid'] as const
export type Region = (typeof REGIONS)[number]

/** A plan's region: one of the three, or none (the timeline shows no holidays). */
export const PLAN_REGIONS = [...REGIONS, 'none'] as const
export type PlanRegion = (typeof PLAN_REGIONS)[number]

/** The holidays the government advises, in the order of the school year. */
export const HOLIDAYS = ['herfst', 'kerst', 'voorjaar', 'mei', 'zomer'] as const
export type Holiday = (typeof HOLIDAYS)[number]

/** How sure the dates of a school year are. */
export const HOLIDAY_STATUSES = ['confirmed', 'provisional'] as const
export type HolidayStatus = (typeof HOLIDAY_STATUSES)[number]

/** A date as `YYYY-MM-DD`. */
export type IsoDate = string

/** A holiday from its first Saturday to its last Sunday, both included. */
export type HolidayPeriod = { readonly start: IsoDate; readonly end: IsoDate }

/** One school year's holidays with where they come from; a region without known dates is null. */
export type HolidayYear = {
  readonly schoolYear: string
  readonly status: HolidayStatus
  /** What the dates are (e.g. the government's advice as schools published it). */
  readonly source: string
  /** Pages that corroborate the dates. */
  readonly urls: readonly string[]
  readonly holidays: readonly {
    readonly holiday: Holiday
    readonly regions: Readonly<Record<Region, HolidayPeriod | null>>
  }[]
}

export type HolidayData = { readonly years: readonly HolidayYear[] }

// ── School years ─────────────────────────────────────────────────────────────────────────

const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/

/** The first calendar year of a school year `"2026-2027"`, or null when it is not one. */
export function parseSchoolYear(schoolYear: string): number | null {
  const m = SCHOOL_YEAR.exec(schoolYear)
  if (!m) return null
  const first = Number(m[1])
  return Number(m[2]) === first + 1 ? first : null
}

/** The school year that starts in August of `first`: `"2026-2027"` for 2026. */
export const schoolYearName = (first: number): string => `${first}-${first + 1}`

/**
 * The school year a date falls in: a school year runs from 1 August to 31 July (the
 * summer holiday at its end may run into August, which is the next school year's first month).
 */
export function schoolYearOf(date: { readonly year: number; readonly month: number }): string {
  return schoolYearName(date.month >= 8 ? date.year : date.year - 1)
}

/** A month of a school year: its place (0 = August … 11 = July) and calendar month and year. */
export type SchoolMonth = { readonly index: number; readonly month: number; readonly year: number }

/** The twelve months of a school year, August first, each with its calendar year. */
export function schoolYearMonths(schoolYear: string): SchoolMonth[] {
  const first = parseSchoolYear(schoolYear)
  if (first === null) throw new RangeError(`'${schoolYear}' is not a school year such as 2026-2027`)
  return SCHOOL_YEAR_MONTHS.map((month, index) => ({ index, month, year: month >= 8 ? first : first + 1 }))
}

/** The place of a calendar month (1–12) in the school year: 0 for August … 11 for July. */
export const schoolMonthIndex = (month: number): number => SCHOOL_YEAR_MONTHS.indexOf(month as (typeof SCHOOL_YEAR_MONTHS)[number])

// ── Dates ────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000

/** Days since 1970-01-01 of an ISO date (UTC, so no daylight saving moves a day). */
export const dayNumber = (date: IsoDate): number => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  return Date.UTC(y, m - 1, d) / DAY_MS
}

const firstDayOf = (year: number, month: number) => Date.UTC(year, month - 1, 1) / DAY_MS
export const daysInMonth = (year: number, month: number): number => firstDayOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1) - firstDayOf(year, month)

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: IsoDate): number => new Date(dayNumber(date) * DAY_MS).getUTCDay()

// ── Holidays per month ───────────────────────────────────────────────────────────────────

/** The part of a holiday that falls in one month. */
export type HolidayInMonth = {
  readonly holiday: Holiday
  /** The whole holiday, as the data gives it. */
  readonly period: HolidayPeriod
  /** Its first and last day in this month (1–31), both included. */
  readonly firstDay: number
  readonly lastDay: number
  readonly days: number
}

export type MonthHolidays = SchoolMonth & {
  readonly days: number
  readonly holidays: readonly HolidayInMonth[]
  readonly holidayDays: number
  /** holidayDays / days, 0–1. */
  readonly share: number
  /**
   * Whether this month's holidays are known for the region: false without a region, without
   * data for the school year, and for August or July when that summer holiday is not known.
   */
  readonly known: boolean
}

/** The calendar a timeline draws: the region's holidays in each month of one school year. */
export type SchoolCalendar = {
  readonly schoolYear: string
  readonly region: PlanRegion
  /**
   * `no-region`: none chosen; `no-data`: no dates for this school year (its months show no
   * holidays); otherwise the status of the school year's dates.
   */
  readonly status: HolidayStatus | 'no-region' | 'no-data'
  /** The data years the months draw on (the previous one gives August's summer holiday). */
  readonly sources: readonly Pick<HolidayYear, 'schoolYear' | 'status' | 'source' | 'urls'>[]
  readonly months: readonly MonthHolidays[]
  /** Holidays of this school year whose dates the data does not have for the region. */
  readonly unknown: readonly { readonly holiday: Holiday; readonly year: number }[]
}

/** The calendar year a holiday of a school year starting in `first` falls in. */
const holidayYear = (holiday: Holiday, first: number) => (holiday === 'herfst' || holiday === 'kerst' ? first : first + 1)

/**
 * The calendar of a school year for a region: per month (August to July) the holidays in it,
 * clipped to the month, their days and share of the month. Holidays come from every data year
 * that overlaps, so August shows the end of the previous school year's summer holiday. A
 * holiday the data leaves out for the region is listed in `unknown`, never guessed.
 */
export function schoolCalendar(data: HolidayData, schoolYear: string, region: PlanRegion): SchoolCalendar {
  const months = schoolYearMonths(schoolYear)
  const first = parseSchoolYear(schoolYear) as number
  const own = data.years.find((y) => y.schoolYear === schoolYear)
  const previous = data.years.find((y) => y.schoolYear === schoolYearName(first - 1))
  const empty = (known: boolean) => months.map((m) => ({ ...m, days: daysInMonth(m.year, m.month), holidays: [], holidayDays: 0, share: 0, known }))
  if (region === 'none') return { schoolYear, region, status: 'no-region', sources: [], months: empty(false), unknown: [] }

  const periodOf = (year: HolidayYear | undefined, holiday: Holiday) =>
    year?.holidays.find((h) => h.holiday === holiday)?.regions[region] ?? null
  const summerBefore = periodOf(previous, 'zomer')
  const summerAfter = periodOf(own, 'zomer')
  const othersKnown = own !== undefined && own.holidays.every((h) => h.holiday === 'zomer' || h.regions[region] !== null)

  const periods = [...(previous ? [previous] : []), ...(own ? [own] : [])].flatMap((y) =>
    y.holidays.flatMap((h) => {
      const period = h.regions[region]
      return period ? [{ holiday: h.holiday, period }] : []
    })
  )
  const used = [previous, own].filter((y): y is HolidayYear => y !== undefined && (y === own || summerBefore !== null))

  const monthsOut = months.map((m): MonthHolidays => {
    const days = daysInMonth(m.year, m.month)
    const from = firstDayOf(m.year, m.month)
    const to = from + days - 1
    const holidays = periods.flatMap(({ holiday, period }): HolidayInMonth[] => {
      const start = Math.max(dayNumber(period.start), from)
      const end = Math.min(dayNumber(period.end), to)
      return start > end ? [] : [{ holiday, period, firstDay: start - from + 1, lastDay: end - from + 1, days: end - start + 1 }]
    })
    const holidayDays = holidays.reduce((sum, h) => sum + h.days, 0)
    const known = m.month === 8 ? summerBefore !== null : m.month === 7 ? summerAfter !== null : othersKnown
    return { ...m, days, holidays, holidayDays, share: holidayDays / days, known }
  })

  const unknown = [
    ...(summerBefore === null ? [{ holiday: 'zomer' as const, year: first }] : []),
    ...(own
      ? own.holidays.filter((h) => h.regions[region] === null).map((h) => ({ holiday: h.holiday, year: holidayYear(h.holiday, first) }))
      : []),
  ]
  return {
    schoolYear,
    region,
    status: own ? own.status : 'no-data',
    sources: used.map(({ schoolYear: y, status, source, urls }) => ({ schoolYear: y, status, source, urls })),
    months: monthsOut,
    unknown,
  }
}


/** An ISO date's day and month as a short label needs them. */
export const dateParts = (date: IsoDate): { readonly year: number; readonly month: number; readonly day: number } => {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number)
  return { year, month, day }
}

/**
 * What is wrong with holiday data, one sentence each (none: it is sound): every period runs
 * from a Saturday to a Sunday, starts no later than it ends and inside its school year (1
 * August to 31 July; the summer holiday may end in the next August or September); a school
 * year and a holiday appear once.
 */
export function holidayDataProblems(data: HolidayData): string[] {
  const problems: string[] = []
  const years = new Set<string>()
  for (const y of data.years) {
    const first = parseSchoolYear(y.schoolYear)
    if (first === null) {
      problems.push(`'${y.schoolYear}' is not a school year`)
      continue
    }
    if (years.has(y.schoolYear)) problems.push(`${y.schoolYear} appears twice`)
    years.add(y.schoolYear)
    const holidays = new Set<Holiday>()
    for (const h of y.holidays) {
      if (holidays.has(h.holiday)) problems.push(`${y.schoolYear} ${h.holiday}: appears twice`)
      holidays.add(h.holiday)
      for (const region of REGIONS) {
        const p = h.regions[region]
        if (!p) continue
        const at = `${y.schoolYear} ${h.holiday} ${region}`
        if (dayNumber(p.start) > dayNumber(p.end)) problems.push(`${at}: starts after it ends`)
        if (weekdayOf(p.start) !== 6) problems.push(`${at}: starts on ${p.start}, not a Saturday`)
        if (weekdayOf(p.end) !== 0) problems.push(`${at}: ends on ${p.end}, not a Sunday`)
        const latestEnd = h.holiday === 'zomer' ? `${first + 1}-09-30` : `${first + 1}-07-31`
        if (p.start < `${first}-08-01` || p.start > `${first + 1}-07-31` || p.end > latestEnd) {
          problems.push(`${at}: ${p.start}..${p.end} is not inside the school year`)
        }
      }
    }
  }
  return problems
}

// ── The timeline ─────────────────────────────────────────────────────────────────────────

/** What the timeline needs of a plan entry. */
export type TimelineEntry = {
  readonly name: string
  readonly phase?: Phase
  readonly startMonth?: number
  readonly months?: number
}

/** An entry's months on the timeline. */
export type TimelineBar = {
  /** 0 = August … 11 = July. */
  readonly start: number
  /** How many months are drawn, at least 1: what was asked, cut at the end of the school year. */
  readonly length: number
  /** How many months the team gave (1 when it gave none: see `durationSet`). */
  readonly requested: number
  readonly durationSet: boolean
  /** Months that run past July and are not drawn (0 when none): the timeline never wraps. */
  readonly clipped: number
}

/**
 * Why a strategy's start month is hard for a school: the month is mostly holiday by the data
 * (`share` ≥ 0.5), or it is July or August and the region's summer holiday is not known
 * (`share` null: schools are usually closed then).
 */
export type HolidayStart = { readonly holiday: Holiday; readonly share: number | null }

export type TimelineRow<T> = { readonly entry: T; readonly bar: TimelineBar; readonly holidayStart: HolidayStart | null }

export type TimelineGroup<T> = { readonly phase: Phase | null; readonly rows: readonly TimelineRow<T>[] }

export type Timeline<T> = {
  /** Phases in order (preparation, start, full implementation, sustainment), then entries without a phase; empty groups are left out. */
  readonly groups: readonly TimelineGroup<T>[]
  /** Entries without a start month, in the same order by phase, then name. */
  readonly unscheduled: readonly T[]
}

/** A start month counts as holiday when at least this share of it is. */
export const MOSTLY_HOLIDAY = 0.5

/** The bar of a start month and a duration: never wraps past July, says how much it cut. */
export function timelineBar(startMonth: number, months: number | undefined): TimelineBar {
  const start = schoolMonthIndex(startMonth)
  if (start < 0) throw new RangeError(`month ${startMonth} is not 1–12`)
  const requested = Math.max(1, Math.trunc(months ?? 1))
  const length = Math.min(requested, 12 - start)
  return { start, length, requested, durationSet: months !== undefined, clipped: requested - length }
}

/** Whether a start month is mostly holiday in the calendar (see {@link HolidayStart}). */
export function holidayStartOf(calendar: SchoolCalendar | undefined, start: number): HolidayStart | null {
  const month = calendar?.months[start]
  const calendarMonth = SCHOOL_YEAR_MONTHS[start]
  if (month?.known) {
    if (month.share < MOSTLY_HOLIDAY) return null
    const main = [...month.holidays].sort((a, b) => b.days - a.days)[0]
    return main ? { holiday: main.holiday, share: month.share } : null
  }
  return calendarMonth === 7 || calendarMonth === 8 ? { holiday: 'zomer', share: null } : null
}

const phaseRank = (phase: Phase | undefined) => (phase === undefined ? PHASES.length : PHASES.indexOf(phase))
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The plan on a timeline: entries by phase (preparation, start, full implementation,
 * sustainment; without a phase last), then start month in school-year order (August first),
 * then name (`compare`, by default code-unit order so the result never depends on a locale);
 * entries without a start month apart, as not yet scheduled.
 */
export function planTimeline<T extends TimelineEntry>(
  entries: readonly T[],
  calendar?: SchoolCalendar,
  compare: (a: string, b: string) => number = byCodeUnits
): Timeline<T> {
  // Two entries that differ only in a duration not drawn yet still go in a fixed order.
  const byPhaseThenName = (a: T, b: T) =>
    phaseRank(a.phase) - phaseRank(b.phase) || compare(a.name, b.name) || (a.months ?? 0) - (b.months ?? 0)
  const rows = entries
    .filter((e) => e.startMonth !== undefined)
    .map((entry): TimelineRow<T> => {
      const bar = timelineBar(entry.startMonth as number, entry.months)
      return { entry, bar, holidayStart: holidayStartOf(calendar, bar.start) }
    })
    .sort((a, b) => phaseRank(a.entry.phase) - phaseRank(b.entry.phase) || a.bar.start - b.bar.start || compare(a.entry.name, b.entry.name) || a.bar.requested - b.bar.requested)
  const groups = [...PHASES, null].flatMap((phase): TimelineGroup<T>[] => {
    const inPhase = rows.filter((r) => (r.entry.phase ?? null) === phase)
    return inPhase.length > 0 ? [{ phase, rows: inPhase }] : []
  })
  return { groups, unscheduled: entries.filter((e) => e.startMonth === undefined).sort(byPhaseThenName) }
}
