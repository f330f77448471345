/**
 * @module The knowledge base on PostgreSQL ({@link KbRepository}): the same reads, load and
 * imports as the SQLite functions in server/db/queries/ and server/db/seed.ts, over the rows
 * mapped once in queries/kb-rows.ts. Every write to the knowledge base takes the transaction
 * advisory lock LOCKS.kb first, so two instances loading at once, or an import during a load,
 * run one after the other; the second load then finds the hash stored and writes nothing.
 */
import { asc, eq, sql } from 'drizzle-orm'
import { hashKbFiles } from '../seed.ts'
import { readKbSources } from '../../kb/read-sources.ts'
import type { KbSources } from '../../domain/kb-integrity.ts'
import { noteLocalKbWrite } from '../queries/kb-meta.ts'
import { KB_HASH_KEY, toFtsQuery } from '../queries/kb.ts'
import { assembleKbContent, curatedRows, curatedSourceMessage, importedSourceRow, linkRow, orphanMessage } from '../queries/kb-rows.ts'
import type { KbRepository, SearchHit } from '../store.ts'
import { LOCKS, type PgDb } from './client.ts'
import * as t from './schema.ts'

type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0]

/** Rows per INSERT: PostgreSQL binds at most 65,535 parameters in one statement. */
const CHUNK = 1000

export async function insertChunked<T extends Record<string, unknown>>(tx: Tx, table: Parameters<Tx['insert']>[0], rows: readonly T[]) {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK) as never[])
}

/** Bumps the revision, as every write to the knowledge base does (also server/db/pg/rating-repository.ts). */
export async function bumpRevision(tx: Tx): Promise<void> {
  noteLocalKbWrite()
  await tx
    .insert(t.kbMeta)
    .values({ key: 'revision', value: '1' })
    .onConflictDoUpdate({ target: t.kbMeta.key, set: { value: sql`(CAST(${t.kbMeta.value} AS integer) + 1)::text` } })
}

