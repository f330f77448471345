import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { afterAll, describe, expect, test } from 'vitest'
import { createApp } from '../../server/app.ts'
import { allowedHosts, rateLimitOptions, readConfig } from '../../server/config.ts'
import { loadKb } from '../../server/db/seed.ts'
import { hostAllowed, isLoopback, LOOPBACK_HOSTS } from '../../server/http/host-check.ts'
import { clientKey, TokenBuckets } from '../../server/http/rate-limit.ts'
import { KB_DIR, tempDb } from '../support/db.ts'

const t = tempDb()
loadKb(t.db, KB_DIR)
const webRoot = join(t.dir, 'web')
mkdirSync(join(webRoot, 'assets'), { recursive: true })
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title>')
writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), 'console.log(1)')
const app = createApp({ db: t.db, webRoot })
const servers: ServerType[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
  t.close()
})

const root = join(import.meta.dirname, '..', '..')
const json = { 'content-type': 'application/json' }
const postInit = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { ...json, ...headers },
  body: JSON.stringify(body),
})

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name = '', ...values]) => [name, values])
  )
}

function expectSecurityHeaders(res: Response, what: string) {
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer')
  expect(res.headers.get('x-frame-options'), what).toBe('DENY')
  const csp = directives(res.headers.get('content-security-policy'))
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"])
  // No inline script, ever: neither 'unsafe-inline' nor 'unsafe-eval' where scripts may run.
  const scripts = csp.get('script-src') ?? csp.get('default-src') ?? []
  expect(scripts, what).not.toContain("'unsafe-inline'")
  expect(scripts, what).not.toContain("'unsafe-eval'")
  return csp
}

/** Sends one request over a real socket, with the Host header given. */
function rawGet(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, path, host: '127.0.0.1', headers: { host } }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function listen(fetch: (r: Request, env?: unknown) => Response | Promise<Response>): Promise<number> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
  })
  servers.push(server)
  return (server.address() as AddressInfo).port
}

describe('security headers', () => {
  test.for([
    ['/api/health', 200],
    ['/api/determinants/abc', 400],
    ['/api/strategies/made-up', 404],
    ['/api/no-such-route', 404],
  ] as const)('are on the API answer to %s (%i), with a policy that loads nothing', async ([path, status]) => {
    const res = await app.request(path)
    expect(res.status).toBe(status)
    const csp = expectSecurityHeaders(res, path)
    expect(csp.get('default-src')).toEqual(["'none'"])
  })

  test('are on errors of POST requests: malformed JSON and a body too large', async () => {
    const bad = await app.request('/api/score', { method: 'POST', headers: json, body: '{' })
    expect(bad.status).toBe(400)
    expectSecurityHeaders(bad, 'invalid json')
    const big = await app.request('/api/score', { method: 'POST', headers: json, body: 'x'.repeat(3 * 1024 * 1024) })
    expect(big.status).toBe(413)
    expectSecurityHeaders(big, 'too large')
  })

  test.for([
    ['/', 200],
    ['/team', 200],
    ['/assets/main-abc123.js', 200],
    ['/assets/gone-OLDHASH.js', 404],
    ['/favicon.ico', 404],
  ] as const)('are on the web answer to %s (%i), with the web app policy', async ([path, status]) => {
    const res = await app.request(path)
    expect(res.status).toBe(status)
    const csp = expectSecurityHeaders(res, path)
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('style-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
  })

  test('give the API docs their own policy, and a page without inline script', async () => {
    const res = await app.request('/api/docs')
    expect(res.status).toBe(200)
    const csp = expectSecurityHeaders(res, '/api/docs')
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    const html = await res.text()
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/src="\/api\/docs\//)
      expect(content?.trim()).toBe('')
    }
    const start = await app.request('/api/docs/start.js')
    expect(start.status).toBe(200)
    expect(start.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await start.text()).toContain("url: '/api/openapi.json'")
  })

  test.for(['web/index.html', 'dist/web/index.html'])('%s has no inline script or style for the policy to block', (file) => {
    const path = join(root, file)
    if (!existsSync(path)) return // dist/web exists after `vite build` (npm test builds first)
    const html = readFileSync(path, 'utf8')
    for (const [, attributes] of html.matchAll(/<script([^>]*)>/g)) expect(attributes).toMatch(/\ssrc=/)
    expect(html).not.toMatch(/<style[\s>]/)
    expect(html).not.toMatch(/\son[a-z]+=/i)
  })
})

