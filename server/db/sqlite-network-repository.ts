/**
 * @module The SQLite implementation of {@link NetworkRepository}. Like the workspace store:
 * better-sqlite3 is synchronous, and every operation that writes more than one row, or reads
 * before it writes, runs in one IMMEDIATE transaction.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { ShownRound } from '../domain/network.ts'
import type { PlanEntry } from '../domain/workspace.ts'
import type { Db } from './client.ts'
import type { Network, NetworkRepository, NetworkSchool, NetworkTree } from './network-repository.ts'
import * as t from './schema.ts'
import { decodeShownRounds, encodeShownRounds } from './shown-round-codec.ts'
import { toPlanEntry, toRound } from './sqlite-workspace-repository.ts'
import type { Round } from './workspace-repository.ts'

/** A token's last use is written at most this often (as for team tokens). */
const LAST_USED_RESOLUTION_MS = 60_000

/** Ids bound in one statement at most: SQLite limits the number of bound parameters. */
const CHUNK = 500

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type Conn = Db | Tx

export const toNetwork = (r: t.NetworkRow): Network => ({
  id: r.id,
  name: r.name,
  minGroupSize: r.minGroupSize,
  parentId: r.parentId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
})

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK))
  return out
}

export function createSqliteNetworkRepository(db: Db): NetworkRepository {
  const immediate = <T>(fn: (tx: Tx) => T): T => db.transaction(fn, { behavior: 'immediate' })
  const networkRow = (conn: Conn, id: string) => conn.select().from(t.networks).where(eq(t.networks.id, id)).get()

  /** Uses up a valid invitation and returns its network's row, or null. */
  const useInvitation = (tx: Tx, tokenHash: string, now: number) => {
    const invitation = tx
      .select()
      .from(t.networkInvitations)
      .where(and(eq(t.networkInvitations.tokenHash, tokenHash), isNull(t.networkInvitations.usedAt)))
      .get()
    if (!invitation || invitation.expiresAt <= now) return null
    const network = networkRow(tx, invitation.networkId)
    if (!network) return null
    return { network, use: () => tx.update(t.networkInvitations).set({ usedAt: now }).where(eq(t.networkInvitations.id, invitation.id)).run() }
  }

  /** Levels below `id`, `id` itself counting as 1. */
  const subtreeDepth = (conn: Conn, id: string): number => {
    let depth = 0
    let level = [id]
    while (level.length > 0 && depth < 64) {
      depth++
      level = conn.select({ id: t.networks.id }).from(t.networks).where(inArray(t.networks.parentId, level)).all().map((r) => r.id)
    }
    return depth
  }

  /** `id` and its outer networks, innermost first. */
  const ancestry = (conn: Conn, id: string): string[] => {
    const chain: string[] = []
    let current: string | null = id
    while (current !== null && chain.length < 64 && !chain.includes(current)) {
      chain.push(current)
      current = networkRow(conn, current)?.parentId ?? null
    }
    return chain
  }

  const schoolsOf = (conn: Conn, networkIds: readonly string[]): Map<string, NetworkSchool[]> => {
    const byNetwork = new Map<string, NetworkSchool[]>()
    for (const ids of chunks(networkIds)) {
      const rows = conn
        .select({ networkId: t.networkMemberships.networkId, joinedAt: t.networkMemberships.joinedAt, workspace: t.workspaces })
        .from(t.networkMemberships)
        .innerJoin(t.workspaces, eq(t.workspaces.id, t.networkMemberships.workspaceId))
        .where(inArray(t.networkMemberships.networkId, ids))
        .orderBy(asc(t.networkMemberships.joinedAt), asc(t.workspaces.id))
        .all()
      const rounds = new Map<string, Round[]>()
      const workspaceIds = [...new Set(rows.map((r) => r.workspace.id))]
      for (const wIds of chunks(workspaceIds)) {
        for (const r of conn.select().from(t.rounds).where(inArray(t.rounds.workspaceId, wIds)).orderBy(asc(t.rounds.position)).all()) {
          const list = rounds.get(r.workspaceId)
          if (list) list.push(toRound(r))
          else rounds.set(r.workspaceId, [toRound(r)])
        }
      }
      for (const r of rows) {
        const school: NetworkSchool = { workspaceId: r.workspace.id, name: r.workspace.name, joinedAt: r.joinedAt, rounds: rounds.get(r.workspace.id) ?? [] }
        const list = byNetwork.get(r.networkId)
        if (list) list.push(school)
        else byNetwork.set(r.networkId, [school])
      }
    }
    return byNetwork
  }

  return {
    async createNetwork({ network, token, now }) {
      return immediate((tx) => {
        const row = tx.insert(t.networks).values({ ...network, createdAt: now, updatedAt: now }).returning().get()
        tx.insert(t.facilitatorTokens).values({ id: token.id, networkId: network.id, tokenHash: token.hash, createdAt: now }).run()
        return toNetwork(row)
      })
    },

    async getNetwork(id) {
      const row = networkRow(db, id)
      return row ? toNetwork(row) : null
    },

    async updateNetwork(id, patch, now) {
      const row = db
        .update(t.networks)
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.minGroupSize !== undefined ? { minGroupSize: patch.minGroupSize } : {}),
          updatedAt: now,
        })
        .where(eq(t.networks.id, id))
        .returning()
        .get()
      return row ? toNetwork(row) : null
    },

    async deleteNetwork(id) {
      return db.delete(t.networks).where(eq(t.networks.id, id)).run().changes > 0
    },

    async replaceFacilitatorToken(networkId, token, now) {
      return immediate((tx) => {
        if (!networkRow(tx, networkId)) return false
        tx.delete(t.facilitatorTokens).where(eq(t.facilitatorTokens.networkId, networkId)).run()
        tx.insert(t.facilitatorTokens).values({ id: token.id, networkId, tokenHash: token.hash, createdAt: now }).run()
        return true
      })
    },

    async authenticateFacilitator(tokenHash, now) {
      const row = db
        .select({ id: t.facilitatorTokens.id, networkId: t.facilitatorTokens.networkId, lastUsedAt: t.facilitatorTokens.lastUsedAt })
        .from(t.facilitatorTokens)
        .where(eq(t.facilitatorTokens.tokenHash, tokenHash))
        .get()
      if (!row) return null
      if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
        db.update(t.facilitatorTokens).set({ lastUsedAt: now }).where(eq(t.facilitatorTokens.id, row.id)).run()
      }
      return { networkId: row.networkId, tokenId: row.id }
    },

    async createInvitation(networkId, invitation, now) {
      db.insert(t.networkInvitations)
        .values({ id: invitation.id, networkId, tokenHash: invitation.hash, createdAt: now, expiresAt: invitation.expiresAt })
        .run()
    },

    async joinWithInvitation({ tokenHash, workspaceId, now, maxSchools }) {
      return immediate((tx) => {
        const found = useInvitation(tx, tokenHash, now)
        if (!found) return { outcome: 'invalid-invitation' as const }
        const network = toNetwork(found.network)
        const existing = tx
          .select({ id: t.networkMemberships.workspaceId })
          .from(t.networkMemberships)
          .where(eq(t.networkMemberships.networkId, network.id))
          .all()
        if (existing.some((m) => m.id === workspaceId)) return { outcome: 'already-member' as const, network }
        if (existing.length >= maxSchools) return { outcome: 'full' as const }
        found.use()
        tx.insert(t.networkMemberships).values({ networkId: network.id, workspaceId, joinedAt: now }).run()
        return { outcome: 'joined' as const, network }
      })
    },

    async leaveNetwork(networkId, workspaceId) {
      return immediate((tx) => {
        // The network keeps nothing of a school that left, not even what it was shown.
        const roundIds = tx.select({ id: t.rounds.id }).from(t.rounds).where(eq(t.rounds.workspaceId, workspaceId))
        tx.delete(t.networkRoundViews)
          .where(and(eq(t.networkRoundViews.networkId, networkId), inArray(t.networkRoundViews.roundId, roundIds)))
          .run()
        return (
          tx
            .delete(t.networkMemberships)
            .where(and(eq(t.networkMemberships.networkId, networkId), eq(t.networkMemberships.workspaceId, workspaceId)))
            .run().changes > 0
        )
      })
    },

    async listNetworksOfWorkspace(workspaceId) {
      return db
        .select({ id: t.networks.id, name: t.networks.name, joinedAt: t.networkMemberships.joinedAt })
        .from(t.networkMemberships)
        .innerJoin(t.networks, eq(t.networks.id, t.networkMemberships.networkId))
        .where(eq(t.networkMemberships.workspaceId, workspaceId))
        .orderBy(asc(t.networkMemberships.joinedAt), asc(t.networks.id))
        .all()
    },

    async joinParentWithInvitation({ tokenHash, childId, now, maxChildren, maxDepth }) {
      return immediate((tx) => {
        const found = useInvitation(tx, tokenHash, now)
        if (!found) return { outcome: 'invalid-invitation' as const }
        const parent = toNetwork(found.network)
        const above = ancestry(tx, parent.id)
        if (above.includes(childId)) return { outcome: 'cycle' as const }
        if (above.length + subtreeDepth(tx, childId) > maxDepth) return { outcome: 'too-deep' as const }
        const siblings = tx.select({ id: t.networks.id }).from(t.networks).where(eq(t.networks.parentId, parent.id)).all()
        if (!siblings.some((s) => s.id === childId) && siblings.length >= maxChildren) return { outcome: 'full' as const }
        found.use()
        tx.update(t.networks).set({ parentId: parent.id, updatedAt: now }).where(eq(t.networks.id, childId)).run()
        return { outcome: 'joined' as const, network: parent }
      })
    },

    async leaveParent(childId) {
      return immediate((tx) => {
        const row = networkRow(tx, childId)
        if (!row || row.parentId === null) return false
        tx.update(t.networks).set({ parentId: null }).where(eq(t.networks.id, childId)).run()
        return true
      })
    },

    async networkStamp(id) {
      return db.transaction((tx) => {
        const parts: string[] = []
        let level = [id]
        const seen = new Set<string>()
        const ids: string[] = []
        while (level.length > 0 && ids.length < 10_000) {
          const rows = tx
            .select({ id: t.networks.id, name: t.networks.name, min: t.networks.minGroupSize, parent: t.networks.parentId })
            .from(t.networks)
            .where(ids.length === 0 ? eq(t.networks.id, id) : inArray(t.networks.parentId, level))
            .orderBy(asc(t.networks.id))
            .all()
          level = []
          for (const r of rows) {
            if (seen.has(r.id)) continue
            seen.add(r.id)
            ids.push(r.id)
            level.push(r.id)
            parts.push(`n${r.id}:${r.parent ?? ''}:${r.min}:${r.name}`)
          }
          if (ids.length === 0) return null
        }
        const workspaceIds: string[] = []
        for (const chunk of chunks(ids)) {
          const rows = tx
            .select({ network: t.networkMemberships.networkId, workspace: t.workspaces.id, name: t.workspaces.name, joinedAt: t.networkMemberships.joinedAt })
            .from(t.networkMemberships)
            .innerJoin(t.workspaces, eq(t.workspaces.id, t.networkMemberships.workspaceId))
            .where(inArray(t.networkMemberships.networkId, chunk))
            .orderBy(asc(t.networkMemberships.networkId), asc(t.networkMemberships.joinedAt), asc(t.workspaces.id))
            .all()
          for (const r of rows) {
            workspaceIds.push(r.workspace)
            parts.push(`m${r.network}:${r.workspace}:${r.joinedAt}:${r.name}`)
          }
        }
        for (const chunk of chunks([...new Set(workspaceIds)])) {
          const rows = tx
            .select({ id: t.rounds.id, workspace: t.rounds.workspaceId, revision: t.rounds.revision, plan: t.rounds.planRevision, position: t.rounds.position, label: t.rounds.label })
            .from(t.rounds)
            .where(inArray(t.rounds.workspaceId, chunk))
            .orderBy(asc(t.rounds.workspaceId), asc(t.rounds.position))
            .all()
          for (const r of rows) parts.push(`r${r.workspace}:${r.id}:${r.revision}:${r.plan}:${r.position}:${r.label}`)
        }
        return parts.join('\n')
      })
    },

    async networkTree(id) {
      // One read transaction: the schools, rounds and inner networks of one moment.
      return db.transaction((tx) => {
        const root = networkRow(tx, id)
        if (!root) return null
        const all: t.NetworkRow[] = [root]
        const seen = new Set([root.id])
        let level = [root.id]
        while (level.length > 0) {
          const next = tx.select().from(t.networks).where(inArray(t.networks.parentId, level)).orderBy(asc(t.networks.createdAt), asc(t.networks.id)).all()
          level = []
          for (const n of next) {
            if (seen.has(n.id)) continue
            seen.add(n.id)
            all.push(n)
            level.push(n.id)
          }
        }
        const schools = schoolsOf(tx, all.map((n) => n.id))
        const build = (row: t.NetworkRow): NetworkTree => ({
          network: toNetwork(row),
          schools: schools.get(row.id) ?? [],
          children: all.filter((n) => n.parentId === row.id && n.id !== root.id).map(build),
        })
        return build(root)
      })
    },

    async showRounds(networkId, roundIds, decide, now) {
      return immediate((tx) => {
        const previous = new Map<string, ShownRound[]>()
        for (const ids of chunks(roundIds)) {
          const rows = tx
            .select()
            .from(t.networkRoundViews)
            .where(and(eq(t.networkRoundViews.networkId, networkId), inArray(t.networkRoundViews.roundId, ids)))
            .all()
          for (const row of rows) {
            const views = decodeShownRounds(row.shown)
            if (views) previous.set(row.roundId, views)
          }
        }
        const { record, result } = decide(previous)
        for (const { roundId, views } of record) {
          const text = encodeShownRounds(views)
          tx.insert(t.networkRoundViews)
            .values({ networkId, roundId, shown: text, shownAt: now })
            .onConflictDoUpdate({ target: [t.networkRoundViews.networkId, t.networkRoundViews.roundId], set: { shown: text, shownAt: now } })
            .run()
        }
        return result
      })
    },

    async listPlans(roundIds) {
      const plans = new Map<string, PlanEntry[]>()
      for (const ids of chunks(roundIds)) {
        const rows = db.select().from(t.planEntries).where(inArray(t.planEntries.roundId, ids)).orderBy(asc(t.planEntries.roundId), asc(t.planEntries.position)).all()
        for (const r of rows) {
          const list = plans.get(r.roundId)
          if (list) list.push(toPlanEntry(r))
          else plans.set(r.roundId, [toPlanEntry(r)])
        }
      }
      return plans
    },
  }
}
