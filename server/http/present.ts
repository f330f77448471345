/**
 * @module Turns knowledge-base records into the API's response shapes in one language.
 */
import { explainBundleMember, explainRanked } from '../domain/explain.ts'
import type { Feasibility } from '../domain/feasibility.ts'
import { groupBy } from '../domain/group-by.ts'
import type { KbIndex } from '../domain/kb-index.ts'
import { applyReversal } from '../domain/questionnaire.ts'
import type { Address, RankedStrategy } from '../domain/ranking.ts'
import { strengthLabel, type Lang } from '../domain/vocabulary.ts'
import type { Determinant, Link, Strategy } from '../schemas/kb.ts'
import type {
  DeterminantOut,
  ItemOut,
  LinkOut,
  RecommendationsResponse,
  RecommendationView,
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
    mechanismChanged: s.mechanismChanged,
    adaptationNote: s.adaptationNote?.[lang] ?? null,
  }
}

/**
 * A strategy presented in one language: as an object, and as the UTF-8 bytes of its JSON
 * without the closing brace.
 */
type PresentedStrategy = { readonly out: StrategyOut; readonly openJson: Buffer }

/**
 * What recommendations repeat in every answer, presented and serialised once per knowledge
 * base and language: each strategy's fixed fields (long texts, mostly) and, per determinant,
 * the start of an address up to its severity. At most one entry per strategy or determinant
 * and language; the whole cache goes with its index.
 */
type Presented = {
  readonly strategies: Record<Lang, Map<string, PresentedStrategy>>
  /** `{"determinant":4,"name":"…","severity":` */
  readonly addressStart: Record<Lang, Map<number, Buffer>>
}
const presented = new WeakMap<KbIndex, Presented>()

function presentedOf(kb: KbIndex): Presented {
  let p = presented.get(kb)
  if (!p) {
    p = { strategies: { nl: new Map(), en: new Map() }, addressStart: { nl: new Map(), en: new Map() } }
    presented.set(kb, p)
  }
  return p
}

/** The strategy `id` presented in `lang`, from the cache; undefined for an unknown id. */
function presentedStrategy(kb: KbIndex, id: string, lang: Lang): PresentedStrategy | undefined {
  const cache = presentedOf(kb).strategies[lang]
  const cached = cache.get(id)
  if (cached) return cached
  const s = kb.strategy.get(id)
  if (!s) return undefined
  const out = presentStrategy(kb, s, lang)
  Object.freeze(out.phases)
  Object.freeze(out.actors)
  const entry = { out: Object.freeze(out), openJson: Buffer.from(JSON.stringify(out).slice(0, -1)) }
  cache.set(id, entry)
  return entry
}

/** What a ranking or bundle adds to a strategy: its score, the barriers it addresses and why. */
type Recommendation = Omit<RecommendedStrategy, keyof StrategyOut>
type Recommended = RankedStrategy & {
  covers?: readonly number[]
  weaklyCovers?: readonly number[]
  feasibility?: Feasibility | null
}

const addressName = (kb: KbIndex, d: number, lang: Lang) => kb.names[lang].get(d) ?? String(d)

function why(kb: KbIndex, r: Recommended, lang: Lang, severityKind: SeverityKind): string {
  const severityKnown = severityKind === 'share-negative'
  return r.covers !== undefined
    ? explainBundleMember({ ...r, covers: r.covers, weaklyCovers: r.weaklyCovers ?? [] }, kb.names[lang], lang, severityKnown)
    : explainRanked(r, kb.names[lang], lang, severityKnown)
}

function recommendation(kb: KbIndex, r: Recommended, lang: Lang, severityKind: SeverityKind): Recommendation {
  return {
    score: r.score,
    best: r.best,
    addresses: r.addresses.map((a) => ({
      determinant: a.determinant,
      name: addressName(kb, a.determinant, lang),
      severity: a.severity,
      strength: a.strength,
      counted: a.counted,
      label: a.label,
      agreement: a.agreement,
      evidence: [...a.evidence],
    })),
    why: why(kb, r, lang, severityKind),
    ...(r.covers !== undefined ? { covers: [...r.covers], weaklyCovers: [...(r.weaklyCovers ?? [])] } : {}),
    ...(r.disagreement !== undefined ? { disagreement: [...r.disagreement] } : {}),
    ...(r.feasibility !== undefined ? { feasibility: r.feasibility && { ...r.feasibility } } : {}),
  }
}

/**
 * The end of an address after what it counted, `,"label":…,"evidence":[…]}`: the same for
 * every barrier a pair is asked for, so kept per pair (each pair has its own evidence list).
 */
const addressEnds = new WeakMap<Address['evidence'], { address: Address; json: Buffer }>()

function addressEnd(a: Address): Buffer {
  const cached = addressEnds.get(a.evidence)
  if (cached && cached.address.label === a.label && cached.address.agreement === a.agreement) {
    return cached.json
  }
  const json = Buffer.from(
    `,"label":${JSON.stringify(a.label)},"agreement":${JSON.stringify(a.agreement)},"evidence":${JSON.stringify(a.evidence)}}`
  )
  addressEnds.set(a.evidence, { address: a, json })
  return json
}

function addressStart(kb: KbIndex, d: number, lang: Lang): Buffer {
  const cache = presentedOf(kb).addressStart[lang]
  let json = cache.get(d)
  if (json === undefined) {
    json = Buffer.from(`{"determinant":${JSON.stringify(d)},"name":${JSON.stringify(addressName(kb, d, lang))},"severity":`)
    if (kb.determinant.has(d)) cache.set(d, json) // bounded: only the knowledge base's determinants
  }
  return json
}

