import { html, nothing, type PropertyValues, type ReactiveControllerHost } from 'lit';
import { DELIVERY_MODES, parseEnum, type Module } from '../../contract/index.js';
import { strings } from '../../strings/current.js';
import { renderFilterBar } from './filter-bar.js';
import { memoOne, type Filters } from './filters.js';

/** Sessions revealed per "Show more": enough to scroll, few enough to render at once on a phone. */
export const PAGE_SIZE = 30;

/** The element's attributes that seed the filters. */
export interface FilterAttributes {
  module: string;
  delivery: string;
  area: string;
  from: string;
  to: string;
}

const FILTER_NAMES = ['module', 'delivery', 'area', 'from', 'to'] as const;
/** The attributes' filters, and access (the filter bar's alone). */
type FilterValues = Pick<Filters, (typeof FILTER_NAMES)[number] | 'access'>;
const NO_FILTERS: FilterValues = { module: '', delivery: '', area: '', from: '', to: '', access: '' };

/** Dev-facing: an attribute value the calendar does not know, and ignores. */
export const warnIgnored = (what: string) => (value: string) =>
  console.warn(`[mobilise] <mobilise-session-calendar> ignores ${what}="${value}"`);

/**
 * What the member has chosen to see: the filter values (seeded by attributes, changed by the
 * filter bar or the catalogue's selection) and how many sessions are revealed — together,
 * because every change of filter starts the paging again.
 */
export class FiltersController {
  #values: FilterValues = NO_FILTERS;
  #shown = PAGE_SIZE;
  /** The filters' disclosure, which only narrow calendars show. */
  #open = false;
  /** The module filter came from the catalogue (via the provider), so say so and offer a way out. */
  #fromProvider = false;
  #lastSelectedModule?: string;
  /** One object per change of filter, so memoised steps downstream see no change when nothing changed. */
  readonly #current = memoOne((values: FilterValues, showPast: boolean, now: number): Filters => ({ ...values, showPast, now }));

  readonly #host: ReactiveControllerHost & FilterAttributes;

  constructor(host: ReactiveControllerHost & FilterAttributes) {
    this.#host = host;
  }

  readonly #onChange = (name: string, value: string) => {
    if (name === 'module') this.#fromProvider = false;
    this.#set({ [name]: name === 'delivery' ? (parseEnum(DELIVERY_MODES, value) ?? '') : value });
  };

  readonly clear = () => this.#set(NO_FILTERS);

  readonly #showAllModules = () => this.#set({ module: '' });

  readonly #toggle = () => {
    this.#open = !this.#open;
    this.#host.requestUpdate();
  };

  /** From the host's willUpdate: attributes that changed replace the filter they seed. */
  syncAttributes(changed: PropertyValues) {
    const h = this.#host;
    for (const name of FILTER_NAMES)
      if (changed.has(name))
        this.#values = {
          ...this.#values,
          [name]: name === 'delivery' ? (parseEnum(DELIVERY_MODES, h.delivery, warnIgnored('delivery')) ?? '') : h[name].trim(),
        };
    if (changed.has('module')) this.#fromProvider = false;
  }

  /** Only ever the last selection counts, and only when the page did not pin a module. */
  followProvider(selected: string | undefined) {
    if (selected === this.#lastSelectedModule) return;
    this.#lastSelectedModule = selected;
    if (!selected || this.#host.module) return;
    this.#set({ module: selected });
    this.#fromProvider = true;
  }

  /** How many filters are set (differ from "all"): the narrow calendar's "Filters (2 active)". */
  get active() {
    return Object.values(this.#values).filter(Boolean).length;
  }

  current(showPast: boolean, now: number): Filters {
    return this.#current(this.#values, showPast, now);
  }

  /** The filter values: a new object on every change of filter (the calendar then draws the list in two steps). */
  get chosen(): object {
    return this.#values;
  }

  /** Sessions revealed so far in the agenda. */
  get limit() {
    return this.#shown;
  }

  /** Reveal one more page; returns the index of the first newly shown session. */
  more(): number {
    const first = this.#shown;
    this.#shown += PAGE_SIZE;
    this.#host.requestUpdate();
    return first;
  }

  /** Reveal enough pages to show the session at `index`. */
  reveal(index: number) {
    this.#shown = Math.max(this.#shown, Math.ceil((index + 1) / PAGE_SIZE) * PAGE_SIZE);
    this.#host.requestUpdate();
  }

  /** Any change of filter starts the paging again; a changed module is no longer the catalogue's. */
  #set(values: Partial<FilterValues>) {
    this.#values = { ...this.#values, ...values };
    if (!this.#values.module) this.#fromProvider = false;
    this.#shown = PAGE_SIZE;
    this.#host.requestUpdate();
  }

  /** "Showing sessions for <module>" with a way back to all modules, when the catalogue chose it. */
  renderProviderNotice(title: (moduleId: string) => string) {
    if (!this.#fromProvider || !this.#values.module) return nothing;
    return html`<div class="state provider-notice">
      <p role="status">${strings.calendar.showingFor(title(this.#values.module))}</p>
      <button class="button secondary" type="button" data-action="show-all" @click=${this.#showAllModules}>${strings.calendar.showAll}</button>
    </div>`;
  }

  renderBar(modules: readonly Module[], areas: readonly string[], disabled: boolean) {
    return renderFilterBar({
      modules,
      areas,
      ...this.#values,
      active: this.active,
      open: this.#open,
      disabled,
      onChange: this.#onChange,
      onClear: this.clear,
      onToggle: this.#toggle,
    });
  }
}
