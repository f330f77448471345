/**
 * @module <sw-page-coverage>: for intervention developers — list the strategies an approach
 * already uses and see which barriers they cover, which stay open, and what would close them.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { CoverageResponse, StrategyOut } from '../../server/schemas/api.ts'
import { api, errorOf, parseResponse } from '../api.ts'
import { strategyCatalogue } from '../catalogue.ts'
import { severityText, strengthLabel } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { usesTeam } from '../state/app-state.ts'
import { page, shared } from '../styles/shared.ts'
import { ActiveTeamData } from '../workspace/active-data.ts'
import { session } from '../workspace/session.ts'

@customElement('sw-page-coverage')
@localized()
export class PageCoverage extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      .picker {
        display: grid;
        gap: 0.5rem;
      }
      .list {
        max-height: 22rem;
        overflow: auto;
        border: 1px solid var(--sw-line);
        border-radius: 8px;
        background: #fff;
        padding: 0.25rem 0.5rem;
      }
      .list label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: 500;
        min-height: 36px;
      }
      .list input {
        width: 1.1rem;
        height: 1.1rem;
        flex: none;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
        gap: 1rem;
        align-items: start;
      }
      .gap {
        border-left: 4px solid var(--sw-negative);
      }
      .covered {
        border-left: 4px solid var(--sw-positive);
      }
      h3 {
        margin-top: 0;
      }
    `,
  ]

  private readonly team = new ActiveTeamData(this)
  @state() private filter = ''
  @state() private requested = 0

  private readonly catalogue = new Task(this, {
    task: ([lang]) => strategyCatalogue(lang),
    args: () => [currentLang()] as const,
  })

  private readonly result = new Task(this, {
    task: async ([, approachText, lang, requested]) => {
      const strategies = JSON.parse(approachText) as string[]
      if (strategies.length === 0 || requested === 0) return undefined
      const barriers = await this.team.source.barrierInput(lang)
      if (!barriers) return undefined
      return parseResponse(api.coverage.$post({ query: { lang }, json: { strategies, ...barriers } }))
    },
    args: () => [this.team.source.barrierKey, JSON.stringify(this.team.state.approach), currentLang(), this.requested] as const,
  })

  /** Whether there are barriers to check against: the round's answers, or this browser's. */
  private hasBarriers() {
    const s = this.team.state
    return this.team.source.kind === 'round' ? this.team.source.respondentCount > 0 : usesTeam(s) || s.chosen.length > 0
  }

  override render() {
    const s = this.team.state
    const round = this.team.source.kind === 'round'
    const useTeam = round || usesTeam(s)
    const hasBarriers = this.hasBarriers()
    return html`
      <h1>${msg('Check an approach')}</h1>
      <p class="lead">${msg('For intervention developers: which of the barriers does your programme already address with the strategies built into it, and where are the gaps?')}</p>
      ${round && hasBarriers
        ? html`<p class="muted">${msg(str`Barriers from the answers of ${this.team.source.respondentCount} respondents in ${session.active?.roundLabel ?? ''}.`)}</p>`
        : hasBarriers
        ? html`<p class="muted">
            ${useTeam
              ? msg(str`Barriers from the answers of ${s.team.length} respondents.`)
              : msg(str`Barriers you picked: ${s.chosen.length}.`)}
            <a href="/barriers">${msg('Pick barriers')}</a> · <a href="/questionnaire">${msg('Questionnaire')}</a>
          </p>`
        : html`<div class="notice">${msg('First say what your barriers are:')} <a href="/barriers">${msg('pick them')}</a> ${msg('or')} <a href="/questionnaire">${msg('fill in the questionnaire')}</a>.</div>`}
      <section aria-labelledby="used-title">
        <h2 id="used-title">${msg(str`Strategies your approach uses (${s.approach.length})`)}</h2>
        ${this.catalogue.render({
          pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
          error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
          complete: (catalogue) => this.renderPicker(catalogue),
        })}
        <div class="actions" style="margin-top:1rem">
          <button class="btn primary" ?disabled=${!hasBarriers || s.approach.length === 0} @click=${() => (this.requested += 1)}>${msg('Check coverage')}</button>
        </div>
      </section>
      ${this.result.render({
        pending: () => html`<p class="muted" role="status">${msg('Checking…')}</p>`,
        error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
        complete: (r) => (r ? this.renderResult(r) : nothing),
      })}
    `
  }

  private renderPicker(catalogue: ReadonlyMap<string, StrategyOut>) {
    const chosen = new Set(this.team.state.approach)
    const needle = this.filter.trim().toLowerCase()
    const list = [...catalogue.values()].filter((s) => !needle || s.name.toLowerCase().includes(needle) || chosen.has(s.id))
    return html`<div class="picker">
      <label for="filter">${msg('Find a strategy')}</label>
      <input id="filter" type="search" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
      <div class="list" role="group" aria-label=${msg('Strategies')}>
        ${list.map(
          (s) => html`<label>
            <input type="checkbox" .checked=${chosen.has(s.id)} @change=${(e: Event) => this.toggle(s.id, (e.target as HTMLInputElement).checked)} />
            ${s.name} <span class="muted">· ${s.clusterName}</span>
          </label>`
        )}
      </div>
    </div>`
  }

  private renderResult(r: CoverageResponse) {
    const name = (id: string) => this.catalogue.value?.get(id)?.name ?? id
    return html`<section aria-labelledby="result-title">
      <h2 id="result-title">${msg('Coverage')}</h2>
      <p role="status">
        ${msg(str`${r.covered.length} of ${r.barriers.length} barriers are addressed by your approach; ${r.uncovered.length} are not.`)}
      </p>
      <div class="grid">
        <div class="card covered">
          <h3>${msg('Covered')}</h3>
          ${r.covered.length === 0
            ? html`<p>${msg('None.')}</p>`
            : html`<ul>
                ${r.covered.map(
                  (c) => html`<li>
                    <strong>${c.name}</strong>${r.severityKind === 'none' ? nothing : html` (${severityText(c.severity, r.severityKind)})`}${c.weak ? html` — <em>${msg('only supportive links')}</em>` : nothing}:
                    ${c.links.map((l, i) => html`${i > 0 ? ', ' : ''}${name(l.strategy)} (${strengthLabel(l.label)})`)}
                  </li>`
                )}
              </ul>`}
        </div>
        <div class="card gap">
          <h3>${msg('Gaps and what could close them')}</h3>
          ${r.suggestions.length === 0
            ? html`<p>${msg('No gaps: every barrier is addressed.')}</p>`
            : html`<ul>
                ${r.suggestions.map(
                  (sg) => html`<li>
                    <strong>${sg.name}</strong>:
                    ${sg.strategies.length === 0
                      ? msg('no strategy in the knowledge base addresses it')
                      : sg.strategies.map((x, i) => html`${i > 0 ? ', ' : ''}<a href="/kb/strategies/${x.id}">${x.name}</a> (${strengthLabel(x.label)})`)}
                  </li>`
                )}
              </ul>`}
          ${r.additions.length > 0
            ? html`<h3>${msg('Best additions together')}</h3>
                <ol>
                  ${r.additions.map(
                    (a) => html`<li><a href="/kb/strategies/${a.id}">${a.name}</a> — ${msg('closes:')} ${(a.covers ?? []).map((d) => r.barriers.find((b) => b.determinant === d)?.name ?? d).join(', ')}</li>`
                  )}
                </ol>`
            : nothing}
        </div>
      </div>
    </section>`
  }

  private toggle(id: string, on: boolean) {
    this.team.source.update((s) => ({ approach: on ? [...s.approach, id] : s.approach.filter((x) => x !== id) }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-coverage': PageCoverage
  }
}
