/**
 * @module `npm run bench`: measures the compiled server (dist/server/main.js, built first when
 * stale) on loopback, with the load generator in a process of its own (bench-load.ts), and
 * prints a markdown table with the targets beside the figures. Results also go to
 * dist/bench/latest.json.
 *
 * The bench is a list of named scenarios (SCENARIOS below); each gets the running server, the
 * load generator and the knowledge base (or starts a server of its own on a fresh database),
 * and returns rows. A new one — say, submissions per second into one round, or the profile
 * of a round of 500 submissions — is one more entry.
 *
 * Why these measures: the machine has two cores shared with other work, so requests per
 * second and wall-clock times swing from run to run. The server's CPU time per request (from
 * /proc/<pid>/stat, all of its threads) barely moves with that load, and comparing each
 * endpoint with the trivial GET /api/health says what the work itself costs. Latency is
 * measured open-loop: requests at a fixed rate whatever the server does, as users send them.
 *
 * With BENCH_DATABASE_URL (or TEST_DATABASE_URL) naming a PostgreSQL server, the workspace
 * scenario runs on both dialects and a second table gives their figures side by side.
 *
 * Options: --quick (about a quarter of the requests and seconds), --only <name,…> (scenarios
 * by name), --list.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openDb } from '../db/client.ts'
import { readKbContent } from '../db/queries/kb.ts'
import { indexKb, type KbIndex } from '../domain/kb-index.ts'
import { bundleStrategies, rankStrategies } from '../domain/ranking.ts'
import { scoreResponses } from '../domain/scoring.ts'
import { splitProfile } from '../domain/subgroups.ts'
import type { ClosedJob, ClosedResult, Job, OpenJob, OpenResult, Reply } from './bench-load.ts'
import { ensureBuilt, ROOT, SERVER_BUNDLE } from './build-stamp.js'
import { team } from './seeded-random.ts'

// ── What a scenario gets and gives ──────────────────────────────────────────────────────────

/** A figure with its unit; `target` is the bound it must stay under (or at, with `≤`). */
type Row = {
  readonly measure: string
  readonly value: number
  readonly unit: 'ms' | 'µs' | 'MB' | 'req/s' | '×'
  readonly target?: { readonly op: '<' | '≤'; readonly limit: number }
  readonly note?: string
}

type Bench = {
  readonly quick: boolean
  /** `n` in a full run, about a quarter of it with --quick (at least `min`). */
  readonly scale: (n: number, min?: number) => number
  readonly server: Server
  readonly load: LoadGenerator
  readonly kb: KbIndex
  /** A folder for the scenario's own files (databases); removed at the end. */
  readonly tmp: string
  /** Another server of its own, for a scenario that must start from a known state; stop it. */
  readonly startServer: (dbPath: string, env?: NodeJS.ProcessEnv) => Promise<Server>
}

type Scenario = {
  readonly name: string
  readonly summary: string
  run(bench: Bench): Promise<Row[]>
}

// ── The server and the load generator, each a process of its own ───────────────────────────

/** Kernel clock ticks per second, the unit of utime/stime in /proc (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100

type Cpu = { readonly user: number; readonly system: number }

/** CPU time (all threads) that process `pid` used so far, in ms, in user space and the kernel. */
function cpuOf(pid: number): Cpu {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  const ms = (ticks: string | undefined) => (Number(ticks) * 1000) / TICKS_PER_SECOND
  return { user: ms(fields[11]), system: ms(fields[12]) }
}

const cpuMs = (pid: number) => {
  const { user, system } = cpuOf(pid)
  return user + system
}

/** Peak resident memory (VmHWM) of process `pid`, in MB. */
function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024
}

/** The processes started by `pid`, their children and so on (the tree under `npm start`). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
      parent.set(Number(entry), Number(fields[1]))
    } catch {
      // The process ended while the list was read.
    }
  }
  const found: number[] = []
  const walk = (p: number) => {
    for (const [child, ppid] of parent) {
      if (ppid !== p) continue
      found.push(child)
      walk(child)
    }
  }
  walk(pid)
  return found
}

type Server = {
  readonly base: string
  readonly pid: number
  /** CPU time the server used so far (user and system, all threads), in ms. */
  readonly cpu: () => Cpu
  readonly peakMemoryMb: () => number
  stop(): Promise<void>
}

type Started = { child: ChildProcess; port: number; output: string }

/** Runs `command`, waits for "listens on http://host:port" on its output and returns the port. */
function listen(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(command, args, {
    cwd: ROOT,
    // The load generator is one client sending thousands of requests a second: no rate limit.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping `npm start` stops the server under it too.
    detached: true,
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listens on http:\/\/[^:]+:(\d+)/.exec(output)
      if (match) resolve({ child, port: Number(match[1]), output })
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) =>
      reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))
    )
  })
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid, 'SIGTERM')
  await exited
}

