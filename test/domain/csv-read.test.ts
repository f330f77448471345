import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { readCsv } from '../../server/domain/csv-read.ts'
import { escapeFormula, toCsv } from '../../server/domain/csv-write.ts'

const limits = { maxRows: 100, maxColumns: 10, maxCellLength: 100 }
const rows = (text: string) => {
  const result = readCsv(text, limits)
  if (!result.ok) throw new Error(result.problem.message)
  return result.rows.map((r) => [r.line, ...r.cells])
}
const problem = (text: string, own = limits) => {
  const result = readCsv(text, own)
  return result.ok ? undefined : result.problem
}

describe('readCsv', () => {
  test('reads rows with the line each starts on, across quoted line breaks and blank lines', () => {
    expect(rows('a;b\r\n1;2\r\n\r\n3;"x\r\ny"\r\n;\r\n4;"say ""hi"""')).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
      [4, '3', 'x\r\ny'],
      [7, '4', 'say "hi"'],
    ])
  })

  test.for([
    ['a,b\n1,2', ','],
    ['a;b\n1;2', ';'],
    ['a\tb\n1\t2', '\t'],
    ['"x, y";b\n1;2', ';'],
    ['d01\n4', ','],
  ] as const)('takes the delimiter the header uses most: %j → %j', ([text, delimiter]) => {
    expect(readCsv(text, limits)).toMatchObject({ ok: true, delimiter })
  })

  test('accepts LF, CRLF and lone CR line ends and a byte-order mark', () => {
    expect(rows('\uFEFFa,b\r1,2\n3,4\r\n')).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
      [3, '3', '4'],
    ])
  })

  test('rejects a quote that is never closed, naming the line it opens on', () => {
    expect(problem('a,b\n1,2\n3,"unclosed\n4,5\n6,7\n')).toMatchObject({ kind: 'syntax', error: 'unclosed-quote', line: 3 })
  })

  test('rejects text after a closing quote, naming its line', () => {
    expect(problem('a,b\n1,"two\nlines" and more,3\n')).toMatchObject({ kind: 'syntax', error: 'text-after-quote', line: 3 })
  })

  test('rejects a row with more filled cells than the header, which would shift its answers', () => {
    expect(problem('naam,d01\nJansen, Piet,4\n')).toMatchObject({ kind: 'syntax', error: 'too-many-cells', line: 2 })
    expect(rows('a,b,c\n1,2\n1,2,3,,\n')).toEqual([
      [1, 'a', 'b', 'c'],
      [2, '1', '2'],
      [3, '1', '2', '3', '', ''],
    ])
  })

  test('stops at the row limit without reading on (the rest holds an error it never reaches)', () => {
    const text = 'a\n' + '1\n'.repeat(20) + '"never closed\n'
    expect(problem(text, { ...limits, maxRows: 5 })).toMatchObject({ kind: 'limit', limit: 'rows', max: 5, line: 6 })
  })

  test('stops at the column limit inside a row', () => {
    const text = `a\n${'1,'.repeat(1000)}"never closed`
    expect(problem(text)).toMatchObject({ kind: 'limit', limit: 'columns', max: 10, line: 2 })
  })

  test('stops at a cell longer than the limit, quoted or not', () => {
    expect(problem(`a,b\n1,${'x'.repeat(101)}\n`)).toMatchObject({ kind: 'limit', limit: 'cell', line: 2, message: expect.stringMatching(/column 2/) })
    expect(problem(`a,b\n"${'x'.repeat(101)}",1\n`)).toMatchObject({ kind: 'limit', limit: 'cell', line: 2 })
  })

  test('stops after as many empty rows as the row limit', () => {
    expect(problem(`a,b\n${',\n'.repeat(200)}1,2\n`)).toMatchObject({ kind: 'limit', limit: 'empty-rows', line: 102 })
  })

  test('reads back what toCsv writes, whatever the cells hold', () => {
    const header = fc.array(fc.stringMatching(/^[a-z][a-z0-9 ]{0,5}$/), { minLength: 1, maxLength: 4 })
    const cell = fc.string({ unit: fc.constantFrom('a', ' ', ',', ';', '"', '\n', '\r', '\t', '=', '-', 'ë', '€'), maxLength: 8 })
    fc.assert(
      fc.property(
        header.chain((h) => fc.tuple(fc.constant(h), fc.array(fc.array(cell, { minLength: h.length, maxLength: h.length }), { maxLength: 5 }))),
        ([head, body]) => {
          const result = readCsv(toCsv([head, ...body]), { maxRows: 100, maxColumns: 10, maxCellLength: 100 })
          const expected = [head, ...body.map((r) => r.map(escapeFormula))].filter((r) => r.some((c) => c.trim() !== ''))
          expect(result.ok && result.rows.map((r) => r.cells)).toEqual(expected)
        }
      )
    )
  })
})
