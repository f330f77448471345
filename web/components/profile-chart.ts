/**
 * @module <sw-profile-chart>: the team's determinant profile as diverging bars, grouped by the
 * four MIDI groups. Negative answers grow left of the centre line, positive answers right; the
 * neutral share stands apart, so the barrier and facilitator thresholds are fixed lines
 * across every row. Each share carries its 95% interval as a whisker under the bar, each row
 * its number of answers, and a verdict whose threshold lies inside that interval says so in
 * words. Readable without colour: the segments carry hatching and dots, every share is written
 * out, and barriers are named and bordered, not only coloured. A table shows the same numbers
 * for screen readers and for copying, and a third view puts the groups of respondents side by
 * side, a group with too few answers shown as such, never as numbers.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, html, nothing, svg } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { GROUPS } from '../../server/domain/vocabulary.ts'
import type { ScoreResponse } from '../../server/schemas/api.ts'
import type { SubgroupProfiles } from '../../server/schemas/workspace.ts'
import { groupLabel, percent, statusLabel } from '../labels.ts'
import { shared } from '../styles/shared.ts'
import { profileChartStyles } from './profile-chart.styles.ts'

type DeterminantScore = ScoreResponse['determinants'][number]
type Subgroups = {
  readonly minGroupSize: SubgroupProfiles['minGroupSize']
  readonly groups: readonly SubgroupProfiles['groups'][number][]
}

/** Height of one row's drawing (bar above, interval whiskers below), and the room kept for labels, in px. */
const HEIGHT = 36
const BAR_Y = 3
const BAR_H = 20
const WHISKER_Y = 30
const LABEL = 48
const NEUTRAL_W = 36
const NEUTRAL_LABEL = 44
/** The share labels are 14 px, semi-bold: a generous width per character, so estimates never fall short. */
const CHAR_W = 10
const GAP = 4

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

/** An estimate of the width of a share label, on the generous side of its real width at 14 px (% is wide). */
export const labelWidth = (text: string) => [...text].reduce((w, ch) => w + (ch === '%' ? 14 : CHAR_W), 0)

/**
 * Where a share label goes: just outside the bar's end (`edge`), on the bar's side (`toward`
 * left for negative, right for positive), unless it would then cross the threshold line at
 * `line`; then just beyond the line instead, so that a label and a line never overlap.
 * Returns the x of the label's inner end and its text-anchor.
 */
export function labelPlacement(edge: number, line: number, width: number, toward: 'left' | 'right') {
  if (toward === 'left') {
    const x = edge - GAP
    const crosses = line <= x + 2 && line >= x - width - 2
    return { x: crosses ? Math.min(x, line) - GAP : x, anchor: 'end' as const }
  }
  const x = edge + GAP
  const crosses = line >= x - 2 && line <= x + width + 2
  return { x: crosses ? Math.max(x, line) + GAP : x, anchor: 'start' as const }
}

/** The share whose interval decides whether the verdict is uncertain, for its text. */
function decidingShare(d: DeterminantScore, settings: ScoreResponse['settings']) {
  const inside = (i: readonly [number, number] | null, t: number) => i !== null && i[0] < t && t < i[1]
  if (d.status === 'barrier') return { side: 'negative' as const, interval: d.negativeShareInterval }
  if (d.status === 'facilitator') return { side: 'positive' as const, interval: d.positiveShareInterval }
  return inside(d.negativeShareInterval, settings.barrierShare)
    ? { side: 'negative' as const, interval: d.negativeShareInterval }
    : { side: 'positive' as const, interval: d.positiveShareInterval }
}

@customElement('sw-profile-chart')
@localized()
export class ProfileChart extends LitElement {
  static override styles = [shared, profileChartStyles]

  /** The determinants of a score profile (POST /api/score). */
  @property({ attribute: false }) determinants: readonly DeterminantScore[] = []
  /** The thresholds the profile was scored with. */
  @property({ attribute: false }) settings: ScoreResponse['settings'] = { barrierShare: 0.2, facilitatorShare: 0.8, minAnswers: 1 }
  /** The round split by groups of respondents (GET …/profile/groups), for the `groups` view. */
  @property({ attribute: false }) subgroups: Subgroups | null = null
  /** `chart`, `table`, or `groups` (the groups side by side). */
  @property() view: 'chart' | 'table' | 'groups' = 'chart'

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
    if (this.view === 'table') return this.renderTable()
    if (this.view === 'groups') return this.renderGroups()
    return this.renderChart()
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
        <span>
          <svg width="22" height="14"><path d="M2 4v6M2 7h18M20 4v6" stroke="#172033" stroke-width="1.5" fill="none" /></svg>
          ${msg('95% interval: where the share could lie with this many answers')}
        </span>
      </div>
      <div class="axis" aria-hidden="true">
        <span class="spacer"></span>
        <svg class="bar slot" viewBox="0 0 ${g.width} 18" width=${g.width} height="18" role="presentation">
          <text class="threshold-label" x=${g.centre - barrierShare * g.side} y="14" text-anchor="middle">${percent(barrierShare)}</text>
          <text class="threshold-label" x=${g.centre + facilitatorShare * g.side} y="14" text-anchor="middle">${percent(facilitatorShare)}</text>
          <text class="threshold-label" x=${g.width} y="14" text-anchor="end">${msg('neutral')}</text>
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

