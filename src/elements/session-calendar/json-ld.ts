import { localised, type Module } from '../../contract/index.js';
import { sessionState } from './badges.js';
import type { Entry } from './filters.js';
import { sessionPageUrl } from './hash.js';

/** Sessions described at most: the first page or two of a listing, which is what a search engine shows. */
export const JSON_LD_LIMIT = 50;

const SCHEMA = 'https://schema.org/';
const MODE = { online: 'Online', 'in-person': 'Offline', hybrid: 'Mixed' } as const;

/**
 * The listed sessions as schema.org JSON-LD, the text of a `<script type="application/ld+json">`.
 * Data, not script: a browser never runs it, so a strict CSP allows it. `<` is escaped so that
 * backend text cannot end the script element early.
 *
 * `Event` rather than `Course` + `CourseInstance`: Google's event experience takes Events (dates,
 * place or online, cancelled) in any language, while its Course info result was English only,
 * wanted prices and workloads the contract does not have, and was retired in June 2025.
 */
export function sessionsJsonLd(entries: readonly Entry[], modules: ReadonlyMap<string, Module>, locale: string, now: number): string {
  const events = entries.slice(0, JSON_LD_LIMIT).map(({ session: s }) => {
    const module = modules.get(s.moduleId) ?? { title: s.moduleId, summary: '' };
    // The page itself, deep-linked: never the joining link, which only confirmed members see.
    const url = sessionPageUrl(s.id);
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
      ].filter(Boolean),
      // The area or CLP the session is run for: the organiser a member would recognise.
      organizer: { '@type': 'Organization', name: s.area },
      // Whether a member can sign up now (the calendar's own rule: not cancelled, full, closed or
      // started). No price: the contract has none, and 0 would be a claim the backend never made.
      offers: { '@type': 'Offer', url, availability: SCHEMA + (sessionState(s, now).action === 'signup' ? 'InStock' : 'SoldOut') },
      url,
    };
  });
  return JSON.stringify({ '@context': SCHEMA, '@graph': events }).replace(/</g, '\\u003c');
}
