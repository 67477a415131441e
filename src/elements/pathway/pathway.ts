import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { AUDIENCES, type Audience } from '../../contract/enums.js';
import type { Pathway, PathwayBooking } from '../../contract/pathway-api.js';
import { baseStyles } from '../shared/base.styles.js';
import { pageStyles } from '../shared/page.styles.js';
import { formatDay, formatTime } from '../shared/format.js';
import { PathwayError, requestPathway } from './api.js';
import { pathwayStyles } from './pathway.styles.js';
import { pathwayLocale, wordsFor, type PathwayLocale, type PathwayWords } from './words.js';

/** The emailed link's fragment: `#token=<43 base64url characters>`. */
const LINK = /^#token=([A-Za-z0-9_-]{43})$/;
/** Where the token waits after it leaves the address bar: this tab only, so a reload still opens the pathway. */
const KEPT = 'mobilise-pathway-token';

type Phase =
  | { name: 'loading' }
  | { name: 'no-link' }
  | { name: 'invalid' }
  | { name: 'failed' }
  | { name: 'ready'; pathway: Pathway };

/**
 * "My Mobilise pathway" (issue 14): what a member attended (organisers' records), booked, and
 * should take next on the pathway for their audience, with their progress. Opened from the
 * private link in any of their emails (`/pathway#token=…`, served by the reference backend):
 * it reads the token from the fragment and takes it out of the address bar at once. Without a
 * working link it shows nothing but how to get one. Its own bundle (dist/pathway/pathway.js),
 * never part of the embed.
 *
 * @tagname mobilise-pathway
 * @summary A member's own pathway through the programme, from the link in their emails.
 * @cssproperty --mobilise-accent - As for every element (the shared tokens apply).
 */
export class MobilisePathway extends LitElement {
  static override styles = [baseStyles, pageStyles, pathwayStyles];
  static override properties = {
    endpoint: {},
    locale: {},
    bookUrl: { attribute: 'book-url' },
    token: { attribute: false },
    phase: { state: true },
    saveFailed: { state: true },
  };

  /** The API's origin; '' is the page's own (the reference backend serves the page). */
  endpoint = '';
  /** en-GB, gd or cy; else the nearest `lang` (the page's). */
  locale = '';
  /**
   * Where to book a module: `{module}` becomes its id, e.g. `https://example.org/training?module={module}`
   * (a page with the calendar, filtered by `module`). Without it, the next module is named and the member
   * is told to ask their local party.
   */
  bookUrl = '';
  /** The link's token; read from the address (`#token=…`) when not set. */
  token = '';

  private phase: Phase = { name: 'loading' };
  private saveFailed = false;
  #request?: AbortController;

  override connectedCallback() {
    super.connectedCallback();
    if (!this.token) this.token = this.#takeToken();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#request?.abort();
  }

