/**
 * @module How rounds and times read in the interface: dates in the interface language, a
 * round's state in words, and the closing date as a day (the round takes answers through the
 * whole of that day, in the team's time zone).
 */
import { msg } from '@lit/localize'
import type { PlanStatus } from '../../server/domain/workspace.ts'
import type { RoundOut } from '../../server/schemas/workspace.ts'
import { currentLang } from '../localization.ts'

const locale = () => (currentLang() === 'nl' ? 'nl-NL' : 'en-GB')

export const dateText = (ms: number): string =>
  new Date(ms).toLocaleDateString(locale(), { day: 'numeric', month: 'long', year: 'numeric' })

export const dateTimeText = (ms: number): string =>
  new Date(ms).toLocaleString(locale(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })

/** The closing moment of a last day to answer (yyyy-mm-dd): the start of the next day, local time. */
export function closingFromDate(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1).getTime()
}

/** The last day to answer (yyyy-mm-dd) of a closing moment. */
export function dateFromClosing(closesAt: number): string {
  const last = new Date(closesAt - 1)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${last.getFullYear()}-${pad(last.getMonth() + 1)}-${pad(last.getDate())}`
}

export const roundStateText = (r: Pick<RoundOut, 'state' | 'accepting'>): string =>
  r.state === 'closed' ? msg('Closed') : r.accepting ? msg('Open: takes answers') : msg('Past its closing date')

export const planStatusLabel = (s: PlanStatus): string =>
  ({ planned: msg('Planned'), running: msg('Running'), done: msg('Done'), stopped: msg('Stopped') })[s]
