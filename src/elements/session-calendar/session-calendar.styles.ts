import { css } from 'lit';

/** Mobile first (320 px); wider layouts come from the element's own width, not the viewport's. */
export const styles = css`
  .calendar {
    container-type: inline-size;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1em;
  }
  .heading {
    font-size: 1.5em;
    line-height: 1.25;
  }
  .muted,
  .hint {
    color: var(--_muted);
  }

  /* Filters */
  .filters {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.75em;
    border: 0;
    min-width: 0;
  }
  @container (min-width: 34em) {
    .filters {
      grid-template-columns: repeat(auto-fill, minmax(10em, 1fr));
      align-items: end;
    }
  }
  .field {
    display: grid;
    gap: 0.25em;
    min-width: 0;
  }
  .field label {
    font-weight: 600;
  }
  .filters[disabled] select,
  .filters[disabled] input {
    opacity: 0.6;
  }
  .provider-notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 0.75em 1em;
    border-left: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  /* Toolbar: view toggle and count */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  .view-toggle {
    display: inline-flex;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .view-toggle button {
    min-height: 44px;
    min-width: 5.5em;
    padding: 0.4em 1em;
    border: 0;
    background: transparent;
    color: var(--_accent-text);
    font-weight: 600;
    cursor: pointer;
  }
  .view-toggle button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  .view-toggle button:focus-visible {
    outline-offset: -5px;
    outline-color: currentColor;
  }
  .count {
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* Agenda */
  .agenda {
    display: grid;
    gap: 1.5em;
  }
  .month {
    /* No content-visibility: Chromium leaves skipped months out of the accessibility tree.
       Paging (PAGE_SIZE) keeps the DOM small instead. */
    display: grid;
    gap: 0.75em;
  }
  .month-heading {
    font-size: 1.25em;
    line-height: 1.3;
  }
  .day-group {
    display: grid;
    gap: 0.5em;
  }
  .day-heading {
    font-size: 1em;
    color: var(--_muted);
    border-bottom: 1px solid var(--_border);
    padding-bottom: 0.25em;
  }
  .sessions {
    display: grid;
    gap: 0.75em;
  }
  .session {
    display: grid;
    gap: 0.35em;
  }
  .session .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 0.75em;
  }
  .title {
    margin: 0;
    font-size: 1.0625em;
    line-height: 1.3;
  }
  .when .time {
    font-weight: 600;
  }
  .session.cancelled .title,
  .session.cancelled .when {
    text-decoration: line-through;
    color: var(--_muted);
  }
  .session.cancelled {
    background: var(--_surface-alt);
  }
  .access summary,
  .add-to-calendar summary {
    cursor: pointer;
    color: var(--_accent-text);
    font-weight: 600;
    min-height: 44px;
    display: flex;
    align-items: center;
  }
  .access p {
    font-size: 0.9375em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5em 1em;
    margin-top: 0.25em;
  }
  .add-to-calendar ul {
    display: grid;
    gap: 0.25em;
    padding: 0.25em 0 0 1em;
  }
  .add-to-calendar a {
    display: inline-block;
    padding: 0.35em 0;
  }
  .more {
    display: flex;
    justify-content: center;
  }

  /* Badges: the words carry the meaning, the colour repeats it. */
  .badge.spaces {
    color: var(--_success);
  }
  .badge.few {
    color: var(--_warning);
    border-style: dashed;
  }
  .badge.full,
  .badge.full-waitlist,
  .badge.cancelled {
    color: var(--_danger);
    border-width: 2px;
  }
  .badge.closed {
    color: var(--_muted);
  }

  /* Month grid */
  .month-view {
    display: grid;
    gap: 0.75em;
  }
  .grid-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  .grid-head .nav {
    min-width: 44px;
    padding: 0.25em 0.75em;
    font-size: 1.25em;
  }
  .grid {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }
  .grid th {
    padding: 0.25em 0;
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_muted);
    text-align: center;
  }
  .grid td {
    height: 3em;
    padding: 0.125em;
    text-align: center;
    vertical-align: top;
    border: 1px solid var(--_border);
  }
  .grid td.pad {
    border: 0;
  }
  .grid td.day {
    position: relative;
    cursor: pointer;
  }
  /* Focus is a ring outside the cell, the chosen day a filled cell: different shapes that
     never overlap, in normal and forced colours. */
  .grid td.day:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    z-index: 1;
  }
  .grid td.has-sessions .num {
    font-weight: 700;
  }
  .grid .count {
    display: block;
    margin: 0.1em auto 0;
    width: fit-content;
    min-width: 1.4em;
    padding: 0 0.3em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-size: 0.75em;
    font-weight: 700;
  }
  .grid td[aria-current='date'] .num {
    text-decoration: underline;
    text-decoration-thickness: 2px;
  }
  /* Text colours swapped: the fill keeps accent-text's contrast with the surface (≥ 4.5:1), dark mode too. */
  .grid td[aria-selected='true'] {
    background: var(--_accent-text);
    color: var(--_surface);
  }
  .grid td[aria-selected='true'] .count {
    background: var(--_surface);
    color: var(--_accent-text);
  }
  .day-panel {
    display: grid;
    gap: 0.75em;
  }
  .day-title {
    font-size: 1.125em;
  }
  .session-skeleton {
    height: 11em;
    margin-bottom: 0.75em;
  }
  .grid-skeleton {
    height: 20em;
  }

  /* Signup dialog */
  .dialog {
    width: min(100% - 1em, 40em);
    max-height: calc(100dvh - 1em);
    padding: 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  .dialog-head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 1em;
  }
  .dialog-head h2 {
    font-size: 1.25em;
  }
  .dialog-head + * {
    margin-top: 0.5em;
  }
  /* The dialog's own heading names the form; the form's matching heading would repeat it. */
  .dialog mobilise-signup-form::part(heading) {
    display: none;
  }
  .close {
    flex: none;
    min-width: 44px;
    min-height: 44px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    font-size: 1.5em;
    line-height: 1;
    cursor: pointer;
  }

  @media (forced-colors: active) {
    .view-toggle button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .grid td[aria-selected='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .grid td[aria-selected='true'] .count {
      background: HighlightText;
      color: Highlight;
    }
    .grid .count {
      border: 1px solid CanvasText;
    }
    .session:focus,
    .grid td.day:focus {
      outline-color: Highlight;
    }
  }
`;
