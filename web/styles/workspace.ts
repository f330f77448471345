/**
 * @module Styles the workspace screens share: labelled form fields with hints and errors, and
 * the panel of a link that is shown only once, and the zone where something is deleted.
 */
import { css } from 'lit'

export const workspaceForm = css`
  /* Where something is deleted for good: a red edge, so it never looks like the rest. */
  .danger-zone {
    border-left: 4px solid var(--sw-negative);
  }
  .form {
    display: grid;
    /* minmax(0, …): a long field or button never widens the form past a phone's screen. */
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    max-width: 40rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field input,
  .field select {
    max-width: 32rem;
  }
  .hint {
    color: var(--sw-muted);
    font-size: 0.92rem;
    margin: 0;
  }
  input[type='date'] {
    font: inherit;
    min-height: 44px;
    padding: 0.45em 0.6em;
    border: 1px solid #8a94a6;
    border-radius: 6px;
    background: #fff;
    color: inherit;
  }
  .inline-form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: end;
  }
  .inline-form .field {
    flex: 0 1 20rem;
  }
  .field-error {
    color: var(--sw-negative);
    font-weight: 600;
    font-size: 0.95rem;
  }
`
