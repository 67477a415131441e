import { css } from 'lit';

export const styles = css`
  .catalogue {
    container-type: inline-size;
    display: grid;
    gap: 1em;
  }

  /* On a panel, not the host page: the dark-mode text colours must never land on a light page. */
  .toolbar {
    display: grid;
    gap: 0.75em;
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
  }
  /* Filters: stacked at 320 px, one row when there is room. */
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em 1em;
    align-items: end;
  }
  .field {
    display: grid;
    gap: 0.25em;
    flex: 1 1 12em;
    min-width: 0;
  }
  .field.search {
    flex-grow: 2;
  }
  label {
    font-weight: 600;
  }
  .control:hover {
    border-color: var(--_text);
  }
  .count {
    color: var(--_muted);
  }

  /* Cards: one column at 320 px, as many ~18em columns as fit above that. */
  .items {
    display: grid;
    gap: 1em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--mobilise-catalogue-min-card, 18em)), 1fr));
  }
  .items > li {
    display: flex;
    min-width: 0;
  }
  .card,
  .body {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }
  .body {
    flex: 1;
  }
  .card {
    width: 100%;
  }
  .card[aria-current='true'] {
    border-color: var(--_accent);
    box-shadow: inset 4px 0 0 var(--_accent);
  }
  .head {
    display: grid;
    gap: 0.5em;
  }
  .title {
    font-size: 1.2em;
    line-height: 1.3;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .badge {
    color: var(--_accent-text);
  }
  .badge.current {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
  }
  .summary {
    color: var(--_text);
  }
  .meta {
    display: grid;
    gap: 0.15em;
    font-size: 0.9375em;
  }
  .meta > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.4em;
  }
  dt,
  .label {
    font-weight: 600;
  }
  dt::after {
    content: ':';
  }
  .link {
    padding: 0.25em 0;
    min-height: 24px;
    border: 0;
    background: none;
    color: var(--_accent-text);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .link:hover {
    text-decoration-thickness: 2px;
  }
  .details summary {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
    cursor: pointer;
    font-weight: 600;
    color: var(--_accent-text);
    list-style: none;
  }
  .details summary::-webkit-details-marker {
    display: none;
  }
  /* A drawn chevron instead of the marker, so it follows the text colour. */
  .details summary::before {
    content: '';
    width: 0.5em;
    height: 0.5em;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    transform: rotate(-45deg);
    transition: transform 150ms ease;
  }
  .details[open] summary::before {
    transform: rotate(45deg);
  }
  .details summary:hover {
    text-decoration: underline;
  }
  .details-body {
    display: grid;
    gap: 0.6em;
    padding-block: 0.25em 0.5em;
  }
  .tools {
    list-style: disc;
    padding-inline-start: 1.25em;
  }
  .button:hover {
    filter: brightness(0.92);
  }
  .button:active {
    filter: brightness(0.85);
  }
  .select {
    width: 100%;
  }

  /* Loading placeholders share .card's footprint. */
  .placeholder {
    min-height: 17em;
  }
  .bar {
    height: 1em;
  }
  .bar.title-bar {
    height: 1.6em;
    width: 80%;
  }
  .bar.badge-bar {
    width: 40%;
  }
  .bar.short {
    width: 60%;
  }
  .bar.meta-bar {
    height: 3.5em;
  }
  .bar.button-bar {
    height: 44px;
    margin-top: auto;
  }

  /* List layout: compact full-width rows, the action beside the text when there is room. */
  .layout-list .items {
    grid-template-columns: 1fr;
    gap: 0.5em;
  }
  .layout-list .card {
    flex-flow: row wrap;
    align-items: center;
    gap: 0.5em 1.5em;
    padding: 0.75em 1em;
  }
  .layout-list .body {
    flex: 1 1 20em;
    gap: 0.4em;
  }
  .layout-list .actions {
    flex: 1 0 100%;
  }
  .layout-list .placeholder {
    min-height: 9em;
  }
  .layout-list .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  .layout-list .title {
    font-size: 1.1em;
  }
  .layout-list .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25em;
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
    .control {
      border-color: ButtonText;
    }
  }
`;
