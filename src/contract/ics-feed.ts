import { cy } from '../strings/cy.js';
import { en, type Strings } from '../strings/en.js';
import { gd } from '../strings/gd.js';
import type { Delivery } from './enums.js';
import { escapeIcsText, foldIcsLine, icsDateTime } from './ics.js';
import { localised, translatedLocale, type Module } from './module.js';
import type { Session } from './session.js';

/**
 * A subscribable calendar (RFC 5545, with RFC 7986's calendar properties): many sessions
 * in one VCALENDAR, served by the reference backend as GET /v1/feed.ics. Its own file, so
 * the embed (which imports ics.ts for one session's file) carries none of it.
 */

export interface FeedEvent {
  session: Session;
  module: Pick<Module, 'title' | 'summary' | 'translations'>;
  /** RFC 5545 SEQUENCE: 0 when first published, higher after every organiser edit. */
  sequence: number;
  /** The last organiser change to the session or its module, when the server knows it. */
  lastModified?: Date;
  /** The session's public page, when the server knows it. */
  url?: string;
}

export interface FeedOptions {
  /** X-WR-CALNAME and NAME: what a calendar app calls the subscription (feedName). */
  name: string;
  /** DTSTAMP: when this copy of the feed was made. */
  now: Date;
  /** Content language: gd or cy for translated titles and words, else English. */
  locale?: string;
  /** How often a calendar app should fetch the feed again, an RFC 5545 duration. */
  refresh?: string;
}

const PRODID = '-//Mobilise//Training sessions feed//EN';

/** The calendar's own words. The Gaelic and Welsh await review by native speakers, like the packs they sit beside. */
const TITLE = { en: 'Mobilise training', gd: 'Trèanadh Mobilise', cy: 'Hyfforddiant Mobilise' } as const;
const STRINGS: Record<keyof typeof TITLE, Strings> = { en, gd, cy };

const languageOf = (locale?: string) => translatedLocale(locale) ?? 'en';
const deliveryWord = { online: 'online', 'in-person': 'inPerson', hybrid: 'hybrid' } as const;

/**
 * "Mobilise training — Voter Persuasion, Glasgow, Online": the filter in words, in the feed's
 * language (from and to are left out: a subscription's window moves anyway).
 */
export function feedName(filter: { module?: Pick<Module, 'title' | 'translations'>; area?: string; delivery?: Delivery }, locale?: string): string {
  const lang = languageOf(locale);
  const parts = [
    filter.module && localised(filter.module, 'title', lang).text,
    filter.area,
    filter.delivery && STRINGS[lang].calendar[deliveryWord[filter.delivery]],
  ].filter(Boolean);
  return parts.length ? `${TITLE[lang]} — ${parts.join(', ')}` : TITLE[lang];
}

function eventLines({ session, module, sequence, lastModified, url }: FeedEvent, t: Strings['calendar'], lang: string, now: Date): string[] {
  const title = localised(module, 'title', lang).text;
  const access = localised(session, 'accessibility', lang).text;
  const description = [localised(module, 'summary', lang).text, session.trainer ? t.trainer(session.trainer) : '', access, url ?? '']
    .filter(Boolean)
    .join('\n\n');
  const venue = session.venue;
  const cancelled = session.status === 'cancelled';
  return [
    'BEGIN:VEVENT',
    // The same UID as the session's own .ics (ics.ts), so an event added from either is one event.
    `UID:${session.id}@mobilise`,
    `DTSTAMP:${icsDateTime(now)}`,
    ...(lastModified ? [`LAST-MODIFIED:${icsDateTime(lastModified)}`] : []),
    `SEQUENCE:${sequence}`,
    `DTSTART:${icsDateTime(session.start)}`,
    `DTEND:${icsDateTime(session.end)}`,
    `SUMMARY:${escapeIcsText(cancelled ? `${t.cancelled}: ${title}` : title)}`,
    `DESCRIPTION:${escapeIcsText(description)}`,
    `LOCATION:${escapeIcsText(venue ? `${venue.name}, ${venue.address}, ${venue.postcode}` : t.online)}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    ...(url ? [`URL:${url}`] : []),
    'END:VEVENT',
  ];
}

/** One VCALENDAR with a VEVENT per session, CRLF lines folded at 75 octets, ready to serve as text/calendar. */
export function icsFeed(events: readonly FeedEvent[], { name, now, locale, refresh = 'PT1H' }: FeedOptions): string {
  const lang = languageOf(locale);
  const t = STRINGS[lang].calendar;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeIcsText(name)}`,
    `X-WR-CALNAME:${escapeIcsText(name)}`,
    // RFC 7986's hint, and the older one Outlook reads.
    `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
    `X-PUBLISHED-TTL:${refresh}`,
    ...events.flatMap((event) => eventLines(event, t, lang, now)),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
