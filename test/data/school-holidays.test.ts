import { describe, expect, test } from 'vitest'
import { HOLIDAYS, REGIONS, holidayDataProblems, parseSchoolYear, weekdayOf } from '../../server/domain/school-year.ts'
import { HolidayData } from '../../server/schemas/school-holidays.ts'
import raw from '../../data/school-holidays.json' with { type: 'json' }

describe('data/school-holidays.json', () => {
  const data = HolidayData.parse(raw)
  const periods = data.years.flatMap((y) =>
    y.holidays.flatMap((h) => REGIONS.flatMap((region) => {
      const p = h.regions[region]
      return p ? [{ at: `${y.schoolYear} ${h.holiday} ${region}`, first: parseSchoolYear(y.schoolYear)!, holiday: h.holiday, ...p }] : []
    }))
  )

  test('parses with its schema, and the calendar rules find nothing wrong', () => {
    expect(holidayDataProblems(data)).toEqual([])
    expect(periods.length).toBeGreaterThan(20)
  })

  test.for(periods.map((p) => [p.at, p] as const))('%s runs from a Saturday to a Sunday inside its school year', ([, p]) => {
    expect(p.start <= p.end).toBe(true)
    expect(weekdayOf(p.start)).toBe(6)
    expect(weekdayOf(p.end)).toBe(0)
    expect(p.start >= `${p.first}-08-01` && p.start <= `${p.first + 1}-07-31`).toBe(true)
    // A holiday lasts a week or two; the summer holiday six weeks.
    const days = (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 + 1
    expect(days).toBe(p.holiday === 'zomer' ? 44 : p.holiday === 'kerst' ? 16 : 9)
  })

  test('every school year has each holiday once, every region named, a source and pages behind it', () => {
    for (const y of data.years) {
      expect(y.holidays.map((h) => h.holiday)).toEqual([...HOLIDAYS])
      for (const h of y.holidays) expect(Object.keys(h.regions).sort()).toEqual([...REGIONS].sort())
      expect(y.source.length).toBeGreaterThan(20)
      expect(y.urls.length).toBeGreaterThan(0)
    }
  })

  test('2026-2027 is provisional and leaves out the summer holiday of midden and zuid', () => {
    const y = data.years.find((x) => x.schoolYear === '2026-2027')!
    expect(y.status).toBe('provisional')
    expect(y.holidays.find((h) => h.holiday === 'zomer')?.regions).toEqual({
      noord: { start: '2027-07-10', end: '2027-08-22' },
      midden: null,
      zuid: null,
    })
  })

  test('the schema refuses a period that breaks the rules', () => {
    const bad = structuredClone(raw)
    bad.years[0]!.holidays[0]!.regions.noord!.start = '2025-10-17'
    expect(HolidayData.safeParse(bad).success).toBe(false)
  })
})
