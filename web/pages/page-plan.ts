/**
 * @module <sw-page-plan>: the strategies the team chose, in order, each specified the usual way
 * (who, what, for whom, when, how often, which outcome shows it worked). Kept in the browser;
 * printed as one clean page; downloaded as CSV or Excel. Taking an entry out can be undone.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { repeat } from 'lit/directives/repeat.js'
import { customElement, state } from 'lit/decorators.js'
import type { StrategyOut } from '../../server/schemas/api.ts'
import { errorOf } from '../api.ts'
import { determinantList, strategyCatalogue } from '../catalogue.ts'
import { formatFixed } from '../format.ts'
import { csvFormat, downloadBlob, downloadText, fileSlug } from '../download.ts'
import { effortLabel, phaseLabel, strategiesText } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { planCsv, planTable, timelineTable, type PlanTableLabels, type TimelineTableLabels } from '../plan-export.ts'
import { PLAN_STATUSES, type PlanStatus } from '../../server/domain/workspace.ts'
import { SPEC_FIELDS, type Specification } from '../state/app-state.ts'
import type { RestoreEvent } from '../state/store.ts'
import { page, shared } from '../styles/shared.ts'
import { ActiveTeamData } from '../workspace/active-data.ts'
import { planStatusLabel } from '../workspace/round-text.ts'
import { session } from '../workspace/session.ts'
import type { PlanItem, SaveState } from '../workspace/team-data.ts'
import '../components/go-zone-chart.ts'
import type { GoZonePoint } from '../components/go-zone-chart.ts'
import '../components/plan-timeline.ts'
import { clippedText, holidayName, holidayShort, regionLabel, type TimelineItem } from '../components/plan-timeline.ts'
import { holidayStartOf, PLAN_REGIONS, schoolYearMonths, type HolidayStart, type PlanRegion, type SchoolCalendar } from '../../server/domain/school-year.ts'
import { PHASES, type Phase } from '../../server/domain/vocabulary.ts'
import { planCalendarOf, schoolYearChoices } from '../school-holidays.ts'

export const specLabel = (f: keyof Specification): string =>
  ({
    actor: msg('Who does it'),
    action: msg('What exactly'),
    target: msg('For whom'),
    timing: msg('When'),
    dose: msg('How often / how much'),
    outcome: msg('Which outcome shows it worked'),
    notes: msg('Notes'),
  })[f]

const specHint = (f: keyof Specification): string =>
  ({
    actor: msg('e.g. the care coordinator with two mentors'),
    action: msg('the concrete activities'),
    target: msg('e.g. all mentors of year 3'),
    timing: msg('e.g. from the autumn break'),
    dose: msg('e.g. every six weeks, 45 minutes'),
    outcome: msg('e.g. 80% of mentors hold the conversations'),
    notes: '',
  })[f]

const numberOr = (value: string): number | undefined => (value === '' ? undefined : Number(value))

const monthYearText = (month: number, year: number) =>
  new Intl.DateTimeFormat(currentLang(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)))

const monthsText = (n: number): string => (n === 1 ? msg('1 month') : msg(str`${n} months`))

/** Calendar month `m` as the month and year it falls in during the calendar's school year ("oktober 2026"). */
function schoolMonthText(calendar: { readonly schoolYear: string }, m: number): string {
  const at = schoolYearMonths(calendar.schoolYear).find((x) => x.month === m)
  return at ? monthYearText(at.month, at.year) : String(m)
}

