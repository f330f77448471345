/**
 * @module The weight of a link's evidence as the web app reads it: the tier of its source and
 * the basis of its strength, and which sources count as published. The API gives a `tier` on
 * every source and a `basis` on every link (the vocabularies are the server's); for an answer
 * without them (a plan or round saved before they existed) both are derived here from the
 * source's kind and the link's method — the only place that derivation lives.
 */

import { EVIDENCE_TIERS, STRENGTH_BASES, type EvidenceTier, type StrengthBasis } from '../server/domain/vocabulary.ts'

export { EVIDENCE_TIERS, STRENGTH_BASES, type EvidenceTier, type StrengthBasis }

/**
 * Methods that pass a published figure or method through our own classification of the MIDI
 * determinants (the MIDI–CFIR crosswalk, the IM determinant classes): such a link is only as
 * strong as the weaker of its steps, and says so.
 */
export const CROSSWALK_METHODS: Readonly<Record<string, 'crosswalk' | 'classification'>> = {
  'cfir-eric-crosswalk': 'crosswalk',
  'im-method-match': 'classification',
}

/** The lower bound of CFIR–ERIC Level 2: a link given only as "Level 2" has this strength. */
const LEVEL_2_BOUND = 0.2

const isTier = (x: unknown): x is EvidenceTier => EVIDENCE_TIERS.includes(x as EvidenceTier)
const isBasis = (x: unknown): x is StrengthBasis => STRENGTH_BASES.includes(x as StrengthBasis)

const TIER_OF_KIND: Readonly<Record<string, EvidenceTier>> = {
  'expert-survey': 'expert-data',
  delphi: 'expert-data',
  theory: 'published-method',
  editorial: 'proposal',
  imported: 'imported',
}

const TIER_OF_METHOD: Readonly<Record<string, EvidenceTier>> = {
  'cfir-eric-crosswalk': 'expert-data',
  'delphi-hypothesis': 'expert-data',
  'im-method-match': 'published-method',
  'editorial-judgement': 'proposal',
  imported: 'imported',
}

/**
 * A source's tier: its own `tier` where the answer has one, else derived from its kind; an
 * unknown kind counts as a proposal, the weakest claim, never as published.
 */
export function tierOfSource(source: { readonly kind: string; readonly tier?: string | null }): EvidenceTier {
  return isTier(source.tier) ? source.tier : (TIER_OF_KIND[source.kind] ?? 'proposal')
}

/**
 * The tier of one link's evidence: its source's tier when the source is known, else what its
 * method implies (a method is used by one kind of source), else a proposal.
 */
export function tierOfLink(
  link: { readonly source: string; readonly method: string },
  tiers: ReadonlyMap<string, EvidenceTier>
): EvidenceTier {
  return tiers.get(link.source) ?? TIER_OF_METHOD[link.method] ?? 'proposal'
}

/**
 * The basis of a link's strength: its own `basis` where the answer has one, else derived from
 * its method. A CFIR–ERIC link is a lower bound when its `via` says so, or, without `via`,
 * when its strength is the Level 2 bound itself: a printed 20% is also at least 20%, so
 * showing "≥20%" is never false, while "20%" could be.
 */
export function basisOf(link: {
  readonly method: string
  readonly strength: number
  readonly basis?: string | null
  readonly via?: unknown
}): StrengthBasis {
  if (isBasis(link.basis)) return link.basis
  switch (link.method) {
    case 'cfir-eric-crosswalk': {
      const via = typeof link.via === 'string' ? link.via : ''
      return /lower bound/i.test(via) || (via === '' && Math.abs(link.strength - LEVEL_2_BOUND) < 1e-9)
        ? 'lower-bound'
        : 'printed'
    }
    case 'editorial-judgement':
      return 'judgement'
    case 'imported':
      return 'imported'
    default:
      return 'fixed'
  }
}

/**
 * The sources whose tier is not `proposal`: what "published sources only" sends as `sources`.
 * Imported and expert-rated sources stay in: they are not our proposal.
 */
export function publishedSources(
  sources: readonly { readonly id: string; readonly kind: string; readonly tier?: string | null }[]
): string[] {
  return sources.filter((s) => tierOfSource(s) !== 'proposal').map((s) => s.id)
}

/**
 * The request's `sources` for "published sources only"; nothing (every source) otherwise. With
 * no published source at all it names one that does not exist, so that nothing counts: the API
 * needs at least one id, and leaving `sources` out would mean every source.
 */
export const sourcesBody = (publishedOnly: boolean, published: readonly string[]) =>
  publishedOnly ? { sources: published.length > 0 ? [...published] : ['no-published-source'] } : {}

/**
 * How a link was reached, as a sentence in `lang`: the answer gives `via` in both languages, or
 * (before the knowledge base had sentences) as one raw line, shown as it is.
 */
export function viaText(via: unknown, lang: 'nl' | 'en'): string | null {
  if (typeof via === 'string') return via || null
  if (typeof via === 'object' && via !== null) {
    const text = (via as Partial<Record<'nl' | 'en', unknown>>)[lang]
    return typeof text === 'string' && text !== '' ? text : null
  }
  return null
}
