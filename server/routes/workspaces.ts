/**
 * @module /api/workspaces: a team's workspace, its team links, measurement rounds, the
 * submissions and profile of a round, the plan per round, the comparison of two rounds, and
 * the export, import and deletion of everything. Every route but creation and import needs
 * the workspace's team token (server/http/team-auth.ts).
 */
import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { z } from 'zod'
import type { StoredPlan } from '../db/workspace-repository.ts'
import { toCsv } from '../domain/csv-write.ts'
import { codebookRows, spssSyntax, tidyRows } from '../domain/tidy-export.ts'
import { compareRounds, DEFAULT_GROUPS, strategiesBehindImprovements } from '../domain/workspace.ts'
import { ApiError, envelope, unprocessable } from '../http/errors.ts'
import {
  presentRound,
  presentToken,
  presentWorkspace,
  roundProfile,
  codebookItems,
  exportRounds,
  roundSplit,
  teamLink,
} from '../http/present-workspace.ts'
import { createRouter, type AppEnv } from '../http/router.ts'
import { requireTeam, workspaceNotFound } from '../http/team-auth.ts'
import { hashToken, newId, newTeamToken, respondentToken } from '../http/tokens.ts'
import { LangQuery } from '../schemas/api.ts'
import {
  CompareQuery,
  CompareResponse,
  EXPORT_FORMAT,
  PlanIn,
  PlanOut,
  RoundCreate,
  RoundOut,
  RoundParam,
  RoundPatch,
  RoundProfile,
  RoundProfileQuery,
  StalePlan,
  SubgroupProfiles,
  SubgroupQuery,
  SubmissionList,
  TidyExportQuery,
  SubmissionParam,
  TeamTokenCreate,
  TeamTokenCreated,
  TeamTokenList,
  TokenParam,
  WorkspaceCreate,
  WorkspaceCreated,
  WorkspaceDumpIn,
  WorkspaceOut,
  WorkspaceParam,
  WorkspacePatch,
  WORKSPACE_LIMITS,
} from '../schemas/workspace.ts'
import { presentProfile } from './engine.ts'
import { errors, json } from './responses.ts'

const team = [{ teamToken: [] }]
const teamErrors = {
  401: json(errors[400].content['application/json'].schema, 'No team token, or one that was revoked'),
  404: errors[404],
}
const tags = ['Workspaces']
const noContent = { description: 'Done' }

const teamRoute = { tags, security: team, middleware: requireTeam }

// ── Definitions ──────────────────────────────────────────────────────────────────────────

const createWorkspace = createRoute({
  method: 'post',
  path: '/workspaces',
  tags,
  operationId: 'createWorkspace',
  summary: 'Create a workspace; the answer holds its first team link (shown only now)',
  request: { query: LangQuery, body: { required: true, content: { 'application/json': { schema: WorkspaceCreate } } } },
  responses: { 201: json(WorkspaceCreated, 'The workspace and its team link'), 400: errors[400] },
})

const importWorkspace = createRoute({
  method: 'post',
  path: '/workspaces/import',
  tags,
  operationId: 'importWorkspace',
  summary: 'Create a workspace from an export file of this or another instance',
  description: 'Rounds, plans and answers are copied with new ids; the respondent links are new; one new team link is returned.',
  request: { body: { required: true, content: { 'application/json': { schema: WorkspaceDumpIn } } } },
  responses: { 201: json(WorkspaceCreated, 'The new workspace and its team link'), 400: errors[400] },
})

const getWorkspace = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}',
  operationId: 'getWorkspace',
  summary: 'The workspace with its rounds',
  request: { params: WorkspaceParam },
  responses: { 200: json(WorkspaceOut, 'The workspace'), ...teamErrors },
})

