/**
 * @module The SQLite implementation of {@link WorkspaceRepository}. better-sqlite3 is
 * synchronous, so each operation runs to its end before the promise is returned; operations
 * that write more than one row run in one IMMEDIATE transaction (the write lock is taken at
 * the start, so two processes never deadlock upgrading a read lock).
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import { carryForward, DEFAULT_ROUND_SETTINGS, roundRefusal, type PlanEntry } from '../domain/workspace.ts'
import type { PlanRegion } from '../domain/school-year.ts'
import type { Db } from './client.ts'
import * as t from './workspace-schema.ts'
import type {
  ImportOutcome,
  NewSubmission,
  Round,
  StoredPlan,
  Submission,
  SubmissionOutcome,
  TeamToken,
  Workspace,
  WorkspaceDump,
  WorkspaceRepository,
} from './workspace-repository.ts'

/** A token's last use is written at most this often: a write on every read would cost more than the read. */
const LAST_USED_RESOLUTION_MS = 60_000

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type Conn = Db | Tx

export const toWorkspace = (r: t.WorkspaceRow): Workspace => ({
  id: r.id,
  name: r.name,
  innovation: r.innovation,
  contact: r.contact,
  groups: r.groups,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
})

export const toRound = (r: t.RoundRow): Round => ({
  id: r.id,
  workspaceId: r.workspaceId,
  position: r.position,
  label: r.label,
  state: r.state,
  closesAt: r.closesAt,
  respondentTokenHash: r.respondentTokenHash,
  linkGeneration: r.linkGeneration,
  submissionCount: r.submissionCount,
  revision: r.revision,
  settings: { ...DEFAULT_ROUND_SETTINGS, ...r.settings },
  planTitle: r.planTitle,
  planRevision: r.planRevision,
  planRegion: r.planRegion,
  planSchoolYear: r.planSchoolYear,
  createdAt: r.createdAt,
  closedAt: r.closedAt,
})

export const toTeamToken = (r: t.TeamTokenRow): TeamToken => ({
  id: r.id,
  label: r.label,
  createdAt: r.createdAt,
  lastUsedAt: r.lastUsedAt,
  revokedAt: r.revokedAt,
})

export const toSubmission = (r: t.SubmissionRow): Submission => ({
  id: r.id,
  clientId: r.clientId,
  seq: r.seq,
  role: r.role,
  group: r.group,
  answers: r.answers,
  receivedAt: r.receivedAt,
})

export const toPlanEntry = (r: t.PlanEntryRow): PlanEntry => ({
  strategy: r.strategyId,
  status: r.status,
  spec: r.spec,
  barriers: r.barriers,
  ...(r.feasibility !== null ? { feasibility: r.feasibility } : {}),
  ...(r.importance !== null ? { importance: r.importance } : {}),
  ...(r.phase !== null ? { phase: r.phase } : {}),
  ...(r.startMonth !== null ? { startMonth: r.startMonth } : {}),
  ...(r.months !== null ? { months: r.months } : {}),
})

/** The timeline's region and school year a plan save sets: only those it gives. */
export const calendarOf = (plan: { readonly region?: PlanRegion; readonly schoolYear?: string | null }) => ({
  ...(plan.region !== undefined ? { planRegion: plan.region } : {}),
  ...(plan.schoolYear !== undefined ? { planSchoolYear: plan.schoolYear } : {}),
})

function readPlan(conn: Conn, roundId: string): PlanEntry[] {
  return conn
    .select()
    .from(t.planEntries)
    .where(eq(t.planEntries.roundId, roundId))
    .orderBy(asc(t.planEntries.position))
    .all()
    .map(toPlanEntry)
}

