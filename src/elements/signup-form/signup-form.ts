import { LitElement, html, nothing } from 'lit';
import { localised, type Session } from '../../contract/index.js';
import { MobiliseController } from '../../context/index.js';
import { strings } from '../../strings/current.js';
import { baseStyles } from '../shared/base.styles.js';
import { forwardBookingLink } from '../shared/booking-link.js';
import { heading } from '../shared/heading.js';
import { renderDropped, renderError } from '../shared/states.js';
import { safeHref } from './fields.js';
import { FocusController } from './focus-controller.js';
import { FormStateController } from './form-state-controller.js';
import { renderOutcome, renderStaticMode, renderUnavailableSession } from './result.js';
import { renderSeries, type Series } from './series.js';
import { SessionController, type Loaded } from './session-controller.js';
import { styles } from './signup-form.styles.js';
import { SubmissionController } from './submission-controller.js';
import { availability, renderSessionSummary } from './summary.js';
import { validate, type Problems } from './validation.js';


/**
 * Browsers scroll only a text area's caret line into view on Tab, leaving most of the
 * box below the window (WCAG 2.4.11): bring all of it in. Only text areas: headings and
 * the error summary scroll themselves (smoothly) before they take focus.
 */
const scrollFieldIntoView = ({ target }: FocusEvent) =>
  target instanceof HTMLTextAreaElement && target.scrollIntoView({ block: 'nearest' });

/**
 * @tagname mobilise-signup-form
 * @summary Signup form for one training session: validates with the shared contract, survives
 * flaky connections (one idempotency key per person and session); the member then confirms by the emailed link.
 *
 * Which session: the `session-id` attribute, else the session picked in a
 * `<mobilise-session-calendar>` inside the same `<mobilise-provider>` (or anywhere
 * on the page when the form has no provider).
 *
 * An emailed link from before the booking page (`#mobilise-confirm=…` or `#mobilise-booking=…` in
 * this page's address) is forwarded to the training server's /booking, where links lead now.
 *
 * Attributes:
 * - `endpoint` – API base URL or static JSON file; defaults to the provider's.
 * - `session-id` – the session to sign up for; wins over the provider's selection.
 * - `privacy-url` – privacy notice linked from the consent; defaults to the provider's.
 * - `heading-level` – level of the form's heading, 2–6 (default: the provider's, else 2); the error summary and outcomes sit one below.
 *
 * @event mobilise-signup - After a successful signup. Detail `{ sessionId, status: 'pending', hold }` only: no personal data.
 *
 * @csspart heading - The form's heading.
 * @csspart session-summary - Date, time, place and spaces of the chosen session.
 * @csspart form - The `<form>`.
 * @csspart field - Each question (label, hint, error and control).
 * @csspart label - A question's label or legend.
 * @csspart input - Text inputs and the textarea.
 * @csspart choice - Radio buttons and checkboxes.
 * @csspart choice-label - Labels of radio buttons and checkboxes.
 * @csspart error-summary - The "There is a problem" box above the form.
 * @csspart error-message - The message above an invalid control.
 * @csspart notice - Connection and rate-limit messages by the submit button; the partial-data note.
 * @csspart submit - The submit button.
 * @csspart result - Outcome and "cannot sign up" panels.
 * @csspart add-to-calendar - The .ics download link after a confirmed signup.
 * @csspart external-signup - Link to an external booking page (static mode).
 * @csspart error - Loading error state.
 * @csspart retry - Its "Try again" button.
 *
 * @cssproperty --mobilise-accent - Buttons, radio buttons and checkboxes.
 * @cssproperty --mobilise-danger - The bar beside the error summary, invalid questions and connection notices; error messages.
 * @cssproperty --mobilise-success - The confirmation panel behind "Check your email to confirm your place" (its text takes --mobilise-surface); the bar of a confirmed booking.
 * @cssproperty --mobilise-warning - The waiting-list confirmation panel; the bar of a booking still to confirm.
 * @cssproperty --mobilise-surface - Inputs' fill, and the text on the confirmation panel.
 * @cssproperty --mobilise-focus - Focus ring.
 */
