/**
 * @module <sw-app>: the frame of every screen — header with navigation and the language
 * switch, the page of the current route, and a footer on provenance. Pages are loaded on
 * first visit so the start screen stays small. It also says when saved data could not be read,
 * and offers to undo a removal.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { currentLang, switchLang } from './localization.ts'
import { interceptLinks, RouteController, type RouteName } from './router.ts'
import './components/toast.ts'
import { downloadText } from './download.ts'
import { store, StoreController, type Removal, type UnreadableReport } from './state/store.ts'
import { shared } from './styles/shared.ts'
import { ActiveTeamData } from './workspace/active-data.ts'
import { ChangeController, session } from './workspace/session.ts'
import './components/mode-bar.ts'
import './pages/page-start.ts'
import { respondentsText, strategiesText } from './labels.ts'

/** The screens of a team's work: they say where it is kept. */
const TEAM_SCREENS: readonly RouteName[] = ['questionnaire', 'team', 'barriers', 'recommendations', 'plan', 'coverage']

const PAGES: Record<Exclude<RouteName, 'not-found' | 'start'>, () => Promise<unknown>> = {
  questionnaire: () => import('./pages/page-questionnaire.ts'),
  team: () => import('./pages/page-team.ts'),
  barriers: () => import('./pages/page-barriers.ts'),
  recommendations: () => import('./pages/page-recommendations.ts'),
  plan: () => import('./pages/page-plan.ts'),
  coverage: () => import('./pages/page-coverage.ts'),
  kb: () => import('./pages/page-kb.ts'),
  determinant: () => import('./pages/page-determinant.ts'),
  strategy: () => import('./pages/page-strategy.ts'),
  'workspace-new': () => import('./pages/page-workspace-new.ts'),
  workspace: () => import('./pages/page-workspace.ts'),
  compare: () => import('./pages/page-compare.ts'),
  report: () => import('./pages/page-report.ts'),
  respond: () => import('./pages/page-respond.ts'),
  'network-new': () => import('./pages/page-network-new.ts'),
  'network-join': () => import('./pages/page-network-join.ts'),
  network: () => import('./pages/page-network.ts'),
  'network-handout': () => import('./pages/page-network-handout.ts'),
  'rating-new': () => import('./pages/page-rating-new.ts'),
  rating: () => import('./pages/page-rating.ts'),
  'rating-expert': () => import('./pages/page-rating-expert.ts'),
}

