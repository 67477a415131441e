import { ACCESS_WORDS_EN } from '../../../src/contract/index.js';

/**
 * Every sentence of the members' emails, in English. strings-gd.ts and strings-cy.ts have the
 * same keys, typed as MailStrings, so a sentence missing from either fails the typecheck.
 * Organisers' emails (organiser.ts) are English only.
 */
export const en = {
  /** The html element's lang. */
  lang: 'en-GB',
  hello: (firstName: string) => `Hello ${firstName},`,
  /** A session's times, and a deadline, each already formatted in this language. */
  when: (start: string, end: string) => `${start} to ${end} (UK time)`,
  instant: (at: string) => `${at} (UK time)`,
  details: { session: 'Session', when: 'When', where: 'Where', trainer: 'Trainer', access: 'Access' },
  /** The module's checklist and next step (issue 14), in the confirmation and the reminder. */
  prepare: { before: 'Before you come', after: 'After the session' },
  /** A session's access features (ACCESS_FEATURES), listed under details.access before its note. */
  accessFeatures: ACCESS_WORDS_EN,
  online: 'Online: the organisers will send joining details before the session',
  orOnline: 'or online (the organisers will send joining details)',
  footer: (controller: string) =>
    `${controller} sent you this email because this address was used to sign up for a training session, and uses your details only to run it.`,
  privacyNotice: 'Privacy notice',
  /** Before a link to the member's own pathway page (attended, booked, what to take next). */
  pathway: 'Your Mobilise pathway',
  confirmButton: 'Confirm my place',
  manageButton: 'See or cancel my booking',
  calendarAttached: 'The calendar file attached adds the session to your calendar.',
  /** How to join an online session: only in emails to a confirmed member. */
  joining: {
    heading: 'How to join online',
    private: 'These joining details are for you: please do not share them.',
    online: 'Online: how to join is below',
    orOnline: 'or online: how to join is below',
  },

  confirmPlace: {
    subject: (title: string) => `Confirm your place: ${title}`,
    heading: 'Confirm your place',
    place: (by: string) => `We are holding a place for you. Confirm it by ${by}, or it goes to someone else.`,
    waitlist: (by: string) => `We are holding a place on the waiting list for you. Confirm it by ${by}, or it goes to someone else.`,
    notYou: 'If you did not sign up, ignore this email: nothing is booked and we keep nothing once the hold lapses.',
  },
  /** A series booked in one signup (series.ts): one email, one link for every place. */
  series: {
    subject: (titles: string) => `Confirm your places: ${titles}`,
    heading: 'Confirm your places',
    body: (by: string) =>
      `We are holding a place for you at each of these sessions, booked together. Confirm them all with the one link by ${by}, or they all go to someone else.`,
    confirmButton: 'Confirm my places',
    separately: 'Once they are confirmed, each place has its own booking email, and you can cancel any one of them on its own.',
  },
  confirmed: {
    subject: (title: string) => `You are booked: ${title}`,
    heading: 'Your place is confirmed',
    body: 'Your place is confirmed.',
    cannotCome: 'If you cannot come, please cancel so your place can go to someone on the waiting list.',
  },
  waitlisted: {
    subject: (title: string) => `On the waiting list: ${title}`,
    heading: 'You are on the waiting list',
    body: (position: number) => `You are number ${position} on the waiting list. If a place becomes free, it is yours and we will email you.`,
    button: 'See my place in the queue, or leave it',
  },
  promoted: {
    subject: (title: string) => `A place is yours: ${title}`,
    heading: 'Good news: you have a place',
    body: 'A place became free and it is yours: you are now booked.',
  },
  placeOffered: {
    subject: (title: string) => `A place is free: ${title}`,
    heading: 'A place is free for you',
    body: (by: string) => `A place became free and we are holding it for you. Confirm it by ${by}, or it goes to the next person.`,
  },
  alreadyBooked: {
    subject: (title: string) => `You are already booked: ${title}`,
    heading: 'You are already booked',
    pending:
      'Someone (probably you) tried to sign up again with this address. You already have a place held: confirm it with the link below.',
    booked: 'Someone (probably you) tried to sign up again with this address. You are already booked: here is your booking.',
    unchanged: 'Nothing has changed. If it was not you, you can ignore this email.',
  },
  cancelled: {
    subject: (title: string) => `Cancelled: ${title}`,
    heading: 'Your booking is cancelled',
    body: 'You have cancelled your booking for this session. Thank you for letting us know.',
  },
  reminder: {
    subject: (title: string) => `Reminder: ${title}`,
    heading: 'Your training session is coming up',
    body: 'This is a reminder of the session you booked.',
  },
  sessionChanged: {
    subject: (title: string) => `Changed: ${title}`,
    heading: 'Your session has changed',
    body: 'The organisers have changed the session you booked. Here are the new details; the attached calendar file updates your calendar.',
  },
  sessionCancelled: {
    subject: (title: string) => `Cancelled by the organisers: ${title}`,
    heading: 'This session has been cancelled',
    body: 'Sorry: the organisers have cancelled the session you booked. You do not need to do anything.',
  },
  /** "Ask for this module near me": a request asks no name, so no "Hello {name}". */
  moduleRequest: {
    hello: 'Hello,',
    footer: (controller: string) =>
      `${controller} sent you this email because this address was used to ask for a training session nearby, and uses it only for that.`,
    confirm: {
      subject: (title: string) => `Confirm your request: ${title}`,
      heading: 'Confirm your request',
      body: (title: string, area: string) =>
        `Someone (probably you) asked us to email this address when a session of the module ${title} is arranged in this area: ${area}. Confirm it, and we will email you once, when one is published.`,
      button: 'Confirm my request',
      until: (by: string) => `The link works until ${by}.`,
      notYou: 'If you did not ask, ignore this email: nothing happens, and we delete the request.',
    },
    session: {
      subject: (title: string) => `A session near you: ${title}`,
      heading: 'A session you asked for',
      body: (area: string) => `You asked us to tell you when this module was arranged in this area: ${area}. There is a session now.`,
      button: 'See the session and book',
      once: 'This is the only email about your request. To hear of another session later, ask again on the training page.',
    },
  },
};

export type MailStrings = typeof en;
