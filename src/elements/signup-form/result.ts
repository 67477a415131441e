import { html } from 'lit';
import type { SignupResult } from '../../contract/index.js';
import { strings } from '../../strings/current.js';
import { formatDay, formatTime } from '../shared/format.js';
import { heading } from '../shared/heading.js';
import type { Availability } from './summary.js';


/** What came back from a submission: a held place or waiting-list slot to confirm by email, or a session that can no longer take anyone. */
export type Outcome = { kind: 'pending'; result: SignupResult } | { kind: 'full' | 'closed' };

export interface OutcomeActions {
  again: () => void;
  back: () => void;
}

/** Outcome headings take focus (tabindex=-1) so screen readers hear the outcome at once. */
export const focusable = { class: 'result-heading', tabindex: -1 };

function renderPending({ result }: Extract<Outcome, { result: SignupResult }>, again: () => void, level: number, locale: string) {
  const place = result.hold === 'place';
  const until = strings.signup.until(formatTime(result.holdExpiresAt, locale), formatDay(result.holdExpiresAt, locale));
  return html`<div class="result pending ${result.hold}" part="result">
    ${heading(level, focusable, place ? strings.signup.checkEmail : strings.signup.checkEmailWaitlist)}
    <p>${place ? strings.signup.pendingNext(until) : strings.signup.pendingWaitlistNext(until)}</p>
    <p>${strings.signup.pendingSpam}</p>
    <div class="actions"><button class="button secondary" type="button" @click=${again}>${strings.signup.again}</button></div>
  </div>`;
}

/** `level`: the heading level of an outcome, one below the form's heading; `locale`: the page's, for the hold's end. */
export function renderOutcome(outcome: Outcome, actions: OutcomeActions, level: number, locale: string) {
  if (outcome.kind === 'pending') return renderPending(outcome, actions.again, level, locale);
  const full = outcome.kind === 'full';
  return html`<div class="result state error" part="result">
    ${heading(level, focusable, full ? strings.signup.fullTitle : strings.signup.closedTitle)}
    <p>${full ? strings.signup.full : strings.signup.closed}</p>
    <div class="actions"><button class="button secondary" type="button" @click=${actions.back}>${strings.signup.back}</button></div>
  </div>`;
}

/** Shown instead of the form when the session itself cannot take signups. */
export function renderUnavailableSession(state: Extract<Availability, 'full' | 'cancelled' | 'closed'>, level: number) {
  const title = state === 'full' ? strings.signup.fullTitle : strings.signup.closedTitle;
  const text = state === 'full' ? strings.signup.full : state === 'cancelled' ? strings.signup.cancelled : strings.signup.closed;
  return html`<div class="state" part="result">
    ${heading(level, focusable, title)}
    <p>${text}</p>
  </div>`;
}

/** Static mode: nowhere to POST, so point at the CLP's own booking page when it has one. */
export function renderStaticMode(externalUrl: string | undefined, level: number) {
  return html`<div class="state" part="result">
    ${heading(level, focusable, strings.signup.unavailableTitle)}
    ${externalUrl
      ? html`<p>
          <a class="button" part="external-signup" href=${externalUrl} target="_blank" rel="noopener noreferrer"
            >${strings.signup.externalSignup}<span class="visually-hidden"> ${strings.calendar.newTab}</span></a
          >
        </p>`
      : html`<p>${strings.signup.unavailable}</p>`}
  </div>`;
}
