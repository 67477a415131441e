import { html, nothing } from 'lit';
import { strings } from '../../strings/current.js';
import type { DroppedItem } from '../../client/index.js';
import { canRetry, describeError } from './errors.js';

/**
 * Error state: a human message and, where it can help, "Try again" (the next action). Its words are the
 * message alone, as fault tests and host pages read them: the element sets a heading above it (`.state-title`).
 */
export function renderError(error: unknown, retry: () => void) {
  return html`<div class="state error" part="error" role="alert">
    <p>${describeError(error)}</p>
    ${canRetry(error) ? html`<button class="button secondary" part="retry" type="button" @click=${retry}>${strings.state.retry}</button>` : nothing}
  </div>`;
}

/** A polite note when some items were dropped for not matching the contract. */
export function renderDropped(dropped: DroppedItem[]) {
  return dropped.length ? html`<p class="state" part="notice" role="status">${strings.state.partialData(dropped.length)}</p>` : nothing;
}
