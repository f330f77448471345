/**
 * @module /api/networks: learning networks. A facilitator creates a network (and gets its
 * facilitator link), invites schools and inner networks, and reads the overview, what the
 * schools learned, the workbook rows and the session handout, all aggregates only
 * (server/domain/network.ts, docs/networks.md). A school joins and leaves from its own
 * workspace, with its team link (/api/workspaces/{id}/networks).
 */
import { createRoute, type RouteConfig, type RouteConfigToTypedResponse } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  DEFAULT_MIN_GROUP_SIZE,
  NETWORK_LIMITS,
  networkHandout,
  networkLearning,
  networkOverview,
  networkWorkbook,
  type NetworkInput,
  type NetworkOverview,
  type OverviewFilter,
} from '../domain/network.ts'
import type { Lang } from '../domain/vocabulary.ts'
import { ApiError } from '../http/errors.ts'
import { networkNotFound, requireFacilitator } from '../http/facilitator-auth.ts'
import { networkAnswer } from '../http/present-network.ts'
import { toCsv } from '../domain/csv-write.ts'
import { networkTidyRows } from '../domain/tidy-export.ts'
import { origin } from '../http/present-workspace.ts'
import { createRouter, type AppEnv } from '../http/router.ts'
import { z } from 'zod'
import { requireTeam } from '../http/team-auth.ts'
import { hashToken, newFacilitatorToken, newId, newInviteToken } from '../http/tokens.ts'
import {
  HandoutOut,
  InvitationCreated,
  JoinIn,
  Joined,
  LangOnlyQuery,
  LeaveQuery,
  LearningOut,
  NetworkCreate,
  NetworkCreated,
  NetworkOut,
  NetworkParam,
  NetworkPatch,
  OverviewOut,
  OverviewQuery,
  WorkbookOut,
  WorkspaceNetworks,
} from '../schemas/network.ts'
import { WorkspaceParam } from '../schemas/workspace.ts'
import { errors, json } from './responses.ts'

/** An invitation link works once, for this long. */
export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000

const tags = ['Networks']
const facilitator = { tags, security: [{ facilitatorToken: [] }], middleware: requireFacilitator }
const authErrors = {
  401: json(errors[400].content['application/json'].schema, 'No facilitator token, or one of another kind'),
  404: errors[404],
}
const team = { tags, security: [{ teamToken: [] }], middleware: requireTeam }
const noContent = { description: 'Done' }

// ── Definitions ──────────────────────────────────────────────────────────────────────────

const createNetwork = createRoute({
  method: 'post',
  path: '/networks',
  tags,
  operationId: 'createNetwork',
  summary: 'Create a learning network; the answer holds its facilitator link (shown only now)',
  request: { body: { required: true, content: { 'application/json': { schema: NetworkCreate } } } },
  responses: { 201: json(NetworkCreated, 'The network and its facilitator link'), 400: errors[400] },
})

const getNetwork = createRoute({
  ...facilitator,
  method: 'get',
  path: '/networks/{id}',
  operationId: 'getNetwork',
  summary: 'The network: its settings, schools, inner networks and outer network',
  request: { params: NetworkParam },
  responses: { 200: json(NetworkOut, 'The network'), ...authErrors },
})

const patchNetwork = createRoute({
  ...facilitator,
  method: 'patch',
  path: '/networks/{id}',
  operationId: 'updateNetwork',
  summary: 'Change the name or the minimum group size (never below 3)',
  request: { params: NetworkParam, body: { required: true, content: { 'application/json': { schema: NetworkPatch } } } },
  responses: { 200: json(NetworkOut, 'The network'), 400: errors[400], ...authErrors },
})

const deleteNetwork = createRoute({
  ...facilitator,
  method: 'delete',
  path: '/networks/{id}',
  operationId: 'deleteNetwork',
  summary: 'Delete the network; its schools keep their workspaces, its inner networks stand alone',
  request: { params: NetworkParam },
  responses: { 204: noContent, ...authErrors },
})

