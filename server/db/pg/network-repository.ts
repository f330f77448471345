/**
 * @module The PostgreSQL implementation of {@link NetworkRepository}: the SQLite one
 * (server/db/sqlite-network-repository.ts), awaited. Joining, nesting and leaving take the
 * transaction advisory lock LOCKS.networks first: SQLite serialises all writers, and the checks
 * they make (room left, no cycle, depth) span several networks, so on PostgreSQL they run one
 * at a time too. They are rare; submissions never wait for them.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { ShownRound } from '../../domain/network.ts'
import type { PlanEntry } from '../../domain/workspace.ts'
import type { NetworkRepository, NetworkSchool, NetworkTree } from '../network-repository.ts'
import { toNetwork } from '../sqlite-network-repository.ts'
import { toPlanEntry, toRound } from '../sqlite-workspace-repository.ts'
import type { Round } from '../workspace-repository.ts'
import { decodeShownRounds, encodeShownRounds } from '../shown-round-codec.ts'
import { LOCKS, VIEW_LOCK_CLASS, type PgDb } from './client.ts'
import * as t from './schema.ts'

const LAST_USED_RESOLUTION_MS = 60_000

type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0]
type Conn = PgDb | Tx

const byId = (column: typeof t.networks.id | typeof t.workspaces.id) => sql`${column} COLLATE "C"`
const READ = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const

export function createPgNetworkRepository(db: PgDb): NetworkRepository {
  const networkRow = async (conn: Conn, id: string) => (await conn.select().from(t.networks).where(eq(t.networks.id, id)))[0]
  const lockNetworks = (tx: Tx) => tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCKS.networks})`)

  const useInvitation = async (tx: Tx, tokenHash: string, now: number) => {
    const [invitation] = await tx
      .select()
      .from(t.networkInvitations)
      .where(and(eq(t.networkInvitations.tokenHash, tokenHash), isNull(t.networkInvitations.usedAt)))
      .for('update')
    if (!invitation || invitation.expiresAt <= now) return null
    const network = await networkRow(tx, invitation.networkId)
    if (!network) return null
    return { network, use: () => tx.update(t.networkInvitations).set({ usedAt: now }).where(eq(t.networkInvitations.id, invitation.id)) }
  }

  const subtreeDepth = async (conn: Conn, id: string): Promise<number> => {
    let depth = 0
    let level = [id]
    while (level.length > 0 && depth < 64) {
      depth++
      level = (await conn.select({ id: t.networks.id }).from(t.networks).where(inArray(t.networks.parentId, level))).map((r) => r.id)
    }
    return depth
  }

  const ancestry = async (conn: Conn, id: string): Promise<string[]> => {
    const chain: string[] = []
    let current: string | null = id
    while (current !== null && chain.length < 64 && !chain.includes(current)) {
      chain.push(current)
      current = (await networkRow(conn, current))?.parentId ?? null
    }
    return chain
  }

  const schoolsOf = async (conn: Conn, networkIds: readonly string[]): Promise<Map<string, NetworkSchool[]>> => {
    const byNetwork = new Map<string, NetworkSchool[]>()
    if (networkIds.length === 0) return byNetwork
    const rows = await conn
      .select({ networkId: t.networkMemberships.networkId, joinedAt: t.networkMemberships.joinedAt, workspace: t.workspaces })
      .from(t.networkMemberships)
      .innerJoin(t.workspaces, eq(t.workspaces.id, t.networkMemberships.workspaceId))
      .where(inArray(t.networkMemberships.networkId, [...networkIds]))
      .orderBy(asc(t.networkMemberships.joinedAt), byId(t.workspaces.id))
    const rounds = new Map<string, Round[]>()
    const workspaceIds = [...new Set(rows.map((r) => r.workspace.id))]
    if (workspaceIds.length > 0) {
      for (const r of await conn.select().from(t.rounds).where(inArray(t.rounds.workspaceId, workspaceIds)).orderBy(asc(t.rounds.position))) {
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
    return byNetwork
  }

  return {
    async createNetwork({ network, token, now }) {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(t.networks).values({ ...network, createdAt: now, updatedAt: now }).returning()
        await tx.insert(t.facilitatorTokens).values({ id: token.id, networkId: network.id, tokenHash: token.hash, createdAt: now })
        return toNetwork(row!)
      })
    },

    async getNetwork(id) {
      const row = await networkRow(db, id)
      return row ? toNetwork(row) : null
    },

    async updateNetwork(id, patch, now) {
      const [row] = await db
        .update(t.networks)
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.minGroupSize !== undefined ? { minGroupSize: patch.minGroupSize } : {}),
          updatedAt: now,
        })
        .where(eq(t.networks.id, id))
        .returning()
      return row ? toNetwork(row) : null
    },

    async deleteNetwork(id) {
      return ((await db.delete(t.networks).where(eq(t.networks.id, id))).rowCount ?? 0) > 0
    },

    async replaceFacilitatorToken(networkId, token, now) {
      return db.transaction(async (tx) => {
        // The network's row lock: two replacements at once end with one link, not two.
        const [row] = await tx.select({ id: t.networks.id }).from(t.networks).where(eq(t.networks.id, networkId)).for('update')
        if (!row) return false
        await tx.delete(t.facilitatorTokens).where(eq(t.facilitatorTokens.networkId, networkId))
        await tx.insert(t.facilitatorTokens).values({ id: token.id, networkId, tokenHash: token.hash, createdAt: now })
        return true
      })
    },

    async authenticateFacilitator(tokenHash, now) {
      const [row] = await db
        .select({ id: t.facilitatorTokens.id, networkId: t.facilitatorTokens.networkId, lastUsedAt: t.facilitatorTokens.lastUsedAt })
        .from(t.facilitatorTokens)
        .where(eq(t.facilitatorTokens.tokenHash, tokenHash))
      if (!row) return null
      if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_RESOLUTION_MS) {
        await db.update(t.facilitatorTokens).set({ lastUsedAt: now }).where(eq(t.facilitatorTokens.id, row.id))
      }
      return { networkId: row.networkId, tokenId: row.id }
    },

    async createInvitation(networkId, invitation, now) {
      await db
        .insert(t.networkInvitations)
        .values({ id: invitation.id, networkId, tokenHash: invitation.hash, createdAt: now, expiresAt: invitation.expiresAt })
    },

    async joinWithInvitation({ tokenHash, workspaceId, now, maxSchools }) {
      return db.transaction(async (tx) => {
        await lockNetworks(tx)
        const found = await useInvitation(tx, tokenHash, now)
        if (!found) return { outcome: 'invalid-invitation' as const }
        const network = toNetwork(found.network)
        const existing = await tx
          .select({ id: t.networkMemberships.workspaceId })
          .from(t.networkMemberships)
          .where(eq(t.networkMemberships.networkId, network.id))
        if (existing.some((m) => m.id === workspaceId)) return { outcome: 'already-member' as const, network }
        if (existing.length >= maxSchools) return { outcome: 'full' as const }
        await found.use()
        await tx.insert(t.networkMemberships).values({ networkId: network.id, workspaceId, joinedAt: now })
        return { outcome: 'joined' as const, network }
      })
    },

    async leaveNetwork(networkId, workspaceId) {
      return db.transaction(async (tx) => {
        // The network keeps nothing of a school that left, not even what it was shown.
        const roundIds = tx.select({ id: t.rounds.id }).from(t.rounds).where(eq(t.rounds.workspaceId, workspaceId))
        await tx
          .delete(t.networkRoundViews)
          .where(and(eq(t.networkRoundViews.networkId, networkId), inArray(t.networkRoundViews.roundId, roundIds)))
        const result = await tx
          .delete(t.networkMemberships)
          .where(and(eq(t.networkMemberships.networkId, networkId), eq(t.networkMemberships.workspaceId, workspaceId)))
        return (result.rowCount ?? 0) > 0
      })
    },

    async showRounds(networkId, roundIds, decide, now) {
      return db.transaction(async (tx) => {
        // One network's looks one at a time, across instances: rows that do not exist yet
        // cannot be locked with FOR UPDATE, so the lock is on the network.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${VIEW_LOCK_CLASS}, hashtext(${networkId}))`)
        const previous = new Map<string, ShownRound[]>()
        if (roundIds.length > 0) {
          const rows = await tx
            .select()
            .from(t.networkRoundViews)
            .where(and(eq(t.networkRoundViews.networkId, networkId), inArray(t.networkRoundViews.roundId, [...roundIds])))
          for (const row of rows) {
            const views = decodeShownRounds(row.shown)
            if (views) previous.set(row.roundId, views)
          }
        }
        const { record, result } = decide(previous)
        for (const { roundId, views } of record) {
          const text = encodeShownRounds(views)
          await tx
            .insert(t.networkRoundViews)
            .values({ networkId, roundId, shown: text, shownAt: now })
            .onConflictDoUpdate({ target: [t.networkRoundViews.networkId, t.networkRoundViews.roundId], set: { shown: text, shownAt: now } })
        }
        return result
      })
    },

    async listNetworksOfWorkspace(workspaceId) {
      return db
        .select({ id: t.networks.id, name: t.networks.name, joinedAt: t.networkMemberships.joinedAt })
        .from(t.networkMemberships)
        .innerJoin(t.networks, eq(t.networks.id, t.networkMemberships.networkId))
        .where(eq(t.networkMemberships.workspaceId, workspaceId))
        .orderBy(asc(t.networkMemberships.joinedAt), byId(t.networks.id))
    },

    async joinParentWithInvitation({ tokenHash, childId, now, maxChildren, maxDepth }) {
      return db.transaction(async (tx) => {
        await lockNetworks(tx)
        const found = await useInvitation(tx, tokenHash, now)
        if (!found) return { outcome: 'invalid-invitation' as const }
        const parent = toNetwork(found.network)
        const above = await ancestry(tx, parent.id)
        if (above.includes(childId)) return { outcome: 'cycle' as const }
        if (above.length + (await subtreeDepth(tx, childId)) > maxDepth) return { outcome: 'too-deep' as const }
        const siblings = await tx.select({ id: t.networks.id }).from(t.networks).where(eq(t.networks.parentId, parent.id))
        if (!siblings.some((s) => s.id === childId) && siblings.length >= maxChildren) return { outcome: 'full' as const }
        await found.use()
        await tx.update(t.networks).set({ parentId: parent.id, updatedAt: now }).where(eq(t.networks.id, childId))
        return { outcome: 'joined' as const, network: parent }
      })
    },

    async leaveParent(childId) {
      return db.transaction(async (tx) => {
        await lockNetworks(tx)
        const row = await networkRow(tx, childId)
        if (!row || row.parentId === null) return false
        await tx.update(t.networks).set({ parentId: null }).where(eq(t.networks.id, childId))
        return true
      })
    },

    async networkStamp(id) {
      return db.transaction(async (tx) => {
        const parts: string[] = []
        let level = [id]
        const seen = new Set<string>()
        const ids: string[] = []
        while (level.length > 0 && ids.length < 10_000) {
          const rows = await tx
            .select({ id: t.networks.id, name: t.networks.name, min: t.networks.minGroupSize, parent: t.networks.parentId })
            .from(t.networks)
            .where(ids.length === 0 ? eq(t.networks.id, id) : inArray(t.networks.parentId, level))
            .orderBy(byId(t.networks.id))
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
        const members = await tx
          .select({ network: t.networkMemberships.networkId, workspace: t.workspaces.id, name: t.workspaces.name, joinedAt: t.networkMemberships.joinedAt })
          .from(t.networkMemberships)
          .innerJoin(t.workspaces, eq(t.workspaces.id, t.networkMemberships.workspaceId))
          .where(inArray(t.networkMemberships.networkId, ids))
          .orderBy(sql`${t.networkMemberships.networkId} COLLATE "C"`, asc(t.networkMemberships.joinedAt), byId(t.workspaces.id))
        for (const r of members) parts.push(`m${r.network}:${r.workspace}:${r.joinedAt}:${r.name}`)
        const workspaceIds = [...new Set(members.map((r) => r.workspace))]
        if (workspaceIds.length > 0) {
          const rounds = await tx
            .select({ id: t.rounds.id, workspace: t.rounds.workspaceId, revision: t.rounds.revision, plan: t.rounds.planRevision, position: t.rounds.position, label: t.rounds.label })
            .from(t.rounds)
            .where(inArray(t.rounds.workspaceId, workspaceIds))
            .orderBy(sql`${t.rounds.workspaceId} COLLATE "C"`, asc(t.rounds.position))
          for (const r of rounds) parts.push(`r${r.workspace}:${r.id}:${r.revision}:${r.plan}:${r.position}:${r.label}`)
        }
        return parts.join('\n')
      }, READ)
    },

    async networkTree(id) {
      return db.transaction(async (tx) => {
        const root = await networkRow(tx, id)
        if (!root) return null
        const all: (typeof root)[] = [root]
        const seen = new Set([root.id])
        let level = [root.id]
        while (level.length > 0) {
          const next = await tx.select().from(t.networks).where(inArray(t.networks.parentId, level)).orderBy(asc(t.networks.createdAt), byId(t.networks.id))
          level = []
          for (const n of next) {
            if (seen.has(n.id)) continue
            seen.add(n.id)
            all.push(n)
            level.push(n.id)
          }
        }
        const schools = await schoolsOf(tx, all.map((n) => n.id))
        const build = (row: typeof root): NetworkTree => ({
          network: toNetwork(row),
          schools: schools.get(row.id) ?? [],
          children: all.filter((n) => n.parentId === row.id && n.id !== root.id).map(build),
        })
        return build(root)
      }, READ)
    },

    async listPlans(roundIds) {
      const plans = new Map<string, PlanEntry[]>()
      if (roundIds.length === 0) return plans
      const rows = await db
        .select()
        .from(t.planEntries)
        .where(inArray(t.planEntries.roundId, [...roundIds]))
        .orderBy(sql`${t.planEntries.roundId} COLLATE "C"`, asc(t.planEntries.position))
      for (const r of rows) {
        const list = plans.get(r.roundId)
        if (list) list.push(toPlanEntry(r))
        else plans.set(r.roundId, [toPlanEntry(r)])
      }
      return plans
    },
  }
}
