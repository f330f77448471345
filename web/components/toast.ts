/**
 * @module <sw-toast>: a short message at the foot of the screen with one action (e.g. “… removed
 * — Undo”) that goes away by itself after a while. The message is announced politely; the time
 * stops while the pointer is on the toast or the keyboard is in it, and Escape closes it.
 *
 * @fires toast-action - {@link ToastActionEvent}: the action was chosen.
 * @fires toast-close - {@link ToastCloseEvent}: the time ran out, or it was closed.
 */
import { localized, msg } from '@lit/localize'
import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query } from 'lit/decorators.js'
import { keyed } from 'lit/directives/keyed.js'
import { ToastActionEvent, ToastCloseEvent } from '../events.ts'
import { shared } from '../styles/shared.ts'

/** Time left when the time restarts after a pause, at least. */
const AFTER_PAUSE_MS = 4000

@customElement('sw-toast')
@localized()
export class Toast extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        position: fixed;
        z-index: 20;
        left: 0;
        right: 0;
        bottom: max(1rem, env(safe-area-inset-bottom));
        display: flex;
        justify-content: center;
        padding: 0 0.75rem;
        pointer-events: none;
      }
      .toast {
        pointer-events: auto;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        max-width: min(40rem, 100%);
        padding: 0.5rem 0.5rem 0.5rem 1rem;
        border-radius: var(--sw-radius);
        background: var(--sw-ink);
        color: #fff;
        box-shadow: 0 6px 20px rgb(16 24 40 / 28%);
      }
      .toast:not(.open) {
        display: none;
      }
      [role='status'] {
        flex: 1 1 12rem;
        margin: 0;
      }
      .btn {
        color: #fff;
        border-color: #fff;
        background: transparent;
      }
      .btn:hover,
      .btn.quiet:hover {
        background: rgb(255 255 255 / 16%);
      }
      .btn.quiet {
        border-color: transparent;
        min-width: 36px;
        font-size: 1.2rem;
        line-height: 1;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ]

  /** What happened; empty: nothing is shown. */
  @property() message = ''
  /** The label of the action button. */
  @property() action = ''
  /** What the message is about: a new subject starts the time again and is announced again. */
  @property({ attribute: false }) subject: unknown
  /** How long the toast stays, in milliseconds. */
  @property({ type: Number }) duration = 10_000

  @query('.action') private actionButton?: HTMLButtonElement

  #timer?: ReturnType<typeof setTimeout>
  #endsAt = 0
  #left = 0
  #hovered = false
  #focused = false

  override disconnectedCallback() {
    super.disconnectedCallback()
    clearTimeout(this.#timer)
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('subject') || changed.has('message')) {
      this.#hovered = this.#focused = false
      this.#left = this.duration
      this.#run()
    }
  }

  /** Moves focus to the action button (e.g. when the element that had focus was removed). */
  focusAction() {
    this.actionButton?.focus()
  }

  override render() {
    const open = this.message !== ''
    // The status element is always there: a live region must exist before its text changes.
    return html`<div
      class="toast ${open ? 'open' : ''}"
      @mouseenter=${() => this.#pause('hovered', true)}
      @mouseleave=${() => this.#pause('hovered', false)}
      @focusin=${(e: FocusEvent) => this.#pause('focused', (e.target as Element).matches(':focus-visible'))}
      @focusout=${() => this.#pause('focused', false)}
      @keydown=${this.handleKeydown}
    >
      <p role="status" aria-live="polite" aria-atomic="true">
        ${open ? keyed(this.subject, html`<span>${this.message}</span>`) : nothing}
      </p>
      ${
        open
          ? html`<button class="btn small action" @click=${this.handleAction}>
                ${this.action}
              </button>
              <button class="btn small quiet" aria-label=${msg('Close')} @click=${this.close}>
                <span aria-hidden="true">×</span>
              </button>`
          : nothing
      }
    </div>`
  }

  /** Keeps the toast while it is pointed at or the keyboard is in it; restarts the time after. */
  #pause(what: 'hovered' | 'focused', on: boolean) {
    if (what === 'hovered') this.#hovered = on
    else this.#focused = on
    if (this.#hovered || this.#focused) {
      if (this.#timer !== undefined) this.#left = Math.max(this.#endsAt - Date.now(), 0)
      clearTimeout(this.#timer)
      this.#timer = undefined
    } else if (this.#timer === undefined) {
      this.#left = Math.max(this.#left, Math.min(AFTER_PAUSE_MS, this.duration))
      this.#run()
    }
  }

  #run() {
    clearTimeout(this.#timer)
    this.#timer = undefined
    if (!this.message) return
    this.#endsAt = Date.now() + this.#left
    this.#timer = setTimeout(this.close, this.#left)
  }

  private handleKeydown(e: KeyboardEvent) {
    if (e.key === 'Escape') this.close()
  }

  private handleAction() {
    clearTimeout(this.#timer)
    this.dispatchEvent(new ToastActionEvent())
  }

  private readonly close = () => {
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.dispatchEvent(new ToastCloseEvent())
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-toast': Toast
  }
}
