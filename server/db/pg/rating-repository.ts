/**
 * @module The PostgreSQL implementation of {@link RatingRepository}: the SQLite one
 * (server/db/sqlite-rating-repository.ts), awaited, with the locks that SQLite's single writer
 * made unnecessary. Operations that read a study before they write lock its row: adding experts
 * and ending a round with `FOR UPDATE`, saving an answer with `FOR SHARE` (answers of many
 * experts are saved side by side, but never into a round that is being ended). Feeding the
 * knowledge base takes its advisory lock and bumps its revision as an import does
 * (server/db/pg/kb-repository.ts), so every instance sees the change.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import { pseudonym } from '../../domain/expert-rating.ts'
import { linkRow } from '../queries/kb-rows.ts'
import type { RatingRepository } from '../rating-repository.ts'
import { toAnswer, toExpert, toStudy } from '../sqlite-rating-repository.ts'
import type { PgDb } from './client.ts'
import { bumpRevision, insertChunked, lockKb } from './kb-repository.ts'
import * as t from './schema.ts'

/** A visit is written at most this often (as for team tokens). */
const LAST_SEEN_RESOLUTION_MS = 60_000

/** Rows per INSERT of links (four parameters a row; PostgreSQL binds at most 65,535). */
const LINK_CHUNK = 1000

type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0]
type Conn = PgDb | Tx
type Lock = 'update' | 'share'


