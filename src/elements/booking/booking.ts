import { html, LitElement, nothing } from 'lit';
import { cancelBooking, confirmBooking, viewBooking } from '../../client/bookings.js';
import { MobiliseClient } from '../../client/client.js';
import { isMobiliseError } from '../../client/errors.js';
import type { BookingView, Module } from '../../contract/index.js';
import { localise, strings, stringsFor, use } from '../../strings/current.js';
import { baseStyles } from '../shared/base.styles.js';
import { LINK, withManageToken } from '../shared/booking-link.js';
import { content, paragraphs } from '../shared/content.js';
import { heading } from '../shared/heading.js';
import { pageStyles } from '../shared/page.styles.js';
import { renderPrepare } from '../shared/prepare.js';
import { renderError } from '../shared/states.js';
import { focusable } from '../signup-form/result.js';
import { styles as formStyles } from '../signup-form/signup-form.styles.js';
import { renderSessionSummary } from '../signup-form/summary.js';
import { bookingWords, type BookingWords } from './words.js';

/** Amber while something is still to happen, red once the booking has ended (confirmed is green, waitlisted amber already). */
const tone: Partial<Record<BookingView['status'], string>> = { pending: 'waitlisted', expired: 'error', cancelled: 'error' };

/**
 * "Your booking", the page at `/booking` on the training server, where every emailed confirm and
 * manage link leads: `#mobilise-confirm=<token>` confirms the held place (or waiting-list slot),
 * `#mobilise-booking=<token>` reads the booking. The spent confirm token leaves the address for the
 * manage token, so a reload or a bookmark shows the booking; from a manage token the place can be
 * cancelled, after a confirm step. Each outcome's heading takes focus. Its own bundle
 * (dist/booking/booking.js), never part of the embed: only a member arriving from an email needs it.
 *
 * @tagname mobilise-booking
 * @summary A booking opened from an emailed link: confirm it, see it (checklist, joining details), cancel it.
 * @csspart result - The booking, or why it cannot be shown.
 * @csspart add-to-calendar - The .ics download link of a confirmed place.
 * @csspart joining - A confirmed place's joining link and instructions (online and hybrid sessions).
 * @csspart error - A failure that may pass (the connection, the server).
 * @csspart retry - Its "Try again" button.
 * @cssproperty --mobilise-accent - As for every element (the shared tokens apply).
 */
export class MobiliseBooking extends LitElement {
  static override styles = [baseStyles, pageStyles, formStyles];
  static override properties = {
    endpoint: {},
    locale: {},
    view: { state: true },
    module: { state: true },
    error: { state: true },
    asking: { state: true },
    busy: { state: true },
  };

  /** The API's origin; '' is the page's own (the reference backend serves the page). */
  endpoint = '';
  /** en-GB, gd or cy; else the nearest `lang` (the page's, which `?lang=` sets). */
  locale = '';

  private view?: BookingView;
  /** The training (its title, checklist and next step), from the modules list; left out if that list cannot be had. */
  private module?: Module;
  private error?: unknown;
  /** "Cancel my place" pressed: the confirm step shows. */
  private asking = false;
  /** A request is on its way (the skeleton shows until the first answer). */
  private busy = false;
  /** Holding a manage token: the booking can be cancelled from here. */
  #manage = false;
  /** Focus this after the next render. */
  #focus?: string;
  #client?: MobiliseClient;

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('hashchange', this.#load);
    this.#load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#load);
  }

