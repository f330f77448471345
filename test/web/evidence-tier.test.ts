import { describe, expect, it } from 'vitest'
import { basisOf, publishedSources, sourcesBody, tierOfLink, tierOfSource, viaText } from '../../web/evidence-tier.ts'

describe('tierOfSource', () => {
  it.for([
    [{ kind: 'expert-survey' }, 'expert-data'],
    [{ kind: 'delphi' }, 'expert-data'],
    [{ kind: 'theory' }, 'published-method'],
    [{ kind: 'editorial' }, 'proposal'],
    [{ kind: 'imported' }, 'imported'],
    [{ kind: 'something-new' }, 'proposal'],
    [{ kind: 'editorial', tier: 'expert-rated' }, 'expert-rated'],
    [{ kind: 'expert-survey', tier: 'not-a-tier' }, 'expert-data'],
  ] as const)('%o is %s', ([source, tier]) => {
    expect(tierOfSource(source)).toBe(tier)
  })
})

describe('tierOfLink', () => {
  it('takes the tier of a known source, else what its method implies, else a proposal', () => {
    const tiers = new Map([['team-mapping', 'imported' as const]])
    expect(tierOfLink({ source: 'team-mapping', method: 'cfir-eric-crosswalk' }, tiers)).toBe('imported')
    expect(tierOfLink({ source: 'unknown', method: 'im-method-match' }, tiers)).toBe('published-method')
    expect(tierOfLink({ source: 'unknown', method: 'unknown' }, tiers)).toBe('proposal')
  })
})

describe('basisOf', () => {
  it.for([
    [{ method: 'cfir-eric-crosswalk', strength: 0.44, via: 'CFIR 2009: Complexity (primary crosswalk)' }, 'printed'],
    [{ method: 'cfir-eric-crosswalk', strength: 0.2, via: 'CFIR 2009: Evidence (primary crosswalk; level only, strength is the 20% lower bound)' }, 'lower-bound'],
    [{ method: 'cfir-eric-crosswalk', strength: 0.2 }, 'lower-bound'],
    [{ method: 'cfir-eric-crosswalk', strength: 0.28 }, 'printed'],
    [{ method: 'im-method-match', strength: 0.4 }, 'fixed'],
    [{ method: 'delphi-hypothesis', strength: 0.4 }, 'fixed'],
    [{ method: 'editorial-judgement', strength: 0.45 }, 'judgement'],
    [{ method: 'imported', strength: 0.5 }, 'imported'],
    [{ method: 'cfir-eric-crosswalk', strength: 0.2, basis: 'printed' }, 'printed'],
  ] as const)('%o is %s', ([link, basis]) => {
    expect(basisOf(link)).toBe(basis)
  })
})

describe('publishedSources and sourcesBody', () => {
  const sources = [
    { id: 'waltz', kind: 'expert-survey' },
    { id: 'editorial', kind: 'editorial' },
    { id: 'team', kind: 'imported' },
    { id: 'later', kind: 'editorial', tier: 'expert-rated' },
  ]

  it('keeps every source whose tier is not our proposal', () => {
    expect(publishedSources(sources)).toEqual(['waltz', 'team', 'later'])
  })

  it('sends those sources only when asked, and never an empty list that would mean every source', () => {
    expect(sourcesBody(false, ['waltz'])).toEqual({})
    expect(sourcesBody(true, ['waltz', 'team'])).toEqual({ sources: ['waltz', 'team'] })
    expect(sourcesBody(true, [])).toEqual({ sources: ['no-published-source'] })
  })
})

describe('viaText', () => {
  it('reads a sentence in the language asked, an older raw line as it is, and nothing as null', () => {
    expect(viaText({ nl: 'Via het construct.', en: 'Through the construct.' }, 'nl')).toBe('Via het construct.')
    expect(viaText({ nl: 'Via het construct.', en: 'Through the construct.' }, 'en')).toBe('Through the construct.')
    expect(viaText('social_influence_norms: x', 'en')).toBe('social_influence_norms: x')
    expect(viaText(null, 'en')).toBeNull()
    expect(viaText('', 'en')).toBeNull()
  })
})
