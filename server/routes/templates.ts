/**
 * @module GET /api/templates/{limesurvey|qualtrics}: the questionnaire as a file to import into
 * the school's own survey tool, with the item codes and answer values our import recognises,
 * as a download.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { KbIndex } from '../domain/kb-index.ts'
import { limesurveyTemplate, qualtricsTemplate, type TemplateInput } from '../domain/survey-templates.ts'
import type { Lang } from '../domain/vocabulary.ts'
import { createRouter } from '../http/router.ts'
import { LangQuery } from '../schemas/api.ts'
import { TemplateParam } from '../schemas/survey-import.ts'
import { errors } from './responses.ts'

const templateRoute = createRoute({
  method: 'get',
  path: '/templates/{tool}',
  operationId: 'getSurveyTemplate',
  tags: ['Knowledge base'],
  summary: 'The questionnaire as a LimeSurvey survey structure (.txt) or a Qualtrics survey (.qsf)',
  description:
    'Item codes D01… (the item id in capitals), answers coded by their option value (LimeSurvey A1…A5, Qualtrics recode values), so the export maps without effort. Not tested by importing into the tools themselves.',
  request: { params: TemplateParam, query: LangQuery },
  responses: {
    200: {
      description: 'The template file, as an attachment',
      content: { 'text/tab-separated-values': { schema: z.string() }, 'application/json': { schema: z.object({}).passthrough() } },
    },
    400: errors[400],
  },
})

/** The questionnaire in one language, as the templates take it (scale options, not reversed: the stored values). */
function templateInput(kb: KbIndex, lang: Lang): TemplateInput {
  return {
    lang,
    title: lang === 'nl' ? 'Strategiewijzer: vragenlijst (MIDI)' : 'Strategiewijzer: questionnaire (MIDI)',
    date: new Date().toISOString().slice(0, 10),
    items: kb.items.map((i) => ({
      id: i.id,
      group: i.determinant.group,
      respondent: i.determinant.respondent,
      text: i.text[lang],
      options: (kb.scale.get(i.scale)?.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] })),
    })),
  }
}

export const templateRoutes = createRouter().openapi(templateRoute, (c) => {
  const { tool } = c.req.valid('param')
  const { lang } = c.req.valid('query')
  const input = templateInput(c.var.kb, lang)
  if (tool === 'limesurvey') {
    c.header('Content-Disposition', `attachment; filename="strategiewijzer-limesurvey-${lang}.txt"`)
    // A BOM: LimeSurvey strips it, and a spreadsheet opening the file then reads it as UTF-8.
    return c.body(`\uFEFF${limesurveyTemplate(input)}`, 200, { 'Content-Type': 'text/tab-separated-values; charset=utf-8' })
  }
  c.header('Content-Disposition', `attachment; filename="strategiewijzer-qualtrics-${lang}.qsf"`)
  return c.body(JSON.stringify(qualtricsTemplate(input), null, 2), 200, { 'Content-Type': 'application/json; charset=utf-8' })
})
