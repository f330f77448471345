/**
 * @module Zod schemas of the HTTP API: query strings, request bodies and response bodies.
 *
 * The field names marked "contract" in the issue tracker (number, group, respondent, items,
 * valence, negativeShare, status, strategies, uncovered, …) are relied on by other tools and
 * by our tests: add fields freely, never rename these. The web app imports the request
 * schemas to validate forms before sending.
 */
import { z } from 'zod'
import { STATUSES } from '../domain/scoring.ts'
import { FEASIBILITY_SOURCES, RANKING_ORDERS } from '../domain/feasibility.ts'
import { WEIGHTINGS } from '../domain/ranking.ts'
import { CERTAINTIES } from '../domain/uncertainty.ts'
import { ACTORS, LANGS, MAX_RESPONDENTS, SCALE_KINDS } from '../domain/vocabulary.ts'
import { Actor, BilingualText, Effort, EvidenceTag, EvidenceTier, Group, OptionValence, Phase, Respondent, Slug, StrengthBasis } from './kb.ts'

// ── Bounds ───────────────────────────────────────────────────────────────────────────────
// Every list and string a request may carry has a ceiling well above what the knowledge base
// could ever need, so no request can make the server hold, compute or echo more than that.
// A list over its ceiling is 400; below it, repeated entries collapse (see each schema).

/** Most respondents one request may carry (server/domain/vocabulary.ts). */
export { MAX_RESPONDENTS }
/** Most answers one respondent may give: the questionnaire has 34 items. */
export const MAX_ANSWERS = 200
/** Longest list of determinant numbers (barriers, a profile): there are 29, repeats collapse. */
export const MAX_DETERMINANT_LIST = 100
/** Longest list of strategy ids (in use, excluded, an approach's): the knowledge base has ~110. */
export const MAX_STRATEGY_LIST = 500
/** Longest list of source ids: the knowledge base has 8, and each import adds one. */
export const MAX_SOURCE_LIST = 200
/** Longest list of actors: there are 5, repeats collapse. */
export const MAX_ACTOR_LIST = 4 * ACTORS.length
/** Longest id (strategy, source, cluster, method): the longest in the knowledge base has 32. */
export const MAX_ID_CHARS = 100
/** Longest free text in a request: a respondent's name, a search. */
export const MAX_TEXT_CHARS = 200

/** A knowledge-base id as a request may name it. */
const Id = Slug.max(MAX_ID_CHARS)

/** The first entry of each key, in the order given. */
function firstOfEach<T>(list: readonly T[], key: (entry: T) => unknown = (entry) => entry): T[] {
  const first = new Map<unknown, T>()
  for (const entry of list) if (!first.has(key(entry))) first.set(key(entry), entry)
  return [...first.values()]
}

/**
 * A list of at most `max` entries in which repeats collapse to their first, in the order
 * given: for lists that name a set (sources, strategies, actors, determinants).
 */
function setOf<T extends z.ZodType>(list: z.ZodArray<T>, max: number, what: string) {
  return list.max(max, `at most ${max} ${what}`).transform((entries) => firstOfEach(entries))
}

// ── Queries ──────────────────────────────────────────────────────────────────────────────

export const Lang = z.enum(LANGS)
export const LangQuery = z.strictObject({ lang: Lang.default('nl') })

/**
 * A determinant number in a path: any whole number from 1 is well-formed, and one that names no
 * determinant is 404 (like an unknown strategy id); anything else (`abc`, `0`, `1.5`) is 400.
 */
export const DeterminantParam = z.object({
  number: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/, 'must be a determinant number (a whole number from 1)')
    .transform(Number)
    .meta({ description: 'MIDI number of the determinant, 1–29', example: '23' }),
})
export const StrategyParam = z.object({ id: Id })

export const StrategyQuery = z.strictObject({
  lang: Lang.default('nl'),
  q: z.string().max(MAX_TEXT_CHARS).trim().optional(),
  cluster: Id.optional(),
  phase: Phase.optional(),
  actor: Actor.optional(),
  effort: Effort.optional(),
  determinant: z.coerce.number().int().min(1).max(29).optional(),
})

