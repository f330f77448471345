/**
 * @module <sw-likert-item>: one questionnaire item as a native radio group (fieldset, legend,
 * one labelled radio per answer option), with a way to take an answer back.
 *
 * @fires answer-change - {@link AnswerChangeEvent} when an option is chosen or cleared.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { ItemOut } from '../../server/schemas/api.ts'
import { AnswerChangeEvent } from '../events.ts'
import { shared } from '../styles/shared.ts'

@customElement('sw-likert-item')
@localized()
export class LikertItem extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      fieldset {
        padding: 1rem 0 1.1rem;
        border-bottom: 1px solid var(--sw-line);
      }
      legend {
        font-weight: 600;
        font-size: 1.05rem;
        padding: 0;
        margin-bottom: 0.6rem;
        display: flex;
        gap: 0.5rem;
      }
      .number {
        color: var(--sw-muted);
        font-weight: 500;
        min-width: 2.2em;
      }
      .options {
        display: grid;
        grid-template-columns: 1fr;
        gap: 0.4rem;
      }
      @media (min-width: 720px) {
        .options.wide {
          grid-template-columns: repeat(var(--columns, 5), 1fr);
        }
      }
      .option {
        position: relative;
      }
      .option input {
        position: absolute;
        opacity: 0;
        inset: 0;
        margin: 0;
        cursor: pointer;
      }
      .option label {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 44px;
        height: 100%;
        padding: 0.45rem 0.7rem;
        border: 1px solid #8a94a6;
        border-radius: 8px;
        background: #fff;
        font-weight: 500;
        cursor: pointer;
      }
      .option label::before {
        content: '';
        flex: none;
        width: 1.1rem;
        height: 1.1rem;
        border-radius: 50%;
        border: 2px solid #4a5568;
        background: #fff;
      }
      .option input:checked + label {
        border-color: var(--sw-primary);
        background: var(--sw-primary-soft);
        font-weight: 700;
      }
      .option input:checked + label::before {
        border-color: var(--sw-primary);
        background: radial-gradient(circle, var(--sw-primary) 0 45%, #fff 50%);
      }
      .option input:focus-visible + label {
        outline: var(--sw-focus);
        outline-offset: 2px;
      }
      .clear {
        margin-top: 0.4rem;
      }
    `,
  ]

  /** The item as the API describes it. */
  @property({ attribute: false }) item?: ItemOut
  /** The chosen option's value, or null when unanswered. */
  @property({ attribute: false }) value: number | null = null
  /** The item's position in the questionnaire, shown before its text. */
  @property({ type: Number }) number = 0

  override render() {
    const item = this.item
    if (!item) return nothing
    const name = `item-${item.id}`
    const wide = item.options.length >= 4
    return html`
      <fieldset>
        <legend><span class="number">${this.number}.</span><span>${item.text}</span></legend>
        <div class="options ${wide ? 'wide' : ''}" style="--columns:${item.options.length}">
          ${item.options.map(
            (o) => html`<div class="option">
              <input
                type="radio"
                id="${name}-${o.value}"
                name=${name}
                .value=${String(o.value)}
                .checked=${this.value === o.value}
                @change=${() => this.choose(o.value)}
              />
              <label for="${name}-${o.value}">${o.label}</label>
            </div>`
          )}
        </div>
        ${this.value !== null
          ? html`<button class="btn small quiet clear" @click=${() => this.choose(null)}>
              ${msg('Clear answer')}<span class="visually-hidden">${msg(str` to question ${this.number}`)}</span>
            </button>`
          : nothing}
      </fieldset>
    `
  }

  private async choose(value: number | null) {
    this.value = value
    if (this.item) this.dispatchEvent(new AnswerChangeEvent(this.item.id, value))
    if (value === null) {
      // The "clear" button disappears with the answer: keep the keyboard user in the question.
      await this.updateComplete
      this.renderRoot.querySelector<HTMLInputElement>('input[type="radio"]')?.focus()
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-likert-item': LikertItem
  }
}
