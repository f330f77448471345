import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { decodeText } from '../../server/domain/decode-text.ts'

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p))
  )

describe('decodeText', () => {
  test('reads UTF-8 and drops its byte-order mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'naam;d01\nZoë;4\n'))).toEqual({
      ok: true,
      text: 'naam;d01\nZoë;4\n',
      encoding: 'utf-8',
    })
  })

  test('reads a Windows-1252 file, as Dutch Excel saves CSV, without losing a letter', () => {
    // "Zoë" with ë as the single byte 0xEB, and "€ 5" with € as 0x80.
    const result = decodeText(bytes('naam;kosten\nZo', [0xeb], ';', [0x80], ' 5\n'))
    expect(result).toEqual({ ok: true, text: 'naam;kosten\nZoë;€ 5\n', encoding: 'windows-1252' })
  })

  test('takes an ArrayBuffer as well as bytes', () => {
    const buffer = bytes('co', [0xf6], 'rdinator').buffer as ArrayBuffer
    expect(decodeText(buffer)).toMatchObject({ ok: true, text: 'coördinator' })
  })

  test('reads UTF-16 with a byte-order mark (Excel’s "Unicode text")', () => {
    const le = [0xff, 0xfe, ...[...'d01\tZoë'].flatMap((c) => [c.charCodeAt(0), 0])]
    expect(decodeText(new Uint8Array(le))).toEqual({
      ok: true,
      text: 'd01\tZoë',
      encoding: 'utf-16le',
    })
  })

  test.for([
    ['a workbook (zip bytes)', bytes('PK', [0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'binary', 1],
    ['UTF-8 and Windows-1252 mixed', bytes('a;b\nZoë;', [0xeb], '\n'), 'mixed-encoding', 2],
    [
      'a UTF-8 byte-order mark before bytes that are no UTF-8',
      bytes([0xef, 0xbb, 0xbf], 'a\nb\nZo', [0xeb]),
      'broken-utf8',
      3,
    ],
    ['text already lost as U+FFFD', bytes('naam\nZo\uFFFD\n'), 'replacement-character', 2],
  ] as const)('refuses %s, naming the line', ([, input, problem, line]) => {
    const result = decodeText(input)
    expect(result).toMatchObject({ ok: false, problem, line })
    expect(result.ok ? '' : result.message).not.toBe('')
  })

  test('never returns text holding U+FFFD, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        const result = decodeText(input)
        if (result.ok) expect(result.text).not.toContain('\uFFFD')
      })
    )
  })
})
