/**
 * @module <sw-page-workspace>: a team's workspace — its measurement rounds with their
 * respondent links (copy, QR code, a large view for a slide or poster), live submission
 * counts, closing and reopening; the team links; and the workspace's data (download, delete).
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { RoundOut, WorkspaceOut } from '../../server/schemas/workspace.ts'
import { errorOf } from '../api.ts'
import { confirmsName, deleteByNameForm } from '../components/delete-by-name.ts'
import '../components/copy-field.ts'
import '../components/qr-code.ts'
import '../components/team-link-notice.ts'
import { downloadBlob } from '../download.ts'
import { currentLang } from '../localization.ts'
import { navigate } from '../router.ts'
import { page, shared } from '../styles/shared.ts'
import { workspaceForm } from '../styles/workspace.ts'
import { inviteTokenOf } from '../network/network-credentials.ts'
import { credentials } from '../workspace/credentials.ts'
import { session, ChangeController } from '../workspace/session.ts'
import { statusOf, teamApi, NoTeamLinkError } from '../workspace/team-api.ts'
import { dateText, dateTimeText, roundStateText, closingFromDate, dateFromClosing } from '../workspace/round-text.ts'

/** How often the counts of open rounds are refreshed while the page is visible. */
const POLL_MS = 5000

type Confirm =
  | { kind: 'renew'; roundId: string }
  | { kind: 'close'; roundId: string }
  | { kind: 'revoke'; tokenId: string; current: boolean }
  | { kind: 'leave-network'; networkId: string; name: string }

@customElement('sw-page-workspace')
@localized()
export class PageWorkspace extends LitElement {
  static override styles = [
    shared,
    page,
    workspaceForm,
    css`
      .rounds {
        list-style: none;
        padding: 0;
        margin: 1rem 0;
        display: grid;
        gap: 1rem;
      }
      .round header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: baseline;
      }
      .round h3 {
        margin: 0;
        font-size: 1.25rem;
      }
      .round.active {
        border-color: var(--sw-primary);
        box-shadow: 0 0 0 2px var(--sw-primary-soft);
      }
      .badge.open {
        background: var(--sw-positive-soft);
        color: var(--sw-positive);
      }
      .count {
        font-size: 1.05rem;
      }
      .count strong {
        font-size: 1.6rem;
      }
      .link-block {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 9rem;
        gap: 1rem;
        align-items: start;
        margin: 0.75rem 0;
      }
      .link-block sw-qr-code {
        width: 9rem;
        border: 1px solid var(--sw-line);
        border-radius: 6px;
      }
      @media (max-width: 560px) {
        .link-block {
          grid-template-columns: 1fr;
        }
      }
      .confirm {
        border: 2px solid var(--sw-negative);
        border-radius: 8px;
        padding: 0.75rem 1rem;
        background: var(--sw-negative-soft);
        margin: 0.5rem 0;
      }
      .tokens-card {
        padding: 0.25rem 0.75rem;
        overflow-x: auto;
      }
      dialog {
        width: min(96vw, 70rem);
        max-height: 96vh;
        border: 0;
        border-radius: 12px;
        padding: 1.5rem;
      }
      dialog::backdrop {
        background: rgb(15 23 42 / 70%);
      }
      .poster {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, min(62vh, 30rem));
        gap: 2rem;
        align-items: center;
      }
      .poster h2 {
        font-size: clamp(1.6rem, 1rem + 2.5vw, 3rem);
      }
      .poster .big {
        font-size: clamp(1.1rem, 0.8rem + 1.2vw, 1.8rem);
      }
      .poster .url {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        word-break: break-all;
        font-size: 1rem;
      }
      @media (max-width: 700px) {
        .poster {
          grid-template-columns: 1fr;
        }
      }
      .downloads {
        margin-top: 0.75rem;
        padding-top: 0.75rem;
        border-top: 1px solid var(--sw-line);
      }
      .closed-link {
        margin: 0.75rem 0;
      }
      details summary {
        cursor: pointer;
        min-height: 44px;
        display: flex;
        align-items: center;
      }
      details summary::-webkit-details-marker {
        display: none;
      }
      details summary::before {
        content: '▸';
        margin-right: 0.5rem;
        color: var(--sw-primary);
      }
      details[open] summary::before {
        content: '▾';
      }
    `,
  ]

  /** The workspace's id, from the URL. */
  @property() workspaceId = ''

