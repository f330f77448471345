/**
 * @module <sw-profile-chart>: the team's determinant profile as diverging bars, grouped by the
 * four MIDI groups. Negative answers grow left of the centre line, positive answers right; the
 * neutral share stands apart, so the barrier and facilitator thresholds are fixed lines
 * across every row. Readable without colour: the segments carry hatching and dots, every
 * share is written out, and barriers are named, not only coloured. A table shows the same
 * numbers for screen readers and for copying.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing, svg } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { GROUPS } from '../../server/domain/vocabulary.ts'
import type { ScoreResponse } from '../../server/schemas/api.ts'
import { groupLabel, percent, statusLabel } from '../labels.ts'
import { shared } from '../styles/shared.ts'

type DeterminantScore = ScoreResponse['determinants'][number]

/** Height of one bar, and the room kept for the share labels and the neutral mini-bar, in px. */
const HEIGHT = 26
const LABEL = 44
const NEUTRAL_W = 36
const NEUTRAL_LABEL = 36

/**
 * The geometry of a bar `width` pixels wide: negative shares grow left from `centre`, positive
 * shares right, each side `side` pixels for 100%; the neutral share has its own mini-bar at the
 * right. Drawn in real pixels (the width is measured), so text keeps its size on every screen.
 */
export function barGeometry(width: number) {
  const available = Math.max(width - 2 * LABEL - NEUTRAL_W - NEUTRAL_LABEL, 60)
  const side = available / 2
  const centre = LABEL + side
  return { width, side, centre, neutralX: width - NEUTRAL_W }
}

