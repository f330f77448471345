import { afterAll, describe, expect, test } from 'vitest'
import { testStore } from '../support/dialects.ts'

const t = await testStore()
afterAll(() => t.close())
const app = t.app()
const get = async (path: string) => {
  const res = await app.request(path)
  return { status: res.status, body: (await res.json()) as any }
}

describe('GET /api/health', () => {
  test('reports the counts of the loaded knowledge base', async () => {
    const { status, body } = await get('/api/health')
    expect(status).toBe(200)
    expect(body.status).toBe('ok')
    expect(body.counts.determinants).toBe(29)
    expect(body.counts.strategies).toBeGreaterThanOrEqual(100)
    expect(body.counts.links).toBeGreaterThan(body.counts.strategies)
    expect(body.kbHash).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('GET /api/determinants', () => {
  test('returns the 29 determinants in MIDI order with 7/11/10/1 per group', async () => {
    const { body } = await get('/api/determinants')
    expect(body.determinants.map((d: any) => d.number)).toEqual([...Array(29).keys()].map((i) => i + 1))
    const perGroup = (g: string) => body.determinants.filter((d: any) => d.group === g).length
    expect([perGroup('innovation'), perGroup('user'), perGroup('organisation'), perGroup('context')]).toEqual([7, 11, 10, 1])
    for (const d of body.determinants) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['number', 'code', 'group', 'name', 'definition', 'respondent', 'items']))
      expect(d.items.length).toBeGreaterThan(0)
      expect(d.respondent).toBe(d.number <= 18 ? 'user' : 'key-informant')
    }
  })

  test('speaks Dutch by default and English on request', async () => {
    const nl = (await get('/api/determinants')).body.determinants[22]
    const en = (await get('/api/determinants?lang=en')).body.determinants[22]
    expect(nl.name).toBe('Tijd')
    expect(en.name).toBe('Time available')
    expect(nl.definition).not.toBe(en.definition)
    expect(nl.items[0].text).not.toBe(en.items[0].text)
  })

  test('answers 400 naming lang for an unknown language', async () => {
    const { status, body } = await get('/api/determinants?lang=fr')
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.issues[0].path).toBe('lang')
  })
})

describe('GET /api/determinants/:number', () => {
  test('lists the linked strategies strongest first, each with id, name, strength and source', async () => {
    const { status, body } = await get('/api/determinants/25')
    expect(status).toBe(200)
    expect(body.number).toBe(25)
    expect(body.strategies.length).toBeGreaterThanOrEqual(3)
    const strengths = body.strategies.map((s: any) => s.strength)
    expect(strengths).toEqual([...strengths].sort((a: number, b: number) => b - a))
    for (const s of body.strategies) {
      expect(s).toMatchObject({ id: expect.any(String), name: expect.any(String), strength: expect.any(Number), source: expect.any(String) })
      expect(s.links.length).toBeGreaterThanOrEqual(1)
      expect(s.links[0].strength).toBe(s.strength)
      expect(s.links[0].source).toBe(s.source)
    }
  })

  test('shows where several methods agree on a pair', async () => {
    const { body } = await get('/api/determinants/16')
    const agreed = body.strategies.filter((s: any) => s.agreement > 1)
    expect(agreed.length).toBeGreaterThan(0)
    expect(new Set(agreed[0].links.map((l: any) => l.method)).size).toBe(agreed[0].agreement)
  })

  test.for(['/api/determinants/0', '/api/determinants/abc', '/api/determinants/1.5', '/api/determinants/-3', '/api/determinants/0x1d'])(
    'answers the malformed %s with 400 naming number',
    async (path) => {
      const res = await get(path)
      expect(res.status).toBe(400)
      expect(res.body.error.issues[0].path).toBe('number')
    }
  )

  test.for(['/api/determinants/30', '/api/determinants/999999999'])('answers %s, which names no determinant, with 404', async (path) => {
    const res = await get(path)
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })
})

