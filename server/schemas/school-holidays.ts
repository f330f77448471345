/**
 * @module The schema of data/school-holidays.json: the advised school holidays per school year
 * and region, each year with its status and sources. Parsed when the timeline loads the file;
 * a period that breaks the calendar's rules (see holidayDataProblems) fails the parse.
 */
import * as z from 'zod/mini'
import { HOLIDAY_STATUSES, HOLIDAYS, holidayDataProblems } from '../domain/school-year.ts'

const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'))
const Period = z.strictObject({ start: IsoDate, end: IsoDate })

export const HolidayYear = z.strictObject({
  schoolYear: z.string().check(z.regex(/^\d{4}-\d{4}$/)),
  status: z.enum(HOLIDAY_STATUSES),
  source: z.string().check(z.minLength(1)),
  urls: z.array(z.url()).check(z.minLength(1)),
  holidays: z.array(
    z.strictObject({
      holiday: z.enum(HOLIDAYS),
      // Every region is named; null: its dates are not known (never guessed).
      regions: z.strictObject({ noord: z.nullable(Period), midden: z.nullable(Period), zuid: z.nullable(Period) }),
    })
  ),
})

export const HolidayData = z
  .strictObject({
    description: z.string(),
    years: z.array(HolidayYear),
  })
  .check(
    z.superRefine((data, ctx) => {
      for (const message of holidayDataProblems(data)) ctx.addIssue({ code: 'custom', message, input: data })
    })
  )
export type HolidayData = z.infer<typeof HolidayData>
