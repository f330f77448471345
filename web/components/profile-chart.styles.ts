/** @module Styles of <sw-profile-chart>. Every text is at least 14 px, so it reads on a projector at 1280×720. */
import { css } from 'lit'

export const profileChartStyles = css`
  :host {
    display: block;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 1.25rem;
    align-items: center;
    font-size: 0.9rem;
    margin-bottom: 0.75rem;
  }
  .legend svg {
    vertical-align: middle;
    margin-right: 0.35rem;
  }
  .group + .group {
    margin-top: 1.25rem;
  }
  .group h3 {
    margin-bottom: 0.25rem;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(9rem, 15rem) minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.2rem 0.4rem;
    border-radius: 6px;
    border-left: 4px solid transparent;
  }
  /* Marked by a thick border and a word as well as the colour: readable in black and white. */
  .row.barrier {
    background: var(--sw-negative-soft);
    border-left-color: var(--sw-negative);
  }
  .name {
    font-size: 0.95rem;
  }
  .badge {
    font-size: 0.875rem;
  }
  .name .badge {
    margin-left: 0.3rem;
  }
  .name a {
    color: inherit;
  }
  .n,
  .certainty {
    display: block;
    font-size: 0.875rem;
    color: var(--sw-muted);
  }
  .certainty.uncertain {
    color: #7a4b00;
  }
  svg.bar {
    display: block;
    max-width: 100%;
  }
  .slot {
    width: 100%;
  }
  .axis {
    display: grid;
    grid-template-columns: minmax(9rem, 15rem) minmax(0, 1fr);
    gap: 0.75rem;
    padding: 0 0.4rem 0 calc(0.4rem + 4px);
    font-size: 0.875rem;
    color: var(--sw-muted);
  }
  .insufficient {
    color: var(--sw-muted);
    font-style: italic;
    font-size: 0.9rem;
  }
  @media (max-width: 600px) {
    .row,
    .axis {
      grid-template-columns: 1fr;
    }
    .axis .spacer {
      display: none;
    }
  }
  .pct {
    font: 600 14px var(--sw-font);
    fill: #172033;
  }
  .threshold-label {
    font: 14px var(--sw-font);
    fill: #4a5568;
  }
  .caption {
    font-weight: 600;
    margin: 0 0 0.5rem;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  tr.barrier th,
  tr.barrier td {
    background: var(--sw-negative-soft);
  }
  tr.barrier th {
    border-left: 4px solid var(--sw-negative);
  }
  td.suppressed {
    color: var(--sw-muted);
    font-style: italic;
  }
  .table-wrap {
    position: relative;
    overflow-x: auto;
  }
`
