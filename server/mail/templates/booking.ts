import { compose, paragraphs, type Block, type Email, type Footer } from './layout.js';
import { formatInstant, joiningBlocks, sessionDetails, type Joined, type MailSession } from './details.js';
import { MAIL_STRINGS } from './strings.js';

/** Emails about one member's booking, in the language they signed up in. Each takes what it shows and nothing else. */
export interface BookingMail extends MailSession {
  firstName: string;
  footer: Footer;
  /** The module's checklist and next step, in the member's language where translated. */
  prepare?: { beforeYouCome: string[]; afterSession?: string };
}

/** "Before you come" and "After the session", for the emails that help a member get ready. */
export function prepareBlocks({ prepare, lang }: BookingMail): Block[] {
  const t = MAIL_STRINGS[lang].prepare;
  return [
    ...(prepare?.beforeYouCome.length ? [{ section: t.before, text: prepare.beforeYouCome.map((line) => `• ${line}`).join('\n') }] : []),
    ...(prepare?.afterSession ? [{ section: t.after, text: prepare.afterSession }] : []),
  ];
}

/** The member's sentences, and `compose` in their language. */
export function words(m: BookingMail) {
  return {
    t: MAIL_STRINGS[m.lang],
    compose: (subject: string, heading: string, blocks: Parameters<typeof compose>[2]) => compose(subject, heading, blocks, m.footer, m.lang),
  };
}

export function confirmPlace(m: BookingMail & { hold: 'place' | 'waitlist'; link: string; expiresAt: string }): Email {
  return confirmPlaceWith(m, MAIL_STRINGS[m.lang].confirmPlace[m.hold](formatInstant(m.expiresAt, m.lang)));
}

function confirmPlaceWith(m: BookingMail & { link: string }, holding: string): Email {
  const { t, compose } = words(m);
  return compose(t.confirmPlace.subject(m.title), t.confirmPlace.heading, [
    t.hello(m.firstName),
    holding,
    { link: m.link, label: t.confirmButton },
    sessionDetails(m),
    t.confirmPlace.notYou,
  ]);
}

/**
 * Where the hold's sentence goes in confirmPlaces' email. NUL, which no text the contract accepts
 * contains, so the one slot is the only one.
 */
export const HOLD_SLOT = '\u0000hold\u0000';

/**
 * Both "confirm your place" emails at the cost of one, for a signup whose hold (a place or a
 * waiting-list slot) is decided later, under the session's lock (store/signup-hold.ts): the email
 * with HOLD_SLOT for the one sentence that differs, and that sentence for each hold as text and as
 * HTML. Filled in, it is confirmPlace's email for that hold, byte for byte.
 */
export function confirmPlaces(m: BookingMail & { link: string; expiresAt: string }) {
  const by = formatInstant(m.expiresAt, m.lang);
  const sentence = (hold: 'place' | 'waitlist') => {
    const text = MAIL_STRINGS[m.lang].confirmPlace[hold](by);
    return { text, html: paragraphs(text) };
  };
  return { email: confirmPlaceWith(m, HOLD_SLOT), place: sentence('place'), waitlist: sentence('waitlist') };
}

export function confirmed(m: BookingMail & Joined & { link: string }): Email {
  const { t, compose } = words(m);
  return compose(t.confirmed.subject(m.title), t.confirmed.heading, [
    t.hello(m.firstName),
    `${t.confirmed.body} ${t.calendarAttached}`,
    sessionDetails(m),
    ...joiningBlocks(m),
    ...prepareBlocks(m),
    { link: m.link, label: t.manageButton },
    t.confirmed.cannotCome,
  ]);
}

export function waitlisted(m: BookingMail & { link: string; position: number }): Email {
  const { t, compose } = words(m);
  return compose(t.waitlisted.subject(m.title), t.waitlisted.heading, [
    t.hello(m.firstName),
    t.waitlisted.body(m.position),
    sessionDetails(m),
    { link: m.link, label: t.waitlisted.button },
  ]);
}

export function promoted(m: BookingMail & Joined & { link: string }): Email {
  const { t, compose } = words(m);
  return compose(t.promoted.subject(m.title), t.promoted.heading, [
    t.hello(m.firstName),
    `${t.promoted.body} ${t.calendarAttached}`,
    sessionDetails(m),
    ...joiningBlocks(m),
    ...prepareBlocks(m),
    { link: m.link, label: t.manageButton },
  ]);
}

/** A pending waitlister reached the front: the place is held for them, still to confirm. */
export function placeOffered(m: BookingMail & { link: string; expiresAt: string }): Email {
  const { t, compose } = words(m);
  return compose(t.placeOffered.subject(m.title), t.placeOffered.heading, [
    t.hello(m.firstName),
    t.placeOffered.body(formatInstant(m.expiresAt, m.lang)),
    { link: m.link, label: t.confirmButton },
    sessionDetails(m),
  ]);
}

export function alreadyBooked(m: BookingMail & { link: string; pending: boolean }): Email {
  const { t, compose } = words(m);
  return compose(t.alreadyBooked.subject(m.title), t.alreadyBooked.heading, [
    t.hello(m.firstName),
    m.pending ? t.alreadyBooked.pending : t.alreadyBooked.booked,
    { link: m.link, label: m.pending ? t.confirmButton : t.manageButton },
    sessionDetails(m),
    t.alreadyBooked.unchanged,
  ]);
}

export function cancelled(m: BookingMail): Email {
  const { t, compose } = words(m);
  return compose(t.cancelled.subject(m.title), t.cancelled.heading, [t.hello(m.firstName), t.cancelled.body, sessionDetails(m)]);
}
