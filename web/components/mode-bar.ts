/**
 * @module <sw-mode-bar>: the line under the header that says where the team's work is kept:
 * in a workspace round on the server (with a way to leave it), or only in this browser
 * ("try it without saving", with a way to create a workspace).
 *
 * @fires round-leave - {@link RoundLeaveEvent} when the team leaves the round.
 */
import { localized, msg } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { RoundLeaveEvent } from '../events.ts'
import { shared } from '../styles/shared.ts'
import type { ActiveRound } from '../workspace/session.ts'

@customElement('sw-mode-bar')
@localized()
export class ModeBar extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .bar {
        max-width: 1100px;
        margin: 0 auto;
        padding: 0.35rem 1rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: center;
        font-size: 0.95rem;
      }
      .round {
        background: var(--sw-primary-soft);
        border-bottom: 1px solid var(--sw-line);
      }
      .local {
        background: var(--sw-warning-soft);
        border-bottom: 1px solid var(--sw-line);
      }
      .btn.small {
        min-height: 32px;
      }
    `,
  ]

  /** The round the team works in, or null for this browser's own data. */
  @property({ attribute: false }) active: ActiveRound | null = null
  /** Whether the screen shows the team's work (results, strategies, plan, coverage). */
  @property({ type: Boolean }) teamScreen = false

  override render() {
    const a = this.active
    if (a) {
      return html`<div class="round">
        <p class="bar" role="status">
          <span>${msg('Working in')} <a href="/w/${a.workspaceId}"><strong>${a.workspaceName || msg('your workspace')}</strong></a> · ${a.roundLabel}</span>
          <button class="btn small quiet" @click=${() => this.dispatchEvent(new RoundLeaveEvent())}>${msg('Leave the round')}</button>
        </p>
      </div>`
    }
    if (!this.teamScreen) return nothing
    return html`<div class="local">
      <p class="bar">
        <span><strong>${msg('Trying it without saving.')}</strong> ${msg('Everything stays in this browser; colleagues cannot answer on their own phone.')}</span>
        <a href="/w/new">${msg('Create a workspace')}</a>
      </p>
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-mode-bar': ModeBar
  }
}
