import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DroppedItem, MobiliseClient } from '../../client/index.js';
import { sessionToIcs, type Module, type Session, type SignupRequest, type SignupResult } from '../../contract/index.js';
import { MobiliseController, emit } from '../../context/index.js';
import { en } from '../../strings/en.js';
import { baseStyles } from '../shared/base.styles.js';
import { renderDropped, renderError } from '../shared/states.js';
import {
  focusTargetId,
  renderConsent,
  renderErrorSummary,
  renderHoneypot,
  renderMarketing,
  renderMembership,
  renderTextField,
  safeHref,
} from './fields.js';
import { classifyFailure } from './failure.js';
import { IdempotencyKeys } from './idempotency.js';
import { renderOutcome, renderStaticMode, renderUnavailableSession, type Outcome } from './result.js';
import { styles } from './signup-form.styles.js';
import { availability, renderSessionSummary } from './summary.js';
import {
  emptyValues,
  fieldOf,
  summaryEntries,
  validate,
  type FieldErrors,
  type FormField,
  type FormValues,
  type Problems,
} from './validation.js';

const t = en.signup;

interface Loaded {
  /** Undefined when the id matches no session the server sent. */
  session?: Session;
  module?: Module;
  dropped: DroppedItem[];
  acceptsSignups: boolean;
  externalUrl?: string;
}

/** Which element gets focus after the next render that contains it. */
type FocusTarget = 'heading' | 'summary' | 'result';

/**
 * @tagname mobilise-signup-form
 * @summary Signup form for one training session: validates with the shared contract, survives
 * flaky connections (one idempotency key per person and session) and confirms with a reference.
 *
 * Which session: the `session-id` attribute, else the session picked in a
 * `<mobilise-session-calendar>` inside the same `<mobilise-provider>` (or anywhere
 * on the page when the form has no provider).
 *
 * Attributes:
 * - `endpoint` – API base URL or static JSON file; defaults to the provider's.
 * - `session-id` – the session to sign up for; wins over the provider's selection.
 * - `privacy-url` – privacy notice linked from the consent; defaults to the provider's.
 *
 * @event mobilise-signup - After a successful signup. Detail `{ sessionId, status, reference }` only: no personal data.
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
 * @cssproperty --mobilise-accent - Buttons and the session summary's border.
 * @cssproperty --mobilise-danger - Error borders and messages.
 * @cssproperty --mobilise-success - Border of a confirmed result.
 * @cssproperty --mobilise-warning - Border of a waiting-list result.
 * @cssproperty --mobilise-focus - Focus ring.
 */
export class MobiliseSignupForm extends LitElement {
  static override styles = [baseStyles, styles];

  private readonly ctx = new MobiliseController(this);

  /** Same query as the calendar, so the page makes one sessions request for both. */
  private readonly sessionTask = new Task(this, {
    args: () => [this.ctx.endpoint, this.ctx.config.area, this.currentSessionId] as const,
    task: ([, area, sessionId], { signal }) => this.load(area, sessionId, signal),
  });

  @state() private errors: FieldErrors = {};
  @state() private general: string[] = [];
  @state() private showSummary = false;
  @state() private submitting = false;
  @state() private notice = '';
  @state() private outcome?: Outcome;
  /** Without a provider, the last session picked anywhere on the page (see onPageSelect). */
  @state() private pageSelection = '';

  /** Kept outside reactive state: inputs own their value while typing; the model restores it after re-renders. */
  private values: FormValues = emptyValues();
  /** Fields typed in: blur validation waits for these (or a submit) so nobody is scolded for tabbing through. */
  private readonly dirty = new Set<FormField>();
  /** Fields changed since errors were last shown: an unchanged answer keeps its (possibly server-given) message. */
  private readonly edited = new Set<FormField>();
  private submitted = false;
  private readonly keys = new IdempotencyKeys();
  private inFlight?: AbortController;
  private focusNext?: FocusTarget;
  private shownSessionId?: string;
  private blobUrl?: string;

