/**
 * @module createApp({ store }): the Hono application — the API under /api and, when a web root
 * is given, the built web app with a fallback to index.html for client-side routes. Every
 * response carries the security headers; the host check and the rate limit apply when given.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Db } from './db/client.ts'
import { apiNotFound, envelope, onError } from './http/errors.ts'
import { hostCheck } from './http/host-check.ts'
import { rateLimit, type RateLimitOptions } from './http/rate-limit.ts'
import { createRouter } from './http/router.ts'
import type { NetworkRepository } from './db/network-repository.ts'
import type { RatingRepository } from './db/rating-repository.ts'
import { createSqliteStore } from './db/sqlite-store.ts'
import type { KbRepository, Store } from './db/store.ts'
import type { WorkspaceRepository } from './db/workspace-repository.ts'
import { securityHeaders } from './http/security-headers.ts'
import { bearerToken } from './http/team-auth.ts'
import { EXPERT_TOKEN_PREFIX, hashToken, newSecret, TOKEN_PATTERN } from './http/tokens.ts'
import { createKbStore, type KbStore } from './kb/kb-store.ts'
import { determinantRoutes } from './routes/determinants.ts'
import { docsRoutes } from './routes/docs.ts'
import { engineRoutes } from './routes/engine.ts'
import { metaRoutes } from './routes/meta.ts'
import { networkRoutes } from './routes/networks.ts'
import { ratingRoutes } from './routes/ratings.ts'
import { questionnaireRoutes } from './routes/questionnaire.ts'
import { referenceRoutes } from './routes/reference.ts'
import { respondRoutes } from './routes/respond.ts'
import { strategyRoutes } from './routes/strategies.ts'
import { workspaceRoutes } from './routes/workspaces.ts'
import { importRoutes } from './routes/imports.ts'
import { templateRoutes } from './routes/templates.ts'

const RESPOND_PATH = '/api/respond/'
const BALLOT_ROUTE = '/api/ratings/:id/ballot'
const BALLOT_PATH = /^\/api\/ratings\/[^/]+\/ballot$/

/** An expert's ballot saves count by the link's hash; anything but an expert token shares one count. */
function expertLinkKey(c: Context): string {
  const token = bearerToken(c.req.header('authorization'))
  return token && TOKEN_PATTERN.test(token) && token.startsWith(EXPERT_TOKEN_PREFIX) ? `expert:${hashToken(token)}` : 'expert:?'
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/')

/** Largest request body the API accepts: a CSV of 2,000 respondents is about 400 kB. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024

export type AppOptions = {
  /** The data layer, of either dialect (server/db/open-store.ts). */
  readonly store?: Store
  /** A SQLite database: short for `store: createSqliteStore(db)`. One of `store` and `db` is needed. */
  readonly db?: Db
  /** Defaults to a cache over the store's knowledge base. */
  readonly kb?: KbStore
  /** Folder of the built web app (vite build); the API alone when absent. */
  readonly webRoot?: string
  /** The workspace store; defaults to the store's. */
  readonly workspaces?: WorkspaceRepository
  /** The learning-network store; defaults to the store's. */
  readonly networks?: NetworkRepository
  /** The expert-rating store; defaults to the store's. */
  readonly ratings?: RatingRepository
  /** ADMIN_TOKEN: the credential for changes to the shared knowledge base; none when absent. */
  readonly adminToken?: string
  /** Hex secret respondent links are derived from (server/http/tokens.ts); random when absent. */
  readonly tokenSecret?: string
  /** The clock (tests move it past a round's closing date). */
  readonly now?: () => number
  /** The public origin of links (https://wijzer.example.org); the request's own when absent. */
  readonly publicUrl?: string
  /**
   * Host names (optionally with a port) the app answers to; others get 403. Every host when
   * absent. The server passes ALLOWED_HOSTS (server/config.ts: loopback names by default).
   */
  readonly allowedHosts?: readonly string[]
  /** The limit on requests other than GET and HEAD per client address; none when absent. */
  readonly rateLimit?: RateLimitOptions
}

/** The credentials the OpenAPI document names, one per kind of link (and the admin token). */
const SECURITY_SCHEMES = {
  teamToken: { type: 'http', scheme: 'bearer', description: 'The token of a team link (swt_…)' },
  facilitatorToken: { type: 'http', scheme: 'bearer', description: 'The token of a learning network’s facilitator link (swf_…)' },
  studyOwnerToken: { type: 'http', scheme: 'bearer', description: 'The token of an expert rating study’s owner link (swo_…)' },
  expertToken: { type: 'http', scheme: 'bearer', description: 'The token of an expert’s personal link to a rating study (swe_…)' },
  adminToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Admin-Token',
    description: 'ADMIN_TOKEN of the server: needed to change the shared knowledge base',
  },
} as const

type ApiOptions = Required<Pick<AppOptions, 'kb' | 'workspaces' | 'networks' | 'ratings' | 'tokenSecret' | 'now'>> & {
  readonly knowledgeBase: KbRepository
  readonly publicUrl: string | null
  readonly adminToken: string | null
}

