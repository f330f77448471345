/**
 * @module Turns knowledge-base records into the API's response shapes in one language.
 */
import { groupBy } from '../domain/group-by.ts'
import type { KbIndex } from '../domain/kb-index.ts'
import { applyReversal } from '../domain/questionnaire.ts'
import { strengthLabel, type Lang } from '../domain/vocabulary.ts'
import type { Determinant, Link, Strategy } from '../schemas/kb.ts'
import type { DeterminantOut, ItemOut, LinkOut, StrategyOut } from '../schemas/api.ts'

export function presentItem(kb: KbIndex, item: KbIndex['items'][number], lang: Lang): ItemOut {
  const scale = kb.scale.get(item.scale)
  return {
    id: item.id,
    determinant: item.determinant.number,
    group: item.determinant.group,
    text: item.text[lang],
    respondent: item.determinant.respondent,
    reverse: item.reverse,
    scale: item.scale,
    scaleKind: scale?.kind ?? 'agree',
    verified: item.verified,
    options: applyReversal(scale?.options ?? [], item.reverse).map((o) => ({
      value: o.value,
      label: o.label[lang],
      valence: o.valence,
      score: o.score,
    })),
  }
}

export function presentDeterminant(kb: KbIndex, d: Determinant, lang: Lang): DeterminantOut {
  return {
    number: d.number,
    code: d.code,
    group: d.group,
    name: d.name[lang],
    nameVerified: d.nameVerified,
    definition: d.definition[lang],
    respondent: d.respondent,
    items: kb.items.filter((i) => i.determinant.number === d.number).map((i) => presentItem(kb, i, lang)),
  }
}

export function presentStrategy(kb: KbIndex, s: Strategy, lang: Lang): StrategyOut {
  return {
    id: s.id,
    name: s.name[lang],
    description: s.description[lang],
    example: s.example[lang],
    cluster: s.cluster,
    clusterName: kb.cluster.get(s.cluster)?.name[lang] ?? s.cluster,
    phases: [...s.phases],
    actors: [...s.actors],
    effort: s.effort,
    origin: s.origin,
    ericNumber: s.ericNumber ?? null,
    ericName: s.ericName ?? null,
    waltz: s.waltz ?? null,
  }
}

export function presentLink(kb: KbIndex, l: Link, lang: Lang): LinkOut {
  const source = kb.source.get(l.source)
  return {
    source: l.source,
    sourceLabel: source?.label ?? l.source,
    sourceUrl: source?.url ?? null,
    evidence: source?.evidence ?? 'P',
    method: l.method,
    strength: l.strength,
    via: l.via ?? null,
    rationale: l.rationale[lang],
  }
}

type PairSummary = {
  strength: number
  label: 'essential' | 'supportive'
  source: string
  agreement: number
  links: LinkOut[]
}

/** Sums up the links of one pair: strongest first; strength and source are the strongest's. */
function summarisePair(kb: KbIndex, links: readonly Link[], lang: Lang): PairSummary {
  const sorted = [...links].sort((a, b) => b.strength - a.strength || a.source.localeCompare(b.source))
  const strongest = sorted[0]
  const strength = strongest?.strength ?? 0
  return {
    strength,
    label: strengthLabel(strength),
    source: strongest?.source ?? '',
    agreement: new Set(sorted.map((l) => l.method)).size,
    links: sorted.map((l) => presentLink(kb, l, lang)),
  }
}

/** Orders pairs strongest first, then by agreement, then by the key. */
function byStrength<T extends PairSummary>(key: (t: T) => string | number) {
  return (a: T, b: T) =>
    b.strength - a.strength || b.agreement - a.agreement || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)
}

/** The strategies linked to a determinant, strongest first, each with all its links. */
export function strategiesOf(kb: KbIndex, number: number, lang: Lang) {
  return [...groupBy(kb.linksByDeterminant.get(number) ?? [], (l) => l.strategy)]
    .flatMap(([id, links]) => {
      const s = kb.strategy.get(id)
      return s
        ? [{ id, name: s.name[lang], cluster: s.cluster, effort: s.effort, ...summarisePair(kb, links, lang) }]
        : []
    })
    .sort(byStrength((x) => x.id))
}

/** The determinants a strategy addresses, strongest first, each with all its links. */
export function determinantsOf(kb: KbIndex, id: string, lang: Lang) {
  return [...groupBy(kb.linksByStrategy.get(id) ?? [], (l) => l.determinant)]
    .flatMap(([number, links]) => {
      const d = kb.determinant.get(number)
      return d ? [{ number, name: d.name[lang], group: d.group, ...summarisePair(kb, links, lang) }] : []
    })
    .sort(byStrength((x) => x.number))
}
