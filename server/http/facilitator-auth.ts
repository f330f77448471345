/**
 * @module Authorisation of the network routes: `Authorization: Bearer <facilitator token>`.
 *
 * As for team links (team-auth.ts): no token, a malformed one, one of another kind (a team or
 * respondent token) or an unknown one → 401; a valid facilitator token of another network →
 * 404, the answer for a network that does not exist, so a token never tells whether another
 * network exists.
 */
import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors.ts'
import type { AppEnv } from './router.ts'
import { bearerToken } from './team-auth.ts'
import { FACILITATOR_TOKEN_PREFIX, hashToken, TOKEN_PATTERN } from './tokens.ts'

export const networkNotFound = () => new ApiError(404, 'not_found', 'No such network')

/** Lets the request through when its facilitator token opens the network in the path (`:id`). */
export const requireFacilitator: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header('authorization'))
  if (!token) {
    c.header('WWW-Authenticate', 'Bearer realm="network"')
    throw new ApiError(401, 'unauthorized', 'This needs a facilitator link: send its token as "Authorization: Bearer <token>"')
  }
  if (!TOKEN_PATTERN.test(token) || !token.startsWith(FACILITATOR_TOKEN_PREFIX)) {
    throw new ApiError(401, 'unauthorized', 'This token is not a facilitator token of this service')
  }
  const access = await c.var.networks.authenticateFacilitator(hashToken(token), c.var.now())
  if (!access) throw new ApiError(401, 'unauthorized', 'This facilitator link does not exist (any more)')
  if (access.networkId !== c.req.param('id')) throw networkNotFound()
  await next()
}
