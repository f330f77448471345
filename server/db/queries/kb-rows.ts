/**
 * @module The knowledge base between its records (the shape of the source files) and its
 * table rows, for both dialects: the rows of server/db/schema.ts and server/db/pg/schema.ts
 * have the same TypeScript types, so reading and writing are written once here and each
 * dialect only runs the statements.
 */
import type { Cluster, Determinant, Link, Method, Scale, Strategy } from '../../schemas/kb.ts'
import type { KbSources } from '../../domain/kb-integrity.ts'
import { groupBy } from '../../domain/group-by.ts'
import type { KbContent } from '../../domain/kb-index.ts'
import { ACTORS, PHASES } from '../../domain/vocabulary.ts'
import type * as t from '../schema.ts'

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect']

/** Every table of the knowledge base, as read: options, items and links in their reading order. */
export type KbTableRows = {
  readonly scales: readonly Row<typeof t.answerScales>[]
  /** By position. */
  readonly options: readonly Row<typeof t.scaleOptions>[]
  /** By number. */
  readonly determinants: readonly Row<typeof t.determinants>[]
  /** By position. */
  readonly items: readonly Row<typeof t.items>[]
  /** By position. */
  readonly clusters: readonly Row<typeof t.clusters>[]
  readonly phases: readonly Row<typeof t.strategyPhases>[]
  readonly actors: readonly Row<typeof t.strategyActors>[]
  /** By position. */
  readonly strategies: readonly Row<typeof t.strategies>[]
  /** By origin, then id. */
  readonly sources: readonly Row<typeof t.sources>[]
  readonly methods: readonly Row<typeof t.methods>[]
  /** By determinant, then strategy, then source. */
  readonly links: readonly Row<typeof t.determinantStrategies>[]
}

const bi = (nl: string, en: string) => ({ nl, en })

/** The records of the knowledge base from its rows. */
export function assembleKbContent(rows: KbTableRows): KbContent {
  const options = groupBy([...rows.options], (o) => o.scaleId)
  const scales: Scale[] = rows.scales.map((s) => ({
    id: s.id,
    kind: s.kind,
    label: bi(s.labelNl, s.labelEn),
    options: (options.get(s.id) ?? []).map((o) => ({
      value: o.value,
      label: bi(o.labelNl, o.labelEn),
      valence: o.valence,
      score: o.score,
    })),
  }))

  const items = groupBy([...rows.items], (i) => i.determinantNumber)
  const determinants: Determinant[] = rows.determinants.map((d) => ({
    number: d.number,
    code: d.code,
    group: d.group,
    name: bi(d.nameNl, d.nameEn),
    nameVerified: d.nameVerified,
    definition: bi(d.definitionNl, d.definitionEn),
    respondent: d.respondent,
    items: (items.get(d.number) ?? []).map((i) => ({
      id: i.id,
      text: bi(i.textNl, i.textEn),
      scale: i.scaleId,
      reverse: i.reverse,
      verified: i.verified,
    })),
  }))

  const clusters: Cluster[] = rows.clusters.map((c) => ({
    id: c.id,
    origin: c.origin,
    ...(c.ericName ? { ericName: c.ericName } : {}),
    name: bi(c.nameNl, c.nameEn),
    description: bi(c.descriptionNl, c.descriptionEn),
  }))

  const phases = groupBy([...rows.phases], (p) => p.strategyId)
  const actors = groupBy([...rows.actors], (a) => a.strategyId)
  const strategies: Strategy[] = rows.strategies.map((s) => {
    const waltz = {
      ...(s.waltzImportance !== null ? { importance: s.waltzImportance } : {}),
      ...(s.waltzFeasibility !== null ? { feasibility: s.waltzFeasibility } : {}),
      ...(s.waltzQuadrant !== null ? { quadrant: s.waltzQuadrant } : {}),
    }
    return {
      id: s.id,
      ...(s.ericNumber !== null ? { ericNumber: s.ericNumber } : {}),
      ...(s.ericName !== null ? { ericName: s.ericName } : {}),
      ...(s.sisterNumber !== null ? { sisterNumber: s.sisterNumber } : {}),
      origin: s.origin,
      name: bi(s.nameNl, s.nameEn),
      description: bi(s.descriptionNl, s.descriptionEn),
      example: bi(s.exampleNl, s.exampleEn),
      cluster: s.clusterId,
      // Stored unordered; given back in the vocabulary's order.
      phases: sortBy(phases.get(s.id)?.map((p) => p.phase) ?? [], PHASE_ORDER),
      actors: sortBy(actors.get(s.id)?.map((a) => a.actor) ?? [], ACTOR_ORDER),
      effort: s.effort,
      ...(Object.keys(waltz).length > 0 ? { waltz } : {}),
      mechanismChanged: s.mechanismChanged,
      ...(s.adaptationNoteNl !== null && s.adaptationNoteEn !== null
        ? { adaptationNote: bi(s.adaptationNoteNl, s.adaptationNoteEn) }
        : {}),
    }
  })

  const sources = rows.sources.map((s) => ({
    id: s.id,
    label: bi(s.labelNl ?? s.label, s.label),
    citation: s.citation,
    ...(s.url ? { url: s.url } : {}),
    kind: s.kind,
    tier: s.tier,
    evidence: s.evidence,
    description: bi(s.descriptionNl, s.descriptionEn),
    origin: s.origin,
  }))

  const methods: Method[] = rows.methods.map((m) => ({
    id: m.id,
    name: bi(m.nameNl, m.nameEn),
    description: bi(m.descriptionNl, m.descriptionEn),
    bases: m.bases,
    ...(m.fixedStrength !== null ? { fixedStrength: m.fixedStrength } : {}),
  }))

  const links: Link[] = rows.links.map((l) => ({
    determinant: l.determinantNumber,
    strategy: l.strategyId,
    source: l.sourceId,
    method: l.methodId,
    strength: l.strength,
    basis: l.basis,
    ...(l.cell !== null ? { cell: l.cell } : {}),
    ...(l.construct !== null ? { construct: l.construct } : {}),
    rationale: bi(l.rationaleNl, l.rationaleEn),
    ...(l.viaNl !== null && l.viaEn !== null ? { via: bi(l.viaNl, l.viaEn) } : {}),
  }))

  return { scales, determinants, clusters, strategies, sources, methods, links }
}