@customElement('sw-app')
@localized()
export class App extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        background: var(--sw-bg);
      }
      .skip {
        position: absolute;
        left: -999px;
        top: 0.5rem;
        z-index: 10;
        background: #fff;
        padding: 0.5rem 1rem;
        border-radius: 6px;
      }
      .skip:focus {
        left: 0.5rem;
      }
      header {
        background: var(--sw-surface);
        border-bottom: 1px solid var(--sw-line);
      }
      .bar {
        max-width: 1100px;
        margin: 0 auto;
        padding: 0.5rem 1rem;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      .brand {
        font-weight: 800;
        font-size: 1.15rem;
        color: var(--sw-ink);
        text-decoration: none;
        margin-right: auto;
      }
      .brand span {
        color: var(--sw-primary);
      }
      nav ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 0.15rem 0.25rem;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: 0.45rem 0.5rem;
        border-radius: 6px;
        color: var(--sw-ink);
        text-decoration: none;
        font-weight: 500;
      }
      nav a:hover {
        background: var(--sw-primary-soft);
      }
      nav a[aria-current='page'] {
        color: var(--sw-primary-dark);
        background: var(--sw-primary-soft);
        font-weight: 700;
      }
      .count {
        display: inline-block;
        min-width: 1.4em;
        padding: 0 0.35em;
        border-radius: 999px;
        background: var(--sw-primary);
        color: #fff;
        font-size: 0.75rem;
        text-align: center;
      }
      .lang {
        display: inline-flex;
        border: 1px solid var(--sw-line);
        border-radius: 8px;
        overflow: hidden;
      }
      .lang button {
        font: inherit;
        font-weight: 600;
        min-height: 36px;
        min-width: 44px;
        border: 0;
        background: #fff;
        color: var(--sw-ink);
        cursor: pointer;
      }
      .lang button[aria-pressed='true'] {
        background: var(--sw-primary);
        color: #fff;
      }
      .menu-button {
        display: none;
      }
      @media (max-width: 760px) {
        /* Phones: brand, menu button and language on one row; the button names the current
           page and opens every destination as a list below. */
        .menu-button {
          order: 3;
          width: 100%;
          display: flex;
          align-items: center;
          gap: 0.5rem;
          font: inherit;
          font-weight: 600;
          min-height: 44px;
          padding: 0.3rem 0.75rem;
          border: 1px solid var(--sw-primary);
          border-radius: 8px;
          background: var(--sw-surface);
          color: var(--sw-primary-dark);
          cursor: pointer;
          text-align: left;
        }
        .menu-button .current {
          flex: 1;
          min-width: 0;
          overflow: hidden;
          text-overflow: ellipsis;
          white-space: nowrap;
          color: var(--sw-ink);
        }
        .menu-button .chevron {
          font-size: 0.8rem;
        }
        .menu-button .icon {
          font-size: 1.1rem;
          line-height: 1;
        }
        nav {
          order: 4;
          width: 100%;
          min-width: 0;
        }
        nav:not(.open) {
          display: none;
        }
        nav ul {
          flex-direction: column;
          flex-wrap: nowrap;
          padding-bottom: 0.4rem;
        }
        nav a {
          display: flex;
          align-items: center;
          gap: 0.4rem;
          min-height: 44px;
          padding: 0.5rem 0.75rem;
        }
      }
      main {
        flex: 1;
        min-width: 0;
      }
      main:focus {
        outline: none;
      }
      .unreadable {
        max-width: 1100px;
        margin: 1rem auto 0;
      }
      .unreadable > div {
        margin: 0 1rem;
      }
      .unreadable p {
        margin: 0 0 0.5rem;
      }
      footer {
        border-top: 1px solid var(--sw-line);
        background: var(--sw-surface);
        font-size: 0.9rem;
      }
      footer .bar {
        display: block;
        padding: 1rem;
      }
      @media print {
        header,
        footer,
        .skip,
        .unreadable {
          display: none;
        }
        :host {
          background: #fff;
          min-height: 0;
        }
      }
    `,
  ]

  private readonly router = new RouteController(this)
  private readonly team = new ActiveTeamData(this)
  constructor() {
    super()
    new ChangeController(this, session)
    // The store's own notice (data that could not be read) shows whichever data the team works on.
    new StoreController(this)
  }
  @state() private loaded = new Set<RouteName>(['start', 'not-found'])
  /** Whether the navigation list is open on a phone (always shown on wider screens). */
  @state() private menuOpen = false
  /** The path the menu was opened on: a navigation closes it. */
  private menuPath = window.location.pathname
  private removeLinks?: () => void
  /** The removal the toast was last set up for. */
  private shownRemoval: Removal | null = null

  override connectedCallback() {
    super.connectedCallback()
    this.removeLinks = interceptLinks(document)
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.removeLinks?.()
  }

  override willUpdate() {
    if (this.menuPath !== window.location.pathname) {
      this.menuPath = window.location.pathname
      this.menuOpen = false
    }
    this.offerUndo(this.team.source.lastRemoval)
    const name = this.router.route.name
    if (!this.loaded.has(name) && name !== 'start' && name !== 'not-found') {
      PAGES[name]()
        .then(() => {
          this.loaded = new Set([...this.loaded, name])
        })
        // After a new release the old page's chunks are gone: say so instead of loading forever.
        .catch(() => {
          this.failed = name
        })
    }
  }

  @state() private failed?: RouteName

  override updated() {
    // After a navigation, move focus to the new page's heading so screen readers announce it.
    const key = window.location.pathname
    const name = this.router.route.name
    if (key === this.shownPath || !this.loaded.has(name)) return
    const first = this.shownPath === undefined
    this.shownPath = key
    document.title = `${this.title_()} · Strategiewijzer`
    if (!first) void this.focusHeading()
  }

  private shownPath?: string

  /**
   * Focuses the new page's h1. Pages that load their data first draw it later, so this waits
   * for it (up to a few seconds) and otherwise focuses the main region.
   */
  private async focusHeading() {
    window.scrollTo(0, 0)
    const main = this.renderRoot.querySelector<HTMLElement>('main')
    const page = [...(main?.children ?? [])].find((e) => e.localName.startsWith('sw-page-')) as LitElement | undefined
    await page?.updateComplete
    const root = page?.shadowRoot
    const h1 = root ? await waitFor(root, 'h1', 4000) : null
    const target = h1 ?? main
    if (h1) h1.setAttribute('tabindex', '-1')
    target?.focus({ preventScroll: true })
  }

  override render() {
    const route = this.router.route
    const team = this.team.source.respondentCount
    const plan = this.team.state.plan.length
    const link = (href: string, name: RouteName | RouteName[], label: string | TemplateResult) => {
      const names = Array.isArray(name) ? name : [name]
      return html`<li>
        <a href=${href} aria-current=${names.includes(route.name) ? 'page' : nothing}>${label}</a>
      </li>`
    }
    const lang = currentLang()
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>${msg('Skip to content')}</a>
      <header @keydown=${this.handleMenuKey}>
        <div class="bar">
          <a class="brand" href="/">Strategie<span>wijzer</span></a>
          ${route.name === 'respond'
            ? nothing
            : html`<button
                class="menu-button"
                aria-expanded=${this.menuOpen ? 'true' : 'false'}
                aria-controls="main-nav"
                @click=${() => (this.menuOpen = !this.menuOpen)}
              >
                <span class="icon" aria-hidden="true">☰</span>
                <span>${msg('Menu')}</span><span class="current"><span aria-hidden="true">·</span> ${this.navLabel(route.name)}</span>
                <span class="chevron" aria-hidden="true">${this.menuOpen ? '▲' : '▼'}</span>
              </button>`}
          ${route.name === 'respond' ? nothing : html`<nav id="main-nav" class=${this.menuOpen ? 'open' : ''} aria-label=${msg('Main')}>
            <ul>
              ${link('/questionnaire', 'questionnaire', msg('Questionnaire'))}
              ${link(
                '/team',
                'team',
                html`${msg('Team results')}
                ${team > 0
                  ? html`<span class="count" aria-label=${respondentsText(team)}>${team}</span>`
                  : nothing}`
              )}
              ${link('/recommendations', ['recommendations', 'barriers'], msg('Strategies'))}
              ${link(
                '/plan',
                'plan',
                html`${msg('Plan')}
                ${plan > 0
                  ? html`<span class="count" aria-label=${msg(str`In the plan: ${strategiesText(plan)}`)}>${plan}</span>`
                  : nothing}`
              )}
              ${link('/coverage', 'coverage', msg('Check an approach'))}
              ${link('/kb', ['kb', 'determinant', 'strategy'], msg('Knowledge base'))}
            </ul>
          </nav>`}
          <div class="lang" role="group" aria-label=${msg('Language')}>
            <button aria-pressed=${lang === 'nl'} lang="nl" @click=${() => this.setLang('nl')}>NL</button>
            <button aria-pressed=${lang === 'en'} lang="en" @click=${() => this.setLang('en')}>EN</button>
          </div>
        </div>
        ${route.name === 'respond'
          ? nothing
          : html`<sw-mode-bar .active=${session.active} ?teamScreen=${TEAM_SCREENS.includes(route.name)} @round-leave=${() => session.set(null)}></sw-mode-bar>`}
      </header>
      <main id="main" tabindex="-1">
        ${this.renderUnreadable(store.unreadable)}
        ${this.renderPage(route.name, route.param)}
        <sw-toast
          .message=${this.removalMessage(this.team.source.lastRemoval)}
          .action=${msg('Undo')}
          .subject=${this.team.source.lastRemoval}
          @toast-action=${() => this.team.source.undoRemoval()}
          @toast-close=${() => {
            const removal = this.team.source.lastRemoval
            if (removal) this.team.source.forgetRemoval(removal)
          }}
        ></sw-toast>
      </main>
      <footer>
        <div class="bar">
          <p class="muted">
            ${msg(
              'Strategiewijzer links the 29 MIDI determinants to implementation strategies from public sources, each link with its source. Recommendations are prompts for your team’s discussion, not a verdict.'
            )}
            <a href="/kb#sources">${msg('Where the links come from')}</a> ·
            <a href="/api/docs" target="_blank" rel="noopener">${msg('API')}</a>
          </p>
        </div>
      </footer>
    `
  }

  private renderPage(name: RouteName, param?: string) {
    if (this.failed === name) {
      return html`<div style="padding:2rem" role="alert">
        <p>${msg('This part of Strategiewijzer could not be loaded. Perhaps a new version was just published.')}</p>
        <button class="btn primary" @click=${() => window.location.reload()}>${msg('Reload the page')}</button>
      </div>`
    }
    if (!this.loaded.has(name)) return html`<p class="muted" style="padding:2rem">${msg('Loading…')}</p>`
    switch (name) {
      case 'start':
        return html`<sw-page-start></sw-page-start>`
      case 'questionnaire':
        return html`<sw-page-questionnaire></sw-page-questionnaire>`
      case 'team':
        return html`<sw-page-team></sw-page-team>`
      case 'barriers':
        return html`<sw-page-barriers></sw-page-barriers>`
      case 'recommendations':
        return html`<sw-page-recommendations></sw-page-recommendations>`
      case 'plan':
        return html`<sw-page-plan></sw-page-plan>`
      case 'coverage':
        return html`<sw-page-coverage></sw-page-coverage>`
      case 'kb':
        return html`<sw-page-kb></sw-page-kb>`
      case 'determinant':
        return html`<sw-page-determinant .number=${Number(param)}></sw-page-determinant>`
      case 'strategy':
        return html`<sw-page-strategy .strategyId=${param ?? ''}></sw-page-strategy>`
      case 'workspace-new':
        return html`<sw-page-workspace-new></sw-page-workspace-new>`
      case 'workspace':
        return html`<sw-page-workspace .workspaceId=${param ?? ''}></sw-page-workspace>`
      case 'compare':
        return html`<sw-page-compare .workspaceId=${param ?? ''}></sw-page-compare>`
      case 'report':
        return html`<sw-page-report .workspaceId=${param ?? ''}></sw-page-report>`
      case 'respond':
        return html`<sw-page-respond></sw-page-respond>`
      case 'network-new':
        return html`<sw-page-network-new></sw-page-network-new>`
      case 'network-join':
        return html`<sw-page-network-join></sw-page-network-join>`
      case 'network':
        return html`<sw-page-network .networkId=${param ?? ''}></sw-page-network>`
      case 'network-handout':
        return html`<sw-page-network-handout .networkId=${param ?? ''}></sw-page-network-handout>`
      case 'rating-new':
        return html`<sw-page-rating-new></sw-page-rating-new>`
      case 'rating':
        return html`<sw-page-rating .studyId=${param ?? ''}></sw-page-rating>`
      case 'rating-expert':
        return html`<sw-page-rating-expert .studyId=${param ?? ''}></sw-page-rating-expert>`
      default:
        return html`<div style="padding:2rem">
          <h1>${msg('Page not found')}</h1>
          <p><a href="/">${msg('Back to the start')}</a></p>
        </div>`
    }
  }

  /** Says what could not be read, how much, and offers it as a file. */
  private renderUnreadable(report: UnreadableReport | null) {
    if (!report) return nothing
    const whole = report.counts[''] !== undefined
    const sections: Record<string, string> = {
      '': msg('All saved data'),
      team: msg('Respondents'),
      draft: msg('Questionnaire in progress'),
      settings: msg('Thresholds'),
      chosen: msg('Barriers picked'),
      basis: msg('Basis of the recommendations'),
      filters: msg('Filters'),
      planTitle: msg('Name of the plan'),
      planCalendar: msg('Region and school year of the plan'),
      plan: msg('Plan'),
      approach: msg('Approach to check'),
    }
    // Only the whole copy lost: no list. Otherwise each part with its count (the whole one too,
    // when an earlier loss was not yet closed).
    const counted = Object.keys(report.counts).some((part) => part !== '')
      ? Object.entries(report.counts).map(([part, n]) => `${sections[part] ?? part}: ${n}`)
      : []
    return html`<div class="unreadable">
      <div class="notice warning" role="alert">
        <p>
          <strong>${whole ? msg('The data saved in this browser could not be read.') : msg('Some of the data saved in this browser could not be read.')}</strong>
          ${whole ? msg('Strategiewijzer started without it.') : nothing}
          ${counted.length > 0 ? html`${msg('Not readable:')} ${counted.join(', ')}. ${whole ? nothing : msg('Everything else was kept.')}` : nothing}
        </p>
        <p>
          ${report.kept
            ? msg('The unreadable part is kept aside in this browser. Download it to recover it, or to send it to whoever helps you with Strategiewijzer.')
            : msg('This browser could not keep the unreadable part (its storage is full or blocked). Download it before you close this notice, or it is lost.')}
        </p>
        <div class="actions">
          <button class="btn small" @click=${this.downloadUnreadable}>${msg('Download the unreadable part (JSON)')}</button>
          <button class="btn small quiet" @click=${() => store.dismissUnreadable()}>${msg('Close notice')}</button>
        </div>
      </div>
    </div>`
  }

  private downloadUnreadable() {
    const day = new Date().toISOString().slice(0, 10)
    downloadText(`strategiewijzer-unreadable-${day}.json`, JSON.stringify(store.setAside(), null, 2), 'application/json')
  }

  private removalMessage(removal: Removal | null): string {
    if (!removal) return ''
    return removal.list === 'plan'
      ? msg(str`“${removal.name}” removed from the plan`)
      : msg(str`Answers of ${removal.name} removed`)
  }

  /**
   * When a removal took the focused element with it (a plan entry, a table row), focus goes to
   * the Undo button, the one thing to do next; when the focus stayed, it stays.
   */
  private offerUndo(removal: Removal | null) {
    if (removal === this.shownRemoval) return
    this.shownRemoval = removal
    if (!removal) return
    // After the page has drawn the list without the entry.
    setTimeout(() => {
      if (this.team.source.lastRemoval !== removal) return
      let focused = document.activeElement
      while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement
      if (!focused || focused === document.body) this.renderRoot.querySelector('sw-toast')?.focusAction()
    })
  }

  /** The navigation entry a route belongs to, as the menu button names it. */
  private navLabel(name: RouteName): string {
    const entries: Partial<Record<RouteName, string>> = {
      questionnaire: msg('Questionnaire'),
      team: msg('Team results'),
      barriers: msg('Strategies'),
      recommendations: msg('Strategies'),
      plan: msg('Plan'),
      coverage: msg('Check an approach'),
      kb: msg('Knowledge base'),
      determinant: msg('Knowledge base'),
      strategy: msg('Knowledge base'),
    }
    return entries[name] ?? this.title_()
  }

  private title_(): string {
    const titles: Partial<Record<RouteName, string>> = {
      start: msg('Start'),
      questionnaire: msg('Questionnaire'),
      team: msg('Team results'),
      barriers: msg('Our barriers'),
      recommendations: msg('Strategies'),
      plan: msg('Plan'),
      coverage: msg('Check an approach'),
      kb: msg('Knowledge base'),
      determinant: msg('Determinant'),
      strategy: msg('Strategy'),
      'workspace-new': msg('Create a workspace'),
      workspace: msg('Workspace'),
      compare: msg('Compare rounds'),
      report: msg('Round report'),
      respond: msg('Questionnaire'),
      'network-new': msg('Create a learning network'),
      'network-join': msg('Join a learning network'),
      network: msg('Learning network'),
      'network-handout': msg('Session handout'),
      'rating-new': msg('Create an expert rating study'),
      rating: msg('Expert rating study'),
      'rating-expert': msg('Expert rating'),
    }
    return titles[this.router.route.name] ?? msg('Page not found')
  }

  private async setLang(lang: 'nl' | 'en') {
    await switchLang(lang)
    document.title = `${this.title_()} · Strategiewijzer`
  }

  /** Escape closes the phone menu and gives focus back to its button. */
  private handleMenuKey(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !this.menuOpen) return
    this.menuOpen = false
    this.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus()
  }

  private skipToMain(e: Event) {
    e.preventDefault()
    this.renderRoot.querySelector<HTMLElement>('main')?.focus()
  }
}

/** The first element matching `selector` in `root`, once it is there; null after `ms`. */
function waitFor(root: ParentNode & Node, selector: string, ms: number): Promise<HTMLElement | null> {
  const found = root.querySelector<HTMLElement>(selector)
  if (found) return Promise.resolve(found)
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const element = root.querySelector<HTMLElement>(selector)
      if (element) {
        observer.disconnect()
        clearTimeout(timer)
        resolve(element)
      }
    })
    const timer = setTimeout(() => {
      observer.disconnect()
      resolve(null)
    }, ms)
    observer.observe(root, { childList: true, subtree: true })
  })
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-app': App
  }
}
