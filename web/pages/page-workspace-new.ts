/**
 * @module <sw-page-workspace-new>: create a workspace for a school (or import one from an
 * export file), then show its team link once, with the warning that it is the key.
 */
import { localized, msg } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { DEFAULT_GROUPS } from '../../server/domain/workspace.ts'
import { errorOf } from '../api.ts'
import '../components/copy-field.ts'
import '../components/team-link-notice.ts'
import { currentLang } from '../localization.ts'
import { page, shared } from '../styles/shared.ts'
import { credentials } from '../workspace/credentials.ts'
import { createWorkspace, importWorkspace } from '../workspace/team-api.ts'
import { workspaceForm } from '../styles/workspace.ts'

type Created = { id: string; link: string; name: string; imported: boolean }

@customElement('sw-page-workspace-new')
@localized()
export class PageWorkspaceNew extends LitElement {
  static override styles = [
    shared,
    page,
    workspaceForm,
    css`
      .groups {
        list-style: none;
        padding: 0;
        margin: 0.25rem 0 0.5rem;
        display: grid;
        gap: 0.4rem;
        max-width: 32rem;
      }
      .groups li {
        display: flex;
        gap: 0.4rem;
      }
      .groups input {
        flex: 1;
        min-width: 0;
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
    `,
  ]

  @state() private name = ''
  /** Null until the team edits it: then the suggestion follows the language. */
  @state() private innovation: string | null = null
  @state() private contact = ''
  @state() private tokenLabel = ''
  /** Null until the team edits the list: the server's defaults in the current language. */
  @state() private groups: string[] | null = null
  @state() private busy = false
  @state() private problem?: { message: string; issues: { path: string; message: string }[] }
  @state() private created?: Created
  @state() private importProblem?: string

  override render() {
    if (this.created) return this.renderCreated(this.created)
    const groups = this.groups ?? [...DEFAULT_GROUPS[currentLang()]]
    const innovation = this.innovation ?? msg('Integrated approach to mental well-being')
    return html`
      <h1>${msg('Create a workspace')}</h1>
      <p class="lead">
        ${msg('A workspace keeps your team’s answers, plan and measurement rounds on the server. Colleagues answer on their own phone through a link; nobody needs an account. You get a team link that opens the workspace.')}
      </p>
      <form class="card form" @submit=${this.submit} novalidate>
        <div class="field">
          <label for="name">${msg('School or location')}</label>
          <input id="name" type="text" required maxlength="200" autocomplete="organization" .value=${this.name}
            aria-describedby=${this.issue('name') ? 'name-error' : nothing}
            aria-invalid=${this.issue('name') ? 'true' : nothing}
            @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
          ${this.renderIssue('name')}
        </div>
        <div class="field">
          <label for="innovation">${msg('The approach you are implementing')}</label>
          <input id="innovation" type="text" required maxlength="200" .value=${innovation}
            aria-invalid=${this.issue('innovation') ? 'true' : nothing}
            @input=${(e: Event) => (this.innovation = (e.target as HTMLInputElement).value)} />
          ${this.renderIssue('innovation')}
        </div>
        <div class="field">
          <label for="contact">${msg('Contact (optional)')}</label>
          <input id="contact" type="text" maxlength="200" autocomplete="email" .value=${this.contact}
            aria-describedby="contact-hint"
            @input=${(e: Event) => (this.contact = (e.target as HTMLInputElement).value)} />
          <span id="contact-hint" class="hint">${msg('Who colleagues can ask about the questionnaire, e.g. the care coordinator’s e-mail address.')}</span>
        </div>
        <div class="field">
          <label for="token-label">${msg('Your name (optional)')}</label>
          <input id="token-label" type="text" maxlength="120" autocomplete="name" .value=${this.tokenLabel}
            aria-describedby="token-label-hint"
            @input=${(e: Event) => (this.tokenLabel = (e.target as HTMLInputElement).value)} />
          <span id="token-label-hint" class="hint">${msg('Shown in the list of team links, so the team knows whose link this is.')}</span>
        </div>
        <fieldset>
          <legend>${msg('Groups respondents can choose from')}</legend>
          <p class="hint">${msg('A respondent may say which group they belong to, so you can compare groups. Nobody’s name is asked.')}</p>
          <ul class="groups">
            ${groups.map(
              (g, i) => html`<li>
                <label class="visually-hidden" for="group-${i}">${msg('Group')} ${i + 1}</label>
                <input id="group-${i}" type="text" maxlength="80" .value=${g} @input=${(e: Event) => this.setGroup(i, (e.target as HTMLInputElement).value)} />
                <button class="btn small quiet" type="button" @click=${() => this.removeGroup(i)}>
                  ${msg('Remove')}<span class="visually-hidden"> ${g}</span>
                </button>
              </li>`
            )}
          </ul>
          ${this.renderIssue('groups')}
          <button class="btn small" type="button" ?disabled=${groups.length >= 30} @click=${this.addGroup}>${msg('Add a group')}</button>
        </fieldset>
        ${this.problem && this.problem.issues.length === 0
          ? html`<p class="error" role="alert">${msg('The workspace could not be created.')} ${this.problem.message}</p>`
          : nothing}
        <div class="actions">
          <button class="btn primary" type="submit" ?disabled=${this.busy}>${msg('Create the workspace')}</button>
        </div>
      </form>
      <section aria-labelledby="import-title">
        <h2 id="import-title">${msg('Or bring a workspace along')}</h2>
        <p>${msg('Downloaded a workspace from this or another Strategiewijzer? Import the file: you get a new workspace with the same rounds, answers and plans, and new links.')}</p>
        <label class="file">
          <input type="file" accept=".json,application/json" @change=${this.importFile} />
          <span class="btn">${msg('Import a workspace file (.json)')}</span>
        </label>
        ${this.importProblem ? html`<p class="error" role="alert" style="margin-top:1rem">${this.importProblem}</p>` : nothing}
      </section>
    `
  }

