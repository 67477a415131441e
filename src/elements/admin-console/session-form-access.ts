/**
 * The session form's "Access at this session": a checkbox per access feature in a fieldset with
 * its legend and hint (GOV.UK's checkboxes), and the chosen list kept in the contract's order.
 */
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { ACCESS_FEATURES, ACCESS_WORDS_EN, type AccessFeature } from '../../contract/enums.js';
import { describedBy, errorMessage } from './form-errors.js';

/** The list with `feature` ticked or not, in ACCESS_FEATURES' order (as the server stores it, so an unchanged list compares equal). */
export const toggled = (list: readonly AccessFeature[], feature: string, on: boolean): AccessFeature[] =>
  ACCESS_FEATURES.filter((f) => (f === feature ? on : list.includes(f)));

/** The summary's link goes to the first box. */
export const FIRST_ACCESS_BOX = `access-features-${ACCESS_FEATURES[0]}`;

export function accessFieldset(legend: string, chosen: readonly AccessFeature[], error: string | undefined) {
  return html`<fieldset class="field group ${error ? 'invalid' : ''}" aria-describedby=${describedBy('access-features', error, true)!}>
    <legend>${legend}</legend>
    <p class="hint" id="access-features-hint">Select all that apply. Members see them with the session and in their booking emails.</p>
    ${errorMessage('access-features', error)}
    <div class="choices">
      ${ACCESS_FEATURES.map(
        (f) => html`<div class="choice">
          <input type="checkbox" id="access-features-${f}" name="access-features" value=${f} aria-invalid=${error ? 'true' : 'false'} .checked=${live(chosen.includes(f))} />
          <label for="access-features-${f}">${ACCESS_WORDS_EN[f]}</label>
        </div>`,
      )}
    </div>
  </fieldset>`;
}