  @state() private ws?: WorkspaceOut
  @state() private confirming?: Confirm
  @state() private busy = false
  @state() private message?: { kind: 'ok' | 'error'; text: string }
  @state() private newLink?: string
  @state() private newRoundLabel?: string
  @state() private newRoundDate = ''
  @state() private inviteLabel = ''
  @state() private deleteName = ''
  @state() private poster?: RoundOut
  @state() private inviteText = ''

  private timer?: ReturnType<typeof setInterval>

  private readonly loader = new Task(this, {
    task: async ([id]) => {
      const ws = await teamApi(id).workspace()
      credentials.rememberName(id, ws.name)
      const active = session.active
      const round = ws.rounds.find((r) => r.id === active?.roundId)
      if (active?.workspaceId === id) session.set(round ? { ...active, workspaceName: ws.name, roundLabel: round.label } : null)
      this.ws = ws
      return ws
    },
    args: () => [this.workspaceId] as const,
  })

  private readonly networks = new Task(this, {
    task: async ([id, ws]) => (ws ? (await teamApi(id).networks()).networks : []),
    args: () => [this.workspaceId, this.ws?.id] as const,
  })

  private readonly tokens = new Task(this, {
    task: async ([id, ws]) => (ws ? (await teamApi(id).tokens()).tokens : []),
    args: () => [this.workspaceId, this.ws?.id] as const,
  })

  constructor() {
    super()
    new ChangeController(this, session)
  }

  override connectedCallback() {
    super.connectedCallback()
    this.timer = setInterval(() => void this.poll(), POLL_MS)
    document.addEventListener('visibilitychange', this.onVisibility)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    clearInterval(this.timer)
    document.removeEventListener('visibilitychange', this.onVisibility)
  }

  override render() {
    const ws = this.ws?.id === this.workspaceId ? this.ws : undefined
    if (ws) return this.renderWorkspace(ws)
    return this.loader.render({
      pending: () => html`<h1>${msg('Workspace')}</h1><p class="muted">${msg('Loading…')}</p>`,
      error: (e) => this.renderLoadError(e),
      complete: (w) => this.renderWorkspace(w),
    })
  }

  private renderLoadError(error: unknown) {
    const status = statusOf(error)
    const text =
      error instanceof NoTeamLinkError
        ? msg('This device has no team link for this workspace. Open the team link you were given (it ends in #swt_…), or ask a team member for one.')
        : status === 401
          ? msg('The team link on this device no longer works: it was revoked, or the workspace was deleted. Ask a team member for a new team link.')
          : status === 404
            ? msg('This workspace does not exist (any more), or the link belongs to another workspace.')
            : `${msg('The workspace could not be loaded.')} ${errorOf(error).message}`
    return html`<h1>${msg('Workspace')}</h1>
      <p class="error" role="alert">${text}</p>
      <div class="actions">
        ${status === null && !(error instanceof NoTeamLinkError)
          ? html`<button class="btn primary" @click=${() => this.loader.run()}>${msg('Try again')}</button>`
          : nothing}
        ${credentials.teamToken(this.workspaceId)
          ? html`<button class="btn" @click=${this.forget}>${msg('Forget this workspace on this device')}</button>`
          : nothing}
        <a class="btn" href="/">${msg('Back to the start')}</a>
      </div>`
  }

  private renderWorkspace(ws: WorkspaceOut) {
    return html`
      <h1>${ws.name}</h1>
      <p class="lead">${ws.innovation}${ws.contact ? html` · ${msg('contact:')} ${ws.contact}` : nothing}</p>
      ${this.message
        ? html`<p class=${this.message.kind === 'ok' ? 'notice' : 'error'} role=${this.message.kind === 'ok' ? 'status' : 'alert'}>${this.message.text}</p>`
        : nothing}
      ${this.renderRounds(ws)}
      ${this.renderTeamLinks()}
      ${this.renderNetworks()}
      ${this.renderData(ws)}
      ${this.poster ? this.renderPoster(ws, this.poster) : nothing}
    `
  }

  // ── Rounds ─────────────────────────────────────────────────────────────────────────────

