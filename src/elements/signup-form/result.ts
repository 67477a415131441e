import { html } from 'lit';
import type { SignupResult } from '../../contract/index.js';
import { en } from '../../strings/en.js';
import { formatDay, formatTime } from '../shared/format.js';
import { heading } from '../shared/heading.js';
import type { Availability } from './summary.js';

const t = en.signup;

/** What came back from a submission: a held place or waiting-list slot to confirm by email, or a session that can no longer take anyone. */
export type Outcome = { kind: 'pending'; result: SignupResult } | { kind: 'full' | 'closed' };

export interface OutcomeActions {
  again: () => void;
  back: () => void;
}

/** Outcome headings take focus (tabindex=-1) so screen readers hear the outcome at once. */
export const focusable = { class: 'result-heading', tabindex: -1 };

function renderPending({ result }: Extract<Outcome, { result: SignupResult }>, again: () => void, level: number) {
  const place = result.hold === 'place';
  const until = `${formatTime(result.holdExpiresAt, 'en-GB')} on ${formatDay(result.holdExpiresAt, 'en-GB')}`;
  return html`<div class="result pending ${result.hold}" part="result">
    ${heading(level, focusable, place ? t.checkEmail : t.checkEmailWaitlist)}
    <p>${place ? t.pendingNext(until) : t.pendingWaitlistNext(until)}</p>
    <p>${t.pendingSpam}</p>
    <div class="actions"><button class="button secondary" type="button" @click=${again}>${t.again}</button></div>
  </div>`;
}

/** `level`: the heading level of an outcome, one below the form's heading. */
export function renderOutcome(outcome: Outcome, actions: OutcomeActions, level: number) {
  if (outcome.kind === 'pending') return renderPending(outcome, actions.again, level);
  const full = outcome.kind === 'full';
  return html`<div class="result state error" part="result">
    ${heading(level, focusable, full ? t.fullTitle : t.closedTitle)}
    <p>${full ? t.full : t.closed}</p>
    <div class="actions"><button class="button secondary" type="button" @click=${actions.back}>${t.back}</button></div>
  </div>`;
}

/** Shown instead of the form when the session itself cannot take signups. */
export function renderUnavailableSession(state: Extract<Availability, 'full' | 'cancelled' | 'closed'>, level: number) {
  const title = state === 'full' ? t.fullTitle : t.closedTitle;
  const text = state === 'full' ? t.full : state === 'cancelled' ? t.cancelled : t.closed;
  return html`<div class="state" part="result">
    ${heading(level, focusable, title)}
    <p>${text}</p>
  </div>`;
}

/** Static mode: nowhere to POST, so point at the CLP's own booking page when it has one. */
export function renderStaticMode(externalUrl: string | undefined, level: number) {
  return html`<div class="state" part="result">
    ${heading(level, focusable, t.unavailableTitle)}
    ${externalUrl
      ? html`<p>
          <a class="button" part="external-signup" href=${externalUrl} target="_blank" rel="noopener noreferrer"
            >${t.externalSignup}<span class="visually-hidden"> ${t.newTab}</span></a
          >
        </p>`
      : html`<p>${t.unavailable}</p>`}
  </div>`;
}
