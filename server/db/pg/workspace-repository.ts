/**
 * @module The PostgreSQL implementation of {@link WorkspaceRepository}: the SQLite one
 * (server/db/sqlite-workspace-repository.ts) statement for statement, awaited. Where SQLite
 * serialises every writer (IMMEDIATE transactions), PostgreSQL runs transactions side by side,
 * so each one that reads before it writes first locks the row it depends on
 * (SELECT … FOR UPDATE): the round for a submission, an import, a plan or a link; the
 * workspace for a new round or a revoked token. Two instances of the app on one database are
 * then as correct as one.
 */
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import { carryForward, DEFAULT_ROUND_SETTINGS, roundRefusal, type PlanEntry } from '../../domain/workspace.ts'
import { calendarOf, toPlanEntry, toRound, toSubmission, toTeamToken, toWorkspace, sameAnswers } from '../sqlite-workspace-repository.ts'
import type { ImportOutcome, NewSubmission, StoredPlan, SubmissionOutcome, WorkspaceDump, WorkspaceRepository } from '../workspace-repository.ts'
import type { PgDb } from './client.ts'
import * as t from './workspace-schema.ts'

/** A token's last use is written at most this often (as on SQLite). */
const LAST_USED_RESOLUTION_MS = 60_000

/** Rows per INSERT: PostgreSQL binds at most 65,535 parameters in one statement. */
const CHUNK = 1000

type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0]
type Conn = PgDb | Tx

async function readPlan(conn: Conn, roundId: string): Promise<PlanEntry[]> {
  const rows = await conn.select().from(t.planEntries).where(eq(t.planEntries.roundId, roundId)).orderBy(asc(t.planEntries.position))
  return rows.map(toPlanEntry)
}

async function writePlan(conn: Conn, roundId: string, entries: readonly PlanEntry[], now: number): Promise<void> {
  await conn.delete(t.planEntries).where(eq(t.planEntries.roundId, roundId))
  if (entries.length === 0) return
  await conn.insert(t.planEntries).values(
    entries.map((e, position) => ({
      roundId,
      strategyId: e.strategy,
      position,
      status: e.status,
      spec: e.spec,
      barriers: [...e.barriers],
      feasibility: e.feasibility ?? null,
      importance: e.importance ?? null,
      phase: e.phase ?? null,
      startMonth: e.startMonth ?? null,
      months: e.months ?? null,
      updatedAt: now,
    }))
  )
}

