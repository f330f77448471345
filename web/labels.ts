/**
 * @module Interface labels of the knowledge base's closed vocabularies. Functions, not
 * constants: `msg()` must run at render time to follow the language.
 */
import { msg, str } from '@lit/localize'
import type { Status } from '../server/domain/scoring.ts'
import type { Actor, Effort, Group, Phase, Respondent } from '../server/domain/vocabulary.ts'
import { CROSSWALK_METHODS, type EvidenceTier, type StrengthBasis } from './evidence-tier.ts'
import { formatCount, formatFixed, formatPercent, formatStrength, plural } from './format.ts'
import { getLocale } from './localization.ts'

export const groupLabel = (g: Group): string =>
  ({
    innovation: msg('The approach itself'),
    user: msg('The professional'),
    organisation: msg('The school as organisation'),
    context: msg('Laws and regulations'),
  })[g]

export const groupHint = (g: Group): string =>
  ({
    innovation: msg('How clear, complete and workable the approach is.'),
    user: msg('What you think, know and can do, and the people around you.'),
    organisation: msg('What the school has arranged: time, people, money, coordination.'),
    context: msg('The rules the school works within.'),
  })[g]

export const phaseLabel = (p: Phase): string =>
  ({
    preparation: msg('Preparation'),
    start: msg('Start'),
    'full-implementation': msg('Full implementation'),
    sustainment: msg('Sustainment'),
  })[p]

export const actorLabel = (a: Actor): string =>
  ({
    'school-management': msg('School management'),
    'implementation-team': msg('Implementation team or coordinator'),
    teachers: msg('Teachers and mentors'),
    students: msg('Students'),
    'external-partner': msg('External partner (GGD, youth care)'),
  })[a]

export const effortLabel = (e: Effort): string =>
  ({ low: msg('Low effort'), medium: msg('Medium effort'), high: msg('High effort') })[e]

export const statusLabel = (s: Status): string =>
  ({
    barrier: msg('Barrier'),
    neutral: msg('Neutral'),
    facilitator: msg('Facilitator'),
    insufficient: msg('Too few answers'),
  })[s]

export const respondentLabel = (r: Respondent): string =>
  ({ user: msg('Professional'), 'key-informant': msg('Key informant') })[r]

export const strengthLabel = (label: 'essential' | 'supportive'): string =>
  label === 'essential' ? msg('essential') : msg('supportive')

/** A pair's label as a word that says it is about the link: "essential link", "supportive link". */
export const linkLabel = (label: 'essential' | 'supportive'): string =>
  label === 'essential' ? msg('essential link') : msg('supportive link')

/** How much a source's evidence weighs, in words. */
export const tierLabel = (tier: EvidenceTier): string =>
  ({
    'expert-data': msg('published expert data'),
    'published-method': msg('published method'),
    proposal: msg('our proposal (not tested)'),
    imported: msg('imported'),
    'expert-rated': msg('rated by experts'),
  })[tier]

/**
 * The weight of one link's evidence in words: its source's tier, and, for a link that passed
 * through our own crosswalk or classification, that it did (it is only as strong as that step).
 */
export function evidenceLabel(tier: EvidenceTier, method: string): string {
  switch (CROSSWALK_METHODS[method]) {
    case 'crosswalk':
      return tier === 'expert-data' ? msg('expert data via our crosswalk') : msg(str`${tierLabel(tier)} via our crosswalk`)
    case 'classification':
      return tier === 'published-method'
        ? msg('published method via our classification')
        : msg(str`${tierLabel(tier)} via our classification`)
    default:
      return tierLabel(tier)
  }
}

/**
 * A link strength as what it is: a printed share of experts ("44%"), a bound ("≥20%"), or a
 * number with the word that says where it comes from ("0.4 (fixed value)"). Numbers follow the
 * interface language (a decimal comma in Dutch).
 */
export function strengthText(strength: number, basis: StrengthBasis): string {
  switch (basis) {
    case 'printed':
      return formatPercent(strength)
    case 'lower-bound':
      return `≥${formatPercent(strength)}`
    case 'fixed':
      return msg(str`${formatStrength(strength)} (fixed value)`)
    case 'judgement':
      return msg(str`${formatStrength(strength)} (our judgement)`)
    case 'imported':
      return msg(str`${formatStrength(strength)} (imported value)`)
    case 'rated':
      return strength === 0 ? msg('rejected by an expert panel') : msg(str`${formatStrength(strength)} (expert panel)`)
  }
}

/** A score with two decimals in the interface language ("0,75" in Dutch). */
export const scoreText = (x: number): string => formatFixed(x, 2)

/** Names joined as a sentence does in the interface language: "Time, Staff and Money". */
export const nameList = (names: readonly string[]): string =>
  new Intl.ListFormat(getLocale(), { style: 'long', type: 'conjunction' }).format(names)

/**
 * How a barrier's severity reads: measured shares as "30% negative", weights the team gave as
 * how much it hinders, nothing when no severity was given.
 */
export const severityText = (severity: number, kind: 'share-negative' | 'given' | 'none'): string =>
  kind === 'share-negative'
    ? msg(str`${percent(severity)} negative`)
    : kind === 'given'
      ? severity < 0.5
        ? msg('hinders a little')
        : severity < 1
          ? msg('hinders clearly')
          : msg('hinders strongly')
      : ''

/** A share as a percentage in the interface language (see format.ts). */
export const percent = formatPercent

export const answeredOf = (answered: number, total: number): string => msg(str`${answered} of ${total} answered`)

/** "1 respondent", "12 respondents". */
export const respondentsText = (n: number): string =>
  plural(n, { one: msg('1 respondent'), other: msg(str`${formatCount(n)} respondents`) })

/** "1 key informant", "3 key informants". */
export const keyInformantsText = (n: number): string =>
  plural(n, { one: msg('1 key informant'), other: msg(str`${formatCount(n)} key informants`) })

/** "1 strategy", "5 strategies". */
export const strategiesText = (n: number): string =>
  plural(n, { one: msg('1 strategy'), other: msg(str`${formatCount(n)} strategies`) })

/** "1 barrier", "4 barriers". */
export const barriersText = (n: number): string =>
  plural(n, { one: msg('1 barrier'), other: msg(str`${formatCount(n)} barriers`) })

/** "1 determinant", "29 determinants". */
export const determinantsText = (n: number): string =>
  plural(n, { one: msg('1 determinant'), other: msg(str`${formatCount(n)} determinants`) })

/** "1 link", "30 links". */
export const linksText = (n: number): string =>
  plural(n, { one: msg('1 link'), other: msg(str`${formatCount(n)} links`) })

/** "1 school", "4 schools". */
export const schoolsText = (n: number): string =>
  plural(n, { one: msg('1 school'), other: msg(str`${formatCount(n)} schools`) })

/** "1 answer", "40 answers". */
export const answersText = (n: number): string =>
  plural(n, { one: msg('1 answer'), other: msg(str`${formatCount(n)} answers`) })

/** "1 facilitator", "14 facilitators". */
export const facilitatorsText = (n: number): string =>
  plural(n, { one: msg('1 facilitator'), other: msg(str`${formatCount(n)} facilitators`) })