const patchWorkspace = createRoute({
  ...teamRoute,
  method: 'patch',
  path: '/workspaces/{id}',
  operationId: 'updateWorkspace',
  summary: "Change the workspace's name, innovation, contact or respondent groups",
  request: { params: WorkspaceParam, body: { required: true, content: { 'application/json': { schema: WorkspacePatch } } } },
  responses: { 200: json(WorkspaceOut, 'The workspace'), 400: errors[400], ...teamErrors },
})

const deleteWorkspace = createRoute({
  ...teamRoute,
  method: 'delete',
  path: '/workspaces/{id}',
  operationId: 'deleteWorkspace',
  summary: 'Delete the workspace and everything in it, at once; every link of it stops working',
  request: { params: WorkspaceParam },
  responses: { 204: noContent, ...teamErrors },
})

const listTokens = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/tokens',
  operationId: 'listTeamTokens',
  summary: 'The team links (without their tokens)',
  request: { params: WorkspaceParam },
  responses: { 200: json(TeamTokenList, 'The team links'), ...teamErrors },
})

const createToken = createRoute({
  ...teamRoute,
  method: 'post',
  path: '/workspaces/{id}/tokens',
  operationId: 'createTeamToken',
  summary: 'A new team link for another team member (its token is shown only now)',
  request: { params: WorkspaceParam, body: { required: true, content: { 'application/json': { schema: TeamTokenCreate } } } },
  responses: { 201: json(TeamTokenCreated, 'The new team link'), 400: errors[400], 409: errors[400], ...teamErrors },
})

const revokeToken = createRoute({
  ...teamRoute,
  method: 'delete',
  path: '/workspaces/{id}/tokens/{tokenId}',
  operationId: 'revokeTeamToken',
  summary: 'Revoke a team link (not the last active one)',
  request: { params: TokenParam },
  responses: { 204: noContent, 409: json(errors[400].content['application/json'].schema, 'The last active link'), ...teamErrors },
})

const createRound = createRoute({
  ...teamRoute,
  method: 'post',
  path: '/workspaces/{id}/rounds',
  operationId: 'createRound',
  summary: "Open a measurement round with its own respondent link; it starts from the last round's settings and plan",
  request: { params: WorkspaceParam, body: { required: true, content: { 'application/json': { schema: RoundCreate } } } },
  responses: { 201: json(RoundOut, 'The new round'), 400: errors[400], 409: errors[400], ...teamErrors },
})

const getRound = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/rounds/{roundId}',
  operationId: 'getRound',
  summary: 'One round: state, respondent link and live count of submissions',
  request: { params: RoundParam },
  responses: { 200: json(RoundOut, 'The round'), ...teamErrors },
})

const patchRound = createRoute({
  ...teamRoute,
  method: 'patch',
  path: '/workspaces/{id}/rounds/{roundId}',
  operationId: 'updateRound',
  summary: "Close or reopen a round, set its closing date, label or settings",
  request: { params: RoundParam, body: { required: true, content: { 'application/json': { schema: RoundPatch } } } },
  responses: { 200: json(RoundOut, 'The round'), 400: errors[400], 422: errors[422], ...teamErrors },
})

const renewLink = createRoute({
  ...teamRoute,
  method: 'post',
  path: '/workspaces/{id}/rounds/{roundId}/respondent-link',
  operationId: 'renewRespondentLink',
  summary: 'Replace the respondent link: the old one stops working at once',
  request: { params: RoundParam },
  responses: { 200: json(RoundOut, 'The round with its new link'), ...teamErrors },
})

const revokeLink = createRoute({
  ...teamRoute,
  method: 'delete',
  path: '/workspaces/{id}/rounds/{roundId}/respondent-link',
  operationId: 'revokeRespondentLink',
  summary: 'Withdraw the respondent link without a new one',
  request: { params: RoundParam },
  responses: { 200: json(RoundOut, 'The round without a link'), ...teamErrors },
})

