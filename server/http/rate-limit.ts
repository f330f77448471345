/**
 * @module A limit on the requests that make the server compute (every method but GET and
 * HEAD), per client address: a token bucket per address, in a table of bounded size.
 *
 * Our own rather than `hono-rate-limiter` (0.5, "still in development" by its README): its
 * memory store keeps every key seen in a window with no cap, so a flood from many addresses
 * (an IPv6 prefix has 2^64) grows it without bound, and it needs an unstorage peer dependency.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { LruCache } from '../domain/lru-cache.ts'
import { envelope } from './errors.ts'

export type RateLimitOptions = {
  /** Requests a client may make per minute, on average. */
  readonly perMinute: number
  /** Requests a client may make at once before the average applies (the bucket's size). */
  readonly burst: number
  /** Most addresses remembered; the one seen least recently is forgotten first. */
  readonly maxClients?: number
  /** Take the client address from X-Forwarded-For, as set by one trusted reverse proxy. */
  readonly trustProxy?: boolean
  /** The clock in milliseconds; for tests. */
  readonly now?: () => number
  /** What a client is counted by; its address when absent. */
  readonly key?: (c: Context) => string
  /** Requests this limit does not count (another limit counts them). */
  readonly skip?: (c: Context) => boolean
}

/** Addresses remembered by default: some 100 bytes each, so about 1 MB. */
export const DEFAULT_MAX_CLIENTS = 10_000

type Bucket = { tokens: number; at: number }

/**
 * Token buckets by client key. Each holds up to `burst` tokens and refills at `perMinute` a
 * minute; a request takes one. A bucket that has refilled completely is the same as none, so
 * such buckets are dropped as they are met, oldest first, and when the table is full the
 * least recently seen client is forgotten (it starts again with a full bucket).
 */
export class TokenBuckets {
  readonly #buckets: LruCache<string, Bucket>
  readonly #burst: number
  /** Tokens per millisecond. */
  readonly #rate: number

  constructor(perMinute: number, burst: number, maxClients = DEFAULT_MAX_CLIENTS) {
    if (!(perMinute > 0) || !(burst >= 1)) throw new RangeError('perMinute must be above 0 and burst at least 1')
    this.#buckets = new LruCache(maxClients)
    this.#burst = burst
    this.#rate = perMinute / 60_000
  }

  get size(): number {
    return this.#buckets.size
  }

  /** Takes a token for `key` at time `now` (ms): 0 when granted, else the seconds to wait. */
  take(key: string, now: number): number {
    this.#dropFull(now)
    const bucket = this.#buckets.get(key)
    const tokens = bucket ? Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#rate) : this.#burst
    if (tokens >= 1) {
      this.#buckets.set(key, { tokens: tokens - 1, at: now })
      return 0
    }
    if (bucket) {
      bucket.tokens = tokens
      bucket.at = now
    }
    return Math.max(1, Math.ceil((1 - tokens) / this.#rate / 1000))
  }

  /** Drops up to two buckets that have refilled, oldest first: constant work per request. */
  #dropFull(now: number) {
    for (let i = 0; i < 2; i++) {
      const [key, bucket] = this.#buckets.oldest() ?? []
      if (key === undefined || !bucket || bucket.tokens + (now - bucket.at) * this.#rate < this.#burst) return
      this.#buckets.delete(key)
    }
  }
}

/**
 * The key a client is counted under: its address, where an IPv6 address counts by its /64
 * prefix (one subscriber's allocation, which it can rotate through at will) and an
 * IPv4-mapped one as the IPv4 address.
 */
export function clientKey(address: string): string {
  const a = address.toLowerCase().replace(/%.*$/, '')
  if (!a.includes(':')) return a
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a)
  if (mapped?.[1]) return mapped[1]
  const [head = '', tail] = a.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups]
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}

/**
 * The client's address: the socket's peer, or, behind a trusted proxy, the last address in
 * X-Forwarded-For (the one that proxy added; earlier ones are whatever the client claimed).
 * Requests that come through no socket (`app.request()` in tests) share one key.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1)
    if (forwarded) return forwarded
  }
  // Without the Node adapter's bindings getConnInfo would throw, and a throw costs more than
  // the rest of the limit.
  if (c.env === undefined) return 'unknown'
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/** 429 with Retry-After and the error envelope once a client has used up its requests. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const buckets = new TokenBuckets(options.perMinute, options.burst, options.maxClients)
  const now = options.now ?? Date.now
  const trustProxy = options.trustProxy ?? false
  const key = options.key ?? ((c: Context) => clientKey(clientAddress(c, trustProxy)))
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || options.skip?.(c)) return next()
    const wait = buckets.take(key(c), now())
    if (wait === 0) return next()
    c.header('Retry-After', String(wait))
    return c.json(
      envelope(
        'rate_limited',
        `Too many requests${options.key ? '' : ' from this address'} (at most ${options.perMinute} a minute); try again in ${wait} s`
      ),
      429
    )
  }
}
