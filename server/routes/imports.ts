/**
 * @module POST /api/workspaces/{id}/rounds/{roundId}/imports[/preview]: answers a school
 * collected with Microsoft Forms, LimeSurvey, Qualtrics or our own CSV, brought into a round.
 * The preview stores nothing: it shows how each column and answer was read and how many
 * responses are new. The import stores only a complete mapping with no bad answer, all at once,
 * and never the same response twice. Both need the team token.
 */
import { createHash } from 'node:crypto'
import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { KbIndex } from '../domain/kb-index.ts'
import {
  applyImport,
  detectTool,
  previewImport,
  type ImportIssue,
  type ImportItem,
  type SurveyMapping,
  type SurveyTool,
} from '../domain/survey-import.ts'
import type { Lang } from '../domain/vocabulary.ts'
import { ApiError } from '../http/errors.ts'
import { createRouter, type AppEnv } from '../http/router.ts'
import { requireTeam } from '../http/team-auth.ts'
import { newId } from '../http/tokens.ts'
import { readSurveyFile } from '../import/read-survey-file.ts'
import { LangQuery, MAX_RESPONDENTS } from '../schemas/api.ts'
import { SurveyImportIn, SurveyImportOut, SurveyPreviewOut, IMPORT_LIMITS } from '../schemas/survey-import.ts'
import { RoundParam } from '../schemas/workspace.ts'
import { errors, json } from './responses.ts'

type Ctx = Context<AppEnv>

const teamRoute = {
  tags: ['Workspaces'],
  security: [{ teamToken: [] }],
  middleware: requireTeam,
}
const body = { required: true, content: { 'application/json': { schema: SurveyImportIn } } }
const failures = {
  400: errors[400],
  401: json(errors[400].content['application/json'].schema, 'No team token, or one that was revoked'),
  404: errors[404],
  422: errors[422],
}

const previewRoute = createRoute({
  ...teamRoute,
  method: 'post',
  path: '/workspaces/{id}/rounds/{roundId}/imports/preview',
  operationId: 'previewSurveyImport',
  summary: 'Read a survey export and show how it maps onto the questionnaire; stores nothing',
  description:
    'The file (CSV or .xlsx from Microsoft Forms, LimeSurvey, Qualtrics or this app) as base64. The answer places each column (an item, the response id, role, group, ignored, or unmatched), matches each distinct answer to an option, counts the rows left out (previews, unfinished) and the responses that are new or were imported before. The workspace remembers the mapping of its last import per tool.',
  request: { params: RoundParam, query: LangQuery, body },
  responses: { 200: json(SurveyPreviewOut, 'How the file maps'), ...failures },
})

const importRoute = createRoute({
  ...teamRoute,
  method: 'post',
  path: '/workspaces/{id}/rounds/{roundId}/imports',
  operationId: 'importSurvey',
  summary: 'Store the responses of a survey export in the round, each once',
  description:
    'With the mapping the person confirmed. 422 when a column is still unplaced or an answer matches no option (each issue names the row, the column and the valid answers); nothing is stored then. A response imported before (same response id, or the same row) is not stored again.',
  request: { params: RoundParam, query: LangQuery, body },
  responses: { 200: json(SurveyImportOut, 'What was stored'), ...failures },
})

/** The questionnaire as the import matches it; valid answers listed in `lang` first. */
function importItems(kb: KbIndex, lang: Lang): ImportItem[] {
  const other: Lang = lang === 'nl' ? 'en' : 'nl'
  return kb.items.map((i) => ({
    id: i.id,
    texts: [i.text.nl, i.text.en],
    scale: i.scale,
    options: (kb.scale.get(i.scale)?.options ?? []).map((o) => ({ value: o.value, labels: [o.label[lang], o.label[other]] })),
  }))
}

/** A response's key as the round stores it: short keys as they are, long ones by their digest. */
const clientIdOf = (key: string) => (key.length <= 100 ? key : `import:${createHash('sha256').update(key).digest('hex')}`)

function issueMessage(i: ImportIssue, lang: Lang): string {
  const valid = i.valid.join(', ')
  return lang === 'nl'
    ? `Rij ${i.row}, kolom "${i.column}": "${i.value}" is geen antwoord op deze vraag. Geldig: ${valid}. Kies in de koppeling welk antwoord het is, of dat het als ontbrekend telt.`
    : `Row ${i.row}, column "${i.column}": "${i.value}" is not an answer to this question. Valid: ${valid}. Choose in the mapping which answer it is, or that it counts as missing.`
}

type Read = { tool: SurveyTool; preview: ReturnType<typeof previewImport>; mapping: SurveyMapping; rows: Parameters<typeof previewImport>[0] }

