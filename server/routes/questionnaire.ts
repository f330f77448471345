/**
 * @module GET /api/questionnaire: the MIDI items in order, with options whose valence already
 * accounts for reverse scoring.
 */
import { createRoute } from '@hono/zod-openapi'
import { presentItem } from '../http/present.ts'
import { createRouter } from '../http/router.ts'
import { LangQuery, QuestionnaireResponse } from '../schemas/api.ts'
import { errors, json } from './responses.ts'

const questionnaire = createRoute({
  method: 'get',
  path: '/questionnaire',
  operationId: 'getQuestionnaire',
  tags: ['Knowledge base'],
  summary: 'The questionnaire in order; option valences already account for reversal',
  request: { query: LangQuery },
  responses: { 200: json(QuestionnaireResponse, 'The items'), 400: errors[400] },
})

export const questionnaireRoutes = createRouter().openapi(questionnaire, (c) => {
  const { lang } = c.req.valid('query')
  const kb = c.var.kb
  return c.json({ items: kb.items.map((i) => presentItem(kb, i, lang)) }, 200)
})
