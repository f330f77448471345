/**
 * @module /api/ratings: expert rating studies (docs/expert-rating.md). A research team creates
 * a study (and gets its owner link), invites experts by personal links, reads the results per
 * round, ends rounds, exports, and — with the administrator's token as well — feeds the finished
 * study into the knowledge base as a source, or removes it again. An expert reads the ballot
 * and saves answers one by one with the expert link.
 */
import { createRoute } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { z } from 'zod'
import type { Expert, Study } from '../db/rating-repository.ts'
import {
  afterRound,
  pairKey,
  ratedLinks,
  roundResults,
  selectLinks,
  strengthOf,
  STUDY_LIMITS,
  studySourceId,
  studySourceLabel,
  tidyCsv,
  type Answer,
  type StudyLink,
} from '../domain/expert-rating.ts'
import type { Lang } from '../domain/vocabulary.ts'
import { requireAdmin } from '../http/admin-auth.ts'
import { ApiError } from '../http/errors.ts'
import { origin } from '../http/present-workspace.ts'
import { createRouter, type AppEnv } from '../http/router.ts'
import { requireExpert, requireStudyOwner, studyNotFound } from '../http/study-auth.ts'
import { expertToken, hashToken, newId, newStudyOwnerToken } from '../http/tokens.ts'
import {
  AnswerIn,
  AnswerSaved,
  BallotOut,
  ExpertLink,
  ExpertParam,
  ExpertsAdd,
  ExpertsAdded,
  FedOut,
  LangQuery,
  ResultsOut,
  RoundEnd,
  StudyCreate,
  StudyCreated,
  StudyOut,
  StudyParam,
} from '../schemas/rating.ts'
import { errors, json } from './responses.ts'

const tags = ['Expert rating']
const owner = { tags, security: [{ studyOwnerToken: [] }], middleware: requireStudyOwner }
const admin = { tags, security: [{ studyOwnerToken: [], adminToken: [] }], middleware: [requireStudyOwner, requireAdmin] }
const expert = { tags, security: [{ expertToken: [] }], middleware: requireExpert }
const authErrors = {
  401: json(errors[400].content['application/json'].schema, 'No token, or one of another kind'),
  404: errors[404],
}
const conflict = json(errors[400].content['application/json'].schema, 'The study is not in a state that allows this')

// ── Definitions ──────────────────────────────────────────────────────────────────────────

const createStudy = createRoute({
  method: 'post',
  path: '/ratings',
  tags,
  operationId: 'createRatingStudy',
  summary: 'Create an expert rating study; the answer holds its owner link (shown only now) and the first expert links',
  request: { body: { required: true, content: { 'application/json': { schema: StudyCreate } } } },
  responses: { 201: json(StudyCreated, 'The study'), 400: errors[400], 422: errors[422] },
})

const getStudy = createRoute({
  ...owner,
  method: 'get',
  path: '/ratings/{id}',
  operationId: 'getRatingStudy',
  summary: 'The study: settings, links, experts (pseudonyms and links) and its state',
  request: { params: StudyParam, query: LangQuery },
  responses: { 200: json(StudyOut, 'The study'), 400: errors[400], ...authErrors },
})

const addExperts = createRoute({
  ...owner,
  method: 'post',
  path: '/ratings/{id}/experts',
  operationId: 'addRatingExperts',
  summary: 'Make more expert links (each expert gets a pseudonym E01, E02, …)',
  request: { params: StudyParam, body: { required: true, content: { 'application/json': { schema: ExpertsAdd } } } },
  responses: { 201: json(ExpertsAdded, 'The new expert links'), 400: errors[400], 409: conflict, ...authErrors },
})

const renewExpertLink = createRoute({
  ...owner,
  method: 'post',
  path: '/ratings/{id}/experts/{pseudonym}/link',
  operationId: 'renewExpertLink',
  summary: 'Make the expert a new link (say the old one was forwarded by mistake): the old link stops working at once; the expert’s answers stay',
  request: { params: ExpertParam },
  responses: { 200: json(ExpertLink, 'The expert’s new link'), 400: errors[400], ...authErrors },
})

const results = createRoute({
  ...owner,
  method: 'get',
  path: '/ratings/{id}/results',
  operationId: 'getRatingResults',
  summary: 'Per round and link: median, IQR, IPRAS, disagreement, agreement, n, verdict and the comments without names',
  request: { params: StudyParam, query: LangQuery },
  responses: { 200: json(ResultsOut, 'The results'), 400: errors[400], ...authErrors },
})

