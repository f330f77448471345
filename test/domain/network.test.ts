import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  changedMembers,
  SHOWN_HISTORY,
  showRound,
  type ShownRound,
  networkHandout,
  networkLearning,
  networkOverview,
  networkWorkbook,
  type DeterminantCounts,
  type FileLabels,
  type NetworkInput,
  type OverviewFilter,
  type RoundAggregate,
  type SchoolInput,
} from '../../server/domain/network.ts'
import { GROUPS, type Group } from '../../server/domain/vocabulary.ts'

const groupOf = (d: number): Group => (d <= 7 ? 'innovation' : d <= 18 ? 'user' : d <= 25 ? 'organisation' : 'context')

/** A round of n respondents where determinant d has `negative` and `positive` of them. */
function round(label: string, position: number, n: number, cells: Record<number, [negative: number, positive: number, cellN?: number]>, plan: RoundAggregate['plan'] = []): RoundAggregate {
  return {
    label,
    position,
    n,
    determinants: Object.entries(cells).map(([d, [negative, positive, cellN]]) => ({ number: Number(d), group: groupOf(Number(d)), n: cellN ?? n, negative, positive })),
    plan,
  }
}

const school = (workspace: string, ...rounds: RoundAggregate[]): SchoolInput => ({ workspace, name: `School ${workspace}`, rounds })
const net = (id: string, schools: SchoolInput[], children: NetworkInput[] = [], minGroupSize = 5): NetworkInput => ({ id, name: `Network ${id}`, minGroupSize, schools, children })

describe('networkOverview', () => {
  test('shows a school of 8 and suppresses a school of 3: no shares, no status, no change', () => {
    const o = networkOverview(
      net('n', [
        school('small', round('Nulmeting', 1, 3, { 4: [3, 0] }), round('Meting 2', 2, 3, { 4: [0, 3] })),
        school('big', round('Nulmeting', 1, 8, { 4: [4, 2], 16: [1, 6] }), round('Meting 2', 2, 8, { 4: [1, 6], 16: [1, 7] })),
      ])
    )
    const [small, big] = o.schools
    expect(small).toEqual({ workspace: 'small', name: 'School small', round: 'Meting 2', n: 3, suppressed: true, strategies: [] })
    expect(big?.suppressed).toBe(false)
    expect(big?.determinants).toEqual([
      { number: 4, negativeShare: 0.125, positiveShare: 0.75, status: 'neutral' },
      { number: 16, negativeShare: 0.125, positiveShare: 0.875, status: 'facilitator' },
    ])
    expect(big?.change).toEqual({
      from: 'Nulmeting',
      determinants: [
        { number: 4, change: 'no-longer-barrier', negativeDelta: -0.375 },
        { number: 16, change: 'unchanged', negativeDelta: 0 },
      ],
    })
    // The total holds the shown school only.
    expect(o.total).toEqual({ rows: 1, n: 8, determinants: big?.determinants })
  })

  test('the round filter picks each school\u2019s round of that label; a school without one is suppressed with n 0', () => {
    const o = networkOverview(
      net('n', [school('a', round('Nulmeting', 1, 6, { 4: [3, 0] }), round('Meting 2', 2, 6, { 4: [0, 6] })), school('b', round('Meting 2', 1, 5, { 4: [5, 0] }))]),
      { round: ' nulmeting ' }
    )
    expect(o.schools.map((s) => [s.round, s.n, s.suppressed])).toEqual([
      ['Nulmeting', 6, false],
      [null, 0, true],
    ])
    expect(o.schools[0]?.change).toBeUndefined()
    expect(o.rounds).toEqual(['Nulmeting', 'Meting 2'])
  })

  test('a determinant answered by fewer than the minimum (one key informant) is suppressed within a shown school', () => {
    const o = networkOverview(net('n', [school('a', round('R', 1, 10, { 4: [5, 5], 20: [1, 0, 1] }))]))
    expect(o.schools[0]?.determinants).toEqual([
      { number: 4, negativeShare: 0.5, positiveShare: 0.5, status: 'barrier' },
      { number: 20, negativeShare: null, positiveShare: null, status: 'suppressed' },
    ])
    expect(o.total?.determinants.map((c) => c.number)).toEqual([4])
  })

  test('the group filter keeps the determinants of one MIDI group', () => {
    const o = networkOverview(net('n', [school('a', round('R', 1, 6, { 4: [3, 0], 10: [0, 6] }))]), { group: 'user' })
    expect(o.schools[0]?.determinants?.map((c) => c.number)).toEqual([10])
    expect(o.group).toBe('user')
  })

  test('shared barriers count the shown rows with the determinant as a barrier, most shared first', () => {
    const o = networkOverview(
      net('n', [
        school('a', round('R', 1, 5, { 4: [2, 0], 16: [0, 5] })),
        school('b', round('R', 1, 5, { 4: [0, 0], 16: [3, 0] })),
        school('c', round('R', 1, 5, { 4: [0, 5], 16: [5, 0] })),
        school('d', round('R', 1, 4, { 4: [4, 0], 16: [4, 0] })),
      ])
    )
    expect(o.sharedBarriers).toEqual([
      { number: 16, barrier: 2, of: 3 },
      { number: 4, barrier: 1, of: 3 },
    ])
  })

  test('an inner network is one pooled row of its shown schools; a pool under the minimum is suppressed', () => {
    const inner = net('inner', [school('i1', round('R', 1, 5, { 4: [5, 0] })), school('i2', round('R', 1, 6, { 4: [0, 6] })), school('i3', round('R', 1, 4, { 4: [4, 0] }))])
    const tiny = net('tiny', [school('t1', round('R', 1, 4, { 4: [4, 0] }))], [], 3)
    const o = networkOverview(net('outer', [school('o1', round('R', 1, 5, { 4: [0, 5] }))], [inner, tiny]))
    expect(o.networks).toEqual([
      { network: 'inner', name: 'Network inner', schools: 2, n: 11, suppressed: false, determinants: [{ number: 4, negativeShare: 0.4545, positiveShare: 0.5455, status: 'barrier' }] },
      // Shown in its own network (minimum 3) but under the outer minimum of 5: never added.
      { network: 'tiny', name: 'Network tiny', schools: 0, n: 0, suppressed: true },
    ])
    expect(JSON.stringify(o)).not.toMatch(/i1|i2|i3|t1/)
    expect(o.total).toMatchObject({ rows: 2, n: 16 })
  })

  test('a school in both the outer and an inner network is counted once', () => {
    const both = school('both', round('R', 1, 5, { 4: [5, 0] }))
    const o = networkOverview(net('outer', [both], [net('inner', [both, school('x', round('R', 1, 5, { 4: [0, 5] }))])]))
    expect(o.networks[0]).toMatchObject({ schools: 1, n: 5 })
    expect(o.total).toMatchObject({ rows: 2, n: 10 })
  })
})

