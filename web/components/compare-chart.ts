/**
 * @module <sw-compare-chart>: two rounds side by side, per determinant — the share of negative
 * answers then and now as a dot plot with an arrow (a hollow dot for then, a filled one for
 * now), the shares written out, and the change named; or the same as a table. Grouped by what
 * changed, so a team sees in a meeting first what crossed the barrier line.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { z } from 'zod'
import type { Change } from '../../server/domain/workspace.ts'
import type { CompareResponse } from '../../server/schemas/workspace.ts'
import { percent, statusLabel } from '../labels.ts'
import { shared } from '../styles/shared.ts'
import { formatPointChange } from '../format.ts'

export type ComparedDeterminant = z.infer<typeof CompareResponse>['determinants'][number]

/** The order in which changes are shown: crossings of the barrier line first. */
const ORDER: readonly Change[] = ['no-longer-barrier', 'became-barrier', 'improved', 'worsened', 'unchanged', 'not-comparable']

export const changeLabel = (c: Change): string =>
  ({
    'no-longer-barrier': msg('No longer a barrier'),
    'became-barrier': msg('Became a barrier'),
    improved: msg('Improved'),
    worsened: msg('Worsened'),
    unchanged: msg('About the same'),
    'not-comparable': msg('Not comparable'),
  })[c]

const changeHint = (c: Change): string =>
  ({
    'no-longer-barrier': msg('Was a barrier in the first round and is not in the second.'),
    'became-barrier': msg('Was not a barrier in the first round and is in the second.'),
    improved: msg('At least 10 points fewer negative answers.'),
    worsened: msg('At least 10 points more negative answers.'),
    unchanged: msg('Less than 10 points difference.'),
    'not-comparable': msg('Too few answers in one of the rounds.'),
  })[c]

