/**
 * @module <sw-strategy-card>: one recommended strategy — what it is, an example from a Dutch
 * school, where it fits (cluster, phase, actors, effort) and why it is recommended: the
 * barriers it addresses, each with its severity and link strength and the sources behind it.
 * Whether it is in the plan is shown as a state, with a separate action to take it out.
 *
 * @fires strategy-action - {@link StrategyActionEvent}: `plan`, `unplan`, `in-use` or `exclude`.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { RecommendedStrategy, SeverityKind } from '../../server/schemas/api.ts'
import { StrategyActionEvent } from '../events.ts'
import { actorLabel, effortLabel, phaseLabel, severityText, strengthLabel } from '../labels.ts'
import { shared } from '../styles/shared.ts'

@customElement('sw-strategy-card')
@localized()
export class StrategyCard extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      article {
        display: grid;
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
        margin: 0.15rem 0;
      }
      .sources {
        color: var(--sw-muted);
        font-size: 0.88rem;
      }
      details summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--sw-primary-dark);
        min-height: 32px;
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
  /** Names of the link sources, by id, for the evidence line. */
  @property({ attribute: false }) sourceNames: ReadonlyMap<string, string> = new Map()
  /** What the barriers' severities mean (see the API's `severityKind`). */
  @property() severityKind: SeverityKind = 'share-negative'

  /** Moves focus to the button that adds the strategy to the plan or takes it out. */
  focusPlanAction() {
    this.renderRoot.querySelector<HTMLElement>('.plan-action')?.focus()
  }

  override render() {
    const s = this.strategy
    if (!s) return nothing
    return html`<article class="card" aria-labelledby="title">
      <header>
        ${this.rank > 0 ? html`<span class="rank" aria-hidden="true">${this.rank}</span>` : nothing}
        <h3 id="title"><a href="/kb/strategies/${s.id}">${this.rank > 0 ? html`<span class="visually-hidden">${this.rank}. </span>` : nothing}${s.name}</a></h3>
        <span class="score" title=${msg('Sum over the barriers it addresses of severity × link strength')}>${msg(str`score ${s.score.toFixed(2)}`)}</span>
      </header>
      <div class="meta">
        <span class="badge">${s.clusterName}</span>
        ${s.phases.map((p) => html`<span class="badge">${phaseLabel(p)}</span>`)}
        <span class="badge">${effortLabel(s.effort)}</span>
      </div>
      <p>${s.description}</p>
      ${s.mechanismChanged
        ? html`<p class="muted adapted">${msg('Adapted for schools in a way that changes how it works, so the health-care expert ratings do not apply.')}</p>`
        : nothing}
      <details>
        <summary>${msg('Example in a school')}</summary>
        <p>${s.example}</p>
        <p class="muted">${msg('Who:')} ${s.actors.map(actorLabel).join(', ')}</p>
      </details>
      <div class="why">
        <p>${s.why}</p>
        <ul>
          ${s.addresses.map(
            (a) => html`<li>
              <a href="/kb/determinants/${a.determinant}">${a.name}</a>:
              ${this.severityKind === 'none' ? nothing : html`${severityText(a.severity, this.severityKind)} ·`}
              <span class="badge ${a.label === 'essential' ? 'essential' : ''}">${strengthLabel(a.label)}</span>
              ${msg(str`link ${a.strength.toFixed(2)}`)}
              <span class="sources">
                — ${a.evidence.map((e) => this.sourceNames.get(e.source) ?? e.source).join('; ')}
                ${a.agreement > 1 ? html`(${msg(str`${a.agreement} methods agree`)})` : nothing}
              </span>
            </li>`
          )}
        </ul>
      </div>
      <div class="actions">
        ${this.planned ? html`<span class="in-plan"><span aria-hidden="true">✓</span> ${msg('In the plan')}</span>` : nothing}
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

  private act(action: StrategyActionEvent['action']) {
    if (this.strategy) this.dispatchEvent(new StrategyActionEvent(this.strategy.id, action))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-strategy-card': StrategyCard
  }
}