export const LinksQuery = z.strictObject({
  lang: Lang.default('nl'),
  source: Id.optional(),
  method: Id.optional(),
  determinant: z.coerce.number().int().min(1).max(29).optional(),
  strategy: Id.optional(),
  format: z.enum(['json', 'csv']).default('json'),
})

// ── Knowledge-base responses ─────────────────────────────────────────────────────────────

export const OptionOut = z.object({
  value: z.number().int(),
  label: z.string(),
  /**
   * Already accounts for reversal: a client can score an answer without knowing the item.
   * `missing` ("not yet applicable / don't know") is an answer that counts as no answer.
   */
  valence: OptionValence,
  score: z.number().nullable(),
})

export const ItemOut = z.object({
  id: z.string(),
  determinant: z.number().int(),
  group: Group,
  text: z.string(),
  respondent: Respondent,
  reverse: z.boolean(),
  scale: z.string(),
  scaleKind: z.enum(SCALE_KINDS),
  verified: z.boolean(),
  options: z.array(OptionOut),
})
export type ItemOut = z.infer<typeof ItemOut>

export const QuestionnaireResponse = z.object({ items: z.array(ItemOut) })

export const LinkOut = z.object({
  source: z.string(),
  sourceLabel: z.string(),
  sourceUrl: z.string().nullable(),
  evidence: EvidenceTag,
  /** How much weight the source's evidence carries. */
  tier: EvidenceTier,
  method: z.string(),
  strength: z.number(),
  /** What the strength is: a printed share, a level's lower bound (show it as "≥"), a fixed value, … */
  basis: StrengthBasis,
  /** The published cell a derived link comes from; links sharing one are one expert judgement. */
  cell: z.string().nullable(),
  /** For audit: the framework construct or method the link passed through, as the source names it. */
  construct: z.string().nullable(),
  /** How the link was reached, as a sentence in both languages. */
  via: BilingualText.nullable(),
  rationale: z.string(),
})
export type LinkOut = z.infer<typeof LinkOut>

const strengthFields = {
  /** The strongest link among the sources (see docs/engine.md). */
  strength: z.number(),
  label: z.enum(['essential', 'supportive']),
  /** The source of the strongest link. */
  source: z.string(),
  /** Number of distinct methods that link the pair. */
  agreement: z.number().int(),
  links: z.array(LinkOut),
}

export const DeterminantOut = z.object({
  number: z.number().int(),
  code: z.string(),
  group: Group,
  name: z.string(),
  nameVerified: z.boolean(),
  definition: z.string(),
  respondent: Respondent,
  items: z.array(ItemOut),
})
export type DeterminantOut = z.infer<typeof DeterminantOut>

export const StrategyOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  example: z.string(),
  cluster: z.string(),
  clusterName: z.string(),
  phases: z.array(Phase),
  actors: z.array(Actor),
  effort: Effort,
  origin: z.enum(['eric', 'sister', 'school']),
  ericNumber: z.number().int().nullable(),
  ericName: z.string().nullable(),
  /**
   * Waltz et al. (2015) ratings of the health-care ERIC strategy. Where `mechanismChanged`, the
   * school adaptation works differently and these ratings do not describe it.
   */
  waltz: z
    .object({
      importance: z.number().optional(),
      feasibility: z.number().optional(),
      quadrant: z.string().optional(),
    })
    .nullable(),
  /** True where the school adaptation changes how the ERIC strategy works. */
  mechanismChanged: z.boolean(),
  /** What the adaptation changed, where the mechanism changed. */
  adaptationNote: z.string().nullable(),
})
export type StrategyOut = z.infer<typeof StrategyOut>

export const DeterminantDetail = DeterminantOut.extend({
  strategies: z.array(StrategyOut.pick({ id: true, name: true, cluster: true, effort: true }).extend(strengthFields)),
})
export const StrategyDetail = StrategyOut.extend({
  determinants: z.array(
    DeterminantOut.pick({ number: true, name: true, group: true }).extend(strengthFields)
  ),
})

export const DeterminantList = z.object({ determinants: z.array(DeterminantOut) })
export const StrategyList = z.object({ strategies: z.array(StrategyOut) })

