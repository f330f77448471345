/**
 * @module Authorisation of the workspace routes: `Authorization: Bearer <team token>`.
 *
 * No token, a malformed one, an unknown or revoked one → 401. A valid token of another
 * workspace → 404, the same answer as a workspace that does not exist, so that a token never
 * tells whether some other workspace exists.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './router.ts'
import { ApiError } from './errors.ts'
import { hashToken, TEAM_TOKEN_PREFIX, TOKEN_PATTERN } from './tokens.ts'

export const workspaceNotFound = () => new ApiError(404, 'not_found', 'No such workspace')

const unauthorized = (message: string) => {
  const error = new ApiError(401, 'unauthorized', message)
  return error
}

/** The bearer token of a request, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1] ?? null
}

/** Lets the request through when its team token opens the workspace in the path (`:id`). */
export const requireTeam: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header('authorization'))
  if (!token) {
    c.header('WWW-Authenticate', 'Bearer realm="workspace"')
    throw unauthorized('This needs a team link: send its token as "Authorization: Bearer <token>"')
  }
  if (!TOKEN_PATTERN.test(token) || !token.startsWith(TEAM_TOKEN_PREFIX)) {
    throw unauthorized('This token is not a team token of this service')
  }
  const access = await c.var.workspaces.authenticateTeam(hashToken(token), c.var.now())
  if (!access) throw unauthorized('This team link was revoked or does not exist; ask a team member for a new one')
  if (access.workspaceId !== c.req.param('id')) throw workspaceNotFound()
  c.set('teamTokenId', access.tokenId)
  await next()
}
