import { html, nothing } from 'lit';
import type { Session } from '../../contract/index.js';
import { strings } from '../../strings/current.js';
import { formatDay, formatTimeRange } from '../shared/format.js';
import { icon } from '../shared/icons.js';


/** What the form can offer for a session. */
export type Availability = 'open' | 'waitlist' | 'full' | 'cancelled' | 'closed';

/**
 * Pure, so the rules are unit-tested without a DOM. Cancelled beats everything;
 * a passed deadline (or a session already started) closes signups, waiting list included.
 */
export function availability(s: Session, now: number): Availability {
  if (s.status === 'cancelled') return 'cancelled';
  const deadline = s.signupDeadline ? Date.parse(s.signupDeadline) : Infinity;
  if (now > deadline || now >= Date.parse(s.start)) return 'closed';
  if (s.status === 'full' || s.spacesLeft === 0) return s.waitlist ? 'waitlist' : 'full';
  return 'open';
}

function where(s: Session): string {
  if (!s.venue) return strings.calendar.online;
  const place = `${s.venue.name}, ${s.venue.address}, ${s.venue.postcode}`;
  return s.delivery === 'hybrid' ? strings.signup.hybrid(place) : place;
}

function places(s: Session, state: Availability): string {
  if (state === 'waitlist') return strings.signup.waitlistOpen;
  if (state === 'full') return strings.signup.noPlaces;
  return strings.calendar.spacesLeft(s.spacesLeft);
}

/** UK date and time, venue or online (each beside its icon: date and time wrap as units), and spaces (the module title is the form's heading). */
export function renderSessionSummary(session: Session, locale: string, state: Availability) {
  const showPlaces = state === 'open' || state === 'waitlist' || state === 'full';
  return html`<dl class="session-summary" part="session-summary">
    <div>
      <dt>${strings.signup.when}</dt>
      <dd><span>${icon('date')} ${formatDay(session.start, locale)}</span> <span>${icon('time')} ${formatTimeRange(session.start, session.end, locale)}</span></dd>
    </div>
    <div>
      <dt>${strings.signup.where}</dt>
      <dd><span>${icon(session.venue ? 'place' : 'online')} ${where(session)}</span></dd>
    </div>
    ${showPlaces
      ? html`<div>
          <dt>${strings.signup.places}</dt>
          <dd>${places(session, state)}</dd>
        </div>`
      : nothing}
  </dl>`;
}
