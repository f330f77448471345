/**
 * @module <sw-page-questionnaire>: a team answering one after another on this device, each
 * with the questionnaire of <sw-questionnaire>. Answers are kept in the browser as they are
 * given, so a refresh loses nothing.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, html } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { api, errorOf, parseResponse } from '../api.ts'
import '../components/questionnaire.ts'
import type { DraftChangeEvent, QuestionnaireSubmitEvent } from '../events.ts'
import { currentLang } from '../localization.ts'
import { newId, type Draft } from '../state/app-state.ts'
import { store, StoreController } from '../state/store.ts'
import { page, shared } from '../styles/shared.ts'
import { respondentsText } from '../labels.ts'

const newDraft = (): Draft => ({ label: '', role: 'user', alsoUser: false, answers: {}, step: 0 })

@customElement('sw-page-questionnaire')
@localized()
export class PageQuestionnaire extends LitElement {
  static override styles = [shared, page]

  private readonly store = new StoreController(this)
  /** Shown after submitting: who was just added. */
  @state() private submitted?: string

  private readonly items = new Task(this, {
    task: async ([lang]) => (await parseResponse(api.questionnaire.$get({ query: { lang } }))).items,
    args: () => [currentLang()] as const,
  })

  private get draft(): Draft {
    return this.store.state.draft ?? newDraft()
  }

  override render() {
    if (this.submitted !== undefined) return this.renderSubmitted()
    return html`
      <h1>${msg('Questionnaire')}</h1>
      ${this.items.render({
        pending: () => html`<p class="muted">${msg('Loading the questions…')}</p>`,
        error: (e) => html`<p class="error" role="alert">${msg('The questions could not be loaded.')} ${errorOf(e).message}</p>`,
        complete: (items) => html`<sw-questionnaire
          .items=${items}
          .draft=${this.draft}
          askName
          .intro=${msg(
            'Answer each question the way it is for you now. There are no right or wrong answers, and you may skip a question. Your answers are combined with your colleagues’ into the team results.'
          )}
          @draft-change=${this.onChange}
          @questionnaire-submit=${this.onSubmit}
        ></sw-questionnaire>`,
      })}
    `
  }

  private renderSubmitted() {
    const count = this.store.state.team.length
    return html`
      <h1>${msg('Thank you')}</h1>
      <p class="notice" role="status">
        ${msg(str`The answers of ${this.submitted} were added. The team now has ${respondentsText(count)}.`)}
      </p>
      <div class="actions">
        <button class="btn primary" @click=${this.nextRespondent}>${msg('Next respondent')}</button>
        <a class="btn" href="/team">${msg('See the team results')}</a>
      </div>
    `
  }

  private onChange(e: DraftChangeEvent) {
    // A team on one device is asked no group: the change holds only the fields of its draft.
    const { label, role, alsoUser, answers, step } = { ...this.draft, ...e.change }
    store.update(() => ({ draft: { label: label ?? '', role, alsoUser, answers: { ...answers }, step } }))
  }

  private onSubmit(e: QuestionnaireSubmitEvent) {
    const draft = this.draft
    const label = draft.label.trim() || msg(str`Respondent ${this.store.state.team.length + 1}`)
    store.update((s) => ({
      team: [...s.team, { id: newId(), label, role: draft.role, answers: { ...e.answers } }],
      draft: null,
      basis: 'team',
    }))
    this.submitted = label
    void this.focusHeading()
  }

  private async focusHeading() {
    await this.updateComplete
    const heading = this.renderRoot.querySelector<HTMLElement>('h1')
    heading?.setAttribute('tabindex', '-1')
    heading?.focus()
    window.scrollTo(0, 0)
  }

  private nextRespondent() {
    this.submitted = undefined
    store.update(() => ({ draft: newDraft() }))
    window.scrollTo(0, 0)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-questionnaire': PageQuestionnaire
  }
}
