/**
 * @module <sw-link-list>: the provenance of linked pairs — for each linked strategy or
 * determinant, whether the link is essential or supportive and its strength as what it is,
 * and every link behind it with its reason, the weight of its evidence in words, its strength,
 * source and method. Shared by the determinant and strategy pages.
 */
import { localized, msg, str } from '@lit/localize'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { LinkOut } from '../../server/schemas/api.ts'
import { basisOf, tierOfLink, viaText, type EvidenceTier } from '../evidence-tier.ts'
import { evidenceLabel, linkLabel, strengthText } from '../labels.ts'
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
      .tier {
        color: var(--sw-ink);
        font-weight: 600;
      }
      .strength {
        font-weight: 600;
        font-size: 0.93rem;
        white-space: nowrap;
      }
    `,
  ]

  /** The linked pairs, strongest first. */
  @property({ attribute: false }) pairs: readonly LinkedPair[] = []
  /** Method id → name, for the provenance lines. */
  @property({ attribute: false }) methodNames: ReadonlyMap<string, string> = new Map()
  /** Source id → evidence tier; a source not in it is weighed by its method. */
  @property({ attribute: false }) sourceTiers: ReadonlyMap<string, EvidenceTier> = new Map()

  override render() {
    const lang = currentLang()
    return html`<ul class="pairs">
      ${this.pairs.map(
        (p) => html`<li>
          <a href=${p.href}>${p.title}</a>
          <span class="badge ${p.label === 'essential' ? 'essential' : ''}">${linkLabel(p.label)}</span>
          ${this.renderPairStrength(p)}
          ${p.agreement > 1 ? html`<span class="badge">${msg(str`${p.agreement} methods agree`)}</span>` : nothing}
          <details>
            <summary>${p.links.length === 1 ? msg('Why linked (1 source)') : msg(str`Why linked (${p.links.length} sources)`)}</summary>
            <ul>
              ${p.links.map(
                (l) => html`<li>
                  ${l.rationale}
                  <div class="method">
                    <span class="tier">${evidenceLabel(tierOfLink(l, this.sourceTiers), l.method)}</span> ·
                    <span class="strength">${strengthText(l.strength, basisOf(l))}</span> ·
                    ${l.sourceUrl ? html`<a href=${l.sourceUrl} target="_blank" rel="noopener">${l.sourceLabel}</a>` : l.sourceLabel}
                    · ${this.methodNames.get(l.method) ?? l.method}
                    ${viaText(l.via, lang) ? html`<br />${viaText(l.via, lang)}` : nothing}
                  </div>
                </li>`
              )}
            </ul>
          </details>
        </li>`
      )}
    </ul>`
  }

  /** The pair's strength as its strongest link states it (a share, a bound, a fixed value…). */
  private renderPairStrength(p: LinkedPair) {
    const strongest = p.links.find((l) => l.strength === p.strength) ?? p.links[0]
    return strongest ? html`<span class="strength">${strengthText(p.strength, basisOf(strongest))}</span>` : nothing
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-link-list': LinkList
  }
}
