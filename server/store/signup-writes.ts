import { translatedLocale, type SignupRequest, type SignupResult } from '../../src/contract/index.js';
import { toLondonIso } from '../../src/contract/london-time.js';
import { named } from '../db/named.js';
import type { Queryable } from '../db/types.js';
import { newReference } from '../lib/reference.js';
import { alreadyBooked } from '../mail/templates/booking.js';
import { mailBase, mailTo, newLink, type MailContext } from './booking-mail.js';
import { loadBooking, type BookingRow, type LoadedSession } from './booking-rows.js';

/** The rows one signup request writes, for one session (signups.ts) or a series (signups-series.ts). */

export interface SignupContext extends MailContext {
  requestHash: string;
  rehearse?: boolean;
}

/** Every accepted request, for replays: the answer depends on no one's booking, so neither does its record. */
export interface StoredRequest {
  request_hash: string;
  session_id: string;
  also_session_ids: string[];
  hold: SignupResult['hold'];
  hold_expires_at: Date | string;
}

export const resultOf = (row: StoredRequest): SignupResult => ({
  status: 'pending',
  sessionId: row.session_id,
  ...(row.also_session_ids.length > 0 ? { alsoSessionIds: row.also_session_ids } : {}),
  hold: row.hold,
  holdExpiresAt: toLondonIso(new Date(row.hold_expires_at)),
});

export async function findRequest(tx: Queryable, key: string): Promise<StoredRequest | undefined> {
  const { rows } = await tx.query<StoredRequest>(
    'SELECT request_hash, session_id, also_session_ids, hold, hold_expires_at FROM signup_requests WHERE idempotency_key = $1',
    [key],
  );
  return rows[0];
}

/** What is kept of an accepted request, for its replays. */
export const requestRecord = (request: SignupRequest, ctx: SignupContext, hold: SignupResult['hold'], holdExpiresAt: Date): StoredRequest => ({
  request_hash: ctx.requestHash,
  session_id: request.sessionId,
  also_session_ids: request.alsoSessionIds ?? [],
  hold,
  hold_expires_at: holdExpiresAt,
});