  private renderRounds(ws: WorkspaceOut) {
    const active = session.active
    return html`<section aria-labelledby="rounds-title">
      <h2 id="rounds-title">${msg('Measurement rounds')}</h2>
      <p class="muted">
        ${msg('Measure at the start (baseline) and again after each PDSA cycle. Each round has its own respondent link: colleagues answer on their own phone, anonymously.')}
      </p>
      ${ws.rounds.length === 0
        ? html`<p>${msg('No rounds yet. Start with the baseline measurement.')}</p>`
        : html`<ol class="rounds">
            ${[...ws.rounds].reverse().map((r) => this.renderRound(ws, r, active?.roundId === r.id))}
          </ol>`}
      ${ws.rounds.length >= 2
        ? html`<p><a class="btn" href="/w/${ws.id}/compare">${msg('Compare rounds')}</a></p>`
        : nothing}
      ${this.renderNewRound(ws)}
    </section>`
  }

  private renderRound(ws: WorkspaceOut, r: RoundOut, active: boolean) {
    const confirming = this.confirming
    return html`<li class="card round ${active ? 'active' : ''}" aria-labelledby="round-${r.id}">
      <header>
        <h3 id="round-${r.id}">${r.label}</h3>
        <span class="badge ${r.accepting ? 'open' : ''}">${roundStateText(r)}</span>
        ${active ? html`<span class="badge essential">${msg('Your team works in this round')}</span>` : nothing}
      </header>
      <p class="count" aria-live="polite">
        ${r.submissionCount === 1 ? html`<strong>1</strong> ${msg('answer received')}` : html`<strong>${r.submissionCount}</strong> ${msg('answers received')}`}
      </p>
      <p class="muted">
        ${msg(str`Started ${dateText(r.createdAt)}`)}${r.closesAt !== null ? html` · ${msg(str`open until ${dateText(r.closesAt - 1)}`)}` : nothing}${r.closedAt !== null && r.state === 'closed' ? html` · ${msg(str`closed ${dateText(r.closedAt)}`)}` : nothing}
      </p>
      <div class="actions">
        ${active
          ? html`<a class="btn primary" href="/team">${msg('See the results of this round')}</a>`
          : html`<button class="btn primary" @click=${() => this.openRound(ws, r)}>${msg(str`Work in ${r.label}`)}</button>`}
        ${r.state === 'open'
          ? html`<button class="btn" @click=${() => this.ask({ kind: 'close', roundId: r.id })}>${msg('Close the round')}</button>`
          : html`<button class="btn" ?disabled=${this.busy} @click=${() => this.setState(r, 'open')}>${msg('Reopen the round')}</button>`}
      </div>
      ${confirming?.kind === 'close' && confirming.roundId === r.id
        ? this.renderConfirm(
            msg('Close this round? The respondent link then takes no more answers. You can reopen it later.'),
            msg('Yes, close it'),
            () => this.setState(r, 'closed')
          )
        : nothing}
      ${r.links.respond && r.state === 'closed'
        ? html`<details class="closed-link">
            <summary>${msg('Respondent link (takes no answers while the round is closed)')}</summary>
            <sw-copy-field .label=${msg(str`Respondent link for ${r.label}`)} .value=${r.links.respond}></sw-copy-field>
          </details>`
        : r.links.respond
        ? html`<div class="link-block">
            <div>
              <sw-copy-field .label=${msg(str`Respondent link for ${r.label}`)} .value=${r.links.respond}></sw-copy-field>
              <p class="hint">${msg('Send it by e-mail or chat, put it on a slide, or let colleagues scan the QR code. Whoever has it can answer, but sees nothing of others’ answers.')}</p>
              <div class="actions">
                <button class="btn" @click=${() => this.showPoster(r)}>${msg('Show for a slide or poster')}</button>
                <button class="btn quiet" @click=${() => this.ask({ kind: 'renew', roundId: r.id })}>${msg('Make a new link')}</button>
              </div>
            </div>
            <sw-qr-code .text=${r.links.respond} .label=${msg(str`QR code of the respondent link for ${r.label}`)}></sw-qr-code>
          </div>`
        : html`<p class="notice warning">
              ${msg('This round has no working respondent link (it was withdrawn, or the workspace was moved from another server).')}
            </p>
            <button class="btn" @click=${() => this.ask({ kind: 'renew', roundId: r.id })}>${msg('Make a new link')}</button>`}
      ${confirming?.kind === 'renew' && confirming.roundId === r.id
        ? this.renderConfirm(
            msg('Make a new respondent link? The old link and its QR code stop working at once: posters, slides and e-mails with it then lead nowhere. Answers already given stay.'),
            msg('Yes, make a new link'),
            () => this.renew(r)
          )
        : nothing}
      <div class="actions downloads">
        <button class="btn small" ?disabled=${this.busy} @click=${() => this.download(r, 'xlsx')}>${msg('Download (Excel)')}</button>
        <button class="btn small" ?disabled=${this.busy} @click=${() => this.download(r, 'csv')}>${msg('Answers (CSV)')}</button>
        <a class="btn small" href="/w/${ws.id}/report?round=${r.id}">${msg('Round report (print)')}</a>
      </div>
      ${this.renderClosingDate(r)}
    </li>`
  }