const exportCsv = createRoute({
  ...owner,
  method: 'get',
  path: '/ratings/{id}/export',
  operationId: 'exportRatings',
  summary: 'Tidy CSV: one row per expert pseudonym × link × round × question',
  request: { params: StudyParam },
  responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'The ratings' }, ...authErrors },
})

const endRound = createRoute({
  ...owner,
  method: 'post',
  path: '/ratings/{id}/rounds/end',
  operationId: 'endRatingRound',
  summary: 'End the open round: the next opens, or the study closes (every link at the rule, the last round, or closeStudy)',
  request: { params: StudyParam, query: LangQuery, body: { required: true, content: { 'application/json': { schema: RoundEnd } } } },
  responses: { 200: json(StudyOut, 'The study'), 400: errors[400], 409: conflict, ...authErrors },
})

const feed = createRoute({
  ...admin,
  method: 'post',
  path: '/ratings/{id}/knowledge-base',
  operationId: 'feedRatingStudy',
  summary: 'Make the closed study a source of the knowledge base (needs the owner link and X-Admin-Token)',
  request: { params: StudyParam },
  responses: { 200: json(FedOut, 'Fed'), 403: json(errors[400].content['application/json'].schema, 'No or a wrong administrator token'), 409: conflict, ...authErrors },
})

const unfeed = createRoute({
  ...admin,
  method: 'delete',
  path: '/ratings/{id}/knowledge-base',
  operationId: 'removeRatingStudySource',
  summary: 'Remove the study’s source and its links from the knowledge base (needs the owner link and X-Admin-Token)',
  request: { params: StudyParam },
  responses: { 204: { description: 'Removed' }, 403: json(errors[400].content['application/json'].schema, 'No or a wrong administrator token'), ...authErrors },
})

const deleteStudy = createRoute({
  ...owner,
  method: 'delete',
  path: '/ratings/{id}',
  operationId: 'deleteRatingStudy',
  summary: 'Delete the study with its experts and all their answers, at once; every link of it stops working. Refused (409) while the study is a source of the knowledge base',
  request: { params: StudyParam },
  responses: { 204: { description: 'Deleted' }, 409: conflict, ...authErrors },
})

const ballot = createRoute({
  ...expert,
  method: 'get',
  path: '/ratings/{id}/ballot',
  operationId: 'getBallot',
  summary: 'The expert’s ballot: the links with their evidence, the expert’s own answers and, from round 2, the panel’s previous round',
  request: { params: StudyParam, query: LangQuery },
  responses: { 200: json(BallotOut, 'The ballot'), 400: errors[400], ...authErrors },
})

const answer = createRoute({
  ...expert,
  method: 'put',
  path: '/ratings/{id}/ballot',
  operationId: 'saveAnswer',
  summary: 'Save one answer of the open round (fields left out keep their value)',
  request: { params: StudyParam, body: { required: true, content: { 'application/json': { schema: AnswerIn } } } },
  responses: { 200: json(AnswerSaved, 'Saved'), 400: errors[400], 409: conflict, 422: errors[422], ...authErrors },
})

// ── Handlers ─────────────────────────────────────────────────────────────────────────────

type Ctx = Context<AppEnv>

const ownerLink = (c: Ctx, id: string, token: string) => `${origin(c)}/x/${id}#${token}`
const expertLink = (c: Ctx, id: string, e: Expert) => `${origin(c)}/x/${id}/rate#${expertToken(c.var.tokenSecret, e.id, e.linkGeneration)}`
const isOpen = (s: Study) => s.closedAt === null

async function studyOf(c: Ctx, id: string): Promise<Study> {
  const study = await c.var.ratings.getStudy(id)
  if (!study) throw studyNotFound()
  return study
}

const pairOut = (c: Ctx, l: StudyLink, lang: Lang) => ({
  determinant: l.determinant,
  determinantName: c.var.kb.names[lang].get(l.determinant) ?? String(l.determinant),
  strategy: l.strategy,
  strategyName: c.var.kb.strategy.get(l.strategy)?.name[lang] ?? l.strategy,
})

