import { formatInstant, sessionDetails, type MailSession } from './details.js';
import { words, type BookingMail } from './booking.js';
import type { Email } from './layout.js';

/**
 * A series' held places in one email: one link confirms them all, then every session's details
 * (earliest first). Titles joined by commas, not Intl.ListFormat: Welsh lists there write "a(c)".
 */
export function confirmSeries(m: BookingMail & { sessions: MailSession[]; link: string; expiresAt: string }): Email {
  const { t, compose } = words(m);
  return compose(t.series.subject(m.sessions.map((s) => s.title).join(', ')), t.series.heading, [
    t.hello(m.firstName),
    t.series.body(formatInstant(m.expiresAt, m.lang)),
    { link: m.link, label: t.series.confirmButton },
    ...m.sessions.map((s) => sessionDetails(s)),
    t.series.separately,
    t.confirmPlace.notYou,
  ]);
}
