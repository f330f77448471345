/**
 * @module Design tokens (CSS custom properties on :root, adopted by the document at start, so
 * every shadow root inherits them) and the shared
 * styles every element adopts: buttons, form controls, cards, focus ring, visually-hidden.
 * Colours pass WCAG AA contrast on their backgrounds; meaning is never carried by colour
 * alone (labels, patterns and icons go with it).
 */
import { css } from 'lit'

export const tokens = css`
  :root {
    --sw-ink: #172033;
    --sw-muted: #4a5568;
    --sw-bg: #f6f7fb;
    --sw-surface: #ffffff;
    --sw-line: #d5dae3;
    --sw-primary: #1d4ed8;
    --sw-primary-dark: #1e3a8a;
    --sw-primary-soft: #e8efff;
    --sw-negative: #b42318;
    --sw-negative-soft: #fdecea;
    --sw-neutral: #8a94a6;
    --sw-neutral-soft: #eef0f4;
    --sw-positive: #067647;
    --sw-positive-soft: #e6f4ec;
    --sw-warning-soft: #fff4d6;
    --sw-radius: 10px;
    --sw-shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 10%);
    --sw-focus: 3px solid #f59e0b;
    --sw-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif;
  }
`

export const shared = css`
  :host {
    font-family: var(--sw-font);
    color: var(--sw-ink);
    line-height: 1.5;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  h1 {
    font-size: clamp(1.5rem, 1.2rem + 1.4vw, 2.1rem);
  }
  h2 {
    font-size: clamp(1.2rem, 1.05rem + 0.7vw, 1.5rem);
  }
  h3 {
    font-size: 1.1rem;
  }
  p {
    margin: 0 0 0.75em;
  }
  a {
    color: var(--sw-primary);
    text-underline-offset: 2px;
  }
  a:hover {
    color: var(--sw-primary-dark);
  }
  :focus-visible {
    outline: var(--sw-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--sw-muted);
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 44px;
    padding: 0.5em 1.1em;
    border-radius: 8px;
    border: 1px solid var(--sw-primary);
    background: var(--sw-surface);
    color: var(--sw-primary);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .btn:hover {
    background: var(--sw-primary-soft);
  }
  .btn.primary {
    background: var(--sw-primary);
    color: #fff;
  }
  .btn.primary:hover {
    background: var(--sw-primary-dark);
  }
  .btn.small {
    min-height: 36px;
    padding: 0.25em 0.75em;
    font-size: 0.9rem;
  }
  .btn.quiet {
    border-color: transparent;
    background: transparent;
  }
  .btn.quiet:hover {
    background: var(--sw-primary-soft);
  }
  .btn.danger {
    color: var(--sw-negative);
    border-color: var(--sw-negative);
  }
  .btn[disabled],
  .btn[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .card {
    /* Contains the absolutely positioned visually-hidden texts of scrolling content. */
    position: relative;
    background: var(--sw-surface);
    border: 1px solid var(--sw-line);
    border-radius: var(--sw-radius);
    box-shadow: var(--sw-shadow);
    padding: 1rem 1.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    align-items: center;
  }
  label,
  legend {
    font-weight: 600;
  }
  input[type='text'],
  input[type='number'],
  input[type='search'],
  select,
  textarea {
    font: inherit;
    font-weight: 400;
    color: inherit;
    min-height: 44px;
    padding: 0.45em 0.6em;
    border: 1px solid #8a94a6;
    border-radius: 6px;
    background: #fff;
    max-width: 100%;
  }
  textarea {
    min-height: 4.5em;
    width: 100%;
    resize: vertical;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.55em;
    border-radius: 999px;
    font-size: 0.82rem;
    font-weight: 600;
    background: var(--sw-neutral-soft);
    color: var(--sw-ink);
    white-space: nowrap;
  }
  .badge.barrier {
    background: var(--sw-negative-soft);
    color: var(--sw-negative);
  }
  .badge.facilitator {
    background: var(--sw-positive-soft);
    color: var(--sw-positive);
  }
  .badge.essential {
    background: var(--sw-primary-soft);
    color: var(--sw-primary-dark);
  }
  .notice {
    border-left: 4px solid var(--sw-primary);
    background: var(--sw-primary-soft);
    padding: 0.75rem 1rem;
    border-radius: 6px;
  }
  .notice.warning {
    border-color: #b45309;
    background: var(--sw-warning-soft);
  }
  .error {
    border-left: 4px solid var(--sw-negative);
    background: var(--sw-negative-soft);
    padding: 0.75rem 1rem;
    border-radius: 6px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 0.45rem 0.5rem;
    border-bottom: 1px solid var(--sw-line);
    vertical-align: top;
  }
  th {
    font-weight: 600;
  }
`

/** Styles of a page: a centred column with comfortable width. */
export const page = css`
  :host {
    display: block;
    max-width: 1100px;
    margin: 0 auto;
    padding: 1.25rem 1rem 3rem;
  }
  .lead {
    font-size: 1.1rem;
    color: var(--sw-muted);
    max-width: 60ch;
  }
  section + section {
    margin-top: 2rem;
  }
  h1:focus {
    outline: none;
  }
`

/** Makes the design tokens available to every element of the document. */
export function adoptTokens(doc: Document = document): void {
  const sheet = tokens.styleSheet
  if (sheet && !doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
}
