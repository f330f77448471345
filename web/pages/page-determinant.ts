/**
 * @module <sw-page-determinant>: one MIDI determinant — definition, how it is measured, and
 * the strategies linked to it with every link's provenance.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { api, errorOf, parseResponse } from '../api.ts'
import { statusOf } from '../workspace/api-errors.ts'
import { referenceData } from '../catalogue.ts'
import '../components/link-list.ts'
import { groupLabel, respondentLabel } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { page, shared } from '../styles/shared.ts'

@customElement('sw-page-determinant')
@localized()
export class PageDeterminant extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      .items {
        padding-left: 1.2rem;
      }
      .options {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin: 0.3rem 0 0.8rem;
      }
    `,
  ]

  /** The MIDI number (1–29). */
  @property({ type: Number }) number = 1

  private readonly data = new Task(this, {
    task: async ([number, lang]) => {
      const [determinant, reference] = await Promise.all([
        parseResponse(api.determinants[':number'].$get({ param: { number: String(number) }, query: { lang } })),
        referenceData(lang),
      ])
      return { determinant, methods: reference.methodNames, tiers: reference.sourceTiers }
    },
    args: () => [this.number, currentLang()] as const,
  })

  override render() {
    return this.data.render({
      pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
      error: (e) =>
        statusOf(e) === 404
          ? html`<h1>${msg('This determinant does not exist')}</h1>
              <p>${msg('The MIDI has 29 determinants, numbered 1 to 29; the link points to another number. Choose one from the list.')}</p>
              <p class="actions"><a class="btn primary" href="/kb#determinants-title">${msg('The 29 determinants')}</a></p>`
          : html`<h1>${msg('Determinant')}</h1><p class="error" role="alert">${errorOf(e).message}</p>
              <p><a href="/kb">${msg('Back to the knowledge base')}</a></p>`,
      complete: ({ determinant: d, methods, tiers }) => html`
        <p><a href="/kb">${msg('Knowledge base')}</a> › ${groupLabel(d.group)}</p>
        <h1>${d.number}. ${d.name}</h1>
        <p class="lead">${d.definition}</p>
        ${d.nameVerified ? nothing : html`<p class="muted">${msg('The Dutch name and the questions are our own wording; they have not yet been checked against the MIDI manual.')}</p>`}
        <section>
          <h2>${msg('How it is measured')}</h2>
          <p>${msg(str`Answered by: ${respondentLabel(d.respondent)}.`)}</p>
          <ol class="items">
            ${d.items.map(
              (i) => html`<li>
                ${i.text} <span class="muted">(${i.id}${i.reverse ? html`; ${msg('reverse-scored')}` : nothing})</span>
                <div class="options">
                  ${i.options.map((o) => html`<span class="badge ${o.valence === 'negative' ? 'barrier' : o.valence === 'positive' ? 'facilitator' : ''}">${o.label}</span>`)}
                </div>
              </li>`
            )}
          </ol>
        </section>
        <section>
          <h2>${msg(str`Strategies that address it (${d.strategies.length})`)}</h2>
          <sw-link-list
            .pairs=${d.strategies.map((s) => ({ href: `/kb/strategies/${s.id}`, title: s.name, strength: s.strength, label: s.label, agreement: s.agreement, links: s.links }))}
            .methodNames=${methods}
            .sourceTiers=${tiers}
          ></sw-link-list>
        </section>
      `,
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-determinant': PageDeterminant
  }
}
