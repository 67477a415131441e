import { localised, type Module, type Session } from './index.js';
import { withSessionHash } from './session-link.js';

/** Sessions described at most: the first page or two of a listing, which is what a search engine shows. */
export const JSON_LD_LIMIT = 50;

const SCHEMA = 'https://schema.org/';
const MODE = { online: 'Online', 'in-person': 'Offline', hybrid: 'Mixed' } as const;

/**
 * Whether a member can sign up now: the calendar's rule (its sessionState gives 'signup' exactly
 * then): not cancelled, full, past its deadline or started.
 */
export const signupsOpen = (s: Session, now: number) =>
  s.status !== 'cancelled' && s.status !== 'full' && s.spacesLeft > 0 && now < Date.parse(s.start) && !(s.signupDeadline && now > Date.parse(s.signupDeadline));

/** One session as the builder describes it (the tests read the answers back as these). */
export interface JsonLdEvent {
  '@type': 'Event';
  name: string;
  description: string;
  startDate: string;
  endDate: string;
  eventStatus: string;
  eventAttendanceMode: string;
  /** A Place for a venue, a VirtualLocation (the page) for online: either or both. */
  location: Record<string, unknown>[];
  organizer: { '@type': 'Organization'; name: string };
  offers: { '@type': 'Offer'; url?: string; availability: string };
  url?: string;
}

export interface JsonLdOptions {
  /** The page's language (a BCP 47 tag): titles and summaries in it where translated. */
  locale: string;
  now: number;
  /** The page the events link to (`#session=<id>` added), already checked; without it, no url. */
  page?: string;
}

/**
 * The sessions as schema.org JSON-LD, the text of a `<script type="application/ld+json">`: the
 * ones the calendar lists by default (not yet ended), in its order (start, then id), the first
 * JSON_LD_LIMIT. Pure, so GET /v1/sessions.jsonld and the browser tests' fake backend build the
 * same text. `<` is escaped so that backend text cannot end the script element early.
 *
 * `Event` rather than `Course` + `CourseInstance`: Google's event experience takes Events (dates,
 * place or online, cancelled) in any language, while its Course info result was English only,
 * wanted prices and workloads the contract does not have, and was retired in June 2025.
 */
export function sessionsJsonLd(sessions: readonly Session[], modules: ReadonlyMap<string, Module>, { locale, now, page }: JsonLdOptions): string {
  const listed = sessions
    .filter((s) => Date.parse(s.end) >= now)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, JSON_LD_LIMIT);
  const events = listed.map((s): JsonLdEvent => {
    const module = modules.get(s.moduleId) ?? { title: s.moduleId, summary: '' };
    // The page itself, deep-linked: never the joining link, which only confirmed members see.
    const url = page && withSessionHash(page, s.id);
    const venue = s.delivery !== 'online' && s.venue;
    return {
      '@type': 'Event',
      name: localised(module, 'title', locale).text,
      description: localised(module, 'summary', locale).text,
      startDate: s.start,
      endDate: s.end,
      eventStatus: `${SCHEMA}Event${s.status === 'cancelled' ? 'Cancelled' : 'Scheduled'}`,
      eventAttendanceMode: `${SCHEMA}${MODE[s.delivery]}EventAttendanceMode`,
      location: [
        venue && { '@type': 'Place', name: venue.name, address: { '@type': 'PostalAddress', streetAddress: venue.address, postalCode: venue.postcode } },
        s.delivery !== 'in-person' && { '@type': 'VirtualLocation', url },
      ].filter((l) => !!l),
      // The area or CLP the session is run for: the organiser a member would recognise.
      organizer: { '@type': 'Organization', name: s.area },
      // No price: the contract has none, and 0 would be a claim the backend never made.
      offers: { '@type': 'Offer', url, availability: SCHEMA + (signupsOpen(s, now) ? 'InStock' : 'SoldOut') },
      url,
    };
  });
  // undefined urls (no page) are left out by JSON.stringify.
  return JSON.stringify({ '@context': SCHEMA, '@graph': events }).replace(/</g, '\\u003c');
}
