import type { Email } from './layout.js';
import { joiningBlocks, sessionDetails, type Joined } from './details.js';
import { prepareBlocks, words, type BookingMail } from './booking.js';

/** Emails about the session itself, sent to everyone booked on it, each in the language they signed up in. */

export function reminder(m: BookingMail & Joined & { link: string }): Email {
  const { t, compose } = words(m);
  return compose(t.reminder.subject(m.title), t.reminder.heading, [
    t.hello(m.firstName),
    t.reminder.body,
    sessionDetails(m),
    ...joiningBlocks(m),
    ...prepareBlocks(m),
    { link: m.link, label: t.manageButton },
  ]);
}

export function sessionChanged(m: BookingMail & Joined & { link: string; note?: string }): Email {
  const { t, compose } = words(m);
  return compose(t.sessionChanged.subject(m.title), t.sessionChanged.heading, [
    t.hello(m.firstName),
    t.sessionChanged.body,
    ...(m.note ? [m.note] : []),
    sessionDetails(m),
    ...joiningBlocks(m),
    { link: m.link, label: t.manageButton },
  ]);
}

export function sessionCancelled(m: BookingMail & { note?: string }): Email {
  const { t, compose } = words(m);
  return compose(t.sessionCancelled.subject(m.title), t.sessionCancelled.heading, [
    t.hello(m.firstName),
    t.sessionCancelled.body,
    ...(m.note ? [m.note] : []),
    sessionDetails(m),
  ]);
}