describe('networkLearning', () => {
  test('lists the schools running a strategy with the change of its barriers, and tallies shown changes only', () => {
    const plan = [{ strategy: 'educational-meetings', status: 'running' as const, barriers: [4] }]
    const network = net('n', [
      school('a', round('R1', 1, 5, { 4: [3, 0], 16: [0, 5] }), round('R2', 2, 5, { 4: [0, 5], 16: [0, 5] }, plan)),
      school('b', round('R1', 1, 3, { 4: [3, 0] }), round('R2', 2, 3, { 4: [0, 3] }, plan)),
      school('c', round('R2', 1, 5, { 4: [5, 0] }, [{ strategy: 'audit-feedback', status: 'planned', barriers: [4] }])),
    ])
    const o = networkOverview(network)
    const learned = networkLearning(network, o, () => new Set([16]))
    expect(learned).toEqual([
      {
        strategy: 'educational-meetings',
        schools: [
          { workspace: 'a', name: 'School a', status: 'running', suppressed: false, changes: [{ number: 4, change: 'no-longer-barrier', negativeDelta: -0.6 }, { number: 16, change: 'unchanged', negativeDelta: 0 }] },
          { workspace: 'b', name: 'School b', status: 'running', suppressed: true },
        ],
        networks: [],
        determinants: [
          { number: 4, improved: 1, worsened: 0, unchanged: 0 },
          { number: 16, improved: 0, worsened: 0, unchanged: 1 },
        ],
      },
    ])
  })
})

