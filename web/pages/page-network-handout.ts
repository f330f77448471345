/**
 * @module <sw-page-network-handout>: the printable handout of a coaching session — the
 * barriers the schools share, each school's barriers and strategies (or "too few answers to
 * show"), and what the schools learned. The same aggregates as the network page, no more.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { errorOf } from '../api.ts'
import { currentLang } from '../localization.ts'
import { networkApi } from '../network/network-api.ts'
import { page, shared } from '../styles/shared.ts'
import { planStatusLabel } from '../workspace/round-text.ts'
import { formatPercent } from '../format.ts'

const share = formatPercent

@customElement('sw-page-network-handout')
@localized()
export class PageNetworkHandout extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      .rows {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: 0.75rem 1.5rem;
      }
      .rows article {
        break-inside: avoid;
      }
      h3 {
        margin-bottom: 0.2rem;
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
      }
    `,
  ]

  /** The network's id, from the route. */
  @property() networkId = ''

  private readonly data = new Task(this, {
    task: async ([id, lang]) => {
      const round = new URLSearchParams(window.location.search).get('round') ?? undefined
      return networkApi(id).handout({ lang, ...(round ? { round } : {}) })
    },
    args: () => [this.networkId, currentLang()] as const,
  })

  override render() {
    return this.data.render({
      pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
      error: (error) => html`<h1>${msg('Session handout')}</h1><p class="error" role="alert">${errorOf(error).message}</p>`,
      complete: (h) => html`
        <p class="screen-only actions">
          <a class="btn" href="/n/${this.networkId}">${msg('Back to the network')}</a>
          <button class="btn primary" type="button" @click=${() => window.print()}>${msg('Print')}</button>
        </p>
        <h1>${h.network}${h.round ? ` · ${h.round}` : ''}</h1>
        <p>${msg(str`Aggregates only: a school with fewer than ${h.minGroupSize} answers in a round is shown as “too few answers to show”.`)}</p>
        <section>
          <h2>${msg('Barriers the schools share')}</h2>
          ${h.sharedBarriers.length === 0
            ? html`<p class="muted">${msg('No shared barriers among the schools shown.')}</p>`
            : html`<ol>${h.sharedBarriers.map((b) => html`<li>${b.number}. ${b.name} — ${msg(str`a barrier at ${b.barrier} of ${b.of}`)}</li>`)}</ol>`}
        </section>
        <section>
          <h2>${msg('Per school')}</h2>
          <div class="rows">
            ${h.rows.map(
              (r) => html`<article>
                <h3>${r.kind === 'network' ? `${msg('Network')}: ` : ''}${r.name}</h3>
                <p class="muted">n = ${r.n}${r.suppressed ? html` · <strong>${msg('too few answers to show')}</strong>` : nothing}</p>
                ${r.barriers.length > 0
                  ? html`<p>${msg('Barriers')}: ${r.barriers.map((b) => `${b.number}. ${b.name} (${share(b.negativeShare)})`).join('; ')}</p>`
                  : nothing}
                ${r.strategies.length > 0
                  ? html`<p>${msg('Strategies')}: ${r.strategies.map((s) => `${s.name} (${planStatusLabel(s.status)})`).join('; ')}</p>`
                  : nothing}
              </article>`
            )}
          </div>
        </section>
        ${h.learned.length > 0
          ? html`<section>
              <h2>${msg('What the schools learned')}</h2>
              <ul>
                ${h.learned.map(
                  (l) => html`<li>${l.name}: ${msg(str`running at ${l.running} schools`)}${l.determinants.length > 0
                    ? html` — ${l.determinants.map((d) => msg(str`determinant ${d.number}: improved at ${d.improved}, worsened at ${d.worsened}`)).join('; ')}`
                    : nothing}</li>`
                )}
              </ul>
            </section>`
          : nothing}
      `,
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-network-handout': PageNetworkHandout
  }
}
