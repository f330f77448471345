/**
 * @module <sw-page-rating>: the owner's page of an expert rating study — the experts' links and
 * progress, ending a round, the results per round (printable), the exports (Excel report, tidy
 * CSV) and, once the study is closed, feeding it into the knowledge base with the
 * administrator's token (docs/expert-rating.md).
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Verdict } from '../../server/domain/rating-stats.ts'
import { errorOf } from '../api.ts'
import { confirmsName, deleteByNameForm } from '../components/delete-by-name.ts'
import { linkedPageStates } from '../components/linked-page.ts'
import '../components/copy-field.ts'
import { downloadBlob, downloadText } from '../download.ts'
import { plural } from '../format.ts'
import { currentLang } from '../localization.ts'
import { NoStudyLinkError, ownerApi, type Results, type StudyView } from '../rating/rating-api.ts'
import { ratingCredentials } from '../rating/rating-credentials.ts'
import { page, shared } from '../styles/shared.ts'
import { workspaceForm } from '../styles/workspace.ts'
import { slug } from '../workspace/round-files.ts'
import { navigate } from '../router.ts'
import { ChangeController, session } from '../workspace/session.ts'

const number = (x: number | null | undefined) => (x === null || x === undefined ? '–' : new Intl.NumberFormat(currentLang(), { maximumFractionDigits: 2 }).format(x))
const percent = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : new Intl.NumberFormat(currentLang(), { style: 'percent', maximumFractionDigits: 0 }).format(x)

export const verdictLabel = (v: Verdict): string =>
  ({ relevant: msg('relevant'), uncertain: msg('uncertain'), 'not-relevant': msg('not relevant'), 'no-ratings': msg('no ratings') })[v]

const closeReasonLabel = (r: StudyView['closedReason']) =>
  r === 'consensus' ? msg('every link reached the consensus rule') : r === 'last-round' ? msg('the last round ended') : msg('the owner closed it')

/** "10 links, 1 expert". */
const studySize = (study: StudyView): string => {
  const links = study.links.length
  const experts = study.experts.length
  return `${plural(links, { one: msg('1 link'), other: msg(str`${links} links`) })}, ${plural(experts, { one: msg('1 expert'), other: msg(str`${experts} experts`) })}`
}

@customElement('sw-page-rating')
@localized()
export class PageRating extends LitElement {
  static override styles = [
    shared,
    page,
    workspaceForm,
    css`
      .danger-zone {
        margin-top: 2rem;
      }
      .scroll {
        overflow-x: auto;
        max-width: 100%;
      }
      table.results {
        border-collapse: collapse;
        width: 100%;
      }
      .results th,
      .results td {
        border-bottom: 1px solid var(--sw-line);
        padding: 0.4rem 0.5rem;
        text-align: left;
        vertical-align: top;
      }
      .results td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .experts {
        display: grid;
        gap: 0.75rem;
      }
      .experts .btn {
        margin-top: 0.25rem;
      }
      .flag {
        font-weight: 600;
        color: var(--sw-negative);
      }
      @media print {
        .no-print,
        .actions,
        form {
          display: none !important;
        }
      }
    `,
  ]

  /** The study's id, from the address. */
  @property() studyId = ''

  @state() private round = 0
  @state() private closeStudy = false
  @state() private adminToken = ''
  @state() private addCount = 1
  @state() private problem = ''
  @state() private notice = ''
  @state() private busy = false
  @state() private deleteName = ''

  private readonly data = new Task(this, {
    task: async ([id, lang]) => {
      const owner = ownerApi(id)
      const [study, results] = await Promise.all([owner.study(lang), owner.results(lang)])
      return { study, results }
    },
    args: () => [this.studyId, currentLang(), ratingCredentials.token('owner', this.studyId)] as const,
  })

  constructor() {
    super()
    // A link opened in another tab changes the credentials: render again.
    new ChangeController(this, ratingCredentials)
  }

  override render() {
    return this.data.render({
      ...linkedPageStates({
        heading: msg('Expert rating study'),
        noLink: (error) => error instanceof NoStudyLinkError,
        noLinkText: msg('This device has no owner link for this study. Open the owner link you were given (it ends in #swo_…).'),
        failed: msg('The study could not be loaded.'),
      }),
      complete: ({ study, results }) => this.renderStudy(study, results),
    })
  }

