/**
 * @module GET /api/health: liveness and the size of the loaded knowledge base.
 */
import { createRoute } from '@hono/zod-openapi'
import { createRouter } from '../http/router.ts'
import { HealthResponse } from '../schemas/api.ts'
import { json } from './responses.ts'

const health = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['Meta'],
  summary: 'Status and the counts of the loaded knowledge base',
  responses: { 200: json(HealthResponse, 'The server is up') },
})

/** `kbHash` reads the hash of the loaded source files. */
export const metaRoutes = (kbHash: () => string) =>
  createRouter().openapi(health, (c) => {
    const kb = c.var.kb
    return c.json(
      {
        status: 'ok' as const,
        counts: {
          determinants: kb.content.determinants.length,
          items: kb.items.length,
          strategies: kb.content.strategies.length,
          links: kb.content.links.length,
          sources: kb.content.sources.length,
        },
        kbHash: kbHash(),
      },
      200
    )
  })
