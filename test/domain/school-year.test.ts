import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  holidayDataProblems,
  holidayStartOf,
  parseSchoolYear,
  planTimeline,
  schoolCalendar,
  schoolYearMonths,
  schoolYearOf,
  timelineBar,
  type HolidayData,
  type HolidayYear,
  type TimelineEntry,
} from '../../server/domain/school-year.ts'
import { PHASES } from '../../server/domain/vocabulary.ts'
import holidays from '../../data/school-holidays.json' with { type: 'json' }

const data = holidays as HolidayData

describe('parseSchoolYear', () => {
  test.for([
    ['2026-2027', 2026],
    ['1999-2000', 1999],
    ['2026-2028', null],
    ['2027-2026', null],
    ['2026/2027', null],
    ['', null],
  ] as const)('%s → %s', ([text, first]) => {
    expect(parseSchoolYear(text)).toBe(first)
  })
})

describe('schoolYearOf', () => {
  test.for([
    [{ year: 2026, month: 7 }, '2025-2026'],
    [{ year: 2026, month: 8 }, '2026-2027'],
    [{ year: 2027, month: 1 }, '2026-2027'],
    [{ year: 2026, month: 12 }, '2026-2027'],
  ] as const)('%o falls in %s', ([date, year]) => {
    expect(schoolYearOf(date)).toBe(year)
  })

  test('every month lies in the months of its school year exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const months = schoolYearMonths(schoolYearOf({ year, month }))
        expect(months.filter((m) => m.year === year && m.month === month)).toHaveLength(1)
      })
    )
  })
})

