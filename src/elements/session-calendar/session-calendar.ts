import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { localised, type Module } from '../../contract/index.js';
import type { MobiliseClient, SessionsQuery } from '../../client/index.js';
import { MobiliseController, emit } from '../../context/index.js';
import { strings } from '../../strings/current.js';
import { sessionCount } from '../../strings/compose.js';
import { baseStyles } from '../shared/base.styles.js';
import { forwardBookingLink } from '../shared/booking-link.js';
import { dayKey, warmFormats } from '../shared/format.js';
import { askLink } from '../shared/ask-link.js';
import { heading } from '../shared/heading.js';
import { renderDropped, renderError } from '../shared/states.js';
import { Task } from '../shared/task.js';
import type { EventModule } from './add-to-calendar.js';
import { renderAgenda, type SessionView } from './agenda-view.js';
import { sessionState } from './badges.js';
import { DeepLinkController } from './deep-link-controller.js';
import { FiltersController, warnIgnored } from './filters-controller.js';
import { applyFilters, areasOf, groupByMonthDay, indexSessions, isPast, memoOne, type Entry } from './filters.js';
import { replaceSessionHash, sessionPageUrl } from './hash.js';
import { IcsFiles } from './ics-files.js';
import { MonthGridController } from './month-grid-controller.js';
import { styles } from './session-calendar.styles.js';
import { SignupDialogController } from './signup-dialog-controller.js';

export { PAGE_SIZE } from './filters-controller.js';
export type CalendarView = 'agenda' | 'month';
export type SignupMode = 'auto' | 'dialog' | 'page';
export type CalendarLayout = 'cards' | 'compact';

/** Sessions in the first step of rendering a new list. */
const FIRST_SCREEN = 6;

const byModule = (modules: readonly Module[]) => new Map(modules.map((m) => [m.id, m]));

/**
 * @tagname mobilise-session-calendar
 * @summary Upcoming training sessions as an agenda or a month grid, with filters, deep links and sign-up.
 *
 * Attributes: `endpoint` (else the provider's), `view` ("agenda" | "month"), `layout` ("cards" | "compact": one row
 * per session where the calendar is wide, so a screen shows three or more with their access features), `signup` ("auto" | "dialog" | "page"),
 * initial filters `module`, `delivery` ("online" | "in-person" | "hybrid"), `area`, `from` and `to` ("YYYY-MM-DD",
 * London days, inclusive), `show-past` to include sessions that have ended, and `heading-level` (2–6, default 2: the
 * calendar's heading; months, days and sessions nest below it). Inside a `<mobilise-provider>`,
 * choosing a module in the catalogue filters the calendar unless `module` is set. `#session=<id>` in the page
 * URL opens that session. With an API endpoint, the listed sessions (the first 50) are described for search engines
 * as schema.org Events (built by the server) in a `<script type="application/ld+json">` child of the element, kept
 * up to date and removed with it. The first list of sessions, and each after a change of filter, is drawn in two steps,
 * the first six at once and the rest of the page after the next frame; `updateComplete` resolves once both are in the DOM.
 *
 * @event mobilise-session-select - {sessionId, moduleId}. Cancelable: preventDefault() stops the calendar opening the signup form.
 *
 * @csspart filters - The filter controls.
 * @csspart view-toggle - The list/month buttons.
 * @csspart month-heading - Each month heading (agenda) and the grid's month title.
 * @csspart session - One session entry.
 * @csspart session-title - A session's module title.
 * @csspart badge - Availability badge (words plus colour).
 * @csspart signup-button - "Sign up" / "Join the waiting list".
 * @csspart add-to-calendar - The "Add to calendar" button, a disclosure: its links follow it while it is open.
 * @csspart grid - The month grid table.
 * @csspart day - A day cell of the month grid.
 * @csspart dialog - The signup dialog.
 * @csspart error - Error message.
 * @csspart retry - "Try again" button.
 * @csspart empty - Message when there is no session to show, with what to do next.
 * @csspart ask - "Ask for this module near me" there, when a module filter finds nothing (API mode).
 * @csspart notice - Note about sessions the server sent incomplete.
 * @csspart subscribe - "Subscribe to these sessions" (webcal:) and the feed's https:// address (API endpoints only).
 *
 * @cssproperty --mobilise-accent - Buttons, day markers.
 * @cssproperty --mobilise-accent-text - Links; the chosen day of the month grid is filled with it.
 * @cssproperty --mobilise-success - "Spaces left" badge.
 * @cssproperty --mobilise-warning - "Only N left" badge.
 * @cssproperty --mobilise-danger - "Full" and "Cancelled" badges.
 */
