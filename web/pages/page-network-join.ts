/**
 * @module <sw-page-network-join>: an invitation link (`/n/join#swi_…`) opened on a team
 * member's device: pick which of this device's workspaces joins the network. The invitation
 * works once; it is kept for this tab until a workspace used it.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { errorOf } from '../api.ts'
import { networkCredentials } from '../network/network-credentials.ts'
import { page, shared } from '../styles/shared.ts'
import { credentials } from '../workspace/credentials.ts'
import { teamApi } from '../workspace/team-api.ts'

@customElement('sw-page-network-join')
@localized()
export class PageNetworkJoin extends LitElement {
  static override styles = [shared, page]

  @state() private busy = false
  @state() private problem?: string
  @state() private joined?: { workspace: string; network: string }

  override render() {
    if (this.joined) {
      return html`<h1>${msg('Joined the learning network')}</h1>
        <p role="status">${msg(str`${this.joined.workspace} is now in ${this.joined.network}. Its facilitator sees your rounds as aggregates only; you can leave at any time on the workspace page.`)}</p>`
    }
    const invite = networkCredentials.invite()
    const workspaces = credentials.workspaces()
    return html`
      <h1>${msg('Join a learning network')}</h1>
      ${!invite
        ? html`<p class="notice warning">${msg('This page needs an invitation link from the network’s facilitator (it ends in #swi_…). An invitation works once.')}</p>`
        : workspaces.length === 0
          ? html`<p class="notice warning">${msg('This device holds no team link. Open your workspace’s team link first, then the invitation link again.')}</p>`
          : html`<p>${msg('Which workspace joins? The network’s facilitator will see its rounds as aggregates only: a round with too few answers is never shown as numbers, and nobody’s answers are ever shown.')}</p>
              <ul class="plain">
                ${workspaces.map(
                  (w) => html`<li style="margin:0.5rem 0">
                    <button class="btn primary" type="button" ?disabled=${this.busy} @click=${() => this.join(w.id, w.name, invite)}>
                      ${msg(str`Join with ${w.name || w.id}`)}
                    </button>
                  </li>`
                )}
              </ul>`}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    `
  }

  private async join(workspaceId: string, name: string, invite: string) {
    this.busy = true
    this.problem = undefined
    try {
      const result = await teamApi(workspaceId).joinNetwork(invite)
      networkCredentials.setInvite(null)
      this.joined = { workspace: name || workspaceId, network: result.network.name }
    } catch (error) {
      this.problem = `${msg('Could not join.')} ${errorOf(error).message}`
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-network-join': PageNetworkJoin
  }
}