  private renderClosingDate(r: RoundOut) {
    const id = `closes-${r.id}`
    return html`<details>
      <summary>${msg('Closing date')}</summary>
      <form class="inline-form" @submit=${(e: Event) => this.saveClosing(e, r)}>
        <div class="field">
          <label for=${id}>${msg('Last day to answer (empty: until you close it)')}</label>
          <input id=${id} name="date" type="date" .value=${r.closesAt !== null ? dateFromClosing(r.closesAt) : ''} />
        </div>
        <button class="btn" type="submit" ?disabled=${this.busy}>${msg('Save the date')}</button>
      </form>
    </details>`
  }

  private renderConfirm(text: string, yes: string, action: () => void) {
    return html`<div class="confirm" role="group" aria-label=${msg('Please confirm')}>
      <p>${text}</p>
      <div class="actions">
        <button class="btn danger" ?disabled=${this.busy} @click=${action}>${yes}</button>
        <button class="btn" @click=${() => (this.confirming = undefined)}>${msg('Cancel')}</button>
      </div>
    </div>`
  }

  private renderNewRound(ws: WorkspaceOut) {
    const n = ws.rounds.length
    const suggestion = n === 0 ? msg('Baseline') : msg(str`After PDSA cycle ${n}`)
    const label = this.newRoundLabel ?? suggestion
    return html`<div class="card" style="margin-top:1rem">
      <h3>${n === 0 ? msg('Start the baseline measurement') : msg('Start a new round')}</h3>
      ${n > 0
        ? html`<p class="hint">${msg('A new round starts with the plan, the thresholds and the filters of the last round, so the team goes on where it was. It gets its own respondent link; the earlier rounds keep their answers.')}</p>`
        : nothing}
      <form class="inline-form" @submit=${this.createRound}>
        <div class="field">
          <label for="round-label">${msg('Name of the round')}</label>
          <input id="round-label" type="text" required maxlength="120" .value=${label} @input=${(e: Event) => (this.newRoundLabel = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="round-closes">${msg('Last day to answer (optional)')}</label>
          <input id="round-closes" type="date" .value=${this.newRoundDate} @input=${(e: Event) => (this.newRoundDate = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="btn primary" type="submit" ?disabled=${this.busy}>${msg('Start the round')}</button>
      </form>
    </div>`
  }

  private renderPoster(ws: WorkspaceOut, r: RoundOut) {
    return html`<dialog aria-labelledby="poster-title" @close=${() => (this.poster = undefined)} @cancel=${() => (this.poster = undefined)}>
      <div class="poster">
        <div>
          <h2 id="poster-title">${ws.name}</h2>
          <p class="big">${msg(str`How is “${ws.innovation}” going for you? Tell us in about ten minutes, anonymously.`)}</p>
          <p class="big"><strong>${msg('Scan the code with your phone’s camera.')}</strong></p>
          <p class="muted">${r.label}</p>
          <p class="url">${r.links.respond}</p>
          <form method="dialog"><button class="btn">${msg('Close')}</button></form>
        </div>
        <sw-qr-code .text=${r.links.respond ?? ''} .label=${msg(str`QR code of the respondent link for ${r.label}`)}></sw-qr-code>
      </div>
    </dialog>`
  }

  // ── Team links ─────────────────────────────────────────────────────────────────────────

