import { compose, hello, type Email } from './layout.js';
import { sessionDetails } from './details.js';
import type { BookingMail } from './booking.js';

/** Emails about the session itself, sent to everyone booked on it. */

export function reminder(m: BookingMail & { link: string }): Email {
  return compose(
    `Reminder: ${m.title}`,
    'Your training session is coming up',
    [hello(m.firstName), 'This is a reminder of the session you booked.', sessionDetails(m), { link: m.link, label: 'See or cancel my booking' }],
    m.footer,
  );
}

export function sessionChanged(m: BookingMail & { link: string; note?: string }): Email {
  return compose(
    `Changed: ${m.title}`,
    'Your session has changed',
    [
      hello(m.firstName),
      'The organisers have changed the session you booked. Here are the new details; the attached calendar file updates your calendar.',
      ...(m.note ? [m.note] : []),
      sessionDetails(m),
      { link: m.link, label: 'See or cancel my booking' },
    ],
    m.footer,
  );
}

export function sessionCancelled(m: BookingMail & { note?: string }): Email {
  return compose(
    `Cancelled by the organisers: ${m.title}`,
    'This session has been cancelled',
    [
      hello(m.firstName),
      'Sorry: the organisers have cancelled the session you booked. You do not need to do anything.',
      ...(m.note ? [m.note] : []),
      sessionDetails(m),
    ],
    m.footer,
  );
}
