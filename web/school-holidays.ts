/**
 * @module The advised school holidays (data/school-holidays.json), parsed with their schema
 * when the plan page loads. Data that does not parse (a broken edit) leaves the timeline
 * without holidays, and says so, instead of drawing wrong ones.
 */
import raw from '../data/school-holidays.json' with { type: 'json' }
import { schoolCalendar, schoolYearOf, type PlanRegion, type SchoolCalendar } from '../server/domain/school-year.ts'
import { HolidayData } from '../server/schemas/school-holidays.ts'

const parsed = HolidayData.safeParse(raw)
if (!parsed.success) console.error('data/school-holidays.json does not parse:', parsed.error.issues)

/** The holiday data, or none when it did not parse. */
export const holidayData = parsed.success ? parsed.data : { description: '', years: [] }

/** The calendar of a plan: its region and school year, by default the one containing `today`. */
export function planCalendarOf(calendar: { readonly region: PlanRegion; readonly schoolYear: string | null }, today: Date): SchoolCalendar {
  return schoolCalendar(holidayData, calendar.schoolYear ?? currentSchoolYear(today), calendar.region)
}

/** The school year containing a day. */
export const currentSchoolYear = (today: Date): string => schoolYearOf({ year: today.getFullYear(), month: today.getMonth() + 1 })

/**
 * The school years a plan can choose: from the year before today's to two after, and any with
 * holiday data, and the one it has (an older plan keeps its year).
 */
export function schoolYearChoices(today: Date, chosen: string | null): string[] {
  const first = Number(currentSchoolYear(today).slice(0, 4))
  const years = new Set([first - 1, first, first + 1, first + 2].map((y) => `${y}-${y + 1}`))
  for (const y of holidayData.years) years.add(y.schoolYear)
  if (chosen) years.add(chosen)
  return [...years].sort()
}
