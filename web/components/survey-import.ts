/**
 * @module <sw-survey-import>: answers collected with Microsoft Forms, LimeSurvey or Qualtrics
 * brought in through a mapping step. The person chooses a file; the step shows the tool
 * detected, the rows read and left out, where each column went and how each answer was read,
 * and how many responses are new; unmatched columns and answers are placed by choosing from
 * lists. Nothing is stored until the person confirms. Also offers the templates that make an
 * export map without effort.
 *
 * The element does not fetch: the `importer` it is given (a round on the server, or this
 * browser's store) reads, maps and stores.
 *
 * @fires survey-imported - after responses were stored
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { SurveyMapping, SurveyTool } from '../../server/domain/survey-import.ts'
import type { ItemOut } from '../../server/schemas/api.ts'
import { errorOf } from '../api.ts'
import { SurveyImportedEvent } from '../events.ts'
import { currentLang } from '../localization.ts'
import { shared } from '../styles/shared.ts'
import type { SurveyImporter, SurveyImportResult, SurveyPreviewView, SurveyUpload } from '../workspace/survey-importers.ts'
import { formatCount, plural } from '../format.ts'

/** What a column can be placed as, beside an item. */
const COLUMN_ROLES = ['ignored', 'response-id', 'role', 'group'] as const
/** The value of the "counts as missing" choice in an answer's list. */
const MISSING = 'missing'

const toolName = (tool: SurveyTool): string =>
  ({
    qualtrics: 'Qualtrics',
    limesurvey: 'LimeSurvey',
    'ms-forms': 'Microsoft Forms',
    strategiewijzer: 'Strategiewijzer',
    unknown: msg('an unknown tool'),
  })[tool]

const roleLabel = (role: string): string =>
  ({
    ignored: msg('ignored'),
    'response-id': msg('response id'),
    role: msg('role (user or key informant)'),
    group: msg('group'),
    unmatched: msg('not placed'),
  })[role] ?? role

