/**
 * @module <sw-page-strategy>: one strategy — what it is, an example, where it fits, and the
 * determinants it addresses with every link's provenance.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { api, errorOf, parseResponse } from '../api.ts'
import { statusOf } from '../workspace/api-errors.ts'
import { referenceData } from '../catalogue.ts'
import '../components/link-list.ts'
import { actorLabel, effortLabel, phaseLabel } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { page, shared } from '../styles/shared.ts'
import { ActiveTeamData } from '../workspace/active-data.ts'
import { formatFixed } from '../format.ts'

@customElement('sw-page-strategy')
@localized()
export class PageStrategy extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      .example {
        background: var(--sw-surface);
        border-left: 4px solid var(--sw-primary);
        padding: 0.75rem 1rem;
        border-radius: 6px;
      }
    `,
  ]

  /** The strategy id. */
  @property() strategyId = ''
  private readonly team = new ActiveTeamData(this)

  private readonly data = new Task(this, {
    task: async ([id, lang]) => {
      const [strategy, reference] = await Promise.all([
        parseResponse(api.strategies[':id'].$get({ param: { id }, query: { lang } })),
        referenceData(lang),
      ])
      return { strategy, methods: reference.methodNames, tiers: reference.sourceTiers }
    },
    args: () => [this.strategyId, currentLang()] as const,
  })

  override render() {
    return this.data.render({
      pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
      error: (e) =>
        statusOf(e) === 404
          ? html`<h1>${msg('This strategy is not in the knowledge base')}</h1>
              <p>${msg('The link may be out of date: the strategy was renamed or removed. Find it again by name in the knowledge base.')}</p>
              <p class="actions"><a class="btn primary" href="/kb">${msg('Search the knowledge base')}</a><a class="btn" href="/recommendations">${msg('To the strategies for your barriers')}</a></p>`
          : html`<h1>${msg('Strategy')}</h1><p class="error" role="alert">${errorOf(e).message}</p>
              <p><a href="/kb">${msg('Back to the knowledge base')}</a></p>`,
      complete: ({ strategy: s, methods, tiers }) => {
        const planned = this.team.state.plan.some((p) => p.strategy === s.id)
        return html`
          <p><a href="/kb">${msg('Knowledge base')}</a> › ${s.clusterName}</p>
          <h1>${s.name}</h1>
          <p class="lead">${s.description}</p>
          <h2>${msg('Example in a school')}</h2>
          <p class="example">${s.example}</p>
          <dl>
            <dt>${msg('Cluster')}</dt><dd>${s.clusterName}</dd>
            <dt>${msg('Phases')}</dt><dd>${s.phases.map(phaseLabel).join(', ')}</dd>
            <dt>${msg('Who')}</dt><dd>${s.actors.map(actorLabel).join(', ')}</dd>
            <dt>${msg('Effort')}</dt><dd>${effortLabel(s.effort)}</dd>
            ${s.ericNumber ? html`<dt>${msg('Origin')}</dt><dd>${msg(str`ERIC strategy ${s.ericNumber}: ${s.ericName ?? ''} (Powell et al. 2015), adapted for schools`)}</dd>` : nothing}
            ${s.adaptationNote ? html`<dt>${msg('Adaptation')}</dt><dd>${s.adaptationNote}</dd>` : nothing}
            ${s.mechanismChanged
              ? html`<dt>${msg('Expert rating')}</dt><dd>${msg('Not shown: the health-care experts rated the original strategy, which works differently.')}</dd>`
              : s.waltz?.importance
                ? html`<dt>${msg('Expert rating')}</dt><dd>${msg(str`importance ${formatFixed(s.waltz.importance)} / 5`)}${s.waltz.feasibility ? msg(str`, feasibility ${formatFixed(s.waltz.feasibility)} / 5`) : ''} (Waltz et al. 2015)</dd>`
                : nothing}
          </dl>
          <div class="actions" style="margin:1rem 0">
            ${planned ? html`<span class="badge facilitator">✓ ${msg('In your plan')}</span>` : nothing}
            <button class="btn ${planned ? '' : 'primary'}" @click=${() => (planned ? this.team.source.removePlanEntry(s.id, s.name) : this.team.source.addPlanEntry(s.id))}>
              ${planned ? msg('Remove from plan') : msg('Add to plan')}
            </button>
            ${planned ? html`<a href="/plan">${msg('To the plan')}</a>` : nothing}
          </div>
          <section>
            <h2>${msg(str`Determinants it addresses (${s.determinants.length})`)}</h2>
            <sw-link-list
              .pairs=${s.determinants.map((d) => ({ href: `/kb/determinants/${d.number}`, title: `${d.number}. ${d.name}`, strength: d.strength, label: d.label, agreement: d.agreement, links: d.links }))}
              .methodNames=${methods}
              .sourceTiers=${tiers}
            ></sw-link-list>
          </section>
        `
      },
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-strategy': PageStrategy
  }
}
