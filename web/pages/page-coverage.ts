/**
 * @module <sw-page-coverage>: for intervention developers — list the strategies an approach
 * already uses and see which barriers they cover (an essential link), which they only weakly
 * cover (supportive links), which they do not reach, and what would close each gap; if the
 * team wants, with published sources only.
 */
import { localized, msg, str } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { CoverageResponse, StrategyOut } from '../../server/schemas/api.ts'
import { api, errorOf, parseResponse } from '../api.ts'
import { referenceData, strategyCatalogue } from '../catalogue.ts'
import { evidenceLines, evidenceStyles, type EvidenceNames } from '../evidence.ts'
import { sourcesBody } from '../evidence-tier.ts'
import { barriersText, linkLabel, nameList, respondentsText, severityText, strategiesText } from '../labels.ts'
import { matchesQuery } from '../text-search.ts'
import { currentLang } from '../localization.ts'
import { usesTeam } from '../state/app-state.ts'
import { page, shared } from '../styles/shared.ts'
import { ActiveTeamData } from '../workspace/active-data.ts'
import { session } from '../workspace/session.ts'

@customElement('sw-page-coverage')
@localized()
export class PageCoverage extends LitElement {
  static override styles = [
    shared,
    page,
    evidenceStyles,
    css`
      .picker {
        display: grid;
        gap: 0.5rem;
      }
      .list {
        max-height: 22rem;
        overflow: auto;
        border: 1px solid var(--sw-line);
        border-radius: 8px;
        background: #fff;
        padding: 0.25rem 0.5rem;
      }
      .list label {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        font-weight: 500;
        min-height: 44px;
        padding: 0.2rem 0;
        border-bottom: 1px solid var(--sw-neutral-soft);
      }
      .chosen {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.35rem;
      }
      .chosen li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 0.25rem 0.75rem;
        padding: 0.3rem 0.4rem 0.3rem 0.75rem;
        border-radius: 8px;
        background: var(--sw-positive-soft);
        font-weight: 600;
      }
      #filter {
        width: 100%;
        max-width: 32rem;
      }
      @media print {
        .picker,
        .actions,
        .option,
        .hint {
          display: none;
        }
      }
      .list input {
        width: 1.1rem;
        height: 1.1rem;
        flex: none;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
        gap: 1rem;
        align-items: start;
      }
      .gap {
        border-left: 4px solid var(--sw-negative);
        grid-column: 1 / -1;
      }
      .covered {
        border-left: 4px solid var(--sw-positive);
      }
      .weak {
        border-left: 4px solid #b45309;
      }
      h3 {
        margin-top: 0;
      }
      .option {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        min-height: 32px;
      }
      .option input {
        width: 1.1rem;
        height: 1.1rem;
        flex: none;
      }
      .hint {
        margin: 0 0 0 1.6rem;
        font-size: 0.85rem;
        color: var(--sw-muted);
      }
      .gaps > li,
      .additions > li {
        margin-bottom: 0.5rem;
      }
      details summary {
        cursor: pointer;
        min-height: 32px;
      }
    `,
  ]

  private readonly team = new ActiveTeamData(this)
  @state() private filter = ''
  @state() private requested = 0

  private readonly catalogue = new Task(this, {
    task: ([lang]) => strategyCatalogue(lang),
    args: () => [currentLang()] as const,
  })

  private readonly result = new Task(this, {
    task: async ([, approachText, publishedOnly, lang, requested]) => {
      const strategies = JSON.parse(approachText) as string[]
      if (strategies.length === 0 || requested === 0) return undefined
      const barriers = await this.team.source.barrierInput(lang)
      if (!barriers) return undefined
      const loading = referenceData(lang)
      // Only "published sources only" needs the source list before asking.
      const published = publishedOnly ? (await loading).publishedSources : []
      const json = { strategies, ...barriers, ...sourcesBody(publishedOnly, published) }
      const [coverage, reference] = await Promise.all([parseResponse(api.coverage.$post({ query: { lang }, json })), loading])
      return { coverage, publishedOnly, names: { sourceNames: reference.sourceNames, sourceTiers: reference.sourceTiers } }
    },
    args: () =>
      [
        this.team.source.barrierKey,
        JSON.stringify(this.team.state.approach),
        this.team.state.filters.publishedOnly === true,
        currentLang(),
        this.requested,
      ] as const,
  })

  /** Whether there are barriers to check against: the round's answers, or this browser's. */
  private hasBarriers() {
    const s = this.team.state
    return this.team.source.kind === 'round' ? this.team.source.respondentCount > 0 : usesTeam(s) || s.chosen.length > 0
  }

