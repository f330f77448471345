import { css } from 'lit'

/** <sw-plan-timeline>: a month grid that reads without colour and prints on A4 landscape. */
export const planTimelineStyles = css`
  :host {
    display: block;
    --hatch: repeating-linear-gradient(135deg, #8a94a6 0 1.5px, transparent 1.5px 5px);
  }
  .wrap {
    overflow-x: auto;
    /* Holds the absolutely placed (visually hidden) texts, so they scroll with the table instead of widening the page. */
    position: relative;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    /* A name column and twelve months of at least 4rem: on a phone the table scrolls sideways. */
    min-width: 59rem;
    table-layout: fixed;
    font-size: 0.85rem;
  }
  .caption {
    font-weight: 700;
    margin: 0 0 0.4rem;
  }
  th,
  td {
    border: 1px solid var(--sw-line);
    padding: 0.25rem;
    vertical-align: top;
  }
  thead th {
    background: var(--sw-neutral-soft);
    font-weight: 600;
    text-align: center;
  }
  thead th.name,
  th[scope='row'] {
    width: 11rem;
    text-align: left;
  }
  .year {
    display: block;
    font-weight: 400;
    color: var(--sw-muted);
    font-size: 0.85em;
  }
  .holiday {
    display: block;
    font-weight: 400;
    font-size: 0.8em;
    margin-top: 0.15rem;
    text-align: left;
    overflow-wrap: break-word;
  }
  .swatch {
    display: inline-block;
    width: 0.7em;
    height: 0.9em;
    margin-right: 0.2em;
    vertical-align: -0.1em;
    border: 1px solid var(--sw-neutral);
    background: var(--hatch);
  }
  /* The strategy's name stays in view while the months scroll sideways (on a phone). */
  thead th.name,
  th[scope='row'],
  th.phase {
    position: sticky;
    left: 0;
    z-index: 1;
  }
  th[scope='row'] {
    background: var(--sw-surface);
  }
  th.phase {
    background: var(--sw-primary-soft);
    text-align: left;
  }
  th[scope='row'] {
    font-weight: 400;
  }
  .flag {
    display: block;
    font-size: 0.9em;
    color: var(--sw-negative);
  }
  .note {
    display: block;
    font-size: 0.9em;
    color: var(--sw-muted);
  }
  td.month {
    position: relative;
    height: 1.6rem;
    padding: 0;
    text-align: center;
  }
  td.on {
    background: #c7d7fe;
    font-weight: 700;
    color: var(--sw-primary-dark);
  }
  .hatch {
    position: absolute;
    top: 0;
    bottom: 0;
    background: var(--hatch);
    opacity: 0.55;
  }
  .mark {
    position: relative;
  }
  .notes {
    font-size: 0.9rem;
    margin: 0.5rem 0 0;
  }
  .notes p {
    margin: 0.25rem 0;
  }
  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.25rem;
  }
  ul {
    margin: 0;
    padding-left: 1.4rem;
  }
  th,
  td,
  .hatch,
  .swatch {
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
  @media print {
    .wrap {
      overflow: visible;
    }
    table {
      min-width: 0;
      font-size: 7.5pt;
    }
    th,
    td {
      border: 0.5pt solid #666;
      padding: 0.8mm;
    }
    td.month {
      height: 4.5mm;
    }
    tr {
      break-inside: avoid;
    }
    thead {
      display: table-header-group;
    }
    .caption {
      font-size: 9pt;
      margin-bottom: 1.5mm;
    }
    .notes,
    h3,
    ul {
      font-size: 8pt;
    }
  }
`