async function startServer(dbPath: string, env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const { child, port } = await listen(process.execPath, [join(ROOT, SERVER_BUNDLE)], {
    DATABASE_PATH: dbPath,
    ...env,
  })
  const pid = child.pid ?? Number.NaN
  return {
    base: `http://127.0.0.1:${port}`,
    pid,
    cpu: () => cpuOf(pid),
    peakMemoryMb: () => peakMemoryMb(pid),
    stop: () => stopGroup(child),
  }
}

type LoadGenerator = {
  closed(job: Omit<ClosedJob, 'kind'>): Promise<ClosedResult>
  open(job: Omit<OpenJob, 'kind'>): Promise<OpenResult>
  stop(): void
}

function startLoadGenerator(): LoadGenerator {
  // 'advanced' (structured clone) keeps Infinity, the latency of an unanswered request.
  const child = fork(join(import.meta.dirname, 'bench-load.ts'), [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
  })
  const run = (job: Job) =>
    new Promise<unknown>((resolve, reject) => {
      child.once('message', (reply: Reply) =>
        reply.ok ? resolve(reply.result) : reject(new Error(reply.error))
      )
      child.send(job)
    })
  return {
    closed: (job) => run({ kind: 'closed', ...job }) as Promise<ClosedResult>,
    open: (job) => run({ kind: 'open', ...job }) as Promise<OpenResult>,
    stop: () => child.disconnect(),
  }
}

// ── Teams to send ───────────────────────────────────────────────────────────────────────────



type Request = {
  readonly label: string
  readonly path: string
  readonly method?: 'POST'
  readonly body?: string
}

const HEALTH: Request = { label: 'GET /api/health (trivial)', path: '/api/health' }

/**
 * A recommendations request for a seeded team. `compact` asks for `view=compact`, as the web
 * app does (it has the strategies' own fields from GET /strategies); `full` is the default view.
 */
function recommendations(kb: KbIndex, respondents: number, mode: 'ranked' | 'bundle', view: 'full' | 'compact' = 'full'): Request {
  return {
    label: `POST /api/recommendations${view === 'compact' ? '?view=compact' : ''}, ${respondents} respondents, ${mode}`,
    path: `/api/recommendations${view === 'compact' ? '?view=compact' : ''}`,
    method: 'POST',
    body: JSON.stringify({
      responses: team(kb, respondents),
      mode,
      limit: mode === 'ranked' ? 10 : 5,
    }),
  }
}

/** The least a recommendation request can ask: HTTP, routing, body and answer with almost no engine work. */
const SMALLEST_RECOMMENDATION: Request = {
  label: 'POST /api/recommendations?view=compact, one barrier, limit 1 (the route\'s floor)',
  path: '/api/recommendations?view=compact',
  method: 'POST',
  body: JSON.stringify({ barriers: [29], limit: 1 }),
}

const target = (bench: Bench, r: Request) => ({
  url: bench.server.base + r.path,
  ...(r.method ? { method: r.method } : {}),
  ...(r.body === undefined ? {} : { body: r.body }),
})

const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

// ── The scenarios ───────────────────────────────────────────────────────────────────────────

/** Spawn of `npm start` to the first 200 of GET /api/health, as a person would start it. */
async function coldStart(dbPath: string) {
  const t0 = performance.now()
  const { child, port, output } = await listen('npm', ['start'], { DATABASE_PATH: dbPath })
  const res = await fetch(`http://127.0.0.1:${port}/api/health`)
  const ms = performance.now() - t0
  if (res.status !== 200) throw new Error(`health answered ${res.status}`)
  const pid = child.pid ?? Number.NaN
  const cpu = [pid, ...descendants(pid)].reduce((sum, p) => sum + cpuMs(p), 0)
  const serverMs = Number(/ready in (\d+) ms/.exec(output)?.[1] ?? Number.NaN)
  await stopGroup(child)
  if (/Building/.test(output)) throw new Error('npm start rebuilt dist/ during the bench')
  return { ms, cpu, serverMs }
}

const coldStartScenario: Scenario = {
  name: 'cold-start',
  summary: 'npm start to the first answer, on a fresh and on an existing database',
  async run(bench) {
    const runs = bench.quick ? 1 : 3
    const fresh: Awaited<ReturnType<typeof coldStart>>[] = []
    const existing: typeof fresh = []
    for (let i = 0; i < runs; i++) {
      const dbPath = join(bench.tmp, `cold-${i}.db`)
      fresh.push(await coldStart(dbPath))
      existing.push(await coldStart(dbPath))
    }
    const rows = (name: string, xs: typeof fresh, limit: number): Row[] => [
      {
        measure: `npm start → first answer, ${name} database`,
        value: median(xs.map((x) => x.ms)),
        unit: 'ms',
        target: { op: '<', limit },
        note: `median of ${runs}; server process ready after ${median(xs.map((x) => x.serverMs))} ms of it`,
      },
      {
        measure: `CPU time of npm and the server until then, ${name} database`,
        value: median(xs.map((x) => x.cpu)),
        unit: 'ms',
        note: 'moves less with other load on the machine than the wall time',
      },
    ]
    return [...rows('existing', existing, 1000), ...rows('fresh', fresh, 2000)]
  },
}