const replaceFacilitatorLink = createRoute({
  ...facilitator,
  method: 'post',
  path: '/networks/{id}/facilitator-link',
  operationId: 'replaceFacilitatorLink',
  summary: 'Replace the facilitator link (say it was shown on a projector): the answer holds the new one, shown only now; every earlier one stops working at once',
  request: { params: NetworkParam },
  responses: { 201: json(NetworkCreated, 'The network and its new facilitator link'), ...authErrors },
})

const createInvitation = createRoute({
  ...facilitator,
  method: 'post',
  path: '/networks/{id}/invitations',
  operationId: 'createInvitation',
  summary: 'An invitation link for one school or inner network: it works once, for 14 days',
  request: { params: NetworkParam },
  responses: { 201: json(InvitationCreated, 'The invitation'), ...authErrors },
})

const joinParent = createRoute({
  ...facilitator,
  method: 'post',
  path: '/networks/{id}/parent',
  operationId: 'joinOuterNetwork',
  summary: "Make this network an inner network of the one that invited it (its facilitator then sees this one pooled)",
  request: { params: NetworkParam, body: { required: true, content: { 'application/json': { schema: JoinIn } } } },
  responses: { 200: json(Joined, 'Joined'), 400: errors[400], 409: errors[400], 422: errors[422], ...authErrors },
})

const leaveParent = createRoute({
  ...facilitator,
  method: 'delete',
  path: '/networks/{id}/parent',
  operationId: 'leaveOuterNetwork',
  summary: 'Leave the outer network, at once',
  request: { params: NetworkParam },
  responses: { 204: noContent, ...authErrors },
})

const overview = createRoute({
  ...facilitator,
  method: 'get',
  path: '/networks/{id}/overview',
  operationId: 'getNetworkOverview',
  summary: "Per school the round's barrier profile side by side (aggregates only: a school under the minimum group size is suppressed)",
  request: { params: NetworkParam, query: OverviewQuery },
  responses: { 200: json(OverviewOut, 'The overview'), 400: errors[400], ...authErrors },
})

const learning = createRoute({
  ...facilitator,
  method: 'get',
  path: '/networks/{id}/learning',
  operationId: 'getNetworkLearning',
  summary: 'What the schools learned: per strategy, the schools running it and the change in its barriers there',
  request: { params: NetworkParam, query: OverviewQuery },
  responses: { 200: json(LearningOut, 'Per strategy'), 400: errors[400], ...authErrors },
})

const workbook = createRoute({
  ...facilitator,
  method: 'get',
  path: '/networks/{id}/workbook',
  operationId: 'getNetworkWorkbook',
  summary: 'The rows of the Excel file: one sheet per round, schools × determinants (negative share)',
  request: { params: NetworkParam, query: LangOnlyQuery },
  responses: { 200: json(WorkbookOut, 'The sheets'), 400: errors[400], ...authErrors },
})

const exportLong = createRoute({
  ...facilitator,
  method: 'get',
  path: '/networks/{id}/export/long',
  operationId: 'exportNetworkLong',
  summary: "The network's aggregates as tidy long-format CSV: per round, school or inner network × determinant (n, shares, verdict)",
  description:
    'Aggregates only, as the overview shows them: a school or cell under the minimum group size has its n and the status `suppressed`, never a share; totals add up shown rows only.',
  request: { params: NetworkParam, query: LangOnlyQuery },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'The long CSV' }, 400: errors[400], ...authErrors },
})

const handout = createRoute({
  ...facilitator,
  method: 'get',
  path: '/networks/{id}/handout',
  operationId: 'getNetworkHandout',
  summary: 'What the printed session handout shows',
  request: { params: NetworkParam, query: OverviewQuery },
  responses: { 200: json(HandoutOut, 'The handout'), 400: errors[400], ...authErrors },
})

const listMemberships = createRoute({
  ...team,
  method: 'get',
  path: '/workspaces/{id}/networks',
  operationId: 'listWorkspaceNetworks',
  summary: 'The learning networks this workspace is in',
  request: { params: WorkspaceParam },
  responses: { 200: json(WorkspaceNetworks, 'The networks'), ...authErrors },
})