  private renderTeamLinks() {
    return html`<section aria-labelledby="links-title">
      <h2 id="links-title">${msg('Team links')}</h2>
      <p class="muted">${msg('Everyone in the team gets a link of their own. Revoke a link when someone leaves the team; it stops working at once.')}</p>
      ${this.tokens.render({
        pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
        error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
        complete: (tokens) => {
          const active = tokens.filter((t) => t.revokedAt === null)
          return html`<div class="card tokens-card" role="region" tabindex="0" aria-label=${msg('Team links')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">${msg('For')}</th>
                    <th scope="col">${msg('Made')}</th>
                    <th scope="col">${msg('Last used')}</th>
                    <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${active.map(
                    (t) => html`<tr>
                      <th scope="row">${t.label}${t.current ? html` <span class="badge essential">${msg('this device')}</span>` : nothing}</th>
                      <td>${dateText(t.createdAt)}</td>
                      <td>${t.lastUsedAt ? dateTimeText(t.lastUsedAt) : msg('never')}</td>
                      <td>
                        ${active.length > 1
                          ? html`<button class="btn small danger" @click=${() => this.ask({ kind: 'revoke', tokenId: t.id, current: t.current })}>
                              ${msg('Revoke')}<span class="visually-hidden"> ${t.label}</span>
                            </button>`
                          : nothing}
                      </td>
                    </tr>`
                  )}
                </tbody>
              </table>
            </div>
            ${active.length === 1
              ? html`<p class="hint">${msg('The last team link cannot be revoked: without it nobody could open the workspace. Make a new link first, or delete the workspace.')}</p>`
              : nothing}
            ${this.confirming?.kind === 'revoke'
              ? this.renderConfirm(
                  this.confirming.current
                    ? msg('Revoke the link of this device? This device then can no longer open the workspace.')
                    : msg('Revoke this team link? Whoever has it can no longer open the workspace.'),
                  msg('Yes, revoke it'),
                  () => this.revoke(this.confirming as Extract<Confirm, { kind: 'revoke' }>)
                )
              : nothing}`
        },
      })}
      <form class="inline-form" style="margin-top:1rem" @submit=${this.invite}>
        <div class="field">
          <label for="invite-label">${msg('New team link for')}</label>
          <input id="invite-label" type="text" required maxlength="120" placeholder=${msg('e.g. Marieke, team leader')} .value=${this.inviteLabel}
            @input=${(e: Event) => (this.inviteLabel = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="btn" type="submit" ?disabled=${this.busy || !this.inviteLabel.trim()}>${msg('Make a team link')}</button>
      </form>
      ${this.newLink ? html`<div style="margin-top:1rem"><sw-team-link-notice .link=${this.newLink}></sw-team-link-notice></div>` : nothing}
    </section>`
  }

  // ── Learning networks ──────────────────────────────────────────────────────────────────

  private renderNetworks() {
    return html`<section aria-labelledby="networks-title">
      <h2 id="networks-title">${msg('Learning networks')}</h2>
      <p class="muted">${msg('A learning network’s facilitator sees the rounds of its schools side by side, as aggregates only: a round with too few answers is never shown as numbers, and nobody’s answers are ever shown. You can leave at any time; the workspace disappears from the network at once.')}</p>
      ${this.networks.render({
        pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
        error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
        complete: (networks) =>
          networks.length === 0
            ? html`<p>${msg('This workspace is in no learning network.')}</p>`
            : html`<ul>
                ${networks.map(
                  (n) => html`<li>
                    ${n.name} <span class="muted">(${msg('since')} ${dateText(n.joinedAt)})</span>
                    <button class="btn small danger" type="button" @click=${() => this.ask({ kind: 'leave-network', networkId: n.id, name: n.name })}>
                      ${msg('Leave')}<span class="visually-hidden"> ${n.name}</span>
                    </button>
                  </li>`
                )}
              </ul>`,
      })}
      ${this.confirming?.kind === 'leave-network'
        ? this.renderConfirm(
            msg(str`Leave ${this.confirming.name}? Its facilitator no longer sees this workspace, at once. To join again you need a new invitation.`),
            msg('Yes, leave the network'),
            () => this.leaveNetwork(this.confirming as Extract<Confirm, { kind: 'leave-network' }>)
          )
        : nothing}
      <form class="inline-form" style="margin-top:1rem" @submit=${this.joinNetwork}>
        <div class="field">
          <label for="network-invite">${msg('Invitation link of a network')}</label>
          <input id="network-invite" type="text" maxlength="300" placeholder="https://…/n/join#swi_…" .value=${this.inviteText}
            @input=${(e: Event) => (this.inviteText = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="btn" type="submit" ?disabled=${this.busy || !this.inviteText.trim()}>${msg('Join the network')}</button>
      </form>
    </section>`
  }

  private async joinNetwork(e: Event) {
    e.preventDefault()
    const ws = this.ws
    if (!ws) return
    const token = inviteTokenOf(this.inviteText)
    if (!token) {
      this.message = { kind: 'error', text: msg('That is not an invitation link: it ends in #swi_ followed by 32 characters.') }
      return
    }
    const joined = await this.act(() => teamApi(ws.id).joinNetwork(token))
    if (joined) {
      this.message = { kind: 'ok', text: msg(str`This workspace is now in ${joined.network.name}.`) }
      this.inviteText = ''
      void this.networks.run()
    }
  }

  private async leaveNetwork(confirm: Extract<Confirm, { kind: 'leave-network' }>) {
    const ws = this.ws
    if (!ws) return
    const done = await this.act(() => teamApi(ws.id).leaveNetwork(confirm.networkId).then(() => true), msg(str`This workspace left ${confirm.name}.`))
    if (done) void this.networks.run()
  }

  // ── Data ───────────────────────────────────────────────────────────────────────────────

  private renderData(ws: WorkspaceOut) {
    return html`<section aria-labelledby="data-title">
      <h2 id="data-title">${msg('Your data')}</h2>
      <div class="card">
        <h3>${msg('Download everything')}</h3>
        <p>${msg('One file with the workspace, every round, the anonymous answers and the plans (no links). You can import it into this or another Strategiewijzer.')}</p>
        <div class="actions">
          <button class="btn" @click=${this.exportAll}>${msg('Download the workspace (JSON)')}</button>
          <a class="btn quiet" href="/w/new">${msg('Import a workspace file')}</a>
        </div>
      </div>
      <div class="card" style="margin-top:1rem">
        <h3>${msg('On this device')}</h3>
        <p>${msg('This device remembers the team link. Forget it on a shared computer; the workspace itself stays.')}</p>
        <button class="btn" @click=${this.forget}>${msg('Forget this workspace on this device')}</button>
      </div>
      <div class="card danger-zone" style="margin-top:1rem">
        <h3>${msg('Delete the workspace')}</h3>
        <p>
          ${msg('Deleting removes everything at once: every round, every answer, the plans and all team and respondent links. It cannot be undone. Download the workspace first if you may need it.')}
        </p>
        ${deleteByNameForm({
          label: msg(str`Type the name of the workspace (${ws.name}) to confirm`),
          name: ws.name,
          typed: this.deleteName,
          button: msg('Delete everything'),
          busy: this.busy,
          onInput: (typed) => (this.deleteName = typed),
          onSubmit: (e) => this.deleteWorkspace(e),
        })}
      </div>
    </section>`
  }

  // ── Actions ────────────────────────────────────────────────────────────────────────────

  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') void this.poll()
  }