/** Takes the knowledge base's transaction advisory lock: writers to it run one at a time. */
export const lockKb = (tx: Tx) => tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCKS.kb})`)

async function storedHash(conn: PgDb | Tx): Promise<string | undefined> {
  const [row] = await conn.select().from(t.kbMeta).where(eq(t.kbMeta.key, KB_HASH_KEY))
  return row?.value
}

/** The FTS5 query's words as a tsquery: each a prefix, all required (sw_words unaccents them). */
function toTsQuery(text: string): { all: string; any: string } | null {
  if (!toFtsQuery(text)) return null
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return { all: words.map((w) => `'${w}':*`).join(' & '), any: words.map((w) => `'${w}'`).join(' | ') }
}

export function createPgKbRepository(db: PgDb): KbRepository {
  const writeKb = (kb: KbSources, hash: string, force: boolean) =>
    db.transaction(async (tx) => {
      await lockKb(tx)
      if (!force && (await storedHash(tx)) === hash) return false
      const rows = curatedRows(kb)
      const strategyIds = new Set(rows.strategies.map((s) => s.id))
      const imported = await tx
        .select({ link: t.determinantStrategies })
        .from(t.determinantStrategies)
        .innerJoin(t.sources, eq(t.sources.id, t.determinantStrategies.sourceId))
        .where(eq(t.sources.origin, 'imported'))
      const orphaned = orphanMessage(
        imported.map((r) => r.link).filter((l) => !strategyIds.has(l.strategyId))
      )
      if (orphaned) throw new Error(orphaned)

      // PostgreSQL checks a foreign key at each statement (SQLite's load defers them to the
      // commit), so the imported links are set aside, everything is deleted children first and
      // written parents first, and the imported links are put back.
      await tx.delete(t.determinantStrategies)
      await tx.delete(t.sources).where(eq(t.sources.origin, 'curated'))
      for (const table of [t.strategyPhases, t.strategyActors, t.strategies, t.clusters, t.items, t.scaleOptions, t.answerScales, t.determinants, t.methods]) {
        await tx.delete(table)
      }
      await tx.delete(t.kbSearch)
      await insertChunked(tx, t.answerScales, rows.answerScales)
      await insertChunked(tx, t.scaleOptions, rows.scaleOptions)
      await insertChunked(tx, t.determinants, rows.determinants)
      await insertChunked(tx, t.items, rows.items)
      await insertChunked(tx, t.clusters, rows.clusters)
      await insertChunked(tx, t.strategies, rows.strategies)
      await insertChunked(tx, t.strategyPhases, rows.strategyPhases)
      await insertChunked(tx, t.strategyActors, rows.strategyActors)
      await insertChunked(tx, t.methods, rows.methods)
      await insertChunked(tx, t.sources, rows.sources)
      await insertChunked(tx, t.determinantStrategies, [...rows.links, ...imported.map((r) => r.link)])
      await insertChunked(tx, t.kbSearch, rows.search)
      await tx
        .insert(t.kbMeta)
        .values({ key: KB_HASH_KEY, value: hash })
        .onConflictDoUpdate({ target: t.kbMeta.key, set: { value: hash } })
      await bumpRevision(tx)
      return true
    })

  return {
    async revision() {
      // A named statement: parsed once per connection, then only executed.
      const result = await db.$client.query<{ value: string }>({
        name: 'sw-kb-revision',
        text: "SELECT value FROM kb_meta WHERE key = 'revision'",
      })
      return Number(result.rows[0]?.value ?? 0)
    },

    async content() {
      // One snapshot: a load committing in between cannot mix two versions.
      return db.transaction(
        async (tx) =>
          assembleKbContent({
            scales: await tx.select().from(t.answerScales),
            options: await tx.select().from(t.scaleOptions).orderBy(asc(t.scaleOptions.position)),
            determinants: await tx.select().from(t.determinants).orderBy(asc(t.determinants.number)),
            items: await tx.select().from(t.items).orderBy(asc(t.items.position)),
            clusters: await tx.select().from(t.clusters).orderBy(asc(t.clusters.position)),
            phases: await tx.select().from(t.strategyPhases),
            actors: await tx.select().from(t.strategyActors),
            strategies: await tx.select().from(t.strategies).orderBy(asc(t.strategies.position)),
            // COLLATE "C": byte order, as SQLite sorts text, whatever the database's locale.
            sources: await tx
              .select()
              .from(t.sources)
              .orderBy(sql`${t.sources.origin} COLLATE "C"`, sql`${t.sources.id} COLLATE "C"`),
            methods: await tx.select().from(t.methods),
            links: await tx
              .select()
              .from(t.determinantStrategies)
              .orderBy(
                asc(t.determinantStrategies.determinantNumber),
                sql`${t.determinantStrategies.strategyId} COLLATE "C"`,
                sql`${t.determinantStrategies.sourceId} COLLATE "C"`
              ),
          }),
        { isolationLevel: 'repeatable read', accessMode: 'read only' }
      )
    },

    async hash() {
      return storedHash(db)
    },

    async search(text, lang) {
      const query = toTsQuery(text)
      if (!query) return []
      // Matching on sw_words finds what SQLite's FTS5 finds; the Dutch or English stems add to
      // the rank of a record that has the word itself or a form of it.
      const result = await db.execute<{ kind: SearchHit['kind']; ref: string; rank: number }>(sql`
        SELECT kind, ref, -max(
          ts_rank(words, to_tsquery('sw_words', ${query.all}))
          + ts_rank(stems, to_tsquery(CASE WHEN lang = 'nl' THEN 'sw_nl' ELSE 'sw_en' END::regconfig, ${query.any}))
        ) AS rank
        FROM kb_search
        WHERE words @@ to_tsquery('sw_words', ${query.all}) ${lang ? sql`AND lang = ${lang}` : sql``}
        GROUP BY kind, ref
        ORDER BY rank, ref COLLATE "C"`)
      return result.rows.map((r) => ({ kind: r.kind, ref: r.ref, rank: Number(r.rank) }))
    },

    async load(kbDir, options = {}) {
      const hash = hashKbFiles(kbDir)
      if (!options.force && (await storedHash(db)) === hash) return { loaded: false, hash }
      const kb = readKbSources(kbDir)
      return { loaded: await writeKb(kb, hash, options.force ?? false), hash }
    },

    async replaceImportedSource(source, links) {
      const row = importedSourceRow(source)
      await db.transaction(async (tx) => {
        await lockKb(tx)
        const [existing] = await tx.select().from(t.sources).where(eq(t.sources.id, source.id))
        if (existing?.origin === 'curated') throw new Error(curatedSourceMessage(source.id))
        await tx.delete(t.determinantStrategies).where(eq(t.determinantStrategies.sourceId, source.id))
        await tx.insert(t.sources).values(row).onConflictDoUpdate({ target: t.sources.id, set: row })
        await insertChunked(tx, t.determinantStrategies, links.map((l) => linkRow({ ...l, source: source.id })))
        await bumpRevision(tx)
      })
    },

    async removeImportedSource(id) {
      return db.transaction(async (tx) => {
        await lockKb(tx)
        const [existing] = await tx.select().from(t.sources).where(eq(t.sources.id, id))
        if (!existing || existing.origin !== 'imported') return false
        await tx.delete(t.determinantStrategies).where(eq(t.determinantStrategies.sourceId, id))
        await tx.delete(t.sources).where(eq(t.sources.id, id))
        await bumpRevision(tx)
        return true
      })
    },
  }
}
