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

const limits = { maxRespondents: 2000 }

describe('responsesFromCsv', () => {
  test('reads one respondent per row and one item per column', () => {
    const result = responsesFromCsv('respondent,role,d01,d13a,d19\nAns,user,4,2,\nBas,key-informant,,5,0\n', items, limits)
    expect(result.issues).toEqual([])
    expect(result.responses).toEqual([
      { respondent: 'Ans', role: 'user', answers: { d01: 4, d13a: 2, d19: null } },
      { respondent: 'Bas', role: 'key-informant', answers: { d01: null, d13a: 5, d19: 0 } },
    ])
  })

  test('accepts option labels in Dutch or English, in any case', () => {
    const result = responsesFromCsv('d01;d13a;d19\nmee eens;Totally Agree;Nee\n', items, limits)
    expect(result.responses).toEqual([{ answers: { d01: 4, d13a: 5, d19: 0 } }])
  })

  test('reads "not yet applicable / don\'t know" in either language as its own option', () => {
    const notYet = [...agree, { value: 9, labels: ['Nog niet van toepassing / weet ik niet', "Not yet applicable / don't know"] }]
    const result = responsesFromCsv(
      "d06;d14\nNog niet van toepassing / weet ik niet;NOT YET APPLICABLE / DON'T KNOW\n9;2\n",
      [{ id: 'd06', options: notYet }, { id: 'd14', options: notYet }],
      limits
    )
    expect(result.issues).toEqual([])
    expect(result.responses).toEqual([{ answers: { d06: 9, d14: 9 } }, { answers: { d06: 9, d14: 2 } }])
  })

  test('treats empty cells, NA and dashes as missing answers', () => {
    const result = responsesFromCsv('d01,d13a,d19\nNA,-,\n', items, limits)
    expect(result.responses).toEqual([{ answers: { d01: null, d13a: null, d19: null } }])
  })

  test('names the line and column of an answer that is not an option', () => {
    const result = responsesFromCsv('respondent,d01,d13a\nA,4,3\nB,7,soms\n', items, limits)
    expect(result.issues).toMatchObject([
      { line: 3, column: 'd01', message: "'7' is not an answer option of item d01", kind: 'not-an-option', item: 'd01', value: "'7'" },
      { line: 3, column: 'd13a', message: "'soms' is not an answer option of item d13a", kind: 'not-an-option', item: 'd13a' },
    ])
    // The valid options are listed, so an interface can say what to write instead.
    const d01 = items.find((i) => i.id === 'd01')!
    expect(result.issues[0]!.valid).toEqual(d01.options.map((o) => (o.labels[0] ? `${o.value} (${o.labels[0]})` : String(o.value))))
    expect(result.issues[0]!.valid!.length).toBeGreaterThan(1)
  })

  test('rejects a column that looks like an item but is none, and ignores metadata columns', () => {
    const result = responsesFromCsv('ResponseId,StartDate,d01,d99\nR_1,2026-01-01,4,3\n', items, limits)
    expect(result.issues).toMatchObject([{ line: 1, column: 'd99', message: "unknown item 'd99'", kind: 'unknown-item', item: 'd99' }])
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
    const result = responsesFromCsv(csv, items, limits)
    expect(result.issues).toEqual([])
    expect(result.responses).toEqual([{ respondent: 'R_1', answers: { d01: 4, d13a: 5 } }])
  })

  test('reads a byte-order mark and Windows line ends', () => {
    const result = responsesFromCsv('\uFEFFd01,d19\r\n2,1\r\n', items, limits)
    expect(result.responses).toEqual([{ answers: { d01: 2, d19: 1 } }])
  })

  test('complains about a file without item columns or without rows', () => {
    expect(responsesFromCsv('naam,leeftijd\nA,40\n', items, limits).issues[0]?.message).toMatch(/no column is an item id/)
    expect(responsesFromCsv('d01\n', items, limits).issues[0]?.message).toMatch(/no respondent rows/)
  })

  test('names an unknown role', () => {
    expect(responsesFromCsv('role,d01\nboss,4\n', items, limits).issues).toMatchObject([
      { line: 2, column: 'role', message: "'boss' is not a role (user or key-informant)", kind: 'not-a-role', valid: ['user', 'key-informant', 'uitvoerder', 'sleutelinformant'] },
    ])
  })

  test('rejects a file with a quote never closed as a whole, naming the line, instead of folding rows into one', () => {
    const result = responsesFromCsv('respondent,d01\nA,4\n"B,4\nC,2\nD,3\n', items, limits)
    expect(result.responses).toEqual([])
    expect(result.issues).toEqual([
      { line: 3, syntax: 'unclosed-quote', message: 'a quoted cell is not closed: its opening quote has no closing quote' },
    ])
  })

  test('rejects a row that an unquoted comma shifted, instead of scoring its answers under the wrong items', () => {
    const result = responsesFromCsv('respondent,d01,d13a\nJansen, Piet,4,2\n', items, limits)
    expect(result.responses).toEqual([])
    expect(result.issues).toMatchObject([{ line: 2, syntax: 'too-many-cells' }])
  })

  test('stops at the respondent limit, not counting Qualtrics header lines', () => {
    expect(responsesFromCsv('d01\n4\n4\n4\n', items, { maxRespondents: 2 }).tooLarge).toMatchObject({
      limit: 'respondents',
      max: 2,
      line: 4,
      message: expect.stringMatching(/more than 2 respondents/),
    })
    const qualtrics = 'ResponseId,d01\nResponse ID,Vraag\n{"ImportId":"_recordId"},{"ImportId":"QID1"}\nR_1,4\nR_2,2\n'
    expect(responsesFromCsv(qualtrics, items, { maxRespondents: 2 })).toMatchObject({ responses: [{}, {}], issues: [] })
  })

  test('stops at a row wider than the items, respondent, role and the other columns allowed', () => {
    const header = ['respondent', 'd01', 'x1', 'x2']
    expect(responsesFromCsv(`${header.join(',')}\nA,4,,\n`, items, { maxRespondents: 10, maxOtherColumns: 2 }).issues).toEqual([])
    const wide = responsesFromCsv(`${header.join(',')},x3,x4,x5,x6\n`, items, { maxRespondents: 10, maxOtherColumns: 2 })
    expect(wide.tooLarge).toMatchObject({ limit: 'columns', max: 7, line: 1 })
    expect(wide.tooLarge?.message).toMatch(/the 3 items, respondent, role and at most 2 others/)
  })

  test('names an item given two columns, which would keep only one of the answers', () => {
    expect(responsesFromCsv('d01,D01\n4,2\n', items, limits).issues).toMatchObject([{ line: 1, column: 'D01', message: 'item d01 has two columns', kind: 'duplicate-item' }])
  })

  test('quotes a long cell only in part in its issue', () => {
    const [issue] = responsesFromCsv(`d01\n${'x'.repeat(5000)}\n`, items, limits).issues
    expect(issue?.message.length).toBeLessThan(100)
  })
})

