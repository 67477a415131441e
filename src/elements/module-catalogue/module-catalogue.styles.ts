import { css } from 'lit';

/** On the shared scale: gaps and padding are steps of --_s, sizes steps of the type ratio. */
export const styles = css`
  .catalogue {
    container-type: inline-size;
    display: grid;
    gap: var(--_s4);
  }

  /* On a panel, not the host page: the dark-mode text colours must never land on a light page. */
  .toolbar {
    display: grid;
    gap: var(--_s3);
    padding: var(--_s3) var(--_s4);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
  }
  /* Filters: stacked at 320 px, one row when there is room. */
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s3) var(--_s4);
    align-items: end;
  }
  .field {
    display: grid;
    gap: var(--_s1);
    flex: 1 1 12em;
    min-width: 0;
  }
  .field.search {
    flex-grow: 2;
  }
  label,
  dt {
    font-weight: 600;
  }
  .count {
    color: var(--_muted);
  }

  /* Cards: one column at 320 px, as many ~18em columns as fit above that; a card fills its cell. */
  .items {
    display: grid;
    gap: var(--_s4);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--mobilise-catalogue-min-card, 18em)), 1fr));
  }
  .items > li {
    display: grid;
    min-width: 0;
  }
  .card,
  .body,
  .placeholder {
    display: flex;
    flex-direction: column;
    gap: var(--_s2);
  }
  .body {
    flex: 1;
  }
  .card[aria-current='true'] {
    border-color: var(--_accent);
    box-shadow: inset 4px 0 0 var(--_accent);
  }
  .badge {
    color: var(--_accent-text);
  }
  .badge.current {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
  }
  /* Label and value run on one line, wrapping like a sentence: one line per fact. */
  .meta {
    font-size: var(--_t0);
  }
  dt,
  dd {
    display: inline;
  }
  dt::after {
    content: ':';
  }
  .link {
    padding: var(--_s1) 0;
    min-height: 24px;
    border: 0;
    background: none;
    color: var(--_accent-text);
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .link:hover {
    text-decoration-thickness: 2px;
  }
  /* The native marker, in the text colour; a line as tall as a touch target. */
  .details summary {
    line-height: 2.75;
    cursor: pointer;
    font-weight: 600;
    color: var(--_accent-text);
  }
  .details summary:hover {
    text-decoration: underline;
  }
  .details-body {
    display: grid;
    gap: var(--_s2);
    padding-bottom: var(--_s2);
  }
  .select {
    width: 100%;
  }
  /* "Ask for this module near me" under the button, tall enough to tap. */
  .ask {
    display: inline-block;
    padding: var(--_s2) 0;
  }

  /* Loading placeholders: a card's height (title, text, button), so nothing jumps when data arrives. */
  .placeholder {
    min-height: 26em;
  }
  .placeholder > :first-child {
    height: var(--_t2);
    width: 70%;
  }
  .placeholder > :nth-child(2) {
    flex: 1;
  }
  .placeholder > :last-child {
    height: 44px;
  }

  /* List layout: compact full-width rows, the action beside the text when there is room. */
  .layout-list .items {
    grid-template-columns: 1fr;
    gap: var(--_s2);
  }
  .layout-list .card {
    flex-flow: row wrap;
    align-items: center;
    gap: var(--_s2) var(--_s6);
    padding: var(--_s3) var(--_s4);
  }
  .layout-list .body {
    flex: 1 1 20em;
    gap: var(--_s1);
  }
  .layout-list .actions {
    flex: 1 0 100%;
  }
  .layout-list .placeholder {
    min-height: 9em;
  }
  .layout-list .head,
  .layout-list .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_s1) var(--_s4);
  }
  @container (min-width: 40em) {
    .layout-list .actions {
      flex: 0 0 auto;
    }
    .layout-list .select {
      width: auto;
    }
  }

  @media (forced-colors: active) {
    .card[aria-current='true'] {
      border: 3px solid Highlight;
    }
    .badge.current {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    .link,
    .details summary {
      color: LinkText;
    }
  }
`;
