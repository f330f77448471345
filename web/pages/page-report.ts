/**
 * @module <sw-page-report>: a round on one or two printed A4 pages — who answered, the
 * barriers, the whole profile as a compact table, and the plan with its status and
 * specification. On screen it shows the same with a print button.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { errorOf } from '../api.ts'
import { currentLang } from '../localization.ts'
import { planTable } from '../plan-export.ts'
import { page, shared } from '../styles/shared.ts'
import { dateText } from '../workspace/round-text.ts'
import { planLabels, profileTable, roundContents, type RoundContents } from '../workspace/round-files.ts'
import { keyInformantsText, percent, respondentsText } from '../labels.ts'
import { specLabel } from './page-plan.ts'

@customElement('sw-page-report')
@localized()
export class PageReport extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      table {
        font-size: 0.9rem;
      }
      .report-head p {
        margin: 0 0 0.25rem;
      }
      .barriers {
        columns: 2 18rem;
        padding-left: 1.2rem;
      }
      .table-wrap {
        overflow-x: auto;
      }
      td.num,
      th.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      @media print {
        @page {
          size: A4;
          margin: 12mm;
        }
        :host {
          padding: 0;
          max-width: none;
          font-size: 9pt;
        }
        .screen-only {
          display: none !important;
        }
        h1 {
          font-size: 15pt;
        }
        h2 {
          font-size: 11pt;
          margin-top: 4mm;
        }
        table {
          font-size: 7.5pt;
        }
        th,
        td {
          padding: 0.6mm 1.2mm;
        }
        section {
          break-inside: auto;
        }
        tr {
          break-inside: avoid;
        }
        .table-wrap {
          overflow: visible;
        }
      }
    `,
  ]

  /** The workspace's id, from the URL. */
  @property() workspaceId = ''
  /** The round's id, from the URL (?round=). */
  @property() roundId = new URLSearchParams(window.location.search).get('round') ?? ''

  private readonly contents = new Task(this, {
    task: ([id, round, lang]) => roundContents(id, round, lang),
    args: () => [this.workspaceId, this.roundId, currentLang()] as const,
  })

  override render() {
    return this.contents.render({
      pending: () => html`<h1>${msg('Round report')}</h1><p class="muted" role="status">${msg('Loading…')}</p>`,
      error: (e) => html`<h1>${msg('Round report')}</h1><p class="error" role="alert">${errorOf(e).message}</p>`,
      complete: (c) => this.renderReport(c),
    })
  }

  private renderReport(c: RoundContents) {
    const barriers = c.profile.determinants.filter((d) => d.status === 'barrier')
    const [profileHead = [], ...profileRows] = profileTable(c.profile)
    const [planHead = [], ...planRows] = planTable(c.plan.entries, c.strategies, c.names, planLabels(specLabel))
    return html`
      <div class="report-head">
        <h1>${c.workspace.name} · ${c.round?.label ?? ''}</h1>
        <p>${c.workspace.innovation}</p>
        <p class="muted">
          ${msg(str`${respondentsText(c.profile.respondents)}, of whom ${keyInformantsText(c.profile.keyInformants)}.`)}
          ${msg(str`Barrier from ${percent(c.profile.settings.barrierShare)} negative.`)}
          ${msg(str`Printed ${dateText(Date.now())} from Strategiewijzer.`)}
        </p>
      </div>
      <div class="actions screen-only" style="margin:1rem 0">
        <button class="btn primary" @click=${() => window.print()}>${msg('Print')}</button>
        <a class="btn" href="/w/${c.workspace.id}">${msg('Back to the workspace')}</a>
      </div>
      <section aria-labelledby="barriers-title">
        <h2 id="barriers-title">${msg(str`Barriers (${barriers.length})`)}</h2>
        ${barriers.length === 0
          ? html`<p>${msg('No determinant is a barrier in this round.')}</p>`
          : html`<ul class="barriers">
              ${barriers.map((d) => html`<li>${d.number}. ${d.name}: ${percent(d.negativeShare)} ${msg('negative')}</li>`)}
            </ul>`}
      </section>
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">${msg('Plan')}${c.plan.title ? `: ${c.plan.title}` : ''}</h2>
        ${planRows.length === 0
          ? html`<p>${msg('The plan of this round is empty.')}</p>`
          : html`<div class="table-wrap" role="region" tabindex="0" aria-label=${msg('Plan')}>
              <table>
                <thead><tr>${planHead.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
                <tbody>${planRows.map((r) => html`<tr>${r.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
              </table>
            </div>`}
      </section>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">${msg('Profile')}</h2>
        <div class="table-wrap" role="region" tabindex="0" aria-label=${msg('Profile')}>
          <table>
            <thead>
              <tr>${profileHead.map((h, i) => html`<th scope="col" class=${i === 3 || i === 4 || i === 5 ? 'num' : ''}>${h}</th>`)}</tr>
            </thead>
            <tbody>
              ${profileRows.map(
                (r) => html`<tr>${r.map((cell, i) => (i === 1 ? html`<th scope="row">${cell}</th>` : html`<td class=${i === 3 || i === 4 || i === 5 ? 'num' : ''}>${cell}</td>`))}</tr>`
              )}
            </tbody>
          </table>
        </div>
      </section>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-report': PageReport
  }
}
