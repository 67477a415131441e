import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { MEMBERSHIP_STATUSES, type Membership } from '../../contract/index.js';
import { heading } from '../shared/heading.js';
import { strings } from '../../strings/current.js';
import type { FormField } from './validation.js';


export type TextField = 'firstName' | 'lastName' | 'email' | 'phone' | 'postcode' | 'clp' | 'accessNeeds';

/** A field's label is the signup string of its own name, read when rendered (so in the page's language). */
interface TextSpec {
  autocomplete: string;
  type?: 'text' | 'email' | 'tel';
  inputmode?: 'email' | 'tel';
  autocapitalize?: 'characters' | 'words' | 'off';
  spellcheck?: 'false';
  /** A text area, with the access hint above it (the access needs question). */
  multiline?: true;
  /** Labelled "(optional)"; every other field is `required` (announced; the browser's own bubbles stay off: novalidate). */
  optional?: true;
}

/** Autocomplete tokens let phones fill the form in one tap; inputmode picks the right keyboard. */
export const TEXT_FIELDS: Record<TextField, TextSpec> = {
  firstName: { autocomplete: 'given-name', autocapitalize: 'words', spellcheck: 'false' },
  lastName: { autocomplete: 'family-name', autocapitalize: 'words', spellcheck: 'false' },
  email: { type: 'email', autocomplete: 'email', inputmode: 'email', autocapitalize: 'off', spellcheck: 'false' },
  phone: { type: 'tel', autocomplete: 'tel', inputmode: 'tel', optional: true },
  postcode: { autocomplete: 'postal-code', autocapitalize: 'characters', spellcheck: 'false' },
  clp: { autocomplete: 'off', optional: true },
  accessNeeds: { autocomplete: 'off', multiline: true, optional: true },
};

/** A membership answer's signup string: its own name, camel-cased. */
const membershipLabel = (m: Membership) => strings.signup[m === 'not-yet' ? 'notYet' : m];

export const fieldId = (field: FormField | 'website' | 'consentMarketing') => `f-${field}`;

/** Where an error summary link sends focus: the control itself, or the first radio of a group. */
export const focusTargetId = (field: FormField) => (field === 'membership' ? `${fieldId(field)}-${MEMBERSHIP_STATUSES[0]}` : fieldId(field));

const ids = (...list: (string | false | undefined)[]) => list.filter(Boolean).join(' ') || undefined;

/** Only http(s) and relative links: a `javascript:` privacy URL must never become a live link. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, globalThis.location?.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** GOV.UK pattern: the message sits above the control, with a hidden "Error:" prefix for screen readers. */
function errorMessage(field: FormField, error: string | undefined) {
  return error
    ? html`<p class="error-message" part="error-message" id="${fieldId(field)}-error">
        <span class="visually-hidden">${strings.signup.errorPrefix}</span> ${error}
      </p>`
    : nothing;
}

export function renderTextField(name: TextField, value: string, error: string | undefined) {
  const spec = TEXT_FIELDS[name];
  const id = fieldId(name);
  const hintId = spec.multiline && `${id}-hint`;
  const describedBy = ids(hintId, error && `${id}-error`);
  const invalid = error ? 'true' : undefined;
  return html`<div class="field ${error ? 'invalid' : ''}" part="field">
    <label for=${id} part="label">${strings.signup[name]}</label>
    ${hintId ? html`<p class="hint" id=${hintId}>${strings.signup.accessHint}</p>` : nothing}
    ${errorMessage(name, error)}
    ${spec.multiline
      ? html`<textarea
          class="control"
          id=${id}
          name=${name}
          part="input"
          rows="4"
          ?required=${!spec.optional}
          autocomplete=${spec.autocomplete}
          aria-describedby=${ifDefined(describedBy)}
          aria-invalid=${ifDefined(invalid)}
          .value=${live(value)}
        ></textarea>`
      : html`<input
          class="control"
          id=${id}
          name=${name}
          part="input"
          type=${spec.type ?? 'text'}
          ?required=${!spec.optional}
          autocomplete=${spec.autocomplete}
          inputmode=${ifDefined(spec.inputmode)}
          autocapitalize=${ifDefined(spec.autocapitalize)}
          spellcheck=${ifDefined(spec.spellcheck)}
          aria-describedby=${ifDefined(describedBy)}
          aria-invalid=${ifDefined(invalid)}
          .value=${live(value)}
        />`}
  </div>`;
}