const profile = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/rounds/{roundId}/profile',
  operationId: 'getRoundProfile',
  summary: "The round's profile: the /api/score answer for its submissions, scored with its settings",
  description:
    'With `group`, only that group of respondents; refused (409 `too_few_answers`) when the group is suppressed in the split by groups (fewer answers than the minimum group size, or derivable from the others).',
  request: { params: RoundParam, query: RoundProfileQuery },
  responses: {
    200: json(RoundProfile, 'The profile'),
    400: errors[400],
    409: json(errors[400].content['application/json'].schema, 'Too few answers in that group to show'),
    ...teamErrors,
  },
})

const subgroups = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/rounds/{roundId}/profile/groups',
  operationId: 'getRoundSubgroups',
  summary: "The round's profile per group of respondents, side by side",
  description:
    'Groups with fewer answers than the round\'s `minGroupSize` (default 5, never below 3) carry no numbers, and neither does a group or determinant that the total and the other groups would give away by subtraction (docs/engine.md §1.8).',
  request: { params: RoundParam, query: SubgroupQuery },
  responses: { 200: json(SubgroupProfiles, 'The profile per group'), 400: errors[400], ...teamErrors },
})

const listSubmissions = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/rounds/{roundId}/submissions',
  operationId: 'listSubmissions',
  summary: "The round's anonymous answers (no names are ever stored)",
  request: { params: RoundParam },
  responses: { 200: json(SubmissionList, 'The answers'), ...teamErrors },
})

const deleteSubmission = createRoute({
  ...teamRoute,
  method: 'delete',
  path: '/workspaces/{id}/rounds/{roundId}/submissions/{submissionId}',
  operationId: 'deleteSubmission',
  summary: 'Remove one submission (a test entry, a duplicate)',
  request: { params: SubmissionParam },
  responses: { 204: noContent, ...teamErrors },
})

const getPlan = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/rounds/{roundId}/plan',
  operationId: 'getPlan',
  summary: "The round's plan",
  request: { params: RoundParam },
  responses: { 200: json(PlanOut, 'The plan'), ...teamErrors },
})

const putPlan = createRoute({
  ...teamRoute,
  method: 'put',
  path: '/workspaces/{id}/rounds/{roundId}/plan',
  operationId: 'savePlan',
  summary: "Save the round's whole plan; refused (409) when someone saved a newer one since `baseRevision`",
  request: { params: RoundParam, body: { required: true, content: { 'application/json': { schema: PlanIn } } } },
  responses: {
    200: json(PlanOut, 'The saved plan'),
    400: errors[400],
    409: json(StalePlan, 'Someone saved the plan since: the error envelope with the current plan, to merge with'),
    422: errors[422],
    ...teamErrors,
  },
})

const compare = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/compare',
  operationId: 'compareRounds',
  summary: 'Per determinant, two rounds side by side and what changed',
  request: { params: WorkspaceParam, query: CompareQuery },
  responses: { 200: json(CompareResponse, 'The comparison'), 400: errors[400], ...teamErrors },
})

const exportWorkspace = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/export',
  operationId: 'exportWorkspace',
  summary: 'Everything of the workspace as one JSON file (importable with POST /workspaces/import)',
  request: { params: WorkspaceParam },
  responses: { 200: json(WorkspaceDumpIn, 'The export file'), ...teamErrors },
})

const csvFile = (description: string) => ({ content: { 'text/csv': { schema: z.string() } }, description })

const exportLong = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/export/long',
  operationId: 'exportLong',
  summary: 'Tidy long-format CSV for analysis: one row per submission × item (round, submission, group, role, item, determinant, value, valence, score)',
  description:
    'One round (`round`) or every round. A group that the split by groups withholds (docs/engine.md §1.8) leaves with an empty group; submissions are numbered within the file. Read it with the codebook and the SPSS syntax.',
  request: { params: WorkspaceParam, query: TidyExportQuery },
  responses: { 200: csvFile('The long CSV'), 400: errors[400], ...teamErrors },
})

const exportCodebook = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/export/codebook',
  operationId: 'exportCodebook',
  summary: 'The codebook of the long CSV: one row per item × option, with valence and reversed items',
  request: { params: WorkspaceParam, query: SubgroupQuery },
  responses: { 200: csvFile('The codebook CSV'), 400: errors[400], ...teamErrors },
})

