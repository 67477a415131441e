import { css } from 'lit';

/**
 * Mobile first (320 px); wider layouts come from the element's own width, not the viewport's.
 * Spacing, type sizes and radius are the base scale's steps (base.styles.ts), nothing in between.
 */
export const styles = css`
  .calendar {
    container-type: inline-size;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_s4);
  }
  /* Headings are t1 (base styles) unless set here. */
  .heading {
    font-size: var(--_t3);
  }
  .month-heading,
  .dialog-head h2 {
    font-size: var(--_t2);
  }
  .muted,
  .count,
  .meta {
    color: var(--_muted);
  }
  /* "(UK time)" stays in one piece. */
  .muted {
    white-space: nowrap;
  }

  /* Filters: behind the "Filters" disclosure while narrow, always open once wide. */
  .filters {
    display: grid;
    gap: var(--_s3);
    border: 0;
    min-width: 0;
  }
  @container (width < 34em) {
    [aria-expanded='false'] + .filters {
      display: none;
    }
  }
  @container (width >= 34em) {
    .filter-toggle {
      display: none;
    }
    .filters {
      grid-template-columns: repeat(auto-fill, minmax(10em, 1fr));
      align-items: end;
    }
  }
  .field {
    display: grid;
    gap: var(--_s1);
    min-width: 0;
  }
  label {
    font-weight: 600;
  }
  .filters[disabled] .control {
    opacity: 0.6;
  }
  /* Access: once open, the checkboxes take the bar's width, in columns where it has room; each row is
     a 44 px touch target, label included. A session's features are small pills, icon then words. */
  .access-filter[open] {
    grid-column: 1 / -1;
  }
  .access-filter fieldset {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(15em, 100%), 1fr));
    column-gap: var(--_s4);
    border: 0;
    min-width: 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: var(--_s2);
    min-height: 44px;
    font-weight: 400;
    cursor: pointer;
  }
  .check input {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .features {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s1);
    margin-top: var(--_s1);
  }
  /* Lighter than the availability badge, and a long label wraps in a box, not an oval. */
  .features li {
    border-radius: var(--_radius);
    font-weight: 400;
  }
  .provider-notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_s2) var(--_s4);
    border-left: 4px solid var(--_accent);
  }

  /* Toolbar: view toggle and count */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_s2);
  }
  /* Two secondary buttons; the pressed one filled (as specific as .button.secondary:hover, and later). */
  .view-toggle {
    display: flex;
    gap: var(--_s2);
  }
  .view-toggle .button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  .count,
  .meta {
    font-size: var(--_t0);
  }

  /* Agenda. No content-visibility on months: Chromium leaves skipped months out of the
     accessibility tree. Paging (PAGE_SIZE) keeps the DOM small instead. */
  .agenda {
    display: grid;
    gap: var(--_s6);
  }
  .month,
  .day-group,
  .sessions,
  .loading,
  .month-view,
  .day-panel {
    display: grid;
    gap: var(--_s2);
  }
  .day-heading {
    color: var(--_muted);
    border-bottom: 1px solid var(--_border);
    padding-bottom: var(--_s1);
  }

  /* One session: a stack while narrow (wide: below). */
  .session {
    display: grid;
    gap: var(--_s2) var(--_s6);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_s1) var(--_s3);
  }
  .time {
    font-weight: 600;
  }
  .cancelled :is(.title, .when) {
    text-decoration: line-through;
    color: var(--_muted);
  }
  .session.cancelled {
    background: var(--_surface-alt);
  }
  /* A disclosure: the access note's summary, and the add-to-calendar button, which looks the same. */
  .disclosure {
    padding: 0;
    border: 0;
    background: none;
  }
  summary,
  .disclosure {
    display: flex;
    align-items: center;
    gap: var(--_s1);
    min-height: 44px;
    color: var(--_accent-text);
    font-weight: 600;
    cursor: pointer;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_s2) var(--_s4);
  }
  /* An opened disclosure takes a line of its own; so do the add-to-calendar links, below their button. */
  .actions [open],
  .add-to-calendar {
    flex-basis: 100%;
  }
  .add-to-calendar {
    display: grid;
    gap: var(--_s1);
    padding: 0 0 0 var(--_s4);
  }
  .add-to-calendar a {
    display: inline-block;
    padding: var(--_s1) 0;
  }
  :host([layout='compact']) .session {
    padding: var(--_s2) var(--_s4);
  }
  .more {
    text-align: center;
  }

  /* Badges: the words carry the meaning, the colour repeats it. */
  .badge.spaces {
    color: var(--_success);
  }
  .badge.few {
    color: var(--_warning);
    border-style: dashed;
  }
  .badge:is(.full, .full-waitlist, .cancelled) {
    color: var(--_danger);
    border-width: 2px;
  }
  .badge.closed {
    color: var(--_muted);
  }

  /* Month grid */
  .grid-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_s2);
  }
  .nav {
    min-width: 44px;
    padding: var(--_s1) var(--_s3);
    font-size: var(--_t1);
  }
  .grid {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }
  .grid th {
    padding: var(--_s1) 0;
    font-size: var(--_t0);
    color: var(--_muted);
  }
  .grid td {
    height: 3em;
    padding: var(--_s1);
    text-align: center;
    vertical-align: top;
    border: 1px solid var(--_border);
  }
  .grid .pad {
    border: 0;
  }
  .grid .day {
    position: relative;
    cursor: pointer;
  }
  /* Focus is a ring outside the cell, the chosen day a filled cell: different shapes that
     never overlap, in normal and forced colours. */
  .grid .day:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    z-index: 1;
  }
  .has-sessions .num {
    font-weight: 700;
  }
  .grid .count {
    display: block;
    margin: auto;
    width: fit-content;
    min-width: 1.5em;
    padding: 0 var(--_s1);
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 700;
  }
  /* Titles only once wide (below). */
  .titles {
    display: none;
  }
  [aria-current='date'] .num {
    text-decoration: underline 2px;
  }
  /* Text colours swapped: the fill keeps accent-text's contrast with the surface (≥ 4.5:1), dark mode too. */
  .grid [aria-selected='true'] {
    background: var(--_accent-text);
    color: var(--_surface);
  }
  .grid [aria-selected='true'] .count {
    background: var(--_surface);
    color: var(--_accent-text);
  }
  /* Placeholders the size of what they stand for, so nothing jumps when it arrives. */
  .session-skeleton {
    height: 19em;
  }
  .grid-skeleton {
    height: 20em;
  }

  /* Wide: title | time and place | actions, the same columns in every entry so they line up. */
  @container (width >= 48em) {
    .session {
      grid-template-columns: minmax(0, 2fr) minmax(0, 2fr) minmax(0, 3fr);
      align-items: start;
    }
    .session-skeleton {
      height: 10em;
    }
    /* The month grid: titles where the cells have room for them, the count where they do not. */
    .grid .count {
      display: none;
    }
    .titles {
      display: grid;
      font-size: var(--_t0);
      text-align: start;
    }
    .titles span {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
  }

  /* Compact, once there is room: a table row per session (time | title | place | actions), the
     disclosures in small print. */
  @container (width >= 64em) {
    :host([layout='compact']) .session {
      grid-template-columns: minmax(0, 2fr) minmax(0, 4fr) minmax(0, 4fr) 24em;
      align-items: center;
      gap: var(--_s1) var(--_s4);
    }
    :host([layout='compact']) .info {
      display: contents;
    }
    :host([layout='compact']) .when {
      order: -1;
    }
    :host([layout='compact']) :is(summary, .disclosure) {
      min-height: 24px;
      font-size: var(--_t0);
    }
    :host([layout='compact']) .session-skeleton {
      height: 7em;
    }
  }

  /* Signup dialog (a .panel) */
  .dialog {
    width: min(100% - var(--_s4), 40em);
    max-height: calc(100dvh - var(--_s4));
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  .dialog-head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_s4);
    margin-bottom: var(--_s2);
  }
  /* The dialog's own heading names the form; the form's matching heading would repeat it. */
  .dialog mobilise-signup-form::part(heading) {
    display: none;
  }
  .close {
    min-width: 44px;
    padding: 0;
    font-size: var(--_t2);
  }

  @media (forced-colors: active) {
    .view-toggle .button[aria-pressed='true'],
    .grid [aria-selected='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .grid [aria-selected='true'] .count {
      background: HighlightText;
      color: Highlight;
    }
    .grid .count {
      border: 1px solid CanvasText;
    }
    .session:focus,
    .grid .day:focus {
      outline-color: Highlight;
    }
  }
`;
