/**
 * @module Zod schemas of the knowledge-base source files under `data/kb/`.
 *
 * These files are the one source of truth of the knowledge base; the loader parses every file
 * with these schemas before anything is written. Cross-file rules (links point at existing
 * determinants, strategies and sources) live in `server/domain/kb-integrity.ts`.
 */
import { z } from 'zod'
import {
  ACTORS,
  EFFORTS,
  EVIDENCE_TIERS,
  GROUPS,
  PHASES,
  OPTION_VALENCES,
  RESPONDENTS,
  SCALE_KINDS,
  STRENGTH_BASES,
  VALENCES,
} from '../domain/vocabulary.ts'

const nonEmpty = z.string().trim().min(1, 'must not be empty')

/** A text in Dutch and English; both must be present and non-empty. */
export const BilingualText = z.strictObject({ nl: nonEmpty, en: nonEmpty })

/** A stable, URL-safe identifier: lowercase words joined by hyphens. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')

/** Item identifiers double as CSV column headers, so they stay short: d01, d13a, … */
export const ItemId = z.string().regex(/^d\d{2}[a-z]?$/, 'must look like d01 or d13a')

export const Group = z.enum(GROUPS)
export const Respondent = z.enum(RESPONDENTS)
export const Valence = z.enum(VALENCES)
export const OptionValence = z.enum(OPTION_VALENCES)
export const Phase = z.enum(PHASES)
export const Actor = z.enum(ACTORS)
export const Effort = z.enum(EFFORTS)

/** Evidence tags as used in the reference notes: verified, secondary, unverified, proposal. */
export const EvidenceTag = z.enum(['V', 'S', 'U', 'P'])
/** What a link's strength is (see STRENGTH_BASES). */
export const StrengthBasis = z.enum(STRENGTH_BASES)
/** How much weight a source's evidence carries (see EVIDENCE_TIERS). */
export const EvidenceTier = z.enum(EVIDENCE_TIERS)

function uniqueBy<T>(key: (t: T) => string | number, what: string) {
  return (list: T[], ctx: z.core.$RefinementCtx<T[]>) => {
    const seen = new Set<string | number>()
    list.forEach((entry, index) => {
      const k = key(entry)
      if (seen.has(k)) {
        ctx.addIssue({ code: 'custom', message: `duplicate ${what} '${k}'`, path: [index] })
      }
      seen.add(k)
    })
  }
}

export const ScaleOption = z.strictObject({
  /** The stored answer code; survey exports use the same numbers. */
  value: z.number().int(),
  label: BilingualText,
  /**
   * Valence of the option when the item is not reverse-scored; `missing` for a "not yet
   * applicable / don't know" option, which scoring counts as no answer.
   */
  valence: OptionValence,
  /** Position on the scale (1 = least favourable … 5 = most), or null where no mean makes sense. */
  score: z.number().nullable(),
})

export const Scale = z
  .strictObject({
    id: Slug,
    kind: z.enum(SCALE_KINDS),
    label: BilingualText,
    options: z.array(ScaleOption).min(2).superRefine(uniqueBy((o) => o.value, 'option value')),
  })
  .superRefine((scale, ctx) => {
    const answers = scale.options.filter((o) => o.valence !== 'missing')
    const scores = answers.map((o) => o.score)
    if (scores.some((s) => s === null) && scores.some((s) => s !== null)) {
      ctx.addIssue({
        code: 'custom',
        message: 'either every option has a score or none has',
        path: ['options'],
      })
    }
    scale.options.forEach((o, index) => {
      if (o.valence === 'missing' && o.score !== null) {
        ctx.addIssue({ code: 'custom', message: 'an option that counts as missing has no score', path: ['options', index, 'score'] })
      }
    })
    if (scale.options.filter((o) => o.valence === 'missing').length > 1) {
      ctx.addIssue({ code: 'custom', message: 'at most one option counts as missing', path: ['options'] })
    }
    for (const v of ['negative', 'positive'] as const) {
      if (!scale.options.some((o) => o.valence === v)) {
        ctx.addIssue({ code: 'custom', message: `needs at least one ${v} option`, path: ['options'] })
      }
    }
  })
export type Scale = z.infer<typeof Scale>

export const ScalesFile = z.strictObject({
  scales: z.array(Scale).min(1).superRefine(uniqueBy((s) => s.id, 'scale id')),
})

export const Item = z.strictObject({
  id: ItemId,
  text: BilingualText,
  scale: Slug,
  /** True where agreeing is the unfavourable answer (e.g. "the approach is too complex"). */
  reverse: z.boolean(),
  /** True only once the wording has been checked against the MIDI manual. */
  verified: z.boolean().default(false),
})
export type Item = z.infer<typeof Item>

export const Determinant = z.strictObject({
  number: z.number().int().min(1).max(29),
  code: Slug,
  group: Group,
  name: BilingualText,
  /** Where the Dutch label in the manual may differ (see data/README.md). */
  nameVerified: z.boolean().default(false),
  definition: BilingualText,
  respondent: Respondent,
  items: z.array(Item).min(1),
})
export type Determinant = z.infer<typeof Determinant>

export const DeterminantsFile = z.strictObject({
  determinants: z
    .array(Determinant)
    .length(29, 'the MIDI has exactly 29 determinants')
    .superRefine(uniqueBy((d) => d.number, 'determinant number'))
    .superRefine(uniqueBy((d) => d.code, 'determinant code'))
    .superRefine((list, ctx) => {
      list.forEach((d, index) => {
        if (d.number !== index + 1) {
          ctx.addIssue({
            code: 'custom',
            message: `determinants must be in MIDI order: expected number ${index + 1}`,
            path: [index, 'number'],
          })
        }
      })
    }),
})