  /** The token from the address bar (then out of it and its history entry), else the one this tab kept. */
  #takeToken(): string {
    const fromLink = LINK.exec(location.hash)?.[1];
    if (fromLink) {
      history.replaceState(history.state, '', location.pathname + location.search);
      try {
        sessionStorage.setItem(KEPT, fromLink);
      } catch {
        // Storage refused (a private window): the page still works until it is reloaded.
      }
      return fromLink;
    }
    try {
      return sessionStorage.getItem(KEPT) ?? '';
    } catch {
      return '';
    }
  }

  get #locale(): PathwayLocale {
    return pathwayLocale(this.locale || this.closest('[lang]')?.getAttribute('lang'));
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('token') || changed.has('endpoint') || changed.has('locale')) void this.#load();
  }

  async #load(audience?: Audience) {
    if (!this.token) return void (this.phase = { name: 'no-link' });
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    if (!audience) this.phase = { name: 'loading' };
    try {
      const pathway = await requestPathway(this.endpoint, { token: this.token, locale: this.#locale, ...(audience ? { audience } : {}) }, request.signal);
      if (request.signal.aborted) return;
      this.phase = { name: 'ready', pathway };
      this.saveFailed = false;
    } catch (error) {
      if (request.signal.aborted) return;
      if (audience && error instanceof PathwayError && error.kind === 'failed') return void (this.saveFailed = true);
      this.phase = { name: error instanceof PathwayError && error.kind === 'invalid' ? 'invalid' : 'failed' };
    }
  }

  #choose(e: Event) {
    void this.#load((e.target as HTMLSelectElement).value as Audience);
  }

  #retry() {
    void this.#load();
  }

  #bookLink(moduleId: string): string | undefined {
    return this.bookUrl ? this.bookUrl.replaceAll('{module}', encodeURIComponent(moduleId)) : undefined;
  }

  /** A module title, marked with its language where it is not the page's (an untranslated title on a Gaelic page). */
  #title(item: { title: string; lang: string }) {
    return pathwayLocale(item.lang) === this.#locale ? item.title : html`<span lang=${item.lang}>${item.title}</span>`;
  }

  #renderNext(t: PathwayWords, p: Pathway, locale: string) {
    if (!p.next) return html`<p>${t.next.done}</p>`;
    const { moduleId } = p.next;
    const booking = p.booked.find((b) => b.moduleId === moduleId);
    const href = this.#bookLink(moduleId);
    return html`<div class="state next">
      <strong>${this.#title(p.next)}</strong>
      ${booking
        ? html`<p>${t.next.booked(`${formatDay(booking.start, locale)}, ${formatTime(booking.start, locale)}`)}</p>`
        : href
          ? html`<a href=${href}>${t.next.book(p.next.title)}</a>`
          : html`<p>${t.next.ask}</p>`}
    </div>`;
  }

  #renderBooking(t: PathwayWords, b: PathwayBooking, locale: string) {
    const where = b.delivery === 'online' ? t.online : b.area;
    return html`<li class="panel">
      <span class="what"><strong>${this.#title(b)}</strong> <span>${formatDay(b.start, locale)}, ${formatTime(b.start, locale)} · ${where}</span></span>
      <span class="badge ${b.status === 'confirmed' ? 'attended' : 'booked'}">${t.bookingStatus[b.status]}</span>
    </li>`;
  }

  #renderPathway(t: PathwayWords, p: Pathway) {
    const locale = this.#locale;
    const done = p.steps.filter((s) => s.state === 'attended').length;
    const empty = p.attended.length === 0 && p.booked.length === 0;
    return html`
      <section aria-labelledby="progress-text">
        <p id="progress-text"><strong>${t.progress(done, p.steps.length)}</strong></p>
        <progress max=${p.steps.length} .value=${done} aria-labelledby="progress-text"></progress>
        <p class="muted">${t.programme(p.programme.attended, p.programme.modules)}</p>
      </section>
      <div class="field">
        <label for="audience">${t.audience.label}</label>
        <span id="audience-hint" class="muted">${t.audience.hint}</span>
        <select id="audience" class="control" aria-describedby="audience-hint" @change=${this.#choose}>
          ${AUDIENCES.map((a) => html`<option value=${a} ?selected=${a === p.audience}>${t.audiences[a]}</option>`)}
        </select>
        ${this.saveFailed ? html`<p class="save-error" role="alert">${t.saveFailed}</p>` : nothing}
      </div>
      ${empty && p.next
        ? html`<section class="state" aria-labelledby="empty-heading">
            <h2 id="empty-heading">${t.empty.heading}</h2>
            <p>${t.empty.body(p.next.title)}</p>
          </section>`
        : nothing}
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">${t.next.heading}</h2>
        ${this.#renderNext(t, p, locale)}
      </section>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">${t.steps}</h2>
        <ol class="steps">
          ${p.steps.map((s) => html`<li><span class="title">${this.#title(s)}</span> <span class="badge ${s.state}">${t.states[s.state]}</span></li>`)}
        </ol>
      </section>
      ${p.booked.length
        ? html`<section aria-labelledby="booked-heading">
            <h2 id="booked-heading">${t.booked}</h2>
            <ul class="items">${p.booked.map((b) => this.#renderBooking(t, b, locale))}</ul>
          </section>`
        : nothing}
      ${p.attended.length
        ? html`<section aria-labelledby="attended-heading">
            <h2 id="attended-heading">${t.attended}</h2>
            <ul class="items">
              ${p.attended.map((a) => html`<li class="panel"><span class="what"><strong>${this.#title(a)}</strong> <span>${t.attendedOn(formatDay(a.sessionStart, locale))}</span></span></li>`)}
            </ul>
          </section>`
        : nothing}
    `;
  }

  #renderState(heading: string, body: string, retry?: string) {
    return html`<div class="state ${retry ? 'error' : ''}" role=${retry ? 'alert' : 'status'}>
      <h2>${heading}</h2>
      <p>${body}</p>
      ${retry ? html`<button class="button secondary" type="button" @click=${this.#retry}>${retry}</button>` : nothing}
    </div>`;
  }

  #renderPhase(t: PathwayWords) {
    switch (this.phase.name) {
      case 'loading':
        return html`<p class="visually-hidden" role="status">${t.loading}</p>
          <div class="placeholder" aria-hidden="true">
            <div class="skeleton"></div>
            <div class="skeleton"></div>
            <div class="skeleton tall"></div>
            <div class="skeleton tall"></div>
          </div>`;
      case 'no-link':
        return this.#renderState(t.noLink.heading, t.noLink.body);
      case 'invalid':
        return this.#renderState(t.invalid.heading, t.invalid.body);
      case 'failed':
        return this.#renderState(t.failed.heading, t.failed.body, t.failed.retry);
      case 'ready':
        return this.#renderPathway(t, this.phase.pathway);
    }
  }

  override render() {
    const locale = this.#locale;
    const t = wordsFor(locale);
    return html`<div class="page" lang=${locale} aria-busy=${this.phase.name === 'loading' ? 'true' : 'false'}>
      <h1>${t.heading}</h1>
      ${this.#renderPhase(t)}
    </div>`;
  }
}