async function presentStudy(c: Ctx, study: Study, lang: Lang) {
  const [links, experts, answers] = await Promise.all([
    c.var.ratings.studyLinks(study.id),
    c.var.ratings.listExperts(study.id),
    c.var.ratings.listAnswers(study.id),
  ])
  const source = study.sourceId ? c.var.kb.source.get(study.sourceId) : undefined
  return {
    id: study.id,
    name: study.name,
    questions: [...study.questions],
    rounds: study.rounds,
    rule: study.rule,
    currentRound: study.currentRound,
    status: isOpen(study) ? ('open' as const) : ('closed' as const),
    closedReason: study.closedReason,
    closedAt: study.closedAt,
    source: study.sourceId ? { id: study.sourceId, label: source ? source.label[lang] : study.sourceId } : null,
    createdAt: study.createdAt,
    links: links.map((l) => pairOut(c, l, lang)),
    experts: experts.map((e) => ({
      pseudonym: e.pseudonym,
      link: expertLink(c, study.id, e),
      lastSeenAt: e.lastSeenAt,
      answered: answers.filter((a) => a.expert === e.id && a.round === study.currentRound && a.relevance !== null).length,
    })),
  }
}

/** The comments of one link in one round, without names, in alphabetical order. */
const commentsOf = (answers: readonly Answer[], round: number, l: StudyLink) =>
  answers
    .filter((a) => a.round === round && pairKey(a) === pairKey(l) && a.comment)
    .map((a) => a.comment as string)
    .sort((a, b) => a.localeCompare(b))

/** Experts who rated at least one link in `round`. */
const ratersIn = (answers: readonly Answer[], round: number) =>
  new Set(answers.filter((a) => a.round === round && a.relevance !== null).map((a) => a.expert)).size

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The study's source id: readable, lowercase (as knowledge-base ids are), one per study. */
const sourceIdOf = (studyId: string) => studySourceId(Buffer.from(studyId, 'base64url').toString('hex'))

