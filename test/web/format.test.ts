import { msg, str } from '@lit/localize'
import { afterEach, describe, expect, test } from 'vitest'
import { formatCount, formatFixed, formatPercent, formatPointChange, formatStrength, plural } from '../../web/format.ts'
import { barriersText, keyInformantsText, respondentsText, strategiesText, strengthText } from '../../web/labels.ts'
import { setLocale } from '../../web/localization.ts'

afterEach(async () => {
  await setLocale('en')
})

describe('numbers in the interface language', () => {
  test.for([
    ['en', { score: '1.34', strength: '0.3', strength2: '0.45', share: '30%', count: '1,234', up: '+12', down: '-5', none: '–' }],
    ['nl', { score: '1,34', strength: '0,3', strength2: '0,45', share: '30%', count: '1.234', up: '+12', down: '-5', none: '–' }],
  ] as const)('%s', async ([lang, expected]) => {
    await setLocale(lang)
    expect(formatFixed(1.3449)).toBe(expected.score)
    expect(formatStrength(0.3)).toBe(expected.strength)
    expect(formatStrength(0.45)).toBe(expected.strength2)
    expect(formatPercent(0.304)).toBe(expected.share)
    expect(formatCount(1234)).toBe(expected.count)
    expect(formatPointChange(0.12)).toBe(expected.up)
    expect(formatPointChange(-0.05).replace('−', '-')).toBe(expected.down)
    expect(formatPercent(null)).toBe(expected.none)
  })

  test('a mean with one decimal reads "3,7" in Dutch', async () => {
    await setLocale('nl')
    expect(formatFixed(3.66, 1)).toBe('3,7')
  })

  test('link strengths keep their decimal comma inside the translated phrase', async () => {
    await setLocale('nl')
    expect(strengthText(0.4, 'judgement')).toBe('0,4 (ons oordeel)')
    expect(strengthText(0.44, 'printed')).toBe('44%')
  })
})

describe('plurals in both languages', () => {
  test.for([
    ['en', 1, '1 respondent', '1 key informant', '1 strategy', '1 barrier'],
    ['en', 2, '2 respondents', '2 key informants', '2 strategies', '2 barriers'],
    ['en', 0, '0 respondents', '0 key informants', '0 strategies', '0 barriers'],
    ['nl', 1, '1 respondent', '1 sleutelinformant', '1 strategie', '1 belemmering'],
    ['nl', 2, '2 respondenten', '2 sleutelinformanten', '2 strategieën', '2 belemmeringen'],
    ['nl', 1500, '1.500 respondenten', '1.500 sleutelinformanten', '1.500 strategieën', '1.500 belemmeringen'],
  ] as const)('%s, %i', async ([lang, n, respondents, keyInformants, strategies, barriers]) => {
    await setLocale(lang)
    expect(respondentsText(n)).toBe(respondents)
    expect(keyInformantsText(n)).toBe(keyInformants)
    expect(strategiesText(n)).toBe(strategies)
    expect(barriersText(n)).toBe(barriers)
  })

  test('plural picks the zero form only where given, and only for exactly 0', () => {
    const forms = { zero: 'none', one: 'one', other: 'many' }
    expect([0, 1, 2, 1.5].map((n) => plural(n, forms))).toEqual(['none', 'one', 'many', 'many'])
    expect(plural(0, { one: 'one', other: 'many' })).toBe('many')
    // A message built with str keeps working through it.
    expect(plural(3, { one: msg('1 respondent'), other: msg(str`${formatCount(3)} respondents`) })).toBe('3 respondents')
  })
})
