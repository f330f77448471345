/**
 * @module `npm run bench`: measures the server on loopback, in one run —
 *  - cold start to first answer (fresh database: migrate + load; and a restart on it),
 *  - requests/s and p50/p99 latency of POST /api/recommendations for a 30-respondent team,
 *    next to GET /api/health on the same server (the trivial reference), at 50 connections,
 *  - scoring time of 500 respondents (in-process, the pure engine),
 *  - the server's peak memory (VmHWM).
 * Prints a table and writes dist/bench/latest.json. Targets (issue 3): recommendations at
 * ≥ 70% of the trivial endpoint's throughput, p99 < 10 ms, scoring 500 respondents < 5 ms.
 *
 * The two endpoints are measured in alternation over several rounds and each figure is the
 * median over the rounds: on a shared virtual machine throughput drifts by a factor of two
 * within a minute, and alternating keeps the ratio a comparison of like with like.
 *
 * Options: --duration <s> per load test (default 5), --rounds <n> (default 3),
 * --connections <n> (default 50).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { openDb } from '../db/client.ts'
import { readKbContent } from '../db/queries/kb.ts'
import { indexKb, type KbIndex } from '../domain/kb-index.ts'
import { rankStrategies } from '../domain/ranking.ts'
import { scoreResponses, type ResponseRecord } from '../domain/scoring.ts'

const root = join(import.meta.dirname, '..', '..')
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
  },
})
const duration = Number(values.duration)
const rounds = Number(values.rounds)
const connections = Number(values.connections)

/** A small deterministic PRNG (mulberry32), so every run sends the same team. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `n` respondents of a plausible team: most determinants are answered favourably (8%
 * negative), six are common barriers (35% negative: complexity, self-efficacy, staff
 * capacity, time, coordinator, feedback); about 1 answer in 10 is skipped. The first
 * respondent is the key informant. Uniformly random answers would make all 29 determinants
 * barriers, which no real team reports.
 */
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
    return { respondent: `r${i + 1}`, ...(i === 0 ? { role: 'key-informant' as const } : {}), answers }
  })
}

function startServer(dbPath: string): Promise<{ child: ChildProcess; port: number; ms: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    // The load test is one client sending thousands of requests a second: the rate limit off.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: dbPath, WEB_ROOT: join(root, 'dist', 'web'), RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', async (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listens on http:\/\/[^:]+:(\d+)/.exec(output)
      if (!match) return
      child.stdout?.removeAllListeners('data')
      const port = Number(match[1])
      const res = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (!res.ok) reject(new Error(`health answered ${res.status}`))
      resolve({ child, port, ms: performance.now() - started })
    })
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
}

function peakMemoryMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

type Load = { rps: number; p50: number; p99: number; requests: number }

async function load(url: string, seconds: number, init?: { method: 'POST'; body: string }): Promise<Load> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    ...(init ? { method: init.method, body: init.body, headers: { 'content-type': 'application/json' } } : {}),
  })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const medianLoad = (runs: readonly Load[]): Load => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  requests: runs.reduce((n, r) => n + r.requests, 0),
})

function timeMs(fn: () => void, runs: number) {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { median: times[Math.floor(runs / 2)] ?? 0, p95: times[Math.floor(runs * 0.95)] ?? 0 }
}

