import { html } from 'lit';
import type { Session } from '../../contract/index.js';
import { strings } from '../../strings/current.js';

export type Availability = 'spaces' | 'few' | 'full-waitlist' | 'full' | 'cancelled' | 'closed';

export interface SessionState {
  kind: Availability;
  text: string;
  /** What the member can do, or nothing when they cannot sign up. */
  action?: 'signup' | 'waitlist';
}


/** Few spaces: at most three, or at most a tenth of the room. */
export const isFew = (s: Session) => s.spacesLeft <= 3 || s.spacesLeft <= s.capacity * 0.1;

/**
 * Pure, so the rules are unit-tested without a DOM. Cancelled beats everything;
 * a passed deadline (or a session already started) closes signups, waiting list included.
 */
export function sessionState(s: Session, now: number): SessionState {
  if (s.status === 'cancelled') return { kind: 'cancelled', text: strings.calendar.cancelled };
  const deadline = s.signupDeadline ? Date.parse(s.signupDeadline) : Infinity;
  if (now > deadline || now >= Date.parse(s.start)) return { kind: 'closed', text: strings.calendar.closed };
  if (s.status === 'full' || s.spacesLeft === 0) {
    return s.waitlist
      ? { kind: 'full-waitlist', text: strings.calendar.fullWaitlist, action: 'waitlist' }
      : { kind: 'full', text: strings.calendar.full };
  }
  if (isFew(s)) return { kind: 'few', text: strings.calendar.fewLeft(s.spacesLeft), action: 'signup' };
  return { kind: 'spaces', text: strings.calendar.spacesLeft(s.spacesLeft), action: 'signup' };
}

/** Text first, colour second: the class only tints a badge whose words already say it all. */
export const renderBadge = (state: SessionState) =>
  html`<span class="badge ${state.kind}" part="badge">${state.text}</span>`;
