/**
 * @module Turns a network's stored tree into the domain's input, from the rounds' cached
 * profiles (server/http/present-workspace.ts: cached by round revision, so no request scores
 * a round that did not change), and caches that input and the views' answers by everything
 * they depend on: the network's settings, its schools, their rounds' revisions and plan
 * revisions, the knowledge base (the repository's stamp). A school that leaves changes the
 * stamp, so it is gone at the next request.
 */
import { createHash } from 'node:crypto'
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
const INPUT_CACHE_SIZE = 100
const inputs = new LruCache<string, NetworkInput>(INPUT_CACHE_SIZE)
/** Answers kept, as bytes: an overview of 50 schools is about 200 kB. */
const ANSWER_CACHE_SIZE = 64
const answers = new LruCache<string, Uint8Array<ArrayBuffer>>(ANSWER_CACHE_SIZE)
const kbIds = new WeakMap<object, number>()
let nextKbId = 1
const encoder = new TextEncoder()

/**
 * The answer of one of the network's views (`variant`: the view and its query), as JSON bytes,
 * built by `build` from the network's input only when the network's stamp (or the knowledge
 * base) changed since; null when there is no such network.
 */
export async function networkAnswer(
  c: Ctx,
  id: string,
  variant: string,
  build: (input: NetworkInput) => unknown,
  /** How the built answer becomes text: JSON unless told (a CSV export builds its text itself). */
  encode: (answer: unknown) => string = JSON.stringify
): Promise<Uint8Array<ArrayBuffer> | null> {
  const stamp = await c.var.networks.networkStamp(id)
  if (stamp === null) return null
  const kb = c.var.kb
  let kbId = kbIds.get(kb)
  if (kbId === undefined) kbIds.set(kb, (kbId = nextKbId++))
  const version = `${kbId}:${createHash('sha256').update(stamp).digest('base64url')}`
  const key = `${version}\u0000${variant}`
  const cached = answers.get(key)
  if (cached) return cached
  let input = inputs.get(version)
  if (!input) {
    const tree = await c.var.networks.networkTree(id)
    if (!tree) return null
    input = await networkInput(c, tree)
    inputs.set(version, input)
  }
  const bytes = encoder.encode(encode(build(input)))
  answers.set(key, bytes)
  return bytes
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

/** The domain's input for the network tree (the rounds' profiles are cached by revision). */
async function networkInput(c: Ctx, tree: NetworkTree): Promise<NetworkInput> {
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
  return build(tree, 1)
}
