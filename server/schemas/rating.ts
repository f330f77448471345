/**
 * @module Zod schemas of the expert rating API: creating a study (its links, questions,
 * rounds and consensus rule), the owner's study and results, the expert's ballot and answers.
 * Every list and string has a bound (STUDY_LIMITS); the web app uses the same schemas.
 */
import { z } from 'zod'
import { CLOSE_REASONS, QUESTIONS, STUDY_LIMITS } from '../domain/expert-rating.ts'
import { RATING_MAX, RATING_MIN, TERTILES, VERDICTS } from '../domain/rating-stats.ts'
import { EVIDENCE_TIERS, STRENGTH_BASES } from '../domain/vocabulary.ts'

const Id = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'not an id of this service')
const Lang = z.enum(['nl', 'en']).default('nl')
const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by hyphens').max(80)
const PairName = z.string().trim().min(1, 'may not be empty').max(STUDY_LIMITS.pairName, `at most ${STUDY_LIMITS.pairName} characters`)

export const StudyParam = z.object({ id: Id })
/** An expert of a study, by the pseudonym the owner sees (E01, E02, …). */
export const ExpertParam = z.object({ id: Id, pseudonym: z.string().regex(/^E\d{2,3}$/, 'a pseudonym such as E01') })
export const LangQuery = z.strictObject({ lang: Lang })

const Determinants = z.array(z.number().int().min(1).max(29)).min(1, 'choose at least one determinant').max(STUDY_LIMITS.determinants)

/** All links of some determinants; all editorial links or those of one method (of some determinants); or pairs from a file. */
export const Selection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('determinants'), determinants: Determinants }),
  z.strictObject({ kind: z.literal('editorial'), determinants: Determinants.optional() }),
  z.strictObject({ kind: z.literal('method'), method: Slug, determinants: Determinants.optional() }),
  z.strictObject({
    kind: z.literal('pairs'),
    pairs: z
      .array(z.strictObject({ determinant: z.union([z.number().int(), PairName]), strategy: PairName }))
      .min(1, 'the file names no pairs')
      .max(STUDY_LIMITS.links, `a study rates at most ${STUDY_LIMITS.links} links`),
  }),
])

export const Rule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rand') }),
  z.strictObject({ kind: z.literal('agreement'), threshold: z.number().min(0.5, 'threshold: at least 0.5').max(1, 'threshold: at most 1') }),
])

export const StudyCreate = z.strictObject({
  name: z.string().trim().min(1, 'name may not be empty').max(STUDY_LIMITS.name, `name may be at most ${STUDY_LIMITS.name} characters`),
  selection: Selection,
  /** Ask feasibility in Dutch schools (1–9) besides relevance. */
  feasibility: z.boolean().default(false),
  rounds: z.number().int('rounds must be a whole number').min(1).max(STUDY_LIMITS.rounds, `at most ${STUDY_LIMITS.rounds} rounds`).default(2),
  rule: Rule.default({ kind: 'rand' }),
  /** How many expert links to make now (more can be added later). */
  experts: z.number().int().min(0).max(STUDY_LIMITS.experts, `at most ${STUDY_LIMITS.experts} experts`).default(0),
})

export const ExpertLink = z.object({ pseudonym: z.string(), link: z.string() })

export const StudyCreated = z.object({
  id: z.string(),
  ownerToken: z.string(),
  links: z.object({ owner: z.string() }),
  experts: z.array(ExpertLink),
})

export const ExpertsAdd = z.strictObject({
  count: z.number().int().min(1).max(STUDY_LIMITS.experts, `at most ${STUDY_LIMITS.experts} experts`),
})
export const ExpertsAdded = z.object({ experts: z.array(ExpertLink) })

const PairOut = z.object({ determinant: z.number().int(), determinantName: z.string(), strategy: z.string(), strategyName: z.string() })

export const StudyOut = z.object({
  id: z.string(),
  name: z.string(),
  questions: z.array(z.enum(QUESTIONS)),
  rounds: z.number().int(),
  rule: Rule,
  currentRound: z.number().int(),
  status: z.enum(['open', 'closed']),
  closedReason: z.enum(CLOSE_REASONS).nullable(),
  closedAt: z.number().nullable(),
  /** The knowledge-base source the study was fed into, while it is there. */
  source: z.object({ id: z.string(), label: z.string() }).nullable(),
  createdAt: z.number(),
  links: z.array(PairOut),
  experts: z.array(
    ExpertLink.extend({
      lastSeenAt: z.number().nullable(),
      /** Links this expert rated (relevance) in the open or last round. */
      answered: z.number().int(),
    })
  ),
})

