/**
 * @module The states of a page that a link kept on this device opens (a learning network, a
 * rating study, an expert's ballot) while its data loads: loading; no link on this device,
 * with where to find it; or the load failed, with why. The texts come from the page.
 */
import { msg } from '@lit/localize'
import { html } from 'lit'
import { errorOf } from '../api.ts'

export type LinkedPage = {
  readonly heading: string
  /** True for the error a missing link gives. */
  readonly noLink: (error: unknown) => boolean
  /** Which link this device lacks, and what it looks like. */
  readonly noLinkText: string
  /** The page's word for a failed load ("The study could not be loaded."). */
  readonly failed: string
}

/** `pending` and `error` for a Task's render, as one page with a link shows them. */
export const linkedPageStates = (p: LinkedPage) => ({
  pending: () => html`<p class="muted">${msg('Loading…')}</p>`,
  error: (error: unknown) =>
    html`<h1>${p.heading}</h1>
      ${p.noLink(error)
        ? html`<p class="notice warning">${p.noLinkText}</p>`
        : html`<p class="error" role="alert">${p.failed} ${errorOf(error).message}</p>`}`,
})
