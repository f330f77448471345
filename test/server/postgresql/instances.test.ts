/**
 * A hosted service: two real server processes on one PostgreSQL database, started at the same
 * moment on a database that has nothing yet (so both migrate and load the knowledge base at
 * once, under the advisory locks). 500 submissions from 100 concurrent clients spread over both
 * are stored exactly once and numbered without a gap; killing one instance mid-load loses
 * nothing it acknowledged; an import of the knowledge base is seen by the other instance.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { openPgStore } from '../../../server/db/pg/store.ts'
import type { Store } from '../../../server/db/store.ts'
import { KB_RECHECK_MS } from '../../../server/kb/kb-store.ts'
import { dbUrl } from '../../support/pg-global-setup.ts'

const root = join(import.meta.dirname, '..', '..', '..')
const server = inject('postgres')!
const database = `sw_instances_${process.pid}_${Date.now().toString(36)}`
const url = dbUrl(server.url, database)
const secret = 'd'.repeat(64)

type Instance = { url: string; child: ChildProcess; output: () => string }

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: server.url })
  await client.connect()
  await client.query(sql).finally(() => client.end())
}

async function startInstance(): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url, TOKEN_SECRET: secret, RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance did not start:\n${output}`)), 45_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listens on (http:\/\/[\d.]+:\d+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new Error(`instance exited with ${code}:\n${output}`)))
  })
  return { url: address, child, output: () => output }
}

const stop = (s: Instance | undefined, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return resolve()
    s.child.once('exit', () => resolve())
    s.child.kill(signal)
  })

const json = async (res: Response) => {
  const text = await res.text()
  return text ? JSON.parse(text) : null
}
const post = (base: string, path: string, body: unknown, token?: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })

const submission = (i: number) => ({
  submissionId: `load-${String(i).padStart(8, '0')}`,
  answers: { d04: (i % 5) + 1, d16a: ((i * 3) % 5) + 1, d23: (i % 3) + 1 },
})

/** Sends `ids` with `clients` concurrent clients, client k to instance k mod n; the ids that got a 2xx. */
async function send(instances: readonly Instance[], token: string, ids: readonly number[], clients: number) {
  const queue = [...ids]
  const acknowledged: number[] = []
  const failures: string[] = []
  await Promise.all(
    Array.from({ length: clients }, async (_, k) => {
      const base = instances[k % instances.length]!.url
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        try {
          const res = await post(base, `/api/respond/${token}`, submission(i))
          await res.arrayBuffer()
          if (res.ok) acknowledged.push(i)
          else failures.push(`${i}: ${res.status}`)
        } catch (error) {
          failures.push(`${i}: ${(error as Error).message}`)
        }
      }
    })
  )
  return { acknowledged, failures }
}

let a: Instance | undefined
let b: Instance | undefined
let store: Store

beforeAll(async () => {
  await admin(`CREATE DATABASE ${database}`)
  // Together, on an empty database: both migrate and load, one after the other under the locks.
  ;[a, b] = await Promise.all([startInstance(), startInstance()])
  store = openPgStore(url, { max: 2 })
}, 90_000)

afterAll(async () => {
  await Promise.all([stop(a), stop(b)])
  await store?.close()
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
})

async function newRound() {
  const ws = await json(await post(a!.url, '/api/workspaces', { name: 'Load school', innovation: 'Welbevinden' }))
  const round = await json(await post(a!.url, `/api/workspaces/${ws.id}/rounds`, { label: 'Nulmeting' }, ws.teamToken))
  return { ws, round }
}

const stored = (roundId: string) =>
  store.query<{ client_id: string; seq: number }>('SELECT client_id, seq FROM submissions WHERE round_id = $1 ORDER BY seq', [roundId])

describe('two instances on one PostgreSQL', () => {
  test('both started on a fresh database: migrated once, the knowledge base loaded once', async () => {
    const migrations = await store.query<{ n: number }>('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')
    // Each migration in the journal applied once, though two instances started together.
    const journal = JSON.parse(readFileSync(join(import.meta.dirname, '../../../drizzle/postgresql/meta/_journal.json'), 'utf8')) as { entries: unknown[] }
    expect(Number(migrations[0]?.n)).toBe(journal.entries.length)
    const loads = [a!, b!].filter((i) => i.output().includes('Knowledge base loaded'))
    expect(loads).toHaveLength(1)
    const [health] = await Promise.all([a!, b!].map(async (i) => json(await fetch(`${i.url}/api/health`))))
    expect(health.counts.determinants).toBe(29)
  })

  test('500 submissions from 100 concurrent clients over both are stored exactly once, numbered without a gap', async () => {
    const { ws, round } = await newRound()
    const ids = Array.from({ length: 500 }, (_, i) => i)
    const first = await send([a!, b!], round.respondentToken, ids, 100)
    expect(first.failures).toEqual([])
    expect(first.acknowledged).toHaveLength(500)
    // Sent again, each to the other instance: every one is a repeat.
    const second = await send([b!, a!], round.respondentToken, ids, 100)
    expect(second.failures).toEqual([])
    const rows = await stored(round.id)
    expect(rows).toHaveLength(500)
    expect(new Set(rows.map((r) => r.client_id)).size).toBe(500)
    expect(rows.map((r) => r.seq)).toEqual(ids.map((i) => i + 1))
    const got = await json(await fetch(`${b!.url}/api/workspaces/${ws.id}/rounds/${round.id}`, { headers: { authorization: `Bearer ${ws.teamToken}` } }))
    expect(got.submissionCount).toBe(500)
  }, 60_000)

  test('an import of the knowledge base is seen by every instance within the recheck interval', async () => {
    const before = await json(await fetch(`${b!.url}/api/reference`))
    expect(before.sources.some((s: { id: string }) => s.id === 'elsewhere')).toBe(false)
    // As npm run kb:import on a third machine would: through a connection of its own.
    await store.kb.replaceImportedSource({ id: 'elsewhere', label: 'Elsewhere', citation: 'Elsewhere 2026', evidence: 'U' }, [
      { determinant: 23, strategy: 'champions', source: 'elsewhere', method: 'imported', strength: 0.5, basis: 'imported', rationale: { nl: 'x', en: 'x' } },
    ])
    await new Promise((resolve) => setTimeout(resolve, KB_RECHECK_MS + 50))
    for (const instance of [a!, b!]) {
      const after = await json(await fetch(`${instance.url}/api/reference`))
      expect(after.sources.some((s: { id: string }) => s.id === 'elsewhere')).toBe(true)
    }
  })

  test('after one instance is killed mid-load, every acknowledged submission is stored and the other goes on', async () => {
    const { round } = await newRound()
    const ids = Array.from({ length: 1500 }, (_, i) => i)
    const sending = send([a!, b!], round.respondentToken, ids, 50)
    await new Promise((resolve) => setTimeout(resolve, 500))
    await stop(a, 'SIGKILL')
    const { acknowledged, failures } = await sending
    expect(failures.length).toBeGreaterThan(0) // the killed one's clients saw it go
    expect(acknowledged.length).toBeGreaterThan(0)
    const rows = await stored(round.id)
    const kept = new Set(rows.map((r) => r.client_id))
    expect(acknowledged.filter((i) => !kept.has(submission(i).submissionId))).toEqual([])
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1))
    // The survivor still takes submissions, and a retry of what the killed one dropped.
    const retry = await send([b!], round.respondentToken, ids.filter((i) => !kept.has(submission(i).submissionId)).slice(0, 20), 5)
    expect(retry.failures).toEqual([])
  }, 60_000)
})
