/**
 * @module Turns workspace records into API answers: rounds with their respondent link, team
 * tokens without their secret, and a round's stored submissions scored into a profile.
 */
import type { Context } from 'hono'
import type { Round, Submission, TeamToken, Workspace } from '../db/workspace-repository.ts'
import type { KbIndex } from '../domain/kb-index.ts'
import { LruCache } from '../domain/lru-cache.ts'
import { scoreResponses, type ResponseRecord, type ScoreProfile } from '../domain/scoring.ts'
import { applyReversal } from '../domain/questionnaire.ts'
import { splitProfile, type SplitProfile } from '../domain/subgroups.ts'
import type { CodebookItem, ExportRound } from '../domain/tidy-export.ts'
import type { Lang } from '../domain/vocabulary.ts'
import { roundRefusal, withAppended } from '../domain/workspace.ts'
import type { RoundOut, WorkspaceOut } from '../schemas/workspace.ts'
import type { AppEnv } from './router.ts'
import { matchesHash, respondentToken } from './tokens.ts'

type Ctx = Context<AppEnv>

/** The origin links are built on: the configured public URL, else the request's own. */
export const origin = (c: Ctx) => c.var.publicUrl ?? new URL(c.req.url).origin

/**
 * Links carry their token in the fragment: browsers never send it to a server, so it stays out
 * of access logs and Referer headers; the web app moves it into storage on arrival.
 */
export const teamLink = (c: Ctx, workspaceId: string, token: string) => `${origin(c)}/w/${workspaceId}#${token}`
export const respondLink = (c: Ctx, token: string) => `${origin(c)}/r#${token}`

export function presentRound(c: Ctx, round: Round): RoundOut {
  const token = respondentToken(c.var.tokenSecret, round.id, round.linkGeneration)
  // A database restored under another secret: the stored link cannot be shown, only renewed.
  const valid = round.respondentTokenHash !== null && matchesHash(token, round.respondentTokenHash)
  return {
    id: round.id,
    position: round.position,
    label: round.label,
    state: round.state,
    accepting: roundRefusal(round, c.var.now()) === null,
    closesAt: round.closesAt,
    submissionCount: round.submissionCount,
    revision: round.revision,
    settings: {
      ...round.settings,
      filters: {
        ...round.settings.filters,
        actors: [...round.settings.filters.actors],
        exclude: [...round.settings.filters.exclude],
        inUse: [...round.settings.filters.inUse],
      },
      approach: [...round.settings.approach],
    },
    planTitle: round.planTitle,
    planRevision: round.planRevision,
    createdAt: round.createdAt,
    closedAt: round.closedAt,
    respondentToken: valid ? token : null,
    links: { respond: valid ? respondLink(c, token) : null },
  }
}

export const presentWorkspace = (c: Ctx, w: Workspace, rounds: readonly Round[]): WorkspaceOut => ({
  id: w.id,
  name: w.name,
  innovation: w.innovation,
  contact: w.contact,
  groups: [...w.groups],
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
  rounds: rounds.map((r) => presentRound(c, r)),
})

export const presentToken = (t: TeamToken, currentId: string) => ({ ...t, current: t.id === currentId })

/**
 * The stored answers a knowledge base can score: answers to items it no longer has, or values
 * that are no longer options, are left out rather than failing the whole round (a reload of
 * the knowledge base must never make a team's round unreadable).
 */
export function scorableResponses(kb: KbIndex, submissions: readonly Submission[]): ResponseRecord[] {
  const options = new Map(kb.questionnaire.items.map((i) => [i.id, new Set(i.options.map((o) => o.value))]))
  return submissions.map((s) => {
    const answers: Record<string, number | null> = {}
    for (const [item, value] of Object.entries(s.answers)) {
      const known = options.get(item)
      if (known && (value === null || known.has(value))) answers[item] = value
    }
    return { role: s.role, answers }
  })
}

/**
 * Rounds' submissions as last read, with the records the knowledge base scores: a round read
 * again after new submissions reads only those (withAppended), so a profile asked for after
 * each answer costs the new answers, not the whole round. Bounded: the rounds last used.
 */
export const SUBMISSION_CACHE_SIZE = 32
type RoundCopy = {
  readonly revision: number
  readonly submissions: readonly Submission[]
  readonly kbId: number
  readonly records: readonly ResponseRecord[]
}
const copies = new LruCache<string, RoundCopy>(SUBMISSION_CACHE_SIZE)

