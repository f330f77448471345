/**
 * @module `npx tsx server/cli/bench-cpu.ts`: the server's CPU cost per request, in process —
 * no sockets, no load generator competing for the two cores — through `app.request()` on a
 * fresh database loaded with data/kb:
 *  - GET /api/health (the trivial reference),
 *  - POST /api/recommendations for 30 respondents, ranked (limit 10, the body npm run bench sends),
 *  - the same team in bundle mode (limit 5),
 *  - 500 respondents, ranked.
 * Per case: process CPU time (user + system) per request, and the wall-time median and p99 of
 * single requests. Cases run in alternation over several rounds; each figure is the median over
 * rounds, so drift on a shared machine hits every case alike.
 *
 * Options: --rounds <n> (default 5), --ms <per case and round> (default 1500).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createApp } from '../app.ts'
import { openDb } from '../db/client.ts'
import { migrateDb } from '../db/migrate.ts'
import { readKbContent } from '../db/queries/kb.ts'
import { loadKb } from '../db/seed.ts'
import { indexKb, type KbIndex } from '../domain/kb-index.ts'
import type { ResponseRecord } from '../domain/scoring.ts'

const root = join(import.meta.dirname, '..', '..')
const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, ms: { type: 'string', default: '1500' } },
})
const rounds = Number(values.rounds)
const budgetMs = Number(values.ms)

/** mulberry32, as in bench.ts: every run sends the same teams. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The plausible team of bench.ts: six common barriers, 1 answer in 10 skipped. */
function team(kb: KbIndex, n: number, seed = 1): ResponseRecord[] {
  const next = random(seed)
  const problems = new Set([4, 16, 21, 23, 25, 28])
  const pick = (item: KbIndex['questionnaire']['items'][number]) => {
    const negative = problems.has(item.determinant) ? 0.35 : 0.08
    const roll = next()
    const valence = roll < negative ? 'negative' : roll < negative + 0.15 ? 'neutral' : 'positive'
    const options = item.options.filter((o) => o.valence === valence)
    const fallback = item.options.filter((o) => o.valence !== 'neutral' || valence === 'neutral')
    const pool = options.length > 0 ? options : fallback
    return pool[Math.floor(next() * pool.length)]?.value ?? null
  }
  return Array.from({ length: n }, (_, i) => {
    const answers: Record<string, number | null> = {}
    for (const item of kb.questionnaire.items) {
      if (item.respondent === 'key-informant' && i !== 0) continue
      answers[item.id] = next() < 0.1 ? null : pick(item)
    }
    return {
      respondent: `r${i + 1}`,
      ...(i === 0 ? { role: 'key-informant' as const } : {}),
      answers,
    }
  })
}

const dir = mkdtempSync(join(tmpdir(), 'sw-bench-cpu-'))
try {
  const db = openDb(join(dir, 'bench.db'))
  migrateDb(db)
  loadKb(db, join(root, 'data', 'kb'))
  const kb = indexKb(readKbContent(db))
  const app = createApp({ db })

  type Case = { name: string; path: string; body?: string }
  const thirty = team(kb, 30)
  const cases: Case[] = [
    { name: 'GET /api/health', path: '/api/health' },
    {
      name: 'recommendations, 30 respondents, ranked',
      path: '/api/recommendations',
      body: JSON.stringify({ responses: thirty, limit: 10 }),
    },
    {
      name: 'recommendations, 30 respondents, bundle',
      path: '/api/recommendations',
      body: JSON.stringify({ responses: thirty, mode: 'bundle' }),
    },
    {
      name: 'recommendations, 500 respondents, ranked',
      path: '/api/recommendations',
      body: JSON.stringify({ responses: team(kb, 500, 2), limit: 10 }),
    },
  ]

  const send = async (c: Case) => {
    const res = await app.request(
      c.path,
      c.body === undefined
        ? {}
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: c.body }
    )
    if (res.status !== 200) throw new Error(`${c.name}: ${res.status} ${await res.text()}`)
    return res.text()
  }

  type Run = { cpuUs: number; p50Ms: number; p99Ms: number; requests: number }
  const run = async (c: Case): Promise<Run> => {
    const times: number[] = []
    const cpu0 = process.cpuUsage()
    const start = performance.now()
    while (performance.now() - start < budgetMs) {
      const t0 = performance.now()
      await send(c)
      times.push(performance.now() - t0)
    }
    const cpu = process.cpuUsage(cpu0)
    times.sort((a, b) => a - b)
    return {
      cpuUs: (cpu.user + cpu.system) / times.length,
      p50Ms: times[Math.floor(times.length / 2)] ?? 0,
      p99Ms: times[Math.floor(times.length * 0.99)] ?? 0,
      requests: times.length,
    }
  }

  for (const c of cases) {
    console.log(`${c.name}: request ${c.body?.length ?? 0} B, answer ${(await send(c)).length} B`)
    for (let i = 0; i < 200; i++) await send(c) // warm-up: JIT and caches
  }
  const runs = new Map<Case, Run[]>(cases.map((c) => [c, []]))
  for (let r = 0; r < rounds; r++) for (const c of cases) runs.get(c)?.push(await run(c))

  const median = (xs: readonly number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  const trivial = median((runs.get(cases[0] as Case) ?? []).map((r) => r.cpuUs))
  console.log(
    `\nmedians of ${rounds} alternating rounds of ${budgetMs} ms per case (Node ${process.version})\n`
  )
  console.log(
    `${'case'.padEnd(42)} ${'CPU µs/req'.padStart(11)} ${'× health'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`
  )
  for (const c of cases) {
    const rs = runs.get(c) ?? []
    const cpu = median(rs.map((r) => r.cpuUs))
    console.log(
      `${c.name.padEnd(42)} ${cpu.toFixed(0).padStart(11)} ${(cpu / trivial).toFixed(1).padStart(9)} ${median(
        rs.map((r) => r.p50Ms)
      )
        .toFixed(3)
        .padStart(8)} ${median(rs.map((r) => r.p99Ms))
        .toFixed(3)
        .padStart(8)}`
    )
  }
  db.$client.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