export function renderMembership(value: Membership | '', error: string | undefined) {
  const id = fieldId('membership');
  // A radiogroup carries aria-required for the question as a whole (Chromium does not announce `required` on radios).
  return html`<fieldset
    class="field ${error ? 'invalid' : ''}"
    part="field"
    id=${id}
    role="radiogroup"
    aria-required="true"
    aria-describedby=${ifDefined(error && `${id}-error`)}
  >
    <legend part="label">${strings.signup.membership}</legend>
    ${errorMessage('membership', error)}
    <div class="choices">
      ${MEMBERSHIP_STATUSES.map(
        (m) => html`<div class="choice">
          <input
            type="radio"
            id="${id}-${m}"
            name="membership"
            value=${m}
            part="choice"
            aria-invalid=${ifDefined(error ? 'true' : undefined)}
            .checked=${live(value === m)}
          />
          <label for="${id}-${m}" part="choice-label">${membershipLabel(m)}</label>
        </div>`,
      )}
    </div>
  </fieldset>`;
}

/** Required consent to be contacted about this session, with the privacy notice when there is one. */
export function renderConsent(checked: boolean, error: string | undefined, privacyHref: string | undefined) {
  const id = fieldId('consentContact');
  const hintId = privacyHref ? `${id}-hint` : undefined;
  return html`<div class="field ${error ? 'invalid' : ''}" part="field">
    ${errorMessage('consentContact', error)}
    <div class="choice">
      <input
        type="checkbox"
        id=${id}
        name="consentContact"
        part="choice"
        required
        aria-describedby=${ifDefined(ids(error && `${id}-error`, hintId))}
        aria-invalid=${ifDefined(error ? 'true' : undefined)}
        .checked=${live(checked)}
      />
      <label for=${id} part="choice-label">${strings.signup.consentContact}</label>
    </div>
    ${privacyHref
      ? html`<p class="hint choice-hint" id=${hintId!}>
          <a href=${privacyHref} target="_blank" rel="noopener noreferrer">${strings.signup.privacy}<span class="visually-hidden"> ${strings.calendar.newTab}</span></a>
        </p>`
      : nothing}
  </div>`;
}

/** Marketing consent is separate, optional and never pre-ticked (UK GDPR / PECR). */
export function renderMarketing(checked: boolean) {
  const id = fieldId('consentMarketing');
  return html`<div class="field" part="field">
    <div class="choice">
      <input type="checkbox" id=${id} name="consentMarketing" part="choice" .checked=${live(checked)} />
      <label for=${id} part="choice-label">${strings.signup.consentMarketing}</label>
    </div>
  </div>`;
}

/** Bots fill every field; people never meet this one: off-screen, out of the tab order and hidden from assistive tech. */
export function renderHoneypot(value: string) {
  const id = fieldId('website');
  return html`<div class="hp" aria-hidden="true">
    <label for=${id}>${strings.signup.honeypot}</label>
    <input type="text" id=${id} name="website" tabindex="-1" autocomplete="off" .value=${live(value)} />
  </div>`;
}

export function renderErrorSummary(entries: { field?: FormField; message: string }[], onLink: (e: Event) => void, level: number) {
  return html`<div class="error-summary state error" part="error-summary" role="alert" tabindex="-1">
    ${heading(level, { class: 'error-summary-title' }, strings.signup.errorSummary)}
    <ul>
      ${entries.map(
        (e) =>
          html`<li>
            ${e.field ? html`<a href="#${focusTargetId(e.field)}" data-field=${e.field} @click=${onLink}>${e.message}</a>` : e.message}
          </li>`,
      )}
    </ul>
  </div>`;
}