describe('files', () => {
  const labels: FileLabels = { school: 'School', network: 'Network', total: 'Total', n: 'n', tooFew: 'too few answers to show', determinant: (d) => `D${d}` }

  test('the workbook has a sheet per round and writes "too few answers" instead of numbers', () => {
    const network = net('n', [school('a', round('Nulmeting', 1, 5, { 4: [1, 4] })), school('b', round('Nulmeting', 1, 2, { 4: [2, 0] }))])
    const sheets = networkWorkbook([networkOverview(network, { round: 'Nulmeting' })], labels)
    expect(sheets).toEqual([
      {
        name: 'Nulmeting',
        rows: [
          ['School', 'n', 'D4'],
          ['School a', 5, 0.2],
          ['School b', 2, 'too few answers to show'],
          ['Total', 5, 0.2],
        ],
      },
    ])
  })

  test('the handout lists each row\u2019s barriers, highest share first', () => {
    const network = net('n', [school('a', round('R', 1, 5, { 4: [1, 4], 16: [3, 0] }))])
    const h = networkHandout(networkOverview(network), [])
    expect(h.rows[0]?.barriers).toEqual([
      { number: 16, negativeShare: 0.6 },
      { number: 4, negativeShare: 0.2 },
    ])
  })
})

// ── Properties ────────────────────────────────────────────────────────────────────────────

const DETERMINANTS = [1, 4, 10, 16, 20, 23, 27]
const LABELS = ['Nulmeting', 'Meting 2', 'Meting 3']
const STRATEGIES = ['educational-meetings', 'audit-feedback', 'champions']

const arbCell = (roundN: number, d: number) =>
  fc.record({ keyInformant: fc.boolean(), a: fc.nat(), b: fc.nat(), skip: fc.nat({ max: 2 }) }).map(({ keyInformant, a, b, skip }): DeterminantCounts => {
    const n = keyInformant ? Math.min(roundN, 1 + skip) : Math.max(0, roundN - skip)
    const negative = n === 0 ? 0 : a % (n + 1)
    const positive = n - negative === 0 ? 0 : b % (n - negative + 1)
    return { number: d, group: groupOf(d), n, negative, positive }
  })

const arbRound = (position: number) =>
  fc.integer({ min: 0, max: 12 }).chain((n) =>
    fc.record({
      label: fc.constantFrom(...LABELS),
      position: fc.constant(position),
      n: fc.constant(n),
      determinants: fc.tuple(...DETERMINANTS.map((d) => arbCell(n, d))),
      plan: fc.uniqueArray(
        fc.record({ strategy: fc.constantFrom(...STRATEGIES), status: fc.constantFrom('planned', 'running', 'done', 'stopped' as const), barriers: fc.subarray(DETERMINANTS) }),
        { selector: (e) => e.strategy, maxLength: 3 }
      ),
    })
  )

let schoolCounter = 0
const arbSchool = (prefix: string) =>
  fc.integer({ min: 0, max: 3 }).chain((rounds) =>
    fc.tuple(...Array.from({ length: rounds }, (_, i) => arbRound(i + 1))).map((rs): SchoolInput => {
      const id = `${prefix}-school-${++schoolCounter}`
      return { workspace: id, name: `name-of-${id}`, rounds: rs }
    })
  )

const arbNetwork = (prefix: string, depth: number): fc.Arbitrary<NetworkInput> =>
  fc
    .record({
      minGroupSize: fc.integer({ min: 3, max: 8 }),
      schools: fc.array(arbSchool(prefix), { maxLength: 4 }),
      children: fc.integer({ min: 0, max: depth >= 3 ? 0 : 2 }),
    })
    .chain(({ minGroupSize, schools, children }) =>
      fc
        .tuple(...Array.from({ length: children }, (_, i) => arbNetwork(`${prefix}.${i}`, depth + 1)))
        .map((kids): NetworkInput => ({ id: `net-${prefix}`, name: `net-${prefix}`, minGroupSize, schools, children: kids }))
    )

const arbFilter: fc.Arbitrary<OverviewFilter> = fc.record(
  { round: fc.constantFrom(...LABELS, ' meting 2 ', 'Onbekend'), group: fc.constantFrom(...GROUPS) },
  { requiredKeys: [] }
)

const fileLabels: FileLabels = { school: 's', network: 'n', total: 't', n: 'n', tooFew: 'x', determinant: (d) => `d${d}` }

