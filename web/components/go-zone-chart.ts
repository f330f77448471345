/**
 * @module <sw-go-zone-chart>: candidate strategies by importance against feasibility, as in
 * Waltz et al. (2015): the plane is split into four quadrants at the means of the points shown,
 * and the quadrant of high importance and high feasibility is the "go zone". Readable without
 * colour: each point is a numbered shape (a circle for a published rating, a square for the
 * team's own), the numbers are listed beside the chart, and a table shows the same.
 */
import { localized, msg } from '@lit/localize'
import { LitElement, css, html, nothing, svg } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { shared } from '../styles/shared.ts'

export type GoZonePoint = {
  readonly id: string
  readonly name: string
  /** 1–5. */
  readonly importance: number
  /** 1–5. */
  readonly feasibility: number
  /** `published`: Waltz et al. 2015; `team`: the team's own rating. */
  readonly kind: 'published' | 'team'
}

export const QUADRANTS = ['go-zone', 'important-harder', 'easier-less-important', 'neither'] as const
export type Quadrant = (typeof QUADRANTS)[number]

/** The means the plane is split at, and each point's quadrant (a point on a mean counts as high). */
export function goZones(points: readonly GoZonePoint[]) {
  const mean = (f: (p: GoZonePoint) => number) => (points.length === 0 ? 3 : points.reduce((s, p) => s + f(p), 0) / points.length)
  const importance = mean((p) => p.importance)
  const feasibility = mean((p) => p.feasibility)
  const quadrantOf = (p: GoZonePoint): Quadrant =>
    p.importance >= importance
      ? p.feasibility >= feasibility
        ? 'go-zone'
        : 'important-harder'
      : p.feasibility >= feasibility
        ? 'easier-less-important'
        : 'neither'
  return { importance, feasibility, quadrants: points.map(quadrantOf) }
}

const SIZE = 360
const PAD = 44
const scale = (v: number) => PAD + ((v - 1) / 4) * (SIZE - 2 * PAD)

@customElement('sw-go-zone-chart')
@localized()
export class GoZoneChart extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .layout {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 1.5rem;
        align-items: flex-start;
      }
      svg {
        max-width: 100%;
        height: auto;
      }
      text {
        font: 14px var(--sw-font);
        fill: #172033;
      }
      .quadrant {
        font-weight: 600;
      }
      ol {
        margin: 0;
        padding-left: 1.6rem;
        font-size: 0.95rem;
      }
      .caption {
        font-weight: 600;
        margin: 0 0 0.5rem;
      }
      td.num,
      th.num {
        text-align: right;
      }
    `,
  ]

  /** The candidate strategies with their ratings. */
  @property({ attribute: false }) points: readonly GoZonePoint[] = []
  /** `chart` or `table`. */
  @property() view: 'chart' | 'table' = 'chart'

  override render() {
    if (this.points.length === 0) {
      return html`<p>${msg('No strategy has both an importance and a feasibility rating yet: rate them in the plan, or pick strategies with published ratings.')}</p>`
    }
    return this.view === 'table' ? this.renderTable() : this.renderChart()
  }

  private quadrantLabel(q: Quadrant) {
    switch (q) {
      case 'go-zone':
        return msg('Go zone: important and feasible')
      case 'important-harder':
        return msg('Important, harder to do')
      case 'easier-less-important':
        return msg('Feasible, less important')
      case 'neither':
        return msg('Less important, harder to do')
    }
  }

  private renderChart() {
    const z = goZones(this.points)
    const mx = scale(z.feasibility)
    const my = SIZE - scale(z.importance)
    const summary = msg('Strategies by importance (up) and feasibility (right), split at the means; the go zone is top right.')
    return html`<div class="layout">
      <svg viewBox="0 0 ${SIZE} ${SIZE}" width=${SIZE} height=${SIZE} role="img" aria-label=${summary}>
        <rect x=${PAD} y=${PAD} width=${SIZE - 2 * PAD} height=${SIZE - 2 * PAD} fill="none" stroke="#8a94a6" />
        <rect x=${mx} y=${PAD} width=${SIZE - PAD - mx} height=${my - PAD} fill="#e3f4ea" data-quadrant="go-zone" />
        <line x1=${mx} x2=${mx} y1=${PAD} y2=${SIZE - PAD} stroke="#172033" stroke-dasharray="4 3" />
        <line x1=${PAD} x2=${SIZE - PAD} y1=${my} y2=${my} stroke="#172033" stroke-dasharray="4 3" />
        <text class="quadrant" x=${SIZE - PAD} y=${PAD - 16} text-anchor="end">${msg('Go zone')} ↗</text>
        <text x=${SIZE / 2} y=${SIZE - 8} text-anchor="middle">${msg('Feasibility (1–5)')} →</text>
        <text x="14" y=${SIZE / 2} text-anchor="middle" transform="rotate(-90 14 ${SIZE / 2})">${msg('Importance (1–5)')} →</text>
        ${[1, 5].map(
          (v) => svg`<text x=${scale(v)} y=${SIZE - PAD + 18} text-anchor="middle">${v}</text>
            <text x=${PAD - 8} y=${SIZE - scale(v) + 5} text-anchor="end">${v}</text>`
        )}
        ${this.points.map((p, i) => {
          const x = scale(p.feasibility)
          const y = SIZE - scale(p.importance)
          const shape =
            p.kind === 'team'
              ? svg`<rect x=${x - 11} y=${y - 11} width="22" height="22" fill="#fff" stroke="#172033" stroke-width="2" />`
              : svg`<circle cx=${x} cy=${y} r="12" fill="#fff" stroke="#172033" stroke-width="2" />`
          return svg`<g data-point=${p.id}>${shape}<text x=${x} y=${y + 5} text-anchor="middle">${i + 1}</text></g>`
        })}
      </svg>
      <div>
        <p>
          ${msg('○ rating published by Waltz et al. (2015), expert panel on ERIC strategies')}<br />
          ${msg('□ your team’s own rating')}
        </p>
        <ol>
          ${this.points.map((p, i) => html`<li value=${i + 1}>${p.name} — ${this.quadrantLabel(z.quadrants[i] ?? 'neither')}</li>`)}
        </ol>
      </div>
    </div>`
  }

  private renderTable() {
    const z = goZones(this.points)
    const source = (p: GoZonePoint) => (p.kind === 'team' ? msg('your team') : 'Waltz et al. 2015')
    return html`<p class="caption" id="go-zone-caption">
        ${msg('Importance and feasibility of the candidate strategies (1–5), split at the means')}
        (${z.importance.toFixed(2)}; ${z.feasibility.toFixed(2)})
      </p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="go-zone-caption">
        <table aria-labelledby="go-zone-caption">
          <thead>
            <tr>
              <th scope="col">${msg('Strategy')}</th>
              <th scope="col" class="num">${msg('Importance')}</th>
              <th scope="col" class="num">${msg('Feasibility')}</th>
              <th scope="col">${msg('Quadrant')}</th>
              <th scope="col">${msg('Source')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.points.map(
              (p, i) => html`<tr>
                <th scope="row">${p.name}</th>
                <td class="num">${p.importance}</td>
                <td class="num">${p.feasibility}</td>
                <td>${this.quadrantLabel(z.quadrants[i] ?? 'neither')}</td>
                <td>${source(p)}</td>
              </tr>`
            )}
          </tbody>
        </table>
      </div>
      ${nothing}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-go-zone-chart': GoZoneChart
  }
}
