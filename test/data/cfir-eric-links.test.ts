import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { constructKey, constructTable, resolveConstruct } from '../../server/domain/cfir-constructs.ts'
import { CfirEricInputError, deriveCfirEricLinks, LEVEL_2_SHARE } from '../../server/domain/cfir-eric-links.ts'
import { REPO_ROOT, readCfirEricInputs } from '../../server/kb/cfir-eric-inputs.ts'
import { cfirEricYaml } from '../../server/kb/cfir-eric-yaml.ts'

const inputs = readCfirEricInputs()
const derived = deriveCfirEricLinks(inputs)
const pairs = new Set(derived.links.map((l) => `${l.determinant}|${l.strategy}`))

describe('CFIR construct names', () => {
  test.for([
    ['Knowledge & Beliefs about the Intervention', 'knowledge and beliefs about the intervention'],
    ['Self-efficacy', 'self efficacy'],
    ['  Goals  and feedback ', 'goals and feedback'],
    ['Patients/consumers', 'patients consumers'],
  ])('compares %j as %j', ([name, key]) => {
    expect(constructKey(name as string)).toBe(key)
  })

  test.for([
    ['Knowledge & beliefs', 'Knowledge & beliefs about the intervention'],
    ['knowledge and beliefs about the innovation', 'Knowledge & beliefs about the intervention'],
    ['Engaging: Key Stakeholders', 'Key stakeholders'],
    ['Readiness for Implementation: Available Resources', 'Available resources'],
    ['Self efficacy', 'Self-efficacy'],
  ])('resolves %j to %j', ([name, construct]) => {
    expect(resolveConstruct(inputs.constructs, name as string)).toBe(construct)
  })

  test('knows no construct by a name that is not in the table', () => {
    expect(resolveConstruct(inputs.constructs, 'Knowledge')).toBeUndefined()
    expect(resolveConstruct(inputs.constructs, 'Beliefs about the intervention')).toBeUndefined()
  })

  test('lists the 39 constructs of the CFIR–ERIC tool under their own names', () => {
    expect(new Set(inputs.constructs.values()).size).toBe(39)
  })

  test('refuses a table that gives one name two constructs', () => {
    expect(() =>
      constructTable([
        { name: 'Culture', construct: 'Culture' },
        { name: 'Climate', construct: 'Climate' },
        { name: 'culture', construct: 'Climate' },
      ])
    ).toThrow(/'culture' is listed for both 'Culture' and 'Climate'/)
  })
})

describe('deriveCfirEricLinks on the published data', () => {
  test('gives the committed links/cfir-eric.yaml: the file is generated, not edited', () => {
    const committed = readFileSync(join(REPO_ROOT, 'data/kb/links/cfir-eric.yaml'), 'utf8')
    expect(committed).toBe(cfirEricYaml(derived.links))
  })

  test('turns every published row whose construct the crosswalk maps into a link', () => {
    let checked = 0
    for (const e of inputs.endorsements) {
      const construct = resolveConstruct(inputs.constructs, e.construct)
      if (e.pct !== null && e.pct / 100 < LEVEL_2_SHARE) continue
      for (const cw of inputs.crosswalk) {
        if (resolveConstruct(inputs.constructs, cw.construct) !== construct) continue
        const strategy = inputs.strategyByEric.get(e.ericNumber)
        expect(pairs.has(`${cw.midi}|${strategy}`), `line ${e.line}: ${e.construct} → determinant ${cw.midi}, ${strategy}`).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(96)
  })

  test('restores the 18 links of "Knowledge & beliefs" for determinants 8, 9, 10, 17 and 18', () => {
    const knowledge = derived.links.filter((l) => l.construct?.includes('Knowledge & beliefs about the intervention'))
    const strategies = ['capture-share-local-knowledge', 'champions', 'early-adopters', 'inform-opinion-leaders']
    expect(knowledge.map((l) => `${l.determinant}|${l.strategy}`).sort()).toEqual(
      [8, 9, 10, 17, 18].flatMap((d) => strategies.map((s) => `${d}|${s}`)).sort()
    )
    // 8 → champions and inform-opinion-leaders existed through the secondary crosswalk (Relative
    // advantage); the primary one now wins, so 18 of the 20 are new.
    expect(derived.links).toHaveLength(96)
  })

  test('reports the published constructs that the crosswalk maps to no determinant', () => {
    expect(derived.unmapped).toEqual([
      { construct: 'Adaptability', rows: 11 },
      { construct: 'Cosmopolitanism', rows: 7 },
      { construct: 'Innovation participants', rows: 2 },
      { construct: 'Key stakeholders', rows: 6 },
    ])
  })

  test('stops at a construct name the table does not know, naming it and its line', () => {
    const endorsements = [...inputs.endorsements, { line: 99, construct: 'Knowledge', ericNumber: 35, pct: 40, level: '2', source: 'x' }]
    expect(() => deriveCfirEricLinks({ ...inputs, endorsements })).toThrow(CfirEricInputError)
    expect(() => deriveCfirEricLinks({ ...inputs, endorsements })).toThrow(/line 99: unknown CFIR construct 'Knowledge'/)
    const crosswalk = [...inputs.crosswalk, { midi: 3, construct: 'Packaging', rank: 'secondary' as const }]
    expect(() => deriveCfirEricLinks({ ...inputs, crosswalk })).toThrow(/determinant 3: unknown CFIR construct 'Packaging'/)
  })

  test('stops at an ERIC number that no strategy carries', () => {
    const strategyByEric = new Map([...inputs.strategyByEric].filter(([n]) => n !== 35))
    expect(() => deriveCfirEricLinks({ ...inputs, strategyByEric })).toThrow(/no strategy carries ERIC number 35/)
  })
})