/** Everything the network shows for a filter: the overview, what was learned, the files. */
function everything(network: NetworkInput, filter: OverviewFilter) {
  const overview = networkOverview(network, filter)
  const learned = networkLearning(network, overview, (s) => new Set(s === 'champions' ? [16] : []))
  return { overview, learned, workbook: networkWorkbook([overview], fileLabels), handout: networkHandout(overview, learned) }
}

/**
 * The network with every group that must stay hidden given other answers (same n, other
 * counts): a round of a school under its own network's minimum, a determinant of a round
 * under that minimum, and, for the rounds of inner networks' schools, under the largest
 * minimum on the way up (an outer network never adds what an inner one would not show).
 */
function scrambleHidden(network: NetworkInput, seed: number, floor = 0): NetworkInput {
  const min = Math.max(floor, network.minGroupSize)
  const flip = (c: DeterminantCounts): DeterminantCounts => {
    const negative = c.n === 0 ? 0 : (c.negative + seed) % (c.n + 1)
    return { ...c, negative, positive: c.n - negative }
  }
  return {
    ...network,
    schools: network.schools.map((s) => ({
      ...s,
      rounds: s.rounds.map((r) => ({ ...r, determinants: r.determinants.map((c) => (r.n < min || c.n < min ? flip(c) : c)) })),
    })),
    children: network.children.map((c) => scrambleHidden(c, seed, min)),
  }
}

const innerNames = (network: NetworkInput): string[] =>
  network.children.flatMap((c) => [...c.schools.map((s) => s.name), ...c.schools.map((s) => s.workspace), ...innerNames(c)])

describe('the suppression rule, as properties', () => {
  test('nothing shown depends on a group under the minimum: other answers there change no output', () => {
    fc.assert(
      fc.property(arbNetwork('r', 1), arbFilter, fc.integer({ min: 1, max: 7 }), (network, filter, seed) => {
        expect(everything(scrambleHidden(network, seed), filter)).toEqual(everything(network, filter))
      }),
      { numRuns: 300 }
    )
  })

  test('a suppressed school shows its n and plan only, and every total is the sum of the rows shown', () => {
    fc.assert(
      fc.property(arbNetwork('s', 1), arbFilter, (network, filter) => {
        const { overview } = everything(network, filter)
        const min = overview.network.minGroupSize
        for (const s of overview.schools) {
          if (s.n < min) expect(s.suppressed).toBe(true)
          if (s.suppressed) expect(Object.keys(s).sort()).toEqual(['n', 'name', 'round', 'strategies', 'suppressed', 'workspace'])
        }
        for (const p of overview.networks) if (p.suppressed) expect(p.determinants).toBeUndefined()
        const shown = [...overview.schools, ...overview.networks].filter((r) => !r.suppressed)
        expect(overview.total?.n ?? 0).toBe(shown.reduce((sum, r) => sum + r.n, 0))
        expect(overview.total?.rows ?? 0).toBe(shown.length)
      }),
      { numRuns: 300 }
    )
  })

  test('an outer network never names an inner network\u2019s school', () => {
    fc.assert(
      fc.property(arbNetwork('t', 1), arbFilter, (network, filter) => {
        const direct = new Set(network.schools.map((s) => s.workspace))
        const text = JSON.stringify(everything(network, filter))
        for (const name of innerNames(network)) {
          if (direct.has(name) || direct.has(name.replace(/^name-of-/, ''))) continue
          expect(text).not.toContain(`"${name}"`)
        }
      }),
      { numRuns: 200 }
    )
  })
})

