import { html, nothing } from 'lit';
import { DELIVERY_MODES, type Delivery, type Module } from '../../contract/index.js';
import { en } from '../../strings/en.js';
import { DELIVERY_LABEL } from './agenda-view.js';

export interface FilterBarProps {
  modules: readonly Pick<Module, 'id' | 'title'>[];
  areas: readonly string[];
  module: string;
  delivery: Delivery | '';
  area: string;
  from: string;
  to: string;
  /** While loading: same layout, nothing to choose yet, so nothing shifts when data arrives. */
  disabled: boolean;
  onChange(name: string, value: string): void;
  onClear(): void;
}

const t = en.calendar;

const option = (value: string, label: string, current: string) =>
  html`<option value=${value} ?selected=${value === current}>${label}</option>`;

/** Native, labelled controls; each change filters at once (no submit step to miss). */
export function renderFilterBar(p: FilterBarProps) {
  const change = (e: Event) => {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    p.onChange(target.name, target.value);
  };
  const active = !!(p.module || p.delivery || p.area || p.from || p.to);
  return html`<fieldset class="filters" part="filters" ?disabled=${p.disabled} @change=${change}>
    <legend class="visually-hidden">${t.filters}</legend>
    <div class="field">
      <label for="f-module">${t.module}</label>
      <select class="control" id="f-module" name="module">
        ${option('', t.allModules, p.module)} ${p.modules.map((m) => option(m.id, m.title, p.module))}
      </select>
    </div>
    <div class="field">
      <label for="f-delivery">${t.delivery}</label>
      <select class="control" id="f-delivery" name="delivery">
        ${option('', t.allDelivery, p.delivery)} ${DELIVERY_MODES.map((d) => option(d, DELIVERY_LABEL[d], p.delivery))}
      </select>
    </div>
    <div class="field">
      <label for="f-area">${t.area}</label>
      <select class="control" id="f-area" name="area">
        ${option('', t.allAreas, p.area)} ${p.areas.map((a) => option(a, a, p.area))}
      </select>
    </div>
    <div class="field">
      <label for="f-from">${t.from}</label>
      <input class="control" id="f-from" name="from" type="date" .value=${p.from} max=${p.to || nothing} />
    </div>
    <div class="field">
      <label for="f-to">${t.to}</label>
      <input class="control" id="f-to" name="to" type="date" .value=${p.to} min=${p.from || nothing} />
    </div>
    ${active
      ? html`<div class="field clear">
          <button class="button secondary" type="button" data-action="clear" @click=${p.onClear}>${t.clearFilters}</button>
        </div>`
      : nothing}
  </fieldset>`;
}