/** The round's submissions at its revision, and their scorable records (see scorableResponses). */
export async function roundSubmissions(c: Ctx, round: Round): Promise<Pick<RoundCopy, 'submissions' | 'records'>> {
  const kb = c.var.kb
  const kbId = kbKey(kb)
  const copy = copies.get(round.id)
  if (copy && copy.revision === round.revision && copy.kbId === kbId) return copy
  let next: RoundCopy | undefined
  if (copy && copy.revision <= round.revision) {
    const appended = withAppended(copy, await c.var.workspaces.listSubmissions(round.id, copy.revision), round.revision)
    if (appended) {
      const records =
        copy.kbId === kbId
          ? [...copy.records, ...scorableResponses(kb, appended.slice(copy.submissions.length))]
          : scorableResponses(kb, appended)
      next = { revision: round.revision, submissions: appended, kbId, records }
    }
  }
  if (!next) {
    // Submissions stored after the round was read wait for the next read, as in withAppended.
    const submissions = (await c.var.workspaces.listSubmissions(round.id)).filter((s) => s.seq <= round.revision)
    next = { revision: round.revision, submissions, kbId, records: scorableResponses(kb, submissions) }
  }
  copies.set(round.id, next)
  return next
}

/**
 * Profiles of rounds, cached by everything they depend on: the round's revision (bumped by
 * every submission), its settings, the group filter and the knowledge base. Bounded, so that
 * no client can grow it: at most {@link PROFILE_CACHE_SIZE} profiles are kept.
 */
export const PROFILE_CACHE_SIZE = 500
const profiles = new LruCache<string, ScoreProfile>(PROFILE_CACHE_SIZE)
const kbIds = new WeakMap<KbIndex, number>()
let nextKbId = 1

/**
 * The round's profile split by the respondents' groups, suppressed by the round's
 * `minGroupSize` (server/domain/subgroups.ts). Cached like {@link roundProfile}.
 */
const splits = new LruCache<string, SplitProfile>(PROFILE_CACHE_SIZE)
export async function roundSplit(c: Ctx, round: Round, groups: readonly string[]): Promise<SplitProfile> {
  const key = `${round.id}\u0000${round.revision}\u0000${kbKey(c.var.kb)}\u0000${JSON.stringify([round.settings.score, round.settings.minGroupSize, groups])}`
  const cached = splits.get(key)
  if (cached) return cached
  const { submissions, records } = await roundSubmissions(c, round)
  const split = splitProfile(
    c.var.kb.questionnaire,
    submissions.map((s, i) => ({ group: s.group, record: records[i] as ResponseRecord })),
    { settings: round.settings.score, minGroupSize: round.settings.minGroupSize, groups }
  )
  splits.set(key, split)
  return split
}

function kbKey(kb: KbIndex): number {
  let kbId = kbIds.get(kb)
  if (kbId === undefined) kbIds.set(kb, (kbId = nextKbId++))
  return kbId
}

/** A key for what is computed from a round's submissions: it changes whenever they or the knowledge base do. */
export function roundKey(c: Ctx, round: Round, group?: string): string {
  return `${round.id}\u0000${round.revision}\u0000${kbKey(c.var.kb)}\u0000${group ?? ''}\u0000${JSON.stringify(round.settings.score)}`
}

export async function roundProfile(c: Ctx, round: Round, group?: string): Promise<ScoreProfile> {
  const kb = c.var.kb
  const key = roundKey(c, round, group)
  const cached = profiles.get(key)
  if (cached) return cached
  const { submissions, records } = await roundSubmissions(c, round)
  const chosen = group === undefined ? records : records.filter((_, i) => submissions[i]?.group === group)
  const profile = scoreResponses(kb.questionnaire, chosen, round.settings.score)
  profiles.set(key, profile)
  return profile
}

/** The questionnaire as the codebook of an export describes it, in `lang`. */
export function codebookItems(kb: KbIndex, lang: Lang): CodebookItem[] {
  return kb.items.map((i) => ({
    id: i.id,
    determinant: i.determinant.number,
    determinantName: i.determinant.name[lang],
    respondent: i.determinant.respondent,
    reverse: i.reverse,
    text: i.text[lang],
    options: applyReversal(kb.scale.get(i.scale)?.options ?? [], i.reverse).map((o) => ({
      value: o.value,
      label: o.label[lang],
      valence: o.valence,
      score: o.score,
    })),
  }))
}

/** The rounds of a workspace (or one of them) with their submissions, as an export reads them. */
export async function exportRounds(c: Ctx, rounds: readonly Round[]): Promise<ExportRound[]> {
  return Promise.all(
    rounds.map(async (r) => ({
      label: r.label,
      position: r.position,
      minGroupSize: r.settings.minGroupSize,
      submissions: await c.var.workspaces.listSubmissions(r.id),
    }))
  )
}
