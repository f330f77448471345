import { describe, expect, test } from 'vitest'
import { CSV_COMMA, CSV_SEMICOLON, toCsv } from '../../server/domain/csv-write.ts'

describe('toCsv', () => {
  test.for([
    ['=1+1', "'=1+1"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-', "'-"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['=HYPERLINK("https://evil.example","klik")\nsecond line', '"\'=HYPERLINK(""https://evil.example"",""klik"")\nsecond line"'],
    ['\r=1+1\nx', '"\'\r=1+1\nx"'],
    ['a = b', 'a = b'],
  ])('writes %j as %j, never as a formula', ([value, written]) => {
    expect(toCsv([[value]])).toBe(written)
  })

  test('quotes cells with a comma, quote or line break (RFC 4180) and separates records by CRLF', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', 'plain'], ['x', '', 'y', 'z']])).toBe(
      '"a,b","say ""hi""","two\nlines",plain\r\nx,,y,z'
    )
  })

  test('writes numbers as numbers, negative ones too, and null or undefined as empty', () => {
    expect(toCsv([[-0.5, 4, null, undefined]])).toBe('-0.5,4,,')
  })

  test('for Dutch Excel: semicolons between cells, a decimal comma, quotes around a cell holding a semicolon', () => {
    expect(toCsv([['naam', 'aandeel'], ['Tijd; ruimte', 0.25], ['Geld, uren', -1.5]], CSV_SEMICOLON)).toBe(
      'naam;aandeel\r\n"Tijd; ruimte";0,25\r\nGeld, uren;-1,5'
    )
    // A formula stays text in either format.
    expect(toCsv([['=1+1', 3]], CSV_SEMICOLON)).toBe("'=1+1;3")
    expect(toCsv([['a;b', 0.5]], CSV_COMMA)).toBe('a;b,0.5')
  })
})

