/**
 * @module <sw-page-rating-expert>: an expert's ballot, made for a phone first. Each link shows
 * the determinant's definition, the strategy's description and school example and the
 * knowledge base's current evidence; relevance (and feasibility, when asked) is a labelled 1–9
 * radio group; a comment is optional. Every answer is saved on the server as it is given, so the
 * expert can stop and come back. From round 2 each link shows the panel's previous median and
 * spread, the expert's own previous answer and the panel's comments without names.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Question } from '../../server/domain/expert-rating.ts'
import { errorOf } from '../api.ts'
import { linkedPageStates } from '../components/linked-page.ts'
import { evidenceLabel, strengthText } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { expertApi, NoStudyLinkError, type Ballot } from '../rating/rating-api.ts'
import { ratingCredentials } from '../rating/rating-credentials.ts'
import { page, shared } from '../styles/shared.ts'
import { ChangeController } from '../workspace/session.ts'

type Link = Ballot['links'][number]
type Own = { relevance: number | null; feasibility: number | null; comment: string | null }
type SaveState = { state: 'saving' | 'saved' | 'failed'; message?: string }

const key = (l: { determinant: { number: number }; strategy: { id: string } }) => `${l.determinant.number}|${l.strategy.id}`
const number = (x: number | null | undefined) => (x === null || x === undefined ? '–' : new Intl.NumberFormat(currentLang(), { maximumFractionDigits: 2 }).format(x))
const RATINGS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const

@customElement('sw-page-rating-expert')
@localized()
export class PageRatingExpert extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      :host {
        max-width: 46rem;
      }
      article.link {
        border: 1px solid var(--sw-line);
        border-radius: 10px;
        padding: 1rem;
        margin: 1rem 0;
        background: var(--sw-surface, #fff);
      }
      article.link h2 {
        font-size: 1.15rem;
        margin: 0 0 0.5rem;
      }
      dl {
        margin: 0;
        display: grid;
        gap: 0.35rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0 0 0.4rem;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 1rem 0 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.35rem;
      }
      .scale {
        display: grid;
        grid-template-columns: repeat(9, minmax(0, 1fr));
        gap: 0.25rem;
      }
      .scale label {
        display: grid;
        place-items: center;
        min-height: 44px;
        border: 1px solid #8a94a6;
        border-radius: 6px;
        cursor: pointer;
        font-weight: 600;
        position: relative;
      }
      .scale input {
        position: absolute;
        opacity: 0;
        inset: 0;
        margin: 0;
        cursor: pointer;
      }
      .scale label:has(input:checked) {
        background: var(--sw-accent, #1d4ed8);
        border-color: var(--sw-accent, #1d4ed8);
        color: #fff;
      }
      .scale label:has(input:focus-visible) {
        outline: 3px solid var(--sw-focus, #f59e0b);
        outline-offset: 2px;
      }
      .ends {
        display: flex;
        justify-content: space-between;
        color: var(--sw-muted);
        font-size: 0.9rem;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        min-height: 4.5rem;
        font: inherit;
      }
      .previous {
        background: var(--sw-bg);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
        margin-top: 0.75rem;
      }
      .status {
        min-height: 1.4em;
        color: var(--sw-muted);
      }
      .status.failed {
        color: var(--sw-negative);
        font-weight: 600;
      }
      progress {
        width: 100%;
        height: 0.75rem;
      }
    `,
  ]

  /** The study's id, from the address. */
  @property() studyId = ''

  /** Answers as given on this page: what the server has, plus what is being saved. */
  @state() private answers = new Map<string, Own>()
  @state() private saving = new Map<string, SaveState>()

  /** The token the answers on this page belong to: another expert's link on this device starts afresh. */
  private token: string | null = null

  private readonly data = new Task(this, {
    task: async ([id, lang, token]) => {
      if (token !== this.token) {
        this.token = token
        this.answers = new Map()
        this.saving = new Map()
      }
      const ballot = await expertApi(id).ballot(lang)
      // What this page holds wins over what the server sent: an answer never goes back.
      const answers = new Map(this.answers)
      for (const l of ballot.links) if (l.answer && !answers.has(key(l))) answers.set(key(l), l.answer)
      this.answers = answers
      return ballot
    },
    args: () => [this.studyId, currentLang(), ratingCredentials.token('expert', this.studyId)] as const,
  })

  constructor() {
    super()
    // A link opened in another tab changes the credentials: render again.
    new ChangeController(this, ratingCredentials)
  }

  override render() {
    return this.data.render({
      ...linkedPageStates({
        heading: msg('Expert rating'),
        noLink: (error) => error instanceof NoStudyLinkError,
        noLinkText: msg('This device has no expert link for this study. Open the personal link you were sent (it ends in #swe_…).'),
        failed: msg('The study could not be loaded.'),
      }),
      complete: (ballot) => this.renderBallot(ballot),
    })
  }

  private renderBallot(ballot: Ballot) {
    const rated = ballot.links.filter((l) => this.answers.get(key(l))?.relevance != null).length
    const open = ballot.study.status === 'open'
    return html`
      <h1>${ballot.study.name}</h1>
      <p class="lead">
        ${open
          ? msg(str`Round ${ballot.study.round} of ${ballot.study.rounds}. Rate how relevant each strategy is for the determinant: 1 not relevant at all, 9 highly relevant. Every answer is saved at once; you can stop and come back with your link.`)
          : msg('This study is closed. Thank you for your ratings; they are kept.')}
      </p>
      <p>${msg(str`You take part as ${ballot.expert}. Your name is never shown with your ratings.`)}</p>
      <div role="group" aria-label=${msg('Progress')}>
        <progress max=${ballot.links.length} value=${rated} aria-label=${msg(str`${rated} of ${ballot.links.length} links rated`)}></progress>
        <p class="hint">${msg(str`${rated} of ${ballot.links.length} links rated`)}</p>
      </div>
      ${ballot.links.map((l, i) => this.renderLink(l, i, ballot, open))}
    `
  }

  private renderLink(l: Link, i: number, ballot: Ballot, open: boolean) {
    const k = key(l)
    const own = this.answers.get(k) ?? { relevance: null, feasibility: null, comment: null }
    const saving = this.saving.get(k)
    const id = `l${i}`
    return html`
      <article class="link" aria-labelledby="${id}-title">
        <h2 id="${id}-title">${msg(str`${i + 1}. ${l.strategy.name} for ${l.determinant.name}`)}</h2>
        <dl>
          <dt>${msg(str`Determinant: ${l.determinant.name}`)}</dt>
          <dd>${l.determinant.definition}</dd>
          <dt>${msg(str`Strategy: ${l.strategy.name}`)}</dt>
          <dd>${l.strategy.description}</dd>
          <dt>${msg('Example in a school')}</dt>
          <dd>${l.strategy.example}</dd>
          <dt>${msg('Current evidence')}</dt>
          <dd>
            ${l.evidence.length === 0
              ? msg('Not linked in the knowledge base yet.')
              : html`<ul style="margin:0;padding-left:1.1rem">
                  ${l.evidence.map((e) => html`<li>${e.source}: ${strengthText(e.strength, e.basis)} (${evidenceLabel(e.tier, '')})</li>`)}
                </ul>`}
          </dd>
        </dl>
        ${l.previous ? this.renderPrevious(l.previous, ballot.study.questions) : nothing}
        ${this.renderScale(id, 'relevance', own.relevance, l, open)}
        ${ballot.study.questions.includes('feasibility') ? this.renderScale(id, 'feasibility', own.feasibility, l, open) : nothing}
        <div style="margin-top:0.75rem">
          <label for="${id}-comment">${msg('Comment (optional; shown to the panel without your name)')}</label>
          <textarea id="${id}-comment" maxlength="2000" .value=${own.comment ?? ''} ?disabled=${!open}
            @change=${(e: Event) => this.save(l, { comment: (e.target as HTMLTextAreaElement).value || null })}></textarea>
        </div>
        <p class="status ${saving?.state === 'failed' ? 'failed' : ''}" role="status">
          ${saving?.state === 'saving' ? msg('Saving…') : saving?.state === 'saved' ? msg('Saved') : saving?.state === 'failed' ? msg(str`Not saved: ${saving.message ?? ''}`) : nothing}
          ${saving?.state === 'failed' ? html`<button class="btn" type="button" @click=${() => this.save(l, {})}>${msg('Try again')}</button>` : nothing}
        </p>
      </article>
    `
  }

  private renderScale(id: string, question: Question, value: number | null, l: Link, open: boolean) {
    const [legend, low, middle, high, lowest, highest] =
      question === 'relevance'
        ? [msg('Relevance of this strategy for this determinant'), msg('not relevant'), msg('uncertain'), msg('relevant'), msg('1, not relevant at all'), msg('9, highly relevant')]
        : [msg('Feasibility in Dutch schools'), msg('not feasible'), msg('uncertain'), msg('feasible'), msg('1, not feasible at all'), msg('9, highly feasible')]
    return html`
      <fieldset>
        <legend id="${id}-${question}">${legend}</legend>
        <div class="scale">
          ${RATINGS.map(
            (r) => html`<label>
              <input type="radio" name="${id}-${question}" value=${r} .checked=${value === r} ?disabled=${!open}
                aria-label=${r === 1 ? lowest : r === 9 ? highest : String(r)}
                @change=${() => this.save(l, { [question]: r })} />${r}
            </label>`
          )}
        </div>
        <div class="ends" aria-hidden="true"><span>${low}</span><span>${middle}</span><span>${high}</span></div>
      </fieldset>
    `
  }

  private renderPrevious(p: NonNullable<Link['previous']>, questions: readonly Question[]) {
    const own = p.own
    return html`<div class="previous">
      <strong>${msg(str`Round ${p.round}: the panel`)}</strong>
      <p style="margin:0.25rem 0">
        ${msg(str`Relevance: median ${number(p.relevance.median)}, middle half ${number(p.relevance.p25)}–${number(p.relevance.p75)}, ${p.relevance.n} experts.`)}
        ${own?.relevance != null ? msg(str`Your answer: ${own.relevance}.`) : msg('You did not rate it.')}
      </p>
      ${questions.includes('feasibility') && p.feasibility
        ? html`<p style="margin:0.25rem 0">
            ${msg(str`Feasibility: median ${number(p.feasibility.median)}, middle half ${number(p.feasibility.p25)}–${number(p.feasibility.p75)}.`)}
            ${own?.feasibility != null ? msg(str`Your answer: ${own.feasibility}.`) : nothing}
          </p>`
        : nothing}
      ${p.comments.length > 0
        ? html`<p style="margin:0.25rem 0 0">${msg('Comments (anonymous):')}</p>
            <ul style="margin:0;padding-left:1.1rem">${p.comments.map((c) => html`<li>${c}</li>`)}</ul>`
        : nothing}
    </div>`
  }

  /** Keeps the change on the page at once, then saves the whole answer; a failure keeps it and offers a retry. */
  private async save(l: Link, change: Partial<Own>) {
    const k = key(l)
    const own = { ...(this.answers.get(k) ?? { relevance: null, feasibility: null, comment: null }), ...change }
    this.answers = new Map(this.answers).set(k, own)
    this.saving = new Map(this.saving).set(k, { state: 'saving' })
    try {
      if (this.token !== ratingCredentials.token('expert', this.studyId)) throw new Error(msg('Another expert link was opened on this device; reload the page.'))
      await expertApi(this.studyId).save({
        determinant: l.determinant.number,
        strategy: l.strategy.id,
        relevance: own.relevance,
        ...(this.data.value?.study.questions.includes('feasibility') ? { feasibility: own.feasibility } : {}),
        comment: own.comment,
      })
      this.saving = new Map(this.saving).set(k, { state: 'saved' })
    } catch (error) {
      this.saving = new Map(this.saving).set(k, { state: 'failed', message: errorOf(error).message })
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-rating-expert': PageRatingExpert
  }
}
