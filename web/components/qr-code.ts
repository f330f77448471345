/**
 * @module <sw-qr-code>: a QR code of a link, drawn as SVG so it stays sharp on a slide or a
 * poster. The encoder is loaded on first use, so no other screen pays for it.
 */
import { LitElement, css, html, nothing, svg } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { unsafeSVG } from 'lit/directives/unsafe-svg.js'

/** The QR code of `text` as the viewBox and inner markup of an SVG drawn by the encoder. */
export async function qrSvg(text: string): Promise<{ viewBox: string; body: string }> {
  const { default: QRCode } = await import('qrcode')
  const markup = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
  const viewBox = /viewBox="([\d .]+)"/.exec(markup)?.[1] ?? '0 0 1 1'
  const body = markup.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')
  return { viewBox, body }
}

@customElement('sw-qr-code')
export class QrCode extends LitElement {
  static override styles = css`
    :host {
      display: block;
      aspect-ratio: 1;
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
  `

  /** The text to encode (a link). */
  @property() text = ''
  /** What the code is, for people who cannot see it. */
  @property() label = ''

  @state() private drawn?: { text: string; viewBox: string; body: string }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('text') && this.text) {
      const text = this.text
      void qrSvg(text).then((drawn) => {
        // A newer text may have come in meanwhile.
        if (this.text === text) this.drawn = { text, ...drawn }
      })
    }
  }

  override render() {
    const drawn = this.drawn?.text === this.text ? this.drawn : undefined
    if (!drawn) return nothing
    // The markup is the encoder's own output for our link, never text from a person.
    return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox=${drawn.viewBox} shape-rendering="crispEdges" role="img" aria-label=${this.label}>
      ${svg`${unsafeSVG(drawn.body)}`}
    </svg>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-qr-code': QrCode
  }
}