/**
 * CPU time per request of each case, measured in rounds that alternate the cases, so that
 * each ratio compares figures taken within seconds of each other; each figure is the median
 * over the rounds and the note gives their range.
 */
const cpuScenario: Scenario = {
  name: 'cpu-per-request',
  summary: "the server's CPU time per request, against GET /api/health",
  async run(bench) {
    const rounds = bench.quick ? 3 : 5
    const cases = [
      { request: HEALTH, amount: bench.scale(20_000, 2000) },
      // The target is on the requests the web app sends; the full view is reported beside them.
      {
        request: recommendations(bench.kb, 30, 'ranked', 'compact'),
        amount: bench.scale(3000, 500),
        limit: 4,
      },
      {
        request: recommendations(bench.kb, 30, 'bundle', 'compact'),
        amount: bench.scale(3000, 500),
        limit: 4,
      },
      { request: recommendations(bench.kb, 30, 'ranked'), amount: bench.scale(3000, 500) },
      // The floor of the route: a POST that asks almost nothing (one barrier, one strategy).
      { request: SMALLEST_RECOMMENDATION, amount: bench.scale(6000, 1000) },
      { request: recommendations(bench.kb, 500, 'ranked'), amount: bench.scale(400, 100) },
    ].map((c) => ({ ...c, perRound: Math.ceil(c.amount / rounds), runs: [] as CpuRun[] }))

    // Warm-up, not measured: the JIT needs some thousands of requests to settle.
    for (const c of cases) {
      await bench.load.closed({
        ...target(bench, c.request),
        amount: Math.ceil(c.amount / 2),
        connections: 8,
      })
    }
    for (let round = 0; round < rounds; round++) {
      for (const c of cases) {
        // Switching case costs: the garbage the last case left, code paths to warm again.
        // A short unmeasured run of this case first absorbs it.
        await bench.load.closed({
          ...target(bench, c.request),
          amount: Math.ceil(c.perRound / 3),
          connections: 8,
        })
        const before = bench.server.cpu()
        const run = await bench.load.closed({
          ...target(bench, c.request),
          amount: c.perRound,
          connections: 8,
        })
        const after = bench.server.cpu()
        c.runs.push({
          ...run,
          user: after.user - before.user,
          system: after.system - before.system,
        })
      }
    }

    const perRequest = (r: CpuRun) => ((r.user + r.system) * 1000) / r.requests
    const trivial = cases[0]?.runs ?? []
    const rows: Row[] = []
    for (const { request, runs, limit } of cases) {
      const each = runs.map(perRequest)
      const total = runs.reduce(
        (sum, r) => ({ user: sum.user + r.user, system: sum.system + r.system }),
        { user: 0, system: 0 }
      )
      const requests = runs.reduce((sum, r) => sum + r.requests, 0)
      // The kernel's share is mostly loopback TCP, which grows with the size of the answer.
      const kernel = Math.round((total.system / (total.user + total.system)) * 100)
      rows.push({
        measure: `CPU per request, ${request.label}`,
        value: median(each),
        unit: 'µs',
        note: `median of ${rounds} rounds (${Math.round(Math.min(...each))}–${Math.round(Math.max(...each))} µs), ${requests} requests, ${((total.user + total.system) / 1000).toFixed(2)} s CPU (±0.01 s per round), ${kernel}% in the kernel (${Math.round((total.user * 1000) / requests)} µs per request in user space); answers of ${((runs[0]?.bytes ?? 0) / 1024).toFixed(1)} kB; closed loop ${Math.round(median(runs.map((r) => r.rps)))} req/s`,
      })
      if (request === HEALTH) continue
      const ratios = runs.map((r, i) => perRequest(r) / perRequest(trivial[i] ?? r))
      rows.push({
        measure: `CPU per request ÷ trivial, ${request.label}`,
        value: median(ratios),
        unit: '×',
        ...(limit ? { target: { op: '≤' as const, limit } } : {}),
        note: `per round: ${ratios.map((x) => x.toFixed(1)).join(', ')}`,
      })
    }
    return rows
  },
}

type CpuRun = ClosedResult & Cpu

/** The arrival rate both sides of the like-for-like comparison get: the issue's reference load. */
const EQUAL_RATE = 500

