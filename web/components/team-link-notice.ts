/**
 * @module <sw-team-link-notice>: a team link shown the one time it exists in readable form, with
 * a copy button and the warning that it is the key to the workspace.
 */
import { localized, msg } from '@lit/localize'
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { shared } from '../styles/shared.ts'
import './copy-field.ts'

@customElement('sw-team-link-notice')
@localized()
export class TeamLinkNotice extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .notice {
        display: grid;
        gap: 0.75rem;
      }
      strong {
        display: block;
      }
    `,
  ]

  /** The team link (with its token). */
  @property() link = ''

  override render() {
    return html`<div class="notice warning" role="status">
      <p>
        <strong>${msg('Save this team link now: it is shown only once.')}</strong>
        ${msg('The link is the key to the workspace: whoever has it can see and change everything in it. We keep only a fingerprint of it, so nobody can send it to you again. Keep it in a password manager or a safe place of your team, and share it only with team members.')}
      </p>
      <sw-copy-field .label=${msg('Team link')} .value=${this.link}></sw-copy-field>
      <p class="muted">${msg('This device remembers the link, so you can come back here from the start page.')}</p>
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-team-link-notice': TeamLinkNotice
  }
}