export function createPgRatingRepository(db: PgDb): RatingRepository {
  const studyRow = async (conn: Conn, id: string, lock?: Lock) => {
    const query = conn.select().from(t.ratingStudies).where(eq(t.ratingStudies.id, id))
    return (await (lock ? query.for(lock) : query))[0]
  }
  const expertCount = async (conn: Conn, studyId: string) =>
    (await conn.select({ n: sql<number>`count(*)` }).from(t.ratingExperts).where(eq(t.ratingExperts.studyId, studyId)))[0]?.n ?? 0
  /** Pseudonyms follow the count of experts: the caller holds the study's row. */
  const insertExperts = async (tx: Tx, studyId: string, experts: readonly { id: string; tokenHash: string }[], now: number) => {
    const first = await expertCount(tx, studyId)
    const rows = experts.map((e, i) => ({ id: e.id, studyId, pseudonym: pseudonym(first + i), tokenHash: e.tokenHash, createdAt: now }))
    if (rows.length > 0) await tx.insert(t.ratingExperts).values(rows)
    return rows.map((r) => toExpert({ ...r, linkGeneration: 0, lastSeenAt: null }))
  }

  return {
    async createStudy({ study, links, ownerTokenHash, experts, now }) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(t.ratingStudies)
          .values({ ...study, questions: [...study.questions], ownerTokenHash, createdAt: now, updatedAt: now })
          .returning()
        for (let i = 0; i < links.length; i += LINK_CHUNK) {
          await tx
            .insert(t.ratingLinks)
            .values(links.slice(i, i + LINK_CHUNK).map((l, j) => ({ studyId: study.id, determinant: l.determinant, strategy: l.strategy, position: i + j })))
        }
        await insertExperts(tx, study.id, experts, now)
        return toStudy(row!)
      })
    },

    async getStudy(id) {
      const row = await studyRow(db, id)
      return row ? toStudy(row) : null
    },

    async studyLinks(id) {
      return db
        .select({ determinant: t.ratingLinks.determinant, strategy: t.ratingLinks.strategy })
        .from(t.ratingLinks)
        .where(eq(t.ratingLinks.studyId, id))
        .orderBy(asc(t.ratingLinks.position))
    },

    async authenticateOwner(tokenHash) {
      const [row] = await db.select({ id: t.ratingStudies.id }).from(t.ratingStudies).where(eq(t.ratingStudies.ownerTokenHash, tokenHash))
      return row ? { studyId: row.id } : null
    },

    async authenticateExpert(tokenHash, now) {
      const [row] = await db.select().from(t.ratingExperts).where(eq(t.ratingExperts.tokenHash, tokenHash))
      if (!row) return null
      if (row.lastSeenAt === null || now - row.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
        await db.update(t.ratingExperts).set({ lastSeenAt: now }).where(eq(t.ratingExperts.id, row.id))
      }
      return { studyId: row.studyId, expertId: row.id }
    },

    async addExperts(studyId, experts, now, max) {
      return db.transaction(async (tx) => {
        // Two additions at once would count the same experts and give the same pseudonyms.
        await studyRow(tx, studyId, 'update')
        if ((await expertCount(tx, studyId)) + experts.length > max) return { outcome: 'full' as const }
        const added = await insertExperts(tx, studyId, experts, now)
        await tx.update(t.ratingStudies).set({ updatedAt: now }).where(eq(t.ratingStudies.id, studyId))
        return { outcome: 'added' as const, experts: added }
      })
    },

    async listExperts(studyId) {
      // COLLATE "C": byte order, as SQLite sorts text, whatever the database's locale.
      const rows = await db
        .select()
        .from(t.ratingExperts)
        .where(eq(t.ratingExperts.studyId, studyId))
        .orderBy(sql`${t.ratingExperts.pseudonym} COLLATE "C"`)
      return rows.map(toExpert)
    },

    async listAnswers(studyId) {
      return (await db.select().from(t.ratingAnswers).where(eq(t.ratingAnswers.studyId, studyId))).map(toAnswer)
    },

    async saveAnswer(studyId, expertId, input, now) {
      return db.transaction(async (tx) => {
        // A shared lock: answers are saved side by side, but wait for a round being ended, and
        // an answer is never written into a round that has just been closed.
        const study = await studyRow(tx, studyId, 'share')
        if (!study || study.closedAt !== null) return { outcome: 'closed' as const }
        const [link] = await tx
          .select({ position: t.ratingLinks.position })
          .from(t.ratingLinks)
          .where(and(eq(t.ratingLinks.studyId, studyId), eq(t.ratingLinks.determinant, input.determinant), eq(t.ratingLinks.strategy, input.strategy)))
        if (!link) return { outcome: 'not-in-study' as const }
        // Fields left out keep their value. SQLite reads the answer and writes it back whole; here
        // the upsert changes only the fields given, in one statement, so two saves of the same
        // answer at once (a comment and a rating from two tabs) both keep what they wrote.
        const given = {
          ...(input.relevance !== undefined ? { relevance: input.relevance } : {}),
          ...(input.feasibility !== undefined ? { feasibility: input.feasibility } : {}),
          ...(input.comment !== undefined ? { comment: input.comment } : {}),
        }
        const [row] = await tx
          .insert(t.ratingAnswers)
          .values({
            studyId,
            expertId,
            round: study.currentRound,
            determinant: input.determinant,
            strategy: input.strategy,
            relevance: null,
            feasibility: null,
            comment: null,
            ...given,
            updatedAt: now,
          })
          .onConflictDoUpdate({
            target: [t.ratingAnswers.expertId, t.ratingAnswers.round, t.ratingAnswers.determinant, t.ratingAnswers.strategy],
            set: { ...given, updatedAt: now },
          })
          .returning()
        return { outcome: 'saved' as const, answer: toAnswer(row!) }
      })
    },

    async endRound(studyId, round, close, now) {
      return db.transaction(async (tx) => {
        const study = await studyRow(tx, studyId, 'update')
        if (!study) return null
        if (study.closedAt !== null || study.currentRound !== round) return toStudy(study)
        const set = close ? { closedAt: now, closedReason: close, updatedAt: now } : { currentRound: round + 1, updatedAt: now }
        const [row] = await tx.update(t.ratingStudies).set(set).where(eq(t.ratingStudies.id, studyId)).returning()
        return toStudy(row ?? study)
      })
    },

    async feedKnowledgeBase(studyId, source, links, now) {
      return db.transaction(async (tx) => {
        // The knowledge base's lock first, as every writer to it takes it; then the study's row.
        await lockKb(tx)
        const study = await studyRow(tx, studyId, 'update')
        if (!study) return false
        const [existing] = await tx.select({ origin: t.sources.origin }).from(t.sources).where(eq(t.sources.id, source.id))
        if (existing?.origin === 'curated') throw new Error(`'${source.id}' is a source of data/kb`)
        const row = {
          id: source.id,
          label: source.label.en,
          labelNl: source.label.nl,
          citation: source.citation,
          url: null,
          kind: 'delphi' as const,
          tier: 'expert-rated' as const,
          evidence: 'V' as const,
          descriptionNl: source.description.nl,
          descriptionEn: source.description.en,
          origin: 'imported' as const,
        }
        await tx.delete(t.determinantStrategies).where(eq(t.determinantStrategies.sourceId, source.id))
        await tx.insert(t.sources).values(row).onConflictDoUpdate({ target: t.sources.id, set: row })
        await insertChunked(tx, t.determinantStrategies, links.map(linkRow))
        await bumpRevision(tx)
        await tx.update(t.ratingStudies).set({ sourceId: source.id, updatedAt: now }).where(eq(t.ratingStudies.id, studyId))
        return true
      })
    },

    async removeFromKnowledgeBase(studyId, now) {
      return db.transaction(async (tx) => {
        await lockKb(tx)
        const study = await studyRow(tx, studyId, 'update')
        if (!study?.sourceId) return false
        const [existing] = await tx.select({ origin: t.sources.origin }).from(t.sources).where(eq(t.sources.id, study.sourceId))
        if (existing && existing.origin === 'imported') {
          await tx.delete(t.determinantStrategies).where(eq(t.determinantStrategies.sourceId, study.sourceId))
          await tx.delete(t.sources).where(eq(t.sources.id, study.sourceId))
          await bumpRevision(tx)
        }
        await tx.update(t.ratingStudies).set({ sourceId: null, updatedAt: now }).where(eq(t.ratingStudies.id, studyId))
        return true
      })
    },

    async renewExpertLink(studyId, pseudonym, hashFor) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(t.ratingExperts)
          .where(and(eq(t.ratingExperts.studyId, studyId), eq(t.ratingExperts.pseudonym, pseudonym)))
          .for('update')
        if (!row) return null
        const linkGeneration = row.linkGeneration + 1
        const [updated] = await tx
          .update(t.ratingExperts)
          .set({ linkGeneration, tokenHash: hashFor(row.id, linkGeneration) })
          .where(eq(t.ratingExperts.id, row.id))
          .returning()
        return toExpert(updated!)
      })
    },

    async deleteStudy(studyId) {
      return db.transaction(async (tx) => {
        // The row lock waits for a feed of the study under way, and keeps one from starting.
        const study = await studyRow(tx, studyId, 'update')
        if (!study) return 'absent' as const
        if (study.sourceId !== null) return 'in-knowledge-base' as const
        await tx.delete(t.ratingStudies).where(eq(t.ratingStudies.id, studyId))
        return 'deleted' as const
      })
    },
  }
}