/**
 * CPU time per request with every case at the same arrival rate (open loop), against GET
 * /api/health at that rate too: a second view beside cpu-per-request, not a replacement.
 *
 * A request's CPU time depends on the rate it comes at. On loopback, the server's write of an
 * answer delivers it to the load generator within the same system call, and waking a
 * generator that sat idle (an interrupt of this virtual machine) is charged to the server.
 * Closed loop, each case runs at its own rate: health at some 4,000 req/s, where the
 * generator never sleeps, recommendations at some 600, where it sleeps between answers (perf:
 * about 16 against 68 µs per answer in writev). At one rate every case pays the same wake-ups
 * — a fixed cost per request that also dilutes the ratio. The route's own work lies between
 * the two ratios; the user-space times in cpu-per-request's notes bound it from the other side.
 */
const cpuEqualRateScenario: Scenario = {
  name: 'cpu-equal-rate',
  summary: `the server's CPU time per request with every case at ${EQUAL_RATE} req/s, against GET /api/health at that rate`,
  async run(bench) {
    const rounds = bench.quick ? 3 : 5
    const seconds = bench.scale(4, 2)
    const cases: { request: Request; limit?: number; runs: { cpuMs: number; sent: number }[] }[] = [
      { request: HEALTH, runs: [] },
      { request: recommendations(bench.kb, 30, 'ranked', 'compact'), limit: 4, runs: [] },
      { request: recommendations(bench.kb, 30, 'bundle', 'compact'), limit: 4, runs: [] },
      { request: recommendations(bench.kb, 30, 'ranked'), runs: [] },
      { request: SMALLEST_RECOMMENDATION, runs: [] },
    ]
    // Warm-up, not measured: the JIT settles, connections open.
    for (const c of cases) await bench.load.open({ ...target(bench, c.request), rate: EQUAL_RATE, seconds: bench.scale(3, 1) })
    for (let round = 0; round < rounds; round++) {
      for (const c of cases) {
        await bench.load.open({ ...target(bench, c.request), rate: EQUAL_RATE, seconds: 0.5 })
        const before = bench.server.cpu()
        const run = await bench.load.open({ ...target(bench, c.request), rate: EQUAL_RATE, seconds })
        const after = bench.server.cpu()
        if (run.errors > 0) throw new Error(`${c.request.label}: ${run.errors} requests unanswered at ${EQUAL_RATE} req/s`)
        c.runs.push({ cpuMs: after.user - before.user + after.system - before.system, sent: run.sent })
      }
    }
    const perRequest = (r: { cpuMs: number; sent: number }) => (r.cpuMs * 1000) / r.sent
    const trivial = cases[0]?.runs ?? []
    const rows: Row[] = []
    for (const { request, runs, limit } of cases) {
      const each = runs.map(perRequest)
      rows.push({
        measure: `CPU per request at ${EQUAL_RATE} req/s, ${request.label}`,
        value: median(each),
        unit: 'µs',
        note: `median of ${rounds} rounds of ${seconds} s (${Math.round(Math.min(...each))}–${Math.round(Math.max(...each))} µs), ${runs[0]?.sent ?? 0} requests a round`,
      })
      if (request === HEALTH) continue
      const ratios = runs.map((r, i) => perRequest(r) / perRequest(trivial[i] ?? r))
      rows.push({
        measure: `CPU per request ÷ trivial at ${EQUAL_RATE} req/s, ${request.label}`,
        value: median(ratios),
        unit: '×',
        ...(limit ? { target: { op: '≤' as const, limit } } : {}),
        note: `per round: ${ratios.map((x) => x.toFixed(1)).join(', ')}`,
      })
    }
    return rows
  },
}

const openLoopScenario: Scenario = {
  name: 'open-loop',
  summary: 'latency at fixed arrival rates (p50, p99)',
  async run(bench) {
    const seconds = bench.scale(10, 3)
    const ranked = recommendations(bench.kb, 30, 'ranked')
    const bundle = recommendations(bench.kb, 30, 'bundle')
    const big = recommendations(bench.kb, 500, 'ranked')
    const cases: { request: Request; rate: number; p99?: number; p50?: number }[] = [
      { request: ranked, rate: 100 },
      { request: ranked, rate: 300 },
      { request: ranked, rate: 500, p99: 10 },
      { request: ranked, rate: 600 },
      { request: bundle, rate: 100, p99: 5 },
      { request: bundle, rate: 500 },
      { request: big, rate: 20, p50: 5 },
    ]
    for (const request of [ranked, bundle, big]) {
      await bench.load.open({ ...target(bench, request), rate: 50, seconds: bench.scale(2, 1) })
    }
    const rows: Row[] = []
    for (const { request, rate, p50, p99 } of cases) {
      const r = await bench.load.open({ ...target(bench, request), rate, seconds })
      const unanswered = r.errors > 0 ? `, ${r.errors} unanswered` : ''
      const note = `${r.sent} requests sent at ${Math.round(r.rate)} req/s${unanswered}, max ${r.max.toFixed(1)} ms, at most ${r.connections} under way, sending lag p99 ${r.lagP99.toFixed(2)} ms`
      rows.push(
        {
          measure: `p50, ${request.label} at ${rate} req/s`,
          value: r.p50,
          unit: 'ms',
          ...(p50 ? { target: { op: '<' as const, limit: p50 } } : {}),
          note,
        },
        {
          measure: `p99, ${request.label} at ${rate} req/s`,
          value: r.p99,
          unit: 'ms',
          ...(p99 ? { target: { op: '<' as const, limit: p99 } } : {}),
        }
      )
    }
    return rows
  },
}