  override render() {
    const s = this.team.state
    const round = this.team.source.kind === 'round'
    const useTeam = round || usesTeam(s)
    const hasBarriers = this.hasBarriers()
    return html`
      <h1>${msg('Check an approach')}</h1>
      <p class="lead">${msg('For intervention developers: which of the barriers does your programme already address with the strategies built into it, and where are the gaps?')}</p>
      ${round && hasBarriers
        ? html`<p class="muted">${msg(str`Barriers from the answers of ${respondentsText(this.team.source.respondentCount)} in ${session.active?.roundLabel ?? ''}.`)}</p>`
        : hasBarriers
        ? html`<p class="muted">
            ${useTeam
              ? msg(str`Barriers from the answers of ${respondentsText(s.team.length)}.`)
              : msg(str`Barriers you picked: ${s.chosen.length}.`)}
            <a href="/barriers">${msg('Pick barriers')}</a> · <a href="/questionnaire">${msg('Questionnaire')}</a>
          </p>`
        : html`<div class="notice">${msg('First say what your barriers are:')} <a href="/barriers">${msg('pick them')}</a> ${msg('or')} <a href="/questionnaire">${msg('fill in the questionnaire')}</a>.</div>`}
      <section aria-labelledby="used-title">
        <h2 id="used-title">${msg(str`Strategies your approach uses (${s.approach.length})`)}</h2>
        ${this.catalogue.render({
          pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
          error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
          complete: (catalogue) => this.renderPicker(catalogue),
        })}
        <div style="margin-top:1rem">
          <label class="option">
            <input type="checkbox" aria-describedby="published-hint" .checked=${s.filters.publishedOnly === true} @change=${this.togglePublished} />${msg('Published sources only')}
          </label>
          <p class="hint" id="published-hint">${msg('Leaves out our own proposals (editorial links, not tested by experts).')}</p>
        </div>
        <div class="actions" style="margin-top:1rem">
          <button class="btn primary" ?disabled=${!hasBarriers || s.approach.length === 0} @click=${() => (this.requested += 1)}>${msg('Check coverage')}</button>
        </div>
      </section>
      ${this.result.render({
        pending: () => html`<p class="muted" role="status">${msg('Checking…')}</p>`,
        error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
        complete: (r) => (r ? this.renderResult(r.coverage, r.publishedOnly, r.names) : nothing),
      })}
    `
  }

  /**
   * The strategies the approach uses, listed together with a way to take each out, and below
   * them every strategy to pick from, found by name, description or cluster (accents and case
   * ignored, as the server's search does).
   */
  private renderPicker(catalogue: ReadonlyMap<string, StrategyOut>) {
    const approach = this.team.state.approach
    const chosen = new Set(approach)
    const list = [...catalogue.values()].filter((s) => matchesQuery(this.filter, s.name, s.description, s.clusterName))
    return html`<div class="picker">
      ${approach.length > 0
        ? html`<ul class="chosen" aria-label=${msg('Chosen strategies')}>
            ${approach.map((id) => {
              const name = catalogue.get(id)?.name ?? id
              return html`<li>
                <span>${name}</span>
                <button class="btn small quiet" @click=${() => this.toggle(id, false)}>
                  ${msg('Remove')}<span class="visually-hidden"> ${name}</span>
                </button>
              </li>`
            })}
          </ul>`
        : html`<p class="muted">${msg('No strategies chosen yet: tick them in the list below.')}</p>`}
      <label for="filter">${msg('Find a strategy by name or description')}</label>
      <input id="filter" type="search" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
      <p class="muted" role="status">${strategiesText(list.length)}</p>
      <div class="list" role="group" aria-label=${msg('Strategies')}>
        ${list.map(
          (s) => html`<label>
            <input type="checkbox" .checked=${chosen.has(s.id)} @change=${(e: Event) => this.toggle(s.id, (e.target as HTMLInputElement).checked)} />
            <span>${s.name} <span class="muted">· ${s.clusterName}</span></span>
          </label>`
        )}
      </div>
    </div>`
  }