describe('GET /api/strategies', () => {
  test('lists every strategy with the contract fields', async () => {
    const { body } = await get('/api/strategies')
    expect(body.strategies.length).toBeGreaterThanOrEqual(100)
    for (const s of body.strategies) {
      expect(s).toMatchObject({
        id: expect.any(String),
        name: expect.any(String),
        description: expect.any(String),
        cluster: expect.any(String),
        effort: expect.stringMatching(/^(low|medium|high)$/),
      })
      expect(s.phases.length).toBeGreaterThan(0)
      expect(s.actors.length).toBeGreaterThan(0)
    }
  })

  test('finds strategies by full-text search in Dutch, ignoring accents', async () => {
    const a = (await get('/api/strategies?q=co%C3%B6rdinator')).body.strategies.map((s: any) => s.id)
    const b = (await get('/api/strategies?q=coordinator')).body.strategies.map((s: any) => s.id)
    expect(a).toContain('succession-coordinator')
    expect(a).toEqual(b)
  })

  test('finds strategies by English words and by word prefixes', async () => {
    const ids = (await get('/api/strategies?q=hand-over&lang=en')).body.strategies.map((s: any) => s.id)
    expect(ids).toContain('warm-handover-vmbo-mbo')
    const prefix = (await get('/api/strategies?q=aanjag')).body.strategies.map((s: any) => s.id)
    expect(prefix).toContain('champions')
  })

  test('finds the strategies linked to a determinant whose name matches, after those that match themselves', async () => {
    const linked = (await get('/api/strategies?determinant=23')).body.strategies.map((s: any) => s.id)
    const found = (await get('/api/strategies?q=tijd')).body.strategies.map((s: any) => s.id)
    expect(linked.length).toBeGreaterThan(0)
    for (const id of linked) expect(found).toContain(id)
    // Case and accents make no difference, in either direction.
    expect((await get('/api/strategies?q=TIJD')).body.strategies.map((s: any) => s.id)).toEqual(found)
    const plain = (await get('/api/strategies?q=coordinatie')).body.strategies.map((s: any) => s.id)
    expect((await get('/api/strategies?q=co%C3%B6rdinatie')).body.strategies.map((s: any) => s.id)).toEqual(plain)
    // Strategies whose own text matches come first: a name hit is never pushed down by a linked one.
    const self = (await get('/api/strategies?q=taakuren')).body.strategies.map((s: any) => s.id)
    expect(self[0]).toBe('allocate-task-hours')
  })

  test('returns nothing for a search without matches', async () => {
    expect((await get('/api/strategies?q=xylofoonquiz')).body.strategies).toEqual([])
  })

  test.for([
    ['cluster=sustain', (s: any) => s.cluster === 'sustain'],
    ['phase=sustainment', (s: any) => s.phases.includes('sustainment')],
    ['actor=students', (s: any) => s.actors.includes('students')],
    ['effort=low', (s: any) => s.effort === 'low'],
  ] as const)('filters by %s', async ([query, holds]) => {
    const all = (await get('/api/strategies')).body.strategies
    const { body } = await get(`/api/strategies?${query}`)
    expect(body.strategies.length).toBeGreaterThan(0)
    expect(body.strategies.every(holds)).toBe(true)
    expect(body.strategies.length).toBe(all.filter(holds).length)
  })

  test('filters by determinant, strongest link first, and combines filters', async () => {
    const byDeterminant = (await get('/api/strategies?determinant=23')).body.strategies.map((s: any) => s.id)
    const linked = (await get('/api/determinants/23')).body.strategies.map((s: any) => s.id)
    expect(byDeterminant).toEqual(linked)
    const combined = (await get('/api/strategies?determinant=23&effort=low')).body.strategies
    expect(combined.length).toBeGreaterThan(0)
    expect(combined.every((s: any) => s.effort === 'low' && linked.includes(s.id))).toBe(true)
  })

  test.for([
    ['phase=someday', 'phase'],
    ['actor=parents', 'actor'],
    ['determinant=31', 'determinant'],
    ['cluster=nonexistent', 'cluster'],
    ['colour=red', ''],
  ] as const)('answers 400 for %s', async ([query, field]) => {
    const { status, body } = await get(`/api/strategies?${query}`)
    expect(status).toBe(400)
    if (field) expect(body.error.issues[0].path).toBe(field)
    else expect(body.error.message).toMatch(/colour/)
  })
})

