import { describe, expect, it } from 'vitest'
import { CSV_COMMA, CSV_SEMICOLON } from '../../server/domain/csv-write.ts'
import { fileSlug } from '../../web/download.ts'
import { planCsv, timelineTable, type TimelineTableLabels } from '../../web/plan-export.ts'
import { emptySpec } from '../../web/state/app-state.ts'
import { schoolCalendar } from '../../server/domain/school-year.ts'
import { holidayData } from '../../web/school-holidays.ts'
import { planTableLabels } from './support/fixtures.ts'

const strategies = new Map<string, never>(
  ([['a', 'Strategy A'], ['b', 'Strategy B'], ['c', 'Strategy C']] as const).map(([id, name]) => [id, { id, name, clusterName: 'Cluster', phases: [] } as never])
)
const tableLabels = planTableLabels()

describe('planCsv', () => {
  it('writes a specification that would start a formula as text, also when a line follows', () => {
    const csv = planCsv(
      CSV_COMMA,
      [{ strategy: 'a', spec: { ...emptySpec(), actor: '=HYPERLINK("https://evil.example","klik")\nsecond line' }, barriers: [] }],
      strategies,
      new Map(),
      tableLabels
    )
    expect(csv.split('\r\n')[1]).toBe('1,Strategy A,Cluster,,,"\'=HYPERLINK(""https://evil.example"",""klik"")\nsecond line",,,,,,')
  })

  it('writes for Dutch Excel with semicolons, quoting a cell that holds one', () => {
    const csv = planCsv(
      CSV_SEMICOLON,
      [{ strategy: 'a', spec: { ...emptySpec(), actor: 'Teamleider; zorgcoördinator', action: 'Uren, ruimte' }, barriers: [] }],
      new Map([['a', { id: 'a', name: 'Strategie A', clusterName: 'Cluster', phases: [] } as never]]),
      new Map(),
      {
        order: 'Nr.',
        strategy: 'Strategie',
        cluster: 'Cluster',
        phases: 'Fasen',
        barriers: 'Belemmeringen',
        spec: { actor: 'Wie', action: 'Wat', target: 'Voor wie', timing: 'Wanneer', dose: 'Hoe vaak', outcome: 'Uitkomst', notes: 'Notities' },
        phase: (p: string) => p,
      }
    )
    expect(csv.split('\r\n')[0]).toBe('Nr.;Strategie;Cluster;Fasen;Belemmeringen;Wie;Wat;Voor wie;Wanneer;Hoe vaak;Uitkomst;Notities')
    expect(csv.split('\r\n')[1]).toBe('1;Strategie A;Cluster;;;"Teamleider; zorgcoördinator";Uren, ruimte;;;;;')
  })
})

describe('planCsv with the schedule', () => {
  it('adds the team\u2019s phase, start month and duration after the barriers, empty where not set', () => {
    const csv = planCsv(
      CSV_COMMA,
      [
        { strategy: 'a', spec: emptySpec(), barriers: [], phase: 'start', startMonth: 9, months: 2 },
        { strategy: 'b', spec: emptySpec(), barriers: [] },
      ],
      strategies,
      new Map(),
      { ...tableLabels, schedule: { phase: 'Phase', start: 'Starts in', months: 'Months', month: (m) => `month ${m}` } }
    )
    const [header, a, b] = csv.split('\r\n')
    expect(header).toBe('No.,Strategy,Cluster,Phases,Barriers,Phase,Starts in,Months,Who,What,For whom,When,How often,Outcome,Notes')
    expect(a).toBe('1,Strategy A,Cluster,,,start,month 9,2,,,,,,,')
    expect(b).toBe('2,Strategy B,Cluster,,,,,,,,,,,,')
  })
})

describe('timelineTable', () => {
  const labels: TimelineTableLabels = {
    strategy: 'Strategy',
    phase: 'Phase',
    note: 'Note',
    holidays: 'Holidays',
    phaseLabel: (p) => p,
    noPhase: '(none)',
    month: (m, y) => `${m}/${y}`,
    holiday: (h, a, b) => `${h} ${a}-${b}`,
    clipped: (n) => `+${n}`,
    noDuration: 'no duration',
    startsInHoliday: (h, known) => `in ${h}${known ? '' : '?'}`,
    unscheduled: 'not scheduled',
  }

  it('has the months as columns, the holidays in a row, a ■ per month a strategy runs, and the unscheduled last', () => {
    const rows = timelineTable(
      [
        { strategy: 'c', spec: emptySpec(), barriers: [] },
        { strategy: 'b', spec: emptySpec(), barriers: [], phase: 'sustainment', startMonth: 3, months: 6 },
        { strategy: 'a', spec: emptySpec(), barriers: [], phase: 'start', startMonth: 7 },
      ],
      strategies,
      schoolCalendar(holidayData, '2025-2026', 'noord'),
      labels
    )
    expect(rows[0]).toEqual(['Strategy', 'Phase', '8/2025', '9/2025', '10/2025', '11/2025', '12/2025', '1/2026', '2/2026', '3/2026', '4/2026', '5/2026', '6/2026', '7/2026', 'Note'])
    expect(rows[1]).toEqual(['Holidays', '', '', '', 'herfst 18-26', '', 'kerst 20-31', 'kerst 1-4', 'voorjaar 21-28', 'voorjaar 1-1', 'mei 25-30', 'mei 1-3', '', 'zomer 4-31', ''])
    expect(rows.slice(2)).toEqual([
      ['Strategy A', 'start', '', '', '', '', '', '', '', '', '', '', '', '■', 'in zomer; no duration'],
      ['Strategy B', 'sustainment', '', '', '', '', '', '', '', '■', '■', '■', '■', '■', '+1'],
      ['Strategy C', '(none)', '', '', '', '', '', '', '', '', '', '', '', '', 'not scheduled'],
    ])
  })
})

describe('fileSlug', () => {
  it.for([
    ['Welbevinden, Leidse school 2026–2027', 'welbevinden-leidse-school-2026-2027'],
    ['Meting één — Zorgcoördinatie', 'meting-één-zorgcoördinatie'],
    ['  ***  ', ''],
  ] as const)('%s → %s', ([text, slug]) => {
    expect(fileSlug(text)).toBe(slug)
  })
})
