/**
 * @module <sw-link-list>: the provenance of linked pairs — for each linked strategy or
 * determinant, its combined strength and every link behind it with source, method, evidence
 * tag and reason. Shared by the determinant and strategy pages.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { LinkOut } from '../../server/schemas/api.ts'
import { strengthLabel } from '../labels.ts'
import { currentLang } from '../localization.ts'
import { shared } from '../styles/shared.ts'

/** One linked strategy or determinant with the links behind it. */
export type LinkedPair = {
  readonly href: string
  readonly title: string
  readonly strength: number
  readonly label: 'essential' | 'supportive'
  readonly agreement: number
  readonly links: readonly LinkOut[]
}

@customElement('sw-link-list')
@localized()
export class LinkList extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      ul.pairs {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      details summary {
        cursor: pointer;
        min-height: 32px;
      }
      details ul {
        margin: 0.4rem 0 0;
        padding-left: 1rem;
        font-size: 0.93rem;
      }
      details li {
        margin-bottom: 0.35rem;
      }
      .method {
        color: var(--sw-muted);
      }
    `,
  ]

  /** The linked pairs, strongest first. */
  @property({ attribute: false }) pairs: readonly LinkedPair[] = []
  /** Method id → name, for the provenance lines. */
  @property({ attribute: false }) methodNames: ReadonlyMap<string, string> = new Map()

  override render() {
    return html`<ul class="pairs">
      ${this.pairs.map(
        (p) => html`<li>
          <a href=${p.href}>${p.title}</a>
          <span class="badge ${p.label === 'essential' ? 'essential' : ''}">${strengthLabel(p.label)} ${p.strength.toFixed(2)}</span>
          ${p.agreement > 1 ? html`<span class="badge">${msg(str`${p.agreement} methods agree`)}</span>` : nothing}
          <details>
            <summary>${p.links.length === 1 ? msg('Why linked (1 source)') : msg(str`Why linked (${p.links.length} sources)`)}</summary>
            <ul>
              ${p.links.map(
                (l) => html`<li>
                  ${l.rationale}
                  <div class="method">
                    ${l.sourceUrl ? html`<a href=${l.sourceUrl} target="_blank" rel="noopener">${l.sourceLabel}</a>` : l.sourceLabel}
                    · ${this.methodNames.get(l.method) ?? l.method} · ${msg('strength')} ${l.basis === 'lower-bound' ? '≥ ' : ''}${l.strength.toFixed(2)} · ${msg('evidence')} ${l.evidence}
                    ${l.via ? html`<br />${l.via[currentLang()]}` : nothing}
                  </div>
                </li>`
              )}
            </ul>
          </details>
        </li>`
      )}
    </ul>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-link-list': LinkList
  }
}
