/**
 * @module <sw-page-kb>: browse and search the knowledge base — one search for the 29
 * determinants (shown first) and the strategies (full-text search in both languages, with the
 * strategies linked to a matching determinant; filters), and where the links come from. The
 * search and filters live in the URL, so a result can be shared.
 */
import { localized, msg } from '@lit/localize'
import { Task } from '@lit/task'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { ACTORS, GROUPS, PHASES } from '../../server/domain/vocabulary.ts'
import { api, errorOf, parseResponse } from '../api.ts'
import { determinantList, referenceData } from '../catalogue.ts'
import type { DeterminantOut } from '../../server/schemas/api.ts'
import { actorLabel, determinantsText, effortLabel, groupLabel, linksText, phaseLabel, strategiesText } from '../labels.ts'
import { matchesQuery } from '../text-search.ts'
import { currentLang } from '../localization.ts'
import { navigate } from '../router.ts'
import { page, shared } from '../styles/shared.ts'

type Query = { q: string; cluster: string; phase: string; actor: string }

const readQuery = (): Query => {
  const p = new URLSearchParams(window.location.search)
  return { q: p.get('q') ?? '', cluster: p.get('cluster') ?? '', phase: p.get('phase') ?? '', actor: p.get('actor') ?? '' }
}

@customElement('sw-page-kb')
@localized()
export class PageKb extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      .search {
        display: grid;
        grid-template-columns: minmax(0, 2fr) repeat(3, minmax(0, 1fr));
        gap: 0.75rem;
        align-items: end;
      }
      @media (max-width: 760px) {
        .search {
          grid-template-columns: 1fr;
        }
      }
      .search label {
        display: grid;
        gap: 0.25rem;
      }
      .search input,
      .search select {
        width: 100%;
      }
      .strategies {
        list-style: none;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(290px, 1fr));
        gap: 0.75rem;
      }
      .strategies li {
        display: grid;
        gap: 0.35rem;
        align-content: start;
      }
      .strategies h3 {
        margin: 0;
        font-size: 1.02rem;
      }
      .strategies p {
        margin: 0;
        font-size: 0.93rem;
      }
      .determinants {
        columns: 2 20rem;
        padding-left: 1.2rem;
      }
      .determinants li {
        margin: 0.15rem 0;
        break-inside: avoid;
      }
      .found-determinants {
        list-style: none;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
        gap: 0.5rem;
      }
      .found-determinants li {
        padding: 0.6rem 0.9rem;
      }
      .jump {
        margin: 0.75rem 0 0;
      }
      .jump a {
        display: inline-block;
        min-height: 44px;
        line-height: 44px;
      }
      td.num {
        text-align: right;
      }
      .table-wrap {
        position: relative;
        overflow-x: auto;
      }
    `,
  ]

  @state() private query: Query = readQuery()
  /** What is typed in the search box; searched for after a pause in typing. */
  @state() private typed = this.query.q
  private timer?: ReturnType<typeof setTimeout>

  private readonly strategies = new Task(this, {
    task: async ([lang, q, cluster, phase, actor]) =>
      (
        await parseResponse(
          api.strategies.$get({
            query: {
              lang,
              ...(q.trim() ? { q } : {}),
              ...(cluster ? { cluster } : {}),
              ...(phase ? { phase: phase as (typeof PHASES)[number] } : {}),
              ...(actor ? { actor: actor as (typeof ACTORS)[number] } : {}),
            },
          })
        )
      ).strategies,
    args: () => [currentLang(), this.query.q, this.query.cluster, this.query.phase, this.query.actor] as const,
  })
  private readonly determinants = new Task(this, {
    task: ([lang]) => determinantList(lang),
    args: () => [currentLang()] as const,
  })
  private readonly reference = new Task(this, {
    task: ([lang]) => referenceData(lang),
    args: () => [currentLang()] as const,
  })

  override connectedCallback() {
    super.connectedCallback()
    window.addEventListener('popstate', this.onPopState)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    window.removeEventListener('popstate', this.onPopState)
    // A search typed just before leaving the page must not pull the user back to it.
    clearTimeout(this.timer)
  }

  private readonly onPopState = () => {
    this.query = readQuery()
    this.typed = this.query.q
  }

  override firstUpdated() {
    const id = window.location.hash.slice(1)
    if (id === 'sources' || id === 'determinants-title') {
      const loaded = id === 'sources' ? this.reference.taskComplete : this.determinants.taskComplete
      void loaded.then(async () => {
        await this.updateComplete
        this.renderRoot.querySelector(`#${id}`)?.scrollIntoView()
      })
    }
  }

  override render() {
    const q = this.query
    return html`
      <h1>${msg('Knowledge base')}</h1>
      <p class="lead">${msg('The 29 MIDI determinants, the implementation strategies, and the links between them — each link with its source, method and reason.')}</p>
      <form class="search" role="search" @submit=${(e: Event) => e.preventDefault()}>
        <label>${msg('Search determinants and strategies (Dutch or English)')}
          <input type="search" .value=${this.typed} @input=${this.onType} />
        </label>
        <label>${msg('Cluster')}
          <select @change=${(e: Event) => this.set({ cluster: (e.target as HTMLSelectElement).value })}>
            <option value="">${msg('All clusters')}</option>
            ${(this.reference.value?.clusters ?? []).map((c) => html`<option value=${c.id} ?selected=${q.cluster === c.id}>${c.name}</option>`)}
          </select>
        </label>
        <label>${msg('Phase')}
          <select @change=${(e: Event) => this.set({ phase: (e.target as HTMLSelectElement).value })}>
            <option value="">${msg('Any phase')}</option>
            ${PHASES.map((p) => html`<option value=${p} ?selected=${q.phase === p}>${phaseLabel(p)}</option>`)}
          </select>
        </label>
        <label>${msg('Who')}
          <select @change=${(e: Event) => this.set({ actor: (e.target as HTMLSelectElement).value })}>
            <option value="">${msg('Anyone')}</option>
            ${ACTORS.map((a) => html`<option value=${a} ?selected=${q.actor === a}>${actorLabel(a)}</option>`)}
          </select>
        </label>
      </form>
      <p class="jump"><a href="#determinants-title" @click=${this.jump}>${msg('Determinants')}</a> · <a href="#strategies-title" @click=${this.jump}>${msg('Strategies')}</a> · <a href="#sources" @click=${this.jump}>${msg('Where the links come from')}</a></p>
      ${this.determinants.render({ complete: (list) => this.renderDeterminants(list, q.q) })}
      <section aria-labelledby="strategies-title">
        <h2 id="strategies-title">${msg('Strategies')}</h2>
        ${q.q.trim() ? html`<p class="muted">${msg('Strategies whose own text matches come first, then those linked to a matching determinant, strongest link first.')}</p>` : nothing}
        ${this.strategies.render({
          pending: () => html`<p class="muted" role="status">${msg('Searching…')}</p>`,
          error: (e) => html`<p class="error" role="alert">${errorOf(e).message}</p>`,
          complete: (list) => html`
            <p role="status">${strategiesText(list.length)}</p>
            <ul class="strategies">
              ${list.map(
                (s) => html`<li class="card">
                  <h3><a href="/kb/strategies/${s.id}">${s.name}</a></h3>
                  <p class="muted">${s.clusterName} · ${effortLabel(s.effort)}${s.ericNumber ? html` · ERIC ${s.ericNumber}` : nothing}</p>
                  <p>${s.description}</p>
                </li>`
              )}
            </ul>`,
        })}
      </section>
      <section aria-labelledby="sources">
        <h2 id="sources">${msg('Where the links come from')}</h2>
        <p>
          ${msg('The TNO implementatietool’s own mapping of determinants to strategies is not public. The links here are built from public sources by documented methods, and every link says which. Editorial links are proposals for discussion, not research findings.')}
        </p>
        <p>
          ${msg('A team that has an authoritative mapping (such as the TNO tool’s, or its own expert mapping) cannot upload it in the web app: whoever runs this Strategiewijzer server adds it with the command npm run kb:import, described in the project’s data/README.md (“Importing an authoritative mapping”). The imported links then sit beside the public ones, and every ranking can be limited to them.')}
        </p>
        ${this.reference.render({
          complete: (r) => html`
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">${msg('Sources of the links')}</caption>
                <thead>
                  <tr><th scope="col">${msg('Source')}</th><th scope="col">${msg('Evidence')}</th><th scope="col" class="num">${msg('Links')}</th></tr>
                </thead>
                <tbody>
                  ${r.sources.map(
                    (s) => html`<tr>
                      <td>${s.url ? html`<a href=${s.url} target="_blank" rel="noopener">${s.label}</a>` : s.label}<br /><span class="muted">${s.description}</span></td>
                      <td>${s.evidence}</td>
                      <td class="num">${s.links}</td>
                    </tr>`
                  )}
                </tbody>
              </table>
            </div>
            <p class="muted">${msg('Evidence: V read in the source itself, S read in a secondary report, U not yet verified, P our own proposal.')}</p>
            <h3>${msg('Methods')}</h3>
            <dl>
              ${r.methods.map((m) => html`<dt><strong>${m.name}</strong> (${linksText(m.links)})</dt><dd>${m.description}</dd>`)}
            </dl>
            <p><a class="btn" href="/api/links?format=csv&lang=${currentLang()}" download>${msg('Download every link (CSV)')}</a></p>
          `,
        })}
      </section>
    `
  }

  /**
   * The determinants first, so the 29 are never buried below a hundred strategy cards: all of
   * them by group, or with a search those whose name, definition or items match (accents and
   * case ignored, like the server's search).
   */
  private renderDeterminants(list: readonly DeterminantOut[], query: string) {
    if (!query.trim()) {
      return html`<section aria-labelledby="determinants-title">
        <h2 id="determinants-title">${msg('The 29 determinants')}</h2>
        ${GROUPS.map(
          (g) => html`<h3>${groupLabel(g)}</h3>
            <ol class="determinants" start=${list.find((d) => d.group === g)?.number ?? 1}>
              ${list.filter((d) => d.group === g).map((d) => html`<li><a href="/kb/determinants/${d.number}">${d.name}</a></li>`)}
            </ol>`
        )}
      </section>`
    }
    // Those whose name matches first ("tijd" → Tijd), then those whose definition or items do.
    const found = list
      .filter((d) => matchesQuery(query, d.name, d.definition, ...d.items.map((i) => i.text)))
      .sort((a, b) => Number(matchesQuery(query, b.name)) - Number(matchesQuery(query, a.name)) || a.number - b.number)
    return html`<section aria-labelledby="determinants-title">
      <h2 id="determinants-title">${msg('Determinants')}</h2>
      <p role="status">${determinantsText(found.length)}</p>
      ${found.length > 0
        ? html`<ul class="found-determinants">
            ${found.map(
              (d) => html`<li class="card">
                <a href="/kb/determinants/${d.number}"><strong>${d.number}. ${d.name}</strong></a>
                <span class="muted">· ${groupLabel(d.group)}</span>
              </li>`
            )}
          </ul>`
        : nothing}
    </section>`
  }

  /** Moves to a section of this page without leaving the URL of the search. */
  private jump(e: Event) {
    e.preventDefault()
    const id = new URL((e.currentTarget as HTMLAnchorElement).href).hash.slice(1)
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`)
    target?.scrollIntoView()
    target?.setAttribute('tabindex', '-1')
    target?.focus({ preventScroll: true })
  }

  private onType(e: Event) {
    this.typed = (e.target as HTMLInputElement).value
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.set({ q: this.typed }), 250)
  }

  /** Applies a change of search or filters and records it in the URL. */
  private set(change: Partial<Query>) {
    this.query = { ...this.query, ...change }
    const search = new URLSearchParams(Object.entries(this.query).filter(([, v]) => v)).toString()
    navigate(`/kb${search ? `?${search}` : ''}`, { replace: true })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-kb': PageKb
  }
}