export class MobiliseSessionCalendar extends LitElement {
  static override styles = [baseStyles, styles];
  static override properties = {
    endpoint: {},
    view: { reflect: true },
    layout: { reflect: true },
    signup: {},
    module: {},
    delivery: {},
    area: {},
    from: {},
    to: {},
    showPast: { type: Boolean, attribute: 'show-past' },
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  readonly #ctx = new MobiliseController(this);

  readonly #data = new Task(this, {
    args: () => [this.#ctx.endpoint, this.#loadedArea, this.#ctx.locale] as const,
    task: async ([, area, locale], { signal }) => {
      const client = this.#ctx.client();
      // Exactly the catalogue's query, so the two share one request.
      // The third: the date formatters are built while the network answers.
      const [sessions, modules] = await Promise.all([client.getSessions({ area, locale }, signal), client.getModules(signal, locale), warmFormats(locale)]);
      return { sessions, modules, client, now: Date.now() };
    },
    onComplete: (): void => this.#deepLink.dataReady(),
  });

  readonly #filters = new FiltersController(this);
  readonly #grid = new MonthGridController(this);
  readonly #dialog = new SignupDialogController(this, (id) => this.#sessionElement(id));
  readonly #deepLink = new DeepLinkController(this, {
    ready: (): boolean => this.#data.status === 'complete',
    open: (id) => this.#revealSession(id),
  });
  readonly #ics = new IcsFiles(this);
  /** Only the first screen is drawn; the rest is due after the next frame (`#rest`). */
  #firstOnly?: boolean;
  #rest?: Promise<unknown>;
  /**
   * The first list of sessions, and the list after each change of filter, render in two steps: a tall phone
   * screen's worth (FIRST_SCREEN) at once, the rest of the page of them after the browser has painted that, so a
   * member sees sessions a whole render sooner (issue 15). `updateComplete` waits for both, so focus moves, deep
   * links and tests see them all. Fresh data for the same filters (after a signup) is drawn at once: the entries
   * already on the page stay, with the member's scroll position and the dialog's trigger.
   */
  readonly #firstScreen = memoOne((_chosen: object) => {
    this.#firstOnly = true;
    // In a task after the next frame; a hidden page (a background tab, an iframe out of view) draws no frames, hence the timer.
    this.#rest = new Promise((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve));
      setTimeout(resolve, 100);
    }).then(() => {
      this.#firstOnly = false;
      this.requestUpdate();
    });
  });

  readonly #index = memoOne(indexSessions);
  readonly #modulesById = memoOne(byModule);
  readonly #filtered = memoOne(applyFilters);
  readonly #areas = memoOne(areasOf);
  readonly #page = memoOne((entries: Entry[], limit: number) => groupByMonthDay(entries.slice(0, limit)));

  /** Base URL of the Mobilise API or a static JSON file; overrides the provider's. */
  endpoint = '';
  /** "agenda" (default) or "month". */
  view: CalendarView = 'agenda';
  /** "cards" (default) or "compact": one row per session where the calendar is wide. */
  layout: CalendarLayout = 'cards';
  /** Where "Sign up" leads: "dialog", "page" (a `<mobilise-signup-form>` elsewhere on the page) or "auto". */
  signup: SignupMode = 'auto';
  /** Initial module filter (a module id); wins over the catalogue's selection. */
  module = '';
  /** Initial delivery filter: "online", "in-person" or "hybrid". */
  delivery = '';
  /** Initial area filter, e.g. "Glasgow". (The provider's `area` narrows what is loaded at all.) */
  area = '';
  /** Initial first day, "YYYY-MM-DD". */
  from = '';
  /** Initial last day, "YYYY-MM-DD". */
  to = '';
  /** Include sessions that have already ended. */
  showPast = false;
  /** Level of the calendar's heading, 2–6 (default: the provider's `heading-level`, else 2); months, days and sessions nest below it. */
  headingLevel?: number;


  /** "See all areas" from the empty state: load past the provider's area. */
  #allAreas = false;

  /** The listed sessions for search engines, in the host page's DOM (they do not read a shadow root). */
  #ld?: HTMLScriptElement;
  /** What the JSON-LD was last asked for: the loaded data and the address (filters, language). */
  #ldFor?: unknown[];

  /** A signup anywhere on the page changed the spaces left, or the member asked to try again: load afresh. */
  readonly #reload = () => {
    try {
      this.#ctx.client().invalidate();
    } catch {
      /* a config error: the task reports it */
    }
    void this.#data.run();
  };

  readonly #showMore = async () => {
    const first = this.#filters.more();
    await this.updateComplete;
    // Keyboard and screen reader users land on the first newly shown session, not back at the top.
    const next = this.#filteredEntries()[first];
    if (next) this.#sessionElement(next.session.id)?.focus();
  };

  /** Passed to the render helpers, so they never reach into the element. */
  readonly #titleOf = (moduleId: string) => localised(this.#moduleOf(moduleId), 'title', this.#ctx.locale).text;

  readonly #sessionView: Omit<SessionView, 'locale' | 'now' | 'level'> = {
    moduleOf: (id) => this.#moduleOf(id),
    icsHref: ({ session }) => {
      const value = this.#data.value;
      if (!this.#ics.menuOpen(session.id)) return;
      if (value?.client.mode === 'api') return value.client.icsUrl(session.id);
      return this.#ics.href(session, this.#moduleOf(session.moduleId), sessionPageUrl(session.id));
    },
    onSelect: (e, entry) => this.#select(entry, e.currentTarget as HTMLElement),
    onCalendarToggle: (entry) => this.#ics.toggleMenu(entry.session.id),
  };

  override connectedCallback() {
    super.connectedCallback();
    // Back in the page (moved): updated() puts the JSON-LD back.
    this.requestUpdate();
    window.addEventListener('mobilise-signup', this.#reload);
    // An old emailed link (to this page, whose only form may be this dialog's) goes on to the booking page.
    void forwardBookingLink(this, this.#ctx).catch(() => {});
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('mobilise-signup', this.#reload);
    this.#ld?.remove();
  }

  /** Also waits for the second step of drawing a list (`#firstScreen`), so what awaits it sees the whole page. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#rest;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this.#filters.syncAttributes(changed);
    if (changed.has('view') && this.view !== this.#currentView) warnIgnored('view')(this.view);
    if (changed.has('signup') && !['auto', 'dialog', 'page'].includes(this.signup)) warnIgnored('signup')(this.signup);
    if (changed.has('layout') && !['cards', 'compact'].includes(this.layout)) warnIgnored('layout')(this.layout);
    this.#filters.followProvider(this.#ctx.selection.moduleId);
    if (this.#currentView === 'month') this.#grid.prepare(() => (this.#data.value ? this.#initialGridDay() : undefined));
  }

  /**
   * The server's JSON-LD for what the filters show (api mode: a static file has no server), asked
   * for again only when the data or the filters change; one script element, its text replaced.
   * An answer that is not JSON leaves no block, and the calendar as it is.
   */
  protected override updated() {
    const value = this.#data.value;
    // No data (a failed load) or a JSON file's: no block, not an old list's.
    if (value?.client.mode !== 'api') return this.#ld?.remove();
    // Not while the first screen is all there is: the member's sessions come first.
    if (this.#firstOnly) return;
    const query = this.#feedQuery(value.now);
    const key = [value, JSON.stringify(query)];
    if (this.#ldFor?.every((k, i) => k === key[i])) {
      if (this.#ld && this.#ld.parentNode !== this) this.append(this.#ld);
      return;
    }
    this.#ldFor = key;
    value.client.jsonLd(query, location.origin + location.pathname).then(
      (text) => {
        if (this.#ldFor !== key) return;
        const ld = (this.#ld ??= Object.assign(document.createElement('script'), { type: 'application/ld+json' }));
        ld.textContent = text;
        if (this.isConnected) this.append(ld);
      },
      (e) => {
        if (this.#ldFor !== key) return;
        this.#ld?.remove();
        this.#ld = undefined;
        console.warn('[mobilise] <mobilise-session-calendar> could not load the JSON-LD', e);
      },
    );
  }

  /** The filters the member sees, as the server takes them: the feed and the JSON-LD both follow them. */
  #feedQuery(now: number): SessionsQuery {
    const { module, delivery, area, access } = this.#filters.current(this.showPast, now);
    return { module, delivery: delivery || undefined, area: area || this.#loadedArea, access: access || undefined, locale: this.#ctx.locale };
  }

  /** The area the sessions were loaded for: the provider's, until the member asks for all. */
  get #loadedArea() {
    return this.#allAreas ? undefined : this.#ctx.config.area;
  }

  get #currentView(): CalendarView {
    return this.view === 'month' ? 'month' : 'agenda';
  }

  get #signupMode(): 'dialog' | 'page' {
    if (this.signup === 'dialog' || this.signup === 'page') return this.signup;
    // auto: a form elsewhere on the page follows the provider's selection; otherwise bring one up here.
    return this.#formElsewhere ? 'page' : 'dialog';
  }

  get #formElsewhere() {
    return [...document.querySelectorAll('mobilise-signup-form')].some((f) => !this.contains(f));
  }

  #moduleOf(id: string): EventModule {
    const m = this.#data.value && this.#modulesById(this.#data.value.modules.items).get(id);
    return m ?? { title: id, summary: '' };
  }

  #allEntries(): Entry[] {
    return this.#index(this.#data.value?.sessions.items ?? []);
  }

  #filteredEntries(): Entry[] {
    return this.#filtered(this.#allEntries(), this.#filters.current(this.showPast, this.#data.value?.now ?? 0));
  }

  /** First session day from today in the filtered list, else today: the grid opens where the sessions are. */
  #initialGridDay(): string {
    const today = dayKey(new Date(this.#data.value?.now ?? Date.now()));
    return this.#filteredEntries().find((e) => e.day >= today)?.day ?? today;
  }

  #sessionElement(id: string) {
    return this.shadowRoot?.getElementById(`session-${id}`) ?? undefined;
  }

  /** Emit first: the host page may veto; then open the form the way `signup` says. */
  #select(entry: Entry, trigger?: HTMLElement) {
    const { id: sessionId, moduleId } = entry.session;
    if (!emit(this, 'mobilise-session-select', { sessionId, moduleId })) return;
    replaceSessionHash(sessionId);
    if (this.#signupMode === 'dialog') void this.#dialog.open(entry, trigger);
  }

  /** A deep link: make the session visible (clearing filters that hide it), focus it, then open signup. */
  async #revealSession(id: string) {
    const entry = this.#allEntries().find((e) => e.session.id === id);
    if (!entry) return;
    if (!this.#filteredEntries().includes(entry)) {
      this.#filters.clear();
      if (isPast(entry, this.#data.value!.now)) this.showPast = true;
    }
    if (this.#currentView === 'month') await this.#grid.show(entry.day);
    else {
      await this.updateComplete;
      this.#filters.reveal(this.#filteredEntries().indexOf(entry));
    }
    await this.updateComplete;
    const el = this.#sessionElement(entry.session.id);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
    if (sessionState(entry.session, Date.now()).action) this.#select(entry, el.querySelector<HTMLElement>('[data-signup]') ?? el);
  }

  #renderToolbar(shown: number, total: number) {
    const view = this.#currentView;
    return html`<div class="toolbar">
      <div class="view-toggle" part="view-toggle" role="group" aria-label=${strings.calendar.view}>
        ${(['agenda', 'month'] as const).map(
          (v) => html`<button class="button secondary" type="button" data-view=${v} aria-pressed=${view === v} @click=${() => (this.view = v)}>${strings.calendar[v]}</button>`,
        )}
      </div>
      <p class="count" role="status">${this.#data.value ? sessionCount(strings, shown, total) : ''}</p>
    </div>`;
  }

  /** Three placeholders of a session's height in the current layout (the styles size them). */
  #renderSkeleton() {
    return html`<div class="loading" aria-busy="true">
      <p class="visually-hidden" role="status">${strings.state.loading}</p>
      ${[0, 1, 2].map(() => html`<div class="skeleton session-skeleton"></div>`)}
    </div>`;
  }

  #renderAgendaView(entries: Entry[], view: SessionView) {
    const limit = this.#filters.limit;
    // A memo: only the first list and a change of filter start the two steps.
    this.#firstScreen(this.#filters.chosen);
    return html`${renderAgenda(this.#page(entries, this.#firstOnly ? Math.min(limit, FIRST_SCREEN) : limit), view)}
    ${entries.length > limit
      ? html`<p class="more"><button class="button secondary" type="button" data-action="more" @click=${this.#showMore}>${strings.calendar.showMore}</button></p>`
      : nothing}`;
  }

  /**
   * No session to show: say why, and offer the way out (clear the filters, or look past the provider's
   * area); for a module filter, asking for the module in the area filtered on (else the provider's).
   */
  #renderEmpty(level: number) {
    const filtered = this.#filters.active > 0;
    const { module, area } = this.#filters.current(this.showPast, this.#data.value!.now);
    return html`<div class="state empty" part="empty">
      ${heading(level, { class: 'state-title' }, filtered ? strings.calendar.noMatch : strings.calendar.noneYet)}
      ${filtered
        ? html`<button class="button secondary" type="button" @click=${this.#filters.clear}>${strings.calendar.clearFilters}</button>
            ${module ? askLink(this.#data.value?.client.askUrl(module, area || this.#ctx.config.area, this.#ctx.locale), this.#titleOf(module)) : nothing}`
        : html`<p>${strings.calendar.checkBack}</p>
            ${this.#ctx.config.area && !this.#allAreas
              ? html`<button class="button secondary" type="button" @click=${() => {
                  this.#allAreas = true;
                  this.requestUpdate();
                }}>${strings.calendar.seeAllAreas}</button>`
              : nothing}`}
    </div>`;
  }

  /**
   * A calendar app's subscription to what the filters show, in the page's language. Without the
   * dates: a subscription is there to bring new sessions, and a window would end it.
   */
  #renderSubscribe({ client, now }: { client: MobiliseClient; now: number }) {
    if (client.mode !== 'api') return nothing;
    const href = client.feedUrl(this.#feedQuery(now));
    return html`<p class="more meta" part="subscribe">
      <a href=${href.replace(/^https?/, 'webcal')}>${strings.calendar.subscribe}</a> <a href=${href}>${strings.calendar.feedAddress}</a>
    </p>`;
  }

  #renderContent() {
    const value = this.#data.value;
    if (this.#data.status === 'error')
      return html`${heading(this.#ctx.headingLevel(2) + 1, { class: 'state-title' }, strings.calendar.loadFailed)} ${renderError(this.#data.error, this.#reload)}`;
    if (!value) return html`${this.#filters.renderBar([], [], true)} ${this.#renderToolbar(0, 0)} ${this.#renderSkeleton()}`;
    const entries = this.#filteredEntries();
    const view: SessionView = { ...this.#sessionView, locale: this.#ctx.locale, now: value.now, level: this.#ctx.headingLevel(2) };
    const month = this.#currentView === 'month';
    return html`${this.#filters.renderProviderNotice(this.#titleOf)} ${this.#filters.renderBar(value.modules.items, this.#areas(this.#allEntries()), false)}
    ${this.#renderToolbar(month ? entries.length : Math.min(this.#filters.limit, entries.length), entries.length)}
    ${renderDropped([...value.sessions.dropped, ...value.modules.dropped])}
    ${entries.length ? nothing : this.#renderEmpty(view.level + 1)}
    ${month ? this.#grid.render(entries, view) : entries.length ? this.#renderAgendaView(entries, view) : nothing} ${this.#renderSubscribe(value)}`;
  }

  override render() {
    return html`<section class="calendar" aria-labelledby="calendar-heading">
      ${heading(this.#ctx.headingLevel(2), { class: 'heading', id: 'calendar-heading' }, strings.calendar.heading)}
      ${this.#renderContent()} ${this.#dialog.render(this.#titleOf, this.#ctx.endpoint ?? '')}
    </section>`;
  }
}