export const ClusterOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  origin: z.enum(['eric', 'strategiewijzer']),
  ericName: z.string().nullable(),
  strategies: z.number().int(),
})
export const SourceOut = z.object({
  id: z.string(),
  label: z.string(),
  citation: z.string(),
  url: z.string().nullable(),
  kind: z.string(),
  /** How much weight the source's evidence carries. */
  tier: EvidenceTier,
  evidence: EvidenceTag,
  description: z.string(),
  origin: z.enum(['curated', 'imported']),
  links: z.number().int(),
})
export const MethodOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** What the strengths of the method's links may be. */
  bases: z.array(StrengthBasis),
  /** The strength of every `fixed` link of the method, where it has one. */
  fixedStrength: z.number().nullable(),
  links: z.number().int(),
})
export const ReferenceResponse = z.object({
  clusters: z.array(ClusterOut),
  sources: z.array(SourceOut),
  methods: z.array(MethodOut),
})
export const LinkRow = LinkOut.extend({ determinant: z.number().int(), strategy: z.string() })
export const LinkList = z.object({ links: z.array(LinkRow) })

export const HealthResponse = z.object({
  status: z.literal('ok'),
  counts: z.object({
    determinants: z.number().int(),
    items: z.number().int(),
    strategies: z.number().int(),
    links: z.number().int(),
    sources: z.number().int(),
  }),
  kbHash: z.string(),
})

// ── Engine requests ──────────────────────────────────────────────────────────────────────

type AnswerMap = Record<string, number | null>

/** Bad answers named per respondent: enough to fix them, never thousands of issues. */
const MAX_ANSWER_ISSUES = 5

/**
 * Item id → option value (an integer) or null, at most MAX_ANSWERS of them. Checked by one
 * plain loop: zod's record parser cost more than scoring the whole team (0.24 ms for 30
 * respondents against 0.02 ms), and describing 100,000 bad answers with it overflowed the stack.
 */
export const Answers = z
  .custom<AnswerMap>()
  .superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be an object: item id → option value or null' })
      return
    }
    let count = 0
    const bad: string[] = []
    for (const key in value) {
      if (++count > MAX_ANSWERS) {
        ctx.addIssue({ code: 'custom', message: `at most ${MAX_ANSWERS} answers` })
        return
      }
      const answer = (value as Record<string, unknown>)[key]
      if (answer !== null && !Number.isInteger(answer) && bad.length < MAX_ANSWER_ISSUES) bad.push(key)
    }
    for (const key of bad) {
      ctx.addIssue({ code: 'custom', message: 'must be an option value (a whole number) or null', path: [key] })
    }
  })
  .meta({
    description: 'Item id (e.g. d04) → the value of one of its options, or null when skipped',
    type: 'object',
    maxProperties: MAX_ANSWERS,
    additionalProperties: { type: ['integer', 'null'] },
  } as Record<string, unknown>)

export const ResponseIn = z.strictObject({
  respondent: z.string().max(MAX_TEXT_CHARS).trim().optional(),
  role: Respondent.optional(),
  answers: Answers,
})
export type ResponseIn = z.infer<typeof ResponseIn>

export const ScoreSettingsIn = z
  .strictObject({
    barrierShare: z.number().gt(0).max(1),
    facilitatorShare: z.number().gt(0).max(1),
    minAnswers: z.number().int().min(1).max(MAX_RESPONDENTS),
  })
  .partial()

/** Respondents never collapse: two people may well give the same answers. */
export const ScoreRequest = z.strictObject({
  responses: z.array(ResponseIn).min(1, 'needs at least one respondent').max(MAX_RESPONDENTS),
  settings: ScoreSettingsIn.optional(),
})
export type ScoreRequest = z.infer<typeof ScoreRequest>

const DeterminantNumber = z.number().int().min(1).max(29)

/** A barrier as a bare determinant number, or with a severity (0–1, e.g. share negative). */
export const BarrierIn = z.union([
  DeterminantNumber,
  z.strictObject({ determinant: DeterminantNumber, severity: z.number().min(0).max(1).optional() }),
])
export type BarrierIn = z.infer<typeof BarrierIn>