  private renderStudy(study: StudyView, results: Results) {
    const shown = results.rounds.find((r) => r.round === this.round) ?? results.rounds.at(-1)
    const open = study.status === 'open'
    return html`
      <h1>${study.name}</h1>
      <p class="lead">
        ${open
          ? msg(str`Round ${study.currentRound} of ${study.rounds} is open. ${studySize(study)}.`)
          : msg(str`Closed after round ${study.currentRound}: ${closeReasonLabel(study.closedReason)}. ${studySize(study)}.`)}
      </p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}

      ${open ? this.renderExperts(study) : nothing}
      ${open ? this.renderEndRound(study) : nothing}

      <section>
        <h2>${msg('Results')}</h2>
        ${results.rounds.length > 1
          ? html`<div class="field no-print">
              <label for="round">${msg('Round')}</label>
              <select id="round" @change=${(e: Event) => (this.round = Number((e.target as HTMLSelectElement).value))}>
                ${results.rounds.map((r) => html`<option value=${r.round} ?selected=${r.round === shown?.round}>${r.round}</option>`)}
              </select>
            </div>`
          : nothing}
        ${shown ? this.renderResults(shown, results.study.questions.includes('feasibility')) : nothing}
        <div class="actions" style="margin-top:1rem">
          <button class="btn" type="button" @click=${() => this.downloadExcel(study, results)}>${msg('Download the report (.xlsx)')}</button>
          <button class="btn" type="button" @click=${() => this.downloadCsv(study)}>${msg('Download the tidy export (.csv)')}</button>
          <button class="btn" type="button" @click=${() => window.print()}>${msg('Print the results')}</button>
        </div>
      </section>

      ${open ? nothing : this.renderKnowledgeBase(study)}
      ${this.renderDelete(study)}
    `
  }

  /** Deleting the study, confirmed by typing its name; not while it is a source of the knowledge base. */
  private renderDelete(study: StudyView) {
    return html`<section class="no-print">
      <div class="card danger-zone">
        <h2>${msg('Delete the study')}</h2>
        <p>${msg('Deleting removes the study at once: every expert link stops working and every answer of every round is gone. It cannot be undone. Download the report and the tidy export first if you may need them.')}</p>
        ${study.source
          ? html`<p class="notice warning">${msg('The study is a source of the knowledge base. Remove it from there first (above), so that no link in the knowledge base loses the study it came from.')}</p>`
          : deleteByNameForm({
              label: msg(str`Type the name of the study (${study.name}) to confirm`),
              name: study.name,
              typed: this.deleteName,
              button: msg('Delete the study'),
              busy: this.busy,
              onInput: (typed) => (this.deleteName = typed),
              onSubmit: (e) => this.deleteStudy(e, study),
            })}
      </div>
    </section>`
  }

  private renderExperts(study: StudyView) {
    return html`
      <section class="no-print">
        <h2>${msg('Experts')}</h2>
        <p class="hint">${msg('Send each expert their own link. Results and exports name experts only by pseudonym.')}</p>
        <div class="experts">
          ${study.experts.map(
            (e) => html`<div>
              <sw-copy-field .label=${msg(str`${e.pseudonym}: ${e.answered} of ${study.links.length} rated this round`)} .value=${e.link}></sw-copy-field>
              <button class="btn small quiet" type="button" ?disabled=${this.busy} @click=${() => this.renewLink(e.pseudonym)}>
                ${msg(str`New link for ${e.pseudonym}`)}
              </button>
            </div>`
          )}
        </div>
        <form class="inline-form" style="margin-top:1rem" @submit=${this.addExperts}>
          <div class="field">
            <label for="add">${msg('More experts')}</label>
            <input id="add" type="number" min="1" max="60" .value=${String(this.addCount)} @input=${(e: Event) => (this.addCount = Number((e.target as HTMLInputElement).value))} />
          </div>
          <button class="btn" type="submit" ?disabled=${this.busy}>${msg('Make links')}</button>
        </form>
      </section>
    `
  }

  private renderEndRound(study: StudyView) {
    const last = study.currentRound >= study.rounds
    return html`
      <section class="no-print">
        <h2>${msg(str`Round ${study.currentRound}`)}</h2>
        <p class="hint">
          ${last
            ? msg('This is the last round: ending it closes the study.')
            : msg('Ending the round closes the study when every link reached the consensus rule; otherwise the next round opens, and experts see the panel’s median and spread.')}
        </p>
        ${last
          ? nothing
          : html`<label class="choice"><input type="checkbox" .checked=${this.closeStudy} @change=${(e: Event) => (this.closeStudy = (e.target as HTMLInputElement).checked)} />
              ${msg('Close the study instead of opening the next round')}</label>`}
        <div class="actions" style="margin-top:0.5rem">
          <button class="btn primary" type="button" ?disabled=${this.busy} @click=${() => this.endRound(study.currentRound)}>${msg(str`End round ${study.currentRound}`)}</button>
        </div>
      </section>
    `
  }

