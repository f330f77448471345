/**
 * Submissions under load and through a crash, against the real server in its own process on
 * a loopback port: 500 submissions from 100 concurrent clients are stored exactly once, and
 * after a SIGKILL mid-load every acknowledged submission is still there.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, test } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'sw-load-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Server = { url: string; child: ChildProcess }

async function startServer(databasePath: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000)
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
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return { url, child }
}

const stop = (s: Server, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve()
    s.child.once('exit', () => resolve())
    s.child.kill(signal)
  })

async function json(res: Response) {
  const text = await res.text()
  return text ? JSON.parse(text) : null
}

async function setUp(url: string) {
  const ws = await json(
    await fetch(`${url}/api/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Load school', innovation: 'Welbevinden' }),
    })
  )
  const round = await json(
    await fetch(`${url}/api/workspaces/${ws.id}/rounds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ws.teamToken}` },
      body: JSON.stringify({ label: 'Nulmeting' }),
    })
  )
  return { ws, round }
}

const submission = (i: number) => ({
  submissionId: `load-${String(i).padStart(8, '0')}`,
  answers: { d04: (i % 5) + 1, d16a: ((i * 3) % 5) + 1, d23: (i % 3) + 1 },
})

/** Sends `ids` with `clients` concurrent clients; returns the ids that got a 2xx. */
async function send(url: string, token: string, ids: readonly number[], clients: number) {
  const queue = [...ids]
  const acknowledged: number[] = []
  const failures: string[] = []
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        try {
          const res = await fetch(`${url}/api/respond/${token}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(submission(i)),
          })
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

async function storedIds(url: string, ws: { id: string; teamToken: string }): Promise<string[]> {
  const body = await json(
    await fetch(`${url}/api/workspaces/${ws.id}/export`, { headers: { authorization: `Bearer ${ws.teamToken}` } })
  )
  return body.rounds.find((r: { label: string }) => r.label === 'Nulmeting').submissions.map((s: { clientId: string }) => s.clientId)
}

describe('submissions under load', () => {
  test('500 submissions from 100 concurrent clients are stored exactly once, also when sent twice', async () => {
    const server = await startServer(join(dir, 'load.db'))
    try {
      const { ws, round } = await setUp(server.url)
      const ids = Array.from({ length: 500 }, (_, i) => i)
      const first = await send(server.url, round.respondentToken, ids, 100)
      expect(first.failures).toEqual([])
      expect(first.acknowledged).toHaveLength(500)
      const second = await send(server.url, round.respondentToken, ids, 100)
      expect(second.failures).toEqual([])
      const stored = await storedIds(server.url, ws)
      expect(stored).toHaveLength(500)
      expect(new Set(stored).size).toBe(500)
      const got = await json(
        await fetch(`${server.url}/api/workspaces/${ws.id}/rounds/${round.id}`, { headers: { authorization: `Bearer ${ws.teamToken}` } })
      )
      expect(got.submissionCount).toBe(500)
    } finally {
      await stop(server)
    }
  }, 120_000)

  test('after a SIGKILL mid-load, every acknowledged submission is stored and the database is intact', async () => {
    const path = join(dir, 'crash.db')
    const server = await startServer(path)
    let acknowledged: number[] = []
    let setup: Awaited<ReturnType<typeof setUp>>
    try {
      setup = await setUp(server.url)
      const ids = Array.from({ length: 2000 }, (_, i) => i)
      const sending = send(server.url, setup.round.respondentToken, ids, 50)
      // Kill once a good part has been acknowledged, while requests are in flight.
      await new Promise((resolve) => setTimeout(resolve, 400))
      await stop(server, 'SIGKILL')
      acknowledged = (await sending).acknowledged
    } finally {
      await stop(server, 'SIGKILL')
    }
    expect(acknowledged.length).toBeGreaterThan(0)
    expect(acknowledged.length).toBeLessThan(2000)

    const check = new Database(path)
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    check.close()

    const again = await startServer(path)
    try {
      const stored = new Set(await storedIds(again.url, setup.ws))
      const lost = acknowledged.filter((i) => !stored.has(submission(i).submissionId))
      expect(lost).toEqual([])
      // The respondent link still works after the restart (its secret was kept beside the database).
      const retry = await send(again.url, setup.round.respondentToken, [acknowledged[0] ?? 0], 1)
      expect(retry.failures).toEqual([])
    } finally {
      await stop(again)
    }
  }, 120_000)
})
