/**
 * @module Reads the knowledge base out of SQLite into plain records of the same shape as the
 * source files (server/schemas/kb.ts), plus full-text search.
 */
import { asc, eq, sql } from 'drizzle-orm'
import type { KbContent } from '../../domain/kb-index.ts'
import type { Lang } from '../../domain/vocabulary.ts'
import type { Db } from '../client.ts'
import * as t from '../schema.ts'
import type { SearchHit } from '../store.ts'
import { assembleKbContent } from './kb-rows.ts'

/** Reads every table of the knowledge base (a few hundred rows; done once per change). */
export function readKbContent(db: Db): KbContent {
  return assembleKbContent({
    scales: db.select().from(t.answerScales).all(),
    options: db.select().from(t.scaleOptions).orderBy(asc(t.scaleOptions.position)).all(),
    determinants: db.select().from(t.determinants).orderBy(asc(t.determinants.number)).all(),
    items: db.select().from(t.items).orderBy(asc(t.items.position)).all(),
    clusters: db.select().from(t.clusters).orderBy(asc(t.clusters.position)).all(),
    phases: db.select().from(t.strategyPhases).all(),
    actors: db.select().from(t.strategyActors).all(),
    strategies: db.select().from(t.strategies).orderBy(asc(t.strategies.position)).all(),
    sources: db.select().from(t.sources).orderBy(asc(t.sources.origin), asc(t.sources.id)).all(),
    methods: db.select().from(t.methods).all(),
    links: db
      .select()
      .from(t.determinantStrategies)
      .orderBy(
        asc(t.determinantStrategies.determinantNumber),
        asc(t.determinantStrategies.strategyId),
        asc(t.determinantStrategies.sourceId)
      )
      .all(),
  })
}

/** Turns free text into an FTS5 query: every word must match, as a prefix, accents ignored. */
export function toFtsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return null
  return words.map((w) => `"${w}"*`).join(' ')
}

export type { SearchHit } from '../store.ts'

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
