/**
 * @module Turns a network's stored tree into the domain's input: each round scored once per
 * revision, then shown as the network may see it (held back until enough answers changed
 * since it last looked, docs/networks.md), and caches that input and the views' answers by everything
 * they depend on: the network's settings, its schools, their rounds' revisions and plan
 * revisions, the knowledge base (the repository's stamp). A school that leaves changes the
 * stamp, so it is gone at the next request.
 */
import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import type { NetworkSchool, NetworkTree } from '../db/network-repository.ts'
import type { Round, Submission } from '../db/workspace-repository.ts'
import { LruCache } from '../domain/lru-cache.ts'
import { MIN_GROUP_SIZE_FLOOR, NETWORK_LIMITS, showRound, type NetworkInput, type RoundAggregate, type ShownRound } from '../domain/network.ts'
import { scoreResponses } from '../domain/scoring.ts'
import type { PlanEntry } from '../domain/workspace.ts'
import { roundKey, roundSubmissions } from './present-workspace.ts'
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
/** Rounds as they are now, with who each figure is counted from: as many as profiles are kept. */
const lives = new LruCache<string, ShownRound>(500)
/**
 * What a network was shown of a round at one revision of it. For a given revision the answer
 * is settled once decided: the round is as it was, and the network's record of it only
 * changes when the round does. So unchanged rounds need no read of their record and no
 * comparison when one school gets an answer.
 */
const decided = new LruCache<string, { shown: ShownRound; heldBack: number }>(2000)

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

/**
 * A round as it is now, with who each figure is counted from (for {@link showRound}); cached
 * like the rounds' profiles, by revision.
 */
async function liveRound(c: Ctx, round: Round): Promise<ShownRound> {
  const key = roundKey(c, round)
  const cached = lives.get(key)
  if (cached) return cached
  const kb = c.var.kb
  const { submissions, records } = await roundSubmissions(c, round)
  const contributors = kb.questionnaire.determinants.map((): string[] => [])
  const profile = scoreResponses(kb.questionnaire, records, round.settings.score, {
    counted: (k, i) => contributors[k]?.push((submissions[i] as Submission).id),
  })
  const live: ShownRound = {
    n: profile.respondents,
    submissions: submissions.map((s) => s.id),
    cells: profile.determinants.map((d, k) => ({
      number: d.number,
      group: d.group,
      n: d.n,
      negative: Math.round((d.negativeShare ?? 0) * d.n),
      positive: Math.round((d.positiveShare ?? 0) * d.n),
      contributors: contributors[k] ?? [],
    })),
  }
  lives.set(key, live)
  return live
}

const aggregate = (round: Round, shown: ShownRound, heldBack: number, plan: readonly PlanEntry[]): RoundAggregate => ({
  label: round.label,
  position: round.position,
  n: shown.n,
  ...(heldBack > 0 ? { heldBack } : {}),
  determinants: shown.cells.map(({ contributors: _, ...counts }) => counts),
  plan: plan.map((e) => ({ strategy: e.strategy, status: e.status, barriers: e.barriers })),
})

/**
 * Every school of the tree with the minimum group sizes it is shown under: the largest on
 * the way down from the viewing network (an inner network's own minimum, when higher, holds
 * for what the outer one sees of it). A school met on two ways keeps the lowest to show by and
 * the highest to guard changes by.
 */
function schoolsWithMinimum(tree: NetworkTree): Map<string, { school: NetworkSchool; shownFrom: number; changeAtLeast: number }> {
  const found = new Map<string, { school: NetworkSchool; shownFrom: number; changeAtLeast: number }>()
  const walk = (t: NetworkTree, above: number, depth: number) => {
    const min = Math.max(above, t.network.minGroupSize)
    for (const school of t.schools) {
      const seen = found.get(school.workspaceId)
      if (seen) found.set(school.workspaceId, { school, shownFrom: Math.min(seen.shownFrom, min), changeAtLeast: Math.max(seen.changeAtLeast, min) })
      else found.set(school.workspaceId, { school, shownFrom: min, changeAtLeast: min })
    }
    if (depth < NETWORK_LIMITS.depth) for (const child of t.children) walk(child, min, depth + 1)
  }
  walk(tree, MIN_GROUP_SIZE_FLOOR, 1)
  return found
}

/**
 * The domain's input for the network tree: each round as the network may be shown it now
 * (held back where too few answers changed since it last looked), recorded in the same step.
 */
async function networkInput(c: Ctx, tree: NetworkTree): Promise<NetworkInput> {
  const schools = schoolsWithMinimum(tree)
  const rounds: { round: Round; live: ShownRound; shownFrom: number; changeAtLeast: number }[] = []
  for (const { school, shownFrom, changeAtLeast } of schools.values()) {
    for (const round of school.rounds) rounds.push({ round, live: await liveRound(c, round), shownFrom, changeAtLeast })
  }
  const plans = await c.var.networks.listPlans(rounds.map((r) => r.round.id))
  const shown = new Map<string, { shown: ShownRound; heldBack: number }>()
  const key = (r: (typeof rounds)[number]) => `${tree.network.id}\u0000${roundKey(c, r.round)}\u0000${r.shownFrom}\u0000${r.changeAtLeast}`
  const open = rounds.filter((r) => {
    const known = decided.get(key(r))
    if (known) shown.set(r.round.id, known)
    return !known
  })
  if (open.length > 0) {
    await c.var.networks.showRounds(
      tree.network.id,
      open.map((r) => r.round.id),
      (previous) => {
        const record: { roundId: string; views: readonly ShownRound[] }[] = []
        for (const r of open) {
          const next = showRound(previous.get(r.round.id) ?? [], r.live, r.shownFrom, r.changeAtLeast)
          if (next.changed) record.push({ roundId: r.round.id, views: next.history })
          shown.set(r.round.id, next)
        }
        return { record, result: undefined }
      },
      c.var.now()
    )
    for (const r of open) decided.set(key(r), shown.get(r.round.id) as { shown: ShownRound; heldBack: number })
  }
  const aggregates = new Map<string, RoundAggregate>()
  for (const { round } of rounds) {
    const s = shown.get(round.id) as { shown: ShownRound; heldBack: number }
    aggregates.set(round.id, aggregate(round, s.shown, s.heldBack, plans.get(round.id) ?? []))
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
