import { html, nothing } from 'lit';

export interface SelectField {
  id: string;
  /** For a form-level change listener that reads `name` (the calendar's filters). */
  name?: string;
  label: string;
  /** The first option, value "": no filter. */
  all: string;
  options: readonly (readonly [value: string, label: string])[];
  current: string;
  onChange?: (e: Event) => void;
}

/**
 * A labelled native filter select, shared by the catalogue's and the calendar's filter bars. The
 * options' `selected` property, not the attribute: once a member has chosen, Firefox no longer
 * follows the attribute, so "Clear filters" would leave the old choice showing.
 */
export function renderSelectField(f: SelectField) {
  return html`<div class="field">
    <label for=${f.id}>${f.label}</label>
    <select class="control" id=${f.id} name=${f.name ?? nothing} @change=${f.onChange}>
      ${[['', f.all] as const, ...f.options].map(
        ([value, label]) => html`<option value=${value} .selected=${value === f.current}>${label}</option>`,
      )}
    </select>
  </div>`;
}
