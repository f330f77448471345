/**
 * @module createApp({ db }): the Hono application — the API under /api and, when a web root
 * is given, the built web app with a fallback to index.html for client-side routes.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { Db } from './db/client.ts'
import { apiNotFound, onError } from './http/errors.ts'
import { createRouter } from './http/router.ts'
import { createKbStore, type KbStore } from './kb/kb-store.ts'
import { determinantRoutes } from './routes/determinants.ts'
import { docsRoutes } from './routes/docs.ts'
import { engineRoutes } from './routes/engine.ts'
import { metaRoutes } from './routes/meta.ts'
import { questionnaireRoutes } from './routes/questionnaire.ts'
import { referenceRoutes } from './routes/reference.ts'
import { strategyRoutes } from './routes/strategies.ts'

export type AppOptions = {
  readonly db: Db
  /** Defaults to a store over `db`. */
  readonly kb?: KbStore
  /** Folder of the built web app (vite build); the API alone when absent. */
  readonly webRoot?: string
}

function apiRoutes(db: Db, kb: KbStore) {
  const api = createRouter()
  api.use('*', async (c, next) => {
    c.set('db', db)
    c.set('kb', kb.get())
    await next()
  })
  const routes = api
    .route('/', metaRoutes(kb.hash))
    .route('/', questionnaireRoutes)
    .route('/', determinantRoutes)
    .route('/', strategyRoutes)
    .route('/', referenceRoutes)
    .route('/', engineRoutes)
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
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

export function createApp({ db, kb = createKbStore(db), webRoot }: AppOptions) {
  const app = new Hono()
  app.route('/api', apiRoutes(db, kb))
  if (webRoot) {
    const indexFile = join(webRoot, 'index.html')
    app.use('/assets/*', async (c, next) => {
      c.header('Cache-Control', 'public, max-age=31536000, immutable')
      await next()
    })
    app.use('*', serveStatic({ root: webRoot }))
    // Client-side routes (/kb/strategies/x, /results …) all load the same page.
    app.get('*', (c, next) => {
      if (c.req.path.startsWith('/api/')) return next()
      return existsSync(indexFile)
        ? c.html(readFileSync(indexFile, 'utf8'))
        : c.text('The web app is not built: run npm run build', 503)
    })
  }
  // A sub-app's notFound is not consulted once mounted; the top level decides.
  app.notFound((c) => (c.req.path.startsWith('/api/') ? apiNotFound(c) : c.text('Not found', 404)))
  app.onError(onError)
  return app
}