@customElement('sw-page-plan')
@localized()
export class PagePlan extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      .entries {
        list-style: none;
        padding: 0;
        margin: 1rem 0;
        display: grid;
        /* The column never grows past the page for a long option in a select. */
        grid-template-columns: minmax(0, 1fr);
        gap: 1rem;
      }
      .entry header {
        display: flex;
        gap: 0.75rem;
        align-items: baseline;
        flex-wrap: wrap;
      }
      .entry h2 {
        font-size: 1.2rem;
        margin: 0;
      }
      .order {
        font-weight: 800;
        color: var(--sw-primary-dark);
      }
      .ratings {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: flex-end;
        margin: 0.5rem 0;
      }
      .ratings p {
        flex-basis: 100%;
        margin: 0;
      }
      .go-zone,
      .timeline {
        margin-top: 2rem;
      }
      .calendar-fields {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        margin-bottom: 0.75rem;
      }
      .calendar-fields label,
      .schedule label {
        display: inline-grid;
        gap: 0.2rem;
        font-size: 0.95rem;
      }
      /* A month's option names its holiday: on a phone the select may not outgrow the page. */
      .schedule label {
        max-width: 100%;
        grid-template-columns: minmax(0, 1fr);
      }
      .schedule select {
        max-width: 100%;
      }
      .schedule p {
        flex-basis: 100%;
        margin: 0;
        font-size: 0.95rem;
      }
      .schedule {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: flex-end;
        margin: 0.5rem 0;
      }
      .go-zone .view {
        display: flex;
        gap: 0.5rem;
        margin-bottom: 0.75rem;
      }
      .spec {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(190px, 1fr));
        gap: 0.75rem 1rem;
        margin: 0.75rem 0;
      }
      .spec label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.95rem;
      }
      .spec input {
        width: 100%;
      }
      .spec .wide {
        grid-column: 1 / -1;
      }
      .title-field {
        display: grid;
        gap: 0.25rem;
        max-width: 32rem;
        margin-bottom: 1rem;
      }
      .print-only {
        display: none;
      }
      .status-field {
        display: inline-grid;
        gap: 0.2rem;
        font-size: 0.95rem;
      }
      .saving {
        margin: 0.5rem 0 1rem;
      }
      .theirs table {
        font-size: 0.92rem;
        background: #fff;
      }
      @media print {
        :host {
          padding: 0;
          max-width: none;
        }
        .screen-only {
          display: none !important;
        }
        .print-only {
          display: block;
        }
        .print-only h1 {
          font-size: 16pt;
          margin-bottom: 2mm;
        }
        .print-only p {
          font-size: 9pt;
          margin: 0 0 3mm;
        }
        .print-only table {
          font-size: 8pt;
          width: 100%;
        }
        .print-only th,
        .print-only td {
          border: 0.5pt solid #666;
          padding: 1.2mm;
        }
        .print-only thead th {
          background: #eee;
        }
        .print-only .timeline {
          break-before: page;
          margin-top: 0;
        }
        .print-only .timeline h2 {
          font-size: 13pt;
          margin: 0 0 2mm;
        }
      }
    `,
  ]

  private readonly team = new ActiveTeamData(this, (e) => void this.focusRestored(e))
  @state() private status = ''
  @state() private goZoneView: 'chart' | 'table' = 'chart'

  private readonly data = new Task(this, {
    task: async ([lang]) => {
      const [strategies, determinants] = await Promise.all([strategyCatalogue(lang), determinantList(lang)])
      return { strategies, names: new Map(determinants.map((d) => [d.number, d.name])) }
    },
    args: () => [currentLang()] as const,
  })

  override render() {
    const { plan, planTitle } = this.team.state
    const source = this.team.source
    if (!source.ready) {
      return html`<h1>${msg('Your implementation plan')}</h1>
        ${source.failure
          ? html`<p class="error" role="alert">${source.failure}</p>
              <button class="btn" @click=${() => session.set(null)}>${msg('Leave the round')}</button>`
          : html`<p class="muted" role="status">${msg('Loading the round…')}</p>`}`
    }
    const calendar = planCalendarOf(this.team.state.planCalendar, new Date())
    return this.data.render({
      pending: () => html`<h1>${msg('Your implementation plan')}</h1><p class="muted">${msg('Loading…')}</p>`,
      error: (e) => html`<h1>${msg('Your implementation plan')}</h1><p class="error" role="alert">${errorOf(e).message}</p>`,
      complete: ({ strategies, names }) => html`
        <div class="screen-only">
          <h1>${msg('Your implementation plan')}</h1>
          <p class="lead">
            ${source.kind === 'round'
              ? msg(str`Specify each strategy so everyone knows who does what, when, and how you will see that it worked. The plan is saved in the round ${session.active?.roundLabel ?? ''}: every team member sees it.`)
              : msg('Specify each strategy so everyone knows who does what, when, and how you will see that it worked. Your plan is kept in this browser.')}
          </p>
          ${source.kind === 'round' ? this.renderSaveState(source.saveState, strategies) : nothing}
          <div class="title-field">
            <label for="title">${msg('Name of the plan')}</label>
            <input id="title" type="text" .value=${planTitle} placeholder=${msg('e.g. Well-being approach, Leiden College, 2026–2027')}
              @input=${(e: Event) => this.team.source.update(() => ({ planTitle: (e.target as HTMLInputElement).value }))} />
          </div>
          ${plan.length === 0
            ? html`<div class="notice"><p>${msg('Your plan is empty. Add strategies from the recommendations.')}</p>
                <a class="btn primary" href="/recommendations">${msg('To the strategies')}</a></div>`
            : html`
                <div class="actions">
                  <button class="btn" @click=${() => window.print()}>${msg('Print')}</button>
                  <button class="btn" @click=${() => this.downloadCsv(strategies, names)}>${msg('Download CSV')}</button>
                  <button class="btn" @click=${() => this.downloadExcel(strategies, names)}>${msg('Download Excel')}</button>
                  <span role="status" class="muted">${this.status}</span>
                </div>
                <ol class="entries">
                  ${repeat(
                    plan,
                    (entry) => entry.strategy,
                    (entry, i) => this.renderEntry(entry, i, plan.length, strategies.get(entry.strategy), names, calendar)
                  )}
                </ol>
                <a class="btn" href="/recommendations">${msg('Add more strategies')}</a>
                ${this.renderTimeline(strategies, calendar, true)}
                ${this.renderGoZone(plan, strategies)}
              `}
        </div>
        ${plan.length > 0 ? this.renderPrint(strategies, names, calendar) : nothing}
      `,
    })
  }

  /** Whether the plan is saved in the round, and what to do when it is not. */
  private renderSaveState(save: SaveState, strategies: ReadonlyMap<string, StrategyOut>) {
    switch (save.state) {
      case 'saved':
        return html`<p class="saving muted" role="status">${msg('All changes are saved.')}</p>`
      case 'saving':
        return html`<p class="saving muted" role="status">${msg('Saving…')}</p>`
      case 'offline':
        return html`<div class="saving notice warning" role="status">
          ${msg('Not saved yet: Strategiewijzer cannot be reached. Your changes are kept on this device and saved as soon as the connection is back.')}
          <button class="btn small" @click=${() => this.team.source.retry()}>${msg('Try again')}</button>
        </div>`
      case 'error':
        return html`<div class="saving error" role="alert">
          ${msg('Not saved:')} ${save.message} ${msg('Your changes are kept on this device.')}
          <button class="btn small" @click=${() => this.team.source.retry()}>${msg('Try again')}</button>
        </div>`
      case 'conflict': {
        // Everything "keep theirs" would take is shown: the schedule and the timeline's calendar too.
        const theirCalendar = planCalendarOf(save.theirs.calendar, new Date())
        return html`<div class="saving notice warning theirs" role="alert">
          <p><strong>${msg('Someone else saved this plan while you were editing it.')}</strong>
            ${msg('Your version is below, unsaved but kept on this device; theirs is here. Choose which one to keep. To combine them, keep yours and retype what you need from theirs, or the other way round.')}</p>
          <details open>
            <summary>${msg(str`Their version: ${save.theirs.title || msg('(no name)')}, ${strategiesText(save.theirs.plan.length)}`)}</summary>
            <p>${msg(str`Their timeline: school year ${theirCalendar.schoolYear}, holidays of region ${regionLabel(theirCalendar.region)}.`)}</p>
            <div role="region" tabindex="0" aria-label=${msg('Their version')} style="overflow-x:auto">
              <table>
                <thead><tr><th scope="col">${msg('Strategy')}</th><th scope="col">${msg('Status')}</th><th scope="col">${msg('Phase')}</th><th scope="col">${msg('Starts in')}</th><th scope="col">${msg('Duration')}</th><th scope="col">${msg('Feasibility (1–5)')}</th><th scope="col">${msg('Importance (1–5)')}</th>${SPEC_FIELDS.map((f) => html`<th scope="col">${specLabel(f)}</th>`)}</tr></thead>
                <tbody>
                  ${save.theirs.plan.map(
                    (e) => html`<tr><th scope="row">${strategies.get(e.strategy)?.name ?? e.strategy}</th><td>${planStatusLabel(e.status ?? 'planned')}</td><td>${e.phase ? phaseLabel(e.phase) : ''}</td><td>${e.startMonth === undefined ? '' : schoolMonthText(theirCalendar, e.startMonth)}</td><td>${e.months === undefined ? '' : monthsText(e.months)}</td><td>${e.feasibility ?? ''}</td><td>${e.importance ?? ''}</td>${SPEC_FIELDS.map((f) => html`<td>${e.spec[f]}</td>`)}</tr>`
                  )}
                </tbody>
              </table>
            </div>
          </details>
          <div class="actions" style="margin-top:0.75rem">
            <button class="btn primary" @click=${() => this.team.source.resolveConflict('mine')}>${msg('Keep mine (save it over theirs)')}</button>
            <button class="btn" @click=${() => this.team.source.resolveConflict('theirs')}>${msg('Keep theirs (my changes go)')}</button>
          </div>
        </div>`
      }
    }
  }

  private renderEntry(
    entry: PlanItem,
    index: number,
    count: number,
    s: StrategyOut | undefined,
    names: ReadonlyMap<number, string>,
    calendar: SchoolCalendar
  ) {
    const name = s?.name ?? entry.strategy
    const id = (f: string) => `${entry.strategy}-${f}`
    return html`<li class="card entry" data-strategy=${entry.strategy}>
      <header>
        <span class="order" aria-hidden="true">${index + 1}</span>
        <h2><a href="/kb/strategies/${entry.strategy}">${name}</a></h2>
        ${s ? html`<span class="badge">${s.clusterName}</span><span class="badge">${effortLabel(s.effort)}</span>` : nothing}
      </header>
      ${entry.barriers.length > 0
        ? html`<p class="muted">${msg('Addresses:')} ${entry.barriers.map((d) => names.get(d) ?? String(d)).join(', ')}</p>`
        : nothing}
      ${this.team.source.kind === 'round'
        ? html`<label class="status-field" for=${id('status')}>${msg('Status')}
            <select id=${id('status')} @change=${(e: Event) => this.setStatus(entry.strategy, (e.target as HTMLSelectElement).value as PlanStatus)}>
              ${PLAN_STATUSES.map((st) => html`<option value=${st} ?selected=${(entry.status ?? 'planned') === st}>${planStatusLabel(st)}</option>`)}
            </select>
          </label>`
        : nothing}
      ${this.renderRatings(entry, s, id)}
      ${this.renderSchedule(entry, id, calendar)}
      <div class="spec">
        ${(['action', 'actor', 'target', 'timing', 'dose', 'outcome', 'notes'] as const).map((f) => {
          const wide = f === 'action' || f === 'outcome' || f === 'notes'
          const input =
            f === 'action' || f === 'notes'
              ? html`<textarea id=${id(f)} .value=${entry.spec[f]} placeholder=${specHint(f)} @input=${(e: Event) => this.setSpec(entry.strategy, f, (e.target as HTMLTextAreaElement).value)}></textarea>`
              : html`<input id=${id(f)} type="text" .value=${entry.spec[f]} placeholder=${specHint(f)} @input=${(e: Event) => this.setSpec(entry.strategy, f, (e.target as HTMLInputElement).value)} />`
          return html`<label class=${wide ? 'wide' : ''} for=${id(f)}>${specLabel(f)} ${input}</label>`
        })}
      </div>
      <div class="actions">
        <button class="btn small" ?disabled=${index === 0} @click=${() => this.move(index, -1)}>
          ${msg('Move up')}<span class="visually-hidden">: ${name}</span>
        </button>
        <button class="btn small" ?disabled=${index === count - 1} @click=${() => this.move(index, 1)}>
          ${msg('Move down')}<span class="visually-hidden">: ${name}</span>
        </button>
        <button class="btn small danger" @click=${() => this.team.source.removePlanEntry(entry.strategy, name)}>
          ${msg('Remove')}<span class="visually-hidden">: ${name}</span>
        </button>
      </div>
    </li>`
  }

  private renderPrint(strategies: ReadonlyMap<string, StrategyOut>, names: ReadonlyMap<number, string>, calendar: SchoolCalendar) {
    const [header = [], ...rows] = planTable(this.team.state.plan, strategies, names, this.labels())
    return html`<div class="print-only">
      <h1>${this.team.state.planTitle || msg('Implementation plan')}</h1>
      <p>${msg(str`Made with Strategiewijzer on ${new Date().toLocaleDateString(currentLang())}. Strategies were suggested for the team's barriers; the team chose and specified them.`)}</p>
      <table>
        <thead><tr>${header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
      </table>
      ${this.renderTimeline(strategies, calendar, false)}
    </div>`
  }

  private labels(download = false): PlanTableLabels {
    const calendar = planCalendarOf(this.team.state.planCalendar, new Date())
    const month = (m: number) => schoolMonthText(calendar, m)
    return {
      order: msg('No.'),
      strategy: msg('Strategy'),
      cluster: msg('Cluster'),
      phases: msg('Phases'),
      barriers: msg('Barriers addressed'),
      spec: Object.fromEntries(SPEC_FIELDS.map((f) => [f, specLabel(f)])) as Record<keyof Specification, string>,
      phase: phaseLabel,
      // A round's plan says where each strategy stands.
      ...(this.team.source.kind === 'round' ? { status: { header: msg('Status'), label: planStatusLabel } } : {}),
      ...(download ? { schedule: { phase: msg('Phase'), start: msg('Starts in'), months: msg('Months'), month } } : {}),
    }
  }

  private timelineLabels(calendar: SchoolCalendar): TimelineTableLabels {
    const provisional = calendar.sources.filter((s) => s.status === 'provisional').map((s) => msg(str`The dates for ${s.schoolYear} are provisional.`))
    return {
      strategy: msg('Strategy'),
      phase: msg('Phase'),
      note: msg('Note'),
      holidays:
        calendar.region === 'none'
          ? msg('No region chosen: school holidays are not shown.')
          : [msg(str`School holidays as advised by the government for region ${regionLabel(calendar.region)}; your school's own dates may differ.`), ...provisional].join(' '),
      phaseLabel,
      noPhase: msg('No phase chosen'),
      month: (m, y) => new Intl.DateTimeFormat(currentLang(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1))),
      holiday: (h, first, last) => `${holidayShort(h)} ${first}–${last}`,
      clipped: clippedText,
      noDuration: msg('duration not set: one month shown'),
      startsInHoliday: (h, known) => (known ? msg(str`starts in the ${holidayName(h)}`) : msg('starts in July or August: schools are usually on summer holiday then')),
      unscheduled: msg('not yet scheduled'),
    }
  }

  private fileName(ext: string) {
    return `${fileSlug(this.team.state.planTitle) || msg('implementation-plan')}.${ext}`
  }

  private downloadCsv(strategies: ReadonlyMap<string, StrategyOut>, names: ReadonlyMap<number, string>) {
    downloadText(this.fileName('csv'), planCsv(csvFormat(), this.team.state.plan, strategies, names, this.labels(true)), 'text/csv')
    this.status = msg('CSV downloaded')
  }

  private async downloadExcel(strategies: ReadonlyMap<string, StrategyOut>, names: ReadonlyMap<number, string>) {
    // Loaded on demand: the Excel writer is the largest dependency and most visits never need it.
    const { default: writeExcelFile } = await import('write-excel-file/browser')
    const [header = [], ...rows] = planTable(this.team.state.plan, strategies, names, this.labels(true))
    const sheet = [header.map((value) => ({ value, fontWeight: 'bold' as const })), ...rows.map((r) => r.map((value) => ({ value, wrap: true })))]
    // The timeline beside it: months as columns, ■ where a strategy runs, the holidays in the second row.
    const calendar = planCalendarOf(this.team.state.planCalendar, new Date())
    const [tHeader = [], tHolidays = [], ...tRows] = timelineTable(this.team.state.plan, strategies, calendar, this.timelineLabels(calendar), new Intl.Collator(currentLang()).compare)
    const timeline = [
      tHeader.map((value) => ({ value, fontWeight: 'bold' as const })),
      tHolidays.map((value) => ({ value, wrap: true, fontStyle: 'italic' as const })),
      ...tRows.map((r) => r.map((value, i) => ({ value, wrap: true, ...(i > 1 && i < 14 ? { align: 'center' as const } : {}) }))),
    ]
    const blob = await writeExcelFile([
      { data: sheet, sheet: msg('Plan'), columns: header.map((_, i) => ({ width: i === 0 ? 5 : i === 1 ? 34 : 24 })) },
      { data: timeline, sheet: msg('Timeline'), columns: tHeader.map((_, i) => ({ width: i === 0 ? 34 : i === 1 ? 18 : i === 14 ? 40 : 9 })) },
    ]).toBlob()
    downloadBlob(this.fileName('xlsx'), blob)
    this.status = msg('Excel downloaded')
  }

  private setStatus(strategy: string, status: PlanStatus) {
    this.team.source.update((s) => ({ plan: s.plan.map((p) => (p.strategy === strategy ? { ...p, status } : p)) }))
  }

  /** When a strategy runs: its phase, the month it starts (of the plan's school year) and for how many months. */
  private renderSchedule(entry: PlanItem, id: (f: string) => string, calendar: SchoolCalendar) {
    const months = schoolYearMonths(calendar.schoolYear)
    // A start in a month that is mostly holiday is named as such here, where it is chosen.
    const holidayAt = months.map((_, i) => holidayStartOf(calendar, i))
    const chosen = entry.startMonth === undefined ? null : (holidayAt[months.findIndex((m) => m.month === entry.startMonth)] ?? null)
    const holidayText = (h: HolidayStart) => (h.share === null ? msg('usually summer holiday') : holidayName(h.holiday))
    return html`<div class="schedule">
      <label for=${id('phase')}>${msg('Phase')}
        <select id=${id('phase')} @change=${(e: Event) => this.setSchedule(entry.strategy, { phase: ((e.target as HTMLSelectElement).value || undefined) as Phase | undefined })}>
          <option value="" ?selected=${entry.phase === undefined}>${msg('no phase chosen')}</option>
          ${PHASES.map((p) => html`<option value=${p} ?selected=${entry.phase === p}>${phaseLabel(p)}</option>`)}
        </select>
      </label>
      <label for=${id('start')}>${msg('Starts in')}
        <select id=${id('start')} aria-describedby=${chosen ? id('start-note') : nothing} @change=${(e: Event) => this.setSchedule(entry.strategy, { startMonth: numberOr((e.target as HTMLSelectElement).value) })}>
          <option value="" ?selected=${entry.startMonth === undefined}>${msg('not yet scheduled')}</option>
          ${months.map((m, i) => {
            const h = holidayAt[i]
            return html`<option value=${m.month} ?selected=${entry.startMonth === m.month}>${monthYearText(m.month, m.year)}${h ? ` (${holidayText(h)})` : ''}</option>`
          })}
        </select>
      </label>
      <label for=${id('months')}>${msg('Duration')}
        <select id=${id('months')} @change=${(e: Event) => this.setSchedule(entry.strategy, { months: numberOr((e.target as HTMLSelectElement).value) })}>
          <option value="" ?selected=${entry.months === undefined}>${msg('not set')}</option>
          ${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => html`<option value=${n} ?selected=${entry.months === n}>${monthsText(n)}</option>`)}
        </select>
      </label>
      ${chosen
        ? html`<p id=${id('start-note')}>${chosen.share === null
            ? msg('This start falls in July or August, when schools are usually on summer holiday.')
            : msg(str`This start falls mostly in the ${holidayName(chosen.holiday)}: most colleagues are away then.`)}</p>`
        : nothing}
    </div>`
  }

  /** The plan on a timeline across the school year, with the region and school year to choose (on screen). */
  private renderTimeline(strategies: ReadonlyMap<string, StrategyOut>, calendar: SchoolCalendar, screen: boolean) {
    const items: TimelineItem[] = this.team.state.plan.map((e) => ({
      id: e.strategy,
      name: strategies.get(e.strategy)?.name ?? e.strategy,
      ...(e.phase !== undefined ? { phase: e.phase } : {}),
      ...(e.startMonth !== undefined ? { startMonth: e.startMonth } : {}),
      ...(e.months !== undefined ? { months: e.months } : {}),
    }))
    const { region, schoolYear } = this.team.state.planCalendar
    const today = new Date()
    const heading = screen ? 'timeline-heading' : 'timeline-print-heading'
    return html`<section class="timeline" aria-labelledby=${heading}>
      <h2 id=${heading}>${msg('Timeline across the school year')}</h2>
      ${screen
        ? html`<div class="calendar-fields">
            <label for="school-year">${msg('School year')}
              <select id="school-year" @change=${(e: Event) => this.setCalendar({ schoolYear: (e.target as HTMLSelectElement).value })}>
                ${schoolYearChoices(today, schoolYear).map(
                  (y) => html`<option value=${y} ?selected=${y === calendar.schoolYear}>${y}</option>`
                )}
              </select>
            </label>
            <label for="region">${msg('Holiday region')}
              <select id="region" @change=${(e: Event) => this.setCalendar({ region: (e.target as HTMLSelectElement).value as PlanRegion })}>
                ${PLAN_REGIONS.map((r) => html`<option value=${r} ?selected=${region === r}>${regionLabel(r)}</option>`)}
              </select>
            </label>
          </div>`
        : nothing}
      <sw-plan-timeline .items=${items} .calendar=${calendar}></sw-plan-timeline>
    </section>`
  }

  private setSchedule(strategy: string, change: Partial<Pick<PlanItem, 'phase' | 'startMonth' | 'months'>>) {
    this.team.source.update((s) => ({
      plan: s.plan.map((p) => {
        if (p.strategy !== strategy) return p
        const next: Record<string, unknown> = { ...p, ...change }
        // An unset field is left out, as in a plan stored before it existed.
        for (const [k, v] of Object.entries(change)) if (v === undefined) delete next[k]
        return next as PlanItem
      }),
    }))
  }

  private setCalendar(change: Partial<{ region: PlanRegion; schoolYear: string | null }>) {
    this.team.source.update((s) => ({ planCalendar: { ...s.planCalendar, ...change } }))
  }

  /**
   * The team's own feasibility and importance (1–5), beside the published ratings where Waltz
   * et al. (2015) give them (not where the school adaptation works differently).
   */
  private renderRatings(entry: PlanItem, s: StrategyOut | undefined, id: (f: string) => string) {
    const published = s?.waltz && !s.mechanismChanged ? s.waltz : null
    const select = (field: 'feasibility' | 'importance', label: string) => html`<label for=${id(field)}>${label}
        <select id=${id(field)} @change=${(e: Event) => this.setRating(entry.strategy, field, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${entry[field] === undefined}>${msg('not rated')}</option>
          ${[1, 2, 3, 4, 5].map((v) => html`<option value=${v} ?selected=${entry[field] === v}>${v}</option>`)}
        </select>
      </label>`
    return html`<div class="ratings">
      ${select('feasibility', msg('Your feasibility (1–5)'))} ${select('importance', msg('Your importance (1–5)'))}
      ${published?.importance !== undefined
        ? html`<p class="muted">
            ${published.feasibility !== undefined
              ? msg(str`Published: importance ${formatFixed(published.importance)}, feasibility ${formatFixed(published.feasibility)} (Waltz et al. 2015)`)
              : msg(str`Published: importance ${formatFixed(published.importance)} (Waltz et al. 2015; no feasibility published)`)}
          </p>`
        : nothing}
    </div>`
  }

  /** The go-zone chart of the plan's strategies: the team's own ratings where set, else the published ones. */
  private renderGoZone(plan: readonly PlanItem[], strategies: ReadonlyMap<string, StrategyOut>) {
    const points: GoZonePoint[] = plan.flatMap((e): GoZonePoint[] => {
      const s = strategies.get(e.strategy)
      const name = s?.name ?? e.strategy
      if (e.importance !== undefined && e.feasibility !== undefined) {
        return [{ id: e.strategy, name, importance: e.importance, feasibility: e.feasibility, kind: 'team' }]
      }
      const w = s?.waltz && !s.mechanismChanged ? s.waltz : null
      return w?.importance !== undefined && w.feasibility !== undefined
        ? [{ id: e.strategy, name, importance: w.importance, feasibility: w.feasibility, kind: 'published' }]
        : []
    })
    return html`<section class="go-zone" aria-labelledby="go-zone-heading">
      <h2 id="go-zone-heading">${msg('Go zone: importance against feasibility')}</h2>
      <div class="view" role="group" aria-label=${msg('Show as')}>
        <button class="btn small" aria-pressed=${this.goZoneView === 'chart'} @click=${() => (this.goZoneView = 'chart')}>${msg('Chart')}</button>
        <button class="btn small" aria-pressed=${this.goZoneView === 'table'} @click=${() => (this.goZoneView = 'table')}>${msg('Table')}</button>
      </div>
      <sw-go-zone-chart .points=${points} .view=${this.goZoneView}></sw-go-zone-chart>
    </section>`
  }

  private setRating(strategy: string, field: 'feasibility' | 'importance', value: string) {
    const rating = value === '' ? undefined : Number(value)
    this.team.source.update((s) => ({
      plan: s.plan.map((p) => {
        if (p.strategy !== strategy) return p
        const { [field]: _old, ...rest } = p
        return rating === undefined ? rest : { ...rest, [field]: rating }
      }),
    }))
  }

  private setSpec(strategy: string, field: keyof Specification, value: string) {
    this.team.source.update((s) => ({
      plan: s.plan.map((p) => (p.strategy === strategy ? { ...p, spec: { ...p.spec, [field]: value } } : p)),
    }))
  }

  private move(index: number, by: -1 | 1) {
    this.team.source.update((s) => {
      const plan = [...s.plan]
      const [entry] = plan.splice(index, 1)
      if (entry) plan.splice(index + by, 0, entry)
      return { plan }
    })
    this.status = msg('Order changed')
  }

  /** After an undo, focus goes to the entry that came back. */
  private async focusRestored(e: RestoreEvent) {
    if (e.list !== 'plan') return
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>(`li[data-strategy="${CSS.escape(e.key)}"] h2 a`)?.focus()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-plan': PagePlan
  }
}
