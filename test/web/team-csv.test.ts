import { describe, expect, it } from 'vitest'
import type { CsvItem } from '../../server/domain/csv-responses.ts'
import { responsesFromCsv } from '../../server/domain/csv-responses.ts'
import { setLocale } from '../../web/localization.ts'
import { issueText, readTeamCsv, teamCsv } from '../../web/team-csv.ts'

const agree: CsvItem['options'] = [
  { value: 2, labels: ['Mee oneens', 'Disagree'] },
  { value: 4, labels: ['Mee eens', 'Agree'] },
]
const items: CsvItem[] = [{ id: 'd04', options: agree }]
const utf8 = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer

describe('readTeamCsv', () => {
  it('imports nothing from a file with a quote never closed, and says which line', () => {
    const result = readTeamCsv(utf8('respondent,d04\nAns,4\n"Bas,2\nCor,4\n'), items, 'team.csv')
    expect(result).toEqual({
      ok: false,
      text: 'Nothing was imported: line 3 of team.csv: a quoted cell is not closed: its opening quote has no closing quote.',
    })
  })

  it('reads a Windows-1252 file, as Dutch Excel saves it, with its letters intact', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('respondent;d04\nZo'), 0xeb, ...new TextEncoder().encode(';Mee eens\n')])
    expect(readTeamCsv(bytes.buffer, items, 'team.csv')).toEqual({ ok: true, responses: [{ respondent: 'Zoë', answers: { d04: 4 } }] })
  })

  it('refuses a file holding �, text already lost, instead of storing it', () => {
    const result = readTeamCsv(utf8('respondent,d04\nZo\uFFFD,4\n'), items, 'team.csv')
    expect(result).toMatchObject({ ok: false, text: expect.stringMatching(/^Nothing was imported: line 2 of team.csv: the file contains the character �/) })
  })

  it('lists the bad cells when that is why nothing was imported', () => {
    const result = readTeamCsv(utf8('d04\n4\nvaak\n'), items, 'team.csv')
    expect(result).toMatchObject({ ok: false, issues: [{ line: 3, column: 'd04' }] })
  })
})

describe('teamCsv', () => {
  it('writes a label that would start a formula as text, also when a line follows', () => {
    const csv = teamCsv([{ id: '1', label: '=HYPERLINK("https://evil.example")\nx', role: 'user', answers: { d04: 4, d01: null } }])
    expect(csv).toBe('respondent,role,d01,d04\r\n"\'=HYPERLINK(""https://evil.example"")\nx",user,,4')
  })
})

describe('issueText', () => {
  it('says what to write instead of an answer that is not an option, or a role that is none, in both languages', async () => {
    const { issues } = responsesFromCsv('role,d04\nbaas,vaak\n', items, { maxRespondents: 10 })
    const texts = () => issues.map(issueText)
    expect(texts()).toEqual([
      "'vaak' is not an answer to d04. Use one of: 2 (Mee oneens), 4 (Mee eens).",
      "'baas' is not a role. Use one of: user, key-informant, uitvoerder, sleutelinformant.",
    ])
    await setLocale('nl')
    try {
      expect(texts()).toEqual([
        "'vaak' is geen antwoord op d04. Gebruik een van: 2 (Mee oneens), 4 (Mee eens).",
        "'baas' is geen rol. Gebruik een van: user, key-informant, uitvoerder, sleutelinformant.",
      ])
    } finally {
      await setLocale('en')
    }
  })
})
