import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../support/dialects.ts'

const t = await testStore()
afterAll(() => t.close())
const app = t.app()

const post = async (path: string, body: unknown, type = 'application/json') => {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as any }
}

/**
 * A team of ten teachers and a team leader: 3 teachers find the approach too complex (d04), 4
 * doubt they can deliver it (d16), and the team leader reports no time and no formal ratification.
 */
const team = [
  ...Array.from({ length: 10 }, (_, i) => ({
    respondent: `docent ${i + 1}`,
    answers: { d01: i < 1 ? 2 : i < 3 ? 3 : 4, d04: i < 3 ? 5 : 2, d16a: i < 4 ? 2 : 4, d16b: i < 4 ? 3 : 4, d17: 4 },
  })),
  { respondent: 'teamleider', role: 'key-informant', answers: { d23: 1, d25: 1, d19: 0 } },
]

describe('POST /api/score', () => {
  test('returns the profile with the contract fields', async () => {
    const { status, body } = await post('/api/score', { responses: team })
    expect(status).toBe(200)
    expect(body.respondents).toBe(11)
    expect(body.keyInformants).toBe(1)
    expect(body.determinants).toHaveLength(29)
    const complexity = body.determinants.find((d: any) => d.number === 4)
    expect(complexity).toMatchObject({ number: 4, group: 'innovation', n: 10, negativeShare: 0.3, positiveShare: 0.7, status: 'barrier' })
    expect(complexity.neutralShare).toBe(0)
    expect(complexity.mean).toBeCloseTo((3 * 1 + 7 * 4) / 10, 12)
    expect(body.determinants.find((d: any) => d.number === 1).status).toBe('neutral')
    expect(body.determinants.find((d: any) => d.number === 17).status).toBe('facilitator')
    expect(body.determinants.find((d: any) => d.number === 2).status).toBe('insufficient')
    expect(body.groups.map((g: any) => g.group)).toEqual(['innovation', 'user', 'organisation', 'context'])
  })

  test('lists barriers most severe first', async () => {
    const { body } = await post('/api/score', { responses: team })
    // 23 time: 1 of 1 negative (100%); 19 ratification: 100%; 16 self-efficacy: 4 of 10; 4 complexity: 3 of 10.
    expect(body.barriers).toEqual([19, 23, 16, 4])
  })

  test('applies the settings it is given', async () => {
    const { body } = await post('/api/score', { responses: team, settings: { barrierShare: 0.35 } })
    expect(body.barriers).toEqual([19, 23, 16])
    expect(body.settings).toEqual({ barrierShare: 0.35, facilitatorShare: 0.8, minAnswers: 1 })
  })

  test('answers 422 naming respondent and item for an answer that is not an option', async () => {
    const { status, body } = await post('/api/score', { responses: [{ answers: { d01: 4 } }, { respondent: 'Bo', answers: { d04: 6 } }] })
    expect(status).toBe(422)
    expect(body.error.issues).toEqual([
      { path: 'responses.1.answers.d04', message: "respondent 'Bo': 6 is not an option of item d04 (options: 1, 2, 3, 4, 5)" },
    ])
  })

  test('answers 422 for an unknown item', async () => {
    const { status, body } = await post('/api/score', { responses: [{ answers: { q7: 1 } }] })
    expect(status).toBe(422)
    expect(body.error.issues[0].path).toBe('responses.0.answers.q7')
  })

  test.for([
    [{}, 'responses'],
    [{ responses: [] }, 'responses'],
    [{ responses: [{ answers: { d01: 'vier' } }] }, 'responses.0.answers.d01'],
    [{ responses: [{ answers: { d01: 4 }, role: 'boss' }] }, 'responses.0.role'],
    [{ responses: [{ answers: { d01: 4 } }], settings: { barrierShare: 2 } }, 'settings.barrierShare'],
    [{ responses: [{ answers: { d01: 4 } }], extra: true }, ''],
  ] as const)('answers 400 for a malformed body %j naming %s', async ([body, path]) => {
    const res = await post('/api/score', body)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_request')
    if (path) expect(res.body.error.issues.map((i: any) => i.path)).toContain(path)
  })

  test('answers 400 for a body that is not JSON', async () => {
    const res = await post('/api/score', '{"responses": [')
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_json')
  })

  test('answers 415 for a body that is neither JSON nor CSV', async () => {
    const res = await post('/api/score', 'a=1', 'application/xml')
    expect(res.status).toBe(415)
  })

  test('accepts a CSV export with values or labels and scores it the same as JSON', async () => {
    const csv = [
      'respondent;role;d04;d23;StartDate',
      'a;;Helemaal mee eens;;2026-01-01',
      'b;;2;;2026-01-01',
      'c;;Disagree;;2026-01-01',
      'tl;key-informant;;Veel te weinig;2026-01-01',
    ].join('\n')
    const fromCsv = await post('/api/score?lang=en', csv, 'text/csv')
    expect(fromCsv.status).toBe(200)
    expect(fromCsv.body.ignoredColumns).toEqual(['StartDate'])
    const fromJson = await post('/api/score?lang=en', {
      responses: [
        { respondent: 'a', answers: { d04: 5 } },
        { respondent: 'b', answers: { d04: 2 } },
        { respondent: 'c', answers: { d04: 2 } },
        { respondent: 'tl', role: 'key-informant', answers: { d23: 1 } },
      ],
    })
    expect(fromCsv.body.determinants).toEqual(fromJson.body.determinants)
    expect(fromCsv.body.barriers).toEqual([23, 4])
  })

  test('counts "not yet applicable / don\'t know" as missing, from JSON and from a CSV in either language', async () => {
    const json = await post('/api/score', {
      responses: [{ answers: { d06: 9, d14: 9 } }, { answers: { d06: 9, d14: 2 } }, { answers: { d06: 4 } }],
    })
    expect(json.status).toBe(200)
    const of = (body: any, n: number) => body.determinants.find((d: any) => d.number === n)
    expect(of(json.body, 6)).toMatchObject({ n: 1, negativeShare: 0, status: 'facilitator' })
    expect(of(json.body, 14)).toMatchObject({ n: 1, negativeShare: 1, status: 'barrier' })
    const csv = [
      'd06;d14',
      'Nog niet van toepassing / weet ik niet;Not yet applicable / don\'t know',
      'Not yet applicable / don\'t know;Minder dan de helft',
      'Mee eens;',
    ].join('\n')
    const fromCsv = await post('/api/score', csv, 'text/csv')
    expect(fromCsv.status).toBe(200)
    expect(fromCsv.body.determinants).toEqual(json.body.determinants)
  })

  test('counts "Deels voldoende" on the sufficiency scale as a shortfall', async () => {
    const { body } = await post('/api/score', { responses: [{ role: 'key-informant', answers: { d23: 3 } }] })
    expect(body.determinants.find((d: any) => d.number === 23)).toMatchObject({ negativeShare: 1, status: 'barrier' })
  })

  test('rejects a CSV with a bad cell as a whole, naming line and column', async () => {
    const res = await post('/api/score', 'd01,d04\n4,2\n4,often\n', 'text/csv')
    expect(res.status).toBe(422)
    expect(res.body.error.issues).toEqual([{ path: 'csv.line3.d04', message: "'often' is not an answer option of item d04" }])
  })

  test('takes thresholds from the query string for JSON too, the body\'s winning', async () => {
    const body = { responses: [{ answers: { d04: 5 } }, { answers: { d04: 2 } }, { answers: { d04: 2 } }] }
    const status = async (query: string, settings?: object) =>
      (await post(`/api/score${query}`, { ...body, ...(settings ? { settings } : {}) })).body.determinants.find((d: any) => d.number === 4).status
    expect(await status('')).toBe('barrier')
    expect(await status('?barrierShare=0.5')).toBe('neutral')
    expect(await status('?barrierShare=0.5', { barrierShare: 0.3 })).toBe('barrier')
  })

  test('rejects a CSV with a quote never closed as a whole, naming the line, and scores nothing', async () => {
    const csv = 'respondent,d04\na,2\n"b,2\nc,5\nd,5\n'
    const res = await post('/api/score', csv, 'text/csv')
    expect(res.status).toBe(422)
    expect(res.body.error.issues).toEqual([
      { path: 'csv.line3', message: 'a quoted cell is not closed: its opening quote has no closing quote' },
    ])
  })

  test('reads a Windows-1252 CSV (Dutch Excel) without turning its letters into �', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('d04;Co'), 0xf6, ...new TextEncoder().encode('rdinator\n2;ja\n')])
    const res = await app.request('/api/score', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: bytes })
    expect(res.status).toBe(200)
    expect(((await res.json()) as any).ignoredColumns).toEqual(['Coördinator'])
  })

  test('refuses a CSV holding U+FFFD, text already lost, naming the line', async () => {
    const res = await post('/api/score', 'respondent,d04\nZo\uFFFD,2\n', 'text/csv')
    expect(res.status).toBe(422)
    expect(res.body.error.issues[0].path).toBe('csv.line2')
  })

  test('stops reading a CSV at the respondent limit with a 400 that names it', async () => {
    const res = await post('/api/score', `d04\n${'2\n'.repeat(2001)}`, 'text/csv')
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/more than 2000 respondents/)
    expect(res.body.error.issues).toEqual([{ path: 'csv.line2002', message: expect.stringMatching(/2000/) }])
  })

  test('stops reading a CSV with more columns than the items and a bounded number of others', async () => {
    const res = await post('/api/score', `d04${',x'.repeat(5000)}\n2\n`, 'text/csv')
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/more than \d+ columns/)
  })

  test('reads the CSV settings from the query string', async () => {
    const ok = await post('/api/score?barrierShare=0.5', 'd04\n5\n2\n2\n', 'text/csv')
    expect(ok.body.determinants.find((d: any) => d.number === 4).status).toBe('neutral')
    const bad = await post('/api/score?barrierShare=zero', 'd04\n5\n', 'text/csv')
    expect(bad.status).toBe(400)
    expect(bad.body.error.issues[0].path).toBe('barrierShare')
  })
})

