import { css } from 'lit';

/** Mobile first (320 px); wider layouts come from the element's own width, not the viewport's. */
export const styles = css`
  .calendar {
    container-type: inline-size;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
  }
  .heading {
    font-size: 1.5rem;
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
    gap: 0.75rem;
    border: 0;
    min-width: 0;
  }
  @container (min-width: 34rem) {
    .filters {
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      align-items: end;
    }
  }
  .field {
    display: grid;
    gap: 0.25rem;
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
    gap: 0.5rem 1rem;
    padding: 0.75rem 1rem;
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
    gap: 0.5rem;
  }
  .view-toggle {
    display: inline-flex;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .view-toggle button {
    min-height: 44px;
    min-width: 5.5rem;
    padding: 0.4rem 1rem;
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
    font-size: 0.875rem;
  }

  /* Agenda */
  .agenda {
    display: grid;
    gap: 1.5rem;
  }
  .month {
    /* No content-visibility: Chromium leaves skipped months out of the accessibility tree.
       Paging (PAGE_SIZE) keeps the DOM small instead. */
    display: grid;
    gap: 0.75rem;
  }
  .month-heading {
    font-size: 1.25rem;
    line-height: 1.3;
  }
  .day-group {
    display: grid;
    gap: 0.5rem;
  }
  .day-heading {
    font-size: 1rem;
    color: var(--_muted);
    border-bottom: 1px solid var(--_border);
    padding-bottom: 0.25rem;
  }
  .sessions {
    display: grid;
    gap: 0.75rem;
  }
  .session {
    display: grid;
    gap: 0.35rem;
  }
  .session .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
  }
  .title {
    margin: 0;
    font-size: 1.0625rem;
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
    font-size: 0.9375rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5rem 1rem;
    margin-top: 0.25rem;
  }
  .add-to-calendar ul {
    display: grid;
    gap: 0.25rem;
    padding: 0.25rem 0 0 1rem;
  }
  .add-to-calendar a {
    display: inline-block;
    padding: 0.35rem 0;
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
    gap: 0.75rem;
  }
  .grid-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .grid-head .nav {
    min-width: 44px;
    padding: 0.25rem 0.75rem;
    font-size: 1.25rem;
  }
  .grid {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }
  .grid th {
    padding: 0.25rem 0;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
    text-align: center;
  }
  .grid td {
    height: 3rem;
    padding: 0.125rem;
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
    margin: 0.1rem auto 0;
    width: fit-content;
    min-width: 1.4rem;
    padding: 0 0.3rem;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-size: 0.75rem;
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
    gap: 0.75rem;
  }
  .day-title {
    font-size: 1.125rem;
  }
  .session-skeleton {
    height: 11rem;
    margin-bottom: 0.75rem;
  }
  .grid-skeleton {
    height: 20rem;
  }

  /* Signup dialog */
  .dialog {
    width: min(100% - 1rem, 40rem);
    max-height: calc(100dvh - 1rem);
    padding: 1rem;
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
    gap: 1rem;
  }
  .dialog-head h2 {
    font-size: 1.25rem;
  }
  .dialog-head + * {
    margin-top: 0.5rem;
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
    font-size: 1.5rem;
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
