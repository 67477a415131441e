import type { SignupRequest, SignupResult } from '../../src/contract/index.js';
import type { Queryable } from '../db/types.js';
import { confirmPlace } from '../mail/templates/booking.js';
import type { Email } from '../mail/templates/layout.js';
import { linkWith, mailBase } from './booking-mail.js';
import { loadedFromRow, SESSION_SELECT, type BookingRow, type LoadedSession, type LoadedSessionRow } from './booking-rows.js';
import { newPathwayLink, PATHWAY_SLOT } from './pathway.js';
import { SIGNUP_COLUMNS, signupLocale, signupValues, type SignupContext, type StoredRequest } from './signup-writes.js';
import { freshToken } from './tokens.js';

/**
 * Everything a signup for one session reads before it takes anything, in one round trip and
 * without a lock: an earlier request with this key (for a replay), the session with its module
 * (undefined if there is none), and this address's live booking for it, if any. Each is what a
 * read of its own would have seen; the hold statement and unique indexes settle races after it.
 */
export async function readBeforeHold(
  q: Queryable,
  request: SignupRequest,
): Promise<{ replay?: StoredRequest; loaded?: LoadedSession; existing?: number }> {
  const { rows } = await q.query<LoadedSessionRow & { replay: StoredRequest | null; live_booking: number | null }>(
    `SELECT (SELECT row_to_json(r) FROM (
               SELECT request_hash, session_id, also_session_ids, hold, hold_expires_at FROM signup_requests WHERE idempotency_key = $1
             ) r) AS replay, x.*
       FROM (SELECT 1) one LEFT JOIN (
         SELECT sm.*, (SELECT id FROM signups WHERE session_id = sm.id AND lower(email) = lower($3)
                          AND status IN ('pending', 'confirmed', 'waitlisted')) AS live_booking
           FROM (${SESSION_SELECT} WHERE s.id = $2) sm
       ) x ON true`,
    [request.idempotencyKey, request.sessionId, request.email],
    { prepare: 'signup-read' },
  );
  const row = rows[0]!;
  return {
    ...(row.replay ? { replay: row.replay } : {}),
    ...(row.id !== null ? { loaded: loadedFromRow(row) } : {}),
    ...(row.live_booking !== null ? { existing: row.live_booking } : {}),
  };
}

/**
 * A place, else a waiting-list slot, for a new address, with everything that goes with it, in ONE
 * statement run on its own (autocommit): the session's row lock is held only while PostgreSQL runs
 * it and commits, never across a round trip to this process. Everything that needs no lock is
 * done first: the token, the pathway link and both possible "confirm your place" emails (which
 * one is sent depends on what is left under the lock). In the statement, under the lock:
 *  - cur locks the session row and reads whether a place is left (the newest committed row);
 *  - took takes the place, or the next waiting-list number (the list's order is the lock's order);
 *  - booked, its token, its email in the outbox and the request's record for replays are
 *    inserted from took, so with no row taken nothing is written at all.
 * One statement is one transaction: the signup, its email and its record commit together or not
 * at all, as before. A unique index (same key, same address) aborts the whole statement, counters
 * included, and the caller looks again. Returns what was held, or why nothing was.
 */
