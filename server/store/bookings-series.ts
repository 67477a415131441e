import type { Queryable } from '../db/types.js';

/**
 * A series booked in one signup (signups-series.ts) is one signup per session, all sharing the
 * request's idempotency key: that key is what makes them one series. Its places are confirmed by
 * one link and expire together, while each is cancelled on its own. Whatever changes several of
 * them locks all their sessions first, in id order, then their signups: the order a series signup
 * locks in, so none of these deadlock. For a booking of one session this locks its session, as
 * every change to a booking does first anyway.
 */
const KEY_OF = {
  signup: 'SELECT idempotency_key FROM signups WHERE id = $1',
  token: 'SELECT s.idempotency_key FROM booking_tokens t JOIN signups s ON s.id = t.signup_id WHERE t.hash = $1',
};

/** Locks the sessions of the series `signupId` (or the booking behind a token's hash) belongs to; returns its signups' ids in order. */
export async function lockSeries(tx: Queryable, of: { signupId: number } | { tokenHash: string }): Promise<number[]> {
  const [key, value] = 'signupId' in of ? [KEY_OF.signup, of.signupId] : [KEY_OF.token, of.tokenHash];
  // Locked in the sort's order: PostgreSQL takes row locks after ORDER BY.
  await tx.query(`SELECT id FROM sessions WHERE id IN (SELECT session_id FROM signups WHERE idempotency_key = (${key})) ORDER BY id FOR UPDATE`, [value]);
  const { rows } = await tx.query<{ id: number }>(`SELECT id FROM signups WHERE idempotency_key = (${key}) ORDER BY id`, [value]);
  return rows.map((r) => r.id);
}