/** The weight a barrier counts with: its severity; 1 for a bare number or no severity. */
const barrierWeight = (b: BarrierIn) => (typeof b === 'number' ? 1 : (b.severity ?? 1))

/**
 * Collapses a determinant named more than once into one barrier, in the place it was first
 * named, keeping the heaviest of its entries (the highest severity; a bare number weighs 1), as
 * the ranking does with duplicates (`normaliseBarriers`): naming a barrier twice never makes it
 * count twice, nor lighter.
 */
export function mergeBarriers(list: readonly BarrierIn[]): BarrierIn[] {
  const byNumber = new Map<number, BarrierIn>()
  for (const b of list) {
    const number = typeof b === 'number' ? b : b.determinant
    const current = byNumber.get(number)
    if (current === undefined || barrierWeight(b) > barrierWeight(current)) byNumber.set(number, b)
  }
  return [...byNumber.values()]
}

/** The answer of POST /api/score, as sent back by a client; extra fields are ignored. */
export const ProfileIn = z.looseObject({
  /** A determinant listed twice counts once, as first listed. */
  determinants: z
    .array(
      z.looseObject({
        number: DeterminantNumber,
        negativeShare: z.number().min(0).max(1).nullable(),
        status: z.enum(STATUSES),
        /** The team is divided on it: the ranking brings agreement-building strategies forward. */
        polarised: z.boolean().optional(),
      })
    )
    .max(MAX_DETERMINANT_LIST, `at most ${MAX_DETERMINANT_LIST} determinants`)
    .transform((list) => firstOfEach(list, (d) => d.number)),
  barriers: setOf(z.array(DeterminantNumber), MAX_DETERMINANT_LIST, 'barriers'),
})
export type ProfileIn = z.infer<typeof ProfileIn>

export const PlanIn = z.strictObject({
  phase: Phase.optional(),
  actors: setOf(z.array(Actor), MAX_ACTOR_LIST, 'actors').optional(),
  maxEffort: Effort.optional(),
  exclude: setOf(z.array(Id), MAX_STRATEGY_LIST, 'strategies').optional(),
  inUse: setOf(z.array(Id), MAX_STRATEGY_LIST, 'strategies').optional(),
})

/** Exactly one way of saying what the barriers are. */
const barrierInputs = {
  responses: z.array(ResponseIn).min(1).max(MAX_RESPONDENTS).optional(),
  profile: ProfileIn.optional(),
  /** A determinant named twice counts once, with the higher severity (see mergeBarriers). */
  barriers: z
    .array(BarrierIn)
    .max(MAX_DETERMINANT_LIST, `at most ${MAX_DETERMINANT_LIST} barriers`)
    .transform(mergeBarriers)
    .optional(),
  settings: ScoreSettingsIn.optional(),
  sources: setOf(z.array(Id).min(1), MAX_SOURCE_LIST, 'sources').optional(),
}
function exactlyOneInput(body: { responses?: unknown; profile?: unknown; barriers?: unknown }, ctx: z.RefinementCtx) {
  const given = (['responses', 'profile', 'barriers'] as const).filter((k) => body[k] !== undefined)
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: given.length === 0 ? ['barriers'] : [given[1] ?? 'barriers'],
      message: 'give exactly one of "responses", "profile" or "barriers"',
    })
  }
}

export const RecommendationsRequest = z
  .strictObject({
    ...barrierInputs,
    plan: PlanIn.optional(),
    mode: z.enum(['ranked', 'bundle']).default('ranked'),
    weighting: z.enum(WEIGHTINGS).default('severity'),
    limit: z.number().int().min(1).max(200).optional(),
    /** Ranked mode only; see server/domain/feasibility.ts. */
    order: z.enum(RANKING_ORDERS).optional(),
    /** The team's own feasibility ratings (1–5) by strategy id; they go before published ones. */
    feasibility: z
      .record(Id, z.number().int('a feasibility rating is a whole number from 1 to 5').min(1).max(5))
      .refine((r) => Object.keys(r).length <= MAX_STRATEGY_LIST, `at most ${MAX_STRATEGY_LIST} ratings`)
      .optional(),
  })
  .superRefine(exactlyOneInput)
  .superRefine((body, ctx) => {
    if (body.order === 'feasibility' && body.mode === 'bundle') {
      ctx.addIssue({ code: 'custom', path: ['order'], message: 'a bundle keeps the order it picked its strategies in: order "feasibility" is for ranked mode' })
    }
  })