const join = createRoute({
  ...team,
  method: 'post',
  path: '/workspaces/{id}/networks',
  operationId: 'joinNetwork',
  summary: "Join a learning network with its invitation: its facilitator then sees the workspace's aggregates",
  request: { params: WorkspaceParam, body: { required: true, content: { 'application/json': { schema: JoinIn } } } },
  responses: { 200: json(Joined, 'Joined (or already in it)'), 400: errors[400], 409: errors[400], 422: errors[422], ...authErrors },
})

const leave = createRoute({
  ...team,
  method: 'delete',
  path: '/workspaces/{id}/networks',
  operationId: 'leaveNetwork',
  summary: 'Leave a learning network (?network=<id>): the workspace disappears from it at once',
  request: { params: WorkspaceParam, query: LeaveQuery },
  responses: { 204: noContent, 400: errors[400], ...authErrors },
})

// ── Handlers ─────────────────────────────────────────────────────────────────────────────

type Ctx = Context<AppEnv>

const networkLink = (c: Ctx, id: string, token: string) => `${origin(c)}/n/${id}#${token}`
const joinLink = (c: Ctx, token: string) => `${origin(c)}/n/join#${token}`

const invalidInvitation = () =>
  new ApiError(422, 'invalid_invitation', 'This invitation was used, has expired or does not exist; ask the facilitator for a new one', [
    { path: 'inviteToken', message: 'used, expired or unknown' },
  ])

async function presentNetwork(c: Ctx, id: string) {
  const [network, tree] = await Promise.all([c.var.networks.getNetwork(id), c.var.networks.networkTree(id)])
  if (!network || !tree) throw networkNotFound()
  const parent = network.parentId ? await c.var.networks.getNetwork(network.parentId) : null
  return {
    id: network.id,
    name: network.name,
    minGroupSize: network.minGroupSize,
    createdAt: network.createdAt,
    updatedAt: network.updatedAt,
    parent: parent ? { id: parent.id, name: parent.name } : null,
    schools: tree.schools.map((s) => ({ workspace: s.workspaceId, name: s.name, joinedAt: s.joinedAt })),
    networks: tree.children.map((ch) => ({ id: ch.network.id, name: ch.network.name })),
  }
}

/** The 200 answer of a route, as c.json would type it, for a body serialised by hand. */
type JsonAnswer<R extends RouteConfig> = Response & Extract<RouteConfigToTypedResponse<R>, { _status: 200 }>

/**
 * The answer of a view, from the cache while nothing of the network changed (no network read
 * beyond its stamp, no scoring, no serialising).
 */
async function cachedView<R extends RouteConfig, T>(c: Ctx, id: string, variant: unknown[], build: (input: NetworkInput) => T): Promise<JsonAnswer<R>> {
  const bytes = await networkAnswer(c, id, JSON.stringify(variant), build)
  if (!bytes) throw networkNotFound()
  return c.body(bytes, 200, { 'Content-Type': 'application/json' }) as unknown as JsonAnswer<R>
}

const strategyName = (c: Ctx, lang: Lang) => (id: string) => c.var.kb.strategy.get(id)?.name[lang] ?? id
const linkedTo = (c: Ctx) => (strategy: string) => new Set((c.var.kb.linksByStrategy.get(strategy) ?? []).map((l) => l.determinant))

/** The overview with names; the domain's readonly records as the wire's plain arrays. */
function presentOverview(c: Ctx, o: NetworkOverview, lang: Lang): OverviewOut {
  const name = strategyName(c, lang)
  const names = c.var.kb.names[lang]
  return {
    ...o,
    determinants: c.var.kb.questionnaire.determinants
      .filter((d) => o.group === null || d.group === o.group)
      .map((d) => ({ number: d.number, name: names.get(d.number) ?? String(d.number), group: d.group })),
    schools: o.schools.map((s) => ({ ...s, strategies: s.strategies.map((x) => ({ ...x, name: name(x.strategy) })) })),
  } as OverviewOut
}

