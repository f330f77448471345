/**
 * @module The SQLite implementation of {@link RatingRepository}. better-sqlite3 is
 * synchronous; every operation that writes more than one row, or reads before it writes, runs
 * in one IMMEDIATE transaction.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import { pseudonym, type Answer } from '../domain/expert-rating.ts'
import type { Db } from './client.ts'
import { bumpKbRevision } from './queries/kb-meta.ts'
import { insertLinks } from './queries/links.ts'
import type { Expert, RatingRepository, Study } from './rating-repository.ts'
import * as t from './schema.ts'

/** A visit is written at most this often (as for team tokens). */
const LAST_SEEN_RESOLUTION_MS = 60_000

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type Conn = Db | Tx

/** Rows to records. Exported: the PostgreSQL repository's rows have the same shape and use these too. */
export const toStudy = (r: t.RatingStudyRow): Study => ({
  id: r.id,
  name: r.name,
  questions: r.questions,
  rounds: r.rounds,
  rule: r.rule,
  currentRound: r.currentRound,
  closedAt: r.closedAt,
  closedReason: r.closedReason,
  sourceId: r.sourceId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
})

export const toExpert = (r: typeof t.ratingExperts.$inferSelect): Expert => ({
  id: r.id,
  pseudonym: r.pseudonym,
  linkGeneration: r.linkGeneration,
  createdAt: r.createdAt,
  lastSeenAt: r.lastSeenAt,
})

export const toAnswer = (r: typeof t.ratingAnswers.$inferSelect): Answer => ({
  expert: r.expertId,
  round: r.round,
  determinant: r.determinant,
  strategy: r.strategy,
  relevance: r.relevance,
  feasibility: r.feasibility,
  comment: r.comment,
})