  /** "uncertain: with 8 answers the negative share could be between 7% and 59%", or nothing. */
  private certaintyText(d: DeterminantScore) {
    if (d.certainty !== 'uncertain' || d.status === 'insufficient') return nothing
    const { side, interval } = decidingShare(d, this.settings)
    if (!interval) return nothing
    const [low, high] = [percent(interval[0]), percent(interval[1])]
    return html`<span class="certainty uncertain">${side === 'negative'
      ? msg(str`uncertain: with ${d.n} answers the negative share could be between ${low} and ${high}`)
      : msg(str`uncertain: with ${d.n} answers the positive share could be between ${low} and ${high}`)}</span>`
  }

  private renderRow(d: DeterminantScore) {
    const barrier = d.status === 'barrier'
    const status =
      d.status === 'barrier' || d.status === 'facilitator'
        ? html`<span class="badge ${d.status}">${statusLabel(d.status)}</span>`
        : nothing
    return html`<div class="row ${barrier ? 'barrier' : ''}" data-number=${d.number}>
      <div class="name">
        <a href="/kb/determinants/${d.number}">${d.number}. ${d.name}</a>${status}
        ${d.polarised ? html`<span class="badge" title=${msg('Many answered negatively and many positively: worth discussing')}>${msg('divided')}</span>` : nothing}
        <span class="n">${d.n === 1 ? msg('1 answer') : msg(str`${d.n} answers`)}</span>
        ${this.certaintyText(d)}
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
    const interval = d.negativeShareInterval
      ? msg(str`; the negative share could be between ${percent(d.negativeShareInterval[0])} and ${percent(d.negativeShareInterval[1])}`)
      : ''
    const label = msg(
      str`${d.name}: ${percent(neg)} negative, ${percent(neu)} neutral, ${percent(pos)} positive, ${d.n} respondents`
    ) + interval
    const g = barGeometry(this.barWidth)
    const negW = neg * g.side
    const posW = pos * g.side
    const barrierX = g.centre - barrierShare * g.side
    const facilitatorX = g.centre + facilitatorShare * g.side
    const text = BAR_Y + BAR_H - 5
    const negText = percent(neg)
    const posText = percent(pos)
    const negLabel = labelPlacement(g.centre - negW, barrierX, labelWidth(negText), 'left')
    const posLabel = labelPlacement(g.centre + posW, facilitatorX, labelWidth(posText), 'right')
    return html`<svg class="bar" viewBox="0 0 ${g.width} ${HEIGHT}" width=${g.width} height=${HEIGHT} role="img" aria-label=${label}>
      <line x1=${g.centre} x2=${g.centre} y1="0" y2=${HEIGHT} stroke="#8a94a6" stroke-width="1" />
      ${negW > 0
        ? svg`<rect x=${g.centre - negW} y=${BAR_Y} width=${negW} height=${BAR_H} fill="url(#sw-neg)" stroke="#b42318" stroke-width="1" data-part="negative" />`
        : nothing}
      ${posW > 0
        ? svg`<rect x=${g.centre} y=${BAR_Y} width=${posW} height=${BAR_H} fill="url(#sw-pos)" stroke="#067647" stroke-width="1" data-part="positive" />`
        : nothing}
      ${this.whisker(d.negativeShareInterval, (x) => g.centre - x * g.side, 'negative-interval')}
      ${this.whisker(d.positiveShareInterval, (x) => g.centre + x * g.side, 'positive-interval')}
      <text class="pct" x=${negLabel.x} y=${text} text-anchor=${negLabel.anchor} data-label="negative">${negText}</text>
      <text class="pct" x=${posLabel.x} y=${text} text-anchor=${posLabel.anchor} data-label="positive">${posText}</text>
      <line x1=${barrierX} x2=${barrierX} y1="0" y2=${HEIGHT} stroke="#172033" stroke-width="1.5" stroke-dasharray="3 2" data-threshold="barrier" />
      <line x1=${facilitatorX} x2=${facilitatorX} y1="0" y2=${HEIGHT} stroke="#172033" stroke-width="1.5" stroke-dasharray="3 2" data-threshold="facilitator" />
      <rect x=${g.neutralX} y=${BAR_Y} width=${NEUTRAL_W} height=${BAR_H} fill="#eef0f4" />
      <rect x=${g.neutralX} y=${BAR_Y} width=${neu * NEUTRAL_W} height=${BAR_H} fill="#8a94a6" data-part="neutral" />
      <text class="pct" x=${g.neutralX - GAP} y=${text} text-anchor="end">${percent(neu)}</text>
    </svg>`
  }

  /** The interval as a line with end caps under the bar, from `at(low)` to `at(high)`. */
  private whisker(interval: readonly [number, number] | null, at: (share: number) => number, part: string) {
    if (!interval) return nothing
    const [a, b] = [at(interval[0]), at(interval[1])]
    return svg`<path d="M${a} ${WHISKER_Y - 3}v6M${a} ${WHISKER_Y}H${b}M${b} ${WHISKER_Y - 3}v6" stroke="#172033" stroke-width="1.5" fill="none" data-part=${part} />`
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

  /**
   * The caption is a paragraph above the scrolling box, so it wraps on a phone instead of
   * scrolling out of sight with a wide table; the table is labelled by it.
   */
  private renderTable() {
    const caption = msg(
      str`Determinant profile (barrier: ≥ ${percent(this.settings.barrierShare)} negative; facilitator: ≥ ${percent(this.settings.facilitatorShare)} positive)`
    )
    const interval = (i: readonly [number, number] | null) => (i ? `${percent(i[0])}–${percent(i[1])}` : '–')
    return html`<p class="caption" id="profile-caption">${caption}</p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="profile-caption">
        <table aria-labelledby="profile-caption">
          <thead>
            <tr>
              <th scope="col">${msg('Determinant')}</th>
              <th scope="col">${msg('Group')}</th>
              <th scope="col" class="num">${msg('Answers')}</th>
              <th scope="col" class="num">${msg('Negative')}</th>
              <th scope="col" class="num">${msg('95% interval (negative)')}</th>
              <th scope="col" class="num">${msg('Neutral')}</th>
              <th scope="col" class="num">${msg('Positive')}</th>
              <th scope="col" class="num">${msg('95% interval (positive)')}</th>
              <th scope="col" class="num">${msg('Mean (1–5)')}</th>
              <th scope="col">${msg('Status')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.determinants.map(
              (d) => html`<tr class=${d.status === 'barrier' ? 'barrier' : ''}>
                <th scope="row">
                  ${d.number}. ${d.name}${d.status === 'barrier' ? html` <span class="badge barrier">${statusLabel('barrier')}</span>` : nothing}
                </th>
                <td>${groupLabel(d.group)}</td>
                <td class="num">${d.n}</td>
                <td class="num">${percent(d.negativeShare)}</td>
                <td class="num">${interval(d.negativeShareInterval)}</td>
                <td class="num">${percent(d.neutralShare)}</td>
                <td class="num">${percent(d.positiveShare)}</td>
                <td class="num">${interval(d.positiveShareInterval)}</td>
                <td class="num">${d.mean === null ? '–' : d.mean.toFixed(1)}</td>
                <td>
                  ${statusLabel(d.status)}${d.polarised ? html` · ${msg('divided')}` : nothing}${d.certainty === 'uncertain' && d.status !== 'insufficient'
                    ? html` · ${msg('uncertain')}`
                    : nothing}
                </td>
              </tr>`
            )}
          </tbody>
        </table>
      </div>`
  }

  /** The groups of respondents side by side: per determinant the negative share and verdict in each group shown. */
  private renderGroups() {
    const split = this.subgroups
    if (!split) return html`<p class="insufficient">${msg('No groups to compare: only a round with respondents who gave their group can be split.')}</p>`
    const caption = msg(
      str`Profile per group of respondents: share of negative answers. A group with fewer than ${split.minGroupSize} answers is not shown, nor a group that would let such a group be worked out from the total.`
    )
    const name = (g: string | null) => g ?? msg('no group given')
    const tooFew = msg('too few answers to show')
    const byNumber = split.groups.map((g) => new Map((g.determinants ?? []).map((d) => [d.number, d])))
    return html`<p class="caption" id="groups-caption">${caption}</p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="groups-caption">
        <table aria-labelledby="groups-caption">
          <thead>
            <tr>
              <th scope="col">${msg('Determinant')}</th>
              ${split.groups.map(
                (g) => html`<th scope="col" class="num">
                  ${name(g.group)}<br /><span class="n">${g.n === 1 ? msg('1 answer') : msg(str`${g.n} answers`)}</span>
                </th>`
              )}
            </tr>
          </thead>
          <tbody>
            ${this.determinants.map(
              (d) => html`<tr>
                <th scope="row">${d.number}. ${d.name}</th>
                ${split.groups.map((g, i) => {
                  if (g.suppressed !== null) return html`<td class="suppressed">${tooFew}</td>`
                  const cell = byNumber[i]?.get(d.number)
                  if (!cell || cell.suppressed !== null) return html`<td class="suppressed">${tooFew}</td>`
                  if (cell.negativeShare === null) return html`<td class="num">–</td>`
                  return html`<td class="num">
                    ${percent(cell.negativeShare)}${cell.status === 'barrier' ? html` <span class="badge barrier">${statusLabel('barrier')}</span>` : nothing}
                  </td>`
                })}
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
