/**
 * @module <sw-page-compare>: two rounds of a workspace side by side (by default the last two):
 * what changed per determinant, as a chart a team can read in a meeting and as a table, and
 * the plan's strategies behind the improvements, as questions for the team's reflection.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { PlanStatus } from '../../server/domain/workspace.ts'
import { errorOf } from '../api.ts'
import '../components/compare-chart.ts'
import { currentLang } from '../localization.ts'
import { page, shared } from '../styles/shared.ts'
import { workspaceForm } from '../styles/workspace.ts'
import { planStatusLabel } from '../workspace/round-text.ts'
import { statusOf, teamApi } from '../workspace/team-api.ts'
import { respondentsText } from '../labels.ts'

@customElement('sw-page-compare')
@localized()
export class PageCompare extends LitElement {
  static override styles = [
    shared,
    page,
    workspaceForm,
    css`
      .choose {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: end;
        margin: 1rem 0;
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
        margin: 0.5rem 0 1rem;
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
      .strategies li + li {
        margin-top: 0.4rem;
      }
    `,
  ]

  /** The workspace's id, from the URL. */
  @property() workspaceId = ''

  @state() private from = new URLSearchParams(window.location.search).get('from') ?? ''
  @state() private to = new URLSearchParams(window.location.search).get('to') ?? ''
  @state() private view: 'chart' | 'table' = 'chart'

  private readonly workspace = new Task(this, {
    task: ([id]) => teamApi(id).workspace(),
    args: () => [this.workspaceId] as const,
  })

  private readonly comparison = new Task(this, {
    task: async ([id, from, to, lang]) => (from && to ? teamApi(id).compare(from, to, lang) : undefined),
    args: () => {
      const [from, to] = this.chosen()
      return [this.workspaceId, from, to, currentLang()] as const
    },
  })

  /** The chosen rounds, or the last two. */
  private chosen(): [string, string] {
    const rounds = this.workspace.value?.rounds ?? []
    const ids = new Set(rounds.map((r) => r.id))
    const from = ids.has(this.from) ? this.from : (rounds.at(-2)?.id ?? '')
    const to = ids.has(this.to) ? this.to : (rounds.at(-1)?.id ?? '')
    return [from, to]
  }

  override render() {
    return html`${this.workspace.render({
      pending: () => html`<h1>${msg('Compare rounds')}</h1><p class="muted">${msg('Loading…')}</p>`,
      error: (e) =>
        html`<h1>${msg('Compare rounds')}</h1>
          <p class="error" role="alert">
            ${statusOf(e) === 401 || statusOf(e) === 404 || statusOf(e) === null
              ? msg('This device cannot open this workspace. Open its team link first.')
              : errorOf(e).message}
          </p>`,
      complete: (ws) => this.renderPage(ws),
    })}`
  }

  private renderPage(ws: NonNullable<PageCompare['workspace']['value']>) {
    const [from, to] = this.chosen()
    return html`
      <h1>${msg('Compare rounds')}</h1>
      <p class="lead"><a href="/w/${ws.id}">${ws.name}</a> · ${ws.innovation}</p>
      ${ws.rounds.length < 2
        ? html`<p class="notice">${msg('Comparing needs two rounds. Start a new round after a PDSA cycle, then compare it with the one before.')}</p>`
        : html`
            <form class="choose" @submit=${(e: Event) => e.preventDefault()}>
              <div class="field">
                <label for="from">${msg('Earlier round')}</label>
                <select id="from" @change=${(e: Event) => this.choose('from', (e.target as HTMLSelectElement).value)}>
                  ${ws.rounds.map((r) => html`<option value=${r.id} ?selected=${r.id === from}>${r.label}</option>`)}
                </select>
              </div>
              <div class="field">
                <label for="to">${msg('Later round')}</label>
                <select id="to" @change=${(e: Event) => this.choose('to', (e.target as HTMLSelectElement).value)}>
                  ${ws.rounds.map((r) => html`<option value=${r.id} ?selected=${r.id === to}>${r.label}</option>`)}
                </select>
              </div>
            </form>
            ${this.comparison.render({
              pending: () => html`<p class="muted" role="status">${msg('Comparing…')}</p>`,
              error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
              complete: (c) => (c ? this.renderComparison(c) : nothing),
            })}
          `}
    `
  }

  private renderComparison(c: NonNullable<PageCompare['comparison']['value']>) {
    const count = (change: string) => c.determinants.filter((d) => d.change === change).length
    return html`
      <p>${msg(str`${c.from.label}: ${respondentsText(c.from.respondents)}. ${c.to.label}: ${respondentsText(c.to.respondents)}.`)}</p>
      <ul class="stats">
        <li><strong>${count('no-longer-barrier')}</strong>${msg('no longer a barrier')}</li>
        <li><strong>${count('became-barrier')}</strong>${msg('became a barrier')}</li>
        <li><strong>${count('improved')}</strong>${msg('improved')}</li>
        <li><strong>${count('worsened')}</strong>${msg('worsened')}</li>
      </ul>
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">${msg('What changed')}</h2>
        <div class="view" role="group" aria-label=${msg('Show as')}>
          <button aria-pressed=${this.view === 'chart'} @click=${() => (this.view = 'chart')}>${msg('Chart')}</button>
          <button aria-pressed=${this.view === 'table'} @click=${() => (this.view = 'table')}>${msg('Table')}</button>
        </div>
        <sw-compare-chart .determinants=${c.determinants} .fromLabel=${c.from.label} .toLabel=${c.to.label} .view=${this.view}></sw-compare-chart>
      </section>
      <section aria-labelledby="strategies-title">
        <h2 id="strategies-title">${msg('Strategies behind the improvements')}</h2>
        <p class="muted">
          ${msg(str`These strategies of the plan of ${c.from.label} were chosen for, or are linked to, determinants that improved. Use them as questions for your reflection — what did we do, and did it help? — not as proof that they worked: much else changes in a school.`)}
        </p>
        ${c.strategies.length === 0
          ? html`<p>${msg('No strategy of the plan addresses a determinant that improved.')}</p>`
          : html`<ul class="strategies">
              ${c.strategies.map(
                (s) => html`<li>
                  <a href="/kb/strategies/${s.strategy}">${s.name}</a> <span class="badge">${planStatusLabel(s.status as PlanStatus)}</span> —
                  ${s.determinants.map((n) => c.determinants.find((d) => d.number === n)?.name ?? String(n)).join(', ')}
                </li>`
              )}
            </ul>`}
      </section>
    `
  }

  private choose(which: 'from' | 'to', id: string) {
    const [from, to] = this.chosen()
    this.from = which === 'from' ? id : from
    this.to = which === 'to' ? id : to
    const url = new URL(window.location.href)
    url.searchParams.set('from', this.from)
    url.searchParams.set('to', this.to)
    history.replaceState(history.state, '', url.pathname + url.search)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-compare': PageCompare
  }
}