  /** Base URL of the Mobilise API, or the URL of a static JSON file. Defaults to the provider's. */
  @property({ reflect: false }) endpoint = '';
  /** The session to sign up for; when empty, the session selected through `<mobilise-provider>`. */
  @property({ attribute: 'session-id' }) sessionId = '';
  /** Privacy notice linked from the consent question; defaults to the provider's `privacy-url`. */
  @property({ attribute: 'privacy-url' }) privacyUrl = '';

  private get currentSessionId(): string {
    return this.sessionId || (this.ctx.hasProvider ? this.ctx.selection.sessionId : this.pageSelection) || '';
  }

  /**
   * A webmaster who pastes a calendar and a form without a provider still gets them
   * wired: the select event is composed, so it reaches window. Applied after other
   * listeners, like the provider does, so a host page can veto it.
   */
  private readonly onPageSelect = (e: Event) => {
    if (this.ctx.hasProvider) return;
    const event = e as HTMLElementEventMap['mobilise-session-select'];
    queueMicrotask(() => {
      if (!event.defaultPrevented) this.pageSelection = event.detail.sessionId;
    });
  };

  private onInput(e: Event) {
    const target = e.target as HTMLInputElement | HTMLTextAreaElement;
    const name = target.name as keyof FormValues;
    if (!(name in this.values)) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    (this.values as unknown as Record<string, string | boolean>)[name] = value;
    const field = fieldOf(name);
    if (!field) return;
    this.dirty.add(field);
    this.edited.add(field);
  }

  /** Validate just the field being left, once the member has typed in it or tried to submit. */
  private onFocusOut(e: FocusEvent) {
    const target = e.target as HTMLInputElement;
    const field = fieldOf(target.name ?? '');
    if (!field || (!this.dirty.has(field) && !this.submitted)) return;
    if (this.errors[field] && !this.edited.has(field)) return;
    // Arrowing between radios of one group is not leaving the question.
    if ((e.relatedTarget as HTMLInputElement | null)?.name === target.name) return;
    const result = validate(this.values, this.currentSessionId, this.keys.for(this.currentSessionId));
    const message = result.ok ? undefined : result.problems.fields[field];
    if (message === this.errors[field]) return;
    const errors = { ...this.errors };
    if (message) errors[field] = message;
    else delete errors[field];
    this.errors = errors;
  }

