/**
 * @module GET /api/docs: an interactive page over /api/openapi.json, served with Swagger UI's
 * own files from node_modules (no CDN: the app must work offline and inside school networks).
 * The page has no inline script (its Content-Security-Policy forbids one): it starts Swagger
 * UI from /api/docs/start.js.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'

const ASSETS = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
])
const assetDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Strategiewijzer API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>`

const start = `SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs' })\n`

export const docsRoutes = new Hono()
  .get('/docs', (c) => c.html(page))
  .get('/docs/start.js', (c) => c.body(start, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
  .get('/docs/:asset', (c) => {
    const asset = c.req.param('asset')
    const type = ASSETS.get(asset)
    if (!type) return c.notFound()
    c.header('Cache-Control', 'public, max-age=86400')
    return c.body(readFileSync(join(assetDir, asset)), 200, { 'Content-Type': type })
  })