export type RecommendationsRequest = z.infer<typeof RecommendationsRequest>

export const CoverageRequest = z
  .strictObject({
    ...barrierInputs,
    strategies: setOf(
      z.array(Id).min(1, 'list the strategies the approach already uses'),
      MAX_STRATEGY_LIST,
      'strategies'
    ),
    plan: PlanIn.omit({ inUse: true }).optional(),
    suggestions: z.number().int().min(1).max(20).default(3),
  })
  .superRefine(exactlyOneInput)
export type CoverageRequest = z.infer<typeof CoverageRequest>

// ── Engine responses ─────────────────────────────────────────────────────────────────────

const share = z.number().min(0).max(1).nullable()
const interval = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).nullable()
export const DeterminantScoreOut = z.object({
  number: z.number().int(),
  name: z.string(),
  group: Group,
  respondent: Respondent,
  n: z.number().int(),
  mean: z.number().nullable(),
  negativeShare: share,
  neutralShare: share,
  positiveShare: share,
  /** 95% Wilson score interval [low, high] of the negative share; null without answers. */
  negativeShareInterval: interval,
  positiveShareInterval: interval,
  status: z.enum(STATUSES),
  /** `uncertain`: the verdict's threshold lies inside the interval of the share that decides it. */
  certainty: z.enum(CERTAINTIES),
  polarised: z.boolean(),
  counted: z.enum(['all-respondents', 'key-informants']),
  items: z.array(
    z.object({ id: z.string(), n: z.number().int(), negativeShare: share, neutralShare: share, positiveShare: share })
  ),
})
export const GroupSummaryOut = z.object({
  group: Group,
  determinants: z.number().int(),
  barriers: z.number().int(),
  neutral: z.number().int(),
  facilitators: z.number().int(),
  insufficient: z.number().int(),
  meanNegativeShare: share,
})
export const ScoreResponse = z.object({
  respondents: z.number().int(),
  keyInformants: z.number().int(),
  settings: z.object({ barrierShare: z.number(), facilitatorShare: z.number(), minAnswers: z.number().int() }),
  determinants: z.array(DeterminantScoreOut),
  groups: z.array(GroupSummaryOut),
  barriers: z.array(z.number().int()),
  ignoredColumns: z.array(z.string()).optional(),
})
export type ScoreResponse = z.infer<typeof ScoreResponse>

export const AddressOut = z.object({
  determinant: z.number().int(),
  name: z.string(),
  severity: z.number(),
  /** The pair's strength: its strongest link among the sources in use. */
  strength: z.number(),
  /** The strength the score counted: lower when the link's expert cell already counted for another barrier. */
  counted: z.number(),
  label: z.enum(['essential', 'supportive']),
  agreement: z.number().int(),
  evidence: z.array(
    z.object({
      source: z.string(),
      method: z.string(),
      strength: z.number(),
      /** What the strength is: printed, lower-bound (show "≥"), fixed, judgement or imported. */
      basis: StrengthBasis.optional(),
      cell: z.string().optional(),
    })
  ),
})
/** What the engine adds to a strategy it recommends; the strategy's own fields are those of GET /strategies. */
const RecommendationFields = {
  /** The fit over all links (docs/engine.md §2); with `cfir-eric` weighting the cumulative score. */
  score: z.number(),
  /** The largest single contribution, severity × strength: it orders the ranking before `score`. */
  best: z.number(),
  addresses: z.array(AddressOut),
  why: z.string(),
  /** Bundle mode: the barriers this strategy covers (essential link) that no earlier choice covered. */
  covers: z.array(z.number().int()).optional(),
  /** Bundle mode: the barriers this strategy is the first to reach, through supportive links only. */
  weaklyCovers: z.array(z.number().int()).optional(),
  /** The polarised barriers this agreement-building strategy is brought forward for ("the team disagrees"). */
  disagreement: z.array(z.number().int()).optional(),
  /** With order "feasibility": the rating the order used and whose it is, or null where none is known. */
  feasibility: z.object({ value: z.number(), source: z.enum(FEASIBILITY_SOURCES) }).nullable().optional(),
}
export const RecommendedStrategy = StrategyOut.extend(RecommendationFields)
export type RecommendedStrategy = z.infer<typeof RecommendedStrategy>
/**
 * A recommended strategy with `view=compact`: its id and what the engine adds, without the
 * strategy's own fields, for a client that holds the catalogue (GET /strategies) already.
 */
