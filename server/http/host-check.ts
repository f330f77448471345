/**
 * @module Answers only requests addressed to an allowed host name. This guards a server bound
 * to loopback against DNS rebinding: a page on another site points its own name at 127.0.0.1
 * and could otherwise read and drive this server from the visitor's browser.
 */
import type { MiddlewareHandler } from 'hono'
import { envelope } from './errors.ts'

/** The host names a server bound to loopback answers to by default, on any port. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const

/** Whether a listening address (the HOST setting) is loopback only. */
export function isLoopback(address: string): boolean {
  const a = address.toLowerCase()
  return a === 'localhost' || a === '::1' || a === '[::1]' || /^127(\.\d{1,3}){3}$/.test(a)
}

/** A Host value as name and port: `[::1]:3000` → `[::1]`, `3000`; `localhost` → `localhost`. */
function splitHost(host: string): { name: string; port: string | undefined } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host.toLowerCase())
  return match ? { name: match[1] ?? '', port: match[2] || undefined } : { name: host.toLowerCase(), port: undefined }
}

/**
 * A test of Host values against the allowed entries. An entry without a port (`localhost`)
 * allows the name on any port; one with a port (`example.org:8443`) only that port. The
 * entries are read once; each request costs a lower-casing and two set lookups.
 */
function hostMatcher(allowed: readonly string[]): (host: string) => boolean {
  const anyPort = new Set<string>()
  const exact = new Set<string>()
  for (const entry of allowed) {
    const { name, port } = splitHost(entry)
    if (port === undefined) anyPort.add(name)
    else exact.add(`${name}:${port}`)
  }
  return (host) => {
    const h = host.toLowerCase()
    if (exact.has(h) || anyPort.has(h)) return true
    const colon = h.lastIndexOf(':')
    return colon > h.lastIndexOf(']') && anyPort.has(h.slice(0, colon))
  }
}

/** Whether `host` (a Host header) is allowed by the entries (see hostMatcher). */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return hostMatcher(allowed)(host)
}

/**
 * The host the request was addressed to, as the router saw it: the Node adapter builds the URL
 * from the Host header (`:authority` in HTTP/2), and `app.request()` from its URL.
 */
function hostOf(url: string): string {
  const start = url.indexOf('//') + 2
  const end = url.indexOf('/', start)
  return url.slice(start, end === -1 ? undefined : end)
}

/** Refuses, with 403 and the error envelope, every request addressed to a host not allowed. */
export function hostCheck(allowed: readonly string[]): MiddlewareHandler {
  const allows = hostMatcher(allowed)
  return async (c, next) => {
    const host = hostOf(c.req.url)
    if (allows(host)) return next()
    c.header('Cache-Control', 'no-store')
    return c.json(
      envelope('host_not_allowed', `This server does not answer to the host name '${host}' (see ALLOWED_HOSTS)`),
      403
    )
  }
}