/** Records the accepted request and answers it. */
export async function recordRequest(
  tx: Queryable,
  request: SignupRequest,
  ctx: SignupContext,
  hold: SignupResult['hold'],
  holdExpiresAt: Date,
): Promise<SignupResult> {
  const stored = requestRecord(request, ctx, hold, holdExpiresAt);
  await tx.query(
    `INSERT INTO signup_requests (idempotency_key, request_hash, session_id, also_session_ids, hold, hold_expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [request.idempotencyKey, ctx.requestHash, request.sessionId, stored.also_session_ids, hold, holdExpiresAt, ctx.now],
  );
  return resultOf(stored);
}

/** Cancelled, or past its signup deadline or start. */
export const closed = (loaded: LoadedSession, now: Date) =>
  loaded.session.status === 'cancelled' || now.getTime() >= Math.min(loaded.startsAt.getTime(), loaded.signupDeadline?.getTime() ?? Infinity);

/** One conditional UPDATE takes a place if one is left, so concurrent requests never oversell. */
export async function takePlace(tx: Queryable, sessionId: string): Promise<boolean> {
  const place = await tx.query(
    `UPDATE sessions
        SET spaces_left = spaces_left - 1,
            status = CASE WHEN spaces_left = 1 THEN 'full' ELSE status END
      WHERE id = $1 AND spaces_left > 0 AND status <> 'cancelled'
      RETURNING spaces_left`,
    [sessionId],
  );
  return place.rowCount > 0;
}

/** The live booking this address already has for the session, if any. */
export async function liveBookingOf(tx: Queryable, sessionId: string, email: string): Promise<number | undefined> {
  const { rows } = await tx.query<{ id: number }>(
    `SELECT id FROM signups WHERE session_id = $1 AND lower(email) = lower($2) AND status IN ('pending', 'confirmed', 'waitlisted')`,
    [sessionId, email],
  );
  return rows[0]?.id;
}

/** A new signup's columns and their SQL types (status aside: a new signup is always 'pending'). */
export const SIGNUP_TYPES = {
  reference: 'text',
  idempotency_key: 'text',
  request_hash: 'text',
  session_id: 'text',
  hold: 'text',
  position: 'int',
  hold_expires_at: 'timestamptz',
  first_name: 'text',
  last_name: 'text',
  email: 'text',
  phone: 'text',
  postcode: 'text',
  membership: 'text',
  clp: 'text',
  access_needs: 'text',
  consent_contact: 'boolean',
  consent_marketing: 'boolean',
  return_url: 'text',
  privacy_url: 'text',
  created_at: 'timestamptz',
  locale: 'text',
} as const;
export type SignupColumn = keyof typeof SIGNUP_TYPES;
export const SIGNUP_COLUMNS = Object.keys(SIGNUP_TYPES) as SignupColumn[];

/** What the caller takes for a new signup, under the session's lock: a place, or a waiting-list slot at `position`. */
type Taken = 'hold' | 'position';

/** A new signup's values by column, but what it takes (see Taken). */
export function signupFields(
  request: SignupRequest,
  ctx: SignupContext,
  sessionId: string,
  holdExpiresAt: Date,
) {
  return {
    reference: newReference(),
    idempotency_key: request.idempotencyKey,
    request_hash: ctx.requestHash,
    session_id: sessionId,
    // As ISO strings: the driver's own formatting of a Date (in local time) costs more.
    hold_expires_at: holdExpiresAt.toISOString(),
    first_name: request.firstName,
    last_name: request.lastName,
    email: request.email,
    phone: request.phone || null,
    postcode: request.postcode.toUpperCase(),
    membership: request.membership,
    clp: request.clp || null,
    access_needs: request.accessNeeds || null,
    consent_contact: request.consentContact,
    consent_marketing: request.consentMarketing,
    return_url: request.returnUrl,
    privacy_url: request.privacyUrl ?? null,
    created_at: ctx.now.toISOString(),
    // The languages the server writes emails in; any other page language gets English.
    locale: signupLocale(request),
  } satisfies Record<Exclude<SignupColumn, Taken>, unknown>;
}

export const signupLocale = (request: SignupRequest) => translatedLocale(request.locale) ?? 'en-GB';

const INSERT_SIGNUP = named<Record<SignupColumn, unknown>>(
  (p) =>
    `INSERT INTO signups (${SIGNUP_COLUMNS.join(', ')}, status)
     VALUES (${SIGNUP_COLUMNS.map((column) => p(column, SIGNUP_TYPES[column])).join(', ')}, 'pending') RETURNING id`,
);

/** A pending signup for one session, holding a place or a waiting-list slot at `queued`. */
export async function insertSignup(
  tx: Queryable,
  request: SignupRequest,
  ctx: SignupContext,
  held: { sessionId: string; hold: SignupResult['hold']; queued: number | null; holdExpiresAt: Date },
): Promise<BookingRow> {
  const fields = signupFields(request, ctx, held.sessionId, held.holdExpiresAt);
  const { rows } = await tx.query<{ id: number }>(INSERT_SIGNUP.text, INSERT_SIGNUP.values({ ...fields, hold: held.hold, position: held.queued }));
  return loadBooking(tx, rows[0]!.id, false);
}

/** "You are already booked": a fresh confirm link if still pending, else a manage link. */
export async function mailAlreadyBooked(tx: Queryable, ctx: MailContext, bookingId: number, loaded: LoadedSession) {
  const booking = await loadBooking(tx, bookingId, false);
  const pending = booking.status === 'pending';
  const { link } = await newLink(tx, ctx, booking, pending ? 'confirm' : 'manage');
  await mailTo(tx, ctx, booking, loaded, { kind: 'already-booked', email: alreadyBooked({ ...mailBase(booking, loaded, ctx.mail), link, pending }) });
}