  private issue(path: string) {
    return this.problem?.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))
  }

  private renderIssue(path: string) {
    const issue = this.issue(path)
    return issue ? html`<span id="${path}-error" class="field-error" role="alert">${issue.message}</span>` : nothing
  }

  private renderCreated(created: Created) {
    return html`
      <h1>${created.imported ? msg('The workspace was imported') : msg('Your workspace is ready')}</h1>
      <sw-team-link-notice .link=${created.link}></sw-team-link-notice>
      <div class="actions" style="margin-top:1.5rem">
        <a class="btn primary" href="/w/${created.id}">${msg('Go to the workspace')}</a>
      </div>
    `
  }

  private setGroup(index: number, value: string) {
    const groups = [...(this.groups ?? DEFAULT_GROUPS[currentLang()])]
    groups[index] = value
    this.groups = groups
  }

  private removeGroup(index: number) {
    this.groups = (this.groups ?? [...DEFAULT_GROUPS[currentLang()]]).filter((_, i) => i !== index)
  }

  private async addGroup() {
    this.groups = [...(this.groups ?? DEFAULT_GROUPS[currentLang()]), '']
    await this.updateComplete
    this.renderRoot.querySelector<HTMLInputElement>(`#group-${this.groups.length - 1}`)?.focus()
  }

  private async submit(e: Event) {
    e.preventDefault()
    const name = this.name.trim()
    const innovation = (this.innovation ?? msg('Integrated approach to mental well-being')).trim()
    const missing = [
      ...(name ? [] : [{ path: 'name', message: msg('Fill in the name of the school or location.') }]),
      ...(innovation ? [] : [{ path: 'innovation', message: msg('Fill in the approach you are implementing.') }]),
    ]
    if (missing.length > 0) {
      this.problem = { message: '', issues: missing }
      await this.updateComplete
      this.renderRoot.querySelector<HTMLInputElement>(`#${missing[0]?.path}`)?.focus()
      return
    }
    this.busy = true
    this.problem = undefined
    try {
      const groups = this.groups?.map((g) => g.trim()).filter(Boolean)
      const made = await createWorkspace(currentLang(), {
        name,
        innovation,
        contact: this.contact.trim(),
        ...(groups ? { groups } : {}),
        ...(this.tokenLabel.trim() ? { tokenLabel: this.tokenLabel.trim() } : {}),
      })
      credentials.saveTeamToken(made.id, made.teamToken, name)
      this.created = { id: made.id, link: made.links.team, name, imported: false }
      void this.focusHeading()
    } catch (error) {
      this.problem = errorOf(error)
    } finally {
      this.busy = false
    }
  }

  private async importFile(e: Event) {
    const input = e.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    this.importProblem = undefined
    let parsed: unknown
    try {
      parsed = JSON.parse(await file.text())
    } catch {
      this.importProblem = msg('This file is not a workspace export (it is not JSON).')
      return
    }
    try {
      const made = await importWorkspace(parsed)
      const name = (parsed as { workspace?: { name?: unknown } }).workspace?.name
      credentials.saveTeamToken(made.id, made.teamToken, typeof name === 'string' ? name : '')
      this.created = { id: made.id, link: made.links.team, name: typeof name === 'string' ? name : '', imported: true }
      void this.focusHeading()
    } catch (error) {
      const { message, issues } = errorOf(error)
      const details = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')
      this.importProblem = `${msg('The file could not be imported.')} ${message} ${details}`
    }
  }

  private async focusHeading() {
    await this.updateComplete
    const h1 = this.renderRoot.querySelector<HTMLElement>('h1')
    h1?.setAttribute('tabindex', '-1')
    h1?.focus()
    window.scrollTo(0, 0)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-workspace-new': PageWorkspaceNew
  }
}