describe('schoolYearMonths', () => {
  test('runs from August of the first year to July of the second', () => {
    const months = schoolYearMonths('2026-2027')
    expect(months.map((m) => `${m.year}-${m.month}`)).toEqual([
      '2026-8', '2026-9', '2026-10', '2026-11', '2026-12',
      '2027-1', '2027-2', '2027-3', '2027-4', '2027-5', '2027-6', '2027-7',
    ])
    expect(months.map((m) => m.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  test('refuses what is not a school year', () => {
    expect(() => schoolYearMonths('2026-2028')).toThrow(/not a school year/)
  })
})

describe('schoolCalendar', () => {
  const noord = schoolCalendar(data, '2025-2026', 'noord')
  const month = (cal: typeof noord, m: number) => cal.months.find((x) => x.month === m)!

  test('puts each holiday in its months, cut at the month border', () => {
    expect(month(noord, 10).holidays).toMatchObject([{ holiday: 'herfst', firstDay: 18, lastDay: 26, days: 9 }])
    expect(month(noord, 10).share).toBeCloseTo(9 / 31)
    expect(month(noord, 12).holidays).toMatchObject([{ holiday: 'kerst', firstDay: 20, lastDay: 31, days: 12 }])
    expect(month(noord, 1).holidays).toMatchObject([{ holiday: 'kerst', firstDay: 1, lastDay: 4, days: 4 }])
    expect(month(noord, 2).holidays).toMatchObject([{ holiday: 'voorjaar', firstDay: 21, lastDay: 28, days: 8 }])
    expect(month(noord, 3).holidays).toMatchObject([{ holiday: 'voorjaar', firstDay: 1, lastDay: 1, days: 1 }])
    expect(month(noord, 7).holidays).toMatchObject([{ holiday: 'zomer', firstDay: 4, lastDay: 31, days: 28 }])
    expect(month(noord, 9).holidays).toEqual([])
  })

  test('differs per region', () => {
    const zuid = schoolCalendar(data, '2025-2026', 'zuid')
    expect(month(zuid, 10).holidays).toMatchObject([{ holiday: 'herfst', firstDay: 11, lastDay: 19 }])
    expect(month(zuid, 2).holidays).toMatchObject([{ holiday: 'voorjaar', firstDay: 14, lastDay: 22 }])
  })

  test("takes August's summer holiday from the school year before", () => {
    const midden = schoolCalendar(data, '2026-2027', 'midden')
    expect(month(midden, 8)).toMatchObject({ year: 2026, known: true, holidayDays: 30 })
    expect(month(midden, 8).holidays).toMatchObject([{ holiday: 'zomer', period: { start: '2026-07-18', end: '2026-08-30' } }])
    expect(midden.sources.map((s) => [s.schoolYear, s.status])).toEqual([
      ['2025-2026', 'confirmed'],
      ['2026-2027', 'provisional'],
    ])
    expect(midden.status).toBe('provisional')
  })

  test('names a summer holiday the data does not have, and never guesses it', () => {
    const midden = schoolCalendar(data, '2026-2027', 'midden')
    expect(midden.unknown).toEqual([{ holiday: 'zomer', year: 2027 }])
    expect(month(midden, 7)).toMatchObject({ known: false, holidays: [], share: 0 })
    expect(schoolCalendar(data, '2026-2027', 'noord').unknown).toEqual([])
    expect(noord.unknown).toEqual([{ holiday: 'zomer', year: 2025 }])
    expect(month(noord, 8).known).toBe(false)
  })

  test('a school year without data has months without holidays and says so', () => {
    const later = schoolCalendar(data, '2031-2032', 'zuid')
    expect(later.status).toBe('no-data')
    expect(later.months.every((m) => m.holidays.length === 0 && !m.known)).toBe(true)
    expect(later.sources).toEqual([])
  })

  test('without a region it shows no holidays', () => {
    const none = schoolCalendar(data, '2025-2026', 'none')
    expect(none.status).toBe('no-region')
    expect(none.months.every((m) => m.holidays.length === 0)).toBe(true)
  })

  test('no month is more than all holiday, and the days add up', () => {
    for (const y of ['2024-2025', '2025-2026', '2026-2027', '2027-2028']) {
      for (const region of ['noord', 'midden', 'zuid'] as const) {
        for (const m of schoolCalendar(data, y, region).months) {
          expect(m.share).toBeGreaterThanOrEqual(0)
          expect(m.share).toBeLessThanOrEqual(1)
          expect(m.holidayDays).toBe(m.holidays.reduce((s, h) => s + h.lastDay - h.firstDay + 1, 0))
        }
      }
    }
  })
})

describe('holidayDataProblems', () => {
  const year = (start: string, end: string, holiday: HolidayYear['holidays'][number]['holiday'] = 'herfst'): HolidayData => ({
    years: [
      {
        schoolYear: '2025-2026',
        status: 'confirmed',
        source: 'test',
        urls: ['https://example.org'],
        holidays: [{ holiday, regions: { noord: { start, end }, midden: null, zuid: null } }],
      },
    ],
  })

  test('finds nothing wrong with the shipped data', () => {
    expect(holidayDataProblems(data)).toEqual([])
  })

  test.for([
    ['a start on a Friday', year('2025-10-17', '2025-10-26'), /not a Saturday/],
    ['an end on a Saturday', year('2025-10-18', '2025-10-25'), /not a Sunday/],
    ['an end before the start', year('2025-10-25', '2025-10-19'), /starts after it ends/],
    ['a period in the year before', year('2025-07-05', '2025-07-13'), /not inside the school year/],
    ['a holiday other than summer running into August', year('2026-07-25', '2026-08-02', 'mei'), /not inside the school year/],
  ] as const)('reports %s', ([, bad, message]) => {
    expect(holidayDataProblems(bad).join('\n')).toMatch(message)
  })

  test('lets the summer holiday run into August', () => {
    expect(holidayDataProblems(year('2026-07-25', '2026-08-30', 'zomer'))).toEqual([])
  })
})

describe('timelineBar', () => {
  test.for([
    ['August for 3 months', 8, 3, { start: 0, length: 3, requested: 3, durationSet: true, clipped: 0 }],
    ['January for 7 months, to July', 1, 7, { start: 5, length: 7, requested: 7, durationSet: true, clipped: 0 }],
    ['June for 4 months: cut at July', 6, 4, { start: 10, length: 2, requested: 4, durationSet: true, clipped: 2 }],
    ['October without a duration: one month', 10, undefined, { start: 2, length: 1, requested: 1, durationSet: false, clipped: 0 }],
  ] as const)('%s', ([, start, months, bar]) => {
    expect(timelineBar(start, months)).toEqual(bar)
  })

  test('never runs past July and never drops a month silently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), (start, months) => {
        const bar = timelineBar(start, months)
        expect(bar.start + bar.length).toBeLessThanOrEqual(12)
        expect(bar.length).toBeGreaterThanOrEqual(1)
        expect(bar.length + bar.clipped).toBe(months ?? 1)
      })
    )
  })
})