  private renderResults(round: Results['rounds'][number], feasibility: boolean) {
    // Focusable, so a keyboard can scroll a wide table on a phone.
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${msg(str`Results of round ${round.round}`)}>
      <table class="results">
        <caption class="hint" style="text-align:left">${msg(str`Round ${round.round}: relevance 1–9. Disagreement by the RAND/UCLA IPRAS rule; agreement is the share within the median’s region.`)}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Determinant')}</th>
            <th scope="col">${msg('Strategy')}</th>
            <th scope="col">${msg('Median')}</th>
            <th scope="col">IQR</th>
            <th scope="col">${msg('Agreement')}</th>
            <th scope="col">${msg('Disagreement')}</th>
            <th scope="col">n</th>
            <th scope="col">${msg('Verdict')}</th>
            ${feasibility ? html`<th scope="col">${msg('Feasibility (median)')}</th>` : nothing}
            <th scope="col">${msg('Comments')}</th>
          </tr>
        </thead>
        <tbody>
          ${round.links.map(
            (l) => html`<tr>
              <td>${l.determinant}. ${l.determinantName}</td>
              <td>${l.strategyName}</td>
              <td class="num">${number(l.relevance.median)}</td>
              <td class="num">${number(l.relevance.iqr)}</td>
              <td class="num">${percent(l.relevance.agreement)}</td>
              <td>${l.relevance.disagreement ? html`<span class="flag">${msg('yes')}</span>` : msg('no')}</td>
              <td class="num">${l.relevance.n}</td>
              <td>${verdictLabel(l.verdict)}${l.consensus ? html` (${msg('consensus')})` : nothing}</td>
              ${feasibility ? html`<td class="num">${number(l.feasibility?.median)}</td>` : nothing}
              <td>${l.comments.length > 0 ? html`<ul style="margin:0;padding-left:1rem">${l.comments.map((c) => html`<li>${c}</li>`)}</ul>` : '–'}</td>
            </tr>`
          )}
        </tbody>
      </table>
    </div>`
  }

  private renderKnowledgeBase(study: StudyView) {
    return html`
      <section class="no-print">
        <h2>${msg('Knowledge base')}</h2>
        ${study.source
          ? html`<p>${msg(str`This study is a source of the knowledge base: “${study.source.label}”. Every workspace’s recommendations use it.`)}</p>`
          : html`<p>${msg('Feeding the study into the knowledge base makes it a source (tier “rated by experts”): links the panel found relevant become essential, uncertain ones supportive, rejected ones are marked as rejected. Every workspace then sees them. It can be removed again.')}</p>`}
        <form class="inline-form" @submit=${(e: Event) => this.changeSource(e, study.source ? 'remove' : 'feed')}>
          <div class="field">
            <label for="admin">${msg('Administrator token')}</label>
            <input id="admin" type="password" autocomplete="off" .value=${this.adminToken} aria-describedby="admin-hint"
              @input=${(e: Event) => (this.adminToken = (e.target as HTMLInputElement).value)} />
            <span id="admin-hint" class="hint">${msg('The server’s ADMIN_TOKEN: the knowledge base is shared by every workspace. It is not kept.')}</span>
          </div>
          <button class="btn ${study.source ? '' : 'primary'}" type="submit" ?disabled=${this.busy || this.adminToken === ''}>
            ${study.source ? msg('Remove this source') : msg('Feed into the knowledge base')}
          </button>
        </form>
      </section>
    `
  }

  private async run(action: () => Promise<string>) {
    this.busy = true
    this.problem = ''
    this.notice = ''
    try {
      this.notice = await action()
      await this.data.run()
    } catch (error) {
      this.problem = errorOf(error).message
    } finally {
      this.busy = false
    }
  }

  private async addExperts(e: Event) {
    e.preventDefault()
    await this.run(async () => {
      const added = await ownerApi(this.studyId).addExperts(this.addCount)
      return msg(str`${added.experts.length} expert links made.`)
    })
  }

  /** A new link for one expert, say when a link went to the wrong person; the answers stay. */
  private async renewLink(pseudonym: string) {
    if (!window.confirm(msg(str`Make ${pseudonym} a new link? The old link stops working at once; ${pseudonym}’s answers stay. Send the new link to the expert.`))) return
    await this.run(async () => {
      await ownerApi(this.studyId).renewExpertLink(pseudonym)
      return msg(str`${pseudonym} has a new link (above); the old one no longer works.`)
    })
  }

  private async endRound(round: number) {
    await this.run(async () => {
      const study = await ownerApi(this.studyId).endRound(round, this.closeStudy, currentLang())
      this.round = 0
      return study.status === 'closed' ? msg('The study is closed.') : msg(str`Round ${study.currentRound} is open.`)
    })
  }

  private async changeSource(e: Event, action: 'feed' | 'remove') {
    e.preventDefault()
    const token = this.adminToken
    await this.run(async () => {
      try {
        if (action === 'remove') {
          await ownerApi(this.studyId).removeSource(token)
          return msg('The source was removed from the knowledge base.')
        }
        const fed = await ownerApi(this.studyId).feed(token)
        return msg(str`Fed into the knowledge base as “${fed.source.label}”: ${fed.links} links, ${fed.essential} essential, ${fed.rejected} rejected.`)
      } catch (error) {
        throw adminProblem(error) ?? error
      }
    })
    this.adminToken = ''
  }

  private async deleteStudy(e: Event, study: StudyView) {
    e.preventDefault()
    if (!confirmsName(this.deleteName, study.name)) return
    this.busy = true
    this.problem = ''
    try {
      await ownerApi(this.studyId).deleteStudy()
    } catch (error) {
      this.problem = errorOf(error).message
      this.busy = false
      return
    }
    session.notice = msg(str`The study ${study.name} and all its answers were deleted.`)
    navigate('/')
    ratingCredentials.forget(this.studyId)
  }

  private async downloadCsv(study: StudyView) {
    try {
      downloadText(`${slug(study.name) || 'expert-rating'}.csv`, await ownerApi(this.studyId).exportCsv(), 'text/csv')
    } catch (error) {
      this.problem = `${msg('The export could not be made.')} ${errorOf(error).message}`
    }
  }

  private async downloadExcel(study: StudyView, results: Results) {
    try {
      // Loaded on demand: the Excel writer is the largest dependency.
      const { default: writeExcelFile } = await import('write-excel-file/browser')
      const feasibility = results.study.questions.includes('feasibility')
      const header = [msg('Determinant'), msg('Strategy'), msg('Median'), 'IQR', 'P30', 'P70', 'IPR', 'IPRAS', msg('Disagreement'), msg('Agreement'), 'n', msg('Verdict'), msg('Strength'), ...(feasibility ? [msg('Feasibility (median)')] : []), msg('Comments')]
      const sheets = results.rounds.map((r) => [
        header.map((value) => ({ value, fontWeight: 'bold' as const })),
        ...r.links.map((l) => [
          { value: `${l.determinant}. ${l.determinantName}` },
          { value: l.strategyName },
          ...[l.relevance.median, l.relevance.iqr, l.relevance.p30, l.relevance.p70, l.relevance.ipr, l.relevance.ipras].map((value) => (value === null ? null : { value })),
          { value: l.relevance.disagreement ? msg('yes') : msg('no') },
          l.relevance.agreement === null ? null : { value: l.relevance.agreement, format: '0%' },
          { value: l.relevance.n },
          { value: verdictLabel(l.verdict) },
          l.strength === null ? null : { value: l.strength },
          ...(feasibility ? [l.feasibility?.median == null ? null : { value: l.feasibility.median }] : []),
          { value: l.comments.join(' | ') },
        ]),
      ])
      const blob = await writeExcelFile(
        sheets.map((data, i) => ({ data, sheet: msg(str`Round ${results.rounds[i]?.round ?? i + 1}`), stickyRowsCount: 1, columns: header.map((_, c) => ({ width: c < 2 ? 32 : 10 })) }))
      ).toBlob()
      downloadBlob(`${slug(study.name) || 'expert-rating'}.xlsx`, blob)
    } catch (error) {
      this.problem = `${msg('The Excel file could not be made.')} ${errorOf(error).message}`
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-rating': PageRating
  }
}

/**
 * What a refused administrator token means, in the interface language: the general message
 * for a 403 ("this link no longer gives access") would send the person after the wrong link.
 */
function adminProblem(error: unknown): Error | undefined {
  const { code } = errorOf(error)
  if (code === 'admin_not_configured') {
    return new Error(msg('This server has no administrator token, so nobody can change its knowledge base from here. Whoever runs it sets ADMIN_TOKEN and restarts it (docs/expert-rating.md).'))
  }
  if (code === 'forbidden' || code === 'unauthorized') {
    return new Error(msg('This administrator token is not the one of this server. Check it with whoever runs this Strategiewijzer, and type it again.'))
  }
  return undefined
}
