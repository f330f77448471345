import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { readCsv } from '../../server/domain/csv-read.ts'
import {
  applyImport,
  detectTool,
  fold,
  matchValue,
  previewImport,
  type ImportItem,
  type SurveyMapping,
} from '../../server/domain/survey-import.ts'
import { readKbSources } from '../../server/kb/read-sources.ts'
import { KB_DIR } from '../support/db.ts'

const kb = readKbSources(KB_DIR)
const scales = new Map(kb.scales.records.map((s) => [s.id, s]))
const items: ImportItem[] = kb.determinants.records.flatMap((d) =>
  d.items.map((i) => ({
    id: i.id,
    texts: [i.text.nl, i.text.en],
    scale: i.scale,
    options: (scales.get(i.scale)?.options ?? []).map((o) => ({ value: o.value, labels: [o.label.nl, o.label.en] })),
  }))
)
const read = (name: string) => {
  const result = readCsv(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'survey-exports', name), 'utf8'), {
    maxRows: 1000,
    maxColumns: 200,
    maxCellLength: 2000,
  })
  if (!result.ok) throw new Error(`${name}: ${result.problem.message}`)
  return result.rows
}
const item = (id: string) => items.find((i) => i.id === id) as ImportItem
const columnsOf = (preview: ReturnType<typeof previewImport>) =>
  Object.fromEntries(preview.columns.map((c) => [c.header, c.item ?? c.role]))

describe('reading answers', () => {
  test('folds case, accents, punctuation and spacing', () => {
    expect(fold('  Niet eens,  niet ONEENS ')).toBe(fold('Niet eens niet oneens'))
    expect(fold('Coördinator')).toBe('coordinator')
  })

  test.for([
    ['Eens', 4],
    ['mee eens', 4],
    ['Niet eens niet oneens', 3],
    ['Neutraal', 3],
    ['Strongly disagree', 1],
    ['5', 5],
    ['A2', 2],
    ['n.v.t.', null],
    ['Zo-zo', undefined],
  ] as const)('%s on the agree scale is %s', ([raw, expected]) => {
    expect(matchValue(item('d01'), raw)).toBe(expected)
  })
})

describe('LimeSurvey: codes, BOM, every value quoted, CRLF', () => {
  const table = read('limesurvey-codes.csv')
  const preview = previewImport(table, items)

  test('is recognised, drops the incomplete response and maps the template codes', () => {
    expect(detectTool(table)).toBe('limesurvey')
    expect(preview.rows).toBe(3)
    expect(preview.dropped).toEqual({ preview: 0, unfinished: 1, empty: 0 })
    expect(columnsOf(preview)).toMatchObject({ id: 'response-id', groep: 'group', submitdate: 'ignored', 'MIDI[D01]': 'd01', 'MIDI[D04]': 'd04' })
    expect(preview.complete).toBe(true)
  })

  test('imports answer codes as option values, keyed by the response id', () => {
    const { responses, issues } = applyImport(table, items, { columns: columnsOf(preview), values: {} })
    expect(issues).toEqual([])
    expect(responses).toEqual([
      { key: 'limesurvey:1', row: 2, group: 'mentor', answers: { d01: 5, d02: 4, d04: 2 } },
      { key: 'limesurvey:3', row: 4, group: 'docent', answers: { d01: 1, d02: 3, d04: 5 } },
    ])
  })
})

describe('Qualtrics: three header rows, previews and partial responses', () => {
  const table = read('qualtrics.csv')
  const preview = previewImport(table, items)

  test('drops the preview and the unfinished response and says so', () => {
    expect(detectTool(table)).toBe('qualtrics')
    expect(preview.rows).toBe(4)
    expect(preview.dropped).toEqual({ preview: 1, unfinished: 1, empty: 0 })
  })

  test('matches matrix statements by our item text, however punctuated; lists what it cannot place', () => {
    expect(columnsOf(preview)).toMatchObject({ Q2_1: 'd01', Q2_2: 'd02', Q2_3: 'unmatched', Q1: 'unmatched', ResponseId: 'response-id', Status: 'ignored' })
    expect(preview.complete).toBe(false)
  })

  test('after the person places the columns, imports with the response id as key', () => {
    const mapping: SurveyMapping = { columns: { ...columnsOf(preview), Q1: 'group', Q2_3: 'ignored' }, values: {} }
    expect(previewImport(table, items, mapping).complete).toBe(true)
    const { responses, issues } = applyImport(table, items, mapping)
    expect(issues).toEqual([])
    expect(responses.map((r) => [r.key, r.row, r.group, r.answers])).toEqual([
      ['qualtrics:R_1aaaaaaaaaaaaaa', 5, 'Docent', { d01: 5, d02: 3 }],
      ['qualtrics:R_3cccccccccccccc', 7, 'Mentor', { d01: 2, d02: 4 }],
    ])
  })
})

describe('Microsoft Forms: Dutch headers, question text as column header', () => {
  const table = read('ms-forms-sheet1.csv')
  const preview = previewImport(table, items)

  test('is recognised by its metadata columns and matches item texts', () => {
    expect(detectTool(table)).toBe('ms-forms')
    expect(columnsOf(preview)).toMatchObject({
      ID: 'response-id',
      Begintijd: 'ignored',
      'In de aanpak staat helder beschreven wat ik moet doen en in welke volgorde': 'd01',
      'De aanpak is te ingewikkeld voor mij om uit te voeren.': 'd04',
      'Wat is uw functie?': 'unmatched',
    })
  })

  test('lists an answer it cannot match before anything is stored, and names row, column and valid answers on apply', () => {
    expect(preview.values.filter((v) => v.option === undefined)).toEqual([{ item: 'd02', value: 'Zo-zo', count: 1 }])
    const { issues } = applyImport(table, items, { columns: columnsOf(preview), values: {} })
    expect(issues).toEqual([
      {
        row: 4,
        column: 'De kennis waarop de aanpak is gebaseerd, vind ik juist.',
        value: 'Zo-zo',
        item: 'd02',
        valid: ['Helemaal mee oneens', 'Mee oneens', 'Niet eens, niet oneens', 'Mee eens', 'Helemaal mee eens'],
      },
    ])
  })

  test('a remembered mapping places columns and answers the next round', () => {
    const mapping: SurveyMapping = {
      columns: { 'Wat is uw functie?': 'group', 'Welke ondersteuning heeft u nodig?': 'ignored' },
      values: { d02: { 'Zo-zo': 3 } },
    }
    const again = previewImport(table, items, mapping)
    expect(again.complete).toBe(true)
    const { responses, issues } = applyImport(table, items, { columns: columnsOf(again), values: mapping.values })
    expect(issues).toEqual([])
    expect(responses.map((r) => r.key)).toEqual(['ms-forms:1', 'ms-forms:2', 'ms-forms:3'])
    expect(responses[2]?.answers).toEqual({ d01: 4, d02: 3, d04: 1 })
  })
})

test('rows without a response id get a key from their content: the same row twice has one key', () => {
  const rows = [
    { line: 1, cells: ['d01', 'd02'] },
    { line: 2, cells: ['4', '5'] },
    { line: 3, cells: ['4', '5'] },
    { line: 4, cells: ['2', '5'] },
  ]
  const { responses } = applyImport(rows, items, { columns: { d01: 'd01', d02: 'd02' }, values: {} })
  expect(new Set(responses.map((r) => r.key)).size).toBe(2)
  expect(responses[0]?.key).toBe(responses[1]?.key)
})
