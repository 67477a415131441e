import { html, nothing } from 'lit';
import type { PersonData } from '../../contract/data-rights.js';
import { formatDay, formatTime } from '../shared/format.js';
import { ukDateTime } from './london-time.js';

type Signup = PersonData['signups'][number];

const STATUS: Record<string, string> = {
  pending: 'Not yet confirmed by email',
  confirmed: 'Confirmed',
  waitlisted: 'On the waiting list',
  expired: 'Expired (not confirmed in time)',
  cancelled: 'Cancelled',
};

/** True when the search found any row at all. */
export const holdsAnything = (d: PersonData) =>
  d.signups.length + d.emails.length + d.bookingLinks.length + d.signupRequests.length + (d.moduleRequests?.length ?? 0) > 0;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "3 sent, 1 queued": the emails to the address by what happened to them. */
function emailCounts(emails: PersonData['emails']): string {
  const by = new Map<string, number>();
  for (const e of emails) by.set(e.status, (by.get(e.status) ?? 0) + 1);
  return [...by].map(([status, n]) => `${n} ${status}`).join(', ');
}

function signup(s: Signup, locale: string) {
  const row = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  const c = s.consent;
  return html`<article class="signup">
    <h4>${s.moduleTitle}</h4>
    <dl>
      ${row('Session', `${formatDay(s.sessionStart, locale)}, ${formatTime(s.sessionStart, locale)}`)} ${row('Area', s.area)}
      ${row('Status', STATUS[s.status] ?? s.status)} ${row('Name', `${s.firstName} ${s.lastName}`)}
      ${row('Phone', s.phone ?? 'None given')} ${row('Postcode', s.postcode)} ${row('Membership', s.membership)}
      ${s.clp ? row('CLP', s.clp) : nothing} ${row('Booked', ukDateTime(s.createdAt, locale))}
      ${row('Confirmed', s.confirmedAt ? ukDateTime(s.confirmedAt, locale) : 'Not confirmed')}
      ${s.endedAt ? row('Ended', ukDateTime(s.endedAt, locale)) : nothing}
      ${row('Consent to contact', c.contact && c.givenAt ? `Given ${ukDateTime(c.givenAt, locale)}, wording version ${c.wordingVersion ?? 'not recorded'}` : 'Not recorded')}
      ${row('Marketing consent', c.marketing ? 'Yes' : 'No')}
      ${row(
        'Access needs',
        // Possibly health data: held is said, the words only on request.
        s.accessNeeds
          ? html`Held
              <details>
                <summary>Show access needs</summary>
                <p class="needs">${s.accessNeeds}</p>
              </details>`
          : 'None held',
      )}
      ${row('Reference', s.reference)}
    </dl>
  </article>`;
}

type ModuleRequest = NonNullable<PersonData['moduleRequests']>[number];
const ASKED: Record<string, string> = {
  pending: 'Not yet confirmed by email',
  open: 'Confirmed, waiting for a session',
  notified: 'Emailed about a session (closed)',
};

/** "Ask for this module near me": what was asked, where and when, and what became of it. */
function moduleRequest(r: ModuleRequest, locale: string) {
  const row = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<article class="signup">
    <h4>Asked for ${r.moduleTitle} in ${r.area}</h4>
    <dl>
      ${row('Status', ASKED[r.status] ?? r.status)} ${row('Asked', ukDateTime(r.createdAt, locale))}
      ${row('Consent', r.confirmedAt ? `Given ${ukDateTime(r.confirmedAt, locale)}, wording version ${r.consentVersion ?? 'not recorded'}` : 'Not given (not confirmed)')}
      ${r.notifiedAt ? row('Emailed', `${ukDateTime(r.notifiedAt, locale)}, about session ${r.notifiedSessionId ?? ''}`) : nothing}
      ${row('Language', r.language)} ${row('Page', r.page)}
    </dl>
  </article>`;
}

/** What is held about one address, readable: each signup, then the counts of emails, links and requests. */
export function personData(d: PersonData, locale: string) {
  if (!holdsAnything(d)) return html`<p class="state">We hold nothing about <strong>${d.email}</strong>.</p>`;
  const used = d.bookingLinks.filter((l) => l.usedAt).length;
  return html`${d.signups.length ? html`<p>${plural(d.signups.length, 'signup')}:</p>` : html`<p>No signups.</p>`}
    ${d.signups.map((s) => signup(s, locale))}
    ${d.moduleRequests?.length ? html`<p>${plural(d.moduleRequests.length, 'module request')}:</p>${d.moduleRequests.map((r) => moduleRequest(r, locale))}` : nothing}
    <ul class="counts">
      <li>Emails: ${d.emails.length ? emailCounts(d.emails) : 'none'}</li>
      <li>Booking links emailed: ${d.bookingLinks.length ? `${d.bookingLinks.length} (${used} used)` : 'none'}</li>
      <li>Signup requests kept to answer retries: ${d.signupRequests.length || 'none'}</li>
    </ul>`;
}