  /** Refreshes the open rounds (their counts and state) while the page is visible. */
  private async poll() {
    const ws = this.ws
    if (!ws || document.visibilityState !== 'visible' || this.busy) return
    const open = ws.rounds.filter((r) => r.state === 'open')
    if (open.length === 0) return
    try {
      const client = teamApi(ws.id)
      const fresh = await Promise.all(open.map((r) => client.round(r.id)))
      this.replaceRounds(fresh)
    } catch {
      // The next poll tries again; the page keeps what it shows.
    }
  }

  private replaceRounds(fresh: readonly RoundOut[]) {
    const ws = this.ws
    if (!ws) return
    const byId = new Map(fresh.map((r) => [r.id, r]))
    this.ws = { ...ws, rounds: ws.rounds.map((r) => byId.get(r.id) ?? r) }
  }

  private ask(confirm: Confirm) {
    this.confirming = confirm
    this.message = undefined
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm .btn.danger')?.focus())
  }

  /** Runs a change against the server and reports what went wrong, if anything. */
  private async act<T>(work: () => Promise<T>, done?: string): Promise<T | undefined> {
    this.busy = true
    try {
      const result = await work()
      this.message = done ? { kind: 'ok', text: done } : undefined
      this.confirming = undefined
      return result
    } catch (error) {
      this.message = { kind: 'error', text: `${msg('That did not work.')} ${errorOf(error).message}` }
      return undefined
    } finally {
      this.busy = false
    }
  }

  private openRound(ws: WorkspaceOut, r: RoundOut) {
    session.set({ workspaceId: ws.id, roundId: r.id, workspaceName: ws.name, roundLabel: r.label })
    navigate('/team')
  }

