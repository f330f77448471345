/**
 * @module <sw-page-team>: the respondents — collected in this browser (or imported from a
 * survey tool's CSV), or the anonymous answers of a workspace round — the thresholds, and the
 * team's determinant profile.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { repeat } from 'lit/directives/repeat.js'
import type { CsvIssue } from '../../server/domain/csv-responses.ts'
import { GROUPS } from '../../server/domain/vocabulary.ts'
import type { ScoreResponse } from '../../server/schemas/api.ts'
import { api, errorOf, parseResponse } from '../api.ts'
import { ActiveTeamData } from '../workspace/active-data.ts'
import { session } from '../workspace/session.ts'
import type { RespondentRow } from '../workspace/team-data.ts'
import { dateText } from '../workspace/round-text.ts'
import '../components/profile-chart.ts'
import '../components/survey-import.ts'
import type { RoundData } from '../workspace/round-data.ts'
import { localImporter, roundImporter, type SurveyImporter } from '../workspace/survey-importers.ts'
import { csvFormat, downloadText } from '../download.ts'
import { formatCount } from '../format.ts'
import { barriersText, facilitatorsText, groupLabel, keyInformantsText, percent, respondentLabel, respondentsText } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { navigate } from '../router.ts'
import { newId, type Member, type Settings } from '../state/app-state.ts'
import { store, type RestoreEvent } from '../state/store.ts'
import { page, shared } from '../styles/shared.ts'
import { issueText, readTeamCsv, teamCsv } from '../team-csv.ts'

@customElement('sw-page-team')
@localized()
export class PageTeam extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      .members-card {
        padding: 0.25rem 0.75rem;
        margin-bottom: 1rem;
        overflow-x: auto;
      }
      .members td:last-child {
        text-align: right;
      }
      .role-inline {
        display: none;
      }
      @media (max-width: 480px) {
        .settings .change {
          grid-column: 2;
        }
        .members th,
        .members td {
          padding: 0.4rem 0.25rem;
          font-size: 0.92rem;
        }
        .members .role-col {
          display: none;
        }
        .role-inline {
          display: block;
          font-weight: 400;
        }
      }
      .file input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      .file:focus-within .btn {
        outline: var(--sw-focus);
        outline-offset: 2px;
      }
      .settings {
        margin: 0 0 1rem;
      }
      /* Looks like what it is: a control that opens the thresholds. */
      .settings summary {
        cursor: pointer;
        font-weight: 600;
        min-height: 44px;
        display: inline-grid;
        grid-template-columns: auto minmax(0, 1fr) auto;
        align-items: center;
        gap: 0.2rem 0.6rem;
        padding: 0.35rem 0.8rem;
        border: 1px solid var(--sw-primary);
        border-radius: 8px;
        background: var(--sw-surface);
        color: var(--sw-ink);
        list-style: none;
      }
      .settings summary::-webkit-details-marker {
        display: none;
      }
      .settings summary:hover {
        background: var(--sw-primary-soft);
      }
      .settings .change {
        color: var(--sw-primary-dark);
        text-decoration: underline;
        text-underline-offset: 2px;
      }
      .settings[open] .change {
        display: none;
      }
      .group-badge {
        margin: 0 0.4rem 0.4rem 0;
        white-space: normal;
      }
      .field-error {
        color: var(--sw-negative);
        font-weight: 600;
        font-size: 0.92rem;
        max-width: 22rem;
      }
      .thresholds input[aria-invalid='true'] {
        border: 2px solid var(--sw-negative);
      }
      details.admin {
        margin-top: 2rem;
        border-top: 1px solid var(--sw-line);
        padding-top: 0.5rem;
      }
      details.admin > summary {
        cursor: pointer;
        min-height: 44px;
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      details.admin > summary {
        font-weight: 700;
        font-size: 1.15rem;
      }
      @media print {
        details.admin,
        .settings,
        .view,
        .actions {
          display: none;
        }
      }
      .thresholds {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        margin: 0.5rem 0;
      }
      .thresholds label {
        display: grid;
        gap: 0.25rem;
      }
      .thresholds input {
        width: 8rem;
      }
      .stats {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
        gap: 0.75rem;
        margin: 1rem 0;
        padding: 0;
        list-style: none;
      }
      .stats li {
        background: var(--sw-surface);
        border: 1px solid var(--sw-line);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
      }
      .stats strong {
        display: block;
        font-size: 1.5rem;
      }
      .view {
        display: inline-flex;
        border: 1px solid var(--sw-line);
        border-radius: 8px;
        overflow: hidden;
        margin-bottom: 1rem;
      }
      .view button {
        font: inherit;
        min-height: 40px;
        padding: 0 1rem;
        border: 0;
        background: #fff;
        cursor: pointer;
      }
      .view button[aria-pressed='true'] {
        background: var(--sw-primary);
        color: #fff;
        font-weight: 600;
      }
      ul.issues {
        margin: 0.5rem 0 0;
      }
      .survey-import {
        margin-top: 1.25rem;
        padding: 0.75rem 1rem;
      }
    `,
  ]

  private readonly team = new ActiveTeamData(this, (e) => void this.focusRestored(e))
  @state() private view: 'chart' | 'table' | 'groups' = 'chart'
  /** Whether "Manage" (respondents, import, download) is open while there are answers. */
  @state() private adminOpen = false
  /** Threshold fields holding a value that is not used, with why; the profile keeps the last valid one. */
  @state() private invalid: Partial<Record<keyof Settings, string>> = {}
  #importer?: { key: string; importer: SurveyImporter }
  @state() private importMessage?: { kind: 'ok' | 'error'; text: string; issues?: readonly CsvIssue[] }

  private readonly profile = new Task(this, {
    task: ([, lang]) => this.team.source.profile(lang),
    args: () => [this.team.source.answersKey, currentLang()] as const,
  })

  /** The groups side by side, read only when that view is chosen. */
  private readonly subgroups = new Task(this, {
    task: async ([, lang, view]) => (view === 'groups' ? ((await this.team.source.subgroups?.(lang)) ?? null) : null),
    args: () => [this.team.source.answersKey, currentLang(), this.view] as const,
  })

  private readonly rows = new Task(this, {
    task: () => this.team.source.respondents(),
    args: () => [this.team.source.answersKey] as const,
  })

  override render() {
    const source = this.team.source
    if (!source.ready || source.failure) return this.renderRoundState()
    const count = source.respondentCount
    const active = session.active
    // The profile comes first, so the first screen a room sees on a projector is the profile,
    // never respondent names; adding, importing and removing answers fold away under "Manage".
    return html`
      <h1>${msg('Team results')}</h1>
      <p class="lead">
        ${source.kind === 'round' && active
          ? msg(str`The answers that came in through the respondent link of ${active.roundLabel}, and the profile of this round. No names are stored.`)
          : msg('Collect your team’s answers here — one after another on this device, or imported from a survey tool — and see which determinants are barriers.')}
      </p>
      ${count > 0
        ? html`<section aria-labelledby="profile-title">
            <h2 id="profile-title">${msg('Your profile')}</h2>
            ${this.renderSettings()}
            ${this.profile.render({
              pending: () => html`<p class="muted" role="status">${msg('Calculating…')}</p>`,
              error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
              complete: (profile) => (profile ? this.renderProfile(profile) : nothing),
            })}
          </section>`
        : html`<p>${msg('No answers yet.')}</p>`}
      <details class="admin" ?open=${count === 0 || this.adminOpen} @toggle=${this.handleAdminToggle}>
        <summary>${msg(str`Manage: respondents (${count}), import and download`)}</summary>
        <section aria-label=${msg('Manage')}>
          ${count > 0 ? this.renderMembers(this.rows.value ?? []) : nothing}
          ${source.kind === 'round' && active
            ? html`<div class="actions">
                <a class="btn primary" href="/w/${active.workspaceId}">${msg('Respondent link and QR code')}</a>
              </div>
              ${this.importMessage?.kind === 'error' ? html`<p class="error" role="alert" style="margin-top:1rem">${this.importMessage.text}</p>` : nothing}`
            : this.renderLocalActions(count)}
          <sw-survey-import class="card survey-import" .importer=${this.importer()} @survey-imported=${this.surveyImported}></sw-survey-import>
        </section>
      </details>
    `
  }

  /** While a workspace round loads, or when it cannot be opened. */
  private renderRoundState() {
    const source = this.team.source
    return html`<h1>${msg('Team results')}</h1>
      ${source.failure
        ? html`<p class="error" role="alert">${source.failure}</p>
            <button class="btn" @click=${() => session.set(null)}>${msg('Leave the round')}</button>`
        : html`<p class="muted" role="status">${msg('Loading the round…')}</p>`}`
  }

  private renderLocalActions(count: number) {
    return html`
        <div class="actions">
          <a class="btn primary" href="/questionnaire" @click=${this.newRespondent}>${msg('Add a respondent')}</a>
          <label class="file">
            <input type="file" accept=".csv,text/csv" @change=${this.importCsv} />
            <span class="btn">${msg('Import CSV')}</span>
          </label>
          ${count > 0
            ? html`<button class="btn" @click=${this.exportCsv}>${msg('Download answers (CSV)')}</button>
                <button class="btn danger" @click=${this.clear}>${msg('Remove all')}</button>`
            : nothing}
        </div>
        ${this.importMessage
          ? html`<div class=${this.importMessage.kind === 'ok' ? 'notice' : 'error'} role=${this.importMessage.kind === 'ok' ? 'status' : 'alert'} style="margin-top:1rem">
              ${this.importMessage.text}
              ${this.importMessage.issues?.length
                ? html`<ul class="issues">
                    ${this.importMessage.issues.slice(0, 10).map((i) => html`<li>${msg(str`line ${i.line}, column ${i.column}`)}: ${issueText(i)}</li>`)}
                  </ul>`
                : nothing}
            </div>`
          : nothing}
        <p class="muted" style="margin-top:0.75rem">
          ${msg('CSV: one row per respondent, one column per question id (d01, d13a, …) with the answer value or its label; optional columns respondent and role (user or key-informant). For an export of Forms, LimeSurvey or Qualtrics, use the import below: it shows how each column is read.')}
        </p>
    `
  }

  private renderMembers(team: readonly RespondentRow[]) {
    const round = this.team.source.kind === 'round'
    return html`<div class="card members-card" tabindex="0" role="region" aria-label=${msg('Respondents')}>
      <table class="members">
        <thead>
          <tr>
            <th scope="col">${msg('Respondent')}</th>
            <th scope="col" class="role-col">${msg('Answers as')}</th>
            ${round ? html`<th scope="col" class="role-col">${msg('Group')}</th><th scope="col" class="role-col">${msg('Received')}</th>` : nothing}
            <th scope="col">${msg('Answered')}</th>
            <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            team,
            (m) => m.id,
            (m) => html`<tr data-id=${m.id}>
              <th scope="row">${m.label}<span class="role-inline muted">${respondentLabel(m.role)}</span></th>
              <td class="role-col">${respondentLabel(m.role)}</td>
              ${round ? html`<td class="role-col">${m.group ?? '–'}</td><td class="role-col">${m.receivedAt ? dateText(m.receivedAt) : ''}</td>` : nothing}
              <td>${m.answered}</td>
              <td>
                <button class="btn small quiet" @click=${() => this.removeMember(m)}>
                  ${msg('Remove')}<span class="visually-hidden"> ${m.label}</span>
                </button>
              </td>
            </tr>`
          )}
        </tbody>
      </table>
    </div>`
  }

  private renderSettings() {
    const s = this.team.state.settings
    const field = (key: keyof Settings, label: string, value: number, max?: number) => {
      const error = this.invalid[key]
      return html`<label>
        ${label}
        <input
          type="number"
          min="1"
          max=${max ?? nothing}
          step="1"
          inputmode="numeric"
          .value=${String(value)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `error-${key}` : nothing}
          @change=${(e: Event) => this.setThreshold(key, e.target as HTMLInputElement)}
        />
        ${error ? html`<span class="field-error" id="error-${key}" role="alert">${error}</span>` : nothing}
      </label>`
    }
    return html`<details class="settings" ?open=${Object.keys(this.invalid).length > 0}>
      <summary>
        <span aria-hidden="true" class="gear">⚙</span>
        <span>${msg(str`Thresholds: barrier at ${percent(s.barrierShare)} negative, facilitator at ${percent(s.facilitatorShare)} positive`)}</span>
        <span class="change">${msg('Change')}</span>
      </summary>
      <p class="notice">
        ${msg('A determinant is a barrier when at least this share of respondents answers negatively, and a facilitator when at least this share answers positively. The 20% / 80% rule is a convention of studies that use the MIDI (stated, for example, by Verberne et al. 2018 in a Dutch MIDI study), not a rule of the MIDI manual: change it when your team prefers another.')}
      </p>
      <div class="thresholds">
        ${field('barrierShare', msg('Barrier from (% negative)'), Math.round(s.barrierShare * 100), 100)}
        ${field('facilitatorShare', msg('Facilitator from (% positive)'), Math.round(s.facilitatorShare * 100), 100)}
        ${field('minAnswers', msg('Fewest answers per determinant'), s.minAnswers)}
      </div>
    </details>`
  }

  /** Uses a valid threshold at once; an invalid one is shown with how to fix it and not used. */
  private setThreshold(key: keyof Settings, input: HTMLInputElement) {
    const raw = input.value.trim()
    const number = Number(raw)
    const percentKey = key !== 'minAnswers'
    const valid = raw !== '' && Number.isInteger(number) && number >= 1 && (!percentKey || number <= 100)
    const { [key]: _, ...others } = this.invalid
    if (!valid) {
      const kept = percentKey ? percent(this.team.state.settings[key]) : String(this.team.state.settings[key])
      this.invalid = {
        ...others,
        [key]: percentKey
          ? msg(str`Enter a whole percentage from 1 to 100. The profile keeps using ${kept}.`)
          : msg(str`Enter a whole number of 1 or more. The profile keeps using ${kept}.`),
      }
      return
    }
    this.invalid = others
    const value = percentKey ? number / 100 : number
    this.team.source.update((st) => ({ settings: { ...st.settings, [key]: value } }))
  }

  private handleAdminToggle(e: Event) {
    this.adminOpen = (e.target as HTMLDetailsElement).open
  }

  private renderProfile(profile: ScoreResponse) {
    const barriers = profile.barriers.length
    return html`
      <ul class="stats">
        ${this.renderStat(profile.respondents, respondentsText)}
        ${this.renderStat(profile.keyInformants, keyInformantsText)}
        ${this.renderStat(barriers, barriersText)}
        ${this.renderStat(profile.determinants.filter((d) => d.status === 'facilitator').length, facilitatorsText)}
      </ul>
      ${profile.keyInformants === 0
        ? html`<p class="notice warning">${msg('Nobody answered as key informant, so the questions about the school count everyone who answered them.')}</p>`
        : nothing}
      <p>
        ${GROUPS.map((g) => {
          const summary = profile.groups.find((x) => x.group === g)
          return summary
            ? html`<span class="badge group-badge">${groupLabel(g)}: ${barriersText(summary.barriers)}</span>`
            : nothing
        })}
      </p>
      <div class="view" role="group" aria-label=${msg('Show as')}>
        <button aria-pressed=${this.view === 'chart'} @click=${() => (this.view = 'chart')}>${msg('Chart')}</button>
        <button aria-pressed=${this.view === 'table'} @click=${() => (this.view = 'table')}>${msg('Table')}</button>
        ${this.team.source.subgroups
          ? html`<button aria-pressed=${this.view === 'groups'} @click=${() => (this.view = 'groups')}>${msg('By group')}</button>`
          : nothing}
      </div>
      <sw-profile-chart
        .determinants=${profile.determinants}
        .settings=${profile.settings}
        .subgroups=${this.subgroups.value ?? null}
        .view=${this.view}
      ></sw-profile-chart>
      <div class="actions" style="margin-top:1.5rem">
        <button class="btn primary" ?disabled=${barriers === 0} @click=${this.toRecommendations}>
          ${barriers === 1 ? msg('Strategies for this barrier') : msg(str`Strategies for these ${barriers} barriers`)}
        </button>
      </div>
    `
  }

  /** A count in large print above its noun ("1" over "sleutelinformant", "4" over "respondenten"). */
  private renderStat(n: number, phrase: (n: number) => string) {
    const text = phrase(n)
    const count = formatCount(n)
    return html`<li><strong>${count}</strong>${text.startsWith(count) ? text.slice(count.length).trim() : text}</li>`
  }

  /** Where the import step stores: the active round, or this browser (one importer per target). */
  private importer(): SurveyImporter {
    const active = this.team.source.kind === 'round' ? session.active : null
    const key = active ? `${active.workspaceId}/${active.roundId}` : 'local'
    if (this.#importer?.key !== key) {
      this.#importer = { key, importer: active ? roundImporter(active.workspaceId, active.roundId) : localImporter(store) }
    }
    return this.#importer.importer
  }

  /** A round reads its count and profile again at once; this browser's store has changed already. */
  private async surveyImported() {
    const source = this.team.source
    if (source.kind === 'round') await (source as RoundData).refresh()
  }

  private newRespondent() {
    store.update(() => ({ draft: null }))
  }

  private async removeMember(row: RespondentRow) {
    const source = this.team.source
    // A round's answers are gone for good once removed: ask first.
    if (source.kind === 'round' && !confirm(msg(str`Remove the answers of ${row.label} from this round? This cannot be undone.`))) return
    try {
      await source.removeRespondent(row.id)
    } catch (error) {
      this.importMessage = { kind: 'error', text: errorOf(error).message }
    }
  }

  /** After an undo, focus goes to the respondent who came back. */
  private async focusRestored(e: RestoreEvent) {
    if (e.list !== 'team') return
    // The rows are read again (a task) before the one that came back is drawn.
    await this.updateComplete
    await this.rows.taskComplete
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(e.key)}"] button`)?.focus()
  }

  private clear() {
    if (confirm(msg('Remove the answers of every respondent from this browser?'))) store.update(() => ({ team: [] }))
  }

  private toRecommendations() {
    this.team.source.update(() => ({ basis: 'team' }))
    navigate('/recommendations')
  }

  private async importCsv(e: Event) {
    const input = e.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    try {
      const [nl, en] = await Promise.all(
        (['nl', 'en'] as const).map(async (lang) => (await parseResponse(api.questionnaire.$get({ query: { lang } }))).items)
      )
      const items = (nl ?? []).map((item) => ({
        id: item.id,
        options: item.options.map((o) => ({
          value: o.value,
          labels: [o.label, en?.find((x) => x.id === item.id)?.options.find((x) => x.value === o.value)?.label ?? ''],
        })),
      }))
      // Bytes, not file.text(): that reads as UTF-8 and turns Excel's Windows-1252 "ë" into �.
      const result = readTeamCsv(await file.arrayBuffer(), items, file.name)
      if (!result.ok) {
        this.importMessage = { kind: 'error', text: result.text, issues: result.issues }
        return
      }
      const start = store.state.team.length
      const members: Member[] = result.responses.map((r, i) => ({
        id: newId(),
        label: r.respondent ?? msg(str`Respondent ${start + i + 1}`),
        role: r.role ?? 'user',
        answers: Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [k, v ?? null])),
      }))
      store.update((s) => ({ team: [...s.team, ...members], basis: 'team' }))
      this.importMessage = { kind: 'ok', text: msg(str`Imported ${respondentsText(members.length)} from ${file.name}.`) }
    } catch (error) {
      this.importMessage = { kind: 'error', text: errorOf(error).message }
    }
  }

  private exportCsv() {
    downloadText(`${msg('strategiewijzer-answers')}.csv`, teamCsv(store.state.team, csvFormat()), 'text/csv')
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-team': PageTeam
  }
}
