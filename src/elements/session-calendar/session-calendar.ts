import { Task, TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { DELIVERY_MODES, parseEnum, type Delivery, type Module } from '../../contract/index.js';
import { MobiliseController, emit } from '../../context/index.js';
import { en } from '../../strings/en.js';
import { baseStyles } from '../shared/base.styles.js';
import { dayKey } from '../shared/format.js';
import { renderDropped, renderError } from '../shared/states.js';
import { IcsFiles, type EventModule } from './add-to-calendar.js';
import { renderAgenda, type SessionView } from './agenda-view.js';
import { sessionState } from './badges.js';
import { renderFilterBar } from './filter-bar.js';
import {
  applyFilters,
  areasOf,
  countByDay,
  groupByMonthDay,
  indexSessions,
  isPast,
  memoFilters,
  memoOne,
  type Entry,
  type Filters,
} from './filters.js';
import { parseSessionHash, replaceSessionHash, withSessionHash } from './hash.js';
import { styles } from './session-calendar.styles.js';

type GridModule = typeof import('./month-grid.js');
export type CalendarView = 'agenda' | 'month';
export type SignupMode = 'auto' | 'dialog' | 'page';

/** Sessions revealed per "Show more": enough to scroll, few enough to render at once on a phone. */
export const PAGE_SIZE = 30;
const t = en.calendar;
const warn = (what: string) => (value: string) => console.warn(`[mobilise] <mobilise-session-calendar> ignores ${what}="${value}"`);
const byModule = (modules: readonly Module[]) => new Map(modules.map((m) => [m.id, m]));
const entriesOn = (entries: readonly Entry[], day: string | undefined) => (day ? entries.filter((e) => e.day === day) : []);

/**
 * @tagname mobilise-session-calendar
 * @summary Upcoming training sessions as an agenda or a month grid, with filters, deep links and sign-up.
 *
 * Attributes: `endpoint` (else the provider's), `view` ("agenda" | "month"), `signup` ("auto" | "dialog" | "page"),
 * initial filters `module`, `delivery` ("online" | "in-person" | "hybrid"), `area`, `from` and `to` ("YYYY-MM-DD",
 * London days, inclusive), and `show-past` to include sessions that have ended. Inside a `<mobilise-provider>`,
 * choosing a module in the catalogue filters the calendar unless `module` is set. `#session=<id>` in the page
 * URL opens that session.
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
 * @csspart add-to-calendar - The add-to-calendar disclosure.
 * @csspart grid - The month grid table.
 * @csspart day - A day cell of the month grid.
 * @csspart dialog - The signup dialog.
 * @csspart error - Error message.
 * @csspart retry - "Try again" button.
 * @csspart empty - Message when no session matches.
 * @csspart notice - Note about sessions the server sent incomplete.
 *
 * @cssproperty --mobilise-accent - Buttons, selected day, day markers.
 * @cssproperty --mobilise-success - "Spaces left" badge.
 * @cssproperty --mobilise-warning - "Only N left" badge.
 * @cssproperty --mobilise-danger - "Full" and "Cancelled" badges.
 */
export class MobiliseSessionCalendar extends LitElement {
  static override styles = [baseStyles, styles];

  private readonly ctx = new MobiliseController(this);

  private readonly data = new Task(this, {
    args: () => [this.ctx.endpoint, this.ctx.config.area] as const,
    task: async ([, area], { signal }) => {
      const client = this.ctx.client();
      // Exactly the catalogue's query, so the two share one request.
      const [sessions, modules] = await Promise.all([client.getSessions({ area }, signal), client.getModules(signal)]);
      return { sessions, modules, client, now: Date.now() };
    },
    onComplete: () => {
      if (this.pendingDeepLink) {
        this.pendingDeepLink = false;
        // After the task has stored its value (it does so right after this callback).
        queueMicrotask(() => void this.openFromHash());
      }
    },
  });

  private readonly ics = new IcsFiles();
  private readonly index = memoOne(indexSessions);
  private readonly modulesById = memoOne(byModule);
  private readonly filtersOf = memoFilters();
  private readonly filtered = memoOne(applyFilters);
  private readonly areas = memoOne(areasOf);
  private readonly page = memoOne((entries: Entry[], limit: number) => groupByMonthDay(entries.slice(0, limit)));
  private readonly counts = memoOne(countByDay);
  private readonly dayEntries = memoOne(entriesOn);

  @state() private moduleFilter = '';
  @state() private deliveryFilter: Delivery | '' = '';
  @state() private areaFilter = '';
  @state() private fromFilter = '';
  @state() private toFilter = '';
  /** The module filter came from the catalogue (via the provider), so say so and offer a way out. */
  @state() private moduleFromProvider = false;
  @state() private limit = PAGE_SIZE;
  @state() private grid?: GridModule;
  @state() private gridError?: unknown;
  @state() private gridFocus = '';
  @state() private gridSelected?: string;
  @state() private dialogEntry?: Entry;

  private gridLoad?: Promise<GridModule | undefined>;
  /** Where focus goes when the dialog closes; cleared once used (close button and close event both report). */
  private focusReturn?: { trigger?: HTMLElement; id: string };
  private lastSelectedModule?: string;
  private pendingDeepLink = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  /** Base URL of the Mobilise API or a static JSON file; overrides the provider's. */
  @property({ reflect: false }) endpoint = '';
  /** "agenda" (default) or "month". */
  @property({ reflect: true }) view: CalendarView = 'agenda';
  /** Where "Sign up" leads: "dialog", "page" (a `<mobilise-signup-form>` elsewhere on the page) or "auto". */
  @property() signup: SignupMode = 'auto';
  /** Initial module filter (a module id); wins over the catalogue's selection. */
  @property() module = '';
  /** Initial delivery filter: "online", "in-person" or "hybrid". */
  @property() delivery = '';
  /** Initial area filter, e.g. "Glasgow". (The provider's `area` narrows what is loaded at all.) */
  @property() area = '';
  /** Initial first day, "YYYY-MM-DD". */
  @property() from = '';
  /** Initial last day, "YYYY-MM-DD". */
  @property() to = '';
  /** Include sessions that have already ended. */
  @property({ type: Boolean, attribute: 'show-past' }) showPast = false;

  private readonly onSignup = () => this.reload();

  private readonly onHashChange = () => {
    if (this.data.status === TaskStatus.COMPLETE) void this.openFromHash();
    else this.pendingDeepLink = true;
  };

  private readonly retry = () => this.reload();

  private readonly retryGrid = () => {
    this.gridError = undefined;
    void this.loadGrid();
  };

  private readonly onFilterChange = (name: string, value: string) => {
    if (name === 'module') [this.moduleFilter, this.moduleFromProvider] = [value, false];
    else if (name === 'delivery') this.deliveryFilter = parseEnum(DELIVERY_MODES, value) ?? '';
    else if (name === 'area') this.areaFilter = value;
    else if (name === 'from') this.fromFilter = value;
    else if (name === 'to') this.toFilter = value;
    this.limit = PAGE_SIZE;
  };

  private readonly clearFilters = () => {
    [this.moduleFilter, this.deliveryFilter, this.areaFilter, this.fromFilter, this.toFilter] = ['', '', '', '', ''];
    this.moduleFromProvider = false;
    this.limit = PAGE_SIZE;
  };

  private readonly showAllModules = () => {
    [this.moduleFilter, this.moduleFromProvider] = ['', false];
    this.limit = PAGE_SIZE;
  };

  private readonly onViewClick = (e: Event) => {
    const view = (e.currentTarget as HTMLElement).dataset.view as CalendarView;
    this.view = view;
  };

  private readonly showMore = async () => {
    const first = this.limit;
    this.limit += PAGE_SIZE;
    await this.updateComplete;
    // Keyboard and screen reader users land on the first newly shown session, not back at the top.
    const next = this.filteredEntries()[first];
    if (next) this.sessionElement(next.session.id)?.focus();
  };

  private readonly closeDialog = () => {
    this.dialog?.close();
    this.restoreFocus();
  };

  /** Escape and the close button both end here; focus goes back to what opened the dialog. */
  private readonly restoreFocus = () => {
    const back = this.focusReturn;
    this.focusReturn = undefined;
    if (!back) return;
    (back.trigger?.isConnected ? back.trigger : this.sessionElement(back.id))?.focus();
  };

  /** Passed to the render helpers, so they never reach into the element. */
  private readonly sessionView: Omit<SessionView, 'locale' | 'now'> = {
    moduleOf: (id) => this.moduleOf(id),
    icsHref: ({ session }) => {
      const value = this.data.value;
      if (value?.client.mode === 'api') return value.client.icsUrl(session.id);
      return this.ics.href(session, this.moduleOf(session.moduleId), withSessionHash(location.href, session.id));
    },
    pageUrl: (id) => withSessionHash(location.href, id),
    onSelect: (e, entry) => this.select(entry, e.currentTarget as HTMLElement),
    onCalendarToggle: (e, entry) => {
      if (!(e.currentTarget as HTMLDetailsElement).open || this.data.value?.client.mode === 'api') return;
      this.ics.want(entry.session.id);
      this.requestUpdate();
    },
  };

  private readonly gridMove = async (day: string) => {
    this.gridFocus = day;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus();
  };

  private readonly gridFocusDay = (day: string) => {
    this.gridFocus = day;
  };

  private readonly gridChoose = (day: string) => {
    this.gridFocus = day;
    this.gridSelected = day;
  };

  private readonly gridMonth = (delta: -1 | 1) => {
    if (this.grid) this.gridFocus = this.grid.addMonths(this.gridFocus, delta);
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('mobilise-signup', this.onSignup);
    window.addEventListener('hashchange', this.onHashChange);
    this.pendingDeepLink = true;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('mobilise-signup', this.onSignup);
    window.removeEventListener('hashchange', this.onHashChange);
    this.ics.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('module')) [this.moduleFilter, this.moduleFromProvider] = [this.module.trim(), false];
    if (changed.has('delivery')) this.deliveryFilter = parseEnum(DELIVERY_MODES, this.delivery, warn('delivery')) ?? '';
    if (changed.has('area')) this.areaFilter = this.area.trim();
    if (changed.has('from')) this.fromFilter = this.from.trim();
    if (changed.has('to')) this.toFilter = this.to.trim();
    if (changed.has('view') && this.view !== this.currentView) warn('view')(this.view);
    if (changed.has('signup') && !['auto', 'dialog', 'page'].includes(this.signup)) warn('signup')(this.signup);
    this.followProviderModule();
    if (this.currentView === 'month') {
      void this.loadGrid();
      if (!this.gridFocus && this.data.value) this.gridFocus = this.initialGridDay();
    }
  }

  /** Only ever the last selection counts, and only when the page did not pin a module. */
  private followProviderModule() {
    const selected = this.ctx.selection.moduleId;
    if (selected === this.lastSelectedModule) return;
    this.lastSelectedModule = selected;
    if (!selected || this.module) return;
    [this.moduleFilter, this.moduleFromProvider] = [selected, true];
    this.limit = PAGE_SIZE;
  }

  private get currentView(): CalendarView {
    return this.view === 'month' ? 'month' : 'agenda';
  }

  private get signupMode(): 'dialog' | 'page' {
    if (this.signup === 'dialog' || this.signup === 'page') return this.signup;
    // auto: a form elsewhere on the page follows the provider's selection; otherwise bring one up here.
    return [...document.querySelectorAll('mobilise-signup-form')].some((f) => !this.contains(f)) ? 'page' : 'dialog';
  }

  private reload() {
    try {
      this.ctx.client().invalidate();
    } catch {
      /* a config error: the task reports it */
    }
    void this.data.run();
  }

  private loadGrid() {
    this.gridLoad ??= import('./month-grid.js').then(
      (m) => (this.grid = m),
      (e: unknown) => {
        this.gridLoad = undefined;
        this.gridError = e;
        return undefined;
      },
    );
    return this.gridLoad;
  }

  private moduleOf(id: string): EventModule {
    const m = this.data.value && this.modulesById(this.data.value.modules.items).get(id);
    return m ?? { title: id, summary: '' };
  }

  private currentFilters(now: number): Filters {
    return this.filtersOf({
      module: this.moduleFilter,
      delivery: this.deliveryFilter,
      area: this.areaFilter,
      from: this.fromFilter,
      to: this.toFilter,
      showPast: this.showPast,
      now,
    });
  }

  private allEntries(): Entry[] {
    return this.index(this.data.value?.sessions.items ?? []);
  }

  private filteredEntries(): Entry[] {
    return this.filtered(this.allEntries(), this.currentFilters(this.data.value?.now ?? 0));
  }

  /** First session day from today in the filtered list, else today: the grid opens where the sessions are. */
  private initialGridDay(): string {
    const today = dayKey(new Date(this.data.value?.now ?? Date.now()));
    return this.filteredEntries().find((e) => e.day >= today)?.day ?? today;
  }

  private sessionElement(id: string) {
    return this.shadowRoot?.getElementById(`session-${id}`) ?? undefined;
  }

  /** Emit first: the host page may veto; then open the form the way `signup` says. */
  private select(entry: Entry, trigger?: HTMLElement) {
    const { id: sessionId, moduleId } = entry.session;
    if (!emit(this, 'mobilise-session-select', { sessionId, moduleId })) return;
    replaceSessionHash(sessionId);
    if (this.signupMode === 'dialog') void this.openDialog(entry, trigger);
  }

  private async openDialog(entry: Entry, trigger?: HTMLElement) {
    this.dialogEntry = entry;
    this.focusReturn = { trigger, id: entry.session.id };
    import('../signup-form/define.js').catch((e: unknown) => console.warn('[mobilise] could not load the signup form', e));
    await this.updateComplete;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  /** `#session=<id>`: make the session visible (clearing filters that hide it), focus it, then open signup. */
  private async openFromHash() {
    await this.updateComplete;
    const id = parseSessionHash(location.hash);
    const entry = id && this.allEntries().find((e) => e.session.id === id);
    if (!entry) return;
    if (!this.filteredEntries().includes(entry)) {
      this.clearFilters();
      if (isPast(entry, this.data.value!.now)) this.showPast = true;
    }
    if (this.currentView === 'month') {
      this.gridFocus = this.gridSelected = entry.day;
      await this.loadGrid();
    } else {
      await this.updateComplete;
      const at = this.filteredEntries().indexOf(entry);
      this.limit = Math.max(this.limit, Math.ceil((at + 1) / PAGE_SIZE) * PAGE_SIZE);
    }
    await this.updateComplete;
    const el = this.sessionElement(entry.session.id);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
    if (sessionState(entry.session, Date.now()).action) this.select(entry, el.querySelector<HTMLElement>('[data-signup]') ?? el);
  }

  private renderToolbar(shown: number, total: number) {
    const view = this.currentView;
    return html`<div class="toolbar">
      <div class="view-toggle" part="view-toggle" role="group" aria-label=${t.view}>
        <button type="button" data-view="agenda" aria-pressed=${view === 'agenda'} @click=${this.onViewClick}>${t.agenda}</button>
        <button type="button" data-view="month" aria-pressed=${view === 'month'} @click=${this.onViewClick}>${t.month}</button>
      </div>
      <p class="count" role="status">${this.data.value ? t.count(shown, total) : ''}</p>
    </div>`;
  }

  private renderProviderNotice() {
    if (!this.moduleFromProvider || !this.moduleFilter) return nothing;
    return html`<div class="provider-notice">
      <p role="status">${t.showingFor(this.moduleOf(this.moduleFilter).title)}</p>
      <button class="button secondary" type="button" data-action="show-all" @click=${this.showAllModules}>${t.showAll}</button>
    </div>`;
  }

  private renderFilters(entries: Entry[], modules: readonly Module[], disabled: boolean) {
    return renderFilterBar({
      modules,
      areas: this.areas(entries),
      module: this.moduleFilter,
      delivery: this.deliveryFilter,
      area: this.areaFilter,
      from: this.fromFilter,
      to: this.toFilter,
      disabled,
      onChange: this.onFilterChange,
      onClear: this.clearFilters,
    });
  }

  private renderSkeleton() {
    return html`<div class="loading" aria-busy="true">
      <p class="visually-hidden" role="status">${en.state.loading}</p>
      ${[0, 1, 2].map(() => html`<div class="skeleton session-skeleton"></div>`)}
    </div>`;
  }

  private renderAgendaView(entries: Entry[], view: SessionView) {
    return html`${renderAgenda(this.page(entries, this.limit), view)}
    ${entries.length > this.limit
      ? html`<p class="more"><button class="button secondary" type="button" data-action="more" @click=${this.showMore}>${t.showMore}</button></p>`
      : nothing}`;
  }

  private renderMonthView(entries: Entry[], view: SessionView) {
    if (this.gridError) return renderError(this.gridError, this.retryGrid);
    if (!this.grid || !this.gridFocus) return html`<div class="skeleton grid-skeleton"><span class="visually-hidden">${t.loadingMonth}</span></div>`;
    return this.grid.renderMonthGrid({
      month: this.grid.monthOf(this.gridFocus),
      focused: this.gridFocus,
      selected: this.gridSelected,
      today: dayKey(new Date(view.now)),
      counts: this.counts(entries),
      selectedEntries: this.dayEntries(entries, this.gridSelected),
      view,
      onMove: this.gridMove,
      onFocusDay: this.gridFocusDay,
      onChoose: this.gridChoose,
      onMonth: this.gridMonth,
    });
  }

  private renderContent() {
    const value = this.data.value;
    if (this.data.status === TaskStatus.ERROR) return renderError(this.data.error, this.retry);
    if (!value) return html`${this.renderFilters([], [], true)} ${this.renderToolbar(0, 0)} ${this.renderSkeleton()}`;
    const all = this.allEntries();
    const entries = this.filteredEntries();
    const view: SessionView = { ...this.sessionView, locale: this.ctx.locale, now: value.now };
    const month = this.currentView === 'month';
    return html`${this.renderProviderNotice()} ${this.renderFilters(all, value.modules.items, false)}
    ${this.renderToolbar(month ? entries.length : Math.min(this.limit, entries.length), entries.length)}
    ${renderDropped([...value.sessions.dropped, ...value.modules.dropped])}
    ${entries.length ? nothing : html`<p class="state empty" part="empty">${t.empty}</p>`}
    ${month ? this.renderMonthView(entries, view) : entries.length ? this.renderAgendaView(entries, view) : nothing}`;
  }

  private renderDialog() {
    const entry = this.dialogEntry;
    const s = entry?.session;
    return html`<dialog class="dialog" part="dialog" aria-labelledby=${s ? 'dialog-title' : nothing} @close=${this.restoreFocus}>
      ${s
        ? html`<div class="dialog-head">
              <h2 id="dialog-title">${t.dialogHeading(this.moduleOf(s.moduleId).title)}</h2>
              <button class="close" type="button" data-action="close" @click=${this.closeDialog}>
                <span aria-hidden="true">×</span><span class="visually-hidden">${t.close}</span>
              </button>
            </div>
            ${keyed(s.id, html`<mobilise-signup-form session-id=${s.id} endpoint=${this.ctx.endpoint ?? ''}></mobilise-signup-form>`)}`
        : nothing}
    </dialog>`;
  }

  override render() {
    return html`<section class="calendar" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading" class="heading">${t.heading}</h2>
      ${this.renderContent()} ${this.renderDialog()}
    </section>`;
  }
}