export const ratingRoutes = createRouter()
  .openapi(createStudy, async (c) => {
    const body = c.req.valid('json')
    const picked = selectLinks(body.selection, c.var.kb.content)
    if (!picked.ok) throw new ApiError(422, 'invalid_selection', picked.issues[0]?.message ?? 'invalid selection', picked.issues)
    const id = newId()
    const token = newStudyOwnerToken()
    const experts = Array.from({ length: body.experts }, () => newId())
    await c.var.ratings.createStudy({
      study: { id, name: body.name, questions: body.feasibility ? ['relevance', 'feasibility'] : ['relevance'], rounds: body.rounds, rule: body.rule },
      links: picked.links,
      ownerTokenHash: hashToken(token),
      experts: experts.map((e) => ({ id: e, tokenHash: hashToken(expertToken(c.var.tokenSecret, e)) })),
      now: c.var.now(),
    })
    const listed = await c.var.ratings.listExperts(id)
    return c.json({ id, ownerToken: token, links: { owner: ownerLink(c, id, token) }, experts: listed.map((e) => ({ pseudonym: e.pseudonym, link: expertLink(c, id, e) })) }, 201)
  })
  .openapi(getStudy, async (c) => {
    const study = await studyOf(c, c.req.valid('param').id)
    return c.json(await presentStudy(c, study, c.req.valid('query').lang), 200)
  })
  .openapi(addExperts, async (c) => {
    const { id } = c.req.valid('param')
    const study = await studyOf(c, id)
    if (!isOpen(study)) throw new ApiError(409, 'study_closed', 'This study is closed: it takes no more experts')
    const ids = Array.from({ length: c.req.valid('json').count }, () => newId())
    const outcome = await c.var.ratings.addExperts(
      id,
      ids.map((e) => ({ id: e, tokenHash: hashToken(expertToken(c.var.tokenSecret, e)) })),
      c.var.now(),
      STUDY_LIMITS.experts
    )
    if (outcome.outcome === 'full') throw new ApiError(409, 'limit_reached', `A study has at most ${STUDY_LIMITS.experts} experts`)
    return c.json({ experts: outcome.experts.map((e) => ({ pseudonym: e.pseudonym, link: expertLink(c, id, e) })) }, 201)
  })
  .openapi(results, async (c) => {
    const { id } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const study = await studyOf(c, id)
    const [links, answers, experts] = await Promise.all([c.var.ratings.studyLinks(id), c.var.ratings.listAnswers(id), c.var.ratings.listExperts(id)])
    const rounds = Array.from({ length: study.currentRound }, (_, i) => i + 1).map((round) => ({
      round,
      links: roundResults(links, answers, round, study.rule, study.questions).map((r) => ({
        ...pairOut(c, r, lang),
        relevance: { ...r.relevance, counts: [...r.relevance.counts] },
        feasibility: r.feasibility ? { ...r.feasibility, counts: [...r.feasibility.counts] } : null,
        consensus: r.consensus,
        verdict: r.verdict,
        strength: strengthOf(r),
        comments: commentsOf(answers, round, r),
      })),
    }))
    return c.json(
      {
        study: { id, name: study.name, questions: [...study.questions], rule: study.rule, currentRound: study.currentRound, status: isOpen(study) ? ('open' as const) : ('closed' as const), experts: experts.length },
        rounds,
      },
      200
    )
  })
  .openapi(exportCsv, async (c) => {
    const { id } = c.req.valid('param')
    const study = await studyOf(c, id)
    const [answers, experts] = await Promise.all([c.var.ratings.listAnswers(id), c.var.ratings.listExperts(id)])
    const csv = tidyCsv(answers, new Map(experts.map((e) => [e.id, e.pseudonym])), study.questions)
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="expert-rating-${id}.csv"`,
    }) as never
  })
  .openapi(endRound, async (c) => {
    const { id } = c.req.valid('param')
    const { round, closeStudy } = c.req.valid('json')
    const study = await studyOf(c, id)
    if (!isOpen(study)) throw new ApiError(409, 'study_closed', 'This study is closed already')
    if (study.currentRound !== round) {
      throw new ApiError(409, 'round_not_open', `Round ${round} is not the open round (that is round ${study.currentRound}); reload the page`, [{ path: 'round', message: 'not the open round' }])
    }
    const [links, answers] = await Promise.all([c.var.ratings.studyLinks(id), c.var.ratings.listAnswers(id)])
    const { close } = afterRound(roundResults(links, answers, round, study.rule, study.questions), round, study.rounds)
    const ended = await c.var.ratings.endRound(id, round, closeStudy ? (close ?? 'owner') : close, c.var.now())
    if (!ended) throw studyNotFound()
    return c.json(await presentStudy(c, ended, c.req.valid('query').lang), 200)
  })
  .openapi(feed, async (c) => {
    const { id } = c.req.valid('param')
    const study = await studyOf(c, id)
    if (isOpen(study)) throw new ApiError(409, 'study_open', 'Close the study before it feeds the knowledge base: its ratings may still change')
    const [links, answers] = await Promise.all([c.var.ratings.studyLinks(id), c.var.ratings.listAnswers(id)])
    const last = roundResults(links, answers, study.currentRound, study.rule, study.questions)
    const sourceId = sourceIdOf(id)
    const experts = ratersIn(answers, study.currentRound)
    const date = isoDate(study.closedAt ?? c.var.now())
    const label = studySourceLabel(study.name, date, experts)
    const rated = ratedLinks({ sourceId, name: study.name }, last)
    const rule = study.rule.kind === 'rand' ? 'RAND/UCLA IPRAS' : `${Math.round(study.rule.threshold * 100)}% agreement`
    await c.var.ratings.feedKnowledgeBase(
      id,
      {
        id: sourceId,
        label,
        citation: `Strategiewijzer expert rating "${study.name}", ${study.currentRound} round(s), ${experts} experts, closed ${date}; consensus rule: ${rule}.`,
        description: {
          nl: `Een expertpanel beoordeelde ${links.length} koppelingen in Strategiewijzer (${study.currentRound} ronde(s), ${experts} experts, regel: ${rule}). Sterkte volgens docs/expert-rating.md.`,
          en: `An expert panel rated ${links.length} links in Strategiewijzer (${study.currentRound} round(s), ${experts} experts, rule: ${rule}). Strength as in docs/expert-rating.md.`,
        },
      },
      rated,
      c.var.now()
    )
    return c.json(
      {
        source: { id: sourceId, label: label[c.req.query('lang') === 'en' ? 'en' : 'nl'] },
        links: rated.length,
        essential: rated.filter((l) => l.strength >= 0.5).length,
        rejected: rated.filter((l) => l.strength === 0).length,
      },
      200
    )
  })
  .openapi(unfeed, async (c) => {
    const { id } = c.req.valid('param')
    await studyOf(c, id)
    if (!(await c.var.ratings.removeFromKnowledgeBase(id, c.var.now()))) {
      throw new ApiError(404, 'not_found', 'This study is not in the knowledge base')
    }
    return c.body(null, 204)
  })
  .openapi(renewExpertLink, async (c) => {
    const { id, pseudonym } = c.req.valid('param')
    const renewed = await c.var.ratings.renewExpertLink(id, pseudonym, (expertId, generation) =>
      hashToken(expertToken(c.var.tokenSecret, expertId, generation))
    )
    if (!renewed) throw new ApiError(404, 'not_found', `This study has no expert ${pseudonym}`)
    return c.json({ pseudonym: renewed.pseudonym, link: expertLink(c, id, renewed) }, 200)
  })
  .openapi(deleteStudy, async (c) => {
    const outcome = await c.var.ratings.deleteStudy(c.req.valid('param').id)
    if (outcome === 'absent') throw studyNotFound()
    if (outcome === 'in-knowledge-base') {
      throw new ApiError(
        409,
        'in_knowledge_base',
        'The study is a source of the knowledge base: remove it from there first (DELETE /api/ratings/{id}/knowledge-base, with the administrator’s token), so that no link there loses the study it came from'
      )
    }
    return c.body(null, 204)
  })
  .openapi(ballot, async (c) => {
    const { id } = c.req.valid('param')
    const { lang } = c.req.valid('query')
    const study = await studyOf(c, id)
    const [links, answers] = await Promise.all([c.var.ratings.studyLinks(id), c.var.ratings.listAnswers(id)])
    const me = c.var.expertId
    const round = study.currentRound
    const previous = round > 1 ? roundResults(links, answers, round - 1, study.rule, study.questions) : null
    const own = (r: number, l: StudyLink) => {
      const a = answers.find((x) => x.expert === me && x.round === r && pairKey(x) === pairKey(l))
      return a ? { relevance: a.relevance, feasibility: a.feasibility, comment: a.comment } : null
    }
    const spread = (s: { n: number; median: number | null; p25: number | null; p75: number | null; counts: readonly number[] }) => ({
      n: s.n,
      median: s.median,
      p25: s.p25,
      p75: s.p75,
      counts: [...s.counts],
    })
    const kb = c.var.kb
    const experts = await c.var.ratings.listExperts(id)
    return c.json(
      {
        study: { name: study.name, questions: [...study.questions], round, rounds: study.rounds, status: isOpen(study) ? ('open' as const) : ('closed' as const) },
        expert: experts.find((e) => e.id === me)?.pseudonym ?? '',
        links: links.map((l, i) => {
          const d = kb.determinant.get(l.determinant)
          const s = kb.strategy.get(l.strategy)
          const p = previous?.[i]
          return {
            determinant: { number: l.determinant, name: d?.name[lang] ?? String(l.determinant), definition: d?.definition[lang] ?? '' },
            strategy: { id: l.strategy, name: s?.name[lang] ?? l.strategy, description: s?.description[lang] ?? '', example: s?.example[lang] ?? '' },
            evidence: (kb.linksByStrategy.get(l.strategy) ?? [])
              // The ballot shows the evidence as it was before this study fed anything in.
              .filter((x) => x.determinant === l.determinant && x.source !== study.sourceId)
              .map((x) => ({ source: kb.source.get(x.source)?.label[lang] ?? x.source, tier: kb.source.get(x.source)?.tier ?? 'proposal', strength: x.strength, basis: x.basis })),
            answer: own(round, l),
            previous: p
              ? { round: round - 1, relevance: spread(p.relevance), feasibility: p.feasibility ? spread(p.feasibility) : null, own: own(round - 1, l), comments: commentsOf(answers, round - 1, l) }
              : null,
          }
        }),
      },
      200
    )
  })
  .openapi(answer, async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const study = await studyOf(c, id)
    if (input.feasibility !== undefined && input.feasibility !== null && !study.questions.includes('feasibility')) {
      throw new ApiError(422, 'not_asked', 'This study does not ask feasibility', [{ path: 'feasibility', message: 'not asked in this study' }])
    }
    const outcome = await c.var.ratings.saveAnswer(id, c.var.expertId, input, c.var.now())
    if (outcome.outcome !== 'saved') {
      if (outcome.outcome === 'closed') throw new ApiError(409, 'study_closed', 'This study is closed: answers can no longer change. Your earlier answers are kept.')
      throw new ApiError(422, 'not_in_study', 'This study does not rate that link', [{ path: 'strategy', message: 'not a link of this study' }])
    }
    const a = outcome.answer
    return c.json({ round: a.round, determinant: a.determinant, strategy: a.strategy, answer: { relevance: a.relevance, feasibility: a.feasibility, comment: a.comment } }, 200)
  })