export const CompactRecommendedStrategy = z.object({ id: z.string(), ...RecommendationFields })
export type CompactRecommendedStrategy = z.infer<typeof CompactRecommendedStrategy>

/** `full` (default): every strategy with its own fields; `compact`: see CompactRecommendedStrategy. */
export const RECOMMENDATION_VIEWS = ['full', 'compact'] as const
export type RecommendationView = (typeof RECOMMENDATION_VIEWS)[number]
export const RecommendationsQuery = LangQuery.extend({ view: z.enum(RECOMMENDATION_VIEWS).default('full') })

export const BarrierOut = z.object({ determinant: z.number().int(), name: z.string(), severity: z.number() })

/**
 * What the severities mean: `share-negative` — measured, the share of respondents who answered
 * negatively; `given` — weights the user gave (0–1), not percentages; `none` — no severity was
 * given, every barrier weighs 1.
 */
export const SeverityKind = z.enum(['share-negative', 'given', 'none'])
export type SeverityKind = z.infer<typeof SeverityKind>
/** Barriers named without a severity in a list that gives others ("don't know"): never shown as how much they hinder. */
const SeverityUnknown = z.array(z.number().int()).optional()
export const RecommendationsResponse = z.object({
  mode: z.enum(['ranked', 'bundle']),
  weighting: z.enum(WEIGHTINGS),
  severityKind: SeverityKind,
  severityUnknown: SeverityUnknown,
  barriers: z.array(BarrierOut),
  /** Barriers no strategy that fits the plan (and the sources chosen) addresses at all. */
  unreachable: z.array(z.number().int()),
  /** Bundle mode: barriers an essential link of the bundle (or a strategy in use) addresses. */
  covered: z.array(z.number().int()).optional(),
  /** Bundle mode: barriers only supportive links of the bundle reach. */
  weaklyCovered: z.array(z.number().int()).optional(),
  /** With `view=compact`, each without the strategy's own fields (CompactRecommendedStrategy). */
  strategies: z.union([z.array(RecommendedStrategy), z.array(CompactRecommendedStrategy)]),
  /** Barriers that no returned strategy addresses. */
  uncovered: z.array(z.number().int()),
})
export type RecommendationsResponse = z.infer<typeof RecommendationsResponse>

const CoveredBarrierOut = z.object({
  determinant: z.number().int(),
  name: z.string(),
  severity: z.number(),
  by: z.array(z.string()),
  links: z.array(z.object({ strategy: z.string(), strength: z.number(), label: z.enum(['essential', 'supportive']) })),
  weak: z.boolean(),
})
export const CoverageResponse = z.object({
  severityKind: SeverityKind,
  severityUnknown: SeverityUnknown,
  barriers: z.array(BarrierOut),
  /** Barriers an essential link of a used strategy addresses. */
  covered: z.array(CoveredBarrierOut),
  /** Barriers used strategies reach through supportive links only. */
  weaklyCovered: z.array(CoveredBarrierOut),
  /** Barriers no used strategy addresses. */
  uncovered: z.array(z.number().int()),
  /** Weakly covered and uncovered barriers, in barrier order: what suggestions and additions close. */
  gaps: z.array(z.number().int()),
  suggestions: z.array(
    z.object({
      determinant: z.number().int(),
      name: z.string(),
      strategies: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          strength: z.number(),
          label: z.enum(['essential', 'supportive']),
          agreement: z.number().int(),
        })
      ),
    })
  ),
  additions: z.array(RecommendedStrategy),
})
export type CoverageResponse = z.infer<typeof CoverageResponse>

// ── Errors ───────────────────────────────────────────────────────────────────────────────

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})
export type ErrorResponse = z.infer<typeof ErrorResponse>
