/**
 * @module The load generator of `npm run bench`, in a process of its own so that it never
 * shares an event loop with the server it measures. bench.ts forks it and sends one job at a
 * time over IPC; the answer comes back the same way.
 *  - `closed`: a fixed number of requests over a few connections, each sent when the last
 *    one returned (autocannon). For throughput and for the server's CPU time per request.
 *  - `open`: requests at a fixed arrival rate, sent on schedule whatever the server does,
 *    each on a free connection or a new one, so a slow answer delays no later request
 *    (no coordinated omission). Latency in milliseconds with microsecond resolution, from
 *    handing the request to node:http to the last byte of the answer.
 */
import { Agent, request } from 'node:http'
import autocannon from 'autocannon'

export type Target = {
  readonly url: string
  readonly method?: 'GET' | 'POST'
  readonly body?: string
  /** More headers, e.g. a team token. */
  readonly headers?: Readonly<Record<string, string>>
}

export type ClosedJob = Target & {
  readonly kind: 'closed'
  readonly amount: number
  readonly connections: number
}
export type OpenJob = Target & {
  readonly kind: 'open'
  readonly rate: number
  readonly seconds: number
}
export type Job = ClosedJob | OpenJob

export type ClosedResult = {
  readonly requests: number
  readonly seconds: number
  readonly rps: number
  /** Bytes of an answer, headers included. */
  readonly bytes: number
}
export type OpenResult = {
  readonly sent: number
  /** Requests per second actually sent: below the asked rate, the generator fell behind. */
  readonly rate: number
  readonly p50: number
  readonly p90: number
  readonly p99: number
  readonly max: number
  /** How late requests left against their schedule (p99, ms): the generator's own delay. */
  readonly lagP99: number
  /** Most requests under way at once: grows when answers come slower than requests. */
  readonly connections: number
  /** Requests without an answer (timed out or refused); their latency counts as infinite. */
  readonly errors: number
}
export type Reply =
  | { readonly ok: true; readonly result: ClosedResult | OpenResult }
  | { readonly ok: false; readonly error: string }

const TIMEOUT_MS = 10_000
const MAX_SOCKETS = 256

const headersOf = (t: Target) => ({
  ...(t.body === undefined ? {} : { 'content-type': 'application/json' }),
  ...t.headers,
})

async function closed(job: ClosedJob): Promise<ClosedResult> {
  const result = await autocannon({
    url: job.url,
    method: job.method ?? 'GET',
    connections: job.connections,
    amount: job.amount,
    headers: headersOf(job),
    ...(job.body === undefined ? {} : { body: job.body }),
  })
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${job.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`
    )
  }
  const seconds = result.duration
  const requests = result.requests.total
  return { requests, seconds, rps: requests / seconds, bytes: result.throughput.total / requests }
}

/** The value below which a share `q` of the sorted `xs` lies (nearest rank). */
function percentile(xs: Float64Array, q: number): number {
  if (xs.length === 0) return Number.NaN
  return xs[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)] ?? Number.NaN
}

function open(job: OpenJob): Promise<OpenResult> {
  const total = Math.max(1, Math.round(job.rate * job.seconds))
  const interval = 1000 / job.rate
  const latency = new Float64Array(total)
  const lag = new Float64Array(total)
  // Past MAX_SOCKETS requests wait for a connection; their latency includes the wait.
  const agent = new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS })
  const body = job.body === undefined ? undefined : Buffer.from(job.body)
  const headers = { ...headersOf(job), ...(body ? { 'content-length': String(body.length) } : {}) }
  let done = 0
  let inFlight = 0
  let mostInFlight = 0
  let failure: Error | undefined
  let errors = 0
  let next = 0
  let firstSentAt = 0
  let lastSentAt = 0

  return new Promise((resolve, reject) => {
    const finish = () => {
      agent.destroy()
      if (failure) return reject(failure)
      const span = (lastSentAt - firstSentAt) / 1000
      latency.sort()
      lag.sort()
      resolve({
        sent: total,
        rate: span > 0 ? (total - 1) / span : job.rate,
        p50: percentile(latency, 0.5),
        p90: percentile(latency, 0.9),
        p99: percentile(latency, 0.99),
        max: latency[total - 1] ?? Number.NaN,
        lagP99: percentile(lag, 0.99),
        connections: mostInFlight,
        errors,
      })
    }
    const send = (i: number, scheduled: number) => {
      const sentAt = performance.now()
      lag[i] = sentAt - scheduled
      if (i === 0) firstSentAt = sentAt
      lastSentAt = sentAt
      inFlight++
      mostInFlight = Math.max(mostInFlight, inFlight)
      const req = request(job.url, { method: job.method ?? 'GET', agent, headers }, (res) => {
        // Another status means the bench sends a wrong request: no figure is worth having.
        if (res.statusCode !== 200) failure ??= new Error(`${job.url} answered ${res.statusCode}`)
        res.resume()
        res.on('end', () => {
          latency[i] = performance.now() - sentAt
          inFlight--
          if (++done === total) finish()
        })
      })
      // An overloaded server may not answer in time: that request counts as infinitely slow.
      req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)))
      req.on('error', () => {
        latency[i] = Number.POSITIVE_INFINITY
        errors++
        inFlight--
        if (++done === total) finish()
      })
      req.end(body)
    }
    // Every request due by now leaves at once; then sleep until the next one is due. Node's
    // timers fire about a millisecond late at worst, which `lagP99` reports.
    const start = performance.now() + 1
    const tick = () => {
      const now = performance.now()
      while (next < total && start + next * interval <= now) {
        send(next, start + next * interval)
        next++
      }
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()))
    }
    setTimeout(tick, 1)
  })
}

process.on('message', (job: Job) => {
  const run = job.kind === 'closed' ? closed(job) : open(job)
  run.then(
    (result) => process.send?.({ ok: true, result } satisfies Reply),
    (error: unknown) =>
      process.send?.({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies Reply)
  )
})
process.on('disconnect', () => process.exit(0))
