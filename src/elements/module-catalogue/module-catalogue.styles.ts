import { css } from 'lit';

export const styles = css`
  .catalogue {
    container-type: inline-size;
    display: grid;
    gap: 1rem;
  }

  /* On a panel, not the host page: the dark-mode text colours must never land on a light page. */
  .toolbar {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
  }
  /* Filters: stacked at 320 px, one row when there is room. */
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1rem;
    align-items: end;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 12rem;
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

  /* Cards: one column at 320 px, as many ~18rem columns as fit above that. */
  .items {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--mobilise-catalogue-min-card, 18rem)), 1fr));
  }
  .items > li {
    display: flex;
    min-width: 0;
  }
  .card,
  .body {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
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
    gap: 0.5rem;
  }
  .title {
    font-size: 1.2rem;
    line-height: 1.3;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
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
    gap: 0.15rem;
    font-size: 0.9375rem;
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
    padding: 0.25rem 0;
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
    gap: 0.6rem;
    padding-block: 0.25rem 0.5rem;
  }
  .tools {
    list-style: disc;
    padding-inline-start: 1.25rem;
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
    min-height: 17rem;
  }
  .bar {
    height: 1rem;
  }
  .bar.title-bar {
    height: 1.6rem;
    width: 80%;
  }
  .bar.badge-bar {
    width: 40%;
  }
  .bar.short {
    width: 60%;
  }
  .bar.meta-bar {
    height: 3.5rem;
  }
  .bar.button-bar {
    height: 44px;
    margin-top: auto;
  }

  /* List layout: compact full-width rows, the action beside the text when there is room. */
  .layout-list .items {
    grid-template-columns: 1fr;
    gap: 0.5rem;
  }
  .layout-list .card {
    flex-flow: row wrap;
    align-items: center;
    gap: 0.5rem 1.5rem;
    padding: 0.75rem 1rem;
  }
  .layout-list .body {
    flex: 1 1 20rem;
    gap: 0.4rem;
  }
  .layout-list .actions {
    flex: 1 0 100%;
  }
  .layout-list .placeholder {
    min-height: 9rem;
  }
  .layout-list .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  .layout-list .title {
    font-size: 1.1rem;
  }
  .layout-list .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25rem;
  }
  @container (min-width: 40rem) {
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
