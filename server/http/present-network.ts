/**
 * @module Turns a network's stored tree into the domain's input, from the rounds' cached
 * profiles (server/http/present-workspace.ts: cached by round revision, so no request scores
 * a round that did not change), and caches that input by everything it depends on: the
 * network's settings, its schools, their rounds' revisions and plan revisions, the
 * knowledge base. A school that leaves changes the key, so it is gone at the next request.
 */
import type { Context } from 'hono'
import type { NetworkSchool, NetworkTree } from '../db/network-repository.ts'
import type { Round } from '../db/workspace-repository.ts'
import { LruCache } from '../domain/lru-cache.ts'
import { NETWORK_LIMITS, type NetworkInput, type RoundAggregate } from '../domain/network.ts'
import type { PlanEntry } from '../domain/workspace.ts'
import type { ScoreProfile } from '../domain/scoring.ts'
import { roundProfile } from './present-workspace.ts'
import type { AppEnv } from './router.ts'

type Ctx = Context<AppEnv>

/** Inputs of networks kept; each holds counts only (29 determinants per round). */
const INPUT_CACHE_SIZE = 200
const inputs = new LruCache<string, NetworkInput>(INPUT_CACHE_SIZE)
const kbIds = new WeakMap<object, number>()
let nextKbId = 1

/** Everything the input depends on, as one string. */
function fingerprint(tree: NetworkTree, kbId: number, depth = 1): string {
  const { network: n } = tree
  const schools = tree.schools
    .map((s) => `${s.workspaceId}:${s.name}:${s.rounds.map((r) => `${r.id}.${r.revision}.${r.planRevision}.${r.position}.${r.label}`).join(',')}`)
    .join(';')
  const children = depth < NETWORK_LIMITS.depth ? tree.children.map((c) => fingerprint(c, kbId, depth + 1)).join('|') : ''
  return `${kbId}\u0000${n.id}:${n.name}:${n.minGroupSize}[${schools}]{${children}}`
}

/** A round's counts per determinant, from its profile (shares are counts over n there). */
function aggregate(round: Round, profile: ScoreProfile, plan: readonly PlanEntry[]): RoundAggregate {
  return {
    label: round.label,
    position: round.position,
    n: profile.respondents,
    determinants: profile.determinants.map((d) => ({
      number: d.number,
      group: d.group,
      n: d.n,
      negative: Math.round((d.negativeShare ?? 0) * d.n),
      positive: Math.round((d.positiveShare ?? 0) * d.n),
    })),
    plan: plan.map((e) => ({ strategy: e.strategy, status: e.status, barriers: e.barriers })),
  }
}

function allSchools(tree: NetworkTree, depth = 1): NetworkSchool[] {
  return [...tree.schools, ...(depth < NETWORK_LIMITS.depth ? tree.children.flatMap((c) => allSchools(c, depth + 1)) : [])]
}

/** The domain's input for the network tree, cached. */
export async function networkInput(c: Ctx, tree: NetworkTree): Promise<NetworkInput> {
  const kb = c.var.kb
  let kbId = kbIds.get(kb)
  if (kbId === undefined) kbIds.set(kb, (kbId = nextKbId++))
  const key = fingerprint(tree, kbId)
  const cached = inputs.get(key)
  if (cached) return cached

  const rounds = new Map<string, Round>()
  for (const s of allSchools(tree)) for (const r of s.rounds) rounds.set(r.id, r)
  const plans = await c.var.networks.listPlans([...rounds.keys()])
  const aggregates = new Map<string, RoundAggregate>()
  for (const round of rounds.values()) {
    aggregates.set(round.id, aggregate(round, await roundProfile(c, round), plans.get(round.id) ?? []))
  }
  const build = (t: NetworkTree, depth: number): NetworkInput => ({
    id: t.network.id,
    name: t.network.name,
    minGroupSize: t.network.minGroupSize,
    schools: t.schools.map((s) => ({
      workspace: s.workspaceId,
      name: s.name,
      rounds: s.rounds.flatMap((r) => aggregates.get(r.id) ?? []),
    })),
    children: depth < NETWORK_LIMITS.depth ? t.children.map((child) => build(child, depth + 1)) : [],
  })
  const input = build(tree, 1)
  inputs.set(key, input)
  return input
}
