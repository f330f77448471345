import { describe, expect, it } from 'vitest'
import { CSV_COMMA, CSV_SEMICOLON } from '../../server/domain/csv-write.ts'
import { fileSlug } from '../../web/download.ts'
import { planCsv } from '../../web/plan-export.ts'
import { emptySpec } from '../../web/state/app-state.ts'

describe('planCsv', () => {
  it('writes a specification that would start a formula as text, also when a line follows', () => {
    const csv = planCsv(
      CSV_COMMA,
      [{ strategy: 'a', spec: { ...emptySpec(), actor: '=HYPERLINK("https://evil.example","klik")\nsecond line' }, barriers: [] }],
      new Map([['a', { id: 'a', name: 'Strategy A', clusterName: 'Cluster', phases: [] } as never]]),
      new Map(),
      {
        order: 'No.',
        strategy: 'Strategy',
        cluster: 'Cluster',
        phases: 'Phases',
        barriers: 'Barriers',
        spec: { actor: 'Who', action: 'What', target: 'For whom', timing: 'When', dose: 'How often', outcome: 'Outcome', notes: 'Notes' },
        phase: (p: string) => p,
      }
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

describe('fileSlug', () => {
  it.for([
    ['Welbevinden, Leidse school 2026–2027', 'welbevinden-leidse-school-2026-2027'],
    ['Meting één — Zorgcoördinatie', 'meting-één-zorgcoördinatie'],
    ['  ***  ', ''],
  ] as const)('%s → %s', ([text, slug]) => {
    expect(fileSlug(text)).toBe(slug)
  })
})
