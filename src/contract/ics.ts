import { en } from '../strings/en.js';
import type { Module } from './module.js';
import type { Session } from './session.js';

/**
 * Calendar exports for one session: an RFC 5545 iCalendar file and "add event"
 * links for Google and Outlook. Pure, so the browser and the server share it.
 */

export interface CalendarOptions {
  /** Page about the session, added as URL and to the description. */
  url?: string;
  /** DTSTAMP; defaults to the current time. */
  now?: Date;
}

type EventModule = Pick<Module, 'title' | 'summary'>;

const t = en.calendar;

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** UTC to the second: 2026-12-03T18:30:00Z. */
const isoSeconds = (value: string | Date) => new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** RFC 5545 DATE-TIME in UTC: 20261203T183000Z. */
export function icsDateTime(value: string | Date): string {
  return isoSeconds(value).replace(/[-:]/g, '');
}

/**
 * TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. Other
 * control characters (all but tab) are not allowed in TEXT at all, so they are dropped.
 */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\0-\x08\x0a-\x1f\x7f]/g, '');
}

/**
 * Folds a content line so no physical line exceeds 75 octets (§3.1). Counts UTF-8
 * bytes and never splits a character, nor an escape such as `\n` (legal, but some
 * readers stumble); continuation lines start with one space, counted in their 75.
 */
export function foldIcsLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const [char] of line.matchAll(/\\.|[\s\S]/gu)) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function location(session: Session): string {
  if (!session.venue) return t.online;
  const { name, address, postcode } = session.venue;
  return `${name}, ${address}, ${postcode}`;
}

function description(session: Session, module: EventModule, url?: string): string {
  return [module.summary, session.trainer ? t.trainer(session.trainer) : '', session.accessibility ?? '', url ?? '']
    .filter(Boolean)
    .join('\n\n');
}

/** One VCALENDAR with one VEVENT, CRLF-terminated lines, ready to serve as text/calendar. */
export function sessionToIcs(session: Session, module: EventModule, opts: CalendarOptions = {}): string {
  const cancelled = session.status === 'cancelled';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mobilise//Training sessions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${session.id}@mobilise`,
    `DTSTAMP:${icsDateTime(opts.now ?? new Date())}`,
    `DTSTART:${icsDateTime(session.start)}`,
    `DTEND:${icsDateTime(session.end)}`,
    `SUMMARY:${escapeIcsText(cancelled ? `${t.cancelled}: ${module.title}` : module.title)}`,
    `DESCRIPTION:${escapeIcsText(description(session, module, opts.url))}`,
    `LOCATION:${escapeIcsText(location(session))}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    ...(opts.url ? [`URL:${opts.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

/** Google Calendar "create event" link. */
export function googleCalendarUrl(session: Session, module: EventModule): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: module.title,
    dates: `${icsDateTime(session.start)}/${icsDateTime(session.end)}`,
    details: description(session, module),
    location: location(session),
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}

/** Outlook on the web "add event" deeplink (personal accounts; Microsoft 365 uses the same parameters). */
export function outlookCalendarUrl(session: Session, module: EventModule): string {
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: module.title,
    startdt: isoSeconds(session.start),
    enddt: isoSeconds(session.end),
    body: description(session, module),
    location: location(session),
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params}`;
}
