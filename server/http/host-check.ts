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
 * Whether `host` (a Host header) is allowed. An entry without a port (`localhost`) allows the
 * name on any port; one with a port (`example.org:8443`) only that port.
 */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const { name, port } = splitHost(host)
  return allowed.some((entry) => {
    const e = splitHost(entry)
    return e.name === name && (e.port === undefined || e.port === port)
  })
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
  return async (c, next) => {
    const host = hostOf(c.req.url)
    if (hostAllowed(host, allowed)) return next()
    c.header('Cache-Control', 'no-store')
    return c.json(
      envelope('host_not_allowed', `This server does not answer to the host name '${host}' (see ALLOWED_HOSTS)`),
      403
    )
  }
}
