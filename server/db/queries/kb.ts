/**
 * @module Reads the knowledge base out of SQLite into plain records of the same shape as the
 * source files (server/schemas/kb.ts), plus full-text search.
 */
import { asc, eq, sql } from 'drizzle-orm'
import type { Cluster, Determinant, Link, Method, Scale, Strategy } from '../../schemas/kb.ts'
import { groupBy } from '../../domain/group-by.ts'
import type { KbContent } from '../../domain/kb-index.ts'
import { ACTORS, PHASES, type Lang } from '../../domain/vocabulary.ts'
import type { Db } from '../client.ts'
import * as t from '../schema.ts'

const bi = (nl: string, en: string) => ({ nl, en })
/** Reads every table of the knowledge base (a few hundred rows; done once per change). */
export function readKbContent(db: Db): KbContent {
  const options = groupBy(
    db.select().from(t.scaleOptions).orderBy(asc(t.scaleOptions.position)).all(),
    (o) => o.scaleId
  )
  const scales: Scale[] = db
    .select()
    .from(t.answerScales)
    .all()
    .map((s) => ({
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

  const items = groupBy(
    db.select().from(t.items).orderBy(asc(t.items.position)).all(),
    (i) => i.determinantNumber
  )
  const determinants: Determinant[] = db
    .select()
    .from(t.determinants)
    .orderBy(asc(t.determinants.number))
    .all()
    .map((d) => ({
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

  const clusters: Cluster[] = db
    .select()
    .from(t.clusters)
    .orderBy(asc(t.clusters.position))
    .all()
    .map((c) => ({
      id: c.id,
      origin: c.origin,
      ...(c.ericName ? { ericName: c.ericName } : {}),
      name: bi(c.nameNl, c.nameEn),
      description: bi(c.descriptionNl, c.descriptionEn),
    }))

  const phases = groupBy(db.select().from(t.strategyPhases).all(), (p) => p.strategyId)
  const actors = groupBy(db.select().from(t.strategyActors).all(), (a) => a.strategyId)
  const strategies: Strategy[] = db
    .select()
    .from(t.strategies)
    .orderBy(asc(t.strategies.position))
    .all()
    .map((s) => {
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

  const sources = db
    .select()
    .from(t.sources)
    .orderBy(asc(t.sources.origin), asc(t.sources.id))
    .all()
    .map((s) => ({
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

  const methods: Method[] = db
    .select()
    .from(t.methods)
    .all()
    .map((m) => ({
      id: m.id,
      name: bi(m.nameNl, m.nameEn),
      description: bi(m.descriptionNl, m.descriptionEn),
      bases: m.bases,
      ...(m.fixedStrength !== null ? { fixedStrength: m.fixedStrength } : {}),
    }))

  const links: Link[] = db
    .select()
    .from(t.determinantStrategies)
    .orderBy(asc(t.determinantStrategies.determinantNumber), asc(t.determinantStrategies.strategyId))
    .all()
    .map((l) => ({
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

/** Turns free text into an FTS5 query: every word must match, as a prefix, accents ignored. */
export function toFtsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return null
  return words.map((w) => `"${w}"*`).join(' ')
}

export type SearchHit = { readonly kind: 'strategy' | 'determinant'; readonly ref: string; readonly rank: number }

/**
 * Full-text search over names, descriptions, examples (strategies) and definitions and items
 * (determinants), in both languages or in `lang` only. Best matches first (bm25, names weigh
 * three times the body); one hit per record.
 */
export function searchKb(db: Db, text: string, lang?: Lang): SearchHit[] {
  const query = toFtsQuery(text)
  if (!query) return []
  const rows = db.all<SearchHit>(sql`
    SELECT kind, ref, bm25(kb_search, 0, 0, 0, 3.0, 1.0) AS rank
    FROM kb_search
    WHERE kb_search MATCH ${query} ${lang ? sql`AND lang = ${lang}` : sql``}
    ORDER BY rank, ref`)
  // bm25 cannot be aggregated in SQLite; keep each record's best row (the first, by order).
  const seen = new Set<string>()
  return rows.filter((r) => {
    const key = `${r.kind}:${r.ref}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The `kb_meta` key under which the hash of the loaded source files is kept. */
export const KB_HASH_KEY = 'sources_hash'

/** The stored hash of the loaded source files, or undefined before the first load. */
export function storedKbHash(db: Db): string | undefined {
  return db.select().from(t.kbMeta).where(eq(t.kbMeta.key, KB_HASH_KEY)).get()?.value
}