/** Six groups of respondents, as a school names them: the bench splits its rounds by them. */
const SIX_GROUPS = ['Docenten', 'Mentoren', 'Zorg en begeleiding', 'Schoolleiding', 'Ondersteunend personeel', 'Studenten']

/** The pure engine alone, in this process: what the HTTP figures are made of. */
const engineScenario: Scenario = {
  name: 'engine',
  summary: 'scoring and ranking of 500 respondents in-process (no HTTP, no JSON)',
  async run(bench) {
    const runs = bench.scale(200, 50)
    const time = (fn: () => void) => {
      for (let i = 0; i < 20; i++) fn()
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now()
        fn()
        times.push(performance.now() - t0)
      }
      return median(times)
    }
    const kb = bench.kb
    const responses = team(kb, 500, 2)
    const profile = scoreResponses(kb.questionnaire, responses)
    const share = new Map(profile.determinants.map((d) => [d.number, d.negativeShare ?? 0]))
    const barriers = profile.barriers.map((d) => ({ determinant: d, severity: share.get(d) ?? 0 }))
    const input = { barriers, strategies: kb.facts, links: kb.evidence }
    const grouped = responses.map((record, i) => ({ group: SIX_GROUPS[i % SIX_GROUPS.length] ?? null, record }))
    return [
      {
        measure: 'scoring 500 respondents (median)',
        value: time(() => scoreResponses(kb.questionnaire, responses)),
        unit: 'ms',
      },
      {
        measure: `ranking for ${barriers.length} barriers (median)`,
        value: time(() => rankStrategies(input)),
        unit: 'ms',
      },
      { measure: 'bundle of 5 (median)', value: time(() => bundleStrategies(input)), unit: 'ms' },
      {
        measure: '500 respondents scored with intervals and six groups (median)',
        value: time(() => splitProfile(kb.questionnaire, grouped, { groups: SIX_GROUPS })),
        unit: 'ms',
        target: { op: '<', limit: 5 },
        note: 'the round and each group scored, suppression applied',
      },
    ]
  },
}

/**
 * A round filling up: submissions from 16 concurrent phones (each with its own id, so every one
 * is stored), and the round's profile at 500 submissions, cached (the usual read: the round did
 * not change) and fresh (a submission arrived just before, so it is scored again).
 */
const workspaceScenario: Scenario = {
  name: 'workspace',
  summary: 'submissions per second into one round, and the profile of a round of 500',
  run: (bench) => fillRound(bench, bench.server),
}

/** The PostgreSQL server to compare with: BENCH_DATABASE_URL, else TEST_DATABASE_URL. */
const benchPostgres = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL

/**
 * The workspace scenario again on PostgreSQL (a server of its own on a new database of
 * BENCH_DATABASE_URL's server, dropped afterwards), for the side-by-side table. Skipped, with
 * a row that says so, when no server is named.
 */
const workspacePgScenario: Scenario = {
  name: 'workspace-postgresql',
  summary: 'the workspace scenario on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL)',
  async run(bench) {
    if (!benchPostgres) throw new Error('no PostgreSQL server named')
    const { default: pg } = await import('pg')
    const database = `sw_bench_${Date.now().toString(36)}`
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: benchPostgres })
      await client.connect()
      await client.query(sql).finally(() => client.end())
    }
    await admin(`CREATE DATABASE ${database}`)
    const url = new URL(benchPostgres)
    url.pathname = `/${database}`
    const server = await bench.startServer(join(bench.tmp, 'unused.db'), { DATABASE_URL: url.toString(), TOKEN_SECRET: 'b'.repeat(64) })
    try {
      return await fillRound(bench, server)
    } finally {
      await server.stop()
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    }
  },
}

