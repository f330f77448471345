/**
 * @module Loads the knowledge base from `data/kb/` into SQLite, in one transaction.
 *
 * The source files are parsed and checked completely before anything is written; a broken
 * file throws a {@link KbSourceError} and leaves the database as it was. Loading the same
 * files twice leaves the same database: when the files' hash equals the one stored at the
 * last load nothing is written at all. Imported links (`npm run kb:import`) are kept.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { eq, inArray, sql } from 'drizzle-orm'
import type { KbSources } from '../domain/kb-integrity.ts'
import { readKbSources } from '../kb/read-sources.ts'
import type { Db } from './client.ts'
import { KB_HASH_KEY, storedKbHash } from './queries/kb.ts'
import { bumpKbRevision } from './queries/kb-meta.ts'
import { insertLinks } from './queries/links.ts'
import * as t from './schema.ts'


/** A stable hash of every file under `kbDir`, so a start can tell whether anything changed. */
export function hashKbFiles(kbDir: string): string {
  const hash = createHash('sha256')
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
      .sort()
  for (const file of walk(kbDir)) {
    hash.update(relative(kbDir, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

export type LoadResult = { readonly loaded: boolean; readonly hash: string }

/**
 * Loads `kbDir` into `db` unless the same files were loaded before (`force` loads anyway).
 *
 * @throws {KbSourceError} when a source file is invalid; nothing is written then.
 * @throws {Error} when an imported link points at a strategy the new files no longer have.
 * @throws {SqliteError} `SQLITE_BUSY` when another process held the write lock for longer
 *   than the busy timeout; nothing is written then.
 */
export function loadKb(db: Db, kbDir: string, options: { force?: boolean } = {}): LoadResult {
  const hash = hashKbFiles(kbDir)
  if (!options.force && storedKbHash(db) === hash) return { loaded: false, hash }
  const kb = readKbSources(kbDir)
  return { loaded: writeKb(db, kb, hash, options), hash }
}

/**
 * Replaces the curated knowledge base in one transaction; imported links are kept. Returns
 * false, writing nothing, when `hash` is already stored (unless `force`): another process
 * may have loaded the same files while these were read.
 */
export function writeKb(db: Db, kb: KbSources, hash: string, options: { force?: boolean } = {}): boolean {
  const strategies = kb.strategies.flatMap((f) => f.records)
  const links = kb.links.flatMap((f) => f.records)
  const strategyIds = new Set(strategies.map((s) => s.id))

  // IMMEDIATE takes the write lock before the first read. A deferred transaction reads first
  // and upgrades at its first write, and in WAL mode that upgrade fails with SQLITE_BUSY,
  // without waiting, when another process wrote since the read: two imports starting on a
  // fresh database failed so. Waiting for the lock (busy_timeout) serialises them, and the
  // hash read under the lock lets the second skip the work.
  return db.transaction((tx) => {
    if (!options.force && storedKbHash(db) === hash) return false
    const orphans = tx
      .select({ strategyId: t.determinantStrategies.strategyId, sourceId: t.sources.id })
      .from(t.determinantStrategies)
      .innerJoin(t.sources, eq(t.sources.id, t.determinantStrategies.sourceId))
      .where(eq(t.sources.origin, 'imported'))
      .all()
      .filter((l) => !strategyIds.has(l.strategyId))
    if (orphans.length > 0) {
      const names = [...new Set(orphans.map((o) => `'${o.strategyId}' (source '${o.sourceId}')`))]
      throw new Error(
        `Imported links point at strategies that data/kb no longer has: ${names.join(', ')}. ` +
          'Restore the strategies or remove that import before loading.'
      )
    }

    // Rows are deleted and written again under the same keys; foreign keys are checked at
    // commit, when every referenced row is back.
    tx.run(sql`PRAGMA defer_foreign_keys = ON`)
    const curatedSources = tx
      .select({ id: t.sources.id })
      .from(t.sources)
      .where(eq(t.sources.origin, 'curated'))
      .all()
      .map((s) => s.id)
    if (curatedSources.length > 0) {
      tx.delete(t.determinantStrategies)
        .where(inArray(t.determinantStrategies.sourceId, curatedSources))
        .run()
    }
    tx.delete(t.sources).where(eq(t.sources.origin, 'curated')).run()
    for (const table of [
      t.strategyPhases,
      t.strategyActors,
      t.strategies,
      t.clusters,
      t.items,
      t.scaleOptions,
      t.answerScales,
      t.determinants,
      t.methods,
    ]) {
      tx.delete(table).run()
    }
    tx.run(sql`DELETE FROM kb_search`)

    tx.insert(t.answerScales)
      .values(kb.scales.records.map((s) => ({ id: s.id, kind: s.kind, labelNl: s.label.nl, labelEn: s.label.en })))
      .run()
    tx.insert(t.scaleOptions)
      .values(
        kb.scales.records.flatMap((s) =>
          s.options.map((o, position) => ({
            scaleId: s.id,
            value: o.value,
            position,
            labelNl: o.label.nl,
            labelEn: o.label.en,
            valence: o.valence,
            score: o.score,
          }))
        )
      )
      .run()
    tx.insert(t.determinants)
      .values(
        kb.determinants.records.map((d) => ({
          number: d.number,
          code: d.code,
          group: d.group,
          nameNl: d.name.nl,
          nameEn: d.name.en,
          nameVerified: d.nameVerified,
          definitionNl: d.definition.nl,
          definitionEn: d.definition.en,
          respondent: d.respondent,
        }))
      )
      .run()
    tx.insert(t.items)
      .values(
        kb.determinants.records.flatMap((d) =>
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
        )
      )
      .run()
    tx.insert(t.clusters)
      .values(
        kb.clusters.records.map((c, position) => ({
          id: c.id,
          position,
          origin: c.origin,
          ericName: c.ericName ?? null,
          nameNl: c.name.nl,
          nameEn: c.name.en,
          descriptionNl: c.description.nl,
          descriptionEn: c.description.en,
        }))
      )
      .run()
    tx.insert(t.strategies)
      .values(
        strategies.map((s, position) => ({
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
        }))
      )
      .run()
    tx.insert(t.strategyPhases)
      .values(strategies.flatMap((s) => s.phases.map((phase) => ({ strategyId: s.id, phase }))))
      .run()
    tx.insert(t.strategyActors)
      .values(strategies.flatMap((s) => s.actors.map((actor) => ({ strategyId: s.id, actor }))))
      .run()
    tx.insert(t.methods)
      .values(
        kb.methods.records.map((m) => ({
          id: m.id,
          nameNl: m.name.nl,
          nameEn: m.name.en,
          descriptionNl: m.description.nl,
          descriptionEn: m.description.en,
          bases: m.bases,
          fixedStrength: m.fixedStrength ?? null,
        }))
      )
      .run()
    tx.insert(t.sources)
      .values(
        kb.sources.records.map((s) => ({
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
        }))
      )
      .run()
    insertLinks(tx, links)
    for (const s of strategies) {
      for (const lang of ['nl', 'en'] as const) {
        tx.run(
          sql`INSERT INTO kb_search (kind, ref, lang, name, body) VALUES ('strategy', ${s.id}, ${lang}, ${s.name[lang]}, ${`${s.description[lang]} ${s.example[lang]}`})`
        )
      }
    }
    for (const d of kb.determinants.records) {
      for (const lang of ['nl', 'en'] as const) {
        const body = [d.definition[lang], ...d.items.map((i) => i.text[lang])].join(' ')
        tx.run(
          sql`INSERT INTO kb_search (kind, ref, lang, name, body) VALUES ('determinant', ${String(d.number)}, ${lang}, ${d.name[lang]}, ${body})`
        )
      }
    }
    tx.insert(t.kbMeta)
      .values({ key: KB_HASH_KEY, value: hash })
      .onConflictDoUpdate({ target: t.kbMeta.key, set: { value: hash } })
      .run()
    bumpKbRevision(tx)
    return true
  }, { behavior: 'immediate' })
}

