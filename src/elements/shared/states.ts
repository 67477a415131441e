import { html, nothing } from 'lit';
import { en } from '../../strings/en.js';
import type { DroppedItem } from '../../client/index.js';
import { canRetry, describeError } from './errors.js';

/** Error state with a human message and, where it can help, a retry button. */
export function renderError(error: unknown, retry: () => void) {
  return html`<div class="state error" part="error" role="alert">
    <p>${describeError(error)}</p>
    ${canRetry(error)
      ? html`<p><button class="button secondary" part="retry" type="button" @click=${retry}>${en.state.retry}</button></p>`
      : nothing}
  </div>`;
}

/** A polite note when some items were dropped for not matching the contract. */
export function renderDropped(dropped: DroppedItem[]) {
  return dropped.length ? html`<p class="state" part="notice" role="status">${en.state.partialData(dropped.length)}</p>` : nothing;
}
