/**
 * @module Authorisation of the expert rating routes: `Authorization: Bearer <token>`, an
 * owner token (`swo_…`) for the study's own routes, an expert token (`swe_…`) for the expert's
 * ballot.
 *
 * As for networks (facilitator-auth.ts): no token, a malformed one, one of another kind or an
 * unknown one → 401; a valid token of another study → 404, the answer for a study that does
 * not exist, so a token never tells whether another study exists.
 */
import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors.ts'
import type { AppEnv } from './router.ts'
import { bearerToken } from './team-auth.ts'
import { EXPERT_TOKEN_PREFIX, hashToken, STUDY_OWNER_TOKEN_PREFIX, TOKEN_PATTERN } from './tokens.ts'

export const studyNotFound = () => new ApiError(404, 'not_found', 'No such rating study')

function tokenOf(header: string | undefined, prefix: string, kind: string): string {
  const token = bearerToken(header)
  if (!token) throw new ApiError(401, 'unauthorized', `This needs ${kind}: send its token as "Authorization: Bearer <token>"`)
  if (!TOKEN_PATTERN.test(token) || !token.startsWith(prefix)) {
    throw new ApiError(401, 'unauthorized', `This token is not ${kind} of this service`)
  }
  return token
}

/** Lets the request through when its owner token opens the study in the path (`:id`). */
export const requireStudyOwner: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = tokenOf(c.req.header('authorization'), STUDY_OWNER_TOKEN_PREFIX, 'a study owner link')
  const access = await c.var.ratings.authenticateOwner(hashToken(token))
  if (!access) throw new ApiError(401, 'unauthorized', 'This study owner link does not exist (any more)')
  if (access.studyId !== c.req.param('id')) throw studyNotFound()
  await next()
}

/** Lets the request through when its expert token belongs to the study in the path (`:id`). */
export const requireExpert: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = tokenOf(c.req.header('authorization'), EXPERT_TOKEN_PREFIX, 'an expert link')
  const access = await c.var.ratings.authenticateExpert(hashToken(token), c.var.now())
  if (!access) throw new ApiError(401, 'unauthorized', 'This expert link does not exist (any more); ask the study owner')
  if (access.studyId !== c.req.param('id')) throw studyNotFound()
  c.set('expertId', access.expertId)
  await next()
}
