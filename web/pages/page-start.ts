/**
 * @module <sw-page-start>: what Strategiewijzer is for, and the three ways in.
 */
import { localized, msg } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement } from 'lit/decorators.js'
import { StoreController } from '../state/store.ts'
import { page, shared } from '../styles/shared.ts'
import { networkCredentials } from '../network/network-credentials.ts'
import { credentials } from '../workspace/credentials.ts'
import { ChangeController, session } from '../workspace/session.ts'

@customElement('sw-page-start')
@localized()
export class PageStart extends LitElement {
  static override styles = [
    shared,
    page,
    css`
      .ways {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
        gap: 1rem;
        margin: 1.5rem 0;
        padding: 0;
        list-style: none;
      }
      .way {
        display: flex;
        flex-direction: column;
        height: 100%;
      }
      .way p {
        flex: 1;
      }
      .step {
        font-size: 0.85rem;
        font-weight: 700;
        color: var(--sw-primary-dark);
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .workspaces {
        margin: 1.5rem 0;
        border-left: 4px solid var(--sw-primary);
      }
      ul.known {
        margin: 0 0 1rem;
        padding-left: 1.2rem;
      }
      ol.how {
        padding-left: 1.2rem;
        max-width: 70ch;
      }
      ol.how li + li {
        margin-top: 0.35rem;
      }
    `,
  ]

  private readonly store = new StoreController(this)
  /** A message left by the screen before (e.g. after deleting a workspace), shown once. */
  private readonly notice = session.notice

  constructor() {
    super()
    new ChangeController(this, credentials)
    session.notice = null
  }

  override render() {
    const { team, plan } = this.store.state
    const workspaces = credentials.workspaces()
    const networks = networkCredentials.networks()
    return html`
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <h1>${msg('From barriers to strategies that fit your school')}</h1>
      <p class="lead">
        ${msg(
          'Strategiewijzer helps a school team that is introducing an approach — such as an integrated approach to students’ mental well-being — to see what stands in the way, and which implementation strategies could help. Your team fills in a short questionnaire based on the MIDI; you see which of the 29 determinants are barriers, and get strategies that address them, each with the reason why.'
        )}
      </p>
      <p class="muted caveat">
        ${msg(
          'The questions follow the 29 determinants of the MIDI (Fleuren et al. 2014), but their wording and answer options are our own: they have not yet been checked against the MIDI manual, so compare results with MIDI studies with care.'
        )}
      </p>
      ${team.length > 0 || plan.length > 0
        ? html`<p class="notice">
            ${msg('Welcome back. Your answers and plan are kept in this browser.')}
            ${team.length > 0 ? html`<a href="/team">${msg('Team results')}</a>` : nothing}
            ${plan.length > 0 ? html` · <a href="/plan">${msg('Your plan')}</a>` : nothing}
          </p>`
        : nothing}
      <section class="card workspaces" aria-labelledby="workspaces-title">
        <h2 id="workspaces-title">${msg('Work as a school team')}</h2>
        <p>
          ${msg('Create a workspace for your school: colleagues answer the questionnaire on their own phone through a link or QR code, and your team keeps its results, plan and measurement rounds on the server. No accounts: whoever has the team link can work in it.')}
        </p>
        ${workspaces.length > 0
          ? html`<h3>${msg('Your workspaces on this device')}</h3>
              <ul class="known">
                ${workspaces.map((w) => html`<li><a href="/w/${w.id}">${w.name || msg('Workspace (name not loaded yet)')}</a></li>`)}
              </ul>`
          : nothing}
        <div class="actions"><a class="btn primary" href="/w/new">${msg('Create a workspace')}</a></div>
        <p class="muted">
          ${msg('Coaching several schools?')} <a href="/n/new">${msg('Create a learning network')}</a>
          ${networks.map((n) => html` · <a href="/n/${n.id}">${n.name || msg('Learning network')}</a>`)}
        </p>
        <p class="muted">${msg('Researching the links?')} <a href="/x/new">${msg('Create an expert rating study')}</a></p>
      </section>
      <h2>${msg('Or try it without saving')}</h2>
      <p class="muted">${msg('Everything below stays in this browser: handy to try Strategiewijzer, or for a team that answers together on one device.')}</p>
      <ul class="ways">
        <li>
          <div class="card way">
            <span class="step">${msg('Most teams')}</span>
            <h3>${msg('Fill in the questionnaire')}</h3>
            <p>
              ${msg(
                'Team members answer one after another on this device — or in your own survey tool, whose export you then import. The team leader or coordinator answers the questions about the school. About ten minutes each.'
              )}
            </p>
            <div><a class="btn primary" href="/questionnaire">${msg('Start the questionnaire')}</a></div>
          </div>
        </li>
        <li>
          <div class="card way">
            <span class="step">${msg('Analysis done elsewhere')}</span>
            <h3>${msg('I know our barriers already')}</h3>
            <p>
              ${msg(
                'Pick the determinants that hinder you from the list of 29, for instance after a team meeting or an earlier survey, and go straight to the strategies.'
              )}
            </p>
            <div><a class="btn" href="/barriers">${msg('Pick our barriers')}</a></div>
          </div>
        </li>
        <li>
          <div class="card way">
            <span class="step">${msg('For intervention developers')}</span>
            <h3>${msg('Check our approach')}</h3>
            <p>
              ${msg(
                'List the strategies your programme already uses and see which barriers they cover, which are left open, and what would close the gaps.'
              )}
            </p>
            <div><a class="btn" href="/coverage">${msg('Check coverage')}</a></div>
          </div>
        </li>
      </ul>
      <section>
        <h2>${msg('How it works')}</h2>
        <ol class="how">
          <li>${msg('Everyone who delivers the approach answers the questions about the approach and about themselves.')}</li>
          <li>${msg('One well-informed person (team leader or coordinator) answers the questions about the school.')}</li>
          <li>
            ${msg(
              'Team results show, per determinant, how many answered negatively. By a convention of studies that use the MIDI (stated, for example, by Verberne et al. 2018) a determinant is a barrier when 20% or more answer negatively; you can change that threshold.'
            )}
          </li>
          <li>${msg('Strategies are ranked by how severe the barriers they address are and how strongly they are linked to them. Filter them for your phase, people and effort, or ask for a small bundle that covers most barriers.')}</li>
          <li>${msg('Put the strategies you choose in a plan, say who does what, when and how you will see it worked, and print or download it.')}</li>
        </ol>
        <p class="muted">
          ${msg('Without a workspace, everything you enter stays in this browser until you delete it. Nothing is sent anywhere except to calculate results.')}
          <a href="/kb">${msg('Browse the knowledge base')}</a>
        </p>
      </section>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-page-start': PageStart
  }
}
