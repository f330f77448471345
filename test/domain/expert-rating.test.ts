import { describe, expect, test } from 'vitest'
import {
  afterRound,
  pairsFromRows,
  ratedLinks,
  roundResults,
  selectLinks,
  strengthOf,
  studySourceLabel,
  tidyCsv,
  type Answer,
  type SelectionKb,
} from '../../server/domain/expert-rating.ts'

const RAND = { kind: 'rand' } as const
const links = [
  { determinant: 4, strategy: 'a' },
  { determinant: 4, strategy: 'b' },
]
const answer = (expert: string, round: number, strategy: string, relevance: number | null, comment: string | null = null): Answer => ({
  expert,
  round,
  determinant: 4,
  strategy,
  relevance,
  feasibility: null,
  comment,
})

describe('roundResults and afterRound', () => {
  const answers = [
    answer('x1', 1, 'a', 8),
    answer('x2', 1, 'a', 9),
    answer('x3', 1, 'a', 7),
    answer('x1', 1, 'b', 1),
    answer('x2', 1, 'b', 9),
    answer('x3', 1, 'b', null),
    answer('x1', 2, 'b', 2),
  ]

  test('counts only the round asked for, and a skipped rating as missing', () => {
    const [a, b] = roundResults(links, answers, 1, RAND, ['relevance'])
    expect(a).toMatchObject({ relevance: { n: 3, median: 8 }, consensus: true, verdict: 'relevant', feasibility: null })
    expect(b).toMatchObject({ relevance: { n: 2, median: 5 }, verdict: 'uncertain' })
    expect(roundResults(links, answers, 2, RAND, ['relevance'])[0]?.verdict).toBe('no-ratings')
  })

  test.for([
    ['every link at the rule closes the study', [8, 8, 8, 8], [2, 2, 2, 1], 1, 3, 'consensus'],
    // Two of three at 1 is no disagreement (IPR 3.2 ≤ IPRAS 5.95); two and two is (8 > 2.35).
    ['a link the panel agrees is not relevant counts as settled', [8, 8, 8], [1, 9, 1], 1, 3, 'consensus'],
    ['a split link in the last round closes it too', [8, 8, 8, 8], [1, 9, 9, 1], 3, 3, 'last-round'],
    ['a split link before the last round opens the next', [8, 8, 8, 8], [1, 9, 9, 1], 1, 3, null],
  ] as const)('%s', ([, forA, forB, round, rounds, close]) => {
    const given = [...forA.map((r, i) => answer(`e${i}`, round, 'a', r)), ...forB.map((r, i) => answer(`e${i}`, round, 'b', r))]
    expect(afterRound(roundResults(links, given, round, RAND, ['relevance']), round, rounds)).toEqual({ close })
  })
})

describe('strengthOf and ratedLinks', () => {
  const results = roundResults(
    [...links, { determinant: 4, strategy: 'c' }, { determinant: 4, strategy: 'd' }],
    [
      ...[7, 8, 9, 3].map((r, i) => answer(`e${i}`, 1, 'a', r)),
      ...[1, 2, 2, 1].map((r, i) => answer(`e${i}`, 1, 'b', r)),
      ...[5, 5, 4, 6].map((r, i) => answer(`e${i}`, 1, 'c', r)),
    ],
    1,
    RAND,
    ['relevance']
  )

  test('relevant: the share rating 7–9; uncertain: 0.2; not relevant: 0; unrated: nothing', () => {
    expect(results.map((r) => [r.strategy, r.verdict, strengthOf(r)])).toEqual([
      ['a', 'relevant', 0.75],
      ['b', 'not-relevant', 0],
      ['c', 'uncertain', 0.2],
      ['d', 'no-ratings', null],
    ])
  })

  test('the links name the source, the method and the panel\u2019s figures; the rejected one says so', () => {
    const out = ratedLinks({ sourceId: 'expert-rating-x', name: 'Panel' }, results)
    expect(out.map((l) => l.strategy)).toEqual(['a', 'b', 'c'])
    expect(out[0]).toMatchObject({ source: 'expert-rating-x', method: 'expert-rating', basis: 'rated', strength: 0.75 })
    expect(out[0]?.rationale.en).toBe('The panel rated this strategy relevant for this determinant (median 7.5, IQR 2.25, 75% rated 7–9, n = 4).')
    expect(out[0]?.rationale.nl).toContain('mediaan 7,5')
    expect(out[1]?.rationale.nl).toMatch(/^Afgewezen/)
  })

  test('the source label, in both languages', () => {
    expect(studySourceLabel('Panel tijd', '2026-09-01', 1)).toEqual({
      en: 'expert rating, Panel tijd, 2026-09-01, 1 expert',
      nl: 'expertbeoordeling, Panel tijd, 2026-09-01, 1 expert',
    })
  })
})

