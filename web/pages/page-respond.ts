/**
 * @module <sw-page-respond>: what a colleague sees after opening a round's respondent link on
 * a phone — the school, the approach and the round, the questionnaire, and a plain answer on
 * whether the answers reached the team. The draft survives a refresh; a failed send keeps it
 * and offers to try again with the same submission id, so nothing is stored twice.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { api, errorOf, parseResponse } from '../api.ts'
import '../components/questionnaire.ts'
import type { DraftChangeEvent, QuestionnaireSubmitEvent } from '../events.ts'
import { currentLang } from '../localization.ts'
import { page, shared } from '../styles/shared.ts'
import { credentials } from '../workspace/credentials.ts'
import { RespondentDrafts, type RespondentDraft } from '../workspace/respondent-draft.ts'
import { dateText } from '../workspace/round-text.ts'
import { statusOf } from '../workspace/team-api.ts'

/** Where sending stands. */
type Sending =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'sent' }
  | { state: 'failed'; detail: string }
  | { state: 'closed' }
  | { state: 'gone' }
  | { state: 'conflict' }

const drafts = new RespondentDrafts()

@customElement('sw-page-respond')
@localized()
export class PageRespond extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      :host {
        max-width: 46rem;
      }
      .school {
        font-weight: 700;
        color: var(--sw-primary-dark);
        margin: 0 0 0.25rem;
        font-size: 1.05rem;
      }
      .round {
        margin-top: -0.25rem;
      }
      .done {
        font-size: 1.15rem;
      }
    `,
  ]

  @state() private token = credentials.respondentToken()
  @state() private draft?: RespondentDraft
  @state() private sending: Sending = { state: 'idle' }

  private readonly data = new Task(this, {
    task: async ([token, lang]) => {
      if (!token) return null
      const [view, questionnaire] = await Promise.all([
        parseResponse(api.respond[':token'].$get({ param: { token } })),
        parseResponse(api.questionnaire.$get({ query: { lang } })),
      ])
      return { view, items: questionnaire.items }
    },
    args: () => [this.token, currentLang()] as const,
  })

  override connectedCallback() {
    super.connectedCallback()
    this.useToken(this.token)
    credentials.addEventListener('change', this.onCredentials)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    credentials.removeEventListener('change', this.onCredentials)
  }

  /** Another respondent link was opened in this tab (only its fragment changed). */
  private readonly onCredentials = () => {
    const token = credentials.respondentToken()
    if (token !== this.token) this.useToken(token)
  }

  private useToken(token: string | null) {
    this.token = token
    this.sentHere = false
    this.lastAnswers = undefined
    this.sending = { state: 'idle' }
    this.draft = token ? drafts.load(token) : undefined
    if (token && this.draft && drafts.sentBefore(token) && this.draft.step === 0 && Object.keys(this.draft.answers).length === 0) {
      this.sending = { state: 'sent' }
    }
  }

  override render() {
    if (!this.token) {
      return html`<h1>${msg('Questionnaire')}</h1>
        <p class="notice">${msg('Open the link your school team sent you (or scan its QR code) to answer the questionnaire.')}</p>`
    }
    return this.data.render({
      pending: () => html`<h1>${msg('Questionnaire')}</h1><p class="muted" role="status">${msg('Loading the questions…')}</p>`,
      error: (e) => this.renderLoadError(e),
      complete: (data) => (data ? this.renderRound(data) : nothing),
    })
  }

  private renderLoadError(error: unknown) {
    const status = statusOf(error)
    return html`<h1>${msg('Questionnaire')}</h1>
      ${status === 404
        ? html`<p class="error" role="alert">${msg('This link no longer works. Ask the team for the current one.')}</p>`
        : html`<p class="error" role="alert">
              ${status === null ? msg('Strategiewijzer could not be reached. Check your connection.') : errorOf(error).message}
            </p>
            <button class="btn primary" @click=${() => this.data.run()}>${msg('Try again')}</button>`}`
  }

  private renderRound({ view, items }: NonNullable<PageRespond['data']['value']>) {
    const header = html`<p class="school">${view.workspace.name}</p>
      <h1>${view.workspace.innovation}</h1>
      <p class="muted round">
        ${msg('Questionnaire')} · ${view.round.label}${view.round.closesAt !== null && view.round.accepting ? html` · ${msg(str`open until ${dateText(view.round.closesAt - 1)}`)}` : nothing}
      </p>`
    const sending = this.sending
    const closed = sending.state === 'closed' || (!view.round.accepting && !this.sentHere && sending.state !== 'conflict')
    if (closed) {
      return html`${header}
        <p class="notice warning" role="alert">${msg('This round is closed: it takes no more answers. Ask the team whether there is a new round.')}</p>
        ${this.token && drafts.sentBefore(this.token) ? html`<p>${msg('Answers sent from this device earlier did reach the team.')}</p>` : nothing}`
    }
    if (sending.state === 'sent') {
      return html`${header}
        <p class="notice done" role="status">${msg(str`Your answers reached the team of ${view.workspace.name}. Thank you.`)}</p>
        <p class="muted">${msg('You can close this page. Your answers are no longer on this phone.')}</p>
        <button class="btn" @click=${this.startOver}>${msg('Someone else answers on this device')}</button>`
    }
    if (sending.state === 'gone') {
      return html`${header}<p class="error" role="alert">${msg('This link no longer works. Ask the team for the current one.')}</p>`
    }
    if (sending.state === 'conflict') {
      return html`${header}
        <p class="notice" role="alert">
          ${msg('Your first answers had already reached the team. The changes you made after that were not stored.')}
        </p>
        <button class="btn" @click=${this.startOver}>${msg('Start a new questionnaire')}</button>`
    }
    const draft = this.draft
    if (!draft) return header
    return html`${header}
      ${sending.state === 'failed'
        ? html`<div class="error" role="alert">
            <p>${msg('Your answers have not been sent yet.')} ${sending.detail}</p>
            <p>${msg('They are kept on this phone. Try again when you have a connection.')}</p>
            <button class="btn primary" @click=${() => this.send(this.lastAnswers ?? {})}>${msg('Try again')}</button>
          </div>`
        : nothing}
      <sw-questionnaire
        .items=${items}
        .draft=${draft}
        .groups=${view.workspace.groups}
        .intro=${msg('Answer each question the way it is for you now. There are no right or wrong answers, and you may skip a question. No name is asked: the team sees the answers without names, together with those of your colleagues.')}
        ?sending=${sending.state === 'sending'}
        @draft-change=${this.onChange}
        @questionnaire-submit=${this.onSubmit}
      ></sw-questionnaire>`
  }

  /** Whether answers were sent while this page was open (then the thanks stay, even if the round closes). */
  private sentHere = false

  /** The answers of the last attempt, for "try again". */
  private lastAnswers?: Readonly<Record<string, number | null>>

  private onChange(e: DraftChangeEvent) {
    if (!this.token || !this.draft) return
    this.draft = { ...this.draft, ...e.change }
    drafts.save(this.token, this.draft)
  }

  private onSubmit(e: QuestionnaireSubmitEvent) {
    this.lastAnswers = e.answers
    void this.send(e.answers)
  }

  private async send(answers: Readonly<Record<string, number | null>>) {
    const token = this.token
    const draft = this.draft
    if (!token || !draft || this.sending.state === 'sending') return
    this.sending = { state: 'sending' }
    try {
      await parseResponse(
        api.respond[':token'].$post({
          param: { token },
          json: {
            submissionId: draft.submissionId,
            role: draft.role,
            ...(draft.group ? { group: draft.group } : {}),
            answers: { ...answers },
          },
        })
      )
      drafts.markSent(token)
      this.draft = undefined
      this.sentHere = true
      this.sending = { state: 'sent' }
    } catch (error) {
      const status = statusOf(error)
      this.sending =
        status === 410
          ? { state: 'closed' }
          : status === 404
            ? { state: 'gone' }
            : status === 409
              ? { state: 'conflict' }
              : {
                  state: 'failed',
                  detail: status === null ? msg('The connection failed.') : errorOf(error).message,
                }
    }
    await this.updateComplete
    const target = this.renderRoot.querySelector<HTMLElement>('[role=status], [role=alert]')
    target?.setAttribute('tabindex', '-1')
    target?.focus()
  }

  private startOver() {
    if (!this.token) return
    this.draft = drafts.startOver(this.token)
    this.sending = { state: 'idle' }
    this.lastAnswers = undefined
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-respond': PageRespond
  }
}