  get #lang() {
    return bookingWords(this.locale || this.closest('[lang]')?.getAttribute('lang'));
  }

  /** No retries: a repeated confirmation would answer "already confirmed" for one that worked. */
  get #api() {
    return (this.#client ??= new MobiliseClient(this.endpoint || location.origin, { retries: 0 }));
  }

  readonly #load = () => void this.#run(false);
  readonly #ask = () => {
    this.asking = true;
    // The harmless answer takes focus, so a repeated key press cannot cancel.
    this.#focus = '[data-action="keep"]';
  };
  readonly #keep = () => {
    this.asking = false;
    this.#focus = '.result-heading';
  };
  readonly #cancel = () => this.#run(true);

  /**
   * Confirm, view or cancel with the address's token. Nothing is lost on failure: "Try again" reads the
   * booking afresh. A second "Yes, cancel" while the first is on its way is harmless: the server answers the cancelled booking.
   */
  async #run(cancel: boolean) {
    const [, kind, token] = LINK.exec(location.hash) ?? [];
    this.error = undefined;
    if (!kind) return void (this.view = undefined);
    this.busy = true;
    try {
      const manage = kind === 'booking';
      const api = this.#api;
      const [view, modules] = await Promise.all([
        (cancel ? cancelBooking : manage ? viewBooking : confirmBooking)(api, token ?? ''),
        api.getModules(undefined, this.#lang[1]).catch(() => undefined),
      ]);
      const next = 'manageToken' in view ? (view.manageToken as string | undefined) : undefined;
      if (next) history.replaceState(history.state, '', withManageToken(location.href, next));
      this.#manage = manage || !!next;
      this.view = view;
      this.module = modules?.items.find((m) => m.id === view.session.moduleId);
    } catch (e) {
      this.error = e;
    }
    this.busy = this.asking = false;
    this.#focus = '.result-heading';
  }

  protected override updated() {
    if (!this.#focus) return;
    this.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus();
    this.#focus = undefined;
  }

  /**
   * A refused link says why in the page's language: the server's problem code picks the words
   * (English pages show the server's own title and detail, server/routes/bookings.ts, so English
   * has none); any other problem shows the server's words, and a token the contract refuses (cut
   * short in the email) its field error, both translated where the embed's strings know them.
   */
  #renderFailure(w: BookingWords, error: unknown) {
    const problem = isMobiliseError(error) ? error.problem : undefined;
    const known = problem && w.refused[problem.code as keyof BookingWords['refused']];
    const text = known?.body || (problem && (problem.detail || problem.errors?.[0]?.message));
    return html`<div class="result error" part="result">
      ${heading(2, focusable, known?.heading || (text && problem!.title) || w.failed)} ${text ? html`<p>${localise(text)}</p>` : renderError(error, this.#load)}
    </div>`;
  }

  #renderCancel(w: BookingWords) {
    return this.asking
      ? html`<p>${w.sure}</p>
          <div class="actions">
            <button class="button" type="button" data-action="cancel" ?disabled=${this.busy} @click=${this.#cancel}>${w.yes}</button>
            <button class="button secondary" type="button" data-action="keep" @click=${this.#keep}>${w.keep}</button>
          </div>`
      : html`<div class="actions"><button class="button secondary" type="button" @click=${this.#ask}>${w.cancel}</button></div>`;
  }

  #renderBooking(w: BookingWords, locale: string, v: BookingView) {
    const { status, session, joining } = v;
    const { heading: title, body: text } = w.status[status];
    const module = this.module;
    // Still to come: what to prepare matters, and the place can be given up.
    const live = status === 'pending' || status === 'confirmed' || status === 'waitlisted';
    // The status names the booking (tests and host styles can rely on it); the tone borrows the form's outcome borders.
    return html`<div class="result ${status} ${tone[status] ?? ''}" part="result">
      ${heading(2, focusable, `${v.firstName}, ${title}`)}
      <p><strong>${module && content(module, 'title', locale)}</strong></p>
      ${renderSessionSummary(session, locale, 'closed')}
      <p>${v.position ? w.position(v.position) : ''}${text}</p>
      ${status === 'confirmed'
        ? html`${joining ? renderJoining(w, joining) : ''}
            <p><a class="button secondary" part="add-to-calendar" href=${this.#api.icsUrl(session.id)!} download>${strings.calendar.addToCalendar}</a></p>`
        : ''}
      ${live && module ? renderPrepare(module, locale) : ''} ${this.#manage && live ? this.#renderCancel(w) : ''}
    </div>`;
  }

  #renderBody(w: BookingWords, locale: string) {
    if (this.error) return this.#renderFailure(w, this.error);
    if (this.view) return this.#renderBooking(w, locale, this.view);
    if (this.busy)
      return html`<div aria-busy="true">
        <div class="skeleton form"></div>
        <span class="visually-hidden" role="status">${strings.state.loading}</span>
      </div>`;
    return html`<div class="result" part="result">${heading(2, focusable, w.noLink.heading)}<p>${w.noLink.body}</p></div>`;
  }

  override render() {
    const [w, locale] = this.#lang;
    // The shared pieces (session summary, checklist, errors) read the embed's strings: this page's language's.
    use(stringsFor(locale, () => this.requestUpdate()));
    return html`<h1>${w.heading}</h1>
      ${this.#renderBody(w, locale)}`;
  }
}

/**
 * A confirmed place's joining details, which the server sends for nothing else. The link is the
 * address itself, so members see where it goes; the contract lets only an https one through.
 */
function renderJoining(w: BookingWords, { url, instructions }: NonNullable<BookingView['joining']>) {
  return html`<div part="joining">
    <p class="label">${w.joining}</p>
    ${url ? html`<p><a href=${url}>${url}</a></p>` : nothing} ${paragraphs(instructions ?? '').map((p) => html`<p>${p}</p>`)}
  </div>`;
}
