import { html, nothing, type PropertyValues, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { DELIVERY_MODES, parseEnum, type Delivery, type Module } from '../../contract/index.js';
import { en } from '../../strings/en.js';
import { renderFilterBar } from './filter-bar.js';
import { memoFilters, type Filters } from './filters.js';

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

const t = en.calendar;
/** Dev-facing: an attribute value the calendar does not know, and ignores. */
export const warnIgnored = (what: string) => (value: string) =>
  console.warn(`[mobilise] <mobilise-session-calendar> ignores ${what}="${value}"`);

/**
 * What the member has chosen to see: the filter values (seeded by attributes, changed by the
 * filter bar or the catalogue's selection) and how many sessions are revealed — together,
 * because every change of filter starts the paging again.
 */
export class FiltersController implements ReactiveController {
  #module = '';
  #delivery: Delivery | '' = '';
  #area = '';
  #from = '';
  #to = '';
  #shown = PAGE_SIZE;
  /** The module filter came from the catalogue (via the provider), so say so and offer a way out. */
  #fromProvider = false;
  #lastSelectedModule?: string;
  readonly #stable = memoFilters();

  readonly #host: ReactiveControllerHost & FilterAttributes;

  constructor(host: ReactiveControllerHost & FilterAttributes) {
    this.#host = host;
    host.addController(this);
  }

  readonly #onChange = (name: string, value: string) => {
    if (name === 'module') [this.#module, this.#fromProvider] = [value, false];
    else if (name === 'delivery') this.#delivery = parseEnum(DELIVERY_MODES, value) ?? '';
    else if (name === 'area') this.#area = value;
    else if (name === 'from') this.#from = value;
    else if (name === 'to') this.#to = value;
    this.#changed();
  };

  readonly clear = () => {
    [this.#module, this.#delivery, this.#area, this.#from, this.#to] = ['', '', '', '', ''];
    this.#fromProvider = false;
    this.#changed();
  };

  readonly #showAllModules = () => {
    [this.#module, this.#fromProvider] = ['', false];
    this.#changed();
  };

  /** No setup; declared because a ReactiveController needs at least one hook. */
  hostConnected() {}

  /** From the host's willUpdate: attributes that changed replace the filter they seed. */
  syncAttributes(changed: PropertyValues) {
    const h = this.#host;
    if (changed.has('module')) [this.#module, this.#fromProvider] = [h.module.trim(), false];
    if (changed.has('delivery')) this.#delivery = parseEnum(DELIVERY_MODES, h.delivery, warnIgnored('delivery')) ?? '';
    if (changed.has('area')) this.#area = h.area.trim();
    if (changed.has('from')) this.#from = h.from.trim();
    if (changed.has('to')) this.#to = h.to.trim();
  }

  /** Only ever the last selection counts, and only when the page did not pin a module. */
  followProvider(selected: string | undefined) {
    if (selected === this.#lastSelectedModule) return;
    this.#lastSelectedModule = selected;
    if (!selected || this.#host.module) return;
    [this.#module, this.#fromProvider] = [selected, true];
    this.#changed();
  }

  get #values() {
    return { module: this.#module, delivery: this.#delivery, area: this.#area, from: this.#from, to: this.#to };
  }

  /** The filters as a stable object, so memoised steps downstream see no change when nothing changed. */
  current(showPast: boolean, now: number): Filters {
    return this.#stable({ ...this.#values, showPast, now });
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

  #changed() {
    this.#shown = PAGE_SIZE;
    this.#host.requestUpdate();
  }

  /** "Showing sessions for <module>" with a way back to all modules, when the catalogue chose it. */
  renderProviderNotice(title: (moduleId: string) => string) {
    if (!this.#fromProvider || !this.#module) return nothing;
    return html`<div class="provider-notice">
      <p role="status">${t.showingFor(title(this.#module))}</p>
      <button class="button secondary" type="button" data-action="show-all" @click=${this.#showAllModules}>${t.showAll}</button>
    </div>`;
  }

  renderBar(modules: readonly Module[], areas: readonly string[], disabled: boolean) {
    return renderFilterBar({ modules, areas, ...this.#values, disabled, onChange: this.#onChange, onClear: this.clear });
  }
}
