import { describe, expect, test } from 'vitest'
import { responsesFromCsv, type CsvItem } from '../../server/domain/csv-responses.ts'

const agree: CsvItem['options'] = [
  { value: 1, labels: ['Helemaal mee oneens', 'Totally disagree'] },
  { value: 2, labels: ['Mee oneens', 'Disagree'] },
  { value: 3, labels: ['Niet eens, niet oneens', 'Neither agree nor disagree'] },
  { value: 4, labels: ['Mee eens', 'Agree'] },
  { value: 5, labels: ['Helemaal mee eens', 'Totally agree'] },
]
const items: CsvItem[] = [
  { id: 'd01', options: agree },
  { id: 'd13a', options: agree },
  { id: 'd19', options: [{ value: 1, labels: ['Ja', 'Yes'] }, { value: 0, labels: ['Nee', 'No'] }] },
]

describe('responsesFromCsv', () => {
  test('reads one respondent per row and one item per column', () => {
    const result = responsesFromCsv('respondent,role,d01,d13a,d19\nAns,user,4,2,\nBas,key-informant,,5,0\n', items)
    expect(result.issues).toEqual([])
    expect(result.responses).toEqual([
      { respondent: 'Ans', role: 'user', answers: { d01: 4, d13a: 2, d19: null } },
      { respondent: 'Bas', role: 'key-informant', answers: { d01: null, d13a: 5, d19: 0 } },
    ])
  })

  test('accepts option labels in Dutch or English, in any case', () => {
    const result = responsesFromCsv('d01;d13a;d19\nmee eens;Totally Agree;Nee\n', items)
    expect(result.responses).toEqual([{ answers: { d01: 4, d13a: 5, d19: 0 } }])
  })

  test('treats empty cells, NA and dashes as missing answers', () => {
    const result = responsesFromCsv('d01,d13a,d19\nNA,-,\n', items)
    expect(result.responses).toEqual([{ answers: { d01: null, d13a: null, d19: null } }])
  })

  test('names the line and column of an answer that is not an option', () => {
    const result = responsesFromCsv('respondent,d01,d13a\nA,4,3\nB,7,soms\n', items)
    expect(result.issues).toEqual([
      { line: 3, column: 'd01', message: "'7' is not an answer option of item d01" },
      { line: 3, column: 'd13a', message: "'soms' is not an answer option of item d13a" },
    ])
  })

  test('rejects a column that looks like an item but is none, and ignores metadata columns', () => {
    const result = responsesFromCsv('ResponseId,StartDate,d01,d99\nR_1,2026-01-01,4,3\n', items)
    expect(result.issues).toEqual([{ line: 1, column: 'd99', message: "unknown item 'd99'" }])
    expect(result.ignoredColumns).toEqual(['StartDate'])
    expect(result.responses[0]?.respondent).toBe('R_1')
  })

  test('skips the question-text and ImportId lines of a Qualtrics export', () => {
    const csv = [
      'ResponseId,d01,d13a',
      'Response ID,De aanpak is duidelijk,Collega’s steunen mij',
      '{"ImportId":"_recordId"},{"ImportId":"QID1"},{"ImportId":"QID2"}',
      'R_1,4,5',
    ].join('\n')
    const result = responsesFromCsv(csv, items)
    expect(result.issues).toEqual([])
    expect(result.responses).toEqual([{ respondent: 'R_1', answers: { d01: 4, d13a: 5 } }])
  })

  test('reads a byte-order mark and Windows line ends', () => {
    const result = responsesFromCsv('\uFEFFd01,d19\r\n2,1\r\n', items)
    expect(result.responses).toEqual([{ answers: { d01: 2, d19: 1 } }])
  })

  test('complains about a file without item columns or without rows', () => {
    expect(responsesFromCsv('naam,leeftijd\nA,40\n', items).issues[0]?.message).toMatch(/no column is an item id/)
    expect(responsesFromCsv('d01\n', items).issues[0]?.message).toMatch(/no respondent rows/)
  })

  test('names an unknown role', () => {
    expect(responsesFromCsv('role,d01\nboss,4\n', items).issues).toEqual([
      { line: 2, column: 'role', message: "'boss' is not a role (user or key-informant)" },
    ])
  })
})