export const RoundEnd = z.strictObject({
  /** The round to end: a second click on an old page ends nothing. */
  round: z.number().int().min(1).max(STUDY_LIMITS.rounds),
  /** Close the study now instead of opening the next round. */
  closeStudy: z.boolean().default(false),
})

const Stats = z.object({
  n: z.number().int(),
  median: z.number().nullable(),
  p25: z.number().nullable(),
  p75: z.number().nullable(),
  iqr: z.number().nullable(),
  p30: z.number().nullable(),
  p70: z.number().nullable(),
  ipr: z.number().nullable(),
  iprcp: z.number().nullable(),
  ipras: z.number().nullable(),
  disagreement: z.boolean(),
  tertile: z.enum(TERTILES).nullable(),
  agreement: z.number().nullable(),
  shareHigh: z.number().nullable(),
  counts: z.array(z.number().int()),
})

export const ResultsOut = z.object({
  study: z.object({ id: z.string(), name: z.string(), questions: z.array(z.enum(QUESTIONS)), rule: Rule, currentRound: z.number().int(), status: z.enum(['open', 'closed']), experts: z.number().int() }),
  rounds: z.array(
    z.object({
      round: z.number().int(),
      links: z.array(
        PairOut.extend({
          relevance: Stats,
          feasibility: Stats.nullable(),
          consensus: z.boolean(),
          verdict: z.enum(VERDICTS),
          /** The strength the link would get in the knowledge base (docs/expert-rating.md); null when nobody rated it. */
          strength: z.number().nullable(),
          /** The panel's comments, without names, in a stable order. */
          comments: z.array(z.string()),
        })
      ),
    })
  ),
})

export const FedOut = z.object({
  source: z.object({ id: z.string(), label: z.string() }),
  links: z.number().int(),
  essential: z.number().int(),
  rejected: z.number().int(),
})

const Rating = z.number().int('a rating is a whole number').min(RATING_MIN, `a rating is ${RATING_MIN}–${RATING_MAX}`).max(RATING_MAX, `a rating is ${RATING_MIN}–${RATING_MAX}`)

export const AnswerIn = z.strictObject({
  determinant: z.number().int().min(1).max(29),
  strategy: Slug,
  relevance: Rating.nullable().optional(),
  feasibility: Rating.nullable().optional(),
  comment: z.string().max(STUDY_LIMITS.comment, `comment may be at most ${STUDY_LIMITS.comment} characters`).nullable().optional(),
})

const Own = z.object({ relevance: z.number().int().nullable(), feasibility: z.number().int().nullable(), comment: z.string().nullable() })
export const AnswerSaved = z.object({ round: z.number().int(), determinant: z.number().int(), strategy: z.string(), answer: Own })

export const BallotOut = z.object({
  study: z.object({
    name: z.string(),
    questions: z.array(z.enum(QUESTIONS)),
    round: z.number().int(),
    rounds: z.number().int(),
    status: z.enum(['open', 'closed']),
  }),
  expert: z.string(),
  links: z.array(
    z.object({
      determinant: z.object({ number: z.number().int(), name: z.string(), definition: z.string() }),
      strategy: z.object({ id: z.string(), name: z.string(), description: z.string(), example: z.string() }),
      /** The knowledge base's current evidence for the pair (none for a pair not linked yet). */
      evidence: z.array(z.object({ source: z.string(), tier: z.enum(EVIDENCE_TIERS), strength: z.number(), basis: z.enum(STRENGTH_BASES) })),
      answer: Own.nullable(),
      /** From round 2: the panel's previous round and this expert's own previous answer. */
      previous: z
        .object({
          round: z.number().int(),
          relevance: z.object({ n: z.number().int(), median: z.number().nullable(), p25: z.number().nullable(), p75: z.number().nullable(), counts: z.array(z.number().int()) }),
          feasibility: z.object({ n: z.number().int(), median: z.number().nullable(), p25: z.number().nullable(), p75: z.number().nullable(), counts: z.array(z.number().int()) }).nullable(),
          own: Own.nullable(),
          comments: z.array(z.string()),
        })
        .nullable(),
    })
  ),
})