describe('POST /api/recommendations', () => {
  test('ranks strategies for the barriers of scored responses, each explained', async () => {
    const { status, body } = await post('/api/recommendations?lang=en', { responses: team, limit: 10 })
    expect(status).toBe(200)
    expect(body.mode).toBe('ranked')
    expect(body.barriers.map((b: any) => b.determinant)).toEqual([19, 23, 16, 4])
    expect(body.strategies).toHaveLength(10)
    // The team is divided on a barrier: the agreement-building strategies come first, saying so.
    const profile = (await post('/api/score', { responses: team })).body
    const polarised = profile.determinants.filter((d: any) => d.polarised && d.status === 'barrier').map((d: any) => d.number)
    expect(polarised.length).toBeGreaterThan(0)
    const divided = body.strategies.filter((s: any) => s.disagreement)
    expect(divided.map((s: any) => s.id).sort()).toEqual(['capture-share-local-knowledge', 'local-consensus-discussions'])
    expect(body.strategies.slice(0, 2)).toEqual(divided)
    for (const s of divided) {
      expect([...s.disagreement].sort()).toEqual([...polarised].sort())
      expect(s.why).toMatch(/^The team disagrees on /)
    }
    const rest = body.strategies.slice(2)
    // The best single contribution orders first; among equal ones, the fit over all links.
    const best = rest.map((s: any) => s.best)
    expect(best).toEqual([...best].sort((a: number, b: number) => b - a))
    for (let i = 1; i < rest.length; i++) {
      const [a, b] = [rest[i - 1], rest[i]]
      if (a.best === b.best && !a.addresses.some((x: any) => x.label === 'essential')) expect(a.score).toBeGreaterThanOrEqual(b.score)
    }
    for (const s of rest) {
      expect(s).toMatchObject({ id: expect.any(String), name: expect.any(String), score: expect.any(Number), why: expect.any(String) })
      expect(s.addresses.length).toBeGreaterThan(0)
      const contributions = s.addresses.map((a: any) => a.severity * a.counted).sort((a: number, b: number) => b - a)
      const fit = contributions.reduce((sum: number, c: number, i: number) => sum + c / 2 ** i, 0)
      expect(s.score).toBeCloseTo(fit, 9)
      expect(s.best).toBeCloseTo(contributions[0], 9)
      for (const a of s.addresses) {
        expect([19, 23, 16, 4]).toContain(a.determinant)
        expect(a).toMatchObject({ determinant: expect.any(Number), severity: expect.any(Number), strength: expect.any(Number) })
      }
      expect(s.why).toMatch(/^(Essential for|Supports work on) /)
      expect(s.why).toContain(s.addresses[0].name)
    }
  })

  test('gives the same ranking from a profile as from the responses behind it', async () => {
    const profile = (await post('/api/score', { responses: team })).body
    const a = await post('/api/recommendations', { profile, limit: 15 })
    const b = await post('/api/recommendations', { responses: team, limit: 15 })
    expect(a.body).toEqual(b.body)
    // The web app sends only what the engine reads of a profile; the answer is the same.
    const trimmed = {
      barriers: profile.barriers,
      determinants: profile.determinants.map(({ number, negativeShare, status, polarised }: any) => ({ number, negativeShare, status, polarised })),
    }
    expect(JSON.stringify(trimmed).length).toBeLessThan(JSON.stringify(profile).length / 3)
    expect((await post('/api/recommendations', { profile: trimmed, limit: 15 })).body).toEqual(b.body)
    expect((await post('/api/coverage', { profile: trimmed, strategies: ['champions'] })).body).toEqual(
      (await post('/api/coverage', { responses: team, strategies: ['champions'] })).body
    )
  })

  test('says what the severities mean: measured shares, given weights, or none', async () => {
    expect((await post('/api/recommendations', { responses: team, limit: 1 })).body.severityKind).toBe('share-negative')
    const given = (await post('/api/recommendations', { barriers: [{ determinant: 23, severity: 0.67 }], limit: 1 })).body
    expect(given.severityKind).toBe('given')
    expect(given.strategies[0].why).not.toMatch(/%/)
    expect((await post('/api/coverage', { barriers: [23], strategies: ['champions'] })).body.severityKind).toBe('none')
  })

  test("lists a barrier named without a severity beside given ones as unknown, weighing the middle", async () => {
    const barriers = [{ determinant: 16, severity: 1 }, { determinant: 23 }]
    const ranked = (await post('/api/recommendations', { barriers, limit: 3 })).body
    expect(ranked.severityKind).toBe('given')
    expect(ranked.severityUnknown).toEqual([23])
    expect(ranked.barriers).toEqual([
      { determinant: 16, name: expect.any(String), severity: 1 },
      { determinant: 23, name: 'Tijd', severity: 0.5 },
    ])
    const covered = (await post('/api/coverage', { barriers, strategies: ['champions'] })).body
    expect(covered.severityUnknown).toEqual([23])
    // Without any severity there is nothing unknown to point out: all weigh 1.
    expect((await post('/api/recommendations', { barriers: [16, 23], limit: 1 })).body.severityUnknown).toBeUndefined()
  })

  test('accepts bare barrier numbers and explains without percentages', async () => {
    const { body } = await post('/api/recommendations', { barriers: [23, 25], limit: 3 })
    expect(body.barriers).toEqual([
      { determinant: 23, name: 'Tijd', severity: 1 },
      { determinant: 25, name: 'Coördinator', severity: 1 },
    ])
    expect(body.strategies[0].why).not.toMatch(/%/)
    expect(body.strategies[0].why).toMatch(/^(Essentieel voor|Ondersteunt) /)
  })

  test('keeps only strategies that fit the plan', async () => {
    const plan = { phase: 'preparation', actors: ['teachers', 'implementation-team'], maxEffort: 'medium', exclude: ['champions'] }
    const { body } = await post('/api/recommendations', { barriers: [16, 17, 14, 15], plan })
    expect(body.strategies.length).toBeGreaterThan(0)
    for (const s of body.strategies) {
      expect(s.phases).toContain('preparation')
      expect(s.actors.some((a: string) => plan.actors.includes(a))).toBe(true)
      expect(['low', 'medium']).toContain(s.effort)
      expect(s.id).not.toBe('champions')
    }
  })

  test('covers at least as many barriers in bundle mode as the ranked list of the same size', async () => {
    const barriers = [4, 16, 19, 23, 25, 29].map((determinant) => ({ determinant, severity: 0.4 }))
    const bundle = (await post('/api/recommendations?lang=en', { barriers, mode: 'bundle', limit: 3 })).body
    const ranked = (await post('/api/recommendations', { barriers, limit: bundle.strategies.length })).body
    expect(bundle.mode).toBe('bundle')
    expect(bundle.strategies.length).toBeLessThanOrEqual(3)
    expect(barriers.length - bundle.uncovered.length).toBeGreaterThanOrEqual(barriers.length - ranked.uncovered.length)
    for (const s of bundle.strategies) expect(Array.isArray(s.covers)).toBe(true)
    expect(bundle.strategies[0].why).toMatch(/^Chosen because it (covers|is the first to reach) /)
  })

  test('restricts the evidence to the sources asked for', async () => {
    const { body } = await post('/api/recommendations', { barriers: [28], sources: ['waltz-2019-table1'] })
    expect(body.strategies[0].id).toBe('quality-monitoring-tools')
    expect(body.strategies[0].score).toBeCloseTo(0.6, 9)
    for (const s of body.strategies) {
      for (const a of s.addresses) expect(a.evidence.every((e: any) => e.source === 'waltz-2019-table1')).toBe(true)
    }
  })

  test('reports uncovered barriers plainly', async () => {
    const { body } = await post('/api/recommendations', { barriers: [23, 4], sources: ['dubbeldeman-2024'] })
    expect(body.strategies).toEqual([])
    expect(body.uncovered).toEqual([23, 4])
  })

  test.for([
    [{ barriers: [23], responses: team }, 'barriers'],
    [{}, 'barriers'],
    [{ barriers: [30] }, 'barriers.0'],
    [{ barriers: [23], mode: 'all' }, 'mode'],
    [{ barriers: [23], plan: { phase: 'later' } }, 'plan.phase'],
    [{ barriers: [23], limit: 0 }, 'limit'],
    [{ barriers: [{ determinant: 23, severity: 1.5 }] }, 'barriers.0.severity'],
  ] as const)('answers 400 for %j naming %s', async ([body, path]) => {
    const res = await post('/api/recommendations', body)
    expect(res.status).toBe(400)
    expect(res.body.error.issues.map((i: any) => i.path)).toContain(path)
  })

  test('answers 422 for unknown strategies and sources', async () => {
    const res = await post('/api/recommendations', { barriers: [23], plan: { exclude: ['champions', 'nope'] }, sources: ['tno'] })
    expect(res.status).toBe(422)
    expect(res.body.error.issues).toEqual([
      { path: 'plan.exclude.1', message: "unknown strategy 'nope'" },
      { path: 'sources.0', message: "unknown source 'tno'" },
    ])
  })

  test('answers 422 for invalid answers inside responses', async () => {
    const res = await post('/api/recommendations', { responses: [{ answers: { d01: 8 } }] })
    expect(res.status).toBe(422)
    expect(res.body.error.issues[0].path).toBe('responses.0.answers.d01')
  })

  // The strategy's own fields, as GET /strategies gives them; compact leaves all but the id out.
  const ownFields = ['name', 'description', 'example', 'cluster', 'clusterName', 'phases', 'actors', 'effort', 'origin', 'ericNumber', 'ericName', 'waltz', 'mechanismChanged', 'adaptationNote']
  const withoutOwn = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).filter(([k]) => !ownFields.includes(k)))

  test.for([
    ['ranked', { responses: team, limit: 10 }],
    ['bundle', { responses: team, mode: 'bundle', limit: 4 }],
    ['bundle of given barriers', { barriers: [4, 16, 19, 23], mode: 'bundle', limit: 3, plan: { maxEffort: 'medium' } }],
  ] as const)('view=compact (%s) gives the full answer without the strategies\' own fields', async ([, body]) => {
    const full = await post('/api/recommendations?lang=en', body)
    const compact = await post('/api/recommendations?view=compact&lang=en', body)
    expect(compact.status).toBe(200)
    expect(full.body.strategies.length).toBeGreaterThan(0)
    expect(compact.body).toEqual({ ...full.body, strategies: full.body.strategies.map(withoutOwn) })
    for (const s of compact.body.strategies) expect(Object.keys(s)).not.toContain('description')
    // Completed from the catalogue, it is the full answer again.
    const catalogue = new Map(
      ((await (await app.request('/api/strategies?lang=en')).json()) as any).strategies.map((s: any) => [s.id, s])
    )
    expect(compact.body.strategies.map((s: any) => ({ ...(catalogue.get(s.id) as object), ...s }))).toEqual(full.body.strategies)
  })

  test('the validated path (a content type the hot path leaves to zod) answers view=compact byte for byte alike', async () => {
    const body = JSON.stringify({ responses: team, limit: 5 })
    const send = (type: string) =>
      Promise.resolve(app.request('/api/recommendations?view=compact', { method: 'POST', headers: { 'content-type': type }, body })).then((r) => r.text())
    const hot = await send('application/json')
    expect(await send('application/json; profile=x')).toBe(hot)
    expect(JSON.parse(hot).strategies[0]).not.toHaveProperty('name')
  })

  test('order=feasibility keeps the strategies fit chose and puts the most feasible first, saying whose rating it is', async () => {
    const byFit = (await post('/api/recommendations?lang=en', { responses: team, limit: 8 })).body.strategies
    const [last, secondLast] = [byFit.at(-1).id, byFit.at(-2).id]
    const res = await post('/api/recommendations?lang=en', {
      responses: team,
      limit: 8,
      order: 'feasibility',
      feasibility: { [last]: 5, [secondLast]: 1 },
    })
    expect(res.status).toBe(200)
    const ordered = res.body.strategies
    expect(ordered.map((s: any) => s.id).sort()).toEqual(byFit.map((s: any) => s.id).sort())
    expect(ordered[0]).toMatchObject({ id: last, feasibility: { value: 5, source: 'team' } })
    const values = ordered.map((s: any) => s.feasibility?.value ?? 0)
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a))
    for (const s of ordered) {
      if (s.feasibility?.source === 'waltz-2015') expect(s.feasibility.value).toBe(s.waltz.feasibility)
      if (s.feasibility === null) expect(s.waltz?.feasibility === undefined || s.mechanismChanged).toBe(true)
    }
    // Without the order, no feasibility field: the default answer is unchanged.
    expect(byFit[0]).not.toHaveProperty('feasibility')
  })

  test.for([
    [{ barriers: [23], mode: 'bundle', order: 'feasibility' }, 400, 'order'],
    [{ barriers: [23], order: 'easiest' }, 400, 'order'],
    [{ barriers: [23], order: 'feasibility', feasibility: { champions: 6 } }, 400, 'feasibility.champions'],
    [{ barriers: [23], order: 'feasibility', feasibility: { nope: 3 } }, 422, 'feasibility.nope'],
  ] as const)('rejects %j with %i naming %s', async ([body, status, path]) => {
    const res = await post('/api/recommendations', body)
    expect(res.status).toBe(status)
    expect(res.body.error.issues.map((i: any) => i.path)).toContain(path)
  })

  test('answers 400 naming view for a view it does not have', async () => {
    const res = await post('/api/recommendations?view=short', { barriers: [23] })
    expect(res.status).toBe(400)
    expect(res.body.error.issues.map((i: any) => i.path)).toContain('view')
  })
})

