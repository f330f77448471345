/**
 * @module The closed vocabularies of the knowledge base: determinant groups, respondents,
 * answer valences, implementation phases, actors, effort levels and languages.
 *
 * Each is an `as const` tuple with a derived union type, so zod schemas, drizzle columns and
 * the web app all read the same list.
 */

/** The four MIDI determinant groups, in MIDI order. */
export const GROUPS = ['innovation', 'user', 'organisation', 'context'] as const
export type Group = (typeof GROUPS)[number]

/** Who answers an item: every user of the innovation, or one well-informed key informant. */
export const RESPONDENTS = ['user', 'key-informant'] as const
export type Respondent = (typeof RESPONDENTS)[number]

/** Whether an answer option counts against, neither for nor against, or for the innovation. */
export const VALENCES = ['negative', 'neutral', 'positive'] as const
export type Valence = (typeof VALENCES)[number]

/**
 * An answer option's valence, or `missing` for an option that is a real answer but counts as
 * no answer in scoring ("not yet applicable / don't know": never neutral, never negative).
 */
export const OPTION_VALENCES = [...VALENCES, 'missing'] as const
export type OptionValence = (typeof OPTION_VALENCES)[number]

/** The phases of an implementation plan, in the order a school goes through them. */
export const PHASES = ['preparation', 'start', 'full-implementation', 'sustainment'] as const
export type Phase = (typeof PHASES)[number]

/** Who typically carries out a strategy. */
export const ACTORS = [
  'school-management',
  'implementation-team',
  'teachers',
  'students',
  'external-partner',
] as const
export type Actor = (typeof ACTORS)[number]

/** A rough effort level, ordered from least to most. */
export const EFFORTS = ['low', 'medium', 'high'] as const
export type Effort = (typeof EFFORTS)[number]

/** The languages of the interface and of every text in the knowledge base. */
export const LANGS = ['nl', 'en'] as const
export type Lang = (typeof LANGS)[number]

/** A text in both languages. */
export type Bilingual = { readonly nl: string; readonly en: string }

/** The kinds of answer scale an item can use. */
export const SCALE_KINDS = ['agree', 'yes-no', 'categories', 'proportion'] as const
export type ScaleKind = (typeof SCALE_KINDS)[number]

/**
 * What a link's strength is: `printed` — a share of experts printed in the source; `lower-bound`
 * — the source gives only a level, and the strength is that level's lower bound (CFIR–ERIC
 * Level 2 = at least 20%); `fixed` — the method's fixed value (Intervention Mapping 0.4, Delphi
 * hypothesis 0.4); `judgement` — our editorial judgement; `imported` — as given in a file
 * loaded with kb:import; `rated` — from an expert panel's ratings in Strategiewijzer's own
 * rating rounds, by the mapping of docs/expert-rating.md.
 */
export const STRENGTH_BASES = ['printed', 'lower-bound', 'fixed', 'judgement', 'imported', 'rated'] as const
export type StrengthBasis = (typeof STRENGTH_BASES)[number]

/**
 * How much weight a source's evidence carries, strongest first: `expert-data` — published data
 * from experts (expert surveys, Delphi studies); `published-method` — a published theory or
 * method (Intervention Mapping); `proposal` — our editorial proposal, not tested; `imported` — a
 * team's or institute's own mapping, loaded with kb:import; `expert-rated` — reserved for links
 * rated by experts in Strategiewijzer's own rating rounds.
 */
export const EVIDENCE_TIERS = ['expert-data', 'published-method', 'proposal', 'imported', 'expert-rated'] as const
export type EvidenceTier = (typeof EVIDENCE_TIERS)[number]

/** Link strength at or above this value is shown as "essential", below it as "supportive". */
export const ESSENTIAL_STRENGTH = 0.5

/** The label shown for a link strength. */
export function strengthLabel(strength: number): 'essential' | 'supportive' {
  return strength >= ESSENTIAL_STRENGTH ? 'essential' : 'supportive'
}

/**
 * Most respondents scored at once: per API request, and per CSV file in the web app (the
 * product targets teams of 1–500).
 */
export const MAX_RESPONDENTS = 2000
