import type { FieldError, SignupRequest } from '../../src/contract/index.js';

/**
 * What makes several sessions one series, booked in one signup: each module shares a series
 * with another one asked for, or is a prerequisite of one (or needs one), all linked together;
 * a prerequisite's session starts before the session that needs it; and one session per module.
 * Pure, so every rule is tested without a database (server/test/series.test.ts), and the browser
 * tests' fake backend (test/helpers/fake-backend.ts) refuses in the same words.
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

/** The sessions a series request names, each with the field that named it. */
export const seriesNamed = ({ sessionId, alsoSessionIds = [] }: SignupRequest) =>
  [sessionId, ...alsoSessionIds].map((id, i) => ({ id, field: i === 0 ? 'sessionId' : `alsoSessionIds.${i - 1}` }));

/** A named session as it stands: public state only (`full`: no place left), so the answer reveals no one's booking. */
export type SeriesFound = Omit<SeriesItem, 'field'> & { closed: boolean; full: boolean };
export type SeriesRefusal = { kind: 'not-found' | 'closed' | 'full'; about: FieldError } | { kind: 'invalid'; errors: FieldError[] };

/** Why a series cannot be booked, in this order: a session missing, not one series, one closed, one full. */
export function seriesRefusal(request: SignupRequest, find: (id: string) => SeriesFound | undefined): SeriesRefusal | undefined {
  const named = seriesNamed(request);
  const missing = named.find((n) => !find(n.id));
  if (missing) return { kind: 'not-found', about: { field: missing.field, message: `There is no session ${missing.id} to sign up for.` } };
  const items = named.map((n) => ({ ...n, ...find(n.id)! }));
  const errors = seriesErrors(items);
  if (errors.length > 0) return { kind: 'invalid', errors };
  const shut = items.find((i) => i.closed);
  if (shut) return { kind: 'closed', about: { field: shut.field, message: `Signups for ${sessionWords(shut)} have closed.` } };
  const full = items.find((i) => i.full);
  if (full) return { kind: 'full', about: { field: full.field, message: `${sessionWords(full)} is full.` } };
  return undefined;
}

/** A series names each session once, the first (sessionId) included: checked with the request's other fields. */
export function repeatedSessions({ sessionId, alsoSessionIds = [] }: SignupRequest): FieldError[] {
  return alsoSessionIds.flatMap((id, i) =>
    id === sessionId || alsoSessionIds.indexOf(id) < i
      ? [{ field: `alsoSessionIds.${i}`, message: 'You chose this session twice: a series is different sessions.' }]
      : [],
  );
}

/** The contract leaves alsoSessionIds' messages to zod; these are a member's. */
export function seriesWords(error: FieldError): FieldError {
  if (error.field === 'alsoSessionIds') return { ...error, message: 'A series is 2 to 6 sessions: name 1 to 5 besides sessionId.' };
  if (error.field.startsWith('alsoSessionIds.')) return { ...error, message: 'This is not a session’s id.' };
  return error;
}
