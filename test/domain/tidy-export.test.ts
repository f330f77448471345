import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { networkOverview, type NetworkInput } from '../../server/domain/network.ts'
import { codebookRows, networkTidyRows, shownGroups, spssSyntax, tidyRows, type ExportRound } from '../../server/domain/tidy-export.ts'
import { miniQuestionnaire as q } from '../support/kb.ts'

const sub = (group: string | null, answers: Record<string, number | null> = { d01: 2 }) => ({ role: 'user' as const, group, answers })

describe('tidyRows', () => {
  test('writes one row per submission × item, with the valence after reversal', () => {
    const rows = tidyRows([{ label: 'Nulmeting', position: 1, submissions: [sub(null, { d01: 2, d04: 2 })] }], q)
    expect(rows[0]).toEqual(['round', 'submission', 'group', 'role', 'item', 'determinant', 'value', 'valence', 'score'])
    expect(rows).toHaveLength(1 + q.items.length)
    expect(rows[1]).toEqual(['Nulmeting', '1-0001', null, 'user', 'd01', 1, 2, 'negative', 2])
    // d04 (complexity) is reverse-scored: disagreeing is favourable.
    expect(rows[2]).toEqual(['Nulmeting', '1-0001', null, 'user', 'd04', 4, 2, 'positive', 4])
    // An item not answered is a row with an empty value: missing stays missing.
    expect(rows[3]?.slice(4)).toEqual(['d13a', 13, null, null, null])
  })

  test('names a group of five, and leaves a group of two and the group that would give it away unnamed', () => {
    const round: ExportRound = {
      label: 'R',
      position: 1,
      submissions: [...Array(5).fill(sub('Docenten')), ...Array(8).fill(sub('Mentoren')), ...Array(2).fill(sub('Zorg'))],
    }
    expect([...shownGroups(round)]).toEqual(['Mentoren'])
    const groups = new Set(tidyRows([round], q).slice(1).map((r) => r[2]))
    expect(groups).toEqual(new Set(['Mentoren', null]))
  })

  test('never names a group below the minimum, nor leaves 1 to min − 1 unnamed answers beside named groups', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<string | null>('A', 'B', 'C', 'D', null), { maxLength: 40 }),
        fc.integer({ min: 3, max: 8 }),
        (groups, minGroupSize) => {
          const round: ExportRound = { label: 'R', position: 1, minGroupSize, submissions: groups.map((g) => sub(g)) }
          const rows = tidyRows([round], q).slice(1).filter((r) => r[4] === 'd01')
          const named = new Map<string, number>()
          for (const r of rows) if (r[2] !== null) named.set(r[2] as string, (named.get(r[2] as string) ?? 0) + 1)
          for (const n of named.values()) expect(n).toBeGreaterThanOrEqual(minGroupSize)
          const unnamed = rows.length - [...named.values()].reduce((a, b) => a + b, 0)
          expect(named.size === 0 || unnamed === 0 || unnamed >= minGroupSize).toBe(true)
        }
      )
    )
  })
})

describe('codebookRows and spssSyntax', () => {
  test('list every option of every item with its label and valence', () => {
    const rows = codebookRows([
      { id: 'd04', determinant: 4, determinantName: 'Complexity', respondent: 'user', reverse: true, text: 'Too complex', options: [{ value: 1, label: 'Totally disagree', valence: 'positive', score: 5 }] },
    ])
    expect(rows).toEqual([
      ['item', 'determinant', 'determinant_name', 'respondent', 'reversed', 'item_text', 'value', 'label', 'valence', 'score'],
      ['d04', 4, 'Complexity', 'user', 'yes', 'Too complex', 1, 'Totally disagree', 'positive', 5],
    ])
  })

  test('reads the CSV by name with labels, quoting a quote inside a label', () => {
    const sps = spssSyntax('strategiewijzer-long.csv', new Map([[1, "Procedural clarity"], [2, "Teacher's view"]]), 'en')
    expect(sps).toContain("/FILE='strategiewijzer-long.csv'")
    expect(sps).toMatch(/\/VARIABLES=\r\n\s+round A\d+\r\n\s+submission A\d+\r\n\s+group A\d+\r\n\s+role A\d+\r\n\s+item A\d+\r\n\s+determinant F2\.0\r\n\s+value F3\.0\r\n\s+valence A\d+\r\n\s+score F1\.0\./)
    expect(sps).toContain("  2 'Teacher''s view'")
    expect(sps).toContain("VALUE LABELS valence_code -1 'negative' 0 'neutral' 1 'positive'.")
    // Every command ends with a period.
    for (const command of sps.split(/\r\n(?=[A-Z])/)) if (!command.startsWith('*')) expect(command.trimEnd()).toMatch(/\.$/)
  })
})

describe('networkTidyRows', () => {
  test('holds a suppressed school as its n alone, never a share', () => {
    const round = (n: number) => ({
      label: 'Nulmeting',
      position: 1,
      n,
      determinants: [{ number: 1, group: 'innovation' as const, n, negative: Math.floor(n / 2), positive: 1 }],
      plan: [],
    })
    const input: NetworkInput = {
      id: 'n',
      name: 'Regio',
      minGroupSize: 5,
      schools: [
        { workspace: 'a', name: 'School A', rounds: [round(10)] },
        { workspace: 'b', name: 'School B', rounds: [round(3)] },
      ],
      children: [],
    }
    const rows = networkTidyRows([networkOverview(input, { round: 'Nulmeting' })])
    expect(rows).toEqual([
      ['round', 'row', 'kind', 'n', 'determinant', 'negative_share', 'positive_share', 'status'],
      ['Nulmeting', 'School A', 'school', 10, 1, 0.5, 0.1, 'barrier'],
      ['Nulmeting', 'School B', 'school', 3, null, null, null, 'suppressed'],
      ['Nulmeting', 'total', 'total', 10, 1, 0.5, 0.1, 'barrier'],
    ])
  })
})
