import { css } from 'lit';

/**
 * Single column at every width: a phone-first form on the shared scale. Errors (summary, field, notice)
 * are GOV.UK-style bars in --_danger, set apart from the accent's buttons; a confirmation is a coloured panel.
 */
export const styles = css`
  .heading {
    font-size: var(--_t2);
    margin-bottom: var(--_s3);
  }
  .session-summary {
    display: grid;
    gap: var(--_s1);
    margin-bottom: var(--_s6);
    padding: var(--_s3) var(--_s4);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .session-summary div {
    display: flex;
    gap: var(--_s2);
  }
  .session-summary dt {
    min-width: 4.5em;
  }
  .session-summary dd {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_s3);
  }
  form {
    display: grid;
    gap: var(--_s6);
    max-width: 36em;
  }
  .field {
    display: grid;
    gap: var(--_s1);
    min-width: 0;
    border: 0;
  }
  .field.invalid {
    border-left: 5px solid var(--_danger);
    padding-left: var(--_s3);
  }
  /* Any change to the legend's own style: WebKit lays a legend out again only then, so it kept its width from
     before the bar and padding came and a question that wraps (Gaelic, at 320 px) stuck out by them. */
  .invalid legend {
    min-width: 0;
  }
  dt,
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_s1);
  }
  .hint {
    color: var(--_muted);
  }
  .error-message,
  .error-summary a {
    color: var(--_danger);
    font-weight: 700;
  }
  textarea {
    resize: vertical;
  }
  .invalid .control {
    border-color: var(--_danger);
  }
  .choices {
    display: grid;
  }
  /* The whole row is the touch target: at least 44px tall, label clickable. */
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_s3);
    min-height: 44px;
  }
  .choice input {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    margin: var(--_s2) 0 0;
    accent-color: var(--_accent);
  }
  .choice label {
    font-weight: 400;
    padding-block: var(--_s2);
    flex: 1;
    cursor: pointer;
  }
  .choice-hint {
    padding-left: 2.25em;
  }
  .choice-hint a {
    display: inline-block;
    padding: var(--_s2) 0;
  }
  /* The honeypot, off-screen (negative offsets never scroll). */
  .hp {
    position: absolute;
    left: -10000px;
  }
  .error-summary a {
    display: inline-block;
    padding: var(--_s1) 0;
  }
  .submit {
    justify-self: start;
    min-width: 10em;
  }
  .result {
    display: grid;
    gap: var(--_s3);
    padding: var(--_s4);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    border-left: 5px solid var(--_success);
    /* A joining link is one long word: it wraps anywhere rather than widen the form. */
    overflow-wrap: anywhere;
  }
  .result.waitlisted {
    border-left-color: var(--_warning);
  }
  .result.error {
    border-left-color: var(--_danger);
  }
  /* A signup held: the GOV.UK confirmation panel, its heading large on the outcome's colour. */
  .place,
  .waitlist {
    padding: 0;
    border: 0;
    background: none;
  }
  :is(.place, .waitlist) > .result-heading {
    padding: var(--_s6) var(--_s4);
    border-radius: var(--_radius);
    background: var(--_success);
    color: var(--_surface);
    font-size: var(--_t3);
    text-align: center;
  }
  .waitlist > .result-heading {
    background: var(--_warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s3);
  }
  /* Loading: the heading, the session summary and the form, at their own heights. */
  .skeleton {
    height: 3.5em;
  }
  .skeleton.form {
    height: 79em;
  }
  .skeleton:first-child {
    height: var(--_t2);
    width: 70%;
    margin-bottom: var(--_s3);
  }
  @media (max-width: 30em) {
    .submit {
      justify-self: stretch;
    }
  }
`;
