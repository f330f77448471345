/**
 * @module <sw-page-network>: a learning network as its facilitator sees it: the heat map of
 * determinants × schools (shares written out, never colour alone), the barriers the schools
 * share, what each school chose and how it changed, what the schools learned, invitations,
 * the Excel file, the handout, and a presentation mode for the projector (one determinant or
 * strategy per screen, arrow keys, no tokens and nothing of one respondent).
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { MIN_GROUP_SIZE_FLOOR, type CellStatus } from '../../server/domain/network.ts'
import { GROUPS, type Group } from '../../server/domain/vocabulary.ts'
import { errorOf } from '../api.ts'
import { confirmsName, deleteByNameForm } from '../components/delete-by-name.ts'
import { linkedPageStates } from '../components/linked-page.ts'
import { changeLabel } from '../components/compare-chart.ts'
import '../components/copy-field.ts'
import '../components/qr-code.ts'
import { downloadBlob } from '../download.ts'
import { answersText, groupLabel, schoolsText, statusLabel } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { networkApi, NoFacilitatorLinkError, type Learning, type Overview } from '../network/network-api.ts'
import { inviteTokenOf, networkCredentials } from '../network/network-credentials.ts'
import { page, shared } from '../styles/shared.ts'
import { workspaceForm } from '../styles/workspace.ts'
import { navigate } from '../router.ts'
import { planStatusLabel } from '../workspace/round-text.ts'
import { slug } from '../workspace/round-files.ts'
import { session } from '../workspace/session.ts'
import { formatCount, formatPercent } from '../format.ts'

type Cell = NonNullable<Overview['schools'][number]['determinants']>[number]
type Column = { key: string; name: string; n: number; heldBack?: number | undefined; suppressed: boolean; cells: Map<number, Cell>; kind: 'school' | 'network' | 'total' }
type Slide = { kind: 'determinant'; number: number } | { kind: 'strategy'; strategy: Learning['strategies'][number] }

const share = formatPercent

const cellStatusLabel = (s: CellStatus) => (s === 'suppressed' ? msg('too few answers to show') : statusLabel(s))

@customElement('sw-page-network')
@localized()
export class PageNetwork extends LitElement {
  static override styles = [
    shared,
    page,
    workspaceForm,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: end;
        margin: 1rem 0;
      }
      .filters label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      .scroll {
        overflow-x: auto;
        max-width: 100%;
      }
      table.heat {
        border-collapse: collapse;
        font-size: 1.05rem;
      }
      .heat th,
      .heat td {
        border: 1px solid var(--sw-line);
        padding: 0.35rem 0.5rem;
        text-align: center;
        min-width: 5.5rem;
      }
      .heat th[scope='row'] {
        text-align: left;
        min-width: 14rem;
        font-weight: 500;
      }
      .heat thead th {
        vertical-align: bottom;
        background: var(--sw-surface);
      }
      .heat .n {
        display: block;
        font-weight: 400;
        color: var(--sw-muted);
        font-size: 0.9rem;
      }
      td.barrier {
        background: var(--sw-negative-soft);
        font-weight: 800;
        color: var(--sw-negative);
      }
      td.facilitator {
        background: var(--sw-positive-soft);
        color: var(--sw-positive);
      }
      td.suppressed {
        background: var(--sw-neutral-soft);
        color: var(--sw-muted);
        font-size: 0.95rem;
        max-width: 7rem;
      }
      .mark {
        font-size: 0.8em;
        margin-right: 0.15em;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        color: var(--sw-muted);
        margin: 0.5rem 0 1.5rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
        gap: 1rem;
      }
      .present {
        position: fixed;
        inset: 0;
        z-index: 100;
        background: #fff;
        color: var(--sw-ink);
        display: grid;
        grid-template-rows: auto 1fr auto;
        padding: 2rem 3rem;
        font-size: 1.6rem;
      }
      .present h2 {
        font-size: 2.6rem;
        margin: 0 0 0.5rem;
      }
      .present ul {
        list-style: none;
        padding: 0;
        margin: 1rem 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(26rem, 100%), 1fr));
        gap: 0.5rem 3rem;
      }
      .present li {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 1rem;
        border-bottom: 1px solid var(--sw-line);
        padding: 0.35rem 0;
      }
      .present .value {
        font-weight: 800;
        font-size: 2.2rem;
        white-space: nowrap;
      }
      .present .value.muted {
        font-size: 1.3rem;
        font-weight: 600;
        white-space: normal;
        text-align: right;
      }
      .present .who {
        white-space: nowrap;
      }
      .present nav {
        display: flex;
        gap: 1rem;
        align-items: center;
      }
      .present .btn {
        font-size: 1.2rem;
      }
      .present .count {
        margin-left: auto;
        color: var(--sw-muted);
      }
    `,
  ]

  /** The network's id, from the route. */
  @property() networkId = ''

  @state() private round = ''
  @state() private group: Group | '' = ''
  @state() private invitation?: { link: string; expiresAt: number }
  @state() private problem?: string
  @state() private presenting = false
  @state() private outerInvite = ''
  @state() private deleteName = ''
  /** The facilitator link just made, shown this one time. */
  @state() private newLink = ''
  @state() private slide = 0

  private readonly data = new Task(this, {
    task: async ([id, round, group, lang]) => {
      const client = networkApi(id)
      const query = { lang, ...(round ? { round } : {}), ...(group ? { group } : {}) }
      const [network, overview, learning] = await Promise.all([client.network(), client.overview(query), client.learning(query)])
      networkCredentials.rememberName(id, network.name)
      return { network, overview, learning }
    },
    args: () => [this.networkId, this.round, this.group as Group | '', currentLang()] as const,
  })

  override connectedCallback() {
    super.connectedCallback()
    window.addEventListener('keydown', this.onKey)
  }

  override disconnectedCallback() {
    window.removeEventListener('keydown', this.onKey)
    super.disconnectedCallback()
  }

  override render() {
    return this.data.render({
      ...linkedPageStates({
        heading: msg('Learning network'),
        noLink: (error) => error instanceof NoFacilitatorLinkError,
        noLinkText: msg('This device has no facilitator link for this network. Open the facilitator link you were given (it ends in #swf_…).'),
        failed: msg('The network could not be loaded.'),
      }),
      complete: ({ network, overview, learning }) =>
        this.presenting ? this.renderPresentation(overview, learning) : this.renderPage(network, overview, learning),
    })
  }

  private renderPage(network: Awaited<ReturnType<ReturnType<typeof networkApi>['network']>>, overview: Overview, learning: Learning) {
    const names = new Map(overview.determinants.map((d) => [d.number, d.name]))
    return html`
      <h1>${network.name}</h1>
      <p class="lead">
        ${msg(str`${schoolsText(network.schools.length)}, inner networks: ${formatCount(network.networks.length)}.`)}
        ${msg(str`A school with fewer than ${network.minGroupSize} answers in a round is shown as “too few answers to show”: aggregates only, never one person’s answers.`)}
        ${msg(str`Figures change only once at least ${network.minGroupSize} answers have come in or been removed since the network last saw them, so that no one can be found by comparing two looks.`)}
      </p>
      ${network.parent ? html`<p>${msg(str`Part of ${network.parent.name}: its facilitator sees this network only pooled.`)}</p>` : nothing}

      <div class="actions">
        <button class="btn primary" type="button" @click=${this.startPresenting}>${msg('Presentation mode')}</button>
        <button class="btn" type="button" @click=${this.downloadExcel}>${msg('Download Excel (.xlsx)')}</button>
        <a class="btn" href=${`/n/${this.networkId}/handout${this.round ? `?round=${encodeURIComponent(this.round)}` : ''}`}>${msg('Printable handout')}</a>
        <button class="btn" type="button" @click=${this.invite}>${msg('Invite a school')}</button>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.invitation
        ? html`<section class="card" aria-labelledby="invite-title" style="margin-top:1rem">
            <h2 id="invite-title">${msg('Invitation link')}</h2>
            <p>${msg('Send this link to one school. Its team opens it on a device with their team link, and chooses to join. It works once, for 14 days.')}</p>
            <sw-copy-field .label=${msg('Invitation link')} .value=${this.invitation.link}></sw-copy-field>
            <sw-qr-code .text=${this.invitation.link} .label=${msg('QR code of the invitation link')}></sw-qr-code>
          </section>`
        : nothing}

      <div class="filters">
        <label>${msg('Round')}
          <select @change=${(e: Event) => (this.round = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.round === ''}>${msg('Latest round of each school')}</option>
            ${overview.rounds.map((r) => html`<option value=${r} ?selected=${this.round === r}>${r}</option>`)}
          </select>
        </label>
        <label>${msg('Determinant group')}
          <select @change=${(e: Event) => (this.group = (e.target as HTMLSelectElement).value as Group | '')}>
            <option value="" ?selected=${this.group === ''}>${msg('All groups')}</option>
            ${GROUPS.map((g) => html`<option value=${g} ?selected=${this.group === g}>${groupLabel(g)}</option>`)}
          </select>
        </label>
      </div>

      <section aria-labelledby="heat-title">
        <h2 id="heat-title">${msg('Barrier profile per school')}</h2>
        <p class="legend">
          <span><span class="mark" aria-hidden="true">▲</span>${msg('barrier')}</span>
          <span><span class="mark" aria-hidden="true">●</span>${msg('facilitator')}</span>
          <span>${msg('The figure is the share of negative answers.')}</span>
        </p>
        ${this.renderHeatMap(overview)}
      </section>

      <section aria-labelledby="shared-title">
        <h2 id="shared-title">${msg('Barriers the schools share')}</h2>
        ${overview.sharedBarriers.length === 0
          ? html`<p class="muted">${msg('No shared barriers among the schools shown.')}</p>`
          : html`<ol>
              ${overview.sharedBarriers.map((b) => html`<li><strong>${b.number}. ${names.get(b.number)}</strong> — ${msg(str`a barrier at ${b.barrier} of ${b.of}`)}</li>`)}
            </ol>`}
        ${overview.total ? html`<p class="muted">${msg(str`Network total: schools or networks shown: ${formatCount(overview.total.rows)}, ${answersText(overview.total.n)}; suppressed schools are not in any total.`)}</p>` : nothing}
      </section>

      <section aria-labelledby="schools-title">
        <h2 id="schools-title">${msg('Strategies and change per school')}</h2>
        <div class="grid">
          ${overview.schools.map(
            (s) => html`<article class="card">
              <h3>${s.name}</h3>
              <p class="muted">${s.round ?? msg('No such round')} · n = ${s.n}${s.suppressed ? html` · ${msg('too few answers to show')}` : nothing}</p>
              ${s.heldBack
                ? html`<p class="muted">${msg(str`${s.heldBack} answers added or removed since these figures; they show once ${network.minGroupSize} have changed.`)}</p>`
                : nothing}
              ${s.strategies.length === 0
                ? html`<p class="muted">${msg('No strategies chosen yet.')}</p>`
                : html`<ul>${s.strategies.map((x) => html`<li>${x.name} — ${planStatusLabel(x.status)}</li>`)}</ul>`}
              ${s.change ? this.renderChange(s.change, names) : nothing}
            </article>`
          )}
        </div>
      </section>

      ${this.renderSettings(network)}
      ${this.renderFacilitatorLink()}
      ${this.renderDelete(network)}

      <section aria-labelledby="learned-title">
        <h2 id="learned-title">${msg('What the schools learned')}</h2>
        <p>${msg('Per strategy the schools running it, and what changed in the barriers it addresses there since their round before. A prompt for the conversation, not proof of effect.')}</p>
        ${learning.strategies.length === 0
          ? html`<p class="muted">${msg('No school runs a strategy yet.')}</p>`
          : html`<div class="grid">${learning.strategies.map((l) => this.renderLearning(l, names))}</div>`}
      </section>
    `
  }

  private renderSettings(network: Awaited<ReturnType<ReturnType<typeof networkApi>['network']>>) {
    return html`<section aria-labelledby="settings-title">
      <h2 id="settings-title">${msg('Settings')}</h2>
      <form class="inline-form" @submit=${this.saveMinimum}>
        <div class="field">
          <label for="min">${msg('Fewest answers to show a school')}</label>
          <input id="min" name="min" type="number" min=${MIN_GROUP_SIZE_FLOOR} max="500" step="1" required .value=${String(network.minGroupSize)} />
        </div>
        <button class="btn" type="submit">${msg('Save')}</button>
      </form>
      ${network.parent
        ? html`<p>
            <button class="btn small danger" type="button" @click=${this.leaveOuter}>${msg(str`Leave ${network.parent.name}`)}</button>
          </p>`
        : html`<form class="inline-form" style="margin-top:1rem" @submit=${this.joinOuter}>
            <div class="field">
              <label for="outer">${msg('Invitation link of an outer network')}</label>
              <input id="outer" type="text" maxlength="300" placeholder="https://…/n/join#swi_…" .value=${this.outerInvite}
                @input=${(e: Event) => (this.outerInvite = (e.target as HTMLInputElement).value)} />
            </div>
            <button class="btn" type="submit" ?disabled=${!this.outerInvite.trim()}>${msg('Join as an inner network')}</button>
          </form>
          <p class="hint">${msg('The outer network’s facilitator then sees this network only pooled, never its schools one by one.')}</p>`}
    </section>`
  }

  /** A new facilitator link in place of the old one, shown once, kept on this device. */
  private renderFacilitatorLink() {
    return html`<section class="card" aria-labelledby="facilitator-link-title" style="margin-top:1.5rem">
      <h2 id="facilitator-link-title">${msg('Facilitator link')}</h2>
      ${this.newLink
        ? html`<div class="notice warning" role="status">
            <p><strong>${msg('Keep this facilitator link safe: it is the key to the network.')}</strong>
              ${msg('It is shown only now; the old link no longer works. This device keeps the new one; give it to a co-facilitator who needs it.')}</p>
            <sw-copy-field .label=${msg('Facilitator link')} .value=${this.newLink}></sw-copy-field>
          </div>`
        : html`<p>${msg('Was the link shown on a projector, or sent to someone who should not have it? Make a new one: the old link stops working at once, for everyone who has it.')}</p>
            <button class="btn" type="button" @click=${this.replaceLink}>${msg('Make a new facilitator link')}</button>`}
    </section>`
  }

  private async replaceLink() {
    if (!window.confirm(msg('Make a new facilitator link? The old one stops working at once, also on other devices.'))) return
    let made: { facilitatorToken: string; links: { network: string } } | undefined
    await this.change(async () => {
      made = await networkApi(this.networkId).replaceFacilitatorLink()
    }, false)
    if (!made) return
    networkCredentials.save(this.networkId, made.facilitatorToken)
    this.newLink = made.links.network
  }

  /** Deleting the network, confirmed by typing its name. */
  private renderDelete(network: Awaited<ReturnType<ReturnType<typeof networkApi>['network']>>) {
    return html`<section class="card danger-zone" aria-labelledby="delete-title" style="margin-top:1.5rem">
      <h2 id="delete-title">${msg('Delete the network')}</h2>
      <p>${msg('Deleting ends the network at once: the facilitator link and every invitation stop working. The schools keep their workspaces and all their data; inner networks carry on on their own. It cannot be undone.')}</p>
      ${deleteByNameForm({
        label: msg(str`Type the name of the network (${network.name}) to confirm`),
        name: network.name,
        typed: this.deleteName,
        button: msg('Delete the network'),
        onInput: (typed) => (this.deleteName = typed),
        onSubmit: (e) => this.deleteNetwork(e, network.name),
      })}
    </section>`
  }

  private async deleteNetwork(e: Event, name: string) {
    e.preventDefault()
    if (!confirmsName(this.deleteName, name)) return
    if (!(await this.change(() => networkApi(this.networkId).deleteNetwork(), false))) return
    session.notice = msg(str`The network ${name} was deleted. Its schools keep their workspaces.`)
    navigate('/')
    networkCredentials.forget(this.networkId)
  }

  private async saveMinimum(e: Event) {
    e.preventDefault()
    const value = Number(new FormData(e.target as HTMLFormElement).get('min'))
    await this.change(() => networkApi(this.networkId).update({ minGroupSize: value }))
  }

  private async joinOuter(e: Event) {
    e.preventDefault()
    const token = inviteTokenOf(this.outerInvite)
    if (!token) {
      this.problem = msg('That is not an invitation link: it ends in #swi_ followed by 32 characters.')
      return
    }
    if (await this.change(() => networkApi(this.networkId).joinOuter(token))) this.outerInvite = ''
  }

  private async leaveOuter() {
    if (!window.confirm(msg('Leave the outer network? Its facilitator no longer sees this network, at once.'))) return
    await this.change(() => networkApi(this.networkId).leaveOuter())
  }

  /** Runs a change, reloads the network (unless told not to), and says what went wrong, if anything. */
  private async change(work: () => Promise<unknown>, reload = true): Promise<boolean> {
    this.problem = undefined
    try {
      await work()
      if (reload) void this.data.run()
      return true
    } catch (error) {
      this.problem = `${msg('That did not work.')} ${errorOf(error).message}`
      return false
    }
  }

  private columns(overview: Overview): Column[] {
    const cells = (list: readonly Cell[] | undefined) => new Map((list ?? []).map((c) => [c.number, c]))
    return [
      ...overview.schools.map((s): Column => ({ key: s.workspace, name: s.name, n: s.n, heldBack: s.heldBack, suppressed: s.suppressed, cells: cells(s.determinants), kind: 'school' })),
      ...overview.networks.map((p): Column => ({ key: p.network, name: p.name, n: p.n, suppressed: p.suppressed, cells: cells(p.determinants), kind: 'network' })),
      ...(overview.total ? [{ key: 'total', name: msg('Network total'), n: overview.total.n, suppressed: false, cells: cells(overview.total.determinants), kind: 'total' as const }] : []),
    ]
  }

  private renderHeatMap(overview: Overview) {
    const columns = this.columns(overview)
    if (columns.length === 0) return html`<p class="muted">${msg('No school has joined yet. Invite one with an invitation link.')}</p>`
    const rows = overview.determinants
    return html`<div class="scroll" tabindex="0" role="region" aria-labelledby="heat-title">
      <table class="heat">
        <thead>
          <tr>
            <th scope="col">${msg('Determinant')}</th>
            ${columns.map((c) => html`<th scope="col">${c.kind === 'network' ? html`${msg('Network')}: ` : nothing}${c.name}<span class="n">n = ${c.n}${c.heldBack ? html` <span class="held">${msg(str`(+${c.heldBack} waiting)`)}</span>` : nothing}</span></th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (d, i) => html`<tr>
              <th scope="row">${d.number}. ${d.name}</th>
              ${columns.map((c) => {
                if (c.suppressed) return i === 0 ? html`<td class="suppressed" rowspan=${rows.length}>${msg('too few answers to show')}</td>` : nothing
                return this.renderCell(c.cells.get(d.number))
              })}
            </tr>`
          )}
        </tbody>
      </table>
    </div>`
  }

  private renderCell(cell: Cell | undefined): TemplateResult {
    if (!cell || cell.status === 'suppressed') return html`<td class="suppressed">–<span class="visually-hidden"> ${msg('too few answers to show')}</span></td>`
    const mark = cell.status === 'barrier' ? '▲' : cell.status === 'facilitator' ? '●' : ''
    return html`<td class=${cell.status}>${mark ? html`<span class="mark" aria-hidden="true">${mark}</span>` : nothing}${share(cell.negativeShare)}<span class="visually-hidden"> ${msg('negative')}, ${cellStatusLabel(cell.status)}</span></td>`
  }

  private renderChange(change: NonNullable<Overview['schools'][number]['change']>, names: Map<number, string>) {
    const moved = change.determinants.filter((c) => c.change !== 'unchanged' && c.change !== 'not-comparable')
    return html`<p><strong>${msg(str`Since ${change.from}:`)}</strong></p>
      ${moved.length === 0
        ? html`<p class="muted">${msg('No clear change.')}</p>`
        : html`<ul>${moved.map((c) => html`<li>${c.number}. ${names.get(c.number)} — ${changeLabel(c.change)}</li>`)}</ul>`}`
  }

  private renderLearning(l: Learning['strategies'][number], names: Map<number, string>) {
    const running = l.schools.length + l.networks.reduce((sum, n) => sum + n.schools, 0)
    return html`<article class="card">
      <h3>${l.name}</h3>
      <p>${msg(str`Running at ${running} schools`)}</p>
      <ul>
        ${l.schools.map((s) => html`<li>${s.name} — ${planStatusLabel(s.status)}${s.suppressed ? html` · ${msg('too few answers to show')}` : nothing}</li>`)}
        ${l.networks.map((n) => html`<li>${msg('Network')}: ${n.name} — ${schoolsText(n.schools)}</li>`)}
      </ul>
      ${l.determinants.length > 0
        ? html`<p><strong>${msg('Change in its barriers there')}</strong></p>
            <ul>
              ${l.determinants.map(
                (d) => html`<li>${d.number}. ${names.get(d.number) ?? ''}: ${msg(str`improved at ${d.improved}, worsened at ${d.worsened}, unchanged at ${d.unchanged}`)}</li>`
              )}
            </ul>`
        : nothing}
    </article>`
  }

  private slides(overview: Overview, learning: Learning): Slide[] {
    return [
      ...overview.sharedBarriers.map((b): Slide => ({ kind: 'determinant', number: b.number })),
      ...learning.strategies.map((s): Slide => ({ kind: 'strategy', strategy: s })),
    ]
  }

  private renderPresentation(overview: Overview, learning: Learning) {
    const slides = this.slides(overview, learning)
    const index = Math.min(this.slide, Math.max(0, slides.length - 1))
    const current = slides[index]
    const names = new Map(overview.determinants.map((d) => [d.number, d.name]))
    let body: TemplateResult
    if (!current) {
      body = html`<h2>${overview.network.name}</h2><p>${msg('No shared barriers or strategies to show yet.')}</p>`
    } else if (current.kind === 'determinant') {
      const b = overview.sharedBarriers.find((x) => x.number === current.number)
      const columns = this.columns(overview).filter((c) => c.kind !== 'total')
      body = html`<p class="muted">${msg('Shared barrier')}</p>
        <h2>${current.number}. ${names.get(current.number)}</h2>
        <p>${msg(str`A barrier at ${b?.barrier ?? 0} of ${b?.of ?? 0}`)} · ${msg('share of negative answers')}</p>
        <ul>
          ${columns.map((c) => {
            const cell = c.cells.get(current.number)
            const hidden = c.suppressed || !cell || cell.status === 'suppressed'
            const text = hidden ? msg('too few answers to show') : `${cell.status === 'barrier' ? '▲ ' : ''}${share(cell.negativeShare)}`
            return html`<li><span class="who">${c.name} <span class="muted">(n = ${c.n})</span></span><span class="value ${hidden ? 'muted' : ''}">${text}</span></li>`
          })}
        </ul>`
    } else {
      const l = current.strategy
      body = html`<p class="muted">${msg('What the schools learned')}</p>
        <h2>${l.name}</h2>
        <p>${msg(str`Running at ${schoolsText(l.schools.length + l.networks.reduce((s, n) => s + n.schools, 0))}`)}</p>
        <ul>
          ${l.determinants.map(
            (d) => html`<li><span>${d.number}. ${names.get(d.number) ?? ''}</span><span class="value">${msg(str`improved at ${d.improved}, worsened at ${d.worsened}`)}</span></li>`
          )}
        </ul>`
    }
    return html`<div class="present" role="region" aria-label=${msg('Presentation')} aria-roledescription=${msg('slides')}>
      <p class="muted">${overview.network.name}${overview.round ? ` · ${overview.round}` : ''}${overview.group ? ` · ${groupLabel(overview.group)}` : ''}</p>
      <div aria-live="polite">${body}</div>
      <nav aria-label=${msg('Slides')}>
        <button class="btn" type="button" ?disabled=${index === 0} @click=${() => this.move(-1)}>← ${msg('Previous')}</button>
        <button class="btn primary" type="button" ?disabled=${index >= slides.length - 1} @click=${() => this.move(1)}>${msg('Next')} →</button>
        <button class="btn quiet" type="button" @click=${this.stopPresenting}>${msg('End presentation')}</button>
        <span class="count">${slides.length === 0 ? '' : msg(str`${index + 1} of ${slides.length}`)}</span>
      </nav>
    </div>`
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (!this.presenting) return
    if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') this.move(1)
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') this.move(-1)
    else if (e.key === 'Escape') this.stopPresenting()
    else return
    e.preventDefault()
  }

  private move(by: number) {
    const value = this.data.value
    const count = value ? this.slides(value.overview, value.learning).length : 0
    this.slide = Math.max(0, Math.min(count - 1, this.slide + by))
  }

  private async startPresenting() {
    this.slide = 0
    this.presenting = true
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('.present .btn.primary')?.focus()
  }

  private async stopPresenting() {
    this.presenting = false
    await this.updateComplete
    this.renderRoot.querySelector<HTMLElement>('.actions .btn.primary')?.focus()
  }

  private async invite() {
    this.problem = undefined
    try {
      const made = await networkApi(this.networkId).invite()
      this.invitation = { link: made.links.join, expiresAt: made.expiresAt }
    } catch (error) {
      this.problem = `${msg('No invitation could be made.')} ${errorOf(error).message}`
    }
  }

  private async downloadExcel() {
    this.problem = undefined
    try {
      const { sheets } = await networkApi(this.networkId).workbook(currentLang())
      // Loaded on demand: the Excel writer is the largest dependency.
      const { default: writeExcelFile } = await import('write-excel-file/browser')
      const data = sheets.map((s) =>
        s.rows.map((row, r) =>
          row.map((value, c) =>
            value === null
              ? null
              : typeof value === 'number' && r > 0 && c > 1
                ? { value, format: '0%' }
                : { value, ...(r === 0 ? { fontWeight: 'bold' as const } : {}) }
          )
        )
      )
      const blob = await writeExcelFile(
        sheets.map((s, i) => ({ data: data[i] ?? [], sheet: s.name, stickyRowsCount: 1, columns: s.rows[0]?.map((_, c) => ({ width: c === 0 ? 30 : c === 1 ? 6 : 12 })) }))
      ).toBlob()
      const name = this.data.value?.network.name ?? 'network'
      downloadBlob(`${slug(name) || 'network'}.xlsx`, blob)
    } catch (error) {
      this.problem = `${msg('The Excel file could not be made.')} ${errorOf(error).message}`
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-network': PageNetwork
  }
}