function writePlan(conn: Conn, roundId: string, entries: readonly PlanEntry[], now: number): void {
  conn.delete(t.planEntries).where(eq(t.planEntries.roundId, roundId)).run()
  if (entries.length === 0) return
  conn
    .insert(t.planEntries)
    .values(
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
    .run()
}

export const sameAnswers = (a: Readonly<Record<string, number | null>>, b: Readonly<Record<string, number | null>>) => {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

export function createSqliteWorkspaceRepository(db: Db): WorkspaceRepository {
  const immediate = <T>(fn: (tx: Tx) => T): T => db.transaction(fn, { behavior: 'immediate' })

  const roundRow = (conn: Conn, workspaceId: string, roundId: string) =>
    conn
      .select()
      .from(t.rounds)
      .where(and(eq(t.rounds.id, roundId), eq(t.rounds.workspaceId, workspaceId)))
      .get()

  const workspaceRow = (conn: Conn, id: string) => conn.select().from(t.workspaces).where(eq(t.workspaces.id, id)).get()

  return {
    async createWorkspace({ workspace, token, now }) {
      return immediate((tx) => {
        const row = tx
          .insert(t.workspaces)
          .values({ ...workspace, groups: [...workspace.groups], createdAt: now, updatedAt: now })
          .returning()
          .get()
        tx.insert(t.teamTokens)
          .values({ id: token.id, workspaceId: workspace.id, label: token.label, tokenHash: token.hash, createdAt: now })
          .run()
        return toWorkspace(row)
      })
    },

    async getWorkspace(id) {
      const row = workspaceRow(db, id)
      return row ? toWorkspace(row) : null
    },

    async updateWorkspace(id, patch, now) {
      const row = db
        .update(t.workspaces)
        .set({ ...patch, groups: patch.groups ? [...patch.groups] : undefined, updatedAt: now })
        .where(eq(t.workspaces.id, id))
        .returning()
        .get()
      return row ? toWorkspace(row) : null
    },

    async deleteWorkspace(id) {
      // Rounds, submissions, plans and tokens go with it (on delete cascade), in one statement.
      return db.delete(t.workspaces).where(eq(t.workspaces.id, id)).run().changes > 0
    },

    async authenticateTeam(tokenHash, now) {
      const row = db
        .select({ id: t.teamTokens.id, workspaceId: t.teamTokens.workspaceId, lastUsedAt: t.teamTokens.lastUsedAt })
        .from(t.teamTokens)
        .where(and(eq(t.teamTokens.tokenHash, tokenHash), isNull(t.teamTokens.revokedAt)))
        .get()
      if (!row) return null
      if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
        db.update(t.teamTokens).set({ lastUsedAt: now }).where(eq(t.teamTokens.id, row.id)).run()
      }
      return { workspaceId: row.workspaceId, tokenId: row.id }
    },

    async listTeamTokens(workspaceId) {
      return db
        .select()
        .from(t.teamTokens)
        .where(eq(t.teamTokens.workspaceId, workspaceId))
        .orderBy(asc(t.teamTokens.createdAt), asc(t.teamTokens.id))
        .all()
        .map(toTeamToken)
    },

    async addTeamToken(workspaceId, token, now) {
      const row = db
        .insert(t.teamTokens)
        .values({ id: token.id, workspaceId, label: token.label, tokenHash: token.hash, createdAt: now })
        .returning()
        .get()
      return toTeamToken(row)
    },

    async revokeTeamToken(workspaceId, tokenId, now) {
      return immediate((tx) => {
        const active = tx
          .select({ id: t.teamTokens.id })
          .from(t.teamTokens)
          .where(and(eq(t.teamTokens.workspaceId, workspaceId), isNull(t.teamTokens.revokedAt)))
          .all()
        if (!active.some((a) => a.id === tokenId)) return 'not-found' as const
        if (active.length === 1) return 'last-active' as const
        tx.update(t.teamTokens).set({ revokedAt: now }).where(eq(t.teamTokens.id, tokenId)).run()
        return 'revoked' as const
      })
    },

    async listRounds(workspaceId) {
      return db
        .select()
        .from(t.rounds)
        .where(eq(t.rounds.workspaceId, workspaceId))
        .orderBy(asc(t.rounds.position))
        .all()
        .map(toRound)
    },

    async getRound(workspaceId, roundId) {
      const row = roundRow(db, workspaceId, roundId)
      return row ? toRound(row) : null
    },

    async createRound({ workspaceId, id, label, closesAt, respondentTokenHash, now }) {
      return immediate((tx) => {
        const last = tx
          .select()
          .from(t.rounds)
          .where(eq(t.rounds.workspaceId, workspaceId))
          .orderBy(sql`${t.rounds.position} desc`)
          .limit(1)
          .get()
        const start = last
          ? carryForward({ settings: toRound(last).settings, planTitle: last.planTitle, planRegion: last.planRegion, plan: readPlan(tx, last.id) })
          : { settings: DEFAULT_ROUND_SETTINGS, planTitle: '', planRegion: 'none' as const, plan: [] }
        const row = tx
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
          .get()
        writePlan(tx, id, start.plan, now)
        tx.update(t.workspaces).set({ updatedAt: now }).where(eq(t.workspaces.id, workspaceId)).run()
        return toRound(row)
      })
    },

    async updateRound(workspaceId, roundId, patch, now) {
      return immediate((tx) => {
        const current = roundRow(tx, workspaceId, roundId)
        if (!current) return null
        if (Object.values(patch).every((v) => v === undefined)) return toRound(current)
        const closing = patch.state === 'closed' && current.state !== 'closed'
        const row = tx
          .update(t.rounds)
          .set({
            ...(patch.label !== undefined ? { label: patch.label } : {}),
            ...(patch.state !== undefined ? { state: patch.state, closedAt: closing ? now : patch.state === 'open' ? null : current.closedAt } : {}),
            ...(patch.closesAt !== undefined ? { closesAt: patch.closesAt } : {}),
            ...(patch.settings !== undefined ? { settings: patch.settings } : {}),
          })
          .where(eq(t.rounds.id, roundId))
          .returning()
          .get()
        return row ? toRound(row) : null
      })
    },

    async setRespondentLink(workspaceId, roundId, hashFor) {
      return immediate((tx) => {
        const current = roundRow(tx, workspaceId, roundId)
        if (!current) return null
        const generation = hashFor ? current.linkGeneration + 1 : current.linkGeneration
        const row = tx
          .update(t.rounds)
          .set({ linkGeneration: generation, respondentTokenHash: hashFor ? hashFor(generation) : null })
          .where(eq(t.rounds.id, roundId))
          .returning()
          .get()
        return row ? toRound(row) : null
      })
    },

    async findRoundByRespondentToken(tokenHash) {
      const row = db
        .select({ round: t.rounds, workspace: t.workspaces })
        .from(t.rounds)
        .innerJoin(t.workspaces, eq(t.workspaces.id, t.rounds.workspaceId))
        .where(eq(t.rounds.respondentTokenHash, tokenHash))
        .get()
      return row ? { round: toRound(row.round), workspace: toWorkspace(row.workspace) } : null
    },

    async addSubmission(roundId, submission, now, max): Promise<SubmissionOutcome> {
      return immediate((tx): SubmissionOutcome => {
        const round = tx.select().from(t.rounds).where(eq(t.rounds.id, roundId)).get()
        if (!round) return { outcome: 'refused', reason: 'gone' }
        const earlier = tx
          .select()
          .from(t.submissions)
          .where(and(eq(t.submissions.roundId, roundId), eq(t.submissions.clientId, submission.clientId)))
          .get()
        if (earlier) {
          // A retry after a lost answer: the same submission again, even once the round closed.
          const same =
            earlier.role === submission.role &&
            earlier.group === submission.group &&
            sameAnswers(earlier.answers, submission.answers)
          return same ? { outcome: 'repeat', submissionCount: round.submissionCount } : { outcome: 'conflict' }
        }
        const refusal = roundRefusal(round, now)
        if (refusal) return { outcome: 'refused', reason: refusal }
        if (round.submissionCount >= max) return { outcome: 'refused', reason: 'full' }
        tx.insert(t.submissions)
          .values({
            id: submission.id,
            roundId,
            clientId: submission.clientId,
            seq: round.revision + 1,
            role: submission.role,
            group: submission.group,
            answers: { ...submission.answers },
            receivedAt: now,
          })
          .run()
        const updated = tx
          .update(t.rounds)
          .set({ submissionCount: sql`${t.rounds.submissionCount} + 1`, revision: sql`${t.rounds.revision} + 1` })
          .where(eq(t.rounds.id, roundId))
          .returning({ submissionCount: t.rounds.submissionCount })
          .get()
        return { outcome: 'created', submissionCount: updated?.submissionCount ?? round.submissionCount + 1 }
      })
    },

    async importSubmissions(roundId, { submissions, mapping, now, max }): Promise<ImportOutcome> {
      return immediate((tx): ImportOutcome => {
        const round = tx.select().from(t.rounds).where(eq(t.rounds.id, roundId)).get()
        if (!round) return { outcome: 'refused', reason: 'gone' }
        const stored = new Map(
          tx
            .select()
            .from(t.submissions)
            .where(eq(t.submissions.roundId, roundId))
            .all()
            .map((r) => [r.clientId, r])
        )
        const fresh: (NewSubmission & { readonly id: string })[] = []
        const changed: string[] = []
        let already = 0
        const seen = new Set<string>()
        for (const s of submissions) {
          if (seen.has(s.clientId)) continue // the same response twice in one file
          seen.add(s.clientId)
          const earlier = stored.get(s.clientId)
          if (!earlier) fresh.push(s)
          else if (earlier.role === s.role && earlier.group === s.group && sameAnswers(earlier.answers, s.answers)) already++
          else changed.push(s.clientId)
        }
        if (round.submissionCount + fresh.length > max) return { outcome: 'refused', reason: 'full' }
        fresh.forEach((s, i) => {
          tx.insert(t.submissions)
            .values({
              id: s.id,
              roundId,
              clientId: s.clientId,
              seq: round.revision + 1 + i,
              role: s.role,
              group: s.group,
              answers: { ...s.answers },
              receivedAt: now,
            })
            .run()
        })
        if (fresh.length > 0) {
          tx.update(t.rounds)
            .set({
              submissionCount: sql`${t.rounds.submissionCount} + ${fresh.length}`,
              revision: sql`${t.rounds.revision} + ${fresh.length}`,
            })
            .where(eq(t.rounds.id, roundId))
            .run()
        }
        tx.insert(t.importMappings)
          .values({ workspaceId: mapping.workspaceId, tool: mapping.tool, mapping: mapping.mapping, updatedAt: now })
          .onConflictDoUpdate({
            target: [t.importMappings.workspaceId, t.importMappings.tool],
            set: { mapping: mapping.mapping, updatedAt: now },
          })
          .run()
        return {
          outcome: 'imported',
          added: fresh.length,
          already,
          changed,
          submissionCount: round.submissionCount + fresh.length,
        }
      })
    },

    async getImportMapping(workspaceId, tool) {
      const row = db
        .select()
        .from(t.importMappings)
        .where(and(eq(t.importMappings.workspaceId, workspaceId), eq(t.importMappings.tool, tool)))
        .get()
      return row?.mapping ?? null
    },

    async listSubmissions(roundId, afterSeq) {
      const inRound = eq(t.submissions.roundId, roundId)
      return db
        .select()
        .from(t.submissions)
        .where(afterSeq === undefined ? inRound : and(inRound, gt(t.submissions.seq, afterSeq)))
        .orderBy(asc(t.submissions.seq))
        .all()
        .map(toSubmission)
    },

    async deleteSubmission(roundId, submissionId) {
      return immediate((tx) => {
        const deleted = tx
          .delete(t.submissions)
          .where(and(eq(t.submissions.roundId, roundId), eq(t.submissions.id, submissionId)))
          .run().changes
        if (deleted === 0) return false
        tx.update(t.rounds)
          .set({ submissionCount: sql`${t.rounds.submissionCount} - 1`, revision: sql`${t.rounds.revision} + 1` })
          .where(eq(t.rounds.id, roundId))
          .run()
        return true
      })
    },

    async getPlan(roundId): Promise<StoredPlan> {
      const round = db
        .select({ title: t.rounds.planTitle, revision: t.rounds.planRevision, region: t.rounds.planRegion, schoolYear: t.rounds.planSchoolYear })
        .from(t.rounds)
        .where(eq(t.rounds.id, roundId))
        .get()
      return {
        title: round?.title ?? '',
        revision: round?.revision ?? 0,
        region: round?.region ?? 'none',
        schoolYear: round?.schoolYear ?? null,
        entries: readPlan(db, roundId),
      }
    },

    async savePlan(roundId, plan, now) {
      return immediate((tx) => {
        const round = tx
          .select({ revision: t.rounds.planRevision })
          .from(t.rounds)
          .where(eq(t.rounds.id, roundId))
          .get()
        if (!round || round.revision !== plan.baseRevision) return 'stale' as const
        writePlan(tx, roundId, plan.entries, now)
        const revision = round.revision + 1
        tx.update(t.rounds).set({ planTitle: plan.title, planRevision: revision, ...calendarOf(plan) }).where(eq(t.rounds.id, roundId)).run()
        return { revision }
      })
    },

    async dumpWorkspace(id) {
      // One read transaction: the dump is one consistent moment of the workspace.
      return db.transaction((tx) => {
        const workspace = workspaceRow(tx, id)
        if (!workspace) return null
        const roundRows = tx
          .select()
          .from(t.rounds)
          .where(eq(t.rounds.workspaceId, id))
          .orderBy(asc(t.rounds.position))
          .all()
        const { id: _id, ...ws } = toWorkspace(workspace)
        return {
          workspace: ws,
          rounds: roundRows.map((r) => {
            const round = toRound(r)
            return {
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
              plan: readPlan(tx, r.id),
              submissions: tx
                .select()
                .from(t.submissions)
                .where(eq(t.submissions.roundId, r.id))
                .orderBy(asc(t.submissions.seq))
                .all()
                .map(({ id: _sid, roundId: _rid, seq: _seq, ...s }) => s),
            }
          }),
        } satisfies WorkspaceDump
      })
    },

    async restoreWorkspace({ dump, id, token, newId, respondentHash, now }) {
      return immediate((tx) => {
        const row = tx
          .insert(t.workspaces)
          .values({ ...dump.workspace, id, groups: [...dump.workspace.groups], updatedAt: now })
          .returning()
          .get()
        tx.insert(t.teamTokens)
          .values({ id: token.id, workspaceId: id, label: token.label, tokenHash: token.hash, createdAt: now })
          .run()
        dump.rounds.forEach((r, i) => {
          const roundId = newId()
          tx.insert(t.rounds)
            .values({
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
            .run()
          writePlan(tx, roundId, r.plan, now)
          // In slices: one statement per row would be slow, one for all could pass SQLite's
          // limit on bound parameters.
          for (let from = 0; from < r.submissions.length; from += 500) {
            tx.insert(t.submissions)
              .values(
                r.submissions
                  .slice(from, from + 500)
                  .map((s, i) => ({ ...s, answers: { ...s.answers }, id: newId(), roundId, seq: from + i + 1 }))
              )
              .run()
          }
        })
        return toWorkspace(row)
      })
    },
  }
}