describe('host check', () => {
  const guarded = createApp({ db: t.db, webRoot, allowedHosts: LOOPBACK_HOSTS })

  test.for(['http://localhost/api/health', 'http://localhost:3000/api/health', 'http://127.0.0.1:8080/', 'http://[::1]:3000/api/health', 'http://LOCALHOST:3000/'])(
    'answers %s',
    async (url) => {
      expect((await guarded.request(url)).status).toBe(200)
    }
  )

  test.for(['http://evil.example/api/health', 'http://localhost.evil.example/', 'http://127.0.0.1.nip.io:3000/api/health', 'http://evil.example/'])(
    'refuses %s with 403, the envelope and the security headers',
    async (url) => {
      const res = await guarded.request(url)
      expect(res.status).toBe(403)
      expect(((await res.json()) as any).error.code).toBe('host_not_allowed')
      expectSecurityHeaders(res, url)
    }
  )

  test('checks the Host header a real request carries', async () => {
    const port = await listen(guarded.fetch)
    expect((await rawGet(port, '/api/health', `localhost:${port}`)).status).toBe(200)
    const rebound = await rawGet(port, '/api/health', 'attacker.example')
    expect(rebound.status).toBe(403)
    expect(JSON.parse(rebound.body).error.code).toBe('host_not_allowed')
  })

  test.for([
    ['localhost:3000', ['localhost'], true],
    ['[::1]:3000', ['[::1]'], true],
    ['example.org:8443', ['example.org:8443'], true],
    ['example.org:8080', ['example.org:8443'], false],
    ['example.org', ['example.org:8443'], false],
    ['sub.example.org', ['example.org'], false],
  ] as const)('hostAllowed(%s, %j) is %s', ([host, allowed, expected]) => {
    expect(hostAllowed(host, allowed)).toBe(expected)
  })

  test('is on by default only when the server listens on loopback', () => {
    expect(allowedHosts(readConfig({}))).toEqual(['localhost', '127.0.0.1', '[::1]'])
    expect(allowedHosts(readConfig({ HOST: '::1' }))).toEqual(['localhost', '127.0.0.1', '[::1]'])
    expect(allowedHosts(readConfig({ HOST: '0.0.0.0' }))).toBeUndefined()
    expect(allowedHosts(readConfig({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'wijzer.school.nl, localhost:3000' }))).toEqual(['wijzer.school.nl', 'localhost:3000'])
    expect(allowedHosts(readConfig({ ALLOWED_HOSTS: '*' }))).toBeUndefined()
    expect(() => readConfig({ ALLOWED_HOSTS: 'not a host' })).toThrow(/ALLOWED_HOSTS/)
    expect([isLoopback('127.0.0.2'), isLoopback('localhost'), isLoopback('0.0.0.0'), isLoopback('10.0.0.1')]).toEqual([true, true, false, false])
  })
})

describe('rate limit', () => {
  let clock = 0
  const limited = createApp({ db: t.db, rateLimit: { perMinute: 60, burst: 3, now: () => clock } })
  const score = (headers?: Record<string, string>) =>
    limited.request('/api/score', postInit({ responses: [{ answers: { d04: 2 } }] }, headers))

  test('answers 429 with Retry-After and the envelope once the burst is used, and again after a wait', async () => {
    clock = 1_000_000
    for (let i = 0; i < 3; i++) expect((await score()).status).toBe(200)
    const refused = await score()
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(((await refused.json()) as any).error.code).toBe('rate_limited')
    expectSecurityHeaders(refused, '429')
    // Reads are not limited.
    expect((await limited.request('/api/health')).status).toBe(200)
    clock += 1000 // 60 a minute: one more each second
    expect((await score()).status).toBe(200)
    expect((await score()).status).toBe(429)
  })

  test('does not trust X-Forwarded-For unless told to', async () => {
    clock = 2_000_000
    for (let i = 0; i < 3; i++) expect((await score({ 'x-forwarded-for': `10.0.0.${i}` })).status).toBe(200)
    expect((await score({ 'x-forwarded-for': '10.0.0.99' })).status).toBe(429)

    const proxied = createApp({ db: t.db, rateLimit: { perMinute: 60, burst: 1, trustProxy: true, now: () => clock } })
    const send = (forwarded: string) =>
      proxied.request('/api/score', postInit({ responses: [{ answers: { d04: 2 } }] }, { 'x-forwarded-for': forwarded }))
    expect((await send('198.51.100.7')).status).toBe(200)
    expect((await send('198.51.100.8')).status).toBe(200)
    // The proxy appends the address it saw: an address the client made up in front does not count.
    expect((await send('203.0.113.1, 198.51.100.7')).status).toBe(429)
  })

  test('counts by the socket address of a real request', async () => {
    const port = await listen(createApp({ db: t.db, rateLimit: { perMinute: 1, burst: 1 } }).fetch)
    const send = () => fetch(`http://127.0.0.1:${port}/api/score`, postInit({ responses: [{ answers: { d04: 2 } }] }))
    expect((await send()).status).toBe(200)
    const refused = await send()
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50)
  })

  test('keeps a bounded table of addresses', () => {
    const buckets = new TokenBuckets(60, 2, 100)
    for (let i = 0; i < 10_000; i++) buckets.take(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 1000 + i)
    expect(buckets.size).toBe(100)
    // Buckets that have filled up again are forgotten as requests come in.
    for (let i = 0; i < 10; i++) buckets.take('192.0.2.1', 1_000_000 + i)
    expect(buckets.size).toBeLessThan(100)
  })

  test.for([
    ['192.0.2.1', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ] as const)('clientKey(%s) is %s: an IPv6 client counts by its /64', ([address, key]) => {
    expect(clientKey(address)).toBe(key)
  })

  test('is configured by RATE_LIMIT_PER_MINUTE and RATE_LIMIT_BURST, 0 turning it off', () => {
    expect(rateLimitOptions(readConfig({}))).toEqual({ perMinute: 120, burst: 30, trustProxy: false })
    expect(rateLimitOptions(readConfig({ RATE_LIMIT_PER_MINUTE: '600', RATE_LIMIT_BURST: '100', TRUST_PROXY: 'true' }))).toEqual({
      perMinute: 600,
      burst: 100,
      trustProxy: true,
    })
    expect(rateLimitOptions(readConfig({ RATE_LIMIT_PER_MINUTE: '0' }))).toBeUndefined()
    expect(() => readConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE/)
  })

  test('is off unless asked for, so createApp({ db }) never answers 429', async () => {
    const open = createApp({ db: t.db })
    for (let i = 0; i < 200; i++) {
      const res = await open.request('/api/recommendations', postInit({ barriers: [23], limit: 1 }))
      expect(res.status).toBe(200)
    }
  })
})