/** Reads the upload and settles the mapping: the person's choices over the remembered ones over what was recognised. */
async function readUpload(c: Ctx, input: SurveyImportIn, workspaceId: string, lang: Lang): Promise<Read> {
  const bytes = Buffer.from(input.file, 'base64')
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw new ApiError(400, 'invalid_request', `The file is larger than ${IMPORT_LIMITS.maxFileBytes / 1_000_000} MB`, [
      { path: 'file', message: 'too large' },
    ])
  }
  const read = await readSurveyFile(bytes, input.name)
  if (!read.ok) {
    const where = read.line ? (lang === 'nl' ? `regel ${read.line}: ` : `line ${read.line}: `) : ''
    throw new ApiError(422, 'unprocessable', `${lang === 'nl' ? 'Het bestand is niet te lezen' : 'The file cannot be read'}: ${where}${read.message}`, [
      { path: read.line ? `file.line${read.line}` : 'file', message: read.message },
    ])
  }
  const items = importItems(c.var.kb, lang)
  const remembered = await c.var.workspaces.getImportMapping(workspaceId, detectTool(read.rows))
  const given = input.mapping
  const mapping: SurveyMapping = {
    columns: { ...remembered?.columns, ...given?.columns },
    values: mergeValues(remembered?.values, given?.values),
  }
  const preview = previewImport(read.rows, items, mapping)
  // The mapping in effect, written out: what was recognised too, so the next import starts from it.
  const effective: SurveyMapping = {
    columns: Object.fromEntries(preview.columns.filter((col) => col.role !== 'unmatched').map((col) => [col.header, col.item ?? col.role])),
    values: mapping.values,
  }
  return { tool: preview.tool, preview, mapping: effective, rows: read.rows }
}

function mergeValues(a: SurveyMapping['values'] | undefined, b: SurveyMapping['values'] | undefined): SurveyMapping['values'] {
  const out: Record<string, Record<string, number | null>> = {}
  for (const source of [a, b]) for (const [item, values] of Object.entries(source ?? {})) out[item] = { ...out[item], ...values }
  return out
}

export const importRoutes = createRouter()
  .openapi(previewRoute, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const round = await c.var.workspaces.getRound(id, roundId)
    if (!round) throw new ApiError(404, 'not_found', 'No such round in this workspace')
    const { preview, mapping, rows } = await readUpload(c, c.req.valid('json'), id, lang)
    const applied = applyImport(rows, importItems(c.var.kb, lang), mapping)
    const stored = new Set((await c.var.workspaces.listSubmissions(round.id)).map((s) => s.clientId))
    const keys = new Set(applied.responses.map((r) => clientIdOf(r.key)))
    const already = [...keys].filter((k) => stored.has(k)).length
    return c.json(
      {
        ...preview,
        columns: preview.columns.map((col) => ({ ...col })),
        values: preview.values.map((v) => ({ ...v })),
        mapping,
        new: keys.size - already,
        already,
        issues: preview.complete ? applied.issues.map((i) => ({ ...i, valid: [...i.valid], message: issueMessage(i, lang) })) : [],
      },
      200
    )
  })
  .openapi(importRoute, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const round = await c.var.workspaces.getRound(id, roundId)
    if (!round) throw new ApiError(404, 'not_found', 'No such round in this workspace')
    const { tool, preview, mapping, rows } = await readUpload(c, c.req.valid('json'), id, lang)
    const unplaced = preview.columns.filter((col) => col.role === 'unmatched')
    if (unplaced.length > 0) {
      throw new ApiError(
        422,
        'unprocessable',
        lang === 'nl'
          ? `Nog niet gekoppeld: ${unplaced.length} kolom(men). Kies per kolom welke vraag het is, of negeer hem.`
          : `Not mapped yet: ${unplaced.length} column(s). Choose for each column which question it is, or ignore it.`,
        unplaced.map((col) => ({ path: `mapping.columns.${col.header}`, message: lang === 'nl' ? 'niet gekoppeld' : 'not mapped' }))
      )
    }
    const applied = applyImport(rows, importItems(c.var.kb, lang), mapping)
    if (applied.issues.length > 0) {
      throw new ApiError(
        422,
        'unprocessable',
        issueMessage(applied.issues[0] as ImportIssue, lang),
        applied.issues.map((i) => ({ path: `row${i.row}.${i.column}`, message: issueMessage(i, lang) }))
      )
    }
    const outcome = await c.var.workspaces.importSubmissions(round.id, {
      submissions: applied.responses.map((r) => ({
        id: newId(),
        clientId: clientIdOf(r.key),
        role: r.role ?? 'user',
        group: r.group ?? null,
        answers: r.answers,
      })),
      mapping: { workspaceId: id, tool, mapping },
      now: Date.now(),
      max: MAX_RESPONDENTS,
    })
    if (outcome.outcome === 'refused') {
      if (outcome.reason === 'gone') throw new ApiError(404, 'not_found', 'No such round in this workspace')
      throw new ApiError(
        422,
        'unprocessable',
        lang === 'nl'
          ? `Een ronde houdt hoogstens ${MAX_RESPONDENTS} antwoorden; met dit bestand erbij worden het er meer. Er is niets opgeslagen.`
          : `A round holds at most ${MAX_RESPONDENTS} responses; this file would take it past that. Nothing was stored.`
      )
    }
    return c.json(
      {
        tool,
        added: outcome.added,
        already: outcome.already,
        changed: outcome.changed.length,
        dropped: applied.dropped,
        submissionCount: outcome.submissionCount,
      },
      200
    )
  })
