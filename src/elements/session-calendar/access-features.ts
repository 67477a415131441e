import { html, nothing } from 'lit';
import { ACCESS_FEATURES, type AccessFeature } from '../../contract/index.js';
import { strings } from '../../strings/current.js';
import { icon } from '../shared/icons.js';

/**
 * A line icon per access feature, in ACCESS_FEATURES' order, on icons.ts' grid and in its style (currentColor, so forced
 * colours recolour them); here rather than there so only the calendar carries them. Dots are
 * zero-length lines that the round caps draw.
 */
export const ACCESS_PATHS = [
  'M9 3h0m0 4v7h6l3 6M8 10a6 6 0 1 0 7 8', // step-free
  'M7 9a5 5 0 0 1 10 0c0 4-4 4-4 8a3 3 0 0 1-6 0', // hearing-loop
  'M7 6v9a5 5 0 0 0 10 0V8m-7 3V4m4 7V5', // bsl
  'M3 5h18v14H3zm4 5h10m-10 4h7', // captions
  'M4 9h4l5-4v14l-5-4H4zm12 0 5 6m0-6-5 6', // quiet-room
  'M6 3h5v8M4 11h16a8 6 0 0 1-16 0m5 6-1 4h8l-1-4', // accessible-toilets
  'M4 10h14a7 7 0 0 1-14 0V4a6 6 0 0 1 6 6M8 21h0m8 0h0', // childcare
  'M4 3h16v18H4zm6 14V7h3a3 3 0 0 1 0 6h-3', // parking
  'M5 3h14v14H5zm0 7h14M8 17v3m8-3v3', // public-transport
] as const satisfies { length: typeof ACCESS_FEATURES.length };

/** The icon is decoration (hidden from assistive technology): the words beside it say it all. */
const label = (f: AccessFeature) => html`${icon(ACCESS_PATHS[ACCESS_FEATURES.indexOf(f)]!)} ${strings.access[f]}`;

/** A session's access features as labelled badges; nothing when it lists none. */
export const renderAccessFeatures = (features: readonly AccessFeature[] = []) =>
  features.length
    ? html`<ul class="features" role="list" aria-label=${strings.calendar.accessibility}>
        ${features.map((f) => html`<li class="badge">${label(f)}</li>`)}
      </ul>`
    : nothing;

/**
 * The access filter: a checkbox per feature in a fieldset, behind a disclosure that says how many
 * are ticked, so nine boxes never crowd a phone. `access` is what is ticked, as the API takes it.
 */
export function renderAccessFilter(access: string) {
  const ticked = access ? access.split(',') : [];
  return html`<details class="field access-filter">
    <summary class="control">${icon('access')} ${strings.calendar.accessFilter(ticked.length)}</summary>
    <fieldset>
      <legend class="visually-hidden">${strings.calendar.accessFilter(0)}</legend>
      ${ACCESS_FEATURES.map(
        (f) => html`<label class="check"><input type="checkbox" name="access" value=${f} .checked=${ticked.includes(f)} />${label(f)}</label>`,
      )}
    </fieldset>
  </details>`;
}