const dir = mkdtempSync(join(tmpdir(), 'sw-bench-'))
const dbPath = join(dir, 'bench.db')
try {
  const cold = await startServer(dbPath)
  cold.child.kill()
  await new Promise((r) => cold.child.once('exit', r))
  const server = await startServer(dbPath)
  const base = `http://127.0.0.1:${server.port}/api`

  const db = openDb(dbPath)
  const kb = indexKb(readKbContent(db))
  db.$client.close()
  const thirty = team(kb, 30)
  const body = JSON.stringify({ responses: thirty, limit: 10 })
  const barrierCount = scoreResponses(kb.questionnaire, thirty).barriers.length

  const post = { method: 'POST' as const, body }
  await load(`${base}/health`, 2) // warm-up: JIT and caches
  await load(`${base}/recommendations`, 2, post)
  const trivialRuns: Load[] = []
  const recommendationRuns: Load[] = []
  for (let round = 0; round < rounds; round++) {
    trivialRuns.push(await load(`${base}/health`, duration))
    recommendationRuns.push(await load(`${base}/recommendations`, duration, post))
  }
  const trivial = medianLoad(trivialRuns)
  const recommendations = medianLoad(recommendationRuns)
  const memory = peakMemoryMb(server.child.pid)
  server.child.kill()

  const big = team(kb, 500, 2)
  const scoring = timeMs(() => scoreResponses(kb.questionnaire, big), 200)
  const profile = scoreResponses(kb.questionnaire, big)
  const barriers = profile.barriers.map((d) => ({
    determinant: d,
    severity: profile.determinants.find((x) => x.number === d)?.negativeShare ?? 0,
  }))
  const ranking = timeMs(() => rankStrategies({ barriers, strategies: kb.facts, links: kb.evidence }), 200)

  // The ratio per round (both measured within seconds of each other), then its median.
  const ratio = median(recommendationRuns.map((r, i) => r.rps / (trivialRuns[i]?.rps ?? Number.NaN)))
  const rows: [string, string, string, string][] = [
    ['cold start, fresh database (migrate + load)', `${cold.ms.toFixed(0)} ms`, '', ''],
    ['restart on the loaded database', `${server.ms.toFixed(0)} ms`, '', ''],
    [`GET /api/health (trivial), ${connections} conns`, `${trivial.rps.toFixed(0)} req/s`, `p50 ${trivial.p50} ms`, `p99 ${trivial.p99} ms`],
    [`POST /api/recommendations, 30 respondents (${barrierCount} barriers)`, `${recommendations.rps.toFixed(0)} req/s`, `p50 ${recommendations.p50} ms`, `p99 ${recommendations.p99} ms`],
    ['throughput ratio recommendations / trivial', `${(ratio * 100).toFixed(0)} %`, 'target ≥ 70 %', ratio >= 0.7 ? 'met' : 'NOT met'],
    ['p99 of recommendations', `${recommendations.p99} ms`, 'target < 10 ms', recommendations.p99 < 10 ? 'met' : 'NOT met'],
    ['scoring 500 respondents (median / p95)', `${scoring.median.toFixed(2)} ms`, `p95 ${scoring.p95.toFixed(2)} ms`, scoring.median < 5 ? 'met (< 5 ms)' : 'NOT met'],
    [`ranking ${kb.facts.length} strategies for ${barriers.length} barriers`, `${ranking.median.toFixed(3)} ms`, `p95 ${ranking.p95.toFixed(3)} ms`, ''],
    ['server peak memory (VmHWM)', `${memory.toFixed(0)} MB`, '', ''],
  ]
  const width = Math.max(...rows.map((r) => r[0].length))
  console.log(
    `\nStrategiewijzer benchmark (medians of ${rounds} alternating rounds of ${duration} s, ${connections} connections, Node ${process.version})\n`
  )
  for (const r of rows) console.log(`${r[0].padEnd(width)}  ${r[1].padStart(12)}  ${r[2].padEnd(16)}  ${r[3]}`)

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    durationSeconds: duration,
    rounds,
    connections,
    perRound: { trivial: trivialRuns, recommendations: recommendationRuns },
    coldStartMs: { freshDatabase: cold.ms, restart: server.ms },
    trivial,
    recommendations: { ...recommendations, respondents: 30, barriers: barrierCount, requestBytes: body.length },
    throughputRatio: ratio,
    scoring500: scoring,
    ranking,
    serverPeakMemoryMb: memory,
    targets: { throughputRatio: ratio >= 0.7, p99Under10ms: recommendations.p99 < 10, scoring500Under5ms: scoring.median < 5 },
  }
  mkdirSync(join(root, 'dist', 'bench'), { recursive: true })
  writeFileSync(join(root, 'dist', 'bench', 'latest.json'), JSON.stringify(results, null, 2) + '\n')
  console.log('\nwritten to dist/bench/latest.json')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
