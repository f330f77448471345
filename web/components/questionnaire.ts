/**
 * @module <sw-questionnaire>: the MIDI questionnaire for one respondent — who answers, then the
 * items part by part (the four determinant groups) with a progress bar, then a summary to check
 * before submitting. It holds no state of its own: the draft comes in, every change goes out as
 * an event, so the same questionnaire serves a team on one device and a respondent on a phone.
 *
 * @fires draft-change - {@link DraftChangeEvent} for every answer, choice and step.
 * @fires questionnaire-submit - {@link QuestionnaireSubmitEvent} with the answers to submit.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { GROUPS, type Group, type Respondent } from '../../server/domain/vocabulary.ts'
import type { ItemOut } from '../../server/schemas/api.ts'
import { DraftChangeEvent, QuestionnaireSubmitEvent, type AnswerChangeEvent } from '../events.ts'
import { answeredOf, groupHint, groupLabel } from '../labels.ts'
import { shared } from '../styles/shared.ts'
import './likert-item.ts'

/** One respondent's questionnaire in progress. */
export type QuestionnaireDraft = {
  /** A name or role, when the questionnaire asks for one (on a shared device). */
  readonly label?: string
  /** The respondent's group, when the workspace offers groups. */
  readonly group?: string
  readonly role: Respondent
  /** A key informant who also delivers the approach answers the user items too. */
  readonly alsoUser: boolean
  readonly answers: Readonly<Record<string, number | null>>
  /** The step shown: 0 = who answers, 1… = groups, last = summary. */
  readonly step: number
}

/** The items a respondent in this role sees, in questionnaire order. */
export function visibleItems(items: readonly ItemOut[], draft: Pick<QuestionnaireDraft, 'role' | 'alsoUser'>): ItemOut[] {
  return items.filter((i) => i.respondent === draft.role || (draft.role === 'key-informant' && draft.alsoUser))
}

@customElement('sw-questionnaire')
@localized()
export class Questionnaire extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
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
      .lead {
        font-size: 1.1rem;
        color: var(--sw-muted);
        max-width: 60ch;
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
      h2:focus {
        outline: none;
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

  /** The questionnaire's items in the interface language. */
  @property({ attribute: false }) items: readonly ItemOut[] = []
  /** The draft being filled in. */
  @property({ attribute: false }) draft: QuestionnaireDraft = { role: 'user', alsoUser: false, answers: {}, step: 0 }
  /** Ask for a name or role (a team answering one after another on one device). */
  @property({ type: Boolean }) askName = false
  /** The groups a respondent may choose from; none: the question is not asked. */
  @property({ attribute: false }) groups: readonly string[] = []
  /** The text above the first step. */
  @property() intro = ''
  /** Disables submitting while the answers are on their way. */
  @property({ type: Boolean }) sending = false

  override render() {
    const draft = this.draft
    const steps = this.steps()
    const step = Math.min(draft.step, steps.length + 1)
    const visible = visibleItems(this.items, draft)
    const answered = visible.filter((i) => draft.answers[i.id] != null).length
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
          ? this.renderGroup(steps[step - 1] as Group, step, steps.length)
          : this.renderSummary(steps)}
    `
  }

  private steps(): Group[] {
    const visible = visibleItems(this.items, this.draft)
    return GROUPS.filter((g) => visible.some((i) => i.group === g))
  }

  private renderWho() {
    const draft = this.draft
    const role = (r: Respondent, title: string, hint: string) => html`<label class="role">
      <input type="radio" name="role" .checked=${draft.role === r} @change=${() => this.patch({ role: r })} />
      <div>${title}<span>${hint}</span></div>
    </label>`
    return html`
      ${this.intro ? html`<p class="lead">${this.intro}</p>` : nothing}
      <p class="muted caveat">
        ${msg('These questions are our own wording of the MIDI determinants; they have not yet been checked against the MIDI manual.')}
      </p>
      <div class="card">
        ${this.askName
          ? html`<div class="field">
              <label for="label">${msg('Your name or role (optional)')}</label>
              <input
                id="label"
                type="text"
                autocomplete="off"
                .value=${draft.label ?? ''}
                placeholder=${msg('e.g. Mentor year 3')}
                @input=${(e: Event) => this.patch({ label: (e.target as HTMLInputElement).value })}
              />
            </div>`
          : nothing}
        ${this.groups.length > 0
          ? html`<div class="field">
              <label for="group">${msg('Your group (optional)')}</label>
              <select id="group" @change=${(e: Event) => this.patch({ group: (e.target as HTMLSelectElement).value })}>
                <option value="" ?selected=${!draft.group}>${msg('Rather not say')}</option>
                ${this.groups.map((g) => html`<option value=${g} ?selected=${draft.group === g}>${g}</option>`)}
              </select>
            </div>`
          : nothing}
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

  private renderGroup(group: Group, step: number, total: number) {
    const visible = visibleItems(this.items, this.draft)
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

  private renderSummary(steps: readonly Group[]) {
    const draft = this.draft
    const visible = visibleItems(this.items, draft)
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
        <button class="btn primary" ?disabled=${answered === 0 || this.sending} @click=${() => this.submit(visible)}>
          ${this.sending ? msg('Sending…') : msg('Submit answers')}
        </button>
      </div>
    `
  }

  private patch(change: Partial<QuestionnaireDraft>) {
    this.dispatchEvent(new DraftChangeEvent(change))
  }

  private onAnswer(e: AnswerChangeEvent) {
    e.stopPropagation()
    this.patch({ answers: { ...this.draft.answers, [e.item]: e.value } })
  }

  private go(step: number) {
    this.moved = true
    this.patch({ step: Math.max(0, step) })
  }

  /** Set when the respondent moves to another step, until the new step is drawn. */
  private moved = false

  override updated(changed: Map<string, unknown>) {
    const before = changed.get('draft') as QuestionnaireDraft | undefined
    if (this.moved && before && before.step !== this.draft.step) {
      this.moved = false
      this.focusHeading()
    }
  }

  /** After a step: focus the new part's heading (or the first control), at the top. */
  private focusHeading() {
    const heading = this.renderRoot.querySelector<HTMLElement>('section h2')
    if (heading) {
      heading.setAttribute('tabindex', '-1')
      heading.focus()
    } else this.renderRoot.querySelector<HTMLElement>('input, select')?.focus()
    window.scrollTo(0, 0)
  }

  private submit(visible: readonly ItemOut[]) {
    const answers = Object.fromEntries(visible.map((i) => [i.id, this.draft.answers[i.id] ?? null]))
    this.dispatchEvent(new QuestionnaireSubmitEvent(answers))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-questionnaire': Questionnaire
  }
}
