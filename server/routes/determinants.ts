/**
 * @module GET /api/determinants and /api/determinants/{number}: the 29 MIDI determinants.
 */
import { createRoute } from '@hono/zod-openapi'
import { notFound } from '../http/errors.ts'
import { presentDeterminant, strategiesOf } from '../http/present.ts'
import { createRouter } from '../http/router.ts'
import { DeterminantDetail, DeterminantList, DeterminantParam, LangQuery } from '../schemas/api.ts'
import { errors, json } from './responses.ts'

const list = createRoute({
  method: 'get',
  path: '/determinants',
  operationId: 'listDeterminants',
  tags: ['Knowledge base'],
  summary: 'The 29 MIDI determinants in MIDI order, with their questionnaire items',
  request: { query: LangQuery },
  responses: { 200: json(DeterminantList, 'The determinants'), 400: errors[400] },
})

const one = createRoute({
  method: 'get',
  path: '/determinants/{number}',
  operationId: 'getDeterminant',
  tags: ['Knowledge base'],
  summary: 'One determinant with its linked strategies, strongest first',
  request: { params: DeterminantParam, query: LangQuery },
  responses: { 200: json(DeterminantDetail, 'The determinant'), 400: errors[400], 404: errors[404] },
})

export const determinantRoutes = createRouter()
  .openapi(list, (c) => {
    const { lang } = c.req.valid('query')
    const kb = c.var.kb
    return c.json({ determinants: kb.content.determinants.map((d) => presentDeterminant(kb, d, lang)) }, 200)
  })
  .openapi(one, (c) => {
    const { number } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const kb = c.var.kb
    const d = kb.determinant.get(number)
    if (!d) throw notFound(`No determinant ${number}`)
    return c.json({ ...presentDeterminant(kb, d, lang), strategies: strategiesOf(kb, number, lang) }, 200)
  })