const exportSpss = createRoute({
  ...teamRoute,
  method: 'get',
  path: '/workspaces/{id}/export/spss',
  operationId: 'exportSpss',
  summary: 'SPSS syntax (.sps) that reads the long CSV with variable and value labels',
  request: { params: WorkspaceParam, query: TidyExportQuery },
  responses: { 200: { content: { 'text/plain': { schema: z.string() } }, description: 'The syntax' }, 400: errors[400], ...teamErrors },
})

/** The file name of the long CSV: the SPSS syntax reads it by this name. */
const longFileName = (round: { position: number } | null) =>
  round ? `strategiewijzer-long-round-${round.position}.csv` : 'strategiewijzer-long.csv'

// ── Handlers ─────────────────────────────────────────────────────────────────────────────

type Ctx = Context<AppEnv>

async function roundOr404(c: Ctx, workspaceId: string, roundId: string) {
  const round = await c.var.workspaces.getRound(workspaceId, roundId)
  if (!round) throw new ApiError(404, 'not_found', 'No such round in this workspace')
  return round
}

const respondentHash = (c: Ctx) => (roundId: string, generation: number) =>
  hashToken(respondentToken(c.var.tokenSecret, roundId, generation))

/** 422 for strategy ids the knowledge base does not have, so a plan never stores a typo. */
function checkStrategies(c: Ctx, ids: readonly { path: string; id: string }[]) {
  const unknown = ids.filter((x) => !c.var.kb.strategy.has(x.id))
  if (unknown.length > 0) throw unprocessable(unknown.map((x) => ({ path: x.path, message: `unknown strategy '${x.id}'` })))
}

const presentPlan = (c: Ctx, plan: StoredPlan) => ({
  title: plan.title,
  revision: plan.revision,
  region: plan.region,
  schoolYear: plan.schoolYear,
  entries: plan.entries.map((e) => ({
    strategy: e.strategy,
    status: e.status,
    spec: { ...e.spec },
    barriers: [...e.barriers],
    ...(e.feasibility !== undefined ? { feasibility: e.feasibility } : {}),
    ...(e.importance !== undefined ? { importance: e.importance } : {}),
    ...(e.phase !== undefined ? { phase: e.phase } : {}),
    ...(e.startMonth !== undefined ? { startMonth: e.startMonth } : {}),
    ...(e.months !== undefined ? { months: e.months } : {}),
    known: c.var.kb.strategy.has(e.strategy),
  })),
})