export async function holdOne(
  q: Queryable,
  request: SignupRequest,
  ctx: SignupContext,
  loaded: LoadedSession,
  holdExpiresAt: Date,
): Promise<{ kind: 'held'; hold: SignupResult['hold'] } | { kind: 'full' | 'closed' }> {
  const locale = signupLocale(request);
  const booking: Pick<BookingRow, 'locale' | 'return_url' | 'first_name' | 'privacy_url'> = {
    locale,
    return_url: request.returnUrl,
    first_name: request.firstName,
    privacy_url: request.privacyUrl ?? null,
  };
  const token = freshToken();
  const link = linkWith(ctx, booking, 'confirm', token.token);
  const pathway = ctx.mail.pathwayUrl ? newPathwayLink(ctx.mail.pathwayUrl, locale) : undefined;
  const base = mailBase(booking, loaded, ctx.mail);
  const email = (hold: SignupResult['hold']): Email => {
    const mail = confirmPlace({ ...base, hold, link, expiresAt: holdExpiresAt.toISOString() });
    const fill = (body: string) => (pathway ? body.replaceAll(PATHWAY_SLOT, pathway.link) : body);
    return { subject: mail.subject, text: fill(mail.text), html: fill(mail.html) };
  };
  const [place, queue] = [email('place'), email('waitlist')];
  // As mailTo does: a pathway link is stored only for an email that carries it.
  const pathwayHash = pathway && place.text.includes(pathway.link) ? pathway.hash : null;

  // signupValues' hold (index 4) and position (5) come from took, under the lock.
  const values = signupValues(request, ctx, { sessionId: request.sessionId, hold: 'place', queued: null, holdExpiresAt }).filter(
    (_, i) => i !== 4 && i !== 5,
  );
  const types = [...'text text text text'.split(' '), 'timestamptz', ...Array(8).fill('text'), 'boolean', 'boolean', 'text', 'text', 'timestamptz', 'text'];
  const p = (i: number) => `$${i + 1}::${types[i]}`;
  const columns = [p(0), p(1), p(2), p(3), 'took.hold', 'took.queued', ...types.slice(4).map((_, i) => p(i + 4)), `'pending'`];
  const n = values.length;
  const extra = (k: number) => `$${n + k}`;
  const { rows } = await q.query<{ hold: SignupResult['hold'] }>(
    `WITH cur AS (
       SELECT id, spaces_left > 0 AS place FROM sessions WHERE id = $4::text AND status <> 'cancelled' FOR UPDATE
     ), took AS (
       UPDATE sessions s
          SET spaces_left = s.spaces_left - CASE WHEN cur.place THEN 1 ELSE 0 END,
              waitlist_count = s.waitlist_count + CASE WHEN cur.place THEN 0 ELSE 1 END,
              status = CASE WHEN cur.place AND s.spaces_left = 1 THEN 'full' ELSE s.status END
         FROM cur
        WHERE s.id = cur.id AND (cur.place OR ${extra(1)}::boolean)
        RETURNING CASE WHEN cur.place THEN 'place' ELSE 'waitlist' END AS hold,
                  CASE WHEN cur.place THEN NULL ELSE s.waitlist_count END AS queued
     ), booked AS (
       INSERT INTO signups (${SIGNUP_COLUMNS}) SELECT ${columns.join(', ')} FROM took RETURNING id, hold
     ), token AS (
       INSERT INTO booking_tokens (hash, signup_id, purpose, created_at) SELECT ${extra(2)}::text, id, 'confirm', $18::timestamptz FROM booked
     ), pathway AS (
       INSERT INTO pathway_tokens (hash, email_key, created_at)
       SELECT ${extra(3)}::text, lower($8::text), $18::timestamptz FROM booked WHERE ${extra(3)}::text IS NOT NULL
     ), mail AS (
       INSERT INTO outbox (kind, signup_id, to_address, subject, text_body, html_body, due_at, created_at)
       SELECT 'confirm-place', id, $8::text,
              CASE hold WHEN 'place' THEN ${extra(4)}::text ELSE ${extra(7)}::text END,
              CASE hold WHEN 'place' THEN ${extra(5)}::text ELSE ${extra(8)}::text END,
              CASE hold WHEN 'place' THEN ${extra(6)}::text ELSE ${extra(9)}::text END,
              $18::timestamptz, $18::timestamptz
         FROM booked
     ), answered AS (
       INSERT INTO signup_requests (idempotency_key, request_hash, session_id, also_session_ids, hold, hold_expires_at, created_at)
       SELECT $2::text, $3::text, $4::text, '{}', hold, $5::timestamptz, $18::timestamptz FROM booked
     )
     SELECT hold FROM booked`,
    [
      ...values,
      loaded.session.waitlist,
      token.hash,
      pathwayHash,
      ...[place, queue].flatMap((e) => [e.subject, e.text, e.html]),
    ],
    { prepare: 'signup-hold' },
  );
  const hold = rows[0]?.hold;
  if (hold) return { kind: 'held', hold };
  return loaded.session.waitlist ? { kind: 'closed' } : { kind: 'full' };
}
