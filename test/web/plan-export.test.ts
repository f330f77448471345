import { describe, expect, it } from 'vitest'
import { planCsv } from '../../web/plan-export.ts'
import { emptySpec } from '../../web/state/app-state.ts'

describe('planCsv', () => {
  it('writes a specification that would start a formula as text, also when a line follows', () => {
    const csv = planCsv(
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
        phase: (p) => p,
      }
    )
    expect(csv.split('\r\n')[1]).toBe('1,Strategy A,Cluster,,,"\'=HYPERLINK(""https://evil.example"",""klik"")\nsecond line",,,,,,')
  })
})