export const workspaceRoutes = createRouter()
  .openapi(createWorkspace, async (c) => {
    const body = c.req.valid('json')
    const { lang } = c.req.valid('query')
    const id = newId()
    const token = newTeamToken()
    await c.var.workspaces.createWorkspace({
      workspace: {
        id,
        name: body.name,
        innovation: body.innovation,
        contact: body.contact,
        groups: body.groups ?? [...DEFAULT_GROUPS[lang]],
      },
      token: { id: newId(), label: body.tokenLabel || (lang === 'nl' ? 'Eerste teamlink' : 'First team link'), hash: hashToken(token) },
      now: c.var.now(),
    })
    return c.json({ id, teamToken: token, links: { team: teamLink(c, id, token) } }, 201)
  })
  .openapi(importWorkspace, async (c) => {
    const dump = c.req.valid('json')
    const id = newId()
    const token = newTeamToken()
    const hashOf = respondentHash(c)
    await c.var.workspaces.restoreWorkspace({
      dump,
      id,
      token: { id: newId(), label: 'Import', hash: hashToken(token) },
      newId,
      respondentHash: (roundId) => hashOf(roundId, 1),
      now: c.var.now(),
    })
    return c.json({ id, teamToken: token, links: { team: teamLink(c, id, token) } }, 201)
  })
  .openapi(getWorkspace, async (c) => {
    const { id } = c.req.valid('param')
    const [workspace, rounds] = await Promise.all([c.var.workspaces.getWorkspace(id), c.var.workspaces.listRounds(id)])
    if (!workspace) throw workspaceNotFound()
    return c.json(presentWorkspace(c, workspace, rounds), 200)
  })
  .openapi(patchWorkspace, async (c) => {
    const { id } = c.req.valid('param')
    const workspace = await c.var.workspaces.updateWorkspace(id, c.req.valid('json'), c.var.now())
    if (!workspace) throw workspaceNotFound()
    return c.json(presentWorkspace(c, workspace, await c.var.workspaces.listRounds(id)), 200)
  })
  .openapi(deleteWorkspace, async (c) => {
    const { id } = c.req.valid('param')
    if (!(await c.var.workspaces.deleteWorkspace(id))) throw workspaceNotFound()
    return c.body(null, 204)
  })
  .openapi(listTokens, async (c) => {
    const { id } = c.req.valid('param')
    const tokens = await c.var.workspaces.listTeamTokens(id)
    return c.json({ tokens: tokens.map((t) => presentToken(t, c.var.teamTokenId)) }, 200)
  })
  .openapi(createToken, async (c) => {
    const { id } = c.req.valid('param')
    const { label } = c.req.valid('json')
    const existing = await c.var.workspaces.listTeamTokens(id)
    if (existing.filter((t) => t.revokedAt === null).length >= WORKSPACE_LIMITS.tokens) {
      throw new ApiError(409, 'limit_reached', `A workspace has at most ${WORKSPACE_LIMITS.tokens} active team links; revoke one first`)
    }
    const token = newTeamToken()
    const created = await c.var.workspaces.addTeamToken(id, { id: newId(), label, hash: hashToken(token) }, c.var.now())
    return c.json({ ...presentToken(created, c.var.teamTokenId), token, links: { team: teamLink(c, id, token) } }, 201)
  })
  .openapi(revokeToken, async (c) => {
    const { id, tokenId } = c.req.valid('param')
    const outcome = await c.var.workspaces.revokeTeamToken(id, tokenId, c.var.now())
    if (outcome === 'not-found') throw new ApiError(404, 'not_found', 'No such active team link in this workspace')
    if (outcome === 'last-active') {
      throw new ApiError(409, 'last_team_link', 'This is the last active team link: make a new one before revoking it, or delete the workspace')
    }
    return c.body(null, 204)
  })
  .openapi(createRound, async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const rounds = await c.var.workspaces.listRounds(id)
    if (rounds.length >= WORKSPACE_LIMITS.rounds) {
      throw new ApiError(409, 'limit_reached', `A workspace has at most ${WORKSPACE_LIMITS.rounds} rounds`)
    }
    const roundId = newId()
    const round = await c.var.workspaces.createRound({
      workspaceId: id,
      id: roundId,
      label: body.label,
      closesAt: body.closesAt ?? null,
      respondentTokenHash: respondentHash(c)(roundId, 1),
      now: c.var.now(),
    })
    return c.json(presentRound(c, round), 201)
  })
  .openapi(getRound, async (c) => {
    const { id, roundId } = c.req.valid('param')
    return c.json(presentRound(c, await roundOr404(c, id, roundId)), 200)
  })
  .openapi(patchRound, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const patch = c.req.valid('json')
    if (patch.settings) {
      const { filters, approach } = patch.settings
      checkStrategies(c, [
        ...filters.exclude.map((s, i) => ({ path: `settings.filters.exclude.${i}`, id: s })),
        ...filters.inUse.map((s, i) => ({ path: `settings.filters.inUse.${i}`, id: s })),
        ...approach.map((s, i) => ({ path: `settings.approach.${i}`, id: s })),
      ])
    }
    const round = await c.var.workspaces.updateRound(id, roundId, patch, c.var.now())
    if (!round) throw new ApiError(404, 'not_found', 'No such round in this workspace')
    return c.json(presentRound(c, round), 200)
  })
  .openapi(renewLink, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const hashOf = respondentHash(c)
    const round = await c.var.workspaces.setRespondentLink(id, roundId, (generation) => hashOf(roundId, generation))
    if (!round) throw new ApiError(404, 'not_found', 'No such round in this workspace')
    return c.json(presentRound(c, round), 200)
  })
  .openapi(revokeLink, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const round = await c.var.workspaces.setRespondentLink(id, roundId, null)
    if (!round) throw new ApiError(404, 'not_found', 'No such round in this workspace')
    return c.json(presentRound(c, round), 200)
  })
  .openapi(profile, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const { lang, group } = c.req.valid('query')
    const round = await roundOr404(c, id, roundId)
    const ref = { id: round.id, label: round.label, revision: round.revision }
    if (group === undefined) return c.json({ ...presentProfile(c.var.kb, await roundProfile(c, round), lang), round: ref }, 200)
    const split = await roundSplit(c, round, (await c.var.workspaces.getWorkspace(id))?.groups ?? [])
    const row = split.groups.find((g) => g.group === group)
    if (!row || row.suppressed !== null) {
      throw new ApiError(
        409,
        'too_few_answers',
        `Too few answers to show for group '${group}': fewer than ${split.minGroupSize}, or they could be worked out from the other groups`
      )
    }
    return c.json({ ...presentProfile(c.var.kb, row.profile, lang), round: ref }, 200)
  })
  .openapi(subgroups, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const [round, workspace] = await Promise.all([roundOr404(c, id, roundId), c.var.workspaces.getWorkspace(id)])
    if (!workspace) throw workspaceNotFound()
    const split = await roundSplit(c, round, workspace.groups)
    return c.json(
      {
        round: { id: round.id, label: round.label, revision: round.revision },
        minGroupSize: split.minGroupSize,
        respondents: split.respondents,
        groups: split.groups.map((g) => {
          if (g.suppressed !== null) return { group: g.group, n: g.n, suppressed: g.suppressed }
          const shown = presentProfile(c.var.kb, g.profile, lang)
          return {
            group: g.group,
            n: g.n,
            suppressed: null,
            determinants: shown.determinants.map((d) => ({ ...d, suppressed: g.hidden.get(d.number) ?? null })),
            barriers: shown.barriers,
          }
        }),
      },
      200
    )
  })
  .openapi(listSubmissions, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const round = await roundOr404(c, id, roundId)
    const submissions = await c.var.workspaces.listSubmissions(round.id)
    return c.json(
      {
        submissions: submissions.map((s) => ({ id: s.id, role: s.role, group: s.group, answers: { ...s.answers }, receivedAt: s.receivedAt })),
      },
      200
    )
  })
  .openapi(deleteSubmission, async (c) => {
    const { id, roundId, submissionId } = c.req.valid('param')
    const round = await roundOr404(c, id, roundId)
    if (!(await c.var.workspaces.deleteSubmission(round.id, submissionId))) {
      throw new ApiError(404, 'not_found', 'No such submission in this round')
    }
    return c.body(null, 204)
  })
  .openapi(getPlan, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const round = await roundOr404(c, id, roundId)
    return c.json(presentPlan(c, await c.var.workspaces.getPlan(round.id)), 200)
  })
  .openapi(putPlan, async (c) => {
    const { id, roundId } = c.req.valid('param')
    const body = c.req.valid('json')
    const round = await roundOr404(c, id, roundId)
    const current = await c.var.workspaces.getPlan(round.id)
    // Strategies the plan already held stay even if the knowledge base dropped them since.
    const held = new Set(current.entries.map((e) => e.strategy))
    checkStrategies(
      c,
      body.entries.flatMap((e, i) => (held.has(e.strategy) ? [] : [{ path: `entries.${i}.strategy`, id: e.strategy }]))
    )
    const saved = await c.var.workspaces.savePlan(round.id, body, c.var.now())
    if (saved === 'stale') {
      const current = presentPlan(c, await c.var.workspaces.getPlan(round.id))
      return c.json(
        {
          ...envelope('stale_plan', `Someone saved this plan since revision ${body.baseRevision}; it is now at revision ${current.revision}`),
          current,
        },
        409
      )
    }
    return c.json(presentPlan(c, await c.var.workspaces.getPlan(round.id)), 200)
  })
  .openapi(compare, async (c) => {
    const { id } = c.req.valid('param')
    const q = c.req.valid('query')
    const [from, to] = await Promise.all([roundOr404(c, id, q.from), roundOr404(c, id, q.to)])
    const [before, after] = await Promise.all([roundProfile(c, from), roundProfile(c, to)])
    const kb = c.var.kb
    const comparison = compareRounds(before.determinants, after.determinants)
    const plan = await c.var.workspaces.getPlan(from.id)
    const linked = (strategy: string) => new Set((kb.linksByStrategy.get(strategy) ?? []).map((l) => l.determinant))
    const names = kb.names[q.lang]
    const result = (d: (typeof comparison)[number]['from']) => ({
      n: d.n,
      negativeShare: d.negativeShare,
      positiveShare: d.positiveShare,
      status: d.status,
    })
    return c.json(
      {
        from: { id: from.id, label: from.label, respondents: before.respondents },
        to: { id: to.id, label: to.label, respondents: after.respondents },
        determinants: comparison.map((d) => ({
          number: d.number,
          name: names.get(d.number) ?? String(d.number),
          from: result(d.from),
          to: result(d.to),
          negativeDelta: d.negativeDelta,
          change: d.change,
        })),
        strategies: strategiesBehindImprovements(comparison, plan.entries, linked).map((s) => ({
          ...s,
          name: kb.strategy.get(s.strategy)?.name[q.lang] ?? s.strategy,
        })),
      },
      200
    )
  })
  .openapi(exportLong, async (c) => {
    const { id } = c.req.valid('param')
    const q = c.req.valid('query')
    const round = q.round ? await roundOr404(c, id, q.round) : null
    const rounds = round ? [round] : await c.var.workspaces.listRounds(id)
    const csv = toCsv(tidyRows(await exportRounds(c, rounds), c.var.kb.questionnaire))
    c.header('Content-Disposition', `attachment; filename="${longFileName(round)}"`)
    c.header('Cache-Control', 'no-store')
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })
  .openapi(exportCodebook, async (c) => {
    const { lang } = c.req.valid('query')
    c.header('Content-Disposition', 'attachment; filename="strategiewijzer-codebook.csv"')
    return c.body(toCsv(codebookRows(codebookItems(c.var.kb, lang))), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })
  .openapi(exportSpss, async (c) => {
    const { id } = c.req.valid('param')
    const q = c.req.valid('query')
    const round = q.round ? await roundOr404(c, id, q.round) : null
    c.header('Content-Disposition', `attachment; filename="${longFileName(round).replace(/\.csv$/, '.sps')}"`)
    return c.text(spssSyntax(longFileName(round), c.var.kb.names[q.lang], q.lang), 200)
  })
  .openapi(exportWorkspace, async (c) => {
    const { id } = c.req.valid('param')
    const dump = await c.var.workspaces.dumpWorkspace(id)
    if (!dump) throw workspaceNotFound()
    const now = c.var.now()
    const day = new Date(now).toISOString().slice(0, 10)
    c.header('Content-Disposition', `attachment; filename="strategiewijzer-workspace-${day}.json"`)
    c.header('Cache-Control', 'no-store')
    const file: z.input<typeof WorkspaceDumpIn> = { format: EXPORT_FORMAT, version: 1, exportedAt: now, ...structuredClone(dump) } as z.input<typeof WorkspaceDumpIn>
    return c.json(file as z.infer<typeof WorkspaceDumpIn>, 200)
  })
