/**
 * @module An indexed, read-only view of the whole knowledge base, built once per change of
 * the database, from which every read endpoint and the engine take what they need.
 */
import type { Cluster, Determinant, Link, Method, Scale, Source, Strategy } from '../schemas/kb.ts'
import { groupBy } from './group-by.ts'
import { applyReversal, type Questionnaire, type QuestionnaireItem } from './questionnaire.ts'
import { indexLinks, type LinkEvidence, type StrategyFacts } from './ranking.ts'
import type { Bilingual, Lang } from './vocabulary.ts'

/** The whole knowledge base as plain records (the shape of the source files). */
export type KbContent = {
  readonly scales: readonly Scale[]
  readonly determinants: readonly Determinant[]
  readonly clusters: readonly Cluster[]
  readonly strategies: readonly Strategy[]
  readonly sources: readonly (Source & { readonly origin: 'curated' | 'imported' })[]
  readonly methods: readonly Method[]
  readonly links: readonly Link[]
}

export type KbIndex = {
  readonly content: KbContent
  readonly determinant: ReadonlyMap<number, Determinant>
  readonly strategy: ReadonlyMap<string, Strategy>
  readonly scale: ReadonlyMap<string, Scale>
  readonly cluster: ReadonlyMap<string, Cluster>
  readonly source: ReadonlyMap<string, KbContent['sources'][number]>
  readonly method: ReadonlyMap<string, Method>
  /** Items in questionnaire order (MIDI order, then item order), with their determinant. */
  readonly items: readonly (Determinant['items'][number] & { readonly determinant: Determinant })[]
  readonly questionnaire: Questionnaire
  readonly evidence: readonly LinkEvidence[]
  readonly facts: readonly StrategyFacts[]
  readonly linksByDeterminant: ReadonlyMap<number, readonly Link[]>
  readonly linksByStrategy: ReadonlyMap<string, readonly Link[]>
  /** Determinant number → name, per language (for explanations). */
  readonly names: Readonly<Record<Lang, ReadonlyMap<number, string>>>
}

/** Indexes the knowledge base; pure and cheap (a few hundred records). */
export function indexKb(content: KbContent): KbIndex {
  const scale = new Map(content.scales.map((s) => [s.id, s]))
  const items = content.determinants.flatMap((d) => d.items.map((i) => ({ ...i, determinant: d })))
  const questionnaireItems: QuestionnaireItem[] = items.map((i) => ({
    id: i.id,
    determinant: i.determinant.number,
    respondent: i.determinant.respondent,
    reverse: i.reverse,
    options: applyReversal(scale.get(i.scale)?.options ?? [], i.reverse).map((o) => ({
      value: o.value,
      valence: o.valence,
      score: o.score,
    })),
  }))
  const tierOf = new Map(content.sources.map((s) => [s.id, s.tier]))
  const evidence: LinkEvidence[] = content.links.map((l) => ({
    determinant: l.determinant,
    strategy: l.strategy,
    source: l.source,
    method: l.method,
    strength: l.strength,
    basis: l.basis,
    ...(l.cell !== undefined ? { cell: l.cell } : {}),
    ...(tierOf.has(l.source) ? { tier: tierOf.get(l.source) } : {}),
  }))
  // The engine's index of these links, by strategy and by determinant, for all sources: built
  // here, once per revision, rather than by the first request (indexLinks memoises it per
  // link list, so it goes when this index goes).
  indexLinks(evidence)
  return {
    content,
    determinant: new Map(content.determinants.map((d) => [d.number, d])),
    strategy: new Map(content.strategies.map((s) => [s.id, s])),
    scale,
    cluster: new Map(content.clusters.map((c) => [c.id, c])),
    source: new Map(content.sources.map((s) => [s.id, s])),
    method: new Map(content.methods.map((m) => [m.id, m])),
    items,
    questionnaire: {
      determinants: content.determinants.map((d) => ({ number: d.number, group: d.group, respondent: d.respondent })),
      items: questionnaireItems,
    },
    evidence,
    facts: content.strategies.map((s) => ({ id: s.id, phases: s.phases, actors: s.actors, effort: s.effort })),
    linksByDeterminant: groupBy(content.links, (l) => l.determinant),
    linksByStrategy: groupBy(content.links, (l) => l.strategy),
    names: {
      nl: new Map(content.determinants.map((d) => [d.number, d.name.nl])),
      en: new Map(content.determinants.map((d) => [d.number, d.name.en])),
    },
  }
}

/** Picks one language out of a bilingual text. */
export const pick = (text: Bilingual, lang: Lang): string => text[lang]