async function fillRound(bench: Bench, server: Server): Promise<Row[]> {
  {
    const base = server.base
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
      return (await res.json()) as Record<string, any>
    }
    const ws = await post('/api/workspaces', { name: 'Bench school', innovation: 'Welbevinden', groups: SIX_GROUPS })
    const round = await post(`/api/workspaces/${ws.id}/rounds`, { label: 'Nulmeting' }, ws.teamToken)
    const answers = team(bench.kb, 1000).map((r) => r.answers)
    let next = 0
    const submit = () =>
      post(`/api/respond/${round.respondentToken}`, {
        submissionId: `bench-${String(next).padStart(8, '0')}`,
        group: SIX_GROUPS[next % SIX_GROUPS.length],
        answers: answers[next++ % answers.length],
      })

    // Warm-up on a round of its own, then 500 measured submissions into the round.
    const warm = await post(`/api/workspaces/${ws.id}/rounds`, { label: 'Warm-up' }, ws.teamToken)
    for (let i = 0; i < 100; i++) {
      await post(`/api/respond/${warm.respondentToken}`, { submissionId: `warm-${String(i).padStart(8, '0')}`, answers: answers[i] })
    }
    const amount = 500
    const before = server.cpu()
    const started = performance.now()
    let left = amount
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (left-- > 0) await submit()
      })
    )
    const seconds = (performance.now() - started) / 1000
    const after = server.cpu()
    const cpuPerSubmission = ((after.user + after.system - before.user - before.system) * 1000) / amount

    const profilePath = `/api/workspaces/${ws.id}/rounds/${round.id}/profile`
    const headers = { authorization: `Bearer ${ws.teamToken}` }
    const cached = await bench.load.open({ url: base + profilePath, headers, rate: 100, seconds: bench.scale(5, 2) })
    const fresh: number[] = []
    for (let i = 0; i < bench.scale(60, 20); i++) {
      await submit()
      const t0 = performance.now()
      const res = await fetch(base + profilePath, { headers })
      await res.arrayBuffer()
      fresh.push(performance.now() - t0)
    }
    const groupsPath = `${profilePath}/groups`
    const split: number[] = []
    for (let i = 0; i < bench.scale(60, 20); i++) {
      await submit()
      const t0 = performance.now()
      const res = await fetch(base + groupsPath, { headers })
      await res.arrayBuffer()
      split.push(performance.now() - t0)
    }
    const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? Number.NaN
    return [
      { measure: 'submissions into one round (16 concurrent clients)', value: amount / seconds, unit: 'req/s', note: `${amount} stored in ${seconds.toFixed(2)} s` },
      { measure: 'server CPU per submission', value: cpuPerSubmission, unit: 'µs' },
      { measure: 'profile of a round of 500, cached: p50', value: cached.p50, unit: 'ms', note: `${cached.sent} requests at 100 req/s, p99 ${cached.p99.toFixed(2)} ms` },
      { measure: 'profile of a round of 500, cached: p99', value: cached.p99, unit: 'ms' },
      { measure: 'profile of a round of 500+, scored afresh: p50', value: p(fresh, 0.5), unit: 'ms', note: `${fresh.length} requests, each after a new submission` },
      { measure: 'profile of a round of 500+, scored afresh: p99', value: p(fresh, 0.99), unit: 'ms' },
      {
        measure: '500 respondents scored with intervals and six groups, end to end: p50',
        value: p(split, 0.5),
        unit: 'ms',
        target: { op: '<', limit: 5 },
        note: `GET …/profile/groups, ${split.length} requests, each after a new submission`,
      },
      { measure: '500 respondents scored with intervals and six groups, end to end: p99', value: p(split, 0.99), unit: 'ms' },
    ]
  }
}

/**
 * A learning network of 50 schools, each with 3 rounds of 30 submissions and a plan: the
 * overview a facilitator projects, read at a steady rate (open loop, p50/p99) and in a closed
 * loop for the server's CPU per request. The overview is cached by the rounds' revisions: the
 * first read scores the 150 rounds, every later one only reads the revisions and builds the
 * overview from counts.
 */