export class MobiliseSignupForm extends LitElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    endpoint: {},
    sessionId: { attribute: 'session-id' },
    privacyUrl: { attribute: 'privacy-url' },
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  readonly #ctx = new MobiliseController(this);
  readonly #session = new SessionController(this, this.#ctx, (id) => this.#onSessionChange(id));
  readonly #moveFocus = new FocusController(this, () => this.#session.failed);
  readonly #form = new FormStateController(this, (values) => {
    const sessionId = this.#session.id;
    const privacy = this.#privacy;
    // Recorded with the consent: the notice the member was shown, as an absolute address.
    const checked = validate(values, sessionId, this.#submission.key(sessionId), privacy && new URL(privacy, location.href).href, this.#ctx.locale);
    const also = this.#session.value?.series?.offers.filter((o) => this.#also.has(o.session.id)).map((o) => o.session.id);
    if (checked.ok && also?.length) checked.request.alsoSessionIds = also;
    return checked;
  });
  readonly #submission = new SubmissionController(this, {
    client: () => this.#ctx.client(),
    sending: () => this.#form.clearProblems(),
    problems: (problems) => this.#showProblems(problems),
    settled: (signedUp) => {
      this.#moveFocus.request('.result-heading');
      // The summary shows the spaces left after this signup (the client dropped its cached sessions).
      if (signedUp) this.#session.refresh();
    },
  });

  /** Base URL of the Mobilise API, or the URL of a static JSON file. Defaults to the provider's. */
  endpoint = '';
  /** The session to sign up for; when empty, the session selected through `<mobilise-provider>`. */
  sessionId = '';
  /** Privacy notice linked from the consent question; defaults to the provider's `privacy-url`. */
  privacyUrl = '';
  /** Level of the form's heading, 2–6 (default: the provider's `heading-level`, else 2); the error summary and outcomes sit one below. */
  headingLevel?: number;

  /** The series' sessions ticked to book in the same signup (Loaded.series). */
  readonly #also = new Set<string>();

  #onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.#submission.submitting) return;
    this.#submission.submit(this.#form.validateAll());
  }

  /** "Sign up someone else": a blank form and a new idempotency key, so it is a new signup. */
  readonly #again = () => {
    this.#submission.renewKey(this.#session.id);
    this.#form.clearAnswers();
    this.#resetAttempt();
    this.#moveFocus.request('#heading');
  };

  /** After "full" or "closed": reload the session so its real state shows. */
  readonly #back = () => {
    this.#submission.dismissOutcome();
    this.#moveFocus.request('#heading');
    this.#session.reload();
  };

  /** A new session (picked in a calendar) starts a fresh attempt and takes focus; typed answers stay. */
  #onSessionChange(id: string) {
    this.#resetAttempt();
    if (id && !this.sessionId) this.#moveFocus.request('#heading');
  }

  #showProblems(problems: Problems) {
    this.#form.showProblems(problems);
    this.#moveFocus.request('.error-summary');
  }

  #resetAttempt() {
    this.#submission.reset();
    this.#form.reset();
    this.#also.clear();
  }

  readonly #onAlso = ({ target }: Event) => {
    const box = target as HTMLInputElement;
    this.#also[box.checked ? 'add' : 'delete'](box.value);
  };

  /** An old emailed link (to this page) goes on to the booking page. */
  override connectedCallback() {
    super.connectedCallback();
    void forwardBookingLink(this, this.#ctx).catch(() => {});
  }

  /** The form's heading level; the error summary and outcomes sit one below. */
  get #level() {
    return this.#ctx.headingLevel(2);
  }

  /** The privacy notice the consent links to (the element's, else the provider's), if it is a web page. */
  get #privacy() {
    return safeHref(this.privacyUrl || this.#ctx.config.privacyUrl);
  }

  #renderHeading(text: string) {
    return heading(this.#level, { class: 'heading', id: 'heading', part: 'heading', tabindex: -1 }, text);
  }

  /** The heading, then the summary and form's height (or the one-line "choose a session" without a session). */
  #renderSkeleton() {
    return html`<div aria-busy="true">
      <div class="skeleton"></div>
      <div class="skeleton ${this.#session.id ? 'form' : ''}"></div>
      <span class="visually-hidden" role="status">${strings.state.loading}</span>
    </div>`;
  }

  #renderForm(waitlist: boolean, series?: Series) {
    const form = this.#form;
    return html`<form
      part="form"
      novalidate
      aria-labelledby="heading"
      @submit=${this.#onSubmit}
      @input=${form.onInput}
      @change=${form.onInput}
      @focusout=${form.onFocusOut}
      @focusin=${scrollFieldIntoView}
    >
      ${form.render(this.#privacy, this.#level + 1)} ${series && !waitlist ? renderSeries(series, this.#also, this.#onAlso, this.#ctx.locale) : nothing}
      ${this.#submission.render(waitlist)}
    </form>`;
  }

  #renderSession(loaded: Loaded, session: Session) {
    const state = availability(session, Date.now());
    const outcome = this.#submission.outcome;
    const level = this.#level + 1;
    let body;
    if (outcome) body = renderOutcome(outcome, { again: this.#again, back: this.#back }, level, this.#ctx.locale);
    else if (!loaded.acceptsSignups) body = renderStaticMode(loaded.externalUrl, level);
    else if (state === 'open' || state === 'waitlist') body = this.#renderForm(state === 'waitlist', loaded.series);
    else body = renderUnavailableSession(state, level);
    return html`${this.#renderHeading(strings.calendar.dialogHeading((loaded.module && localised(loaded.module, 'title', this.#ctx.locale).text) || strings.signup.untitled))}
      ${renderSessionSummary(session, this.#ctx.locale, state)} ${body}`;
  }

  #renderLoaded(loaded: Loaded | null) {
    if (!loaded) return html`${this.#renderHeading(strings.signup.headingNoSession)}<p class="state">${strings.signup.chooseSession}</p>`;
    if (!loaded.session) {
      return html`${this.#renderHeading(strings.signup.headingNoSession)}
        <p class="state error">${strings.signup.notFound}</p>
        ${renderDropped(loaded.dropped)}`;
    }
    return this.#renderSession(loaded, loaded.session);
  }

  override render() {
    return this.#session.render({
      loading: () => this.#renderSkeleton(),
      loaded: (loaded) => this.#renderLoaded(loaded),
      failed: (error, retry) => html`${this.#renderHeading(strings.signup.headingNoSession)} ${renderError(error, retry)}`,
    });
  }
}
