/**
 * @module Interface labels of the knowledge base's closed vocabularies. Functions, not
 * constants: `msg()` must run at render time to follow the language.
 */
import { msg, str } from '@lit/localize'
import type { Status } from '../server/domain/scoring.ts'
import type { Actor, Effort, Group, Phase, Respondent } from '../server/domain/vocabulary.ts'

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

export const percent = (x: number | null | undefined): string =>
  x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`

export const answeredOf = (answered: number, total: number): string => msg(str`${answered} of ${total} answered`)