const networkScenario: Scenario = {
  name: 'network',
  summary: 'the overview of a network of 50 schools × 3 rounds × 30 respondents',
  async run(bench) {
    const base = bench.server.base
    const send = async (method: string, path: string, body: unknown, token?: string) => {
      const res = await fetch(base + path, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
      return (await res.json()) as Record<string, any>
    }
    const schools = 50
    const network = await send('POST', '/api/networks', { name: 'Bench network' })
    const strategies = [...bench.kb.strategy.keys()].slice(0, 5)
    const t0 = performance.now()
    let submitted = 0
    const latestRounds: string[] = []
    for (let s = 0; s < schools; s++) {
      const ws = await send('POST', '/api/workspaces', { name: `School ${s + 1}`, innovation: 'Welbevinden' })
      for (const [r, label] of ['Nulmeting', 'Meting 2', 'Meting 3'].entries()) {
        const round = await send('POST', `/api/workspaces/${ws.id}/rounds`, { label }, ws.teamToken)
        const answers = team(bench.kb, 30, s * 10 + r + 1)
        await Promise.all(
          answers.map((a, i) =>
            send('POST', `/api/respond/${round.respondentToken}`, { submissionId: `net-${s}-${r}-${String(i).padStart(4, '0')}`, answers: a.answers })
          )
        )
        submitted += answers.length
        if (r === 2) latestRounds.push(round.respondentToken)
        await send('PUT', `/api/workspaces/${ws.id}/rounds/${round.id}/plan`, {
          baseRevision: 0,
          entries: strategies.slice(0, 1 + ((s + r) % 5)).map((strategy, i) => ({ strategy, status: i % 2 ? 'running' : 'planned', spec: {}, barriers: [4, 16] })),
        }, ws.teamToken)
      }
      const invitation = await send('POST', `/api/networks/${network.id}/invitations`, {}, network.facilitatorToken)
      await send('POST', `/api/workspaces/${ws.id}/networks`, { inviteToken: invitation.inviteToken }, ws.teamToken)
    }
    const setup = (performance.now() - t0) / 1000
    const url = `${base}/api/networks/${network.id}/overview?lang=nl`
    const headers = { authorization: `Bearer ${network.facilitatorToken}` }
    const first0 = performance.now()
    const first = await fetch(url, { headers })
    const bytes = (await first.arrayBuffer()).byteLength
    const firstMs = performance.now() - first0
    if (first.status !== 200) throw new Error(`overview answered ${first.status}`)

    // A coaching session reads the overview now and then; 20 a second is many facilitators at once.
    await bench.load.open({ url, headers, rate: 20, seconds: bench.scale(2, 1) })
    const open = await bench.load.open({ url, headers, rate: 20, seconds: bench.scale(10, 3) })
    const busy = await bench.load.open({ url, headers, rate: 100, seconds: bench.scale(5, 2) })
    const amount = bench.scale(2000, 400)
    const before = bench.server.cpu()
    const closed = await bench.load.closed({ url, headers, amount, connections: 4 })
    const after = bench.server.cpu()
    const cpu = ((after.user + after.system - before.user - before.system) * 1000) / closed.requests

    // In a session answers keep arriving: each one changes the network's stamp, so the next
    // read scores that round again and decides what the network may be shown of it.
    const rebuilds: number[] = []
    for (let k = 0; k < 15; k++) {
      const token = latestRounds[k % latestRounds.length] as string
      await send('POST', `/api/respond/${token}`, { submissionId: `late-${String(k).padStart(4, '0')}`, answers: team(bench.kb, 1, 900 + k)[0]?.answers ?? {} })
      const t = performance.now()
      const res = await fetch(url, { headers })
      await res.arrayBuffer()
      rebuilds.push(performance.now() - t)
    }
    rebuilds.sort((a, b) => a - b)
    const rebuild = rebuilds[Math.floor(rebuilds.length / 2)] ?? NaN
    return [
      { measure: 'network overview, first read (scores 150 rounds)', value: firstMs, unit: 'ms', note: `${schools} schools, ${submitted} submissions stored in ${setup.toFixed(1)} s; answer ${(bytes / 1024).toFixed(1)} kB` },
      { measure: 'network overview at 20 req/s: p50', value: open.p50, unit: 'ms', note: `${open.sent} requests, max ${open.max.toFixed(1)} ms${open.errors ? `, ${open.errors} unanswered` : ''}` },
      { measure: 'network overview at 20 req/s: p99', value: open.p99, unit: 'ms', target: { op: '<', limit: 50 } },
      { measure: 'network overview at 100 req/s: p50', value: busy.p50, unit: 'ms', note: `${busy.sent} requests, max ${busy.max.toFixed(1)} ms${busy.errors ? `, ${busy.errors} unanswered` : ''}` },
      { measure: 'network overview at 100 req/s: p99', value: busy.p99, unit: 'ms' },
      { measure: 'server CPU per network overview', value: cpu, unit: 'µs', note: `${closed.requests} requests in a closed loop of 4 connections, ${Math.round(closed.rps)} req/s` },
      { measure: 'network overview right after a new answer: median', value: rebuild, unit: 'ms', note: `15 reads, each after one more answer in a school's latest round; max ${(rebuilds.at(-1) ?? NaN).toFixed(1)} ms` },
    ]
  },
}

const memoryScenario: Scenario = {
  name: 'memory',
  summary: "the server's peak resident memory after the scenarios before it",
  async run(bench) {
    return [
      { measure: 'server peak memory (VmHWM)', value: bench.server.peakMemoryMb(), unit: 'MB' },
    ]
  },
}

const SCENARIOS: readonly Scenario[] = [
  coldStartScenario,
  cpuScenario,
  cpuEqualRateScenario,
  openLoopScenario,
  engineScenario,
  workspaceScenario,
  ...(benchPostgres ? [workspacePgScenario] : []),
  networkScenario,
  memoryScenario,
]

// ── The run ─────────────────────────────────────────────────────────────────────────────────

const met = (row: Row) =>
  row.target === undefined
    ? undefined
    : row.target.op === '<'
      ? row.value < row.target.limit
      : row.value <= row.target.limit

function format(row: Row): string {
  const digits =
    row.unit === '×'
      ? 2
      : row.unit === 'µs' || row.unit === 'req/s' || row.unit === 'MB'
        ? 0
        : row.value < 10
          ? 2
          : 0
  const value = Number.isFinite(row.value) ? row.value.toFixed(digits) : '∞'
  return `${value} ${row.unit}`.replace(' ×', '×')
}

type Result = { scenario: string; seconds: number; rows: Row[]; error?: string }

/** The workspace figures of both dialects in two columns, when both ran. */
function sideBySide(results: readonly Result[]): string | null {
  const sqlite = results.find((r) => r.scenario === 'workspace')
  const pg = results.find((r) => r.scenario === 'workspace-postgresql')
  if (!sqlite?.rows.length || !pg?.rows.length) return null
  const lines = ['| measure | SQLite | PostgreSQL |', '| --- | --: | --: |']
  for (const row of sqlite.rows) {
    const other = pg.rows.find((r) => r.measure === row.measure)
    lines.push(`| ${row.measure} | ${format(row)} | ${other ? format(other) : ''} |`)
  }
  return lines.join('\n')
}

function table(results: readonly Result[]): string {
  const lines = [
    '| scenario | measure | figure | target | met |',
    '| --- | --- | --: | --- | --- |',
  ]
  for (const { scenario, rows, error } of results) {
    if (error) lines.push(`| ${scenario} | failed: ${error.split('\n')[0]} | | | **no** |`)
    for (const row of rows) {
      const ok = met(row)
      const targetText = row.target
        ? `${row.target.op} ${row.target.limit}${row.unit === '×' ? '×' : ` ${row.unit}`}`
        : ''
      lines.push(
        `| ${scenario} | ${row.measure} | ${format(row)} | ${targetText} | ${ok === undefined ? '' : ok ? 'yes' : '**no**'} |`
      )
    }
  }
  return lines.join('\n')
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      list: { type: 'boolean', default: false },
    },
  })
  if (values.list) {
    for (const s of SCENARIOS) console.log(`${s.name.padEnd(16)} ${s.summary}`)
    return
  }
  const only = values.only?.split(',').map((s) => s.trim())
  const unknown = only?.filter((name) => !SCENARIOS.some((s) => s.name === name)) ?? []
  if (unknown.length > 0)
    throw new Error(`unknown scenario ${unknown.join(', ')}; --list shows them`)
  const chosen = SCENARIOS.filter((s) => !only || only.includes(s.name))
  if (!benchPostgres) console.error('… PostgreSQL part skipped: set BENCH_DATABASE_URL=postgres://… to compare the dialects')

  ensureBuilt()
  const tmp = mkdtempSync(join(tmpdir(), 'sw-bench-'))
  const dbPath = join(tmp, 'bench.db')
  const server = await startServer(dbPath)
  const load = startLoadGenerator()
  try {
    const db = openDb(dbPath)
    const kb = indexKb(readKbContent(db))
    db.$client.close()
    const quick = values.quick
    const bench: Bench = {
      quick,
      scale: (n, min = 1) => (quick ? Math.max(min, Math.round(n / 4)) : n),
      server,
      load,
      kb,
      tmp,
      startServer,
    }
    const started = performance.now()
    const load1 = loadavg()[0] ?? Number.NaN
    const results: Result[] = []
    for (const scenario of chosen) {
      const t0 = performance.now()
      console.error(`… ${scenario.name}: ${scenario.summary}`)
      // A scenario that fails is reported as failed; the others still run.
      const outcome = await scenario.run(bench).then(
        (rows) => ({ rows }),
        (error: unknown) => {
          console.error(error)
          process.exitCode = 1
          return { rows: [], error: error instanceof Error ? error.message : String(error) }
        }
      )
      results.push({
        scenario: scenario.name,
        seconds: (performance.now() - t0) / 1000,
        ...outcome,
      })
    }
    const seconds = (performance.now() - started) / 1000
    const header = `Strategiewijzer bench${quick ? ' (--quick)' : ''}: Node ${process.version}, load average ${load1.toFixed(2)} at the start on ${availableParallelism()} cores, ${seconds.toFixed(0)} s`
    console.log(`\n${header}\n\n${table(results)}\n`)
    const dialects = sideBySide(results)
    if (dialects) console.log(`Submissions and profile on both dialects:\n\n${dialects}\n`)
    for (const r of results) {
      for (const row of r.rows)
        if (row.note) console.log(`- ${r.scenario} / ${row.measure}: ${row.note}`)
    }
    const out = join(ROOT, 'dist', 'bench')
    mkdirSync(out, { recursive: true })
    const json = {
      date: new Date().toISOString(),
      node: process.version,
      quick,
      loadAverage: load1,
      results: results.map((r) => ({
        ...r,
        rows: r.rows.map((row) => ({ ...row, met: met(row) })),
      })),
    }
    writeFileSync(join(out, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`)
    console.log('\nwritten to dist/bench/latest.json')
  } finally {
    load.stop()
    await server.stop()
    rmSync(tmp, { recursive: true, force: true })
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
