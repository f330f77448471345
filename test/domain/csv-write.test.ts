import { describe, expect, test } from 'vitest'
import { toCsv } from '../../server/domain/csv-write.ts'

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
})