const PHASE_ORDER: readonly string[] = PHASES
const ACTOR_ORDER: readonly string[] = ACTORS
function sortBy<T extends string>(values: T[], order: readonly string[]): T[] {
  return values.sort((a, b) => order.indexOf(a) - order.indexOf(b))
}

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert']

/** A link as a row of determinant_strategies. */
export const linkRow = (l: Link): Insert<typeof t.determinantStrategies> => ({
  determinantNumber: l.determinant,
  strategyId: l.strategy,
  sourceId: l.source,
  methodId: l.method,
  strength: l.strength,
  basis: l.basis,
  cell: l.cell ?? null,
  construct: l.construct ?? null,
  viaNl: l.via?.nl ?? null,
  viaEn: l.via?.en ?? null,
  rationaleNl: l.rationale.nl,
  rationaleEn: l.rationale.en,
})

/** A search document: one per record and language (the kb_search table of either dialect). */
export type SearchDocument = {
  readonly kind: 'strategy' | 'determinant'
  readonly ref: string
  readonly lang: 'nl' | 'en'
  readonly name: string
  readonly body: string
}

/**
 * The rows of the curated knowledge base, table by table, in an order that inserts parents
 * before their children. Links (curated) and the search documents come last.
 */
export function curatedRows(kb: KbSources) {
  const strategies = kb.strategies.flatMap((f) => f.records)
  return {
    answerScales: kb.scales.records.map((s) => ({ id: s.id, kind: s.kind, labelNl: s.label.nl, labelEn: s.label.en })),
    scaleOptions: kb.scales.records.flatMap((s) =>
      s.options.map((o, position) => ({
        scaleId: s.id,
        value: o.value,
        position,
        labelNl: o.label.nl,
        labelEn: o.label.en,
        valence: o.valence,
        score: o.score,
      }))
    ),
    determinants: kb.determinants.records.map((d) => ({
      number: d.number,
      code: d.code,
      group: d.group,
      nameNl: d.name.nl,
      nameEn: d.name.en,
      nameVerified: d.nameVerified,
      definitionNl: d.definition.nl,
      definitionEn: d.definition.en,
      respondent: d.respondent,
    })),
    items: kb.determinants.records.flatMap((d) =>
      d.items.map((item, position) => ({
        id: item.id,
        determinantNumber: d.number,
        position,
        textNl: item.text.nl,
        textEn: item.text.en,
        scaleId: item.scale,
        reverse: item.reverse,
        verified: item.verified,
      }))
    ),
    clusters: kb.clusters.records.map((c, position) => ({
      id: c.id,
      position,
      origin: c.origin,
      ericName: c.ericName ?? null,
      nameNl: c.name.nl,
      nameEn: c.name.en,
      descriptionNl: c.description.nl,
      descriptionEn: c.description.en,
    })),
    strategies: strategies.map((s, position) => ({
      id: s.id,
      position,
      ericNumber: s.ericNumber ?? null,
      ericName: s.ericName ?? null,
      sisterNumber: s.sisterNumber ?? null,
      origin: s.origin,
      nameNl: s.name.nl,
      nameEn: s.name.en,
      descriptionNl: s.description.nl,
      descriptionEn: s.description.en,
      exampleNl: s.example.nl,
      exampleEn: s.example.en,
      clusterId: s.cluster,
      effort: s.effort,
      waltzImportance: s.waltz?.importance ?? null,
      waltzFeasibility: s.waltz?.feasibility ?? null,
      waltzQuadrant: s.waltz?.quadrant ?? null,
      mechanismChanged: s.mechanismChanged,
      adaptationNoteNl: s.adaptationNote?.nl ?? null,
      adaptationNoteEn: s.adaptationNote?.en ?? null,
    })),
    strategyPhases: strategies.flatMap((s) => s.phases.map((phase) => ({ strategyId: s.id, phase }))),
    strategyActors: strategies.flatMap((s) => s.actors.map((actor) => ({ strategyId: s.id, actor }))),
    methods: kb.methods.records.map((m) => ({
      id: m.id,
      nameNl: m.name.nl,
      nameEn: m.name.en,
      descriptionNl: m.description.nl,
      descriptionEn: m.description.en,
      bases: m.bases,
      fixedStrength: m.fixedStrength ?? null,
    })),
    sources: kb.sources.records.map((s) => ({
      id: s.id,
      label: s.label.en,
      labelNl: s.label.nl === s.label.en ? null : s.label.nl,
      citation: s.citation,
      url: s.url ?? null,
      kind: s.kind,
      tier: s.tier,
      evidence: s.evidence,
      descriptionNl: s.description.nl,
      descriptionEn: s.description.en,
      origin: 'curated' as const,
    })),
    links: kb.links.flatMap((f) => f.records).map(linkRow),
    search: searchDocuments(kb),
  }
}