export const Cluster = z.strictObject({
  id: Slug,
  name: BilingualText,
  description: BilingualText,
  /** `eric` for the nine clusters of Waltz et al. (2015); `strategiewijzer` for our extensions. */
  origin: z.enum(['eric', 'strategiewijzer']),
  /** The cluster's name in Waltz et al. (2015), where it has one. */
  ericName: z.string().optional(),
})
export type Cluster = z.infer<typeof Cluster>

export const ClustersFile = z.strictObject({
  clusters: z.array(Cluster).min(1).superRefine(uniqueBy((c) => c.id, 'cluster id')),
})

export const Strategy = z.strictObject({
  id: Slug,
  /** Number in the ERIC compilation (Powell et al. 2015, Waltz numbering), where it has one. */
  ericNumber: z.number().int().min(1).max(73).optional(),
  /** The ERIC strategy's original English name (a fact, kept for traceability). */
  ericName: z.string().optional(),
  /** Number in the school adaptation SISTER (Cook et al. 2019), where known. */
  sisterNumber: z.number().int().min(1).max(75).optional(),
  /** `eric`: adapted from ERIC; `sister`: from SISTER; `school`: added for Dutch schools. */
  origin: z.enum(['eric', 'sister', 'school']),
  name: BilingualText,
  description: BilingualText,
  example: BilingualText,
  cluster: Slug,
  phases: z.array(Phase).min(1),
  actors: z.array(Actor).min(1),
  effort: Effort,
  /** Waltz et al. (2015) expert ratings (1–5) where published; facts, not our judgement. */
  waltz: z
    .strictObject({
      importance: z.number().min(1).max(5).optional(),
      feasibility: z.number().min(1).max(5).optional(),
      quadrant: z.enum(['I', 'II', 'III', 'IV']).optional(),
    })
    .optional(),
  /**
   * True where the school adaptation changes how the ERIC strategy works, so that ratings of
   * the health-care original (Waltz) do not carry over; `adaptationNote` says what changed.
   */
  mechanismChanged: z.boolean().default(false),
  /** What the school adaptation changed in the ERIC strategy; required when the mechanism changed. */
  adaptationNote: BilingualText.optional(),
}).superRefine((s, ctx) => {
  if (s.mechanismChanged && !s.adaptationNote) {
    ctx.addIssue({ code: 'custom', message: 'a strategy whose mechanism changed needs an adaptationNote', path: ['adaptationNote'] })
  }
  if (s.mechanismChanged && s.ericNumber === undefined) {
    ctx.addIssue({ code: 'custom', message: 'only an ERIC strategy can have its mechanism changed', path: ['mechanismChanged'] })
  }
})
export type Strategy = z.infer<typeof Strategy>

export const StrategiesFile = z.strictObject({
  strategies: z.array(Strategy).min(1),
})

export const Source = z.strictObject({
  id: Slug,
  /**
   * A short label for lists, e.g. "Waltz et al. 2019 (CFIR–ERIC)": one text for both languages,
   * or {nl, en} where words in it need translating.
   */
  label: z.union([z.string().trim().min(1).transform((text) => ({ nl: text, en: text })), BilingualText]),
  citation: z.string().trim().min(1),
  /** http(s) only: the URL becomes a link in the app. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  kind: z.enum(['expert-survey', 'theory', 'delphi', 'editorial', 'imported']),
  /** How much weight its evidence carries; an editorial source is a `proposal`. */
  tier: EvidenceTier,
  evidence: EvidenceTag,
  description: BilingualText,
})
export type Source = z.infer<typeof Source>

export const SourcesFile = z.strictObject({
  sources: z.array(Source).min(1).superRefine(uniqueBy((s) => s.id, 'source id')),
})

export const Method = z.strictObject({
  id: Slug,
  name: BilingualText,
  description: BilingualText,
  /** What the strengths of this method's links may be. */
  bases: z.array(StrengthBasis).min(1),
  /** The one strength a `fixed` link of this method has. */
  fixedStrength: z.number().min(0).max(1).optional(),
})
export type Method = z.infer<typeof Method>

export const MethodsFile = z.strictObject({
  methods: z.array(Method).min(1).superRefine(uniqueBy((m) => m.id, 'method id')),
})

export const Link = z.strictObject({
  determinant: z.number().int().min(1).max(29),
  strategy: Slug,
  source: Slug,
  method: Slug,
  /** 0–1; for expert surveys the share of experts who chose this strategy for this barrier. */
  strength: z.number().min(0).max(1),
  /** What the strength is: a printed share, a lower bound, the method's fixed value, … */
  basis: StrengthBasis,
  /**
   * For a derived link, the published cell it comes from: `source/construct/strategy`. Links
   * fanned out from one expert cell over several determinants share it, so a ranking can count
   * that judgement once. Absent where the link is its own cell.
   */
  cell: z
    .string()
    .regex(/^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/, 'must be source/construct/strategy, each lowercase words joined by hyphens')
    .optional(),
  /** For audit, the framework construct or method the link passed through, as the source names it. */
  construct: z.string().trim().min(1).optional(),
  rationale: BilingualText,
  /** How the link was reached, in a sentence for readers. */
  via: BilingualText.optional(),
})
export type Link = z.infer<typeof Link>

export const LinksFile = z.strictObject({
  links: z
    .array(Link)
    .min(1)
    .superRefine(
      uniqueBy((l) => `${l.determinant}|${l.strategy}|${l.source}`, 'link (determinant|strategy|source)')
    ),
})
