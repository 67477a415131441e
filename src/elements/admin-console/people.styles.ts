import { css } from 'lit';

/** The data-rights view's own rules, on top of the console's (fields, summary, buttons). */
export const peopleStyles = css`
  /* An email address is one long word: at 320 px it must break rather than push the page sideways. */
  section {
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: var(--_t2);
    margin: 0;
  }
  h4 {
    font-size: var(--_t1);
    margin: 0 0 var(--_s2);
  }
  .signup {
    padding: var(--_s3) var(--_s4);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  dl {
    display: grid;
    gap: var(--_s1);
    margin: 0;
  }
  dl div {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_s3);
  }
  dt {
    flex: 0 0 11em;
    font-weight: 600;
  }
  dd {
    flex: 1 1 14em;
    margin: 0;
    overflow-wrap: anywhere;
  }
  summary {
    cursor: pointer;
    color: var(--_accent-text);
    padding: var(--_s1) 0;
  }
  .needs {
    white-space: pre-wrap;
    margin: var(--_s1) 0 0;
  }
  .counts {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .warning {
    border-left: 5px solid var(--_danger);
    padding-left: var(--_s3);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
  .erase-result:focus,
  h3:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