  private async setState(r: RoundOut, state: 'open' | 'closed') {
    const ws = this.ws
    if (!ws) return
    const round = await this.act(
      () => teamApi(ws.id).updateRound(r.id, { state }),
      state === 'closed' ? msg(str`${r.label} is closed.`) : msg(str`${r.label} is open again.`)
    )
    if (round) this.replaceRounds([round])
  }

  private async renew(r: RoundOut) {
    const ws = this.ws
    if (!ws) return
    const round = await this.act(() => teamApi(ws.id).renewLink(r.id), msg('The new respondent link is ready; the old one no longer works.'))
    if (round) this.replaceRounds([round])
  }

  private async saveClosing(e: Event, r: RoundOut) {
    e.preventDefault()
    const ws = this.ws
    if (!ws) return
    const value = new FormData(e.target as HTMLFormElement).get('date')
    const closesAt = typeof value === 'string' && value ? closingFromDate(value) : null
    const round = await this.act(() => teamApi(ws.id).updateRound(r.id, { closesAt }), msg('The closing date is saved.'))
    if (round) this.replaceRounds([round])
  }

  private async createRound(e: Event) {
    e.preventDefault()
    const ws = this.ws
    if (!ws) return
    const n = ws.rounds.length
    const label = (this.newRoundLabel ?? (n === 0 ? msg('Baseline') : msg(str`After PDSA cycle ${n}`))).trim()
    if (!label) return
    const closesAt = this.newRoundDate ? closingFromDate(this.newRoundDate) : null
    const round = await this.act(() => teamApi(ws.id).createRound(label, closesAt), msg(str`${label} has started. Share its respondent link.`))
    if (round) {
      this.ws = { ...ws, rounds: [...ws.rounds, round] }
      this.newRoundLabel = undefined
      this.newRoundDate = ''
    }
  }

  private async showPoster(r: RoundOut) {
    this.poster = r
    await this.updateComplete
    this.renderRoot.querySelector('dialog')?.showModal()
  }

  private async invite(e: Event) {
    e.preventDefault()
    const ws = this.ws
    const label = this.inviteLabel.trim()
    if (!ws || !label) return
    const made = await this.act(() => teamApi(ws.id).createToken(label))
    if (made) {
      this.newLink = made.links.team
      this.inviteLabel = ''
      void this.tokens.run()
    }
  }

  private async revoke(confirm: Extract<Confirm, { kind: 'revoke' }>) {
    const ws = this.ws
    if (!ws) return
    const done = await this.act(() => teamApi(ws.id).revokeToken(confirm.tokenId).then(() => true), msg('The team link is revoked.'))
    if (!done) return
    if (confirm.current) {
      credentials.forget(ws.id)
      session.leaveWorkspace(ws.id)
      navigate('/')
    } else void this.tokens.run()
  }

  private async exportAll() {
    const ws = this.ws
    if (!ws) return
    const blob = await this.act(() => teamApi(ws.id).exportFile(), msg('The workspace file is downloaded.'))
    if (blob) downloadBlob(`strategiewijzer-${slug(ws.name)}-${new Date().toISOString().slice(0, 10)}.json`, blob)
  }

  private async download(r: RoundOut, kind: 'xlsx' | 'csv') {
    const ws = this.ws
    if (!ws) return
    await this.act(async () => {
      const files = await import('../workspace/round-files.ts')
      const contents = await files.roundContents(ws.id, r.id, currentLang())
      if (kind === 'csv') files.downloadAnswersCsv(contents)
      else await files.downloadRoundExcel(contents, (await import('./page-plan.ts')).specLabel)
    }, kind === 'csv' ? msg(str`The answers of ${r.label} are downloaded.`) : msg(str`${r.label} is downloaded as an Excel file.`))
  }

  private forget() {
    credentials.forget(this.workspaceId)
    session.leaveWorkspace(this.workspaceId)
    navigate('/')
  }

  private async deleteWorkspace(e: Event) {
    e.preventDefault()
    const ws = this.ws
    if (!ws || !confirmsName(this.deleteName, ws.name)) return
    const done = await this.act(() => teamApi(ws.id).deleteWorkspace().then(() => true))
    if (!done) return
    credentials.forget(ws.id)
    session.leaveWorkspace(ws.id)
    session.notice = msg(str`The workspace ${ws.name} and everything in it were deleted.`)
    navigate('/')
  }
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'workspace'

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-workspace': PageWorkspace
  }
}
