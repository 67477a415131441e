/** The data-rights view's calls (admin only): subject access as JSON or readable text, and erasure. */
import { dataRightsPaths, EraseResultSchema, PersonDataSchema, type EraseResult, type PersonData } from '../../contract/data-rights.js';
import type { AdminClient } from './api.js';

/** Everything held about the address (POST: the address never goes in a URL). */
export const searchPerson = (client: AdminClient, email: string): Promise<PersonData> =>
  client.request('POST', dataRightsPaths.search, PersonDataSchema, { email });

/** The same answer as a plain-text copy to hand to the person; a refusal throws in words. */
export async function personText(client: AdminClient, email: string): Promise<string> {
  const res = await client.fetch('POST', dataRightsPaths.search, { email, format: 'text' });
  return res.text();
}

/** Erases the person; the answer counts what went (zeros when nothing was left). */
export const erasePerson = (client: AdminClient, email: string): Promise<EraseResult> =>
  client.request('POST', dataRightsPaths.erase, EraseResultSchema, { email, confirm: true });

/** What an erasure did, one phrase per non-zero count; empty when it found nothing. */
export function eraseWords(r: Partial<Record<keyof EraseResult, unknown>>): string[] {
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  const phrase = (count: number, one: string, many: string, done: string) => (count ? [`${count} ${count === 1 ? one : many} ${done}`] : []);
  return [
    ...phrase(n(r.signups), 'signup', 'signups', 'anonymised'),
    ...phrase(n(r.bookingsWithdrawn), 'booking of a future session', 'bookings of future sessions', 'withdrawn'),
    ...phrase(n(r.emailsCancelled), 'queued email', 'queued emails', 'cancelled'),
    ...phrase(n(r.emailBodiesRemoved), 'email’s address and text', 'emails’ addresses and text', 'removed'),
    ...phrase(n(r.bookingLinksDeleted), 'booking link', 'booking links', 'deleted'),
    ...phrase(n(r.signupRequests), 'signup request', 'signup requests', 'cleared'),
    ...phrase(n(r.moduleRequests), 'module request', 'module requests', 'deleted'),
  ];
}