/**
 * What full-text search covers: names, descriptions and examples of strategies; names,
 * definitions and items of determinants; each in both languages.
 */
export function searchDocuments(kb: KbSources): SearchDocument[] {
  const langs = ['nl', 'en'] as const
  return [
    ...kb.strategies
      .flatMap((f) => f.records)
      .flatMap((s) =>
        langs.map((lang) => ({
          kind: 'strategy' as const,
          ref: s.id,
          lang,
          name: s.name[lang],
          body: `${s.description[lang]} ${s.example[lang]}`,
        }))
      ),
    ...kb.determinants.records.flatMap((d) =>
      langs.map((lang) => ({
        kind: 'determinant' as const,
        ref: String(d.number),
        lang,
        name: d.name[lang],
        body: [d.definition[lang], ...d.items.map((i) => i.text[lang])].join(' '),
      }))
    ),
  ]
}

/** The imported links that would point at strategies the new files no longer have, named for the error. */
export function orphanMessage(orphans: readonly { strategyId: string; sourceId: string }[]): string | null {
  if (orphans.length === 0) return null
  const names = [...new Set(orphans.map((o) => `'${o.strategyId}' (source '${o.sourceId}')`))]
  return (
    `Imported links point at strategies that data/kb no longer has: ${names.join(', ')}. ` +
    'Restore the strategies or remove that import before loading.'
  )
}

/** The row of an imported source (npm run kb:import, or the import of a mapping). */
export function importedSourceRow(source: {
  readonly id: string
  readonly label: string
  readonly citation: string
  readonly url?: string
  readonly evidence: 'V' | 'S' | 'U' | 'P'
}) {
  return {
    id: source.id,
    label: source.label,
    citation: source.citation,
    url: source.url ?? null,
    kind: 'imported' as const,
    tier: 'imported' as const,
    evidence: source.evidence,
    descriptionNl: `Geïmporteerd met npm run kb:import: ${source.citation}`,
    descriptionEn: `Imported with npm run kb:import: ${source.citation}`,
    origin: 'imported' as const,
  }
}

/** The message when an import names a curated source. */
export const curatedSourceMessage = (id: string) => `'${id}' is a source of data/kb; choose another name for the import`
