/**
 * The booking a confirm or manage link opens, shown by the signup form instead of itself.
 * Not a lazy chunk: on its own it compressed to 1.15 KB gzip, inside the embed's one chunk to
 * 0.68 KB, and the 36 KB ceiling counts both; the member who follows the emailed link on a
 * phone also waits for one request fewer.
 */
import { html, type ReactiveControllerHost } from 'lit';
import { cancelBooking, confirmBooking, viewBooking } from '../../client/bookings.js';
import { isMobiliseError } from '../../client/errors.js';
import type { BookingView, Module } from '../../contract/index.js';
import type { MobiliseController } from '../../context/index.js';
import { localise, strings } from '../../strings/current.js';
import { content, paragraphs } from '../shared/content.js';
import { heading } from '../shared/heading.js';
import { renderPrepare } from '../shared/prepare.js';
import { renderError } from '../shared/states.js';
import { focusable } from './result.js';
import { LINK, withManageToken } from '../shared/booking-link.js';
import { renderSessionSummary } from './summary.js';

/** Amber while something is still to happen, red once the booking has ended (confirmed is green, waitlisted amber already). */
const tone: Partial<Record<BookingView['status'], string>> = { pending: 'waitlisted', expired: 'error', cancelled: 'error' };

/**
 * Confirms (a confirm link) or reads (a manage link) the booking on connect, then offers to
 * cancel it with a confirm step. Each outcome's heading takes focus, as the form's outcomes do.
 */
export class BookingPanel {
  #view?: BookingView;
  /** The training (its title, checklist and next step), from the (cached) modules list; left out if that list cannot be had. */
  #module?: Module;
  #error?: unknown;
  /** Holding a manage token: the booking can be cancelled from here. */
  #manage = false;
  /** "Cancel my place" pressed: the confirm step shows. */
  #asking = false;

  readonly #host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  readonly #ctx: MobiliseController;
  /** Focus the outcome's heading after the next render. */
  readonly #focus: () => void;

  constructor(
    host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    ctx: MobiliseController,
    focus: () => void,
  ) {
    this.#host = host;
    this.#ctx = ctx;
    this.#focus = focus;
    void this.#load();
  }

  readonly #load = () => this.#run(false);
  readonly #ask = async () => {
    this.#asking = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    // The harmless answer takes focus, so a repeated key press cannot cancel.
    this.#host.renderRoot.querySelector<HTMLElement>('[data-action="keep"]')?.focus();
  };
  readonly #keep = () => {
    this.#asking = false;
    this.#focus();
  };
  readonly #cancel = () => this.#run(true);

  /**
   * Confirm, view or cancel with the address's token. Nothing is lost on failure: "Try again" reads the
   * booking afresh. A second "Yes, cancel" while the first is on its way is harmless: the server answers the cancelled booking.
   */
  async #run(cancel: boolean) {
    const [, kind, token] = LINK.exec(location.hash) ?? [];
    this.#error = undefined;
    this.#host.requestUpdate();
    try {
      // The form starts this as it connects, before a provider's config has arrived: a provider sends it
      // from its first update, which runs before the form's, so after the form's the endpoint is known.
      await this.#host.updateComplete;
      const manage = kind === 'booking';
      const client = this.#ctx.client();
      const [view, modules] = await Promise.all([
        (cancel ? cancelBooking : manage ? viewBooking : confirmBooking)(client, token ?? ''),
        client.getModules(undefined, this.#ctx.locale).catch(() => undefined),
      ]);
      const next = 'manageToken' in view ? (view.manageToken as string | undefined) : undefined;
      if (next) history.replaceState(history.state, '', withManageToken(location.href, next));
      this.#manage = manage || !!next;
      this.#view = view;
      this.#module = modules?.items.find((m) => m.id === view.session.moduleId);
    } catch (e) {
      this.#error = e;
    }
    this.#asking = false;
    this.#focus();
  }

  /**
   * A refused link says why in the page's language: the server's problem code picks the words
   * (English pages show the server's own title and detail, server/routes/bookings.ts, so English
   * leaves them empty); any other problem shows the server's words, and a token the contract
   * refuses (cut short in the email) its field error.
   */
  #renderFailure(error: unknown, level: number) {
    const problem = isMobiliseError(error) ? error.problem : undefined;
    const known = problem && (strings.booking.refused as Partial<Record<string, { heading: string; body: string }>>)[problem.code];
    const text = known?.body || (problem && (problem.detail || problem.errors?.[0]?.message));
    return html`<div class="result error" part="result">
      ${heading(level, focusable, known?.heading || (text && problem!.title) || strings.booking.failed)} ${text ? html`<p>${localise(text)}</p>` : renderError(error, this.#load)}
    </div>`;
  }

  #renderCancel() {
    return this.#asking
      ? html`<p>${strings.booking.sure}</p>
          <div class="actions">
            <button class="button" type="button" data-action="cancel" @click=${this.#cancel}>${strings.booking.yes}</button>
            <button class="button secondary" type="button" data-action="keep" @click=${this.#keep}>${strings.booking.keep}</button>
          </div>`
      : html`<div class="actions"><button class="button secondary" type="button" @click=${this.#ask}>${strings.booking.cancel}</button></div>`;
  }

  /** Nothing until the first answer: the form shows its skeleton. */
  render(level: number) {
    if (this.#error) return this.#renderFailure(this.#error, level);
    const v = this.#view;
    if (!v) return undefined;
    const { status, session, joining } = v;
    const { heading: title, body: text } = strings.booking[status];
    const module = this.#module;
    const locale = this.#ctx.locale;
    // Still to come: what to prepare matters, and the place can be given up.
    const live = status === 'pending' || status === 'confirmed' || status === 'waitlisted';
    // The status names the booking (tests and host styles can rely on it); the tone borrows the form's outcome borders.
    return html`<div class="result ${status} ${tone[status] ?? ''}" part="result">
      ${heading(level, focusable, `${v.firstName}, ${title}`)}
      <p><strong>${module && content(module, 'title', locale)}</strong></p>
      ${renderSessionSummary(session, locale, 'closed')}
      <p>${v.position ? strings.booking.position(v.position) : ''}${text}</p>
      ${status === 'confirmed'
        ? html`${joining ? renderJoining(joining) : ''}
            <p><a class="button secondary" part="add-to-calendar" href=${this.#ctx.client().icsUrl(session.id)!} download
              >${strings.calendar.addToCalendar}</a
            ></p>`
        : ''}
      ${live && module ? renderPrepare(module, locale) : ''} ${this.#manage && live ? this.#renderCancel() : ''}
    </div>`;
  }
}

/**
 * A confirmed place's joining details, which the server sends for nothing else. The link is the
 * address itself, so members see where it goes; the contract lets only an https one through.
 */
function renderJoining({ url, instructions }: NonNullable<BookingView['joining']>) {
  return html`<div part="joining">
    <p class="label">${strings.booking.joining}</p>
    ${url ? html`<p><a href=${url}>${url}</a></p>` : ''} ${paragraphs(instructions ?? '').map((p) => html`<p>${p}</p>`)}
  </div>`;
}
