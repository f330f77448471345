/**
 * @module <sw-strategy-card>: one recommended strategy, compact first — its name, why in one
 * sentence, whether its strongest link is essential or supportive, the weight of that link's
 * evidence in words, and the effort — so a phone screen or a projector shows several at once.
 * One click opens the rest: what it is, an example from a Dutch school, where it fits (cluster,
 * phase, actors) and every barrier it addresses, each with its severity, its link and per
 * source the weight of its evidence and the strength as what it is.
 * Whether it is in the plan is shown as a state, with a separate action to take it out.
 *
 * @fires strategy-action - {@link StrategyActionEvent}: `plan`, `unplan`, `in-use` or `exclude`.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { RecommendedStrategy, SeverityKind } from '../../server/schemas/api.ts'
import { countedOnceNote, evidenceLines, evidenceStyles } from '../evidence.ts'
import type { EvidenceTier } from '../evidence-tier.ts'
import { StrategyActionEvent } from '../events.ts'
import { tierOfLink } from '../evidence-tier.ts'
import { actorLabel, effortLabel, evidenceLabel, linkLabel, nameList, phaseLabel, scoreText, severityText } from '../labels.ts'
import { shared } from '../styles/shared.ts'
import { formatFixed } from '../format.ts'

/** With "most feasible first": the rating the order used and whose it is, or that none is known. */
function feasibilityBadge(f: RecommendedStrategy['feasibility']) {
  if (f === undefined) return nothing
  if (f === null) return html`<span class="badge">${msg('Feasibility: no rating')}</span>`
  const value = f.source === 'team' ? String(f.value) : formatFixed(f.value, 1)
  return html`<span class="badge" title=${f.source === 'team' ? msg('Your own rating in the plan') : msg('Rated by experts for health care (Waltz et al. 2015)')}>${
    f.source === 'team' ? msg(str`Feasibility ${value}/5 (yours)`) : msg(str`Feasibility ${value}/5 (Waltz 2015)`)
  }</span>`
}

@customElement('sw-strategy-card')
@localized()
export class StrategyCard extends LitElement {
  static override styles = [
    shared,
    evidenceStyles,
    css`
      :host {
        display: block;
      }
      article {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.5rem;
      }
      header {
        display: flex;
        gap: 0.75rem;
        align-items: baseline;
      }
      .rank {
        flex: none;
        font-weight: 800;
        color: var(--sw-primary-dark);
        font-size: 1.1rem;
      }
      h3 {
        margin: 0;
      }
      h3 a {
        color: inherit;
        text-decoration: none;
      }
      h3 a:hover {
        text-decoration: underline;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
      }
      .meta .badge {
        white-space: normal;
      }
      .why-line {
        margin: 0;
        font-weight: 500;
      }
      .more-body {
        display: grid;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      .more-body p {
        margin: 0;
      }
      .why {
        background: var(--sw-primary-soft);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
      }
      .why p {
        margin: 0 0 0.4rem;
        font-weight: 500;
      }
      .why ul {
        margin: 0;
        padding-left: 1.1rem;
      }
      .why li {
        margin: 0.35rem 0;
      }
      .agreement {
        color: var(--sw-muted);
        font-size: 0.88rem;
      }
      .why p.bundle {
        font-weight: 400;
      }
      details summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--sw-primary-dark);
        min-height: 32px;
        padding-top: 0.25rem;
      }
      @media print {
        .actions,
        details.more:not([open]) summary {
          display: none;
        }
        article {
          break-inside: avoid;
          box-shadow: none;
          padding: 0.5rem 0.75rem;
        }
      }
      .in-plan {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
        padding: 0.2em 0.75em;
        border-radius: 999px;
        background: var(--sw-positive-soft);
        color: var(--sw-positive);
        font-size: 0.9rem;
        font-weight: 700;
      }
      .score {
        margin-left: auto;
        font-size: 0.85rem;
        color: var(--sw-muted);
        white-space: nowrap;
      }
    `,
  ]

  /** The strategy as /api/recommendations returns it. */
  @property({ attribute: false }) strategy?: RecommendedStrategy
  /** Its place in the list (1-based). */
  @property({ type: Number }) rank = 0
  /** Whether the strategy is in the team's plan. */
  @property({ type: Boolean }) planned = false
  /** Names of the link sources, by id, for the evidence lines. */
  @property({ attribute: false }) sourceNames: ReadonlyMap<string, string> = new Map()
  /** Evidence tiers of the link sources, by id; a source not in it is weighed by its method. */
  @property({ attribute: false }) sourceTiers: ReadonlyMap<string, EvidenceTier> = new Map()
  /** What the barriers' severities mean (see the API's `severityKind`). */
  @property() severityKind: SeverityKind = 'share-negative'
  /** Barriers whose severity the team did not know (the API's `severityUnknown`). */
  @property({ attribute: false }) severityUnknown: readonly number[] = []
  /** Whether the full reasons are shown; the compact view when false. */
  @property({ type: Boolean, reflect: true }) expanded = false

  /** Moves focus to the button that adds the strategy to the plan or takes it out. */
  focusPlanAction() {
    this.renderRoot.querySelector<HTMLElement>('.plan-action')?.focus()
  }

