/**
 * @module GET /api/strategies (search and filters) and /api/strategies/{id}.
 */
import { createRoute } from '@hono/zod-openapi'
import { strategiesForSearch } from '../domain/kb-search.ts'
import { ApiError, notFound } from '../http/errors.ts'
import { determinantsOf, presentStrategy, strategiesOf } from '../http/present.ts'
import { createRouter } from '../http/router.ts'
import { LangQuery, StrategyDetail, StrategyList, StrategyParam, StrategyQuery } from '../schemas/api.ts'
import { errors, json } from './responses.ts'

const list = createRoute({
  method: 'get',
  path: '/strategies',
  operationId: 'listStrategies',
  tags: ['Knowledge base'],
  summary: 'Strategies, searched (full text, both languages) and filtered',
  description:
    'With `q` (accents and case ignored, words as prefixes), the strategies whose own text matches, best first, then the strategies linked to each determinant whose text matches, strongest link first; otherwise with `determinant`, strongest link first; otherwise in knowledge-base order. Filters combine with AND.',
  request: { query: StrategyQuery },
  responses: { 200: json(StrategyList, 'The matching strategies'), 400: errors[400] },
})

const one = createRoute({
  method: 'get',
  path: '/strategies/{id}',
  operationId: 'getStrategy',
  tags: ['Knowledge base'],
  summary: 'One strategy with the determinants it addresses, strongest first',
  request: { params: StrategyParam, query: LangQuery },
  responses: { 200: json(StrategyDetail, 'The strategy'), 400: errors[400], 404: errors[404] },
})

export const strategyRoutes = createRouter()
  .openapi(list, async (c) => {
    const query = c.req.valid('query')
    const kb = c.var.kb
    if (query.cluster && !kb.cluster.has(query.cluster)) {
      throw new ApiError(400, 'invalid_request', `Invalid query string: cluster: unknown cluster '${query.cluster}'`, [
        { path: 'cluster', message: `unknown cluster '${query.cluster}'` },
      ])
    }
    let ids = kb.content.strategies.map((s) => s.id)
    if (query.determinant !== undefined) {
      ids = strategiesOf(kb, query.determinant, query.lang).map((s) => s.id)
    }
    if (query.q) {
      const hits = strategiesForSearch(await c.var.knowledgeBase.search(query.q), (d) => strategiesOf(kb, d, query.lang).map((s) => s.id))
      const allowed = new Set(ids)
      ids = hits.filter((id) => allowed.has(id))
    }
    const strategies = ids
      .flatMap((id) => {
        const s = kb.strategy.get(id)
        return s ? [s] : []
      })
      .filter(
        (s) =>
          (!query.cluster || s.cluster === query.cluster) &&
          (!query.phase || s.phases.includes(query.phase)) &&
          (!query.actor || s.actors.includes(query.actor)) &&
          (!query.effort || s.effort === query.effort)
      )
      .map((s) => presentStrategy(kb, s, query.lang))
    return c.json({ strategies }, 200)
  })
  .openapi(one, (c) => {
    const { id } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const kb = c.var.kb
    const s = kb.strategy.get(id)
    if (!s) throw notFound(`No strategy '${id}'`)
    return c.json({ ...presentStrategy(kb, s, lang), determinants: determinantsOf(kb, id, lang) }, 200)
  })
