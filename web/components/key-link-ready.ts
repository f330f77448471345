/**
 * @module The page a creator sees the one time a key link exists in readable form (a learning
 * network's facilitator link, a rating study's owner link): what it opens, the link to copy,
 * and the way on. The texts come from the page, in its words.
 */
import { html, type TemplateResult } from 'lit'
import './copy-field.ts'

export type KeyLinkReady = {
  readonly heading: string
  /** What the link is the key to, in bold. */
  readonly warning: string
  /** Who sees what with it, and where it is kept. */
  readonly detail: string
  /** The copy field's label. */
  readonly label: string
  readonly link: string
  /** Where to go on, and the button's text. */
  readonly href: string
  readonly go: string
}

export const keyLinkReady = (k: KeyLinkReady): TemplateResult => html`
  <h1>${k.heading}</h1>
  <div class="notice warning">
    <p><strong>${k.warning}</strong> ${k.detail}</p>
    <sw-copy-field .label=${k.label} .value=${k.link}></sw-copy-field>
  </div>
  <div class="actions" style="margin-top:1.5rem">
    <a class="btn primary" href=${k.href}>${k.go}</a>
  </div>
`
