/**
 * @module <sw-page-questionnaire>: one respondent at a time answers the MIDI items, grouped by
 * the four determinant groups, with a progress bar and a summary before submitting. Answers
 * are kept in the browser as they are given, so a refresh loses nothing.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { GROUPS, type Group, type Respondent } from '../../server/domain/vocabulary.ts'
import type { ItemOut } from '../../server/schemas/api.ts'
import { api, errorOf, parseResponse } from '../api.ts'
import '../components/likert-item.ts'
import type { AnswerChangeEvent } from '../events.ts'
import { answeredOf, groupHint, groupLabel } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { newId, type Draft } from '../state/app-state.ts'
import { store, StoreController } from '../state/store.ts'
import { page, shared } from '../styles/shared.ts'

const newDraft = (): Draft => ({ label: '', role: 'user', alsoUser: false, answers: {}, step: 0 })

/** The items a respondent in this role sees, in questionnaire order. */
export function visibleItems(items: readonly ItemOut[], draft: Pick<Draft, 'role' | 'alsoUser'>): ItemOut[] {
  return items.filter((i) => i.respondent === draft.role || (draft.role === 'key-informant' && draft.alsoUser))
}

@customElement('sw-page-questionnaire')
@localized()
export class PageQuestionnaire extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      .progress {
        position: sticky;
        top: 0;
        z-index: 2;
        background: var(--sw-bg);
        padding: 0.6rem 0;
        margin-bottom: 0.5rem;
      }
      .progress-row {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        font-size: 0.95rem;
      }
      progress {
        width: 100%;
        height: 0.8rem;
        accent-color: var(--sw-primary);
      }
      .roles {
        display: grid;
        gap: 0.6rem;
        margin: 0.5rem 0 1rem;
      }
      .role {
        display: flex;
        gap: 0.7rem;
        align-items: flex-start;
        padding: 0.75rem 1rem;
        border: 1px solid var(--sw-line);
        border-radius: 8px;
        background: #fff;
      }
      .role input {
        margin-top: 0.35rem;
        width: 1.1rem;
        height: 1.1rem;
      }
      .role span {
        font-weight: 400;
        display: block;
        color: var(--sw-muted);
      }
      .field {
        display: grid;
        gap: 0.3rem;
        margin-bottom: 1rem;
        max-width: 28rem;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: 500;
      }
      .check input {
        width: 1.1rem;
        height: 1.1rem;
      }
      .nav {
        display: flex;
        justify-content: space-between;
        flex-wrap: wrap;
        gap: 0.6rem;
        margin-top: 1.5rem;
      }
      .summary h3 {
        margin-top: 1.25rem;
      }
      .summary dl {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 1.4fr);
        gap: 0.35rem 1rem;
        margin: 0;
      }
      .summary dt {
        font-weight: 400;
      }
      .summary dd {
        margin: 0;
        font-weight: 600;
      }
      .summary dd.skipped {
        color: var(--sw-muted);
        font-weight: 400;
        font-style: italic;
      }
      @media (max-width: 560px) {
        .summary dl {
          grid-template-columns: 1fr;
        }
        .summary dd {
          margin-bottom: 0.5rem;
        }
      }
    `,
  ]

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

  private patch(change: Partial<Draft>) {
    store.update((s) => ({ draft: { ...(s.draft ?? newDraft()), ...change } }))
  }

  override render() {
    if (this.submitted !== undefined) return this.renderSubmitted()
    return html`
      <h1>${msg('Questionnaire')}</h1>
      ${this.items.render({
        pending: () => html`<p class="muted">${msg('Loading the questions…')}</p>`,
        error: (e) => html`<p class="error" role="alert">${msg('The questions could not be loaded.')} ${errorOf(e).message}</p>`,
        complete: (items) => this.renderStep(items),
      })}
    `
  }

  private steps(items: readonly ItemOut[]): Group[] {
    const visible = visibleItems(items, this.draft)
    return GROUPS.filter((g) => visible.some((i) => i.group === g))
  }

  private renderStep(items: readonly ItemOut[]) {
    const draft = this.draft
    const steps = this.steps(items)
    const step = Math.min(draft.step, steps.length + 1)
    const visible = visibleItems(items, draft)
    const answered = visible.filter((i) => draft.answers[i.id] !== undefined && draft.answers[i.id] !== null).length
    return html`
      ${step > 0
        ? html`<div class="progress">
            <div class="progress-row">
              <span>${step <= steps.length ? msg(str`Part ${step} of ${steps.length}`) : msg('Summary')}</span>
              <span id="progress-label">${answeredOf(answered, visible.length)}</span>
            </div>
            <progress max=${visible.length} .value=${answered} aria-labelledby="progress-label"></progress>
          </div>`
        : nothing}
      ${step === 0
        ? this.renderWho()
        : step <= steps.length
          ? this.renderGroup(items, steps[step - 1] as Group, step, steps.length)
          : this.renderSummary(items, steps)}
    `
  }

  private renderWho() {
    const draft = this.draft
    const role = (r: Respondent, title: string, hint: string) => html`<label class="role">
      <input type="radio" name="role" .checked=${draft.role === r} @change=${() => this.patch({ role: r })} />
      <div>${title}<span>${hint}</span></div>
    </label>`
    return html`
      <p class="lead">
        ${msg(
          'Answer each question the way it is for you now. There are no right or wrong answers, and you may skip a question. Your answers are combined with your colleagues’ into the team results.'
        )}
      </p>
      <div class="card">
        <div class="field">
          <label for="label">${msg('Your name or role (optional)')}</label>
          <input
            id="label"
            type="text"
            autocomplete="off"
            .value=${draft.label}
            placeholder=${msg('e.g. Mentor year 3')}
            @input=${(e: Event) => this.patch({ label: (e.target as HTMLInputElement).value })}
          />
        </div>
        <fieldset>
          <legend>${msg('I answer as')}</legend>
          <div class="roles">
            ${role(
              'user',
              msg('Someone who delivers the approach'),
              msg('Teacher, mentor, study-career coach, care staff. You answer about the approach and about yourself.')
            )}
            ${role(
              'key-informant',
              msg('Key informant for the school'),
              msg('Team leader, manager or coordinator. You answer about what the school has arranged.')
            )}
          </div>
        </fieldset>
        ${draft.role === 'key-informant'
          ? html`<label class="check">
              <input type="checkbox" .checked=${draft.alsoUser} @change=${(e: Event) => this.patch({ alsoUser: (e.target as HTMLInputElement).checked })} />
              ${msg('I also deliver the approach myself: show me those questions too')}
            </label>`
          : nothing}
      </div>
      <div class="nav">
        <span></span>
        <button class="btn primary" @click=${() => this.go(1)}>${msg('Start')}</button>
      </div>
    `
  }

  private renderGroup(items: readonly ItemOut[], group: Group, step: number, total: number) {
    const visible = visibleItems(items, this.draft)
    const inGroup = visible.filter((i) => i.group === group)
    return html`
      <section aria-labelledby="group-title">
        <h2 id="group-title">${groupLabel(group)}</h2>
        <p class="muted">${groupHint(group)}</p>
        <div @answer-change=${this.onAnswer}>
          ${inGroup.map(
            (item) => html`<sw-likert-item
              .item=${item}
              .number=${visible.indexOf(item) + 1}
              .value=${this.draft.answers[item.id] ?? null}
            ></sw-likert-item>`
          )}
        </div>
      </section>
      <div class="nav">
        <button class="btn" @click=${() => this.go(step - 1)}>${msg('Previous')}</button>
        <button class="btn primary" @click=${() => this.go(step + 1)}>
          ${step < total ? msg('Next part') : msg('To the summary')}
        </button>
      </div>
    `
  }

  private renderSummary(items: readonly ItemOut[], steps: readonly Group[]) {
    const draft = this.draft
    const visible = visibleItems(items, draft)
    const answered = visible.filter((i) => draft.answers[i.id] != null).length
    return html`
      <section class="summary" aria-labelledby="summary-title">
        <h2 id="summary-title">${msg('Check your answers')}</h2>
        <p>
          ${msg(str`You answered ${answered} of ${visible.length} questions.`)}
          ${answered < visible.length ? msg('Skipped questions are left out of the results; they do not count as neutral.') : nothing}
        </p>
        ${steps.map((group, index) => {
          const inGroup = visible.filter((i) => i.group === group)
          return html`
            <h3>${groupLabel(group)}</h3>
            <dl>
              ${inGroup.map((item) => {
                const value = draft.answers[item.id]
                const option = item.options.find((o) => o.value === value)
                return html`<dt>${visible.indexOf(item) + 1}. ${item.text}</dt>
                  <dd class=${option ? '' : 'skipped'}>${option ? option.label : msg('skipped')}</dd>`
              })}
            </dl>
            <button class="btn small quiet" @click=${() => this.go(index + 1)}>
              ${msg('Change')}<span class="visually-hidden"> ${groupLabel(group)}</span>
            </button>
          `
        })}
      </section>
      <div class="nav">
        <button class="btn" @click=${() => this.go(steps.length)}>${msg('Previous')}</button>
        <button class="btn primary" ?disabled=${answered === 0} @click=${() => this.submit(visible)}>
          ${msg('Submit answers')}
        </button>
      </div>
    `
  }

  private renderSubmitted() {
    const count = this.store.state.team.length
    return html`
      <h1>${msg('Thank you')}</h1>
      <p class="notice" role="status">
        ${msg(str`The answers of ${this.submitted} were added. The team now has ${count} respondents.`)}
      </p>
      <div class="actions">
        <button class="btn primary" @click=${this.nextRespondent}>${msg('Next respondent')}</button>
        <a class="btn" href="/team">${msg('See the team results')}</a>
      </div>
    `
  }

  private onAnswer(e: AnswerChangeEvent) {
    this.patch({ answers: { ...this.draft.answers, [e.item]: e.value } })
  }

  private go(step: number) {
    this.patch({ step: Math.max(0, step) })
    void this.focusHeading()
  }

  /** Moves focus to the heading of what is shown now: a part's name, or the page title. */
  private async focusHeading() {
    await this.updateComplete
    const heading = this.renderRoot.querySelector<HTMLElement>('section h2') ?? this.renderRoot.querySelector<HTMLElement>('h1')
    heading?.setAttribute('tabindex', '-1')
    heading?.focus()
    window.scrollTo(0, 0)
  }

  private submit(visible: readonly ItemOut[]) {
    const draft = this.draft
    const label = draft.label.trim() || msg(str`Respondent ${this.store.state.team.length + 1}`)
    const answers = Object.fromEntries(visible.map((i) => [i.id, draft.answers[i.id] ?? null]))
    store.update((s) => ({
      team: [...s.team, { id: newId(), label, role: draft.role, answers }],
      draft: null,
      basis: 'team',
    }))
    this.submitted = label
    void this.focusHeading()
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
