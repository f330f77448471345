/**
 * @module <sw-plan-timeline>: the plan's strategies across a school year (August to July),
 * grouped by phase, each a row whose months are marked with a fill and a ■, so it reads
 * without colour. The region's school holidays show as hatched parts of the month cells and
 * are named, with their dates, in the month headings. Strategies without a start month are
 * listed below as not yet scheduled. Prints on an A4 landscape page.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import {
  planTimeline,
  type Holiday,
  type HolidayInMonth,
  type MonthHolidays,
  type PlanRegion,
  type SchoolCalendar,
  type TimelineRow,
} from '../../server/domain/school-year.ts'
import type { Phase } from '../../server/domain/vocabulary.ts'
import { phaseLabel } from '../labels.ts'
import { plural } from '../format.ts'
import { currentLang } from '../localization.ts'
import { shared } from '../styles/shared.ts'
import { planTimelineStyles } from './plan-timeline.styles.ts'

/** A strategy of the plan as the timeline shows it. */
export type TimelineItem = {
  readonly id: string
  readonly name: string
  readonly phase?: Phase
  readonly startMonth?: number
  readonly months?: number
}

/** The name of a holiday, as in a sentence ("herfstvakantie"). */
export const holidayName = (h: Holiday): string =>
  ({
    herfst: msg('autumn break'),
    kerst: msg('Christmas holiday'),
    voorjaar: msg('spring break'),
    mei: msg('May holiday'),
    zomer: msg('summer holiday'),
  })[h]

/** The short name of a holiday a month heading has room for. */
export const holidayShort = (h: Holiday): string =>
  ({
    herfst: msg('autumn'),
    kerst: msg('Christmas'),
    voorjaar: msg('spring'),
    mei: msg('May'),
    zomer: msg('summer'),
  })[h]

export const regionLabel = (r: PlanRegion): string =>
  ({ noord: msg('North'), midden: msg('Central'), zuid: msg('South'), none: msg('no region') })[r]

const utc = (iso: string) => {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d))
}