export function createSqliteRatingRepository(db: Db): RatingRepository {
  const immediate = <T>(fn: (tx: Tx) => T): T => db.transaction(fn, { behavior: 'immediate' })
  const studyRow = (conn: Conn, id: string) => conn.select().from(t.ratingStudies).where(eq(t.ratingStudies.id, id)).get()
  const expertCount = (conn: Conn, studyId: string) =>
    conn.select({ n: sql<number>`count(*)` }).from(t.ratingExperts).where(eq(t.ratingExperts.studyId, studyId)).get()?.n ?? 0
  const insertExperts = (tx: Tx, studyId: string, experts: readonly { id: string; tokenHash: string }[], now: number) => {
    const first = expertCount(tx, studyId)
    const rows = experts.map((e, i) => ({ id: e.id, studyId, pseudonym: pseudonym(first + i), tokenHash: e.tokenHash, createdAt: now }))
    if (rows.length > 0) tx.insert(t.ratingExperts).values(rows).run()
    return rows.map((r) => toExpert({ ...r, linkGeneration: 0, lastSeenAt: null }))
  }

  return {
    async createStudy({ study, links, ownerTokenHash, experts, now }) {
      return immediate((tx) => {
        const row = tx
          .insert(t.ratingStudies)
          .values({ ...study, questions: [...study.questions], ownerTokenHash, createdAt: now, updatedAt: now })
          .returning()
          .get()
        for (let i = 0; i < links.length; i += 300) {
          tx.insert(t.ratingLinks)
            .values(links.slice(i, i + 300).map((l, j) => ({ studyId: study.id, determinant: l.determinant, strategy: l.strategy, position: i + j })))
            .run()
        }
        insertExperts(tx, study.id, experts, now)
        return toStudy(row)
      })
    },

    async getStudy(id) {
      const row = studyRow(db, id)
      return row ? toStudy(row) : null
    },

    async studyLinks(id) {
      return db
        .select({ determinant: t.ratingLinks.determinant, strategy: t.ratingLinks.strategy })
        .from(t.ratingLinks)
        .where(eq(t.ratingLinks.studyId, id))
        .orderBy(asc(t.ratingLinks.position))
        .all()
    },

    async authenticateOwner(tokenHash) {
      const row = db.select({ id: t.ratingStudies.id }).from(t.ratingStudies).where(eq(t.ratingStudies.ownerTokenHash, tokenHash)).get()
      return row ? { studyId: row.id } : null
    },

    async authenticateExpert(tokenHash, now) {
      const row = db.select().from(t.ratingExperts).where(eq(t.ratingExperts.tokenHash, tokenHash)).get()
      if (!row) return null
      if (row.lastSeenAt === null || now - row.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) {
        db.update(t.ratingExperts).set({ lastSeenAt: now }).where(eq(t.ratingExperts.id, row.id)).run()
      }
      return { studyId: row.studyId, expertId: row.id }
    },

    async addExperts(studyId, experts, now, max) {
      return immediate((tx) => {
        if (expertCount(tx, studyId) + experts.length > max) return { outcome: 'full' as const }
        const added = insertExperts(tx, studyId, experts, now)
        tx.update(t.ratingStudies).set({ updatedAt: now }).where(eq(t.ratingStudies.id, studyId)).run()
        return { outcome: 'added' as const, experts: added }
      })
    },

    async listExperts(studyId) {
      return db.select().from(t.ratingExperts).where(eq(t.ratingExperts.studyId, studyId)).orderBy(asc(t.ratingExperts.pseudonym)).all().map(toExpert)
    },

    async listAnswers(studyId) {
      return db.select().from(t.ratingAnswers).where(eq(t.ratingAnswers.studyId, studyId)).all().map(toAnswer)
    },

    async saveAnswer(studyId, expertId, input, now) {
      return immediate((tx) => {
        const study = studyRow(tx, studyId)
        if (!study || study.closedAt !== null) return { outcome: 'closed' as const }
        const link = tx
          .select()
          .from(t.ratingLinks)
          .where(and(eq(t.ratingLinks.studyId, studyId), eq(t.ratingLinks.determinant, input.determinant), eq(t.ratingLinks.strategy, input.strategy)))
          .get()
        if (!link) return { outcome: 'not-in-study' as const }
        const key = { expertId, round: study.currentRound, determinant: input.determinant, strategy: input.strategy }
        const current = tx
          .select()
          .from(t.ratingAnswers)
          .where(
            and(
              eq(t.ratingAnswers.expertId, expertId),
              eq(t.ratingAnswers.round, key.round),
              eq(t.ratingAnswers.determinant, key.determinant),
              eq(t.ratingAnswers.strategy, key.strategy)
            )
          )
          .get()
        const row = {
          ...key,
          studyId,
          relevance: input.relevance !== undefined ? input.relevance : (current?.relevance ?? null),
          feasibility: input.feasibility !== undefined ? input.feasibility : (current?.feasibility ?? null),
          comment: input.comment !== undefined ? input.comment : (current?.comment ?? null),
          updatedAt: now,
        }
        tx.insert(t.ratingAnswers)
          .values(row)
          .onConflictDoUpdate({
            target: [t.ratingAnswers.expertId, t.ratingAnswers.round, t.ratingAnswers.determinant, t.ratingAnswers.strategy],
            set: { relevance: row.relevance, feasibility: row.feasibility, comment: row.comment, updatedAt: now },
          })
          .run()
        return { outcome: 'saved' as const, answer: toAnswer(row) }
      })
    },

    async endRound(studyId, round, close, now) {
      return immediate((tx) => {
        const study = studyRow(tx, studyId)
        if (!study) return null
        if (study.closedAt !== null || study.currentRound !== round) return toStudy(study)
        const set = close ? { closedAt: now, closedReason: close, updatedAt: now } : { currentRound: round + 1, updatedAt: now }
        return toStudy(tx.update(t.ratingStudies).set(set).where(eq(t.ratingStudies.id, studyId)).returning().get() ?? study)
      })
    },

    async feedKnowledgeBase(studyId, source, links, now) {
      return immediate((tx) => {
        const study = studyRow(tx, studyId)
        if (!study) return false
        const existing = tx.select().from(t.sources).where(eq(t.sources.id, source.id)).get()
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
        tx.delete(t.determinantStrategies).where(eq(t.determinantStrategies.sourceId, source.id)).run()
        tx.insert(t.sources).values(row).onConflictDoUpdate({ target: t.sources.id, set: row }).run()
        insertLinks(tx, links)
        bumpKbRevision(tx)
        tx.update(t.ratingStudies).set({ sourceId: source.id, updatedAt: now }).where(eq(t.ratingStudies.id, studyId)).run()
        return true
      })
    },

    async removeFromKnowledgeBase(studyId, now) {
      return immediate((tx) => {
        const study = studyRow(tx, studyId)
        if (!study?.sourceId) return false
        const existing = tx.select().from(t.sources).where(eq(t.sources.id, study.sourceId)).get()
        if (existing && existing.origin === 'imported') {
          tx.delete(t.determinantStrategies).where(eq(t.determinantStrategies.sourceId, study.sourceId)).run()
          tx.delete(t.sources).where(eq(t.sources.id, study.sourceId)).run()
          bumpKbRevision(tx)
        }
        tx.update(t.ratingStudies).set({ sourceId: null, updatedAt: now }).where(eq(t.ratingStudies.id, studyId)).run()
        return true
      })
    },

    async renewExpertLink(studyId, pseudonym, hashFor) {
      return immediate((tx) => {
        const row = tx
          .select()
          .from(t.ratingExperts)
          .where(and(eq(t.ratingExperts.studyId, studyId), eq(t.ratingExperts.pseudonym, pseudonym)))
          .get()
        if (!row) return null
        const linkGeneration = row.linkGeneration + 1
        const updated = tx
          .update(t.ratingExperts)
          .set({ linkGeneration, tokenHash: hashFor(row.id, linkGeneration) })
          .where(eq(t.ratingExperts.id, row.id))
          .returning()
          .get()
        return toExpert(updated)
      })
    },

    async deleteStudy(studyId) {
      return immediate((tx) => {
        const study = studyRow(tx, studyId)
        if (!study) return 'absent'
        if (study.sourceId !== null) return 'in-knowledge-base'
        // Experts, links and answers go with it (on delete cascade).
        tx.delete(t.ratingStudies).where(eq(t.ratingStudies.id, studyId)).run()
        return 'deleted'
      })
    },
  }
}
