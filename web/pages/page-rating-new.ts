/**
 * @module <sw-page-rating-new>: a research team creates an expert rating study — which links,
 * which questions, how many rounds, which consensus rule, how many experts — then sees the
 * owner link once. Links come from the knowledge base or from a CSV or Excel file of
 * determinant–strategy pairs (read in the browser, sent as pairs; docs/expert-rating.md).
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { pairsFromRows, STUDY_LIMITS, type Selection } from '../../server/domain/expert-rating.ts'
import { DEFAULT_AGREEMENT_THRESHOLD } from '../../server/domain/rating-stats.ts'
import { errorOf } from '../api.ts'
import { determinantList, referenceData } from '../catalogue.ts'
import { keyLinkReady } from '../components/key-link-ready.ts'
import { currentLang } from '../localization.ts'
import { createStudy } from '../rating/rating-api.ts'
import { ratingCredentials } from '../rating/rating-credentials.ts'
import { page, shared } from '../styles/shared.ts'
import { workspaceForm } from '../styles/workspace.ts'
import { readSurveyFile } from '../survey-file.ts'

type Kind = Selection['kind']

@customElement('sw-page-rating-new')
@localized()
export class PageRatingNew extends LitElement {
  static override styles = [
    shared,
    page,
    workspaceForm,
    css`
      fieldset {
        border: 1px solid var(--sw-line);
        border-radius: 8px;
        padding: 0.75rem 1rem 1rem;
        display: grid;
        gap: 0.5rem;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .choice {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
      }
      .determinants {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.25rem 1rem;
        max-height: 18rem;
        overflow: auto;
      }
    `,
  ]

  @state() private name = ''
  @state() private kind: Kind = 'determinants'
  @state() private determinants: number[] = []
  @state() private method = ''
  @state() private pairs: { determinant: string; strategy: string }[] | null = null
  @state() private fileProblem = ''
  @state() private feasibility = false
  @state() private rounds = 2
  @state() private rule: 'rand' | 'agreement' = 'rand'
  @state() private threshold = Math.round(DEFAULT_AGREEMENT_THRESHOLD * 100)
  @state() private experts = 5
  @state() private busy = false
  @state() private catalogue?: { determinants: readonly { number: number; name: string }[]; methods: readonly { id: string; name: string }[] }
  @state() private problem?: { message: string; issues: { path: string; message: string }[] }
  @state() private created?: { id: string; link: string }

  override connectedCallback() {
    super.connectedCallback()
    const lang = currentLang()
    Promise.all([determinantList(lang), referenceData(lang)])
      .then(([determinants, reference]) => (this.catalogue = { determinants, methods: reference.methods }))
      // Without the lists only the file choice works; the form says nothing is there to choose.
      .catch(() => (this.catalogue = { determinants: [], methods: [] }))
  }

  override render() {
    if (this.created) {
      return keyLinkReady({
        heading: msg('Your rating study is ready'),
        warning: msg('Keep this owner link safe: it is the key to the study.'),
        detail: msg('It is shown only now. Whoever has it sees the results and can end rounds. It is kept on this device.'),
        label: msg('Owner link'),
        link: this.created.link,
        href: `/x/${this.created.id}`,
        go: msg('Go to the study'),
      })
    }
    const issue = (path: string) => this.problem?.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))
    const error = (path: string, id: string) =>
      issue(path) ? html`<span id=${id} class="field-error" role="alert">${issue(path)?.message}</span>` : nothing
    return html`
      <h1>${msg('Create an expert rating study')}</h1>
      <p class="lead">
        ${msg('A panel of experts rates how relevant each strategy is for a determinant, 1–9, over one or more rounds, as in the RAND/UCLA appropriateness method. Experts answer through personal links, without accounts; from round 2 they see the panel’s median and spread.')}
      </p>
      <form class="card form" @submit=${this.submit} novalidate>
        <div class="field">
          <label for="name">${msg('Name of the study')}</label>
          <input id="name" type="text" required maxlength=${STUDY_LIMITS.name} .value=${this.name}
            aria-invalid=${issue('name') ? 'true' : nothing} aria-describedby=${issue('name') ? 'name-error' : nothing}
            @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
          ${error('name', 'name-error')}
        </div>

        <fieldset aria-describedby=${issue('selection') ? 'selection-error' : nothing}>
          <legend>${msg('Links to rate')}</legend>
          ${this.renderKind('determinants', msg('All links of some determinants'))}
          ${this.renderKind('editorial', msg('Our editorial links (of some determinants)'))}
          ${this.renderKind('method', msg('Links only one method gives (of some determinants)'))}
          ${this.renderKind('pairs', msg('A file of determinant–strategy pairs (CSV or Excel), also pairs not linked yet'))}
          ${this.kind === 'method' ? this.renderMethod() : nothing}
          ${this.kind === 'pairs' ? this.renderFile() : this.renderDeterminants()}
          <p class="hint">${msg(str`At most ${STUDY_LIMITS.links} links per study.`)}</p>
          ${error('selection', 'selection-error')}
        </fieldset>

        <fieldset>
          <legend>${msg('Questions')}</legend>
          <p class="hint">${msg('Relevance of the strategy for the determinant (1–9) is always asked.')}</p>
          <label class="choice"><input type="checkbox" .checked=${this.feasibility}
            @change=${(e: Event) => (this.feasibility = (e.target as HTMLInputElement).checked)} />
            ${msg('Also ask feasibility in Dutch schools (1–9)')}</label>
        </fieldset>

        <div class="field">
          <label for="rounds">${msg('Rounds')}</label>
          <select id="rounds" .value=${String(this.rounds)} @change=${(e: Event) => (this.rounds = Number((e.target as HTMLSelectElement).value))}>
            ${[1, 2, 3, 4].map((n) => html`<option value=${n} ?selected=${n === this.rounds}>${n}</option>`)}
          </select>
          <span class="hint">${msg('The study closes itself when every link reaches the consensus rule, or after the last round.')}</span>
        </div>

        <fieldset>
          <legend>${msg('Consensus rule')}</legend>
          <label class="choice"><input type="radio" name="rule" .checked=${this.rule === 'rand'} @change=${() => (this.rule = 'rand')} />
            ${msg('RAND/UCLA: the panel does not disagree (IPR ≤ IPRAS)')}</label>
          <label class="choice"><input type="radio" name="rule" .checked=${this.rule === 'agreement'} @change=${() => (this.rule = 'agreement')} />
            ${msg('Agreement: a share of the panel within the median’s region (1–3, 4–6, 7–9)')}</label>
          ${this.rule === 'agreement'
            ? html`<div class="field">
                <label for="threshold">${msg('Agreement needed (%)')}</label>
                <input id="threshold" type="number" min="50" max="100" step="1" .value=${String(this.threshold)}
                  aria-invalid=${issue('rule') ? 'true' : nothing}
                  @input=${(e: Event) => (this.threshold = Number((e.target as HTMLInputElement).value))} />
                ${error('rule', 'rule-error')}
              </div>`
            : nothing}
        </fieldset>

        <div class="field">
          <label for="experts">${msg('Expert links to make now')}</label>
          <input id="experts" type="number" min="0" max=${STUDY_LIMITS.experts} step="1" .value=${String(this.experts)}
            aria-describedby="experts-hint" aria-invalid=${issue('experts') ? 'true' : nothing}
            @input=${(e: Event) => (this.experts = Number((e.target as HTMLInputElement).value))} />
          <span id="experts-hint" class="hint">${msg(str`Each expert gets a personal link and a pseudonym (E01, E02, …). More can be added later; at most ${STUDY_LIMITS.experts}.`)}</span>
          ${error('experts', 'experts-error')}
        </div>

        ${this.problem && this.problem.issues.length === 0 ? html`<p class="error" role="alert">${this.problem.message}</p>` : nothing}
        <div class="actions">
          <button class="btn primary" type="submit" ?disabled=${this.busy}>${msg('Create the study')}</button>
        </div>
      </form>
    `
  }

  private renderKind(kind: Kind, label: string) {
    return html`<label class="choice"><input type="radio" name="kind" .checked=${this.kind === kind} @change=${() => (this.kind = kind)} /> ${label}</label>`
  }

  private renderDeterminants() {
    const determinants = this.catalogue?.determinants ?? []
    return html`
      <fieldset>
        <legend>${this.kind === 'determinants' ? msg('Determinants') : msg('Only these determinants (none: all)')}</legend>
        <div class="determinants">
          ${determinants.map(
            (d) => html`<label class="choice"><input type="checkbox" .checked=${this.determinants.includes(d.number)}
              @change=${(e: Event) => this.toggle(d.number, (e.target as HTMLInputElement).checked)} /> ${d.number}. ${d.name}</label>`
          )}
        </div>
      </fieldset>
    `
  }

  private renderMethod() {
    const methods = this.catalogue?.methods ?? []
    return html`<div class="field">
      <label for="method">${msg('Method')}</label>
      <select id="method" @change=${(e: Event) => (this.method = (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${this.method === ''}>${msg('Choose a method')}</option>
        ${methods.map((m) => html`<option value=${m.id} ?selected=${m.id === this.method}>${m.name}</option>`)}
      </select>
    </div>`
  }

  private renderFile() {
    return html`<div class="field">
      <label for="file">${msg('File with a “determinant” and a “strategy” column')}</label>
      <input id="file" type="file" accept=".csv,.txt,.xlsx,text/csv" aria-describedby="file-hint" @change=${this.readFile} />
      <span id="file-hint" class="hint">${msg('Determinants by MIDI number, code or name; strategies by id or name. One pair per row.')}</span>
      ${this.pairs ? html`<span class="hint" role="status">${msg(str`${this.pairs.length} pairs read.`)}</span>` : nothing}
      ${this.fileProblem ? html`<span class="field-error" role="alert">${this.fileProblem}</span>` : nothing}
    </div>`
  }

  private toggle(n: number, on: boolean) {
    this.determinants = on ? [...this.determinants, n].sort((a, b) => a - b) : this.determinants.filter((d) => d !== n)
  }

  private async readFile(e: Event) {
    const file = (e.target as HTMLInputElement).files?.[0]
    this.pairs = null
    this.fileProblem = ''
    if (!file) return
    const read = await readSurveyFile(new Uint8Array(await file.arrayBuffer()), file.name)
    if (!read.ok) {
      this.fileProblem = read.text
      return
    }
    const pairs = pairsFromRows(read.rows)
    if (pairs.ok) this.pairs = [...pairs.pairs]
    else
      this.fileProblem =
        pairs.problem === 'no-columns'
          ? msg('The first row must name a “determinant” and a “strategy” column.')
          : pairs.problem === 'too-many'
            ? msg(str`The file has more than ${STUDY_LIMITS.links} pairs.`)
            : msg(str`Line ${pairs.line} has an empty determinant or strategy.`)
  }

  private selection(): Selection | string {
    const among = this.determinants.length > 0 ? { determinants: this.determinants } : {}
    switch (this.kind) {
      case 'determinants':
        return this.determinants.length > 0 ? { kind: 'determinants', determinants: this.determinants } : msg('Choose at least one determinant.')
      case 'editorial':
        return { kind: 'editorial', ...among }
      case 'method':
        return this.method ? { kind: 'method', method: this.method, ...among } : msg('Choose a method.')
      case 'pairs':
        return this.pairs ? { kind: 'pairs', pairs: this.pairs } : msg('Choose a file of pairs.')
    }
  }

  private async submit(e: Event) {
    e.preventDefault()
    const name = this.name.trim()
    const selection = this.selection()
    const issues = [
      ...(name ? [] : [{ path: 'name', message: msg('Fill in the name of the study.') }]),
      ...(typeof selection === 'string' ? [{ path: 'selection', message: selection }] : []),
    ]
    if (issues.length > 0 || typeof selection === 'string') {
      this.problem = { message: '', issues }
      return
    }
    this.busy = true
    this.problem = undefined
    try {
      const made = await createStudy({
        name,
        selection: selection as never,
        feasibility: this.feasibility,
        rounds: this.rounds,
        rule: this.rule === 'rand' ? { kind: 'rand' } : { kind: 'agreement', threshold: this.threshold / 100 },
        experts: this.experts,
      })
      ratingCredentials.save('owner', made.id, made.ownerToken)
      this.created = { id: made.id, link: made.links.owner }
    } catch (error) {
      this.problem = errorOf(error)
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-rating-new': PageRatingNew
  }
}