/** "17–25 okt", "20 dec – 4 jan": a holiday's whole period in the page's language. */
const periodText = (h: HolidayInMonth) =>
  new Intl.DateTimeFormat(currentLang(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).formatRange(utc(h.period.start), utc(h.period.end))

const monthName = (m: MonthHolidays) =>
  new Intl.DateTimeFormat(currentLang(), { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(m.year, m.month - 1, 1)))

/** What a bar cut at July says of the months it does not show. */
export const clippedText = (n: number): string =>
  plural(n, {
    one: msg('runs one more month after July: not shown'),
    other: msg(str`runs ${n} more months after July: not shown`),
  })

@customElement('sw-plan-timeline')
@localized()
export class PlanTimeline extends LitElement {
  static override styles = [shared, planTimelineStyles]

  /** The plan's strategies, in plan order (the timeline orders them by phase and month). */
  @property({ attribute: false }) items: readonly TimelineItem[] = []
  /** The school year and the region's holidays (schoolCalendar). */
  @property({ attribute: false }) calendar: SchoolCalendar | null = null

  override render() {
    const calendar = this.calendar
    if (!calendar) return nothing
    const collator = new Intl.Collator(currentLang())
    const timeline = planTimeline(this.items, calendar, collator.compare)
    const caption =
      calendar.region === 'none'
        ? msg(str`Timeline of school year ${calendar.schoolYear}`)
        : msg(str`Timeline of school year ${calendar.schoolYear}, holidays of region ${regionLabel(calendar.region)}`)
    const scheduled = timeline.groups.length > 0
    return html`
      ${scheduled
        ? html`<p class="caption" aria-hidden="true">${caption}</p>
          <div class="wrap" role="region" tabindex="0" aria-label=${caption}>
            <table>
              <caption class="visually-hidden">${caption}</caption>
              <thead>
                <tr>
                  <th scope="col" class="name">${msg('Strategy')}</th>
                  ${calendar.months.map((m) => this.renderMonthHeading(m))}
                </tr>
              </thead>
              ${timeline.groups.map(
                (g) => html`<tbody>
                  <tr><th scope="colgroup" colspan="13" class="phase">${g.phase ? phaseLabel(g.phase) : msg('No phase chosen')}</th></tr>
                  ${g.rows.map((row) => this.renderRow(row, calendar))}
                </tbody>`
              )}
            </table>
          </div>`
        : html`<p>${msg('No strategy has a start month yet: choose one in the plan and it appears on the timeline.')}</p>`}
      ${this.renderNotes(calendar, scheduled)}
      ${timeline.unscheduled.length > 0
        ? html`<h3>${msg('Not yet scheduled')}</h3>
            <ul class="unscheduled">
              ${timeline.unscheduled.map((e) => html`<li>${e.name}${e.phase ? html` (${phaseLabel(e.phase)})` : nothing}</li>`)}
            </ul>`
        : nothing}
    `
  }

  private renderMonthHeading(m: MonthHolidays) {
    return html`<th scope="col" data-month=${m.month}>
      ${monthName(m)}<span class="year">${m.year}</span>
      ${m.holidays.map(
        (h) => html`<span class="holiday" data-holiday=${h.holiday}
          ><span aria-hidden="true"><span class="swatch"></span>${holidayShort(h.holiday)} ${h.firstDay}–${h.lastDay}</span
          ><span class="visually-hidden">${holidayName(h.holiday)} ${periodText(h)}</span></span
        >`
      )}
    </th>`
  }

  private renderRow(row: TimelineRow<TimelineItem>, calendar: SchoolCalendar) {
    const { bar, holidayStart, entry } = row
    const endMonth = calendar.months[bar.start + bar.length - 1]
    const startMonth = calendar.months[bar.start]
    const runs =
      startMonth && endMonth
        ? bar.length === 1
          ? msg(str`runs in ${monthName(startMonth)} ${startMonth.year}`)
          : msg(str`runs ${monthName(startMonth)} ${startMonth.year} to ${monthName(endMonth)} ${endMonth.year}`)
        : ''
    return html`<tr data-strategy=${entry.id}>
      <th scope="row">
        ${entry.name}<span class="visually-hidden">: ${runs}</span>
        ${holidayStart
          ? html`<span class="flag">⚠ ${holidayStart.share === null
              ? msg('starts in July or August: schools are usually on summer holiday then')
              : msg(str`starts in the ${holidayName(holidayStart.holiday)}`)}</span>`
          : nothing}
        ${bar.clipped > 0 ? html`<span class="note">${clippedText(bar.clipped)}</span>` : nothing}
        ${!bar.durationSet ? html`<span class="note">${msg('duration not set: one month shown')}</span>` : nothing}
      </th>
      ${calendar.months.map((m) => {
        const on = m.index >= bar.start && m.index < bar.start + bar.length
        return html`<td class="month ${on ? 'on' : ''}" data-on=${on ? 'yes' : 'no'}>
          ${m.holidays.map((h) => html`<span class="hatch" style="left:${((h.firstDay - 1) / m.days) * 100}%;width:${(h.days / m.days) * 100}%"></span>`)}
          ${on ? html`<span class="mark" aria-hidden="true">■</span>` : nothing}
        </td>`
      })}
    </tr>`
  }

  private renderNotes(calendar: SchoolCalendar, scheduled: boolean) {
    const region = regionLabel(calendar.region)
    const provisional = calendar.sources.filter((s) => s.status === 'provisional').map((s) => s.schoolYear)
    const urls = [...new Set(calendar.sources.flatMap((s) => s.urls))]
    return html`<div class="notes">
      ${scheduled ? html`<p>${msg('■ the strategy runs that month; hatched: school holiday.')}</p>` : nothing}
      ${calendar.region === 'none'
        ? html`<p>${msg('No region chosen: school holidays are not shown.')}</p>`
        : html`<p>
              ${msg(str`School holidays as advised by the government for region ${region}; your school's own dates may differ.`)}
              ${provisional.map((y) => msg(str`The dates for ${y} are provisional.`))}
            </p>
            ${calendar.status === 'no-data'
              ? html`<p class="no-data">${msg(str`There are no holiday dates for school year ${calendar.schoolYear} yet: its months are shown without holidays.`)}</p>`
              : nothing}
            ${calendar.unknown.map(
              (u) => html`<p class="unknown">${msg(str`The dates of the ${holidayName(u.holiday)} ${u.year} for region ${region} are not known yet, so they are not shown.`)}</p>`
            )}
            ${urls.length > 0
              ? html`<p class="sources">
                  ${msg('Sources:')}
                  ${urls.map((u, i) => html`${i > 0 ? ', ' : ''}<a href=${u} rel="noopener noreferrer" target="_blank">${new URL(u).hostname.replace(/^www\./, '')}</a>`)}
                </p>`
              : nothing}`}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-plan-timeline': PlanTimeline
  }
}
