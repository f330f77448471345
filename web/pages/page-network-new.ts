/**
 * @module <sw-page-network-new>: a facilitator creates a learning network, then sees its
 * facilitator link once, with the warning that it is the key.
 */
import { localized, msg } from '@lit/localize'
import { LitElement, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { DEFAULT_MIN_GROUP_SIZE, MIN_GROUP_SIZE_FLOOR } from '../../server/domain/network.ts'
import { errorOf } from '../api.ts'
import { keyLinkReady } from '../components/key-link-ready.ts'
import { createNetwork } from '../network/network-api.ts'
import { networkCredentials } from '../network/network-credentials.ts'
import { page, shared } from '../styles/shared.ts'
import { workspaceForm } from '../styles/workspace.ts'

@customElement('sw-page-network-new')
@localized()
export class PageNetworkNew extends LitElement {
  static override styles = [shared, page, workspaceForm]

  @state() private name = ''
  @state() private minGroupSize = DEFAULT_MIN_GROUP_SIZE
  @state() private busy = false
  @state() private problem?: { message: string; issues: { path: string; message: string }[] }
  @state() private created?: { id: string; link: string }

  override render() {
    if (this.created) {
      return keyLinkReady({
        heading: msg('Your learning network is ready'),
        warning: msg('Keep this facilitator link safe: it is the key to the network.'),
        detail: msg('It is shown only now. Whoever has it sees the aggregates of every school in the network. It is kept on this device.'),
        label: msg('Facilitator link'),
        link: this.created.link,
        href: `/n/${this.created.id}`,
        go: msg('Go to the network'),
      })
    }
    const issue = (path: string) => this.problem?.issues.find((i) => i.path === path)
    return html`
      <h1>${msg('Create a learning network')}</h1>
      <p class="lead">
        ${msg('A learning network lets you coach several schools at once. Schools join with an invitation link and their team link; you see their results side by side, as aggregates only, never one person’s answers.')}
      </p>
      <form class="card form" @submit=${this.submit} novalidate>
        <div class="field">
          <label for="name">${msg('Name of the network')}</label>
          <input id="name" type="text" required maxlength="200" .value=${this.name}
            aria-invalid=${issue('name') ? 'true' : nothing} aria-describedby=${issue('name') ? 'name-error' : nothing}
            @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
          ${issue('name') ? html`<span id="name-error" class="field-error" role="alert">${issue('name')?.message}</span>` : nothing}
        </div>
        <div class="field">
          <label for="min">${msg('Fewest answers to show a school')}</label>
          <input id="min" type="number" min=${MIN_GROUP_SIZE_FLOOR} max="500" step="1" .value=${String(this.minGroupSize)}
            aria-describedby="min-hint ${issue('minGroupSize') ? 'min-error' : ''}" aria-invalid=${issue('minGroupSize') ? 'true' : nothing}
            @input=${(e: Event) => (this.minGroupSize = Number((e.target as HTMLInputElement).value))} />
          <span id="min-hint" class="hint">${msg('A school with fewer answers in a round is shown as “too few answers to show”. Never below 3.')}</span>
          ${issue('minGroupSize') ? html`<span id="min-error" class="field-error" role="alert">${issue('minGroupSize')?.message}</span>` : nothing}
        </div>
        ${this.problem && this.problem.issues.length === 0 ? html`<p class="error" role="alert">${this.problem.message}</p>` : nothing}
        <div class="actions">
          <button class="btn primary" type="submit" ?disabled=${this.busy}>${msg('Create the network')}</button>
        </div>
      </form>
    `
  }

  private async submit(e: Event) {
    e.preventDefault()
    const name = this.name.trim()
    if (!name) {
      this.problem = { message: '', issues: [{ path: 'name', message: msg('Fill in the name of the network.') }] }
      return
    }
    if (!Number.isInteger(this.minGroupSize) || this.minGroupSize < MIN_GROUP_SIZE_FLOOR) {
      this.problem = { message: '', issues: [{ path: 'minGroupSize', message: msg('At least 3: smaller groups could show one person’s answers.') }] }
      return
    }
    this.busy = true
    this.problem = undefined
    try {
      const made = await createNetwork({ name, minGroupSize: this.minGroupSize })
      networkCredentials.save(made.id, made.facilitatorToken, name)
      this.created = { id: made.id, link: made.links.network }
    } catch (error) {
      this.problem = errorOf(error)
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-network-new': PageNetworkNew
  }
}
