/**
 * @module Entry point: read the configuration, open the database (SQLite, or PostgreSQL with
 * DATABASE_URL), migrate it, load the knowledge base (only when its source files changed) and
 * serve. The only module that does something on import.
 */
import { serve } from '@hono/node-server'
import { createApp } from './app.ts'
import { allowedHosts, rateLimitOptions, readConfig } from './config.ts'
import { describeStore, openStore } from './db/open-store.ts'
import { KbSourceError } from './kb/read-sources.ts'
import { readTokenSecret } from './token-secret.ts'

const config = readConfig()
const store = await openStore(config)
await store.migrate()
try {
  const { loaded } = await store.kb.load(config.KB_DIR)
  console.log(loaded ? `Knowledge base loaded from ${config.KB_DIR}` : 'Knowledge base up to date')
} catch (error) {
  if (error instanceof KbSourceError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

const app = createApp({
  store,
  webRoot: config.WEB_ROOT,
  tokenSecret: readTokenSecret(config),
  publicUrl: config.PUBLIC_URL,
  ...(config.ADMIN_TOKEN ? { adminToken: config.ADMIN_TOKEN } : {}),
  allowedHosts: allowedHosts(config),
  rateLimit: rateLimitOptions(config),
})
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  // performance.now() counts from the start of the process, so this includes loading the code.
  const ms = Math.round(performance.now())
  console.log(`Strategiewijzer listens on http://${config.HOST}:${info.port} (ready in ${ms} ms)`)
  console.log(`Database: ${describeStore(config)}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    void store.close().finally(() => process.exit(0))
  })
}