export function createPgWorkspaceRepository(db: PgDb): WorkspaceRepository {
  const roundRow = async (conn: Conn, workspaceId: string, roundId: string, lock = false) => {
    const query = conn.select().from(t.rounds).where(and(eq(t.rounds.id, roundId), eq(t.rounds.workspaceId, workspaceId)))
    const [row] = lock ? await query.for('update') : await query
    return row
  }
  const lockedRound = async (tx: Tx, roundId: string) => {
    const [row] = await tx.select().from(t.rounds).where(eq(t.rounds.id, roundId)).for('update')
    return row
  }
  const workspaceRow = async (conn: Conn, id: string) => (await conn.select().from(t.workspaces).where(eq(t.workspaces.id, id)))[0]

  return {
    async createWorkspace({ workspace, token, now }) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(t.workspaces)
          .values({ ...workspace, groups: [...workspace.groups], createdAt: now, updatedAt: now })
          .returning()
        await tx.insert(t.teamTokens).values({ id: token.id, workspaceId: workspace.id, label: token.label, tokenHash: token.hash, createdAt: now })
        return toWorkspace(row!)
      })
    },

    async getWorkspace(id) {
      const row = await workspaceRow(db, id)
      return row ? toWorkspace(row) : null
    },

    async updateWorkspace(id, patch, now) {
      const [row] = await db
        .update(t.workspaces)
        .set({ ...patch, groups: patch.groups ? [...patch.groups] : undefined, updatedAt: now })
        .where(eq(t.workspaces.id, id))
        .returning()
      return row ? toWorkspace(row) : null
    },

    async deleteWorkspace(id) {
      const result = await db.delete(t.workspaces).where(eq(t.workspaces.id, id))
      return (result.rowCount ?? 0) > 0
    },

    async authenticateTeam(tokenHash, now) {
      const [row] = await db
        .select({ id: t.teamTokens.id, workspaceId: t.teamTokens.workspaceId, lastUsedAt: t.teamTokens.lastUsedAt })
        .from(t.teamTokens)
        .where(and(eq(t.teamTokens.tokenHash, tokenHash), isNull(t.teamTokens.revokedAt)))
      if (!row) return null
      if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
        await db.update(t.teamTokens).set({ lastUsedAt: now }).where(eq(t.teamTokens.id, row.id))
      }
      return { workspaceId: row.workspaceId, tokenId: row.id }
    },

    async listTeamTokens(workspaceId) {
      const rows = await db
        .select()
        .from(t.teamTokens)
        .where(eq(t.teamTokens.workspaceId, workspaceId))
        .orderBy(asc(t.teamTokens.createdAt), sql`${t.teamTokens.id} COLLATE "C"`)
      return rows.map(toTeamToken)
    },

    async addTeamToken(workspaceId, token, now) {
      const [row] = await db
        .insert(t.teamTokens)
        .values({ id: token.id, workspaceId, label: token.label, tokenHash: token.hash, createdAt: now })
        .returning()
      return toTeamToken(row!)
    },

    async revokeTeamToken(workspaceId, tokenId, now) {
      return db.transaction(async (tx) => {
        // Two revocations at once must not both see the other token still active.
        await tx.select({ id: t.workspaces.id }).from(t.workspaces).where(eq(t.workspaces.id, workspaceId)).for('update')
        const active = await tx
          .select({ id: t.teamTokens.id })
          .from(t.teamTokens)
          .where(and(eq(t.teamTokens.workspaceId, workspaceId), isNull(t.teamTokens.revokedAt)))
        if (!active.some((a) => a.id === tokenId)) return 'not-found' as const
        if (active.length === 1) return 'last-active' as const
        await tx.update(t.teamTokens).set({ revokedAt: now }).where(eq(t.teamTokens.id, tokenId))
        return 'revoked' as const
      })
    },

    async listRounds(workspaceId) {
      const rows = await db.select().from(t.rounds).where(eq(t.rounds.workspaceId, workspaceId)).orderBy(asc(t.rounds.position))
      return rows.map(toRound)
    },

    async getRound(workspaceId, roundId) {
      const row = await roundRow(db, workspaceId, roundId)
      return row ? toRound(row) : null
    },

    async createRound({ workspaceId, id, label, closesAt, respondentTokenHash, now }) {
      return db.transaction(async (tx) => {
        // The next position is read, then taken: one new round of a workspace at a time.
        await tx.select({ id: t.workspaces.id }).from(t.workspaces).where(eq(t.workspaces.id, workspaceId)).for('update')
        const [last] = await tx
          .select()
          .from(t.rounds)
          .where(eq(t.rounds.workspaceId, workspaceId))
          .orderBy(desc(t.rounds.position))
          .limit(1)
        const start = last
          ? carryForward({ settings: toRound(last).settings, planTitle: last.planTitle, planRegion: last.planRegion, plan: await readPlan(tx, last.id) })
          : { settings: DEFAULT_ROUND_SETTINGS, planTitle: '', planRegion: 'none' as const, plan: [] }
        const [row] = await tx
          .insert(t.rounds)
          .values({
            id,
            workspaceId,
            position: (last?.position ?? 0) + 1,
            label,
            state: 'open',
            closesAt,
            respondentTokenHash,
            settings: start.settings,
            planTitle: start.planTitle,
            planRegion: start.planRegion,
            createdAt: now,
          })
          .returning()
        await writePlan(tx, id, start.plan, now)
        await tx.update(t.workspaces).set({ updatedAt: now }).where(eq(t.workspaces.id, workspaceId))
        return toRound(row!)
      })
    },

    async updateRound(workspaceId, roundId, patch, now) {
      return db.transaction(async (tx) => {
        const current = await roundRow(tx, workspaceId, roundId, true)
        if (!current) return null
        if (Object.values(patch).every((v) => v === undefined)) return toRound(current)
        const closing = patch.state === 'closed' && current.state !== 'closed'
        const [row] = await tx
          .update(t.rounds)
          .set({
            ...(patch.label !== undefined ? { label: patch.label } : {}),
            ...(patch.state !== undefined ? { state: patch.state, closedAt: closing ? now : patch.state === 'open' ? null : current.closedAt } : {}),
            ...(patch.closesAt !== undefined ? { closesAt: patch.closesAt } : {}),
            ...(patch.settings !== undefined ? { settings: patch.settings } : {}),
          })
          .where(eq(t.rounds.id, roundId))
          .returning()
        return row ? toRound(row) : null
      })
    },

    async setRespondentLink(workspaceId, roundId, hashFor) {
      return db.transaction(async (tx) => {
        const current = await roundRow(tx, workspaceId, roundId, true)
        if (!current) return null
        const generation = hashFor ? current.linkGeneration + 1 : current.linkGeneration
        const [row] = await tx
          .update(t.rounds)
          .set({ linkGeneration: generation, respondentTokenHash: hashFor ? hashFor(generation) : null })
          .where(eq(t.rounds.id, roundId))
          .returning()
        return row ? toRound(row) : null
      })
    },

    async findRoundByRespondentToken(tokenHash) {
      const [row] = await db
        .select({ round: t.rounds, workspace: t.workspaces })
        .from(t.rounds)
        .innerJoin(t.workspaces, eq(t.workspaces.id, t.rounds.workspaceId))
        .where(eq(t.rounds.respondentTokenHash, tokenHash))
      return row ? { round: toRound(row.round), workspace: toWorkspace(row.workspace) } : null
    },

    async addSubmission(roundId, submission, now, max): Promise<SubmissionOutcome> {
      return db.transaction(async (tx): Promise<SubmissionOutcome> => {
        // The round's row lock orders the submissions of a round: each reads the count and
        // revision the one before it left, whichever instance received it.
        const round = await lockedRound(tx, roundId)
        if (!round) return { outcome: 'refused', reason: 'gone' }
        const [earlier] = await tx
          .select()
          .from(t.submissions)
          .where(and(eq(t.submissions.roundId, roundId), eq(t.submissions.clientId, submission.clientId)))
        if (earlier) {
          const same = earlier.role === submission.role && earlier.group === submission.group && sameAnswers(earlier.answers, submission.answers)
          return same ? { outcome: 'repeat', submissionCount: round.submissionCount } : { outcome: 'conflict' }
        }
        const refusal = roundRefusal(round, now)
        if (refusal) return { outcome: 'refused', reason: refusal }
        if (round.submissionCount >= max) return { outcome: 'refused', reason: 'full' }
        await tx.insert(t.submissions).values({
          id: submission.id,
          roundId,
          clientId: submission.clientId,
          seq: round.revision + 1,
          role: submission.role,
          group: submission.group,
          answers: { ...submission.answers },
          receivedAt: now,
        })
        const [updated] = await tx
          .update(t.rounds)
          .set({ submissionCount: sql`${t.rounds.submissionCount} + 1`, revision: sql`${t.rounds.revision} + 1` })
          .where(eq(t.rounds.id, roundId))
          .returning({ submissionCount: t.rounds.submissionCount })
        return { outcome: 'created', submissionCount: updated?.submissionCount ?? round.submissionCount + 1 }
      })
    },

    async importSubmissions(roundId, { submissions, mapping, now, max }): Promise<ImportOutcome> {
      return db.transaction(async (tx): Promise<ImportOutcome> => {
        const round = await lockedRound(tx, roundId)
        if (!round) return { outcome: 'refused', reason: 'gone' }
        const stored = new Map((await tx.select().from(t.submissions).where(eq(t.submissions.roundId, roundId))).map((r) => [r.clientId, r]))
        const fresh: (NewSubmission & { readonly id: string })[] = []
        const changed: string[] = []
        let already = 0
        const seen = new Set<string>()
        for (const s of submissions) {
          if (seen.has(s.clientId)) continue
          seen.add(s.clientId)
          const earlier = stored.get(s.clientId)
          if (!earlier) fresh.push(s)
          else if (earlier.role === s.role && earlier.group === s.group && sameAnswers(earlier.answers, s.answers)) already++
          else changed.push(s.clientId)
        }
        if (round.submissionCount + fresh.length > max) return { outcome: 'refused', reason: 'full' }
        for (let from = 0; from < fresh.length; from += CHUNK) {
          await tx.insert(t.submissions).values(
            fresh.slice(from, from + CHUNK).map((s, i) => ({
              id: s.id,
              roundId,
              clientId: s.clientId,
              seq: round.revision + 1 + from + i,
              role: s.role,
              group: s.group,
              answers: { ...s.answers },
              receivedAt: now,
            }))
          )
        }
        if (fresh.length > 0) {
          await tx
            .update(t.rounds)
            .set({
              submissionCount: sql`${t.rounds.submissionCount} + ${fresh.length}`,
              revision: sql`${t.rounds.revision} + ${fresh.length}`,
            })
            .where(eq(t.rounds.id, roundId))
        }
        await tx
          .insert(t.importMappings)
          .values({ workspaceId: mapping.workspaceId, tool: mapping.tool, mapping: mapping.mapping, updatedAt: now })
          .onConflictDoUpdate({ target: [t.importMappings.workspaceId, t.importMappings.tool], set: { mapping: mapping.mapping, updatedAt: now } })
        return { outcome: 'imported', added: fresh.length, already, changed, submissionCount: round.submissionCount + fresh.length }
      })
    },

    async getImportMapping(workspaceId, tool) {
      const [row] = await db
        .select()
        .from(t.importMappings)
        .where(and(eq(t.importMappings.workspaceId, workspaceId), eq(t.importMappings.tool, tool)))
      return row?.mapping ?? null
    },

    async listSubmissions(roundId, afterSeq) {
      const inRound = eq(t.submissions.roundId, roundId)
      const rows = await db
        .select()
        .from(t.submissions)
        .where(afterSeq === undefined ? inRound : and(inRound, gt(t.submissions.seq, afterSeq)))
        .orderBy(asc(t.submissions.seq))
      return rows.map(toSubmission)
    },

    async deleteSubmission(roundId, submissionId) {
      return db.transaction(async (tx) => {
        const deleted = await tx.delete(t.submissions).where(and(eq(t.submissions.roundId, roundId), eq(t.submissions.id, submissionId)))
        if ((deleted.rowCount ?? 0) === 0) return false
        await tx
          .update(t.rounds)
          .set({ submissionCount: sql`${t.rounds.submissionCount} - 1`, revision: sql`${t.rounds.revision} + 1` })
          .where(eq(t.rounds.id, roundId))
        return true
      })
    },

    async getPlan(roundId): Promise<StoredPlan> {
      // One snapshot: the title and revision belong to the entries read with them.
      return db.transaction(
        async (tx) => {
          const [round] = await tx
            .select({ title: t.rounds.planTitle, revision: t.rounds.planRevision, region: t.rounds.planRegion, schoolYear: t.rounds.planSchoolYear })
            .from(t.rounds)
            .where(eq(t.rounds.id, roundId))
          return {
            title: round?.title ?? '',
            revision: round?.revision ?? 0,
            region: round?.region ?? 'none',
            schoolYear: round?.schoolYear ?? null,
            entries: await readPlan(tx, roundId),
          }
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' }
      )
    },

    async savePlan(roundId, plan, now) {
      return db.transaction(async (tx) => {
        const round = await lockedRound(tx, roundId)
        if (!round || round.planRevision !== plan.baseRevision) return 'stale' as const
        await writePlan(tx, roundId, plan.entries, now)
        const revision = round.planRevision + 1
        await tx.update(t.rounds).set({ planTitle: plan.title, planRevision: revision, ...calendarOf(plan) }).where(eq(t.rounds.id, roundId))
        return { revision }
      })
    },

    async dumpWorkspace(id) {
      return db.transaction(
        async (tx) => {
          const workspace = await workspaceRow(tx, id)
          if (!workspace) return null
          const roundRows = await tx.select().from(t.rounds).where(eq(t.rounds.workspaceId, id)).orderBy(asc(t.rounds.position))
          const { id: _id, ...ws } = toWorkspace(workspace)
          const rounds = []
          for (const r of roundRows) {
            const round = toRound(r)
            const submissions = await tx.select().from(t.submissions).where(eq(t.submissions.roundId, r.id)).orderBy(asc(t.submissions.seq))
            rounds.push({
              position: round.position,
              label: round.label,
              state: round.state,
              closesAt: round.closesAt,
              settings: round.settings,
              planTitle: round.planTitle,
              planRegion: round.planRegion,
              planSchoolYear: round.planSchoolYear,
              createdAt: round.createdAt,
              closedAt: round.closedAt,
              plan: await readPlan(tx, r.id),
              submissions: submissions.map(({ id: _sid, roundId: _rid, seq: _seq, ...s }) => s),
            })
          }
          return { workspace: ws, rounds } satisfies WorkspaceDump
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' }
      )
    },

    async restoreWorkspace({ dump, id, token, newId, respondentHash, now }) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(t.workspaces)
          .values({ ...dump.workspace, id, groups: [...dump.workspace.groups], updatedAt: now })
          .returning()
        await tx.insert(t.teamTokens).values({ id: token.id, workspaceId: id, label: token.label, tokenHash: token.hash, createdAt: now })
        for (const [i, r] of dump.rounds.entries()) {
          const roundId = newId()
          await tx.insert(t.rounds).values({
            id: roundId,
            workspaceId: id,
            position: i + 1,
            label: r.label,
            state: r.state,
            closesAt: r.closesAt,
            respondentTokenHash: respondentHash(roundId),
            submissionCount: r.submissions.length,
            revision: r.submissions.length,
            settings: r.settings,
            planTitle: r.planTitle,
            planRegion: r.planRegion,
            planSchoolYear: r.planSchoolYear,
            createdAt: r.createdAt,
            closedAt: r.closedAt,
          })
          await writePlan(tx, roundId, r.plan, now)
          for (let from = 0; from < r.submissions.length; from += CHUNK) {
            await tx.insert(t.submissions).values(
              r.submissions.slice(from, from + CHUNK).map((s, k) => ({ ...s, answers: { ...s.answers }, id: newId(), roundId, seq: from + k + 1 }))
            )
          }
        }
        return toWorkspace(row!)
      })
    },
  }
}