describe('POST /api/coverage', () => {
  test('reports covered and uncovered barriers with suggestions for each gap', async () => {
    const { status, body } = await post('/api/coverage?lang=en', {
      barriers: [16, 17, 23, 29],
      strategies: ['dynamic-training', 'educational-meetings'],
    })
    expect(status).toBe(200)
    // Covered only through an essential link; these strategies reach 16 and 17, at least weakly.
    const reached = [...body.covered, ...body.weaklyCovered]
    expect(reached.map((c: any) => c.determinant)).toEqual(expect.arrayContaining([16, 17]))
    for (const c of reached) {
      expect(c.by.length).toBeGreaterThan(0)
      expect(c.by.every((id: string) => ['dynamic-training', 'educational-meetings'].includes(id))).toBe(true)
      expect(c.weak).toBe(body.weaklyCovered.includes(c))
    }
    expect(body.uncovered).toEqual(expect.arrayContaining([23, 29]))
    expect(body.gaps).toEqual([16, 17, 23, 29].filter((d) => !body.covered.some((c: any) => c.determinant === d)))
    expect(body.suggestions.map((s: any) => s.determinant)).toEqual(body.gaps)
    for (const s of body.suggestions) {
      if (body.uncovered.includes(s.determinant)) expect(s.strategies.length).toBeGreaterThan(0)
      expect(s.strategies.length).toBeLessThanOrEqual(3)
      expect(s.strategies.some((x: any) => ['dynamic-training', 'educational-meetings'].includes(x.id))).toBe(false)
    }
    const closed = new Set(body.additions.flatMap((a: any) => [...a.covers, ...a.weaklyCovers]))
    expect(body.uncovered.every((d: number) => closed.has(d))).toBe(true)
  })

  test('answers 422 for an unknown strategy and 400 without strategies', async () => {
    const unknown = await post('/api/coverage', { barriers: [16], strategies: ['made-up'] })
    expect(unknown.status).toBe(422)
    expect(unknown.body.error.issues[0].path).toBe('strategies.0')
    const missing = await post('/api/coverage', { barriers: [16] })
    expect(missing.status).toBe(400)
    expect(missing.body.error.issues[0].path).toBe('strategies')
  })
})
