/**
 * @module Turns knowledge-base records into the API's response shapes in one language.
 */
import { explainBundleMember, explainRanked } from '../domain/explain.ts'
import { groupBy } from '../domain/group-by.ts'
import type { KbIndex } from '../domain/kb-index.ts'
import { applyReversal } from '../domain/questionnaire.ts'
import type { RankedStrategy } from '../domain/ranking.ts'
import { strengthLabel, type Lang } from '../domain/vocabulary.ts'
import type { Determinant, Link, Strategy } from '../schemas/kb.ts'
import type {
  DeterminantOut,
  ItemOut,
  LinkOut,
  RecommendationsResponse,
  RecommendedStrategy,
  SeverityKind,
  StrategyOut,
} from '../schemas/api.ts'

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

/**
 * A strategy presented in one language: as an object, and as the UTF-8 bytes of its JSON
 * without the closing brace.
 */
type PresentedStrategy = { readonly out: StrategyOut; readonly openJson: Buffer }

/**
 * Strategies presented per knowledge base and language. Recommendations repeat the same
 * strategies' long fixed texts in every answer; they are presented and serialised once. At
 * most one entry per strategy and language, and the whole cache goes with its index.
 */
const presented = new WeakMap<KbIndex, Record<Lang, Map<string, PresentedStrategy>>>()

/** The strategy `id` presented in `lang`, from the cache; undefined for an unknown id. */
function presentedStrategy(kb: KbIndex, id: string, lang: Lang): PresentedStrategy | undefined {
  let byLang = presented.get(kb)
  if (!byLang) presented.set(kb, (byLang = { nl: new Map(), en: new Map() }))
  const cached = byLang[lang].get(id)
  if (cached) return cached
  const s = kb.strategy.get(id)
  if (!s) return undefined
  const out = presentStrategy(kb, s, lang)
  Object.freeze(out.phases)
  Object.freeze(out.actors)
  const entry = { out: Object.freeze(out), openJson: Buffer.from(JSON.stringify(out).slice(0, -1)) }
  byLang[lang].set(id, entry)
  return entry
}

/** What a ranking or bundle adds to a strategy: its score, the barriers it addresses and why. */
type Recommendation = Omit<RecommendedStrategy, keyof StrategyOut>

function recommendation(
  kb: KbIndex,
  r: RankedStrategy & { covers?: readonly number[] },
  lang: Lang,
  severityKind: SeverityKind
): Recommendation {
  const severityKnown = severityKind === 'share-negative'
  const names = kb.names[lang]
  return {
    score: r.score,
    addresses: r.addresses.map((a) => ({
      determinant: a.determinant,
      name: names.get(a.determinant) ?? String(a.determinant),
      severity: a.severity,
      strength: a.strength,
      label: a.label,
      agreement: a.agreement,
      evidence: [...a.evidence],
    })),
    why:
      r.covers !== undefined
        ? explainBundleMember({ ...r, covers: r.covers }, names, lang, severityKnown)
        : explainRanked(r, names, lang, severityKnown),
    ...(r.covers !== undefined ? { covers: [...r.covers] } : {}),
  }
}

function presentedOrThrow(kb: KbIndex, id: string, lang: Lang): PresentedStrategy {
  const p = presentedStrategy(kb, id, lang)
  if (!p) throw new Error(`ranked an unknown strategy ${id}`)
  return p
}

/** A ranked strategy or bundle member as the API returns it. */
export function presentRecommended(
  kb: KbIndex,
  r: RankedStrategy & { covers?: readonly number[] },
  lang: Lang,
  severityKind: SeverityKind
): RecommendedStrategy {
  return { ...presentedOrThrow(kb, r.id, lang).out, ...recommendation(kb, r, lang, severityKind) }
}

/**
 * The answer of POST /recommendations as UTF-8 JSON: exactly the bytes of `JSON.stringify`
 * of the answer with every strategy presented by {@link presentRecommended}. Each strategy's
 * fixed fields (long texts, mostly) are copied in as they were serialised and encoded once;
 * only the ranking's part of each strategy is serialised per request. Handing the server
 * bytes also spares it encoding the whole answer when it writes it out.
 */
export function recommendationsBody(
  kb: KbIndex,
  answer: Omit<RecommendationsResponse, 'strategies'> & {
    readonly strategies: readonly (RankedStrategy & { covers?: readonly number[] })[]
  },
  lang: Lang
): Uint8Array<ArrayBuffer> {
  const { strategies, uncovered, ...head } = answer
  const parts: Buffer[] = []
  // Each strategy is `{fixed fields` + `,` + `score, addresses, …}`: one object, fields in order.
  let text = `${JSON.stringify(head).slice(0, -1)},"strategies":[`
  strategies.forEach((r, i) => {
    const fixed = presentedOrThrow(kb, r.id, lang).openJson
    parts.push(Buffer.from(i === 0 ? text : `${text},`), fixed)
    text = `,${JSON.stringify(recommendation(kb, r, lang, head.severityKind)).slice(1)}`
  })
  parts.push(Buffer.from(`${text}],"uncovered":${JSON.stringify(uncovered)}}`))
  // A Buffer on a plain ArrayBuffer (never a shared one), as hono's body type wants it.
  return Buffer.concat(parts) as Uint8Array<ArrayBuffer>
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