  private onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.submitting) return;
    this.submitted = true;
    const sessionId = this.currentSessionId;
    const result = validate(this.values, sessionId, this.keys.for(sessionId));
    if (result.ok) void this.send(result.request);
    else this.showProblems(result.problems);
  }

  /** Summary links jump to the control (hash links cannot reach into a shadow root). */
  private onSummaryLink(e: Event) {
    e.preventDefault();
    const field = (e.currentTarget as HTMLElement).dataset.field as FormField;
    const control = this.renderRoot.querySelector<HTMLElement>(`#${focusTargetId(field)}`);
    control?.closest('.field')?.scrollIntoView({ block: 'start' });
    control?.focus({ preventScroll: true });
  }

  /** "Sign up someone else": a blank form and a new idempotency key, so it is a new signup. */
  private readonly again = () => {
    this.keys.renew(this.currentSessionId);
    this.values = emptyValues();
    this.resetForm();
    this.focusNext = 'heading';
    this.sessionTask.run();
  };

  /** After "full" or "closed": reload the session so its real state shows. */
  private readonly back = () => {
    this.outcome = undefined;
    this.focusNext = 'heading';
    this.reload();
  };

  private readonly reload = () => {
    try {
      this.ctx.client().invalidate();
    } catch {
      /* a config error is shown again by the task */
    }
    this.sessionTask.run();
  };

  private async load(area: string | undefined, sessionId: string, signal: AbortSignal): Promise<Loaded | null> {
    const client = this.ctx.client();
    if (!sessionId) return null;
    const [sessions, modules] = await Promise.all([client.getSessions({ area }, signal), client.getModules(signal)]);
    const session = sessions.items.find((s) => s.id === sessionId);
    const module = session && modules.items.find((m) => m.id === session.moduleId);
    const externalUrl = client.acceptsSignups ? undefined : await client.externalSignupUrl();
    return { session, module, dropped: sessions.dropped, acceptsSignups: client.acceptsSignups, externalUrl };
  }

  private showProblems(problems: Problems) {
    this.errors = problems.fields;
    this.general = problems.general;
    this.showSummary = true;
    this.edited.clear();
    this.notice = '';
    this.focusNext = 'summary';
  }

  private async send(request: SignupRequest) {
    const client = this.ctx.client();
    const controller = new AbortController();
    this.inFlight = controller;
    this.submitting = true;
    this.notice = '';
    this.errors = {};
    this.general = [];
    this.showSummary = false;
    try {
      const result = await client.signup(request, controller.signal);
      if (!controller.signal.aborted) this.succeed(result, client);
    } catch (error) {
      if (!controller.signal.aborted) this.fail(error, request.sessionId);
    } finally {
      if (this.inFlight === controller) {
        this.inFlight = undefined;
        this.submitting = false;
      }
    }
  }

  private succeed(result: SignupResult, client: MobiliseClient) {
    client.invalidate();
    const loaded = this.sessionTask.value;
    const ics =
      result.status === 'confirmed' && loaded?.session
        ? { icsHref: client.icsUrl(result.sessionId) ?? this.icsBlobUrl(loaded.session, loaded.module), icsName: `${result.sessionId}.ics` }
        : {};
    this.outcome = { kind: result.status, result, ...ics };
    this.focusNext = 'result';
    emit(this, 'mobilise-signup', { sessionId: result.sessionId, status: result.status, reference: result.reference });
  }

  private fail(error: unknown, sessionId: string) {
    const action = classifyFailure(error);
    if (action.kind === 'problems') this.showProblems(action.problems);
    else if (action.kind === 'outcome') {
      this.outcome = { kind: action.outcome };
      this.focusNext = 'result';
    } else {
      if (action.renewKey) this.keys.renew(sessionId);
      this.notice = action.text;
    }
  }

  /** Static mode has no server .ics, so the file is built in the browser. */
  private icsBlobUrl(session: Session, module: Module | undefined): string {
    this.revokeBlob();
    const ics = sessionToIcs(session, module ?? { title: t.untitled, summary: '' });
    this.blobUrl = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    return this.blobUrl;
  }

  private revokeBlob() {
    if (this.blobUrl) URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = undefined;
  }

  private resetForm() {
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.submitting = false;
    this.submitted = false;
    this.dirty.clear();
    this.edited.clear();
    this.errors = {};
    this.general = [];
    this.showSummary = false;
    this.notice = '';
    this.outcome = undefined;
    this.revokeBlob();
  }

  private focusTarget(target: FocusTarget): HTMLElement | null {
    const selector = { heading: '#heading', summary: '.error-summary', result: '.result-heading' }[target];
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('mobilise-session-select', this.onPageSelect);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('mobilise-session-select', this.onPageSelect);
    this.inFlight?.abort();
    this.revokeBlob();
  }

  /** A new session (picked in a calendar) starts a fresh attempt and takes focus; typed answers stay. */
  protected override willUpdate() {
    const id = this.currentSessionId;
    if (id === this.shownSessionId) return;
    const first = this.shownSessionId === undefined;
    this.shownSessionId = id;
    if (first) return;
    this.resetForm();
    if (id && !this.sessionId) this.focusNext = 'heading';
  }

  protected override updated() {
    if (!this.focusNext) return;
    const el = this.focusTarget(this.focusNext);
    if (!el) {
      // Still loading: try after the next render. A failed load has nothing to focus.
      if (this.sessionTask.status === TaskStatus.ERROR) this.focusNext = undefined;
      return;
    }
    this.focusNext = undefined;
    const smooth = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    el.focus({ preventScroll: true });
  }

  private renderHeading(text: string) {
    return html`<h2 id="heading" class="heading" part="heading" tabindex="-1">${text}</h2>`;
  }

  private renderSkeleton() {
    return html`<div aria-busy="true">
      <span class="visually-hidden" role="status">${en.state.loading}</span>
      <div class="skeleton title"></div>
      <div class="skeleton block"></div>
      <div class="skeleton form"></div>
    </div>`;
  }

  private renderForm(waitlist: boolean) {
    const v = this.values;
    const e = this.errors;
    const entries = this.showSummary ? summaryEntries({ fields: e, general: this.general }) : [];
    return html`<form
      part="form"
      novalidate
      aria-labelledby="heading"
      @submit=${this.onSubmit}
      @input=${this.onInput}
      @change=${this.onInput}
      @focusout=${this.onFocusOut}
    >
      ${entries.length ? renderErrorSummary(entries, this.onSummaryLink) : nothing}
      ${renderTextField('firstName', v.firstName, e.firstName)} ${renderTextField('lastName', v.lastName, e.lastName)}
      ${renderTextField('email', v.email, e.email)} ${renderTextField('phone', v.phone, e.phone)}
      ${renderTextField('postcode', v.postcode, e.postcode)} ${renderMembership(v.membership, e.membership)}
      ${renderTextField('clp', v.clp, e.clp)} ${renderTextField('accessNeeds', v.accessNeeds, e.accessNeeds)}
      ${renderConsent(v.consentContact, e.consentContact, safeHref(this.privacyUrl || this.ctx.config.privacyUrl))}
      ${renderMarketing(v.consentMarketing)} ${renderHoneypot(v.website)}
      ${this.notice ? html`<p class="notice" part="notice" role="alert">${this.notice}</p>` : nothing}
      <button class="button submit" part="submit" type="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
        ${this.submitting ? t.submitting : waitlist ? t.submitWaitlist : t.submit}
      </button>
      <p class="visually-hidden" role="status">${this.submitting ? t.submitting : ''}</p>
    </form>`;
  }

  private renderSession(loaded: Loaded, session: Session) {
    const state = availability(session, Date.now());
    let body;
    if (this.outcome) body = renderOutcome(this.outcome, { again: this.again, back: this.back });
    else if (!loaded.acceptsSignups) body = renderStaticMode(loaded.externalUrl);
    else if (state === 'open' || state === 'waitlist') body = this.renderForm(state === 'waitlist');
    else body = renderUnavailableSession(state);
    return html`${this.renderHeading(t.heading(loaded.module?.title ?? t.untitled))}
      ${renderSessionSummary(session, this.ctx.locale, state)} ${body}`;
  }

  private renderLoaded(loaded: Loaded | null) {
    if (!loaded) return html`${this.renderHeading(t.headingNoSession)}<p class="state">${t.chooseSession}</p>`;
    if (!loaded.session) {
      return html`${this.renderHeading(t.headingNoSession)}
        <p class="state error">${t.notFound}</p>
        ${renderDropped(loaded.dropped)}`;
    }
    return this.renderSession(loaded, loaded.session);
  }

  override render() {
    return this.sessionTask.render({
      initial: () => this.renderSkeleton(),
      // Reloading the same session (after a signup) keeps the page still instead of flashing a skeleton.
      pending: () => {
        const last = this.sessionTask.value;
        return last?.session && last.session.id === this.currentSessionId ? this.renderLoaded(last) : this.renderSkeleton();
      },
      complete: (loaded) => this.renderLoaded(loaded),
      error: (error) => renderError(error, this.reload),
    });
  }
}