describe('showRound: what a network is shown as answers come and go', () => {
  type Answer = { id: string; cells: readonly (-1 | 0 | 1 | null)[] }
  const CELLS = 3
  /** The round now: per cell the answers that count there (null: "don't know" or not asked). */
  function live(answers: readonly Answer[]): ShownRound {
    return {
      n: answers.length,
      submissions: answers.map((a) => a.id),
      cells: Array.from({ length: CELLS }, (_, k) => {
        const counted = answers.filter((a) => a.cells[k] !== null)
        return {
          number: k + 1,
          group: 'innovation' as const,
          n: counted.length,
          negative: counted.filter((a) => a.cells[k] === -1).length,
          positive: counted.filter((a) => a.cells[k] === 1).length,
          contributors: counted.map((a) => a.id),
        }
      }),
    }
  }
  const Op = fc.oneof(
    fc.record({ add: fc.array(fc.constantFrom(-1 as const, 0 as const, 1 as const, null), { minLength: CELLS, maxLength: CELLS }) }),
    fc.record({ remove: fc.nat() }),
    fc.constant({ look: true as const })
  )

  test('any two looks at a figure show it from the same people, or from sets at least the minimum apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 5 }), fc.integer({ min: 0, max: 8 }), fc.array(Op, { maxLength: 22 }), (min, start, ops) => {
        let answers: Answer[] = Array.from({ length: start }, (_, i) => ({ id: `s${i}`, cells: [1, -1, i % 2 ? null : 0] }))
        let next = start
        let history: readonly ShownRound[] = []
        const looks: ShownRound[] = []
        const look = () => {
          const r = showRound(history, live(answers), min)
          history = r.history
          looks.push(r.shown)
        }
        look()
        for (const op of ops) {
          if ('add' in op) answers = [...answers, { id: `s${next++}`, cells: op.add }]
          else if ('remove' in op) answers = answers.filter((_, i) => i !== op.remove % Math.max(1, answers.length))
          else look()
        }
        look()
        const distinct = new Set(looks.map((l) => JSON.stringify(l))).size
        fc.pre(distinct <= SHOWN_HISTORY)
        for (const a of looks) {
          for (const b of looks) {
            if (a.n >= min && b.n >= min) {
              const d = changedMembers(a.submissions, b.submissions)
              expect(d === 0 || d >= min).toBe(true)
            }
            for (let k = 0; k < CELLS; k++) {
              const x = a.cells[k]!
              const y = b.cells[k]!
              if (x.n < min || y.n < min) continue
              const d = changedMembers(x.contributors, y.contributors)
              expect(d === 0 || d >= min, `cell ${k + 1}: ${x.contributors} vs ${y.contributors}`).toBe(true)
              if (d === 0) expect([y.negative, y.positive]).toEqual([x.negative, x.positive])
            }
          }
        }
      }),
      { numRuns: 400 }
    )
  })

  test('what is shown is always the round as it was at some moment, never made up', () => {
    const answers: Answer[] = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, cells: [-1, 1, 0] }))
    const first = showRound([], live(answers), 5)
    expect(first.shown).toEqual(live(answers))
    const more = [...answers, { id: 'x', cells: [1, 1, 1] as const }]
    const second = showRound(first.history, live(more), 5)
    expect(second).toMatchObject({ heldBack: 1, changed: false })
    expect(second.shown).toEqual(live(answers))
  })

  test('answers arriving in groups of the minimum show at once, so a growing round is never stuck', () => {
    let answers: Answer[] = []
    let history: readonly ShownRound[] = []
    for (let batch = 1; batch <= 4; batch++) {
      answers = [...answers, ...Array.from({ length: 5 }, (_, i) => ({ id: `b${batch}-${i}`, cells: [-1, 1, null] as const }))]
      const r = showRound(history, live(answers), 5)
      history = r.history
      expect(r.shown.n).toBe(answers.length)
      expect(r.heldBack).toBe(0)
      expect(r.shown.cells[0]!.n).toBe(answers.length)
    }
  })

  test('a round that was too small when looked at is compared with nothing: the fifth answer shows', () => {
    const four: Answer[] = Array.from({ length: 4 }, (_, i) => ({ id: `s${i}`, cells: [-1, 1, 0] }))
    const first = showRound([], live(four), 5)
    const five = [...four, { id: 's4', cells: [1, 1, 1] as const }]
    const second = showRound(first.history, live(five), 5)
    expect(second.shown.n).toBe(5)
    expect(second.heldBack).toBe(0)
  })

  test('five added, four of them deleted and one more added: still held back against the first look', () => {
    const base: Answer[] = Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, cells: [-1, -1, -1] }))
    const added: Answer[] = Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, cells: [1, 1, 1] }))
    const one = showRound([], live(base), 5)
    const two = showRound(one.history, live([...base, ...added]), 5)
    expect(two.shown.n).toBe(10)
    const three = showRound(two.history, live([...base, added[0]!, { id: 'c', cells: [1, 1, 1] }]), 5)
    // Against the first look only b0 and c differ: two people, so the second look stays.
    expect(three.shown.n).toBe(10)
  })
})