@customElement('sw-compare-chart')
@localized()
export class CompareChart extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 1.5rem 0 0.25rem;
      }
      .hint {
        margin: 0 0 0.5rem;
        color: var(--sw-muted);
        font-size: 0.92rem;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: grid;
        grid-template-columns: minmax(10rem, 16rem) minmax(8rem, 1fr) 12rem;
        gap: 0.25rem 1rem;
        align-items: center;
        padding: 0.45rem 0;
        border-bottom: 1px solid var(--sw-line);
      }
      .name {
        font-weight: 600;
      }
      .shares {
        font-variant-numeric: tabular-nums;
        text-align: right;
        font-weight: 600;
        white-space: nowrap;
      }
      details {
        margin-top: 1.5rem;
      }
      details summary {
        cursor: pointer;
        min-height: 44px;
        display: flex;
        align-items: center;
      }
      details summary::-webkit-details-marker {
        display: none;
      }
      details summary::before {
        content: '▸';
        margin-right: 0.5rem;
        color: var(--sw-primary);
      }
      details[open] summary::before {
        content: '▾';
      }
      details summary h3 {
        margin: 0;
        display: inline;
      }
      .track {
        position: relative;
        height: 1.6rem;
        background: linear-gradient(to right, var(--sw-line) 1px, transparent 1px) 0 0 / 25% 100%, var(--sw-neutral-soft);
        border-radius: 4px;
      }
      .arrow {
        position: absolute;
        top: 50%;
        height: 3px;
        transform: translateY(-50%);
        background: var(--sw-muted);
      }
      .arrow.better {
        background: var(--sw-positive);
      }
      .arrow.worse {
        background: var(--sw-negative);
      }
      .dot {
        position: absolute;
        top: 50%;
        width: 0.95rem;
        height: 0.95rem;
        border-radius: 50%;
        transform: translate(-50%, -50%);
        border: 3px solid var(--sw-ink);
        background: #fff;
      }
      .dot.now {
        background: var(--sw-ink);
      }
      .scale {
        display: flex;
        justify-content: space-between;
        font-size: 0.8rem;
        color: var(--sw-muted);
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        font-size: 0.92rem;
        margin: 0.5rem 0;
      }
      .legend span::before {
        content: '';
        display: inline-block;
        width: 0.8rem;
        height: 0.8rem;
        border-radius: 50%;
        border: 3px solid var(--sw-ink);
        margin-right: 0.4rem;
        vertical-align: -0.15rem;
      }
      .legend .now::before {
        background: var(--sw-ink);
      }
      @media (max-width: 600px) {
        li {
          grid-template-columns: minmax(0, 1fr) auto;
        }
        .track {
          grid-column: 1 / -1;
          grid-row: 2;
        }
      }
      .table-wrap {
        overflow-x: auto;
      }
      td.num {
        font-variant-numeric: tabular-nums;
      }
    `,
  ]

  /** The determinants of the comparison. */
  @property({ attribute: false }) determinants: readonly ComparedDeterminant[] = []
  /** The names of the two rounds. */
  @property() fromLabel = ''
  @property() toLabel = ''
  /** Dots and arrows, or a table. */
  @property() view: 'chart' | 'table' = 'chart'

  override render() {
    return this.view === 'table' ? this.renderTable() : this.renderChart()
  }

  private renderChart() {
    return html`
      <p class="legend" aria-hidden="true">
        <span class="then">${this.fromLabel}</span><span class="now">${this.toLabel}</span>
      </p>
      <p class="hint">${msg('Share of negative answers per determinant, from 0% (left) to 100% (right).')}</p>
      ${ORDER.map((change) => {
        const rows = this.determinants.filter((d) => d.change === change)
        if (rows.length === 0) return nothing
        const body =
          change === 'not-comparable'
            ? html`<p class="hint">${changeHint(change)}</p>
                <p>${rows.map((d) => `${d.number}. ${d.name}`).join(', ')}</p>`
            : html`<p class="hint">${changeHint(change)}</p>
                <ol>
                  ${rows.map((d) => this.renderRow(d))}
                </ol>`
        // What stayed the same, or cannot be compared, is there to look up, not to discuss first.
        return change === 'unchanged' || change === 'not-comparable'
          ? html`<details>
              <summary><h3>${changeLabel(change)} (${rows.length})</h3></summary>
              ${body}
            </details>`
          : html`<h3>${changeLabel(change)} (${rows.length})</h3>${body}`
      })}
    `
  }

  private renderRow(d: ComparedDeterminant) {
    const from = d.from.negativeShare
    const to = d.to.negativeShare
    const text = msg(str`${percent(from)} then, ${percent(to)} now`)
    const left = Math.min(from ?? 0, to ?? 0)
    const width = Math.abs((to ?? 0) - (from ?? 0))
    const kind = to !== null && from !== null ? (to < from ? 'better' : to > from ? 'worse' : '') : ''
    return html`<li>
      <span class="name">${d.number}. ${d.name}</span>
      <span class="track" aria-hidden="true">
        ${from !== null && to !== null ? html`<span class="arrow ${kind}" style="left:${left * 100}%;width:${width * 100}%"></span>` : nothing}
        ${from !== null ? html`<span class="dot then" style="left:${from * 100}%"></span>` : nothing}
        ${to !== null ? html`<span class="dot now" style="left:${to * 100}%"></span>` : nothing}
      </span>
      <span class="shares">${text}<span class="visually-hidden"> ${msg('negative')}</span></span>
    </li>`
  }

  private renderTable() {
    return html`<div class="table-wrap" role="region" tabindex="0" aria-label=${msg('Comparison as a table')}>
      <table>
        <caption class="visually-hidden">${msg(str`Share of negative answers: ${this.fromLabel} and ${this.toLabel}`)}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Determinant')}</th>
            <th scope="col">${this.fromLabel}</th>
            <th scope="col">${this.toLabel}</th>
            <th scope="col">${msg('Difference')}</th>
            <th scope="col">${msg('Change')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.determinants.map(
            (d) => html`<tr>
              <th scope="row">${d.number}. ${d.name}</th>
              <td class="num">${percent(d.from.negativeShare)} · ${statusLabel(d.from.status)}</td>
              <td class="num">${percent(d.to.negativeShare)} · ${statusLabel(d.to.status)}</td>
              <td class="num">${formatPointChange(d.negativeDelta)}</td>
              <td>${changeLabel(d.change)}</td>
            </tr>`
          )}
        </tbody>
      </table>
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-compare-chart': CompareChart
  }
}
