/**
 * @module <sw-copy-field>: a link shown in full, in a read-only field, with a button that
 * copies it and says so.
 */
import { localized, msg } from '@lit/localize'
import { LitElement, css, html } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { shared } from '../styles/shared.ts'

@customElement('sw-copy-field')
@localized()
export class CopyField extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        align-items: stretch;
      }
      input {
        flex: 1 1 16rem;
        min-width: 0;
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-size: 0.9rem;
      }
      .status {
        min-height: 1.5em;
        font-size: 0.9rem;
      }
    `,
  ]

  /** The visible label of the field. */
  @property() label = ''
  /** The text to show and copy. */
  @property() value = ''

  @state() private status = ''
  @query('input') private input!: HTMLInputElement

  override render() {
    return html`<label for="value">${this.label}</label>
      <div class="row">
        <input id="value" type="text" readonly .value=${this.value} @focus=${this.selectAll} />
        <button class="btn" type="button" @click=${this.copy}>${msg('Copy')}<span class="visually-hidden"> ${this.label}</span></button>
      </div>
      <div class="status muted" role="status">${this.status}</div>`
  }

  private selectAll() {
    this.input.select()
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.value)
      this.status = msg('Copied.')
    } catch {
      // No clipboard access (a page over plain http, or refused): select it for Ctrl+C.
      this.input.focus()
      this.input.select()
      this.status = document.execCommand('copy') ? msg('Copied.') : msg('Selected: press Ctrl+C (or ⌘C) to copy.')
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-copy-field': CopyField
  }
}
