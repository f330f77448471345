/**
 * @module /api/respond/{token}: what a respondent's phone talks to. It shows the round's name
 * and groups, and stores one submission per client-generated id. A respondent token reads
 * nothing else: no other answer, no profile, no plan.
 */
import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { validateResponses } from '../domain/scoring.ts'
import { roundRefusal } from '../domain/workspace.ts'
import { ApiError, unprocessable } from '../http/errors.ts'
import { createRouter, type AppEnv } from '../http/router.ts'
import { hashToken, newId, RESPONDENT_TOKEN_PREFIX, TOKEN_PATTERN } from '../http/tokens.ts'
import { RespondentParam, RespondentView, SubmissionIn, SubmissionReceipt, WORKSPACE_LIMITS } from '../schemas/workspace.ts'
import { errors, json } from './responses.ts'

const tags = ['Respondents']
const gone = json(errors[404].content['application/json'].schema, 'The round is closed')

const view = createRoute({
  method: 'get',
  path: '/respond/{token}',
  tags,
  operationId: 'getRespondentView',
  summary: 'What a respondent sees before answering: the school, the innovation, the round, the groups',
  request: { params: RespondentParam },
  responses: { 200: json(RespondentView, 'The round'), 404: errors[404] },
})

const submit = createRoute({
  method: 'post',
  path: '/respond/{token}',
  tags,
  operationId: 'submitAnswers',
  summary: "Submit one respondent's answers; a retry with the same submissionId is stored once",
  request: {
    params: RespondentParam,
    body: { required: true, content: { 'application/json': { schema: SubmissionIn } } },
  },
  responses: {
    201: json(SubmissionReceipt, 'Stored'),
    200: json(SubmissionReceipt, 'Stored before (a retry)'),
    400: errors[400],
    404: errors[404],
    409: json(errors[404].content['application/json'].schema, 'This submissionId was stored before with other answers'),
    410: gone,
    422: errors[422],
  },
})

const unknownLink = () =>
  new ApiError(404, 'not_found', 'This respondent link does not work (any more): ask the school team for the current one')

const closed = () => new ApiError(410, 'round_closed', 'This round is closed and takes no more answers')

async function roundOf(c: Context<AppEnv>, token: string) {
  if (!TOKEN_PATTERN.test(token) || !token.startsWith(RESPONDENT_TOKEN_PREFIX)) throw unknownLink()
  const found = await c.var.workspaces.findRoundByRespondentToken(hashToken(token))
  if (!found) throw unknownLink()
  return found
}

export const respondRoutes = createRouter()
  .openapi(view, async (c) => {
    const { round, workspace } = await roundOf(c, c.req.valid('param').token)
    c.header('Cache-Control', 'no-store')
    return c.json(
      {
        workspace: { name: workspace.name, innovation: workspace.innovation, groups: [...workspace.groups] },
        round: { label: round.label, accepting: roundRefusal(round, c.var.now()) === null, closesAt: round.closesAt },
      },
      200
    )
  })
  .openapi(submit, async (c) => {
    const { round, workspace } = await roundOf(c, c.req.valid('param').token)
    const body = c.req.valid('json')
    if (body.group !== undefined && body.group !== '' && !workspace.groups.includes(body.group)) {
      throw unprocessable([{ path: 'group', message: `not a group of this school (groups: ${workspace.groups.join(', ')})` }])
    }
    const issues = validateResponses(c.var.kb.questionnaire, [{ answers: body.answers }])
    if (issues.length > 0) throw unprocessable(issues.map((i) => ({ path: ['answers', i.item].filter(Boolean).join('.'), message: i.message })))
    const outcome = await c.var.workspaces.addSubmission(
      round.id,
      { id: newId(), clientId: body.submissionId, role: body.role, group: body.group || null, answers: body.answers },
      c.var.now(),
      WORKSPACE_LIMITS.submissionsPerRound
    )
    switch (outcome.outcome) {
      case 'created':
        return c.json({ status: 'stored' as const }, 201)
      case 'repeat':
        return c.json({ status: 'already-stored' as const }, 200)
      case 'conflict':
        throw new ApiError(409, 'conflict', 'This submissionId was used before for other answers: start a new questionnaire')
      case 'refused':
        if (outcome.reason === 'gone') throw unknownLink()
        if (outcome.reason === 'full') {
          throw new ApiError(409, 'round_full', `This round holds the most answers one round can (${WORKSPACE_LIMITS.submissionsPerRound}); tell the school team`)
        }
        throw closed()
    }
  })
