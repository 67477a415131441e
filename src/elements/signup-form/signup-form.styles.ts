import { css } from 'lit';

/** Single column at every width: a phone-first form, GOV.UK-style errors with a left border in --_danger. */
export const styles = css`
  .heading {
    font-size: 1.375em;
    line-height: 1.3;
    margin: 0 0 0.75em;
  }
  /* Headings take focus from script (to be announced): a ring only for keyboard users. */
  .heading:focus,
  .result-heading:focus {
    outline: none;
  }
  .heading:focus-visible,
  .result-heading:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .session-summary {
    display: grid;
    gap: 0.25em;
    margin: 0 0 1.5em;
    padding: 0.75em 1em;
    border-left: 4px solid var(--_accent);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .session-summary div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .session-summary dt {
    font-weight: 600;
    min-width: 4.5em;
  }
  form {
    display: grid;
    gap: 1.5em;
    max-width: 36em;
  }
  .field {
    display: grid;
    gap: 0.35em;
    min-width: 0;
    border: 0;
  }
  .field.invalid {
    border-left: 4px solid var(--_danger);
    padding-left: 0.75em;
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-bottom: 0.35em;
  }
  .hint {
    color: var(--_muted);
  }
  .error-message {
    color: var(--_danger);
    font-weight: 700;
  }
  /* Text inputs and the textarea. */
  [part='input'] {
    display: block;
    width: 100%;
    min-height: 44px;
    padding: 0.5em 0.625em;
    border: 2px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
  }
  textarea {
    resize: vertical;
  }
  .invalid input,
  .invalid textarea {
    border-color: var(--_danger);
  }
  .choices {
    display: grid;
    gap: 0.25em;
  }
  /* The whole row is the touch target: at least 44px tall, label clickable. */
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.75em;
    min-height: 44px;
  }
  .choice input {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    margin: 0.6em 0 0;
    accent-color: var(--_accent);
  }
  .choice label {
    font-weight: 400;
    padding: 0.6em 0 0.4em;
    flex: 1;
    cursor: pointer;
  }
  .choice-hint {
    padding-left: 2.25em;
  }
  .choice-hint a {
    display: inline-block;
    padding: 0.6em 0;
  }
  .hp {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .error-summary {
    padding: 1em;
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .error-summary-title {
    font-size: 1.125em;
    margin: 0 0 0.5em;
  }
  .error-summary li + li {
    margin-top: 0.25em;
  }
  .error-summary a {
    display: inline-block;
    padding: 0.5em 0;
    color: var(--_danger);
    font-weight: 700;
  }
  .notice {
    padding: 0.75em 1em;
    border-left: 4px solid var(--_danger);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .submit {
    justify-self: start;
    min-width: 10em;
  }
  .result {
    display: grid;
    gap: 0.75em;
    padding: 1em;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border-left: 4px solid var(--_success);
  }
  .result.waitlisted {
    border-left-color: var(--_warning);
  }
  .result.error {
    border-left-color: var(--_danger);
  }
  .result-heading {
    font-size: 1.25em;
    margin: 0 0 0.5em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .skeleton.title {
    height: 1.8em;
    width: 70%;
    margin-bottom: 0.75em;
  }
  .skeleton.block {
    height: 6.5em;
    margin-bottom: 1.5em;
  }
  .skeleton.form {
    height: 24em;
  }
  @media (max-width: 30em) {
    .submit {
      justify-self: stretch;
    }
  }
  @media (forced-colors: active) {
    .field.invalid,
    .notice,
    .session-summary,
    .result {
      border-left-color: CanvasText;
    }
    .error-summary {
      border-color: CanvasText;
    }
    [part='input'] {
      border-color: FieldText;
    }
    .error-summary a {
      color: LinkText;
    }
    .error-message {
      color: CanvasText;
    }
    .heading:focus-visible,
    .result-heading:focus-visible,
    .error-summary:focus {
      outline-color: Highlight;
    }
  }
`;
