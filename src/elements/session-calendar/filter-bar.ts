import { html, nothing } from 'lit';
import { DELIVERY_MODES, type Delivery, type Module } from '../../contract/index.js';
import { strings } from '../../strings/current.js';
import { renderSelectField } from '../shared/select-field.js';
import { renderAccessFilter } from './access-features.js';
import { deliveryLabel } from './agenda-view.js';

export interface FilterBarProps {
  modules: readonly Pick<Module, 'id' | 'title'>[];
  areas: readonly string[];
  module: string;
  delivery: Delivery | '';
  area: string;
  from: string;
  to: string;
  /** Ticked access features, comma-separated in ACCESS_FEATURES' order. */
  access: string;
  /** How many filters are set, for the disclosure's label. */
  active: number;
  /** The disclosure is open (it only shows, and only hides the filters, while the calendar is narrow). */
  open: boolean;
  /** While loading: same layout, nothing to choose yet, so nothing shifts when data arrives. */
  disabled: boolean;
  onChange(name: string, value: string): void;
  onClear(): void;
  onToggle(): void;
}


/**
 * Native, labelled controls; each change filters at once (no submit step to miss). On a narrow
 * calendar they wait behind a "Filters" disclosure button that says how many are set. The nine
 * access checkboxes wait behind their own disclosure, which says how many are ticked.
 */
export function renderFilterBar(p: FilterBarProps) {
  const change = (e: Event) => {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    // A checkbox (access) stands for the whole group: every ticked one, in the list's order (only checkboxes are checked).
    const controls = (e.currentTarget as HTMLFieldSetElement).elements as HTMLCollectionOf<HTMLInputElement>;
    p.onChange(target.name, target.type === 'checkbox' ? [...controls].filter((c) => c.checked).map((c) => c.value).join() : target.value);
  };
  return html`<button class="button secondary filter-toggle" type="button" aria-expanded=${p.open} aria-controls="filters" @click=${p.onToggle}>
      ${strings.calendar.filterToggle(p.active)}
    </button>
    <fieldset class="filters" id="filters" part="filters" ?disabled=${p.disabled} @change=${change}>
    <legend class="visually-hidden">${strings.calendar.filters}</legend>
    ${renderSelectField({
      id: 'f-module',
      name: 'module',
      label: strings.calendar.module,
      all: strings.calendar.allModules,
      options: p.modules.map((m) => [m.id, m.title] as const),
      current: p.module,
    })}
    ${renderSelectField({
      id: 'f-delivery',
      name: 'delivery',
      label: strings.calendar.delivery,
      all: strings.calendar.allDelivery,
      options: DELIVERY_MODES.map((d) => [d, deliveryLabel(d)] as const),
      current: p.delivery,
    })}
    ${renderSelectField({ id: 'f-area', name: 'area', label: strings.calendar.area, all: strings.calendar.allAreas, options: p.areas.map((a) => [a, a] as const), current: p.area })}
    <div class="field">
      <label for="f-from">${strings.calendar.from}</label>
      <input class="control" id="f-from" name="from" type="date" .value=${p.from} max=${p.to || nothing} />
    </div>
    <div class="field">
      <label for="f-to">${strings.calendar.to}</label>
      <input class="control" id="f-to" name="to" type="date" .value=${p.to} min=${p.from || nothing} />
    </div>
    ${renderAccessFilter(p.access)}
    ${p.active
      ? html`<div class="field clear">
          <button class="button secondary" type="button" data-action="clear" @click=${p.onClear}>${strings.calendar.clearFilters}</button>
        </div>`
      : nothing}
  </fieldset>`;
}
