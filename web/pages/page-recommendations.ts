/**
 * @module <sw-page-recommendations>: the strategies for the team's barriers, ranked or as a
 * covering bundle, filtered to the team's plan and, if the team wants, to published sources,
 * each with its reasons and the weight of its evidence; how the order is made, what a bundle
 * covers and only weakly covers, and the barriers no strategy addresses are said plainly.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement } from 'lit/decorators.js'
import type { Weighting } from '../../server/domain/ranking.ts'
import { ACTORS, EFFORTS, PHASES, type Actor, type Effort, type Phase } from '../../server/domain/vocabulary.ts'
import type { RecommendationsResponse } from '../../server/schemas/api.ts'
import { api, errorOf, parseResponse } from '../api.ts'
import { referenceData, strategyCatalogue, withCatalogueFields } from '../catalogue.ts'
import '../components/strategy-card.ts'
import { sourcesBody, type EvidenceTier } from '../evidence-tier.ts'
import type { StrategyActionEvent } from '../events.ts'
import { actorLabel, barriersText, effortLabel, nameList, phaseLabel, respondentsText, strategiesText } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { usesTeam, type Filters, type PlanEntry } from '../state/app-state.ts'
import type { RestoreEvent } from '../state/store.ts'
import { page, shared } from '../styles/shared.ts'
import { ActiveTeamData } from '../workspace/active-data.ts'
import { session } from '../workspace/session.ts'
import type { TeamState } from '../workspace/team-data.ts'
import { formatCount, plural } from '../format.ts'

/**
 * The filter part of the request body: the plan's phase, people and effort, mode, size and
 * weighting. The sources ("published sources only") are added where the source list is known.
 */
export function filtersBody(filters: Filters) {
  const plan = {
    ...(filters.phase ? { phase: filters.phase } : {}),
    ...(filters.actors.length > 0 ? { actors: filters.actors } : {}),
    ...(filters.maxEffort ? { maxEffort: filters.maxEffort } : {}),
    exclude: filters.exclude,
    inUse: filters.inUse,
  }
  return { plan, mode: filters.mode, limit: filters.limit, weighting: filters.weighting ?? 'severity' }
}

/**
 * "Most feasible first" (ranked mode): the order, and the team's own feasibility ratings from
 * its plan, which go before the published ones.
 */
export function orderBody(filters: Filters, plan: readonly Pick<PlanEntry, 'strategy' | 'feasibility'>[]) {
  if (filters.order !== 'feasibility' || filters.mode !== 'ranked') return {}
  const rated = plan.filter((e) => e.feasibility !== undefined).map((e) => [e.strategy, e.feasibility as number])
  return { order: 'feasibility' as const, ...(rated.length > 0 ? { feasibility: Object.fromEntries(rated) } : {}) }
}

/** Whether the plan narrows the strategies (phase, people, effort, or strategies set aside). */
export const planNarrows = (f: Filters): boolean =>
  f.phase !== undefined || f.actors.length > 0 || f.maxEffort !== undefined || f.exclude.length > 0 || f.inUse.length > 0

/** The weightings a team can choose, each with its name and one line on what it does. */
const weightingChoices = (): readonly { value: Weighting; label: string; hint: string }[] => [
  { value: 'severity', label: msg('By severity'), hint: msg('Barriers more people answered negatively count more.') },
  { value: 'equal', label: msg('Every barrier the same'), hint: msg('Each barrier counts equally, however many answered negatively.') },
  {
    value: 'cfir-eric',
    label: msg('As the CFIR–ERIC tool'),
    hint: msg('Adds up the link strengths over your barriers, like the CFIR–ERIC matching tool’s cumulative percentage; essential links do not come first.'),
  },
]