describe('GET /api/strategies/:id', () => {
  test('returns the strategy with the determinants it addresses', async () => {
    const { status, body } = await get('/api/strategies/champions?lang=en')
    expect(status).toBe(200)
    expect(body.ericNumber).toBe(35)
    expect(body.determinants.length).toBeGreaterThan(0)
    for (const d of body.determinants) {
      expect(d).toMatchObject({ number: expect.any(Number), strength: expect.any(Number), source: expect.any(String) })
    }
    expect(body.example.length).toBeGreaterThan(20)
  })

  test('answers 404 with a clear message for an unknown id', async () => {
    const { status, body } = await get('/api/strategies/no-such-strategy')
    expect(status).toBe(404)
    expect(body.error).toEqual({ code: 'not_found', message: "No strategy 'no-such-strategy'" })
  })

  test('answers 400 for an id that cannot be a strategy id', async () => {
    expect((await get('/api/strategies/NOT_A_SLUG')).status).toBe(400)
  })
})

describe('GET /api/questionnaire', () => {
  test('returns the items in order with the contract fields', async () => {
    const { body } = await get('/api/questionnaire')
    expect(body.items.length).toBeGreaterThanOrEqual(29)
    const numbers = body.items.map((i: any) => i.determinant)
    expect(numbers).toEqual([...numbers].sort((a: number, b: number) => a - b))
    expect(new Set(numbers).size).toBe(29)
    for (const item of body.items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'determinant', 'text', 'respondent', 'reverse', 'options']))
      expect(['user', 'key-informant']).toContain(item.respondent)
      for (const o of item.options) expect(['negative', 'neutral', 'positive', 'missing']).toContain(o.valence)
    }
  })

  test('gives reverse-scored items valences that already account for the reversal', async () => {
    const { body } = await get('/api/questionnaire')
    const complexity = body.items.find((i: any) => i.id === 'd04')
    expect(complexity.reverse).toBe(true)
    expect(complexity.options.find((o: any) => o.value === 5).valence).toBe('negative')
    expect(complexity.options.find((o: any) => o.value === 1).valence).toBe('positive')
    const clarity = body.items.find((i: any) => i.id === 'd01')
    expect(clarity.options.find((o: any) => o.value === 5).valence).toBe('positive')
  })

  test('offers "not yet applicable / don\'t know" on the items that are always negative before a start', async () => {
    const nl = (await get('/api/questionnaire')).body.items
    const en = (await get('/api/questionnaire?lang=en')).body.items
    const withNotYet = nl.filter((i: any) => i.options.some((o: any) => o.valence === 'missing')).map((i: any) => i.id)
    expect(withNotYet).toEqual(['d06', 'd14'])
    for (const id of withNotYet) {
      expect(nl.find((i: any) => i.id === id).options.at(-1)).toEqual({ value: 9, label: 'Nog niet van toepassing / weet ik niet', valence: 'missing', score: null })
      expect(en.find((i: any) => i.id === id).options.at(-1).label).toBe("Not yet applicable / don't know")
    }
  })

  test('supports yes/no, own categories and proportion answers', async () => {
    const { body } = await get('/api/questionnaire?lang=en')
    expect(new Set(body.items.map((i: any) => i.scaleKind))).toEqual(new Set(['agree', 'yes-no', 'categories', 'proportion']))
    const yesNo = body.items.find((i: any) => i.scaleKind === 'yes-no')
    expect(yesNo.options.map((o: any) => o.label)).toEqual(['Yes', 'No'])
  })
})

