/**
 * @module The router every resource file starts from: an OpenAPIHono whose request
 * validation failures all go through one hook into the error envelope.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { NetworkRepository } from '../db/network-repository.ts'
import type { RatingRepository } from '../db/rating-repository.ts'
import type { KbRepository } from '../db/store.ts'
import type { WorkspaceRepository } from '../db/workspace-repository.ts'
import type { KbIndex } from '../domain/kb-index.ts'
import { validationFailed } from './errors.ts'

/**
 * Variables every request carries: the knowledge base in the database and its copy current
 * at the time,
 * the workspace store, the secret respondent links are derived from, the clock, and (on
 * workspace routes, once authorised) the team token used.
 */
export type AppEnv = {
  Variables: {
    knowledgeBase: KbRepository
    kb: KbIndex
    workspaces: WorkspaceRepository
    tokenSecret: string
    now: () => number
    /** The public origin links are built on (https://example.org), or null to use the request's. */
    publicUrl: string | null
    teamTokenId: string
    networks: NetworkRepository
    ratings: RatingRepository
    /** ADMIN_TOKEN, or null when the server has none (server/http/admin-auth.ts). */
    adminToken: string | null
    /** On expert rating routes, once authorised: the expert. */
    expertId: string
  }
}

const WHERE: Record<string, string> = { json: 'body', query: 'query string', param: 'path', form: 'form' }

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationFailed(c, result.error, WHERE[result.target] ?? result.target)
      return undefined
    },
  })
}