const filterOf = (q: { round?: string | undefined; group?: OverviewFilter['group'] }): OverviewFilter => ({ round: q.round, group: q.group })

export const networkRoutes = createRouter()
  .openapi(createNetwork, async (c) => {
    const body = c.req.valid('json')
    const id = newId()
    const token = newFacilitatorToken()
    await c.var.networks.createNetwork({
      network: { id, name: body.name, minGroupSize: body.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE },
      token: { id: newId(), hash: hashToken(token) },
      now: c.var.now(),
    })
    return c.json({ id, facilitatorToken: token, links: { network: networkLink(c, id, token) } }, 201)
  })
  .openapi(getNetwork, async (c) => c.json(await presentNetwork(c, c.req.valid('param').id), 200))
  .openapi(patchNetwork, async (c) => {
    const { id } = c.req.valid('param')
    if (!(await c.var.networks.updateNetwork(id, c.req.valid('json'), c.var.now()))) throw networkNotFound()
    return c.json(await presentNetwork(c, id), 200)
  })
  .openapi(deleteNetwork, async (c) => {
    if (!(await c.var.networks.deleteNetwork(c.req.valid('param').id))) throw networkNotFound()
    return c.body(null, 204)
  })
  .openapi(replaceFacilitatorLink, async (c) => {
    const { id } = c.req.valid('param')
    const token = newFacilitatorToken()
    if (!(await c.var.networks.replaceFacilitatorToken(id, { id: newId(), hash: hashToken(token) }, c.var.now()))) throw networkNotFound()
    return c.json({ id, facilitatorToken: token, links: { network: networkLink(c, id, token) } }, 201)
  })
  .openapi(createInvitation, async (c) => {
    const { id } = c.req.valid('param')
    const token = newInviteToken()
    const expiresAt = c.var.now() + INVITATION_LIFETIME_MS
    await c.var.networks.createInvitation(id, { id: newId(), hash: hashToken(token), expiresAt }, c.var.now())
    return c.json({ inviteToken: token, expiresAt, links: { join: joinLink(c, token) } }, 201)
  })
  .openapi(joinParent, async (c) => {
    const { id } = c.req.valid('param')
    const { inviteToken } = c.req.valid('json')
    const outcome = await c.var.networks.joinParentWithInvitation({
      tokenHash: hashToken(inviteToken),
      childId: id,
      now: c.var.now(),
      maxChildren: NETWORK_LIMITS.children,
      maxDepth: NETWORK_LIMITS.depth,
    })
    switch (outcome.outcome) {
      case 'joined':
        return c.json({ network: { id: outcome.network.id, name: outcome.network.name }, joined: true }, 200)
      case 'invalid-invitation':
        throw invalidInvitation()
      case 'full':
        throw new ApiError(409, 'limit_reached', `A network holds at most ${NETWORK_LIMITS.children} inner networks`)
      case 'cycle':
        throw new ApiError(409, 'cycle', 'A network cannot be inside itself or one of its own inner networks')
      case 'too-deep':
        throw new ApiError(409, 'too_deep', `Networks nest at most ${NETWORK_LIMITS.depth} levels deep`)
    }
  })
  .openapi(leaveParent, async (c) => {
    await c.var.networks.leaveParent(c.req.valid('param').id)
    return c.body(null, 204)
  })
  .openapi(overview, async (c) => {
    const { id } = c.req.valid('param')
    const q = c.req.valid('query')
    return cachedView<typeof overview, OverviewOut>(c, id, ['overview', q.round, q.group, q.lang], (input) =>
      presentOverview(c, networkOverview(input, filterOf(q)), q.lang)
    )
  })
  .openapi(learning, async (c) => {
    const { id } = c.req.valid('param')
    const q = c.req.valid('query')
    const name = strategyName(c, q.lang)
    const linked = linkedTo(c)
    return cachedView<typeof learning, LearningOut>(c, id, ['learning', q.round, q.group, q.lang], (input) => {
      const o = networkOverview(input, filterOf(q))
      return {
        round: o.round,
        // The domain's readonly records, as the wire's plain arrays.
        strategies: networkLearning(input, o, linked).map((s) => ({
          ...s,
          name: name(s.strategy),
          linked: [...linked(s.strategy)].sort((a, b) => a - b),
        })) as LearningOut['strategies'],
      }
    })
  })
  .openapi(workbook, async (c) => {
    const { id } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const names = c.var.kb.names[lang]
    return cachedView<typeof workbook, z.infer<typeof WorkbookOut>>(c, id, ['workbook', lang], (input) => {
      const rounds = networkOverview(input, {}).rounds
      const sheets = networkWorkbook(
        rounds.map((round) => networkOverview(input, { round })),
        {
          school: 'School',
          network: lang === 'nl' ? 'Netwerk' : 'Network',
          total: lang === 'nl' ? 'Totaal (getoonde scholen)' : 'Total (schools shown)',
          n: 'n',
          tooFew: lang === 'nl' ? 'te weinig antwoorden om te tonen' : 'too few answers to show',
          determinant: (d) => `${d}. ${names.get(d) ?? ''}`.trim(),
        }
      )
      return { sheets: sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })) }
    })
  })
  .openapi(exportLong, async (c) => {
    const { id } = c.req.valid('param')
    const bytes = await networkAnswer(
      c,
      id,
      JSON.stringify(['export-long']),
      (input) => toCsv(networkTidyRows(networkOverview(input, {}).rounds.map((round) => networkOverview(input, { round })))),
      (csv) => csv as string
    )
    if (!bytes) throw networkNotFound()
    c.header('Content-Disposition', 'attachment; filename="strategiewijzer-network-long.csv"')
    c.header('Cache-Control', 'no-store')
    return c.body(bytes, 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })
  .openapi(handout, async (c) => {
    const { id } = c.req.valid('param')
    const q = c.req.valid('query')
    const names = c.var.kb.names[q.lang]
    const dName = (d: number) => names.get(d) ?? String(d)
    const sName = strategyName(c, q.lang)
    return cachedView<typeof handout, HandoutOut>(c, id, ['handout', q.round, q.group, q.lang], (input) => {
      const o = networkOverview(input, filterOf(q))
      const h = networkHandout(o, networkLearning(input, o, linkedTo(c)))
      return {
        ...h,
        sharedBarriers: h.sharedBarriers.map((b) => ({ ...b, name: dName(b.number) })),
        rows: h.rows.map((r) => ({
          ...r,
          barriers: r.barriers.map((b) => ({ ...b, name: dName(b.number) })),
          strategies: r.strategies.map((s) => ({ ...s, name: sName(s.strategy) })),
        })),
        learned: h.learned.map((l) => ({ ...l, name: sName(l.strategy) })),
      } as HandoutOut
    })
  })
  .openapi(listMemberships, async (c) => {
    const { id } = c.req.valid('param')
    return c.json({ networks: await c.var.networks.listNetworksOfWorkspace(id) }, 200)
  })
  .openapi(join, async (c) => {
    const { id } = c.req.valid('param')
    const { inviteToken } = c.req.valid('json')
    const outcome = await c.var.networks.joinWithInvitation({
      tokenHash: hashToken(inviteToken),
      workspaceId: id,
      now: c.var.now(),
      maxSchools: NETWORK_LIMITS.schools,
    })
    if (outcome.outcome === 'invalid-invitation') throw invalidInvitation()
    if (outcome.outcome === 'full') throw new ApiError(409, 'limit_reached', `A network holds at most ${NETWORK_LIMITS.schools} schools`)
    return c.json({ network: { id: outcome.network.id, name: outcome.network.name }, joined: outcome.outcome === 'joined' }, 200)
  })
  .openapi(leave, async (c) => {
    const { id } = c.req.valid('param')
    const { network } = c.req.valid('query')
    if (!(await c.var.networks.leaveNetwork(network, id))) {
      throw new ApiError(404, 'not_found', 'This workspace is not in that network')
    }
    return c.body(null, 204)
  })
