import { describe, expect, it } from 'vitest'
import { emptySpec } from '../../web/state/app-state.ts'
import { planTable } from '../../web/plan-export.ts'
import { answersTable, planLabels, profileTable } from '../../web/workspace/round-files.ts'

describe('the tables of a round', () => {
  it('lay the anonymous answers out in arrival order, in the columns the CSV import reads', () => {
    const rows = answersTable(
      [
        { id: 'x', role: 'key-informant', group: null, answers: { d23: 1 }, receivedAt: new Date(2026, 8, 2, 9, 5).getTime() },
        { id: 'y', role: 'user', group: 'Mentoren', answers: { d01: 3, d04: null, old: 2 }, receivedAt: new Date(2026, 8, 1, 14, 30).getTime() },
      ],
      ['d01', 'd04', 'd23']
    )
    expect(rows).toEqual([
      ['respondent', 'role', 'group', 'received', 'd01', 'd04', 'd23', 'old'],
      ['Respondent 1', 'user', 'Mentoren', '2026-09-01 14:30', 3, '', '', 2],
      ['Respondent 2', 'key-informant', '', '2026-09-02 09:05', '', '', 1, ''],
    ])
  })

  it('lay the profile out per determinant with its shares and status', () => {
    const rows = profileTable({
      determinants: [
        { number: 4, name: 'Complexity', group: 'innovation', n: 3, negativeShare: 2 / 3, positiveShare: 0, status: 'barrier' },
      ] as never,
    })
    expect(rows).toEqual([
      ['No.', 'Determinant', 'Group', 'Answers', '% negative', '% positive', 'Status'],
      ['4', 'Complexity', 'The approach itself', '3', '67%', '0%', 'Barrier'],
    ])
  })

  it('give a round’s plan a status column', () => {
    const [header, row] = planTable(
      [{ strategy: 'a', status: 'running', spec: { ...emptySpec(), actor: 'Coordinator' }, barriers: [] }],
      new Map([['a', { id: 'a', name: 'Strategy A', clusterName: 'Cluster', phases: ['start'] } as never]]),
      new Map(),
      planLabels((f) => f)
    )
    expect(header?.slice(0, 3)).toEqual(['No.', 'Strategy', 'Status'])
    expect(row?.slice(0, 3)).toEqual(['1', 'Strategy A', 'Running'])
    expect(row?.[header!.indexOf('actor')]).toBe('Coordinator')
  })
})
