import type { Session } from '../../../src/contract/index.js';
import type { Block } from './layout.js';

/** A session as emails describe it; the title comes from its module. */
export interface MailSession {
  session: Session;
  title: string;
}

const when = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});
const until = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hour12: true });

/** "Thursday 3 December 2026 at 6:30 pm to 8:30 pm (UK time)". */
export function formatWhen(session: Pick<Session, 'start' | 'end'>): string {
  return `${when.format(new Date(session.start))} to ${until.format(new Date(session.end))} (UK time)`;
}

export const formatInstant = (iso: string | Date) => `${when.format(new Date(iso))} (UK time)`;

function where(session: Session): string {
  const venue = session.venue ? `${session.venue.name}\n${session.venue.address}\n${session.venue.postcode}` : '';
  if (session.delivery === 'online') return 'Online: the organisers will send joining details before the session';
  if (session.delivery === 'hybrid') return `${venue}\nor online (the organisers will send joining details)`;
  return venue;
}

/** What, when, where and access: the block every booking email carries. */
export function sessionDetails({ session, title }: MailSession): Block {
  return {
    details: [
      ['Session', title],
      ['When', formatWhen(session)],
      ['Where', where(session)],
      ...(session.trainer ? [['Trainer', session.trainer] as [string, string]] : []),
      ...(session.accessibility ? [['Access', session.accessibility] as [string, string]] : []),
    ],
  };
}