function apiRoutes({ knowledgeBase, kb, workspaces, networks, ratings, tokenSecret, now, publicUrl, adminToken }: ApiOptions) {
  const api = createRouter()
  const tooLarge = (c: Context) =>
    c.json(envelope('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`), 413)
  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge })
  // Touching the body makes the Node adapter build a full Request (which cut the throughput
  // of simple reads by more than half) and then read the body through web streams. So GETs
  // skip the limit, and a declared Content-Length is checked as bodyLimit checks it, without
  // touching the body: Node reads no more than the declared length.
  api.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('content-length')
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return limit(c, next)
    return Number.parseInt(length, 10) > MAX_BODY_BYTES ? tooLarge(c) : next()
  })
  api.use('*', async (c, next) => {
    c.set('knowledgeBase', knowledgeBase)
    c.set('kb', await kb.get())
    c.set('workspaces', workspaces)
    c.set('networks', networks)
    c.set('ratings', ratings)
    c.set('adminToken', adminToken)
    c.set('tokenSecret', tokenSecret)
    c.set('now', now)
    c.set('publicUrl', publicUrl)
    await next()
  })
  const routes = api
    .route('/', metaRoutes(kb.hash))
    .route('/', questionnaireRoutes)
    .route('/', determinantRoutes)
    .route('/', strategyRoutes)
    .route('/', referenceRoutes)
    .route('/', engineRoutes)
    .route('/', workspaceRoutes)
    .route('/', importRoutes)
    .route('/', networkRoutes)
    .route('/', ratingRoutes)
    .route('/', templateRoutes)
    .route('/', respondRoutes)
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) {
    api.openAPIRegistry.registerComponent('securitySchemes', name, scheme)
  }
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    // The paths are relative to the API's mount point, so "Try it out" and generated clients
    // call /api/health, not /health (which is the web app).
    servers: [{ url: '/api' }],
    info: {
      title: 'Strategiewijzer API',
      version: '1',
      description:
        'MIDI determinants, implementation strategies and the links between them, with provenance; scoring of a team questionnaire and ranking of strategies. Text fields follow `?lang=nl|en` (default nl). Errors: `{ error: { code, message, issues?: [{ path, message }] } }` — 400 for malformed input, 422 for input naming things that do not exist.',
    },
  })
  api.route('/', docsRoutes)
  api.notFound(apiNotFound)
  api.onError(onError)
  return routes
}

/** The routes under /api, for typed clients: `hc<AppType>('/api')`. */
export type AppType = ReturnType<typeof apiRoutes>

export function createApp(options: AppOptions) {
  const store = options.store ?? (options.db ? createSqliteStore(options.db) : undefined)
  if (!store) throw new Error('createApp needs a store (or a SQLite db)')
  return createAppOn(store, options)
}

function createAppOn(store: Store, {
  kb = createKbStore(store.kb),
  webRoot,
  workspaces = store.workspaces,
  networks = store.networks,
  ratings = store.ratings,
  adminToken,
  tokenSecret = newSecret(),
  now = Date.now,
  publicUrl,
  allowedHosts,
  rateLimit: limit,
}: AppOptions) {
  const app = new Hono()
  // First, so that every answer carries the headers: refusals below, errors and 404s too.
  app.use('*', securityHeaders())
  if (allowedHosts) app.use('*', hostCheck(allowedHosts))
  if (limit) {
    // A school's staff often share one public address: submissions of a round are counted by
    // its respondent link instead, with room for a whole staff meeting answering at once.
    // A panel of experts rating in one meeting room is the same case: each answer is saved as
    // it is given. Ballot saves get the room's allowance per address, and each expert link the
    // ordinary allowance of one person.
    const room = { ...limit, perMinute: limit.perMinute * 5, burst: Math.max(limit.burst, 200) }
    app.use('*', rateLimit({ ...limit, skip: (c) => c.req.path.startsWith(RESPOND_PATH) || BALLOT_PATH.test(c.req.path) }))
    app.use(`${RESPOND_PATH}*`, rateLimit({ ...room, key: (c) => c.req.path }))
    app.use(BALLOT_ROUTE, rateLimit(room))
    app.use(BALLOT_ROUTE, rateLimit({ ...limit, key: expertLinkKey }))
  }
  app.route('/api', apiRoutes({ knowledgeBase: store.kb, kb, workspaces, networks, ratings, tokenSecret, now, publicUrl: publicUrl ?? null, adminToken: adminToken ?? null }))
  if (webRoot) {
    const indexFile = join(webRoot, 'index.html')
    // Hashed build files never change under their name; only found ones may be cached. The
    // build writes a .br and a .gz beside each (vite.config.ts): a cache must keep the
    // variants apart, also when the first one it stored was the plain file.
    app.use('/assets/*', async (c, next) => {
      await next()
      if (c.res.status !== 200) return
      c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable')
      if (!c.res.headers.get('Vary')?.includes('Accept-Encoding')) c.res.headers.append('Vary', 'Accept-Encoding')
    })
    app.use('*', serveStatic({ root: webRoot, precompressed: true }))
    // Client-side routes (/kb/strategies/x, /team …) all load the same page. A missing file
    // (an old chunk after a new release, a mistyped asset) gets a 404, never the page.
    app.get('*', (c, next) => {
      const path = c.req.path
      if (isApi(path) || path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) return next()
      return existsSync(indexFile)
        ? c.html(readFileSync(indexFile, 'utf8'))
        : c.text('The web app is not built: run npm run build', 503)
    })
  }
  // A sub-app's notFound is not consulted once mounted; the top level decides.
  app.notFound((c) => {
    if (isApi(c.req.path)) return apiNotFound(c)
    c.header('Cache-Control', 'no-store')
    return c.text('Not found', 404)
  })
  app.onError(onError)
  return app
}
