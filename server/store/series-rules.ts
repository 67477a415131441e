import type { FieldError } from '../../src/contract/index.js';

/**
 * What makes several sessions one series, booked in one signup: each module shares a series
 * with another one asked for, or is a prerequisite of one (or needs one), all linked together;
 * a prerequisite's session starts before the session that needs it; and one session per module.
 * Pure, so every rule is tested without a database (server/test/series.test.ts).
 */

export interface SeriesItem {
  /** The request's field that named it: sessionId or alsoSessionIds.N. */
  field: string;
  start: Date;
  module: { id: string; title: string; series: string | null; prerequisites: string[] };
}

const day = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});
/** "Field organising: part two on Thursday 3 December at 6:30 pm" (UK time, as the calendar shows it). */
export const sessionWords = (item: Pick<SeriesItem, 'start' | 'module'>) => `${item.module.title} on ${day.format(item.start)}`;

const needs = (a: SeriesItem, b: SeriesItem) => a.module.prerequisites.includes(b.module.id);
const linked = (a: SeriesItem, b: SeriesItem) => (a.module.series !== null && a.module.series === b.module.series) || needs(a, b) || needs(b, a);

/** One error per field in words, in the request's order; none when the sessions form one series. */
export function seriesErrors(items: SeriesItem[]): FieldError[] {
  const errors = new Map<string, string>();
  const fail = (item: SeriesItem, message: string) => errors.has(item.field) || errors.set(item.field, message);

  items.forEach((item, i) => {
    const earlier = items.slice(0, i).find((other) => other.module.id === item.module.id);
    if (earlier) fail(item, `${sessionWords(item)} is a second session of ${item.module.title}: choose one session of each module.`);
  });

  // Linked to the first session, directly or through others: a walk over at most six.
  const reached = new Set<SeriesItem>(items.slice(0, 1));
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of items) {
      if (reached.has(item) || ![...reached].some((r) => linked(r, item))) continue;
      reached.add(item);
      grew = true;
    }
  }
  const first = items[0]?.module.title;
  for (const item of items) {
    if (reached.has(item)) continue;
    fail(item, `${item.module.title} does not go with ${first}: a series is the parts of one programme, or a module with the ones it needs first. Book it on its own.`);
  }

  for (const later of items) {
    for (const before of items) {
      if (needs(later, before) && before.start >= later.start) {
        fail(later, `${sessionWords(later)} starts before ${sessionWords(before)}, which comes first: choose a session of ${before.module.title} that starts earlier.`);
      }
    }
  }
  return items.flatMap((item) => (errors.has(item.field) ? [{ field: item.field, message: errors.get(item.field)! }] : []));
}
