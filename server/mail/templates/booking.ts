import { compose, hello, type Email, type Footer } from './layout.js';
import { formatInstant, sessionDetails, type MailSession } from './details.js';

/** Emails about one member's booking. Each takes what it shows and nothing else. */
export interface BookingMail extends MailSession {
  firstName: string;
  footer: Footer;
}

export function confirmPlace(m: BookingMail & { hold: 'place' | 'waitlist'; link: string; expiresAt: string }): Email {
  const what = m.hold === 'place' ? 'a place' : 'a place on the waiting list';
  return compose(
    `Confirm your place: ${m.title}`,
    'Confirm your place',
    [
      hello(m.firstName),
      `We are holding ${what} for you. Confirm it by ${formatInstant(m.expiresAt)}, or it goes to someone else.`,
      { link: m.link, label: 'Confirm my place' },
      sessionDetails(m),
      'If you did not sign up, ignore this email: nothing is booked and we keep nothing once the hold lapses.',
    ],
    m.footer,
  );
}

export function confirmed(m: BookingMail & { link: string }): Email {
  return compose(
    `You are booked: ${m.title}`,
    'Your place is confirmed',
    [
      hello(m.firstName),
      'Your place is confirmed. The calendar file attached adds the session to your calendar.',
      sessionDetails(m),
      { link: m.link, label: 'See or cancel my booking' },
      'If you cannot come, please cancel so your place can go to someone on the waiting list.',
    ],
    m.footer,
  );
}

export function waitlisted(m: BookingMail & { link: string; position: number }): Email {
  return compose(
    `On the waiting list: ${m.title}`,
    'You are on the waiting list',
    [
      hello(m.firstName),
      `You are number ${m.position} on the waiting list. If a place becomes free, it is yours and we will email you.`,
      sessionDetails(m),
      { link: m.link, label: 'See my place in the queue, or leave it' },
    ],
    m.footer,
  );
}

export function promoted(m: BookingMail & { link: string }): Email {
  return compose(
    `A place is yours: ${m.title}`,
    'Good news: you have a place',
    [
      hello(m.firstName),
      'A place became free and it is yours: you are now booked. The calendar file attached adds the session to your calendar.',
      sessionDetails(m),
      { link: m.link, label: 'See or cancel my booking' },
    ],
    m.footer,
  );
}

/** A pending waitlister reached the front: the place is held for them, still to confirm. */
export function placeOffered(m: BookingMail & { link: string; expiresAt: string }): Email {
  return compose(
    `A place is free: ${m.title}`,
    'A place is free for you',
    [
      hello(m.firstName),
      `A place became free and we are holding it for you. Confirm it by ${formatInstant(m.expiresAt)}, or it goes to the next person.`,
      { link: m.link, label: 'Confirm my place' },
      sessionDetails(m),
    ],
    m.footer,
  );
}

export function alreadyBooked(m: BookingMail & { link: string; pending: boolean }): Email {
  return compose(
    `You are already booked: ${m.title}`,
    'You are already booked',
    [
      hello(m.firstName),
      m.pending
        ? 'Someone (probably you) tried to sign up again with this address. You already have a place held: confirm it with the link below.'
        : 'Someone (probably you) tried to sign up again with this address. You are already booked: here is your booking.',
      { link: m.link, label: m.pending ? 'Confirm my place' : 'See or cancel my booking' },
      sessionDetails(m),
      'Nothing has changed. If it was not you, you can ignore this email.',
    ],
    m.footer,
  );
}

export function cancelled(m: BookingMail): Email {
  return compose(
    `Cancelled: ${m.title}`,
    'Your booking is cancelled',
    [hello(m.firstName), 'You have cancelled your booking for this session. Thank you for letting us know.', sessionDetails(m)],
    m.footer,
  );
}