  private renderResult(r: CoverageResponse, publishedOnly: boolean, names: EvidenceNames) {
    const barrierName = (d: number) => r.barriers.find((b) => b.determinant === d)?.name ?? String(d)
    const severity = (d: number) => {
      const b = r.barriers.find((x) => x.determinant === d)
      if (!b || r.severityKind === 'none') return nothing
      return r.severityUnknown?.includes(d) ? html` (${msg('how much not known')})` : html` (${severityText(b.severity, r.severityKind)})`
    }
    const linked = (list: CoverageResponse['covered']) =>
      list.length === 0
        ? html`<p>${msg('None.')}</p>`
        : html`<ul>
            ${list.map(
              (c) => html`<li>
                <strong>${c.name}</strong>${severity(c.determinant)}:
                ${c.links.map((l, i) => html`${i > 0 ? ', ' : ''}${this.strategyName(l.strategy)} (${linkLabel(l.label)})`)}
              </li>`
            )}
          </ul>`
    return html`<section aria-labelledby="result-title">
      <h2 id="result-title">${msg('Coverage')}</h2>
      <p role="status">
        ${msg(str`Of your ${barriersText(r.barriers.length)}, your approach covers ${r.covered.length} through an essential link, covers ${r.weaklyCovered.length} only weakly (supportive links) and does not reach ${r.uncovered.length}.`)}
        ${publishedOnly ? msg('Only links from published sources count.') : nothing}
      </p>
      <div class="grid">
        <div class="card covered">
          <h3>${msg('Covered (essential link)')}</h3>
          ${linked(r.covered)}
        </div>
        <div class="card weak">
          <h3>${msg('Weakly covered (supportive links only)')}</h3>
          ${linked(r.weaklyCovered)}
        </div>
        <div class="card gap">
          <h3>${msg('Gaps and what could close them')}</h3>
          ${r.gaps.length === 0
            ? html`<p>${msg('No gaps: an essential link covers every barrier.')}</p>`
            : html`<ul class="gaps">
                ${r.gaps.map((d) => this.renderGap(r, d, publishedOnly))}
              </ul>`}
          ${r.additions.length > 0
            ? html`<h3>${msg('Best additions together')}</h3>
                <ol class="additions">
                  ${r.additions.map((a) => this.renderAddition(a, barrierName, names))}
                </ol>`
            : nothing}
        </div>
      </div>
    </section>`
  }

  /** One gap: whether it is weakly covered or not reached, and the stronger strategies, or plainly none. */
  private renderGap(r: CoverageResponse, d: number, publishedOnly: boolean) {
    const weak = r.weaklyCovered.some((c) => c.determinant === d)
    const suggestion = r.suggestions.find((sg) => sg.determinant === d)
    const name = suggestion?.name ?? r.barriers.find((b) => b.determinant === d)?.name ?? String(d)
    const strategies = suggestion?.strategies ?? []
    const none = publishedOnly
      ? weak
        ? msg('With published sources only, no strategy links to this barrier more strongly.')
        : msg('With published sources only, this barrier has no strategy.')
      : weak
        ? msg('No strategy links to this barrier more strongly.')
        : msg('No strategy in the knowledge base addresses this barrier.')
    return html`<li>
      <strong>${name}</strong> — ${weak ? msg('weakly covered') : msg('not reached')}:
      ${strategies.length === 0
        ? none
        : strategies.map(
            (x, i) => html`${i > 0 ? ', ' : ''}<a href="/kb/strategies/${x.id}">${x.name}</a> (${linkLabel(x.label)})`
          )}
    </li>`
  }

  /** One addition: what it closes (essential link), what it only reaches, and the evidence for both. */
  private renderAddition(a: CoverageResponse['additions'][number], barrierName: (d: number) => string, names: EvidenceNames) {
    const covers = a.covers ?? []
    const weakly = a.weaklyCovers ?? []
    const shown = a.addresses.filter((x) => covers.includes(x.determinant) || weakly.includes(x.determinant))
    return html`<li>
      <a href="/kb/strategies/${a.id}">${a.name}</a>
      ${covers.length > 0 ? html`— ${msg(str`covers ${nameList(covers.map(barrierName))} (essential link)`)}` : nothing}
      ${weakly.length > 0 ? html`— ${msg(str`weakly covers ${nameList(weakly.map(barrierName))} (supportive links only)`)}` : nothing}
      ${shown.length > 0
        ? html`<details>
            <summary>${msg('Evidence')}<span class="visually-hidden">: ${a.name}</span></summary>
            <ul>
              ${shown.map((x) => html`<li>${x.name}: ${linkLabel(x.label)} ${evidenceLines(x, names)}</li>`)}
            </ul>
          </details>`
        : nothing}
    </li>`
  }

  private strategyName(id: string) {
    return this.catalogue.value?.get(id)?.name ?? id
  }

  private togglePublished(e: Event) {
    const publishedOnly = (e.target as HTMLInputElement).checked
    this.team.source.update((s) => ({ filters: { ...s.filters, publishedOnly } }))
  }

  private toggle(id: string, on: boolean) {
    this.team.source.update((s) => ({ approach: on ? [...s.approach, id] : s.approach.filter((x) => x !== id) }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-coverage': PageCoverage
  }
}