@customElement('sw-page-recommendations')
@localized()
export class PageRecommendations extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      .layout {
        display: grid;
        grid-template-columns: 17rem minmax(0, 1fr);
        gap: 1.5rem;
        align-items: start;
      }
      @media (max-width: 860px) {
        .layout {
          /* minmax(0, …): a long word or badge must not widen the column past the screen. */
          grid-template-columns: minmax(0, 1fr);
        }
      }
      /* Printed: the list itself, compact, without the filters and the buttons (the cards hide
         their own actions and closed reasons). */
      @media print {
        .layout {
          display: block;
        }
        aside,
        .basis a,
        .actions,
        .chips button {
          display: none;
        }
        .results {
          display: grid;
          gap: 0.5rem;
        }
      }
      form {
        display: grid;
        gap: 1rem;
        margin-top: 0.75rem;
      }
      .filters summary {
        cursor: pointer;
        list-style-position: outside;
        min-height: 44px;
        display: flex;
        align-items: center;
      }
      .filters summary h2 {
        font-size: 1.15rem;
        margin: 0;
      }
      .filters summary::-webkit-details-marker {
        display: none;
      }
      .filters summary::before {
        content: '▸';
        margin-right: 0.5rem;
        color: var(--sw-primary);
      }
      .filters[open] summary::before {
        content: '▾';
      }
      form label.row,
      .option {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: 500;
        min-height: 32px;
      }
      .option input {
        flex: none;
        width: 1.1rem;
        height: 1.1rem;
      }
      .field {
        display: grid;
        gap: 0.25rem;
      }
      select {
        width: 100%;
      }
      .results {
        display: grid;
        gap: 1rem;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        margin: 0.3rem 0 0;
        padding: 0;
        list-style: none;
      }
      .chips button {
        font: inherit;
        font-size: 0.85rem;
        border: 1px solid var(--sw-line);
        border-radius: 999px;
        background: #fff;
        padding: 0.2rem 0.6rem;
        min-height: 32px;
        cursor: pointer;
      }
      .basis {
        margin-bottom: 1rem;
      }
      .hint {
        margin: 0 0 0.35rem 1.6rem;
        font-size: 0.85rem;
        color: var(--sw-muted);
      }
      .summary {
        display: grid;
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .summary > p,
      .order > p {
        margin: 0;
      }
      .order details {
        margin-top: 0.25rem;
      }
      .order summary {
        cursor: pointer;
        color: var(--sw-primary-dark);
        font-weight: 600;
        min-height: 32px;
      }
      .order details p {
        margin: 0.35rem 0;
        max-width: 70ch;
      }
      dl.coverage {
        display: grid;
        gap: 0.35rem;
        margin: 0;
      }
      dl.coverage div {
        border-left: 4px solid var(--sw-line);
        padding-left: 0.6rem;
      }
      dl.coverage div.covered {
        border-color: var(--sw-positive);
      }
      dl.coverage div.weak {
        border-color: #b45309;
      }
      dl.coverage div.none {
        border-color: var(--sw-negative);
      }
      dl.coverage dt {
        font-weight: 600;
      }
      dl.coverage dd {
        margin: 0;
      }
      .notice ul {
        margin: 0.35rem 0 0;
        padding-left: 1.2rem;
      }
      .notice p {
        margin: 0.35rem 0 0;
      }
    `,
  ]

  private readonly team = new ActiveTeamData(this, (e) => void this.focusRestored(e))
  /** Open beside the results on wide screens; folded on phones so the strategies come first. */
  private readonly filtersOpen = !window.matchMedia('(max-width: 860px)').matches

  private readonly results = new Task(this, {
    // The filters are compared as text: a new object each render must not refetch.
    task: async ([, filtersText, publishedOnly, lang]) => {
      const barriers = await this.team.source.barrierInput(lang)
      if (!barriers) return undefined
      const loading = referenceData(lang)
      // Only "published sources only" needs the source list before asking.
      const published = publishedOnly ? (await loading).publishedSources : []
      const body = {
        ...barriers,
        ...(JSON.parse(filtersText) as ReturnType<typeof filtersBody> & ReturnType<typeof orderBody>),
        ...sourcesBody(publishedOnly, published),
      }
      // Compact: the strategies' own fields come from the catalogue, which the page needs anyway.
      const [compact, catalogue, reference] = await Promise.all([
        parseResponse(api.recommendations.$post({ query: { lang, view: 'compact' }, json: body })),
        strategyCatalogue(lang),
        loading,
      ])
      const recommendations =
        withCatalogueFields(compact, catalogue) ??
        withCatalogueFields(await parseResponse(api.recommendations.$post({ query: { lang }, json: body })), catalogue)
      // A full answer always completes; this only keeps the type honest.
      if (!recommendations) throw new Error('recommended strategies without their fields')
      return { recommendations, catalogue, sources: reference.sourceNames, tiers: reference.sourceTiers, publishedOnly }
    },
    args: () =>
      [
        this.team.source.barrierKey,
        JSON.stringify({ ...filtersBody(this.team.state.filters), ...orderBody(this.team.state.filters, this.team.state.plan) }),
        this.team.state.filters.publishedOnly === true,
        currentLang(),
      ] as const,
  })

  override render() {
    const state = this.team.state
    if (!this.team.source.ready) return html`<h1>${msg('Strategies for your barriers')}</h1><p class="muted" role="status">${msg('Loading the round…')}</p>`
    return html`
      <h1>${msg('Strategies for your barriers')}</h1>
      <p class="lead">
        ${msg('Each strategy is here because it addresses one or more of your barriers. Use the list as a prompt for your team’s discussion: you know your school best.')}
      </p>
      ${this.renderBasis(state)}
      <div class="layout">
        <aside aria-labelledby="filters-title">${this.renderFilters(state.filters)}</aside>
        <section aria-labelledby="results-title">
          <h2 id="results-title" class="visually-hidden">${msg('Results')}</h2>
          ${this.results.render({
            pending: () => html`<p class="muted" role="status">${msg('Looking for strategies…')}</p>`,
            error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
            complete: (r) =>
              r
                ? this.renderResults(r.recommendations, r)
                : html`<div class="notice">
                    <p>${msg('There are no barriers to work from yet.')}</p>
                    ${session.active && this.team.source.kind === 'round'
                      ? html`<a class="btn primary" href="/w/${session.active.workspaceId}">${msg('Respondent link and QR code')}</a>`
                      : html`<div class="actions">
                          <a class="btn primary" href="/questionnaire">${msg('Fill in the questionnaire')}</a>
                          <a class="btn" href="/barriers">${msg('Pick our barriers')}</a>
                        </div>`}
                  </div>`,
          })}
        </section>
      </div>
    `
  }

  private renderBasis(state: TeamState) {
    const active = session.active
    if (this.team.source.kind === 'round' && active) {
      return html`<p class="basis muted">
        ${msg(str`Based on the answers of ${respondentsText(this.team.source.respondentCount)} in ${active.roundLabel}.`)} <a href="/team">${msg('Team results')}</a>
      </p>`
    }
    const useTeam = usesTeam(state)
    return html`<p class="basis muted">
      ${useTeam
        ? html`${msg(str`Based on the answers of ${respondentsText(state.team.length)}.`)} <a href="/team">${msg('Team results')}</a> ·
            <a href="/barriers">${msg('Pick barriers by hand instead')}</a>`
        : state.chosen.length > 0
          ? html`${msg(str`Based on the barriers you picked (${formatCount(state.chosen.length)}).`)} <a href="/barriers">${msg('Change')}</a>`
          : nothing}
    </p>`
  }

  private renderFilters(f: Filters) {
    const set = (change: Partial<Filters>) => this.team.source.update((s) => ({ filters: { ...s.filters, ...change } }))
    return html`<details class="card filters" ?open=${this.filtersOpen}>
      <summary><h2 id="filters-title">${msg('Fit to your plan')}</h2></summary>
      <form @submit=${(e: Event) => e.preventDefault()}>
      <fieldset>
        <legend>${msg('Show')}</legend>
        <label class="option"><input type="radio" name="mode" .checked=${f.mode === 'ranked'} @change=${() => set({ mode: 'ranked' })} />${msg('Ranked list')}</label>
        <label class="option"><input type="radio" name="mode" .checked=${f.mode === 'bundle'} @change=${() => set({ mode: 'bundle' })} />${msg('Small bundle that covers most barriers')}</label>
      </fieldset>
      <div class="field">
        <label for="limit">${f.mode === 'bundle' ? msg('Bundle size') : msg('How many')}</label>
        <select id="limit" @change=${(e: Event) => set({ limit: Number((e.target as HTMLSelectElement).value) })}>
          ${[3, 5, 10, 20, 50].map((n) => html`<option value=${n} ?selected=${f.limit === n}>${n}</option>`)}
        </select>
      </div>
      ${f.mode === 'ranked'
        ? html`<fieldset>
            <legend>${msg('Order')}</legend>
            <label class="option"><input type="radio" name="order" .checked=${f.order !== 'feasibility'} @change=${() => set({ order: undefined })} />${msg('Best fit first')}</label>
            <label class="option"><input type="radio" name="order" aria-describedby="order-hint" .checked=${f.order === 'feasibility'} @change=${() => set({ order: 'feasibility' })} />${msg('Most feasible first')}</label>
            <p class="hint" id="order-hint">${msg('The same strategies, the most feasible first: your own rating from the plan where you gave one, otherwise the published rating (Waltz et al. 2015, health care). Strategies without a rating come last.')}</p>
          </fieldset>`
        : nothing}
      <fieldset>
        <legend>${msg('Sources')}</legend>
        <label class="option">
          <input type="checkbox" aria-describedby="published-hint" .checked=${f.publishedOnly === true} @change=${(e: Event) => set({ publishedOnly: (e.target as HTMLInputElement).checked })} />${msg('Published sources only')}
        </label>
        <p class="hint" id="published-hint">${msg('Leaves out our own proposals (editorial links, not tested by experts).')}</p>
      </fieldset>
      <fieldset>
        <legend>${msg('How barriers weigh')}</legend>
        ${weightingChoices().map(
          (w) => html`<label class="option">
              <input type="radio" name="weighting" aria-describedby="weighting-${w.value}" .checked=${(f.weighting ?? 'severity') === w.value} @change=${() => set({ weighting: w.value })} />${w.label}
            </label>
            <p class="hint" id="weighting-${w.value}">${w.hint}</p>`
        )}
      </fieldset>
      <div class="field">
        <label for="phase">${msg('Phase of your plan')}</label>
        <select id="phase" @change=${(e: Event) => set({ phase: ((e.target as HTMLSelectElement).value || undefined) as Phase | undefined })}>
          <option value="" ?selected=${!f.phase}>${msg('Any phase')}</option>
          ${PHASES.map((p) => html`<option value=${p} ?selected=${f.phase === p}>${phaseLabel(p)}</option>`)}
        </select>
      </div>
      <fieldset>
        <legend>${msg('Who can take it on')}</legend>
        ${ACTORS.map(
          (a) => html`<label class="option">
            <input
              type="checkbox"
              .checked=${f.actors.includes(a)}
              @change=${(e: Event) =>
                set({ actors: (e.target as HTMLInputElement).checked ? [...f.actors, a] : f.actors.filter((x: Actor) => x !== a) })}
            />${actorLabel(a)}
          </label>`
        )}
        <p class="muted" style="font-size:0.85rem;margin:0.25rem 0 0">${msg('None ticked: everyone.')}</p>
      </fieldset>
      <div class="field">
        <label for="effort">${msg('Most effort you can afford')}</label>
        <select id="effort" @change=${(e: Event) => set({ maxEffort: ((e.target as HTMLSelectElement).value || undefined) as Effort | undefined })}>
          <option value="" ?selected=${!f.maxEffort}>${msg('Any effort')}</option>
          ${EFFORTS.map((x) => html`<option value=${x} ?selected=${f.maxEffort === x}>${effortLabel(x)}</option>`)}
        </select>
      </div>
      ${this.renderChips(msg('Already in use'), f.inUse, (id) => set({ inUse: f.inUse.filter((x) => x !== id) }))}
      ${this.renderChips(msg('Ruled out'), f.exclude, (id) => set({ exclude: f.exclude.filter((x) => x !== id) }))}
      </form>
    </details>`
  }

  private renderChips(title: string, ids: readonly string[], remove: (id: string) => void) {
    if (ids.length === 0) return nothing
    const names = this.results.value?.catalogue
    return html`<div>
      <strong>${title}</strong>
      <ul class="chips">
        ${ids.map(
          (id) => html`<li>
            <button type="button" @click=${() => remove(id)}>
              ${names?.get(id)?.name ?? id} <span aria-hidden="true">×</span><span class="visually-hidden">${msg('(undo)')}</span>
            </button>
          </li>`
        )}
      </ul>
    </div>`
  }

  private renderResults(
    r: RecommendationsResponse,
    names: { sources: ReadonlyMap<string, string>; tiers: ReadonlyMap<string, EvidenceTier>; publishedOnly: boolean }
  ) {
    const planned = new Set(this.team.state.plan.map((p) => p.strategy))
    const barrierNames = new Map(r.barriers.map((b) => [b.determinant, b.name]))
    const nameOf = (d: number) => barrierNames.get(d) ?? String(d)
    const reachable = r.uncovered.filter((d) => !r.unreachable.includes(d))
    return html`
      <div class="summary">
        <p>
          ${r.mode === 'bundle'
            ? msg(str`A bundle of ${strategiesText(r.strategies.length)} that together cover as many of your ${barriersText(r.barriers.length)} as possible.`)
            : plural(r.strategies.length, {
                one: msg(str`The best-fitting strategy for your ${barriersText(r.barriers.length)}.`),
                other: msg(str`The ${formatCount(r.strategies.length)} best-fitting strategies for your ${barriersText(r.barriers.length)}.`),
              })}
          ${names.publishedOnly ? msg('Only links from published sources count.') : nothing}
        </p>
        ${this.renderOrder(r)}
        ${r.mode === 'bundle' ? this.renderBundleCoverage(r, nameOf) : nothing}
        ${this.renderUnreachable(r.unreachable.map(nameOf), names.publishedOnly)}
        ${r.mode === 'ranked' && reachable.length > 0
          ? html`<div class="notice warning" role="status">
              <strong>${msg('Not addressed by these strategies:')}</strong>
              ${nameList(reachable.map(nameOf))}.
              ${msg('Widen the filters, show more strategies, or discuss these barriers separately.')}
            </div>`
          : nothing}
      </div>
      <div class="results" @strategy-action=${this.onAction}>
        ${r.strategies.length === 0
          ? html`<p>${msg('No strategy fits these filters. Try another phase, more people or more effort.')}</p>`
          : r.strategies.map(
              (s, i) => html`<sw-strategy-card
                .strategy=${s}
                .rank=${i + 1}
                .planned=${planned.has(s.id)}
                .sourceNames=${names.sources}
                .sourceTiers=${names.tiers}
                .severityKind=${r.severityKind}
                .severityUnknown=${r.severityUnknown ?? []}
              ></sw-strategy-card>`
            )}
      </div>
    `
  }

  /** One line on how the order is made, and a disclosure with the rule in a few sentences. */
  private renderOrder(r: RecommendationsResponse) {
    const byFeasibility = r.mode === 'ranked' && r.strategies.some((s) => s.feasibility !== undefined)
    const line =
      r.mode === 'bundle'
        ? msg('The bundle is chosen for coverage: first the barriers an essential link covers, then those reached at all.')
        : byFeasibility
          ? msg('Order: the most feasible first. Fit to your barriers chose these strategies; feasibility is your own rating in the plan where you gave one, otherwise the rating of Waltz et al. (2015) for health care. Without a rating: last, in order of fit.')
          : r.weighting === 'cfir-eric'
          ? msg('Order: as the CFIR–ERIC tool, the link strengths added up over your barriers.')
          : msg('Order: first how well a strategy fits the barrier it fits best, then the rest of its links; breadth counts but at most doubles.')
    return html`<div class="order">
      <p>${line}</p>
      <details>
        <summary>${msg('How is the order made?')}</summary>
        <p>
          ${msg('A link is essential at strength 0.5 or more (for expert data: at least half of the experts chose the strategy for the barrier), supportive below that. A barrier counts as covered only through an essential link; supportive links cover it weakly.')}
        </p>
        <p>
          ${msg('Each link contributes the share of negative answers on its barrier times its strength. Strategies are ordered first by their largest contribution, so an essential link beats any supportive link to a barrier that is no more severe, but an essential link to a mild barrier does not jump a strong link to your worst one. Then all links count: the strongest contribution in full, the next one half, the one after a quarter, and so on, so many weak links together count at most twice the best one. One expert judgement that our crosswalk spreads over several barriers counts once.')}
        </p>
        <p>
          ${msg('With the CFIR–ERIC weighting the order is the matching tool’s cumulative percentage instead: the strengths of each strategy’s links added up, every barrier counting the same, without an essential tier.')}
        </p>
      </details>
    </div>`
  }

  /**
   * What the bundle covers, weakly covers and does not reach, in words; and, when it has fewer
   * strategies than asked for, why.
   */
  private renderBundleCoverage(r: RecommendationsResponse, nameOf: (d: number) => string) {
    const covered = r.covered ?? []
    const weak = r.weaklyCovered ?? []
    const list = (ds: readonly number[]) => (ds.length > 0 ? nameList(ds.map(nameOf)) : msg('none'))
    const asked = this.team.state.filters.limit
    const got = r.strategies.length
    return html`<dl class="coverage" aria-label=${msg('What the bundle covers')}>
        <div class="covered"><dt>${msg('Covered (essential link)')}</dt><dd>${list(covered)}</dd></div>
        <div class="weak"><dt>${msg('Weakly covered (supportive links only)')}</dt><dd>${list(weak)}</dd></div>
        <div class="none"><dt>${msg('Not reached')}</dt><dd>${list(r.uncovered)}</dd></div>
      </dl>
      ${got > 0 && got < asked ? this.renderFewer(asked, got, r, nameOf) : nothing}`
  }

  /** Why a bundle has fewer strategies than asked for: the engine stops when none adds coverage. */
  private renderFewer(asked: number, got: number, r: RecommendationsResponse, nameOf: (d: number) => string) {
    const reachesAll = r.uncovered.every((d) => r.unreachable.includes(d))
    const weak = r.weaklyCovered ?? []
    return html`<div class="notice" role="status">
      <p>
        ${reachesAll
          ? got === 1
            ? msg(str`You asked for ${asked} strategies; one is enough: it reaches every barrier a fitting strategy can reach.`)
            : msg(str`You asked for ${asked} strategies; ${got} are enough: together they reach every barrier a fitting strategy can reach.`)
          : msg(str`You asked for ${asked} strategies; only ${got} add to what the bundle covers.`)}
        ${weak.length > 0 ? msg(str`For ${nameList(weak.map(nameOf))} no fitting strategy has an essential link.`) : nothing}
        ${r.unreachable.length > 0
          ? msg(str`For ${nameList(r.unreachable.map(nameOf))} there is no fitting strategy at all (widen the plan or the sources).`)
          : nothing}
      </p>
    </div>`
  }

  /** The barriers no strategy that fits the plan (and the sources) addresses, each said plainly. */
  private renderUnreachable(names: readonly string[], publishedOnly: boolean) {
    if (names.length === 0) return nothing
    const narrows = planNarrows(this.team.state.filters)
    const sentence = publishedOnly
      ? narrows
        ? msg('With published sources only, this barrier has no strategy that fits your plan.')
        : msg('With published sources only, this barrier has no strategy.')
      : narrows
        ? msg('No strategy that fits your plan addresses this barrier.')
        : msg('No strategy in the knowledge base addresses this barrier.')
    return html`<div class="notice warning" role="status">
      <strong>${msg('Barriers without a strategy')}</strong>
      <ul>
        ${names.map((n) => html`<li><strong>${n}</strong>: ${sentence}</li>`)}
      </ul>
    </div>`
  }

  private onAction(e: StrategyActionEvent) {
    const recommended = this.results.value?.recommendations.strategies.find((s) => s.id === e.strategy)
    switch (e.action) {
      case 'plan':
        return this.team.source.addPlanEntry(e.strategy, recommended?.addresses.map((a) => a.determinant))
      case 'unplan':
        return this.team.source.removePlanEntry(e.strategy, recommended?.name ?? e.strategy)
      case 'in-use':
        return this.team.source.update((s) => ({ filters: { ...s.filters, inUse: [...new Set([...s.filters.inUse, e.strategy])] } }))
      case 'exclude':
        return this.team.source.update((s) => ({ filters: { ...s.filters, exclude: [...new Set([...s.filters.exclude, e.strategy])] } }))
    }
  }

  /** After an undo, focus goes back to the card whose plan entry came back. */
  private async focusRestored(e: RestoreEvent) {
    if (e.list !== 'plan') return
    await this.updateComplete
    const card = [...this.renderRoot.querySelectorAll('sw-strategy-card')].find((c) => c.strategy?.id === e.key)
    await card?.updateComplete
    card?.focusPlanAction()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-recommendations': PageRecommendations
  }
}