describe('holidayStartOf', () => {
  test.for([
    ['July 2026 in noord (28 of 31 days)', '2025-2026', 'noord', 11, { holiday: 'zomer', share: 28 / 31 }],
    ['July 2026 in midden (14 of 31 days): not mostly', '2025-2026', 'midden', 11, null],
    ['August 2026 in zuid (23 of 31 days)', '2026-2027', 'zuid', 0, { holiday: 'zomer', share: 23 / 31 }],
    ['August 2025: summer not in the data', '2025-2026', 'zuid', 0, { holiday: 'zomer', share: null }],
    ['July 2027 in zuid: summer not known', '2026-2027', 'zuid', 11, { holiday: 'zomer', share: null }],
    ['July without a region', '2026-2027', 'none', 11, { holiday: 'zomer', share: null }],
    ['October with the autumn break', '2025-2026', 'noord', 2, null],
    ['September without a region', '2025-2026', 'none', 1, null],
  ] as const)('%s', ([, year, region, start, expected]) => {
    expect(holidayStartOf(schoolCalendar(data, year, region), start)).toEqual(expected)
  })
})

describe('planTimeline', () => {
  const e = (name: string, phase?: TimelineEntry['phase'], startMonth?: number, months?: number): TimelineEntry => ({
    name,
    ...(phase ? { phase } : {}),
    ...(startMonth !== undefined ? { startMonth } : {}),
    ...(months !== undefined ? { months } : {}),
  })

  test('orders by phase, then start month from August, then name; unscheduled apart', () => {
    const entries = [
      e('Zeta', undefined, 9),
      e('Audit', 'sustainment', 3, 2),
      e('Beta', 'start', 1),
      e('Alpha', 'start', 1),
      e('Coach', 'start', 9),
      e('Plan', 'preparation', 6, 2),
      e('Later', 'preparation'),
      e('Loose'),
    ]
    const timeline = planTimeline(entries)
    expect(timeline.groups.map((g) => [g.phase, g.rows.map((r) => r.entry.name)])).toEqual([
      ['preparation', ['Plan']],
      ['start', ['Coach', 'Alpha', 'Beta']],
      ['sustainment', ['Audit']],
      [null, ['Zeta']],
    ])
    expect(timeline.unscheduled.map((x) => x.name)).toEqual(['Later', 'Loose'])
  })

  test('flags a start in the summer holiday', () => {
    const calendar = schoolCalendar(data, '2025-2026', 'noord')
    const [group] = planTimeline([e('Kick-off', 'start', 7, 1)], calendar).groups
    expect(group?.rows[0]?.holidayStart).toEqual({ holiday: 'zomer', share: 28 / 31 })
  })

  const entryArb = fc.record(
    {
      name: fc.string({ maxLength: 6 }),
      phase: fc.constantFrom(...PHASES),
      startMonth: fc.integer({ min: 1, max: 12 }),
      months: fc.integer({ min: 1, max: 12 }),
    },
    { requiredKeys: ['name'] }
  )

  test('orders unscheduled entries that differ only in their duration the same way from any input order', () => {
    const a = { name: '', phase: 'preparation' as const }
    const b = { name: '', phase: 'preparation' as const, months: 1 }
    expect(planTimeline([a, b]).unscheduled).toEqual(planTimeline([b, a]).unscheduled)
  })

  test('keeps every entry once, and the order does not depend on the input order', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 20 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))), ([entries, shuffled]) => {
        const a = planTimeline(entries)
        const flat = (t: typeof a) => [...t.groups.flatMap((g) => g.rows.map((r) => r.entry)), ...t.unscheduled]
        expect(flat(a)).toHaveLength(entries.length)
        expect(new Set(flat(a))).toEqual(new Set(entries))
        const key = (x: TimelineEntry) => JSON.stringify([x.phase, x.startMonth, x.name, x.months])
        expect(flat(planTimeline(shuffled)).map(key)).toEqual(flat(a).map(key))
      })
    )
  })

  test('within a phase, start months never go back', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 20 }), (entries) => {
        for (const g of planTimeline(entries).groups) {
          const starts = g.rows.map((r) => r.bar.start)
          expect(starts).toEqual([...starts].sort((x, y) => x - y))
        }
      })
    )
  })
})
