import { html, type ReactiveControllerHost } from 'lit';
import { strings } from '../../strings/current.js';
import { dayKey } from '../shared/format.js';
import { renderError } from '../shared/states.js';
import type { SessionView } from './agenda-view.js';
import { byDay, memoOne, type Entry } from './filters.js';

type GridModule = typeof import('./month-grid.js');

/**
 * The month view's own state, so the element only says when the month view shows: the grid
 * module is imported on first use (the agenda pays nothing for it), and the roving focused day
 * (which also fixes the month shown) and the selected day survive re-renders and filter changes.
 */
export class MonthGridController {
  #grid?: GridModule;
  #error?: unknown;
  #loading?: Promise<GridModule | undefined>;
  #focused = '';
  #selected?: string;
  readonly #days = memoOne(byDay);

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  readonly #retry = () => {
    this.#error = undefined;
    this.#host.requestUpdate();
    void this.#load();
  };

  readonly #move = async (day: string) => {
    this.#set(day);
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus();
  };

  readonly #choose = (day: string) => this.#set(day, day);

  /** The month view is showing: start the import, and open on `initialDay()` once there is one. */
  prepare(initialDay: () => string | undefined) {
    void this.#load();
    if (!this.#focused) {
      const day = initialDay();
      if (day) this.#set(day);
    }
  }

  /** Focus and select `day` (a deep link), resolving once the grid can show it. */
  async show(day: string) {
    this.#set(day, day);
    await this.#load();
  }

  /** The roving day and the chosen one (unchanged unless given); an arrow, as the grid's onFocusDay. */
  readonly #set = (focused: string, selected = this.#selected) => {
    if (focused === this.#focused && selected === this.#selected) return;
    [this.#focused, this.#selected] = [focused, selected];
    this.#host.requestUpdate();
  };

  #load() {
    this.#loading ??= import('./month-grid.js').then(
      (m) => {
        this.#grid = m;
        this.#host.requestUpdate();
        return m;
      },
      (e: unknown) => {
        this.#loading = undefined;
        this.#error = e;
        this.#host.requestUpdate();
        return undefined;
      },
    );
    return this.#loading;
  }

  render(entries: Entry[], view: SessionView) {
    if (this.#error) return renderError(this.#error, this.#retry);
    if (!this.#grid || !this.#focused) return html`<div class="skeleton grid-skeleton"><span class="visually-hidden">${strings.calendar.loadingMonth}</span></div>`;
    const days = this.#days(entries);
    return this.#grid.renderMonthGrid({
      month: this.#focused.slice(0, 7),
      focused: this.#focused,
      selected: this.#selected,
      today: dayKey(new Date(view.now)),
      days,
      selectedEntries: (this.#selected && days.get(this.#selected)) || [],
      view,
      onMove: this.#move,
      onFocusDay: this.#set,
      onChoose: this.#choose,
    });
  }
}