@customElement('sw-profile-chart')
@localized()
export class ProfileChart extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1.25rem;
        align-items: center;
        font-size: 0.9rem;
        margin-bottom: 0.75rem;
      }
      .legend svg {
        vertical-align: middle;
        margin-right: 0.35rem;
      }
      .group + .group {
        margin-top: 1.25rem;
      }
      .group h3 {
        margin-bottom: 0.25rem;
      }
      .row {
        display: grid;
        grid-template-columns: minmax(9rem, 15rem) minmax(0, 1fr);
        gap: 0.25rem 0.75rem;
        align-items: center;
        padding: 0.2rem 0.4rem;
        border-radius: 6px;
      }
      .row.barrier {
        background: var(--sw-negative-soft);
      }
      .name {
        font-size: 0.95rem;
      }
      .name .badge {
        margin-left: 0.3rem;
      }
      .name a {
        color: inherit;
      }
      svg.bar {
        display: block;
        max-width: 100%;
      }
      .slot {
        width: 100%;
      }
      .axis {
        display: grid;
        grid-template-columns: minmax(9rem, 15rem) minmax(0, 1fr);
        gap: 0.75rem;
        padding: 0 0.4rem;
        font-size: 0.8rem;
        color: var(--sw-muted);
      }
      .insufficient {
        color: var(--sw-muted);
        font-style: italic;
        font-size: 0.9rem;
      }
      @media (max-width: 600px) {
        .row,
        .axis {
          grid-template-columns: 1fr;
        }
        .axis .spacer {
          display: none;
        }
      }
      .pct {
        font: 600 12px var(--sw-font);
        fill: #172033;
      }
      .threshold-label {
        font: 11px var(--sw-font);
        fill: #4a5568;
      }
      caption {
        text-align: left;
        font-weight: 600;
        margin-bottom: 0.5rem;
      }
      td.num,
      th.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      tr.barrier td {
        background: var(--sw-negative-soft);
      }
      .table-wrap {
        position: relative;
        overflow-x: auto;
      }
    `,
  ]

  /** The determinants of a score profile (POST /api/score). */
  @property({ attribute: false }) determinants: readonly DeterminantScore[] = []
  /** The thresholds the profile was scored with. */
  @property({ attribute: false }) settings: ScoreResponse['settings'] = { barrierShare: 0.2, facilitatorShare: 0.8, minAnswers: 1 }
  /** `chart` or `table`. */
  @property() view: 'chart' | 'table' = 'chart'

  /** Width of the bar column in pixels, measured. */
  @state() private barWidth = 480
  private readonly resize = new ResizeObserver(() => this.measure())

  override connectedCallback() {
    super.connectedCallback()
    this.resize.observe(this)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.resize.disconnect()
  }

  override updated() {
    this.measure()
  }

  private measure() {
    const slot = this.renderRoot.querySelector<HTMLElement>('.slot')
    const width = Math.round(slot?.clientWidth ?? 0)
    if (width > 0 && Math.abs(width - this.barWidth) > 1) this.barWidth = width
  }

  override render() {
    return this.view === 'table' ? this.renderTable() : this.renderChart()
  }

  private renderChart() {
    const { barrierShare, facilitatorShare } = this.settings
    const g = barGeometry(this.barWidth)
    return html`
      <svg width="0" height="0" aria-hidden="true" style="position:absolute">${this.patterns()}</svg>
      <div class="legend" aria-hidden="true">
        <span>${this.swatch('neg')}${msg('negative')}</span>
        <span>${this.swatch('neu')}${msg('neutral')}</span>
        <span>${this.swatch('pos')}${msg('positive')}</span>
        <span>
          <svg width="18" height="14"><line x1="9" x2="9" y1="0" y2="14" stroke="#172033" stroke-dasharray="3 2" stroke-width="2" /></svg>
          ${msg(str`thresholds: barrier at ${percent(barrierShare)} negative, facilitator at ${percent(facilitatorShare)} positive`)}
        </span>
      </div>
      <div class="axis" aria-hidden="true">
        <span class="spacer"></span>
        <svg class="bar slot" viewBox="0 0 ${g.width} 16" width=${g.width} height="16" role="presentation">
          <text class="threshold-label" x=${g.centre - barrierShare * g.side} y="12" text-anchor="middle">${percent(barrierShare)}</text>
          <text class="threshold-label" x=${g.centre + facilitatorShare * g.side} y="12" text-anchor="middle">${percent(facilitatorShare)}</text>
          <text class="threshold-label" x=${g.width} y="12" text-anchor="end">${msg('neutral')}</text>
        </svg>
      </div>
      ${GROUPS.map((group) => {
        const rows = this.determinants.filter((d) => d.group === group)
        if (rows.length === 0) return nothing
        return html`<div class="group">
          <h3>${groupLabel(group)}</h3>
          ${rows.map((d) => this.renderRow(d))}
        </div>`
      })}
    `
  }

  private renderRow(d: DeterminantScore) {
    const barrier = d.status === 'barrier'
    const status =
      d.status === 'barrier' || d.status === 'facilitator'
        ? html`<span class="badge ${d.status}">${statusLabel(d.status)}</span>`
        : nothing
    return html`<div class="row ${barrier ? 'barrier' : ''}">
      <div class="name">
        <a href="/kb/determinants/${d.number}">${d.number}. ${d.name}</a>${status}
        ${d.polarised ? html`<span class="badge" title=${msg('Many answered negatively and many positively: worth discussing')}>${msg('divided')}</span>` : nothing}
      </div>
      ${d.status === 'insufficient' || d.negativeShare === null
        ? html`<div class="insufficient">${msg(str`too few answers (${d.n})`)}</div>`
        : this.renderBar(d)}
    </div>`
  }

  private renderBar(d: DeterminantScore) {
    const neg = d.negativeShare ?? 0
    const neu = d.neutralShare ?? 0
    const pos = d.positiveShare ?? 0
    const { barrierShare, facilitatorShare } = this.settings
    const label = msg(
      str`${d.name}: ${percent(neg)} negative, ${percent(neu)} neutral, ${percent(pos)} positive, ${d.n} respondents`
    )
    const g = barGeometry(this.barWidth)
    const y = 4
    const h = HEIGHT - 8
    const negW = neg * g.side
    const posW = pos * g.side
    const text = y + h - 4
    return html`<svg class="bar" viewBox="0 0 ${g.width} ${HEIGHT}" width=${g.width} height=${HEIGHT} role="img" aria-label=${label}>
      <line x1=${g.centre} x2=${g.centre} y1="0" y2=${HEIGHT} stroke="#8a94a6" stroke-width="1" />
      ${negW > 0
        ? svg`<rect x=${g.centre - negW} y=${y} width=${negW} height=${h} fill="url(#sw-neg)" stroke="#b42318" stroke-width="1" data-part="negative" />`
        : nothing}
      ${posW > 0
        ? svg`<rect x=${g.centre} y=${y} width=${posW} height=${h} fill="url(#sw-pos)" stroke="#067647" stroke-width="1" data-part="positive" />`
        : nothing}
      <text class="pct" x=${g.centre - negW - 4} y=${text} text-anchor="end">${percent(neg)}</text>
      <text class="pct" x=${g.centre + posW + 4} y=${text}>${percent(pos)}</text>
      <line x1=${g.centre - barrierShare * g.side} x2=${g.centre - barrierShare * g.side} y1="0" y2=${HEIGHT} stroke="#172033" stroke-width="1.5" stroke-dasharray="3 2" />
      <line x1=${g.centre + facilitatorShare * g.side} x2=${g.centre + facilitatorShare * g.side} y1="0" y2=${HEIGHT} stroke="#172033" stroke-width="1.5" stroke-dasharray="3 2" />
      <rect x=${g.neutralX} y=${y} width=${NEUTRAL_W} height=${h} fill="#eef0f4" />
      <rect x=${g.neutralX} y=${y} width=${neu * NEUTRAL_W} height=${h} fill="#8a94a6" data-part="neutral" />
      <text class="pct" x=${g.neutralX - 4} y=${text} text-anchor="end">${percent(neu)}</text>
    </svg>`
  }

  /**
   * Hatching for negative, dots for positive: the chart reads in black and white too. Defined
   * once per chart; every bar refers to them.
   */
  private patterns() {
    return svg`<defs>
      <pattern id="sw-neg" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#e8a29b" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#b42318" stroke-width="2.5" />
      </pattern>
      <pattern id="sw-pos" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#9fd3b6" />
        <circle cx="3" cy="3" r="1.3" fill="#067647" />
      </pattern>
    </defs>`
  }

  private swatch(kind: 'neg' | 'neu' | 'pos') {
    return html`<svg width="22" height="14">
      <rect width="22" height="14" fill=${kind === 'neu' ? '#8a94a6' : `url(#sw-${kind})`} stroke=${kind === 'neg' ? '#b42318' : kind === 'pos' ? '#067647' : 'none'} />
    </svg>`
  }

  private renderTable() {
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${msg('Determinant profile as a table')}>
      <table>
        <caption>
          ${msg(str`Determinant profile (barrier: ≥ ${percent(this.settings.barrierShare)} negative; facilitator: ≥ ${percent(this.settings.facilitatorShare)} positive)`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Determinant')}</th>
            <th scope="col">${msg('Group')}</th>
            <th scope="col" class="num">${msg('Answers')}</th>
            <th scope="col" class="num">${msg('Negative')}</th>
            <th scope="col" class="num">${msg('Neutral')}</th>
            <th scope="col" class="num">${msg('Positive')}</th>
            <th scope="col" class="num">${msg('Mean (1–5)')}</th>
            <th scope="col">${msg('Status')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.determinants.map(
            (d) => html`<tr class=${d.status === 'barrier' ? 'barrier' : ''}>
              <th scope="row">${d.number}. ${d.name}</th>
              <td>${groupLabel(d.group)}</td>
              <td class="num">${d.n}</td>
              <td class="num">${percent(d.negativeShare)}</td>
              <td class="num">${percent(d.neutralShare)}</td>
              <td class="num">${percent(d.positiveShare)}</td>
              <td class="num">${d.mean === null ? '–' : d.mean.toFixed(1)}</td>
              <td>${statusLabel(d.status)}${d.polarised ? html` · ${msg('divided')}` : nothing}</td>
            </tr>`
          )}
        </tbody>
      </table>
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-profile-chart': ProfileChart
  }
}