describe('GET /api/reference and /api/links', () => {
  test('gives each source its label in the language asked for', async () => {
    const label = async (lang: string, id: string) =>
      (await get(`/api/reference?lang=${lang}`)).body.sources.find((s: any) => s.id === id)?.label
    expect(await label('nl', 'strategiewijzer-editorial')).toBe('Redactie van Strategiewijzer')
    expect(await label('en', 'strategiewijzer-editorial')).toBe('Strategiewijzer editorial team')
    expect(await label('nl', 'waltz-2019-table1')).toBe('Waltz e.a. 2019, CFIR–ERIC, tabel 1')
    const links = (await get('/api/links?lang=nl&source=strategiewijzer-editorial')).body.links
    expect(links[0].sourceLabel).toBe('Redactie van Strategiewijzer')
  })

  test('lists clusters, sources and methods with counts', async () => {
    const { body } = await get('/api/reference?lang=en')
    expect(body.clusters.length).toBe(11)
    expect(body.clusters.reduce((n: number, c: any) => n + c.strategies, 0)).toBeGreaterThanOrEqual(100)
    expect(body.sources.find((s: any) => s.id === 'waltz-2019-table1').url).toMatch(/^https:/)
    const links = (await get('/api/health')).body.counts.links
    expect(body.methods.reduce((n: number, m: any) => n + m.links, 0)).toBe(links)
  })

  test('lets an auditor list and download every link with its provenance', async () => {
    const { body } = await get('/api/links?source=waltz-2019-table1')
    expect(body.links.length).toBeGreaterThan(0)
    expect(body.links.every((l: any) => l.source === 'waltz-2019-table1' && l.determinant === 28)).toBe(true)
    const res = await app.request('/api/links?format=csv&determinant=16&lang=en')
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const lines = (await res.text()).trim().split(/\r?\n/)
    expect(lines[0]).toBe('determinant,determinant_name,strategy,strategy_name,strength,basis,source,source_label,evidence,tier,method,cell,construct,via,rationale')
    expect(lines.length - 1).toBe((await get('/api/links?determinant=16')).body.links.length)
  })

  test('says of every link what its strength is and, for a derived link, which expert cell it shares', async () => {
    const { body } = await get('/api/links?determinant=23')
    const available = body.links.filter((l: any) => l.cell === 'isc-2024-cfir-eric-table4/available-resources/capture-share-local-knowledge')
    expect(available).toHaveLength(1)
    expect(available[0]).toMatchObject({
      method: 'cfir-eric-crosswalk',
      strength: 0.2,
      basis: 'lower-bound',
      tier: 'expert-data',
      construct: 'CFIR 2009: Available resources (primary crosswalk)',
      via: { nl: expect.stringContaining("CFIR-belemmering 'Available resources'"), en: expect.stringContaining('lower bound of 20%') },
    })
    // The same published cell is fanned out over determinants 20–24.
    const all = (await get('/api/links?source=isc-2024-cfir-eric-table4')).body.links
    const fanned = all.filter((l: any) => l.cell === available[0].cell).map((l: any) => l.determinant)
    expect(fanned.sort()).toEqual([20, 21, 22, 23, 24])
    const editorial = body.links.find((l: any) => l.method === 'editorial-judgement')
    expect(editorial).toMatchObject({ basis: 'judgement', tier: 'proposal', cell: null, construct: null, via: null })
    const im = (await get('/api/links?method=im-method-match')).body.links[0]
    expect(im).toMatchObject({ basis: 'fixed', strength: 0.4, tier: 'published-method', cell: null })
    expect(im.via.nl).toMatch(/^Intervention Mapping noemt de methode '/)
    const printed = (await get('/api/links?source=waltz-2019-table1')).body.links
    expect(printed.every((l: any) => l.basis === 'printed')).toBe(true)
  })

  test('gives the links of strategy and determinant details the same provenance fields', async () => {
    const strategy = (await get('/api/strategies/capture-share-local-knowledge?lang=en')).body
    const link = strategy.determinants.find((d: any) => d.number === 23).links.find((l: any) => l.method === 'cfir-eric-crosswalk')
    expect(link).toMatchObject({ basis: 'lower-bound', cell: expect.stringMatching(/available-resources/), via: { en: expect.any(String) } })
    const determinant = (await get('/api/determinants/23?lang=en')).body
    const same = determinant.strategies.find((s: any) => s.id === 'capture-share-local-knowledge').links.find((l: any) => l.method === 'cfir-eric-crosswalk')
    expect(same).toEqual({ ...link, rationale: same.rationale })
  })

  test('gives every source its evidence tier and every method the strength bases it allows', async () => {
    const { body } = await get('/api/reference')
    const tier = (id: string) => body.sources.find((s: any) => s.id === id).tier
    expect(tier('waltz-2019-table1')).toBe('expert-data')
    expect(tier('kok-2016-im-taxonomy')).toBe('published-method')
    expect(tier('strategiewijzer-editorial')).toBe('proposal')
    const method = (id: string) => body.methods.find((m: any) => m.id === id)
    expect(method('cfir-eric-crosswalk')).toMatchObject({ bases: ['printed', 'lower-bound'], fixedStrength: null })
    expect(method('im-method-match')).toMatchObject({ bases: ['fixed'], fixedStrength: 0.4 })
  })

  test('writes a text that starts a formula as text in the links CSV, also when a line follows', async () => {
    const own = await testStore()
    const formula = '=HYPERLINK("https://evil.example","klik")\nsecond line'
    await own.store.kb.replaceImportedSource({ id: 'formula-test', label: '@label', citation: 'x', evidence: 'U' }, [
      { determinant: 16, strategy: 'champions', source: 'formula-test', method: 'imported', strength: 0.5, basis: 'imported', rationale: { nl: formula, en: formula } },
    ])
    const csv = await (await own.app().request('/api/links?format=csv&source=formula-test&lang=en')).text()
    await own.close()
    expect(csv.split('\r\n')[1]).toMatch(/,'@label,.*,"'=HYPERLINK\(""https:\/\/evil\.example"",""klik""\)\nsecond line"$/)
  })
})

describe('unknown routes and documentation', () => {
  test('answers 404 in the envelope for an unknown API path', async () => {
    const { status, body } = await get('/api/nothing-here')
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
  })

  test('serves an OpenAPI 3.1 document describing every route', async () => {
    const { body } = await get('/api/openapi.json')
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        '/coverage',
        '/determinants',
        '/determinants/{number}',
        '/health',
        '/links',
        '/questionnaire',
        '/recommendations',
        '/reference',
        '/score',
        '/strategies',
        '/strategies/{id}',
        '/templates/{tool}',
        '/workspaces',
        '/workspaces/import',
        '/workspaces/{id}',
        '/workspaces/{id}/tokens',
        '/workspaces/{id}/tokens/{tokenId}',
        '/workspaces/{id}/rounds',
        '/workspaces/{id}/rounds/{roundId}',
        '/workspaces/{id}/rounds/{roundId}/profile/groups',
        '/workspaces/{id}/rounds/{roundId}/respondent-link',
        '/workspaces/{id}/rounds/{roundId}/profile',
        '/workspaces/{id}/rounds/{roundId}/submissions',
        '/workspaces/{id}/rounds/{roundId}/submissions/{submissionId}',
        '/workspaces/{id}/rounds/{roundId}/plan',
        '/workspaces/{id}/rounds/{roundId}/imports',
        '/workspaces/{id}/rounds/{roundId}/imports/preview',
        '/workspaces/{id}/compare',
        '/workspaces/{id}/export',
        '/workspaces/{id}/export/long',
        '/workspaces/{id}/export/codebook',
        '/workspaces/{id}/export/spss',
        '/respond/{token}',
        '/workspaces/{id}/networks',
        '/networks',
        '/networks/{id}',
        '/networks/{id}/facilitator-link',
        '/networks/{id}/invitations',
        '/networks/{id}/parent',
        '/networks/{id}/overview',
        '/networks/{id}/learning',
        '/networks/{id}/workbook',
        '/networks/{id}/handout',
        '/ratings',
        '/ratings/{id}',
        '/ratings/{id}/experts',
        '/ratings/{id}/experts/{pseudonym}/link',
        '/ratings/{id}/results',
        '/ratings/{id}/export',
        '/ratings/{id}/rounds/end',
        '/ratings/{id}/knowledge-base',
        '/ratings/{id}/ballot',
        '/networks/{id}/export/long',
      ].sort()
    )
    expect(body.paths['/score'].post.requestBody.content).toHaveProperty('text/csv')
    // Rating routes declare their credentials: feeding the knowledge base needs the admin token too.
    expect(body.paths['/ratings/{id}/ballot'].put.security).toEqual([{ expertToken: [] }])
    expect(body.paths['/ratings/{id}/knowledge-base'].post.security).toEqual([{ studyOwnerToken: [], adminToken: [] }])
    // Workspace routes declare the team token they need; respondent routes need none.
    expect(body.paths['/workspaces/{id}'].get.security).toEqual([{ teamToken: [] }])
    expect(body.paths['/respond/{token}'].post.security).toBeUndefined()
    expect(body.components.securitySchemes.teamToken).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(body.components.securitySchemes.adminToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Admin-Token' })
    // Every credential an operation asks for is declared, and every declared one is used.
    const declared = Object.keys(body.components.securitySchemes).sort()
    const used = new Set<string>()
    for (const item of Object.values(body.paths) as Record<string, { security?: Record<string, unknown>[] }>[]) {
      for (const op of Object.values(item)) for (const s of op.security ?? []) for (const name of Object.keys(s)) used.add(name)
    }
    expect([...used].sort()).toEqual(declared)
    expect(declared).toEqual(['adminToken', 'expertToken', 'facilitatorToken', 'studyOwnerToken', 'teamToken'])
  })

  test('serves the API documentation page without any CDN', async () => {
    const res = await app.request('/api/docs')
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).not.toMatch(/https?:\/\//)
    expect((await app.request('/api/docs/swagger-ui-bundle.js')).status).toBe(200)
  })
})