@customElement('sw-survey-import')
@localized()
export class SurveyImport extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .file input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      .file:focus-within .btn {
        outline: var(--sw-focus);
        outline-offset: 2px;
      }
      .summary {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
        gap: 0.5rem;
        margin: 0.75rem 0;
        padding: 0;
        list-style: none;
      }
      .summary li {
        background: var(--sw-surface);
        border: 1px solid var(--sw-line);
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
      }
      .table-wrap {
        overflow-x: auto;
        margin: 0.5rem 0 1rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 0.25rem 0;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.4rem 0.5rem;
        border-bottom: 1px solid var(--sw-line);
      }
      td select {
        display: block;
        margin-top: 0.3rem;
        max-width: 24rem;
        width: 100%;
      }
      section h4 {
        margin-top: 1.25rem;
      }
      .unmatched {
        color: var(--sw-danger, #a40000);
        font-weight: 600;
      }
      .header {
        overflow-wrap: anywhere;
        max-width: 18rem;
      }
      .item-text {
        display: block;
        color: var(--sw-muted, #555);
        font-size: 0.92rem;
      }
      details {
        margin: 0.75rem 0;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        min-height: 44px;
        display: flex;
        align-items: center;
      }
      ol.forms li {
        margin-bottom: 0.6rem;
      }
      @media (max-width: 480px) {
        th,
        td {
          padding: 0.35rem 0.25rem;
          font-size: 0.92rem;
        }
      }
    `,
  ]

  /** Where the answers go: a workspace round, or this browser. */
  @property({ attribute: false }) importer?: SurveyImporter

  @state() private file?: SurveyUpload
  @state() private preview?: SurveyPreviewView
  @state() private mapping?: SurveyMapping
  @state() private items: readonly ItemOut[] = []
  @state() private busy = false
  @state() private error?: { message: string; issues: { path: string; message: string }[] }
  @state() private result?: SurveyImportResult
  @state() private formsItems?: readonly ItemOut[]

  @query('#import-result') private resultBox?: HTMLElement
  @query('#mapping-title') private mappingTitle?: HTMLElement

  override render() {
    return html`
      <h3>${msg('Import answers from Forms, LimeSurvey or Qualtrics')}</h3>
      <p class="muted">
        ${msg('Choose the export of your survey tool (CSV, or Excel from Microsoft Forms). You first see how it is read; nothing is stored until you confirm.')}
      </p>
      <div class="actions">
        <label class="file">
          <input type="file" accept=".csv,.txt,.xlsx,text/csv" @change=${this.handleFile} ?disabled=${this.busy} />
          <span class="btn">${this.file ? msg('Choose another file') : msg('Choose a file')}</span>
        </label>
      </div>
      ${this.busy ? html`<p class="muted" role="status">${msg('Reading…')}</p>` : nothing}
      ${this.error ? this.renderError() : nothing}
      ${this.result ? this.renderResult(this.result) : nothing}
      ${this.preview && this.file && !this.result ? this.renderMapping(this.preview, this.file) : nothing}
      ${this.renderTemplates()}
    `
  }

  private renderError() {
    const e = this.error
    if (!e) return nothing
    return html`<div class="error" role="alert">
      ${e.message}
      ${e.issues.length > 1
        ? html`<ul>
            ${e.issues.slice(0, 10).map((i) => html`<li>${i.message}</li>`)}
          </ul>`
        : nothing}
    </div>`
  }

  private renderResult(r: SurveyImportResult) {
    return html`<div id="import-result" class="notice" role="status" tabindex="-1">
      <strong>${plural(r.added, { one: msg('1 response imported.'), other: msg(str`${formatCount(r.added)} responses imported.`) })}</strong>
      ${r.already > 0 ? html` ${msg(str`${r.already} were imported before and were not added again.`)}` : nothing}
      ${r.changed > 0
        ? html` ${msg(str`${r.changed} were imported before with other answers and were left as they were; remove the old ones first if the new answers should count.`)}`
        : nothing}
    </div>`
  }

  private renderMapping(p: SurveyPreviewView, file: SurveyUpload) {
    const unplaced = p.columns.filter((c) => c.role === 'unmatched').length
    const open = p.values.filter((v) => v.option === undefined)
    const ready = p.complete && p.issues.length === 0
    return html`<section aria-labelledby="mapping-title">
      <h4 id="mapping-title" tabindex="-1">${msg(str`How ${file.name} is read`)}</h4>
      <ul class="summary">
        <li>${msg(str`Made with ${toolName(p.tool)}`)}</li>
        <li>${msg(str`${p.rows} rows read`)}</li>
        <li>
          ${p.dropped.preview + p.dropped.unfinished === 0
            ? msg('No rows left out')
            : msg(str`Left out: ${p.dropped.preview} preview(s), ${p.dropped.unfinished} unfinished`)}
        </li>
        <li><strong>${msg(str`${p.new} new, ${p.already} already imported`)}</strong></li>
      </ul>
      ${unplaced > 0 || open.length > 0
        ? html`<p class="notice warning">
            ${msg(str`To place before importing: ${unplaced} column(s) and ${open.length} answer(s). Choose from the lists below.`)}
          </p>`
        : nothing}
      ${this.renderColumns(p)} ${open.length > 0 ? this.renderOpenValues(open) : nothing} ${this.renderReadValues(p)}
      ${p.issues.length > 0
        ? html`<div class="error" role="alert">
            <ul>
              ${p.issues.slice(0, 10).map((i) => html`<li>${i.message}</li>`)}
            </ul>
          </div>`
        : nothing}
      <div class="actions">
        <button class="btn primary" ?disabled=${!ready || this.busy} @click=${this.handleConfirm}>
          ${plural(p.new, { one: msg('Import 1 response'), other: msg(str`Import ${formatCount(p.new)} responses`) })}
        </button>
        <button class="btn" @click=${this.reset}>${msg('Cancel')}</button>
      </div>
    </section>`
  }

  private renderColumns(p: SurveyPreviewView) {
    const byId = new Map(this.items.map((i) => [i.id, i]))
    return html`<div class="table-wrap">
      <table>
        <caption>
          ${msg('Columns of the file')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Column')}</th>
            <th scope="col">${msg('Read as')}</th>
          </tr>
        </thead>
        <tbody>
          ${p.columns.map((c) => {
            const current = c.role === 'item' ? (c.item ?? '') : c.role === 'unmatched' ? '' : c.role
            const item = c.item ? byId.get(c.item) : undefined
            const id = `col-${c.index}`
            return html`<tr>
              <th scope="row" class="header">${c.header}${c.text && c.text !== c.header ? html`<span class="item-text">${c.text}</span>` : nothing}</th>
              <td>
                ${c.role === 'item'
                  ? html`${c.item}<span class="item-text">${item?.text ?? ''}</span>`
                  : html`<span class=${c.role === 'unmatched' ? 'unmatched' : ''}>${roleLabel(c.role)}</span>`}
                <label class="visually-hidden" for=${id}>${msg(str`Column ${c.header} is`)}</label>
                <select id=${id} .value=${current} @change=${(e: Event) => this.handleColumn(c.header, (e.target as HTMLSelectElement).value)}>
                  ${current === '' ? html`<option value="" selected>${msg('— choose —')}</option>` : nothing}
                  <option value="ignored" ?selected=${current === 'ignored'}>${msg('ignore')}</option>
                  ${COLUMN_ROLES.filter((r) => r !== 'ignored').map(
                    (r) => html`<option value=${r} ?selected=${current === r}>${roleLabel(r)}</option>`
                  )}
                  <optgroup label=${msg('Question')}>
                    ${this.items.map((i) => html`<option value=${i.id} ?selected=${current === i.id}>${i.id} · ${i.text}</option>`)}
                  </optgroup>
                </select>
              </td>
            </tr>`
          })}
        </tbody>
      </table>
    </div>`
  }

  private renderOpenValues(open: SurveyPreviewView['values']) {
    const byId = new Map(this.items.map((i) => [i.id, i]))
    return html`<div class="table-wrap">
      <table>
        <caption>
          ${msg('Answers not recognised')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Question')}</th>
            <th scope="col">${msg('Answer in the file')}</th>
            <th scope="col">${msg('Counts as')}</th>
          </tr>
        </thead>
        <tbody>
          ${open.map((v, n) => {
            const item = byId.get(v.item)
            const id = `val-${n}`
            return html`<tr>
              <td>${v.item}<span class="item-text">${item?.text ?? ''}</span></td>
              <th scope="row">“${v.value}” <span class="muted">(${v.count}×)</span></th>
              <td>
                <label class="visually-hidden" for=${id}>${msg(str`Answer “${v.value}” to ${v.item} counts as`)}</label>
                <select id=${id} @change=${(e: Event) => this.handleValue(v.item, v.value, (e.target as HTMLSelectElement).value)}>
                  <option value="" selected>${msg('— choose —')}</option>
                  ${(item?.options ?? []).map((o) => html`<option value=${String(o.value)}>${o.label}</option>`)}
                  <option value=${MISSING}>${msg('counts as missing')}</option>
                </select>
              </td>
            </tr>`
          })}
        </tbody>
      </table>
    </div>`
  }

  /** The answers that were recognised, to check; a choice made here can be undone. */
  private renderReadValues(p: SurveyPreviewView) {
    const read = p.values.filter((v) => v.option !== undefined)
    if (read.length === 0) return nothing
    const byId = new Map(this.items.map((i) => [i.id, i]))
    const optionText = (item: string, option: number | null | undefined) =>
      option === null ? msg('missing') : (byId.get(item)?.options.find((o) => o.value === option)?.label ?? String(option))
    return html`<details>
      <summary>${msg(str`How the other answers were read (${read.length})`)}</summary>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">
            ${msg('Answers recognised')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Question')}</th>
              <th scope="col">${msg('Answer in the file')}</th>
              <th scope="col">${msg('Counts as')}</th>
            </tr>
          </thead>
          <tbody>
            ${read.map(
              (v) => html`<tr>
                <td>${v.item}</td>
                <th scope="row">“${v.value}” <span class="muted">(${v.count}×)</span></th>
                <td>${optionText(v.item, v.option)}</td>
              </tr>`
            )}
          </tbody>
        </table>
      </div>
    </details>`
  }

  private renderTemplates() {
    const lang = currentLang()
    return html`<details @toggle=${this.handleTemplatesToggle}>
      <summary>${msg('Build the questionnaire in your survey tool (templates)')}</summary>
      <p>${msg('With these templates every question carries its code and every answer its value, so the export maps without choosing anything.')}</p>
      <ul>
        <li>
          <a href="/api/templates/limesurvey?lang=${lang}" download>${msg('LimeSurvey: survey structure file (.txt)')}</a> —
          ${msg('in LimeSurvey: Create survey → Import, and choose this file.')}
        </li>
        <li>
          <a href="/api/templates/qualtrics?lang=${lang}" download>${msg('Qualtrics: survey file (.qsf)')}</a> —
          ${msg('in Qualtrics: Create project → Survey → From a file, and choose this file. Export the answers as CSV with choice text or numeric values.')}
        </li>
      </ul>
      <p class="notice warning">
        ${msg('We have not tested these files in LimeSurvey or Qualtrics themselves: check the survey after importing it, and try an export with one test response before you send it out.')}
      </p>
      <h4>${msg('Microsoft Forms')}</h4>
      <ol class="forms">
        <li>${msg('In Forms, create a new form. Add one question of type Choice per row below.')}</li>
        <li>${msg('Paste the question text exactly as it stands, and add the answer options in the order given.')}</li>
        <li>${msg('Add a Choice question "Rol" (role) with the options "Gebruiker" and "Sleutelinformant" if key informants answer too.')}</li>
        <li>${msg('When the answers are in: Responses → Open in Excel, and import that file here.')}</li>
      </ol>
      ${this.formsItems
        ? html`<div class="table-wrap">
            <table>
              <caption>
                ${msg('Questions to paste into Forms')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Code')}</th>
                  <th scope="col">${msg('Question text')}</th>
                  <th scope="col">${msg('Answer options, in order')}</th>
                </tr>
              </thead>
              <tbody>
                ${this.formsItems.map(
                  (i) => html`<tr>
                    <td>${i.id}</td>
                    <th scope="row">${i.text}</th>
                    <td>${i.options.map((o) => o.label).join(' · ')}</td>
                  </tr>`
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted" role="status">${msg('Loading the questions…')}</p>`}
    </details>`
  }

  private async handleTemplatesToggle(e: Event) {
    if (!(e.target as HTMLDetailsElement).open || !this.importer) return
    try {
      this.formsItems = await this.importer.items(currentLang())
    } catch (error) {
      this.error = errorOf(error)
    }
  }

  private async handleFile(e: Event) {
    const input = e.target as HTMLInputElement
    const chosen = input.files?.[0]
    input.value = ''
    if (!chosen || !this.importer) return
    this.reset()
    const file = { bytes: new Uint8Array(await chosen.arrayBuffer()), name: chosen.name }
    await this.run(async (importer) => {
      const seq = ++this.previewSeq
      const [items, preview] = await Promise.all([importer.items(currentLang()), importer.preview(file, undefined, currentLang())])
      if (seq !== this.previewSeq) return
      this.items = items
      this.file = file
      this.show(preview)
      await this.updateComplete
      this.mappingTitle?.focus()
    })
  }

  private handleColumn(header: string, value: string) {
    if (!this.mapping || value === '') return
    void this.remap({ ...this.mapping, columns: { ...this.mapping.columns, [header]: value } })
  }

  private handleValue(item: string, raw: string, value: string) {
    if (!this.mapping || value === '') return
    const option = value === MISSING ? null : Number(value)
    void this.remap({ ...this.mapping, values: { ...this.mapping.values, [item]: { ...this.mapping.values[item], [raw]: option } } })
  }

  /** Counts previews asked for: only the answer to the latest is shown. */
  private previewSeq = 0

  private async remap(mapping: SurveyMapping) {
    const file = this.file
    if (!file) return
    this.mapping = mapping
    const seq = ++this.previewSeq
    await this.run(async (importer) => {
      const preview = await importer.preview(file, mapping, currentLang())
      // Choices made quickly one after another each ask for a preview; an answer to an earlier
      // one that arrives late must not put back the mapping without the later choices.
      if (seq === this.previewSeq) this.show(preview)
    })
  }

  private async handleConfirm() {
    const file = this.file
    const mapping = this.mapping
    if (!file || !mapping) return
    await this.run(async (importer) => {
      this.result = await importer.confirm(file, mapping, currentLang())
      this.dispatchEvent(new SurveyImportedEvent(this.result.added))
      await this.updateComplete
      this.resultBox?.focus()
    })
  }

  private show(preview: SurveyPreviewView) {
    this.preview = preview
    this.mapping = preview.mapping
  }

  private async run(step: (importer: SurveyImporter) => Promise<void>) {
    if (!this.importer) return
    this.busy = true
    this.error = undefined
    try {
      await step(this.importer)
    } catch (error) {
      this.error = errorOf(error)
    } finally {
      this.busy = false
    }
  }

  private reset() {
    this.file = undefined
    this.preview = undefined
    this.mapping = undefined
    this.result = undefined
    this.error = undefined
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-survey-import': SurveyImport
  }
}
