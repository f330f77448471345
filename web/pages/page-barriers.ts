/**
 * @module <sw-page-barriers>: for teams that did their analysis elsewhere — pick the
 * determinants that hinder, optionally with how much, and go to the strategies.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement } from 'lit/decorators.js'
import { GROUPS } from '../../server/domain/vocabulary.ts'
import type { DeterminantOut } from '../../server/schemas/api.ts'
import { errorOf } from '../api.ts'
import { determinantList } from '../catalogue.ts'
import { barriersText, groupLabel } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { navigate } from '../router.ts'
import type { ChosenBarrier } from '../state/app-state.ts'
import { store, StoreController } from '../state/store.ts'
import { page, shared } from '../styles/shared.ts'

/** How much a barrier hinders, as a severity the ranking can weigh. */
const SEVERITIES = [
  { value: '', severity: undefined },
  { value: '0.33', severity: 0.33 },
  { value: '0.67', severity: 0.67 },
  { value: '1', severity: 1 },
] as const

@customElement('sw-page-barriers')
@localized()
export class PageBarriers extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.5rem 1rem;
        align-items: center;
        padding: 0.6rem 0.8rem;
        background: var(--sw-surface);
        border: 1px solid var(--sw-line);
        border-radius: 8px;
      }
      li.chosen {
        border-color: var(--sw-primary);
        background: var(--sw-primary-soft);
      }
      @media (max-width: 600px) {
        li {
          grid-template-columns: 1fr;
        }
      }
      .pick {
        display: flex;
        gap: 0.6rem;
        align-items: flex-start;
      }
      .pick input {
        width: 1.2rem;
        height: 1.2rem;
        margin-top: 0.2rem;
        flex: none;
      }
      .pick span {
        display: block;
        font-weight: 400;
        color: var(--sw-muted);
        font-size: 0.92rem;
      }
      .sticky {
        position: sticky;
        bottom: 0;
        background: var(--sw-bg);
        padding: 0.75rem 0;
        border-top: 1px solid var(--sw-line);
        margin-top: 1.5rem;
      }
      h2 {
        margin-top: 1.5rem;
      }
    `,
  ]

  private readonly store = new StoreController(this)
  private readonly determinants = new Task(this, {
    task: ([lang]) => determinantList(lang),
    args: () => [currentLang()] as const,
  })

  override render() {
    const chosen = this.store.state.chosen
    return html`
      <h1>${msg('Pick your barriers')}</h1>
      <p class="lead">
        ${msg('Tick the determinants that hinder the approach at your school. If you know how much, say so: severe barriers weigh more in the ranking.')}
      </p>
      ${this.determinants.render({
        pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
        error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
        complete: (list) => GROUPS.map((g) => this.renderGroup(list.filter((d) => d.group === g), g, chosen)),
      })}
      <div class="sticky actions">
        <button class="btn primary" ?disabled=${chosen.length === 0} @click=${this.go}>
          ${msg(str`Show strategies for ${barriersText(chosen.length)}`)}
        </button>
        ${chosen.length > 0 ? html`<button class="btn quiet" @click=${() => store.update(() => ({ chosen: [], basis: 'team' }))}>${msg('Clear all')}</button>` : nothing}
      </div>
    `
  }

  private renderGroup(list: readonly DeterminantOut[], group: (typeof GROUPS)[number], chosen: readonly ChosenBarrier[]) {
    return html`<h2>${groupLabel(group)}</h2>
      <ul>
        ${list.map((d) => {
          const pick = chosen.find((c) => c.determinant === d.number)
          const id = `d${d.number}`
          return html`<li class=${pick ? 'chosen' : ''}>
            <label class="pick" for=${id}>
              <input id=${id} type="checkbox" .checked=${!!pick} @change=${(e: Event) => this.toggle(d.number, (e.target as HTMLInputElement).checked)} />
              <div>${d.number}. ${d.name}<span>${d.definition}</span></div>
            </label>
            ${pick
              ? html`<label>
                  <span class="visually-hidden">${msg(str`How much does ${d.name} hinder?`)}</span>
                  <select @change=${(e: Event) => this.setSeverity(d.number, (e.target as HTMLSelectElement).value)}>
                    ${SEVERITIES.map(
                      (s) => html`<option value=${s.value} ?selected=${pick.severity === s.severity}>
                        ${s.severity === undefined ? msg('How much? (not sure)') : s.severity < 0.5 ? msg('Hinders a little') : s.severity < 1 ? msg('Hinders clearly') : msg('Hinders strongly')}
                      </option>`
                    )}
                  </select>
                </label>`
              : nothing}
          </li>`
        })}
      </ul>`
  }

  private toggle(determinant: number, on: boolean) {
    store.update((s) => {
      const chosen = on ? [...s.chosen, { determinant }] : s.chosen.filter((c) => c.determinant !== determinant)
      return chosen.length === 0 ? { chosen, basis: 'team' } : { chosen }
    })
  }

  private setSeverity(determinant: number, value: string) {
    const severity = SEVERITIES.find((s) => s.value === value)?.severity
    store.update((s) => ({
      chosen: s.chosen.map((c) => (c.determinant === determinant ? { determinant, ...(severity !== undefined ? { severity } : {}) } : c)),
    }))
  }

  private go() {
    store.update(() => ({ basis: 'chosen' }))
    navigate('/recommendations')
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-barriers': PageBarriers
  }
}