  override render() {
    const s = this.strategy
    if (!s) return nothing
    const top = s.addresses[0]
    const topEvidence = top?.evidence[0]
    return html`<article class="card" aria-labelledby="title">
      <header>
        ${this.rank > 0 ? html`<span class="rank" aria-hidden="true">${this.rank}</span>` : nothing}
        <h3 id="title"><a href="/kb/strategies/${s.id}">${this.rank > 0 ? html`<span class="visually-hidden">${this.rank}. </span>` : nothing}${s.name}</a></h3>
        <span class="score" title=${msg('Fit to your barriers: the best single link first, then all links; breadth counts but at most doubles')}>${msg(str`score ${scoreText(s.score)}`)}</span>
      </header>
      <p class="why-line">${s.why}</p>
      <div class="meta">
        ${top ? html`<span class="badge ${top.label === 'essential' ? 'essential' : ''}">${linkLabel(top.label)}</span>` : nothing}
        ${topEvidence ? html`<span class="badge tier">${evidenceLabel(tierOfLink(topEvidence, this.sourceTiers), topEvidence.method)}</span>` : nothing}
        <span class="badge">${effortLabel(s.effort)}</span>
        ${feasibilityBadge(s.feasibility)}
        ${this.planned ? html`<span class="in-plan"><span aria-hidden="true">✓</span> ${msg('In the plan')}</span>` : nothing}
      </div>
      <details class="more" ?open=${this.expanded} @toggle=${this.handleToggle}>
        <summary>${msg('All reasons, what it is and an example')}<span class="visually-hidden">: ${s.name}</span></summary>
        <div class="more-body">
          <div class="meta">
            <span class="badge">${s.clusterName}</span>
            ${s.phases.map((p) => html`<span class="badge">${phaseLabel(p)}</span>`)}
          </div>
          <p>${s.description}</p>
          ${s.mechanismChanged
            ? html`<p class="muted adapted">${msg('Adapted for schools in a way that changes how it works, so the health-care expert ratings do not apply.')}</p>`
            : nothing}
          <p class="example"><strong>${msg('Example in a school')}:</strong> ${s.example}</p>
          <p class="muted">${msg('Who:')} ${s.actors.map(actorLabel).join(', ')}</p>
          <div class="why">
            ${this.renderBundleShare(s)}
            <ul>
              ${s.addresses.map(
                (a) => html`<li>
                  <a href="/kb/determinants/${a.determinant}">${a.name}</a>:
                  ${this.renderSeverity(a.determinant, a.severity)}
                  <span class="badge ${a.label === 'essential' ? 'essential' : ''}">${linkLabel(a.label)}</span>
                  ${a.agreement > 1 ? html`<span class="agreement">(${msg(str`${a.agreement} methods agree`)})</span>` : nothing}
                  ${evidenceLines(a, this)}
                  ${countedOnceNote(a, s.addresses)}
                </li>`
              )}
            </ul>
          </div>
        </div>
      </details>
      <div class="actions">
        <!-- One button for both, so focus stays on it when it turns into the other. -->
        <button class="btn small plan-action ${this.planned ? '' : 'primary'}" @click=${() => this.act(this.planned ? 'unplan' : 'plan')}>
          ${this.planned ? msg('Remove from plan') : msg('Add to plan')}<span class="visually-hidden">: ${s.name}</span>
        </button>
        <button class="btn small quiet" @click=${() => this.act('in-use')}>
          ${msg('We already do this')}<span class="visually-hidden">: ${s.name}</span>
        </button>
        <button class="btn small quiet" @click=${() => this.act('exclude')}>
          ${msg('Not for us')}<span class="visually-hidden">: ${s.name}</span>
        </button>
      </div>
    </article>`
  }

  /** How much the barrier hinders, as the team's answers or its own choice say; nothing when unknown. */
  private renderSeverity(determinant: number, severity: number) {
    if (this.severityKind === 'none') return nothing
    if (this.severityUnknown.includes(determinant)) return html`${msg('how much not known')} ·`
    return html`${severityText(severity, this.severityKind)} ·`
  }

  private handleToggle(e: Event) {
    this.expanded = (e.target as HTMLDetailsElement).open
  }

  /** In a bundle: which barriers this member covers, and which it only reaches, in words. */
  private renderBundleShare(s: RecommendedStrategy) {
    if (s.covers === undefined) return nothing
    const name = (d: number) => s.addresses.find((a) => a.determinant === d)?.name ?? String(d)
    const covers = s.covers.map(name)
    const weakly = (s.weaklyCovers ?? []).map(name)
    return html`<p class="bundle">
      ${covers.length > 0 ? msg(str`In this bundle it covers ${nameList(covers)} (essential link).`) : nothing}
      ${weakly.length > 0 ? msg(str`It weakly covers ${nameList(weakly)} (supportive links only).`) : nothing}
    </p>`
  }

  private act(action: StrategyActionEvent['action']) {
    if (this.strategy) this.dispatchEvent(new StrategyActionEvent(this.strategy.id, action))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-strategy-card': StrategyCard
  }
}
