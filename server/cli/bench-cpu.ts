/**
 * @module `npx tsx server/cli/bench-cpu.ts [--server]`: the server's CPU cost per request, on
 * a fresh database loaded with data/kb, for
 *  - GET /api/health (the trivial reference),
 *  - POST /api/recommendations for 30 respondents, ranked (limit 10, the body npm run bench sends),
 *  - the same team in bundle mode (limit 5),
 *  - a bundle for all 29 determinants given as barriers (limit 10), the heaviest swap search,
 *  - 500 respondents, ranked.
 *
 * In process (default): requests go through `app.request()`; the figure is this process's CPU
 * time (user + system) per request, which includes building the Request and reading the
 * answer. With --server: a real server (server/main.ts) in a child process answers one
 * keep-alive client over loopback; the figure is the server process's own CPU time per
 * request, read from /proc, so the load generator's work is not counted.
 *
 * Cases run in alternation over several rounds; the table gives the median and the lowest
 * CPU time per request over the rounds (on a shared machine the lowest is the least disturbed
 * by other processes), and the wall-time p50 and p99 of single requests.
 *
 * Options: --rounds <n> (default 5), --ms <per case and round> (default 1500), --server.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createApp } from '../app.ts'
import { openDb } from '../db/client.ts'
import { migrateDb } from '../db/migrate.ts'
import { readKbContent } from '../db/queries/kb.ts'
import { loadKb } from '../db/seed.ts'
import { indexKb } from '../domain/kb-index.ts'
import { team } from './seeded-random.ts'

const root = join(import.meta.dirname, '..', '..')
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    ms: { type: 'string', default: '1500' },
    server: { type: 'boolean', default: false },
  },
})
const rounds = Number(values.rounds)
const budgetMs = Number(values.ms)



type Case = { name: string; path: string; body?: string }
type Send = (c: Case) => Promise<string>
type Run = { cpuUs: number; p50Ms: number; p99Ms: number; requests: number }

/** A real server on a free port of loopback, and its CPU time so far in microseconds. */
async function startServer(dbPath: string) {
  // BENCH_SERVER_FLAGS: extra node flags for the server, e.g. "--cpu-prof" to profile it.
  const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: dbPath, RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listens on http:\/\/[^:]+:(\d+)/.exec(output)
      if (match) resolve(Number(match[1]))
    })
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
  // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms.
  const cpuUs = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) * 10_000
  }
  return { child, port, cpuUs }
}

function serverSend(port: number): Send {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  return (c) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | number> =
        c.body === undefined
          ? {}
          : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(c.body) }
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: c.path,
          method: c.body === undefined ? 'GET' : 'POST',
          agent,
          headers,
        },
        (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => (text += chunk))
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(text)
              : reject(new Error(`${c.name}: ${res.statusCode} ${text}`))
          )
        }
      )
      req.on('error', reject)
      req.end(c.body)
    })
}

const dir = mkdtempSync(join(tmpdir(), 'sw-bench-cpu-'))
let stop = () => {}
try {
  const dbPath = join(dir, 'bench.db')
  const db = openDb(dbPath)
  migrateDb(db)
  loadKb(db, join(root, 'data', 'kb'))
  const kb = indexKb(readKbContent(db))

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
      // The heaviest bundle search: every determinant a barrier, ten members to find.
      name: 'bundle, 29 barriers given, limit 10',
      path: '/api/recommendations',
      body: JSON.stringify({
        barriers: kb.content.determinants.map((d, i) => ({
          determinant: d.number,
          severity: ((i * 7) % 10) / 10 + 0.05,
        })),
        mode: 'bundle',
        limit: 10,
      }),
    },
    {
      name: 'recommendations, 500 respondents, ranked',
      path: '/api/recommendations',
      body: JSON.stringify({ responses: team(kb, 500, 2), limit: 10 }),
    },
  ]

  let send: Send
  let cpuUs: () => number
  if (values.server) {
    db.$client.close()
    const server = await startServer(dbPath)
    stop = () => server.child.kill()
    send = serverSend(server.port)
    cpuUs = server.cpuUs
  } else {
    const app = createApp({ db })
    send = async (c) => {
      // With content-length, as every real client sends it (the body limit trusts it then).
      const init =
        c.body === undefined
          ? {}
          : {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(c.body)),
              },
              body: c.body,
            }
      const res = await app.request(c.path, init)
      if (res.status !== 200) throw new Error(`${c.name}: ${res.status} ${await res.text()}`)
      return res.text()
    }
    cpuUs = () => {
      const { user, system } = process.cpuUsage()
      return user + system
    }
  }

  const run = async (c: Case): Promise<Run> => {
    const times: number[] = []
    const cpu0 = cpuUs()
    const start = performance.now()
    while (performance.now() - start < budgetMs) {
      const t0 = performance.now()
      await send(c)
      times.push(performance.now() - t0)
    }
    const cpu = cpuUs() - cpu0
    times.sort((a, b) => a - b)
    return {
      cpuUs: cpu / times.length,
      p50Ms: times[Math.floor(times.length / 2)] ?? 0,
      p99Ms: times[Math.floor(times.length * 0.99)] ?? 0,
      requests: times.length,
    }
  }

  for (const c of cases) {
    console.log(`${c.name}: request ${c.body?.length ?? 0} B, answer ${(await send(c)).length} B`)
    // Warm-up: JIT and caches.
    for (const start = performance.now(); performance.now() - start < 1000;) await send(c)
  }
  const runs = new Map<Case, Run[]>(cases.map((c) => [c, []]))
  for (let r = 0; r < rounds; r++) for (const c of cases) runs.get(c)?.push(await run(c))

  const median = (xs: readonly number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  const cpuOf = (c: Case) => (runs.get(c) ?? []).map((r) => r.cpuUs)
  const trivial = cases[0] as Case
  console.log(
    `\n${values.server ? 'server process' : 'in process'}: ${rounds} alternating rounds of ${budgetMs} ms per case (Node ${process.version})\n`
  )
  console.log(
    `${'case'.padEnd(42)} ${'CPU µs/req'.padStart(11)} ${'× health'.padStart(9)} ${'lowest'.padStart(7)} ${'× health'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`
  )
  for (const c of cases) {
    const rs = runs.get(c) ?? []
    const cpu = median(cpuOf(c))
    const lowest = Math.min(...cpuOf(c))
    console.log(
      [
        c.name.padEnd(42),
        cpu.toFixed(0).padStart(11),
        (cpu / median(cpuOf(trivial))).toFixed(1).padStart(9),
        lowest.toFixed(0).padStart(7),
        (lowest / Math.min(...cpuOf(trivial))).toFixed(1).padStart(9),
        median(rs.map((r) => r.p50Ms))
          .toFixed(3)
          .padStart(8),
        median(rs.map((r) => r.p99Ms))
          .toFixed(3)
          .padStart(8),
      ].join(' ')
    )
  }
  if (!values.server) db.$client.close()
} finally {
  stop()
  rmSync(dir, { recursive: true, force: true })
}