describe('tidyCsv', () => {
  test('one row per pseudonym × link × round × question, ordered, pseudonyms only', () => {
    const csv = tidyCsv(
      [{ ...answer('id-b', 1, 'a', 8, 'ja'), feasibility: 3 }, answer('id-a', 2, 'a', 7), answer('id-a', 1, 'a', 6)],
      new Map([
        ['id-a', 'E01'],
        ['id-b', 'E02'],
      ]),
      ['relevance', 'feasibility']
    )
    expect(csv.split('\r\n')).toEqual([
      'expert,round,determinant,strategy,question,rating,comment',
      'E01,1,4,a,relevance,6,',
      'E01,1,4,a,feasibility,,',
      'E01,2,4,a,relevance,7,',
      'E01,2,4,a,feasibility,,',
      'E02,1,4,a,relevance,8,ja',
      'E02,1,4,a,feasibility,3,ja',
    ])
    expect(csv).not.toContain('id-')
  })
})

describe('pairsFromRows', () => {
  const row = (line: number, ...cells: string[]) => ({ line, cells })
  test('reads the determinant and strategy columns by name, skipping empty rows', () => {
    expect(pairsFromRows([row(1, 'Note', 'Strategy', 'Determinant'), row(2, 'x', 'audit-and-feedback', '4'), row(3, '', '', '')])).toEqual({
      ok: true,
      pairs: [{ determinant: '4', strategy: 'audit-and-feedback' }],
    })
  })
  test('names the line of a problem', () => {
    expect(pairsFromRows([row(1, 'midi', 'wat')])).toEqual({ ok: false, line: 1, problem: 'no-columns' })
    expect(pairsFromRows([row(1, 'midi', 'strategy'), row(2, '4', '')])).toEqual({ ok: false, line: 2, problem: 'empty-cell' })
    const many = Array.from({ length: 301 }, (_, i) => row(i + 2, '4', 'x'))
    expect(pairsFromRows([row(1, 'determinant', 'strategy'), ...many])).toEqual({ ok: false, line: 302, problem: 'too-many' })
  })
})

describe('selectLinks', () => {
  const kb: SelectionKb = {
    determinants: [
      { number: 4, code: 'complexity', name: { nl: 'Complexiteit', en: 'Complexity' } },
      { number: 23, code: 'time-available', name: { nl: 'Beschikbare tijd', en: 'Time available' } },
    ],
    strategies: [
      { id: 'a', name: { nl: 'Strategie A', en: 'Strategy A' } },
      { id: 'b', name: { nl: 'Strategie B', en: 'Strategy B' }, ericName: 'Audit and provide feedback' },
    ],
    sources: [
      { id: 'ed', tier: 'proposal' },
      { id: 'im', tier: 'published-method' },
    ],
    links: [
      { determinant: 23, strategy: 'b', source: 'ed', method: 'editorial-judgement' },
      { determinant: 4, strategy: 'a', source: 'ed', method: 'editorial-judgement' },
      { determinant: 4, strategy: 'a', source: 'im', method: 'im-method-match' },
      { determinant: 4, strategy: 'b', source: 'im', method: 'im-method-match' },
    ],
  }
  test.for([
    ['all links of a determinant, once each', { kind: 'determinants', determinants: [4] }, ['4|a', '4|b']],
    ['editorial links', { kind: 'editorial' }, ['4|a', '23|b']],
    ['editorial links of some determinants', { kind: 'editorial', determinants: [23] }, ['23|b']],
    ['links only one method gives', { kind: 'method', method: 'im-method-match' }, ['4|b']],
    ['pairs by name, code and ERIC name, an unlinked one too', { kind: 'pairs', pairs: [{ determinant: 'time-available', strategy: 'Strategie A' }, { determinant: 'Complexity', strategy: 'audit and provide feedback' }] }, ['23|a', '4|b']],
  ] as const)('%s', ([, selection, expected]) => {
    const picked = selectLinks(selection, kb)
    expect(picked.ok && picked.links.map((l) => `${l.determinant}|${l.strategy}`)).toEqual(expected)
  })
  test('names each unknown name, and refuses a selection of nothing', () => {
    expect(selectLinks({ kind: 'pairs', pairs: [{ determinant: 99, strategy: 'z' }] }, kb)).toEqual({
      ok: false,
      issues: [
        { path: 'selection.pairs.0.determinant', message: 'no such determinant (a MIDI number 1–29, code or name)' },
        { path: 'selection.pairs.0.strategy', message: 'no such strategy (an id or a name)' },
      ],
    })
    expect(selectLinks({ kind: 'method', method: 'nothing' }, kb)).toEqual({ ok: false, issues: [{ path: 'selection', message: 'selects no links' }] })
  })
})
