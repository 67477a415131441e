import { html, nothing, type ReactiveControllerHost } from 'lit';
import { localise } from '../../strings/current.js';
import {
  focusTargetId,
  renderConsent,
  renderErrorSummary,
  renderHoneypot,
  renderMarketing,
  renderMembership,
  renderTextField,
  type TextField,
} from './fields.js';
import {
  emptyValues,
  fieldOf,
  summaryEntries,
  type FieldErrors,
  type FormField,
  type FormValues,
  type Problems,
  type Validation,
} from './validation.js';

/**
 * The member's answers and what is wrong with them: values, which fields were touched, field
 * errors and the error summary. `check` knows the session and the idempotency key, so this
 * knows neither; it validates a field as it is left, and everything on submit.
 */
export class FormStateController {
  /** Kept outside reactive state: inputs own their value while typing; the model restores it after re-renders. */
  #values: FormValues = emptyValues();
  /** Fields typed in: blur validation waits for these (or a submit) so nobody is scolded for tabbing through. */
  readonly #dirty = new Set<FormField>();
  /** Fields changed since errors were last shown: an unchanged answer keeps its (possibly server-given) message. */
  readonly #edited = new Set<FormField>();
  #submitted = false;
  #errors: FieldErrors = {};
  #general: string[] = [];
  #showSummary = false;

  readonly #host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  readonly #check: (values: FormValues) => Validation;

  constructor(
    host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    check: (values: FormValues) => Validation,
  ) {
    this.#host = host;
    this.#check = check;
  }

  /** No re-render: the input already shows what was typed. */
  readonly onInput = (e: Event) => {
    const target = e.target as HTMLInputElement | HTMLTextAreaElement;
    const name = target.name as keyof FormValues;
    if (!(name in this.#values)) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    (this.#values as unknown as Record<string, string | boolean>)[name] = value;
    const field = fieldOf(name);
    if (!field) return;
    this.#dirty.add(field);
    this.#edited.add(field);
  };

  /** Validate just the field being left, once the member has typed in it or tried to submit. */
  readonly onFocusOut = (e: FocusEvent) => {
    const target = e.target as HTMLInputElement;
    const field = fieldOf(target.name ?? '');
    if (!field || (!this.#dirty.has(field) && !this.#submitted)) return;
    if (this.#errors[field] && !this.#edited.has(field)) return;
    // Arrowing between radios of one group is not leaving the question.
    if ((e.relatedTarget as HTMLInputElement | null)?.name === target.name) return;
    const result = this.#check(this.#values);
    const message = result.ok ? undefined : result.problems.fields[field];
    if (message === this.#errors[field]) return;
    const errors = { ...this.#errors };
    if (message) errors[field] = message;
    else delete errors[field];
    this.#errors = errors;
    this.#host.requestUpdate();
  };

  /** Summary links jump to the control (hash links cannot reach into a shadow root). */
  readonly #onSummaryLink = (e: Event) => {
    e.preventDefault();
    const field = (e.currentTarget as HTMLElement).dataset.field as FormField;
    const control = this.#host.renderRoot.querySelector<HTMLElement>(`#${focusTargetId(field)}`);
    control?.closest('.field')?.scrollIntoView({ block: 'start' });
    control?.focus({ preventScroll: true });
  };

  /** On submit: from now on every field is validated as it is left. */
  validateAll(): Validation {
    this.#submitted = true;
    return this.#check(this.#values);
  }

  /** Errors by their fields and in the summary; an answer keeps its message until it is changed. */
  showProblems(problems: Problems) {
    this.#errors = problems.fields;
    this.#general = problems.general;
    this.#showSummary = true;
    this.#edited.clear();
    this.#host.requestUpdate();
  }

  clearProblems() {
    this.#errors = {};
    this.#general = [];
    this.#showSummary = false;
    this.#host.requestUpdate();
  }

  /** A fresh attempt: nothing touched, nothing wrong. The answers stay (see clearAnswers). */
  reset() {
    this.#submitted = false;
    this.#dirty.clear();
    this.#edited.clear();
    this.clearProblems();
  }

  clearAnswers() {
    this.#values = emptyValues();
    this.#host.requestUpdate();
  }

  /** The error summary and the questions, inside the element's `<form>`. */
  /** `level`: the error summary's heading level (one below the form's). */
  render(privacyHref: string | undefined, level: number) {
    const v = this.#values;
    // Messages are kept in English (the contract's) and worded in the page's language here.
    const e: FieldErrors = Object.fromEntries(Object.entries(this.#errors).map(([field, message]) => [field, localise(message!)]));
    const entries = this.#showSummary ? summaryEntries({ fields: e, general: this.#general.map(localise) }) : [];
    const text = (...names: TextField[]) => names.map((name) => renderTextField(name, v[name], e[name]));
    return html`${entries.length ? renderErrorSummary(entries, this.#onSummaryLink, level) : nothing}
    ${text('firstName', 'lastName', 'email', 'phone', 'postcode')} ${renderMembership(v.membership, e.membership)}
    ${text('clp', 'accessNeeds')}
    ${renderConsent(v.consentContact, e.consentContact, privacyHref)}
    ${renderMarketing(v.consentMarketing)} ${renderHoneypot(v.website)}`;
  }
}