/**
 * The pieces of an answer: text as it is written, and ready UTF-8 bytes copied in between.
 * Consecutive text is joined before it is encoded, so the buffer gets few, large strings.
 */
class Pieces {
  readonly parts: (string | Uint8Array)[] = []
  private text = ''
  write(text: string): void {
    this.text += text
  }
  copy(bytes: Uint8Array): void {
    if (this.text !== '') this.parts.push(this.text)
    this.text = ''
    this.parts.push(bytes)
  }
  end(): (string | Uint8Array)[] {
    if (this.text !== '') this.parts.push(this.text)
    this.text = ''
    return this.parts
  }
}

/** `JSON.stringify(recommendation(…))` without its opening brace, from the cached pieces. */
function writeRecommendation(out: Pieces, kb: KbIndex, r: Recommended, lang: Lang, severityKind: SeverityKind): void {
  out.write(`"score":${JSON.stringify(r.score)},"best":${JSON.stringify(r.best)},"addresses":[`)
  r.addresses.forEach((a, i) => {
    if (i > 0) out.write(',')
    out.copy(addressStart(kb, a.determinant, lang))
    out.write(`${JSON.stringify(a.severity)},"strength":${JSON.stringify(a.strength)},"counted":${JSON.stringify(a.counted)}`)
    out.copy(addressEnd(a))
  })
  out.write(`],"why":${JSON.stringify(why(kb, r, lang, severityKind))}`)
  if (r.covers !== undefined) {
    out.write(`,"covers":${JSON.stringify(r.covers)},"weaklyCovers":${JSON.stringify(r.weaklyCovers ?? [])}`)
  }
  if (r.disagreement !== undefined) out.write(`,"disagreement":${JSON.stringify(r.disagreement)}`)
  if (r.feasibility !== undefined) out.write(`,"feasibility":${JSON.stringify(r.feasibility)}`)
  out.write('}')
}

function presentedOrThrow(kb: KbIndex, id: string, lang: Lang): PresentedStrategy {
  const p = presentedStrategy(kb, id, lang)
  if (!p) throw new Error(`ranked an unknown strategy ${id}`)
  return p
}

/** A ranked strategy or bundle member as the API returns it. */
export function presentRecommended(
  kb: KbIndex,
  r: Recommended,
  lang: Lang,
  severityKind: SeverityKind
): RecommendedStrategy {
  return { ...presentedOrThrow(kb, r.id, lang).out, ...recommendation(kb, r, lang, severityKind) }
}

/** The UTF-8 bytes of strings and ready bytes, one after the other, in one buffer of their own. */
function concatUtf8(parts: readonly (string | Uint8Array)[]): Uint8Array<ArrayBuffer> {
  // Measured exactly, so the buffer is written once where it lies: a larger one, or one copied
  // out of a reused scratch buffer, costs more in fresh pages than measuring does.
  let size = 0
  for (const p of parts) size += typeof p === 'string' ? Buffer.byteLength(p) : p.length
  // allocUnsafeSlow: a buffer of its own on a plain ArrayBuffer, as hono's body type wants,
  // not zero-filled, since every byte is written at once.
  const out = Buffer.allocUnsafeSlow(size)
  let at = 0
  for (const p of parts) {
    if (typeof p === 'string') at += out.write(p, at)
    else {
      out.set(p, at)
      at += p.length
    }
  }
  return out as Uint8Array<ArrayBuffer>
}

/**
 * The answer of POST /recommendations as UTF-8 JSON: exactly the bytes of `JSON.stringify`
 * of the answer with every strategy presented by {@link presentRecommended}. What repeats from
 * answer to answer — each strategy's fixed fields, most of every address — is serialised
 * and encoded once and copied in; per request only scores, severities and explanations are
 * written. Handing the server bytes also spares it encoding the whole answer to write it out.
 */
export function recommendationsBody(
  kb: KbIndex,
  answer: Omit<RecommendationsResponse, 'strategies'> & { readonly strategies: readonly Recommended[] },
  lang: Lang,
  view: RecommendationView = 'full'
): Uint8Array<ArrayBuffer> {
  const { strategies, uncovered, ...head } = answer
  // Each strategy is `{fixed fields` + `,"score":…}`: one object, its fields in the order above.
  // Compact: `{"id":…` in place of the fixed fields, which the client has from GET /strategies.
  const out = new Pieces()
  out.write(`${JSON.stringify(head).slice(0, -1)},"strategies":[`)
  strategies.forEach((r, i) => {
    if (i > 0) out.write(',')
    if (view === 'compact') out.write(`{"id":${JSON.stringify(presentedOrThrow(kb, r.id, lang).out.id)}`)
    else out.copy(presentedOrThrow(kb, r.id, lang).openJson)
    out.write(',')
    writeRecommendation(out, kb, r, lang, head.severityKind)
  })
  out.write(`],"uncovered":${JSON.stringify(uncovered)}}`)
  return concatUtf8(out.end())
}

export function presentLink(kb: KbIndex, l: Link, lang: Lang): LinkOut {
  const source = kb.source.get(l.source)
  return {
    source: l.source,
    sourceLabel: source?.label[lang] ?? l.source,
    sourceUrl: source?.url ?? null,
    evidence: source?.evidence ?? 'P',
    tier: source?.tier ?? 'proposal',
    method: l.method,
    strength: l.strength,
    basis: l.basis,
    cell: l.cell ?? null,
    construct: l.construct ?? null,
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
