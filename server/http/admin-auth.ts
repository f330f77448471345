/**
 * @module The administrator's credential, for changes every workspace sees (feeding an expert
 * rating study into the shared knowledge base, and removing it): the header `X-Admin-Token`
 * must equal ADMIN_TOKEN (server/config.ts), compared in constant time. Without ADMIN_TOKEN
 * set, such changes are refused with a message that says to set it (docs/expert-rating.md).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors.ts'
import type { AppEnv } from './router.ts'

export const ADMIN_HEADER = 'x-admin-token'

/** Equal texts, in time that does not depend on where they differ (both are hashed first). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/** Lets the request through when it carries the administrator's token. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.var.adminToken
  if (!expected) {
    throw new ApiError(
      403,
      'admin_not_configured',
      'Changing the shared knowledge base needs an administrator token, and this server has none: set ADMIN_TOKEN (at least 32 characters) and restart it'
    )
  }
  const given = c.req.header(ADMIN_HEADER)
  if (!given) throw new ApiError(401, 'unauthorized', 'This needs the administrator token in the X-Admin-Token header')
  if (!sameSecret(given, expected)) throw new ApiError(403, 'forbidden', 'This administrator token is not the one of this server')
  await next()
}
