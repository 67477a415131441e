import { translatedLocale, type SignupRequest, type SignupResult } from '../../src/contract/index.js';
import { isUniqueViolation, type Db, type Queryable } from '../db/types.js';
import { toLondonIso } from '../../src/contract/london-time.js';
import { newReference } from '../lib/reference.js';
import { alreadyBooked, confirmPlace } from '../mail/templates/booking.js';
import { mailBase, mailTo, newLink, type MailContext } from './booking-mail.js';
import { loadBooking, loadSession, type BookingRow, type LoadedSession } from './booking-rows.js';
import { invalidateReads } from './read-cache.js';

export type SignupOutcome =
  | { kind: 'accepted' | 'replayed'; result: SignupResult }
  | { kind: 'idempotency-conflict' | 'not-found' | 'closed' | 'full' };

/** A unique index catching a race (same key, same email, reference clash) means: look again. */
const MAX_ATTEMPTS = 5;

export interface SignupContext extends MailContext {
  requestHash: string;
  rehearse?: boolean;
}

/**
 * Holds a place (or a waiting-list slot) for someone, pending their confirmation by email.
 * The answer is computed from the request and the session's public state only: an address
 * already booked gets the same answer, nothing new is held, and its owner is emailed their
 * booking instead. Capacity is taken with one conditional UPDATE, so concurrent requests can
 * never oversell; unique indexes settle any remaining race and the attempt is replayed.
 */
export async function createSignup(db: Db, request: SignupRequest, context: SignupContext): Promise<SignupOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await db.transaction(async (tx) => {
        const outcome = await attemptSignup(tx, request, context);
        if (context.rehearse) throw new Rehearsal(outcome);
        return outcome;
      });
      if (outcome.kind === 'accepted') invalidateReads(db); // places or the waiting list may have changed
      return outcome;
    } catch (error) {
      if (error instanceof Rehearsal) return error.outcome;
      if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * With `rehearse` the very same transaction runs and is rolled back: the outcome is
 * exactly what the request would get and nothing persists, emails included. The
 * honeypot answers bots this way.
 */
class Rehearsal {
  constructor(readonly outcome: SignupOutcome) {}
}

interface StoredRequest {
  request_hash: string;
  session_id: string;
  hold: SignupResult['hold'];
  hold_expires_at: Date | string;
}

const resultOf = (row: StoredRequest): SignupResult => ({
  status: 'pending',
  sessionId: row.session_id,
  hold: row.hold,
  holdExpiresAt: toLondonIso(new Date(row.hold_expires_at)),
});

async function attemptSignup(tx: Queryable, request: SignupRequest, ctx: SignupContext): Promise<SignupOutcome> {
  const replay = await tx.query<StoredRequest>(
    'SELECT request_hash, session_id, hold, hold_expires_at FROM signup_requests WHERE idempotency_key = $1',
    [request.idempotencyKey],
  );
  if (replay.rows[0]) {
    return replay.rows[0].request_hash === ctx.requestHash ? { kind: 'replayed', result: resultOf(replay.rows[0]) } : { kind: 'idempotency-conflict' };
  }

  const loaded = await loadSession(tx, request.sessionId, false);
  if (!loaded?.published) return { kind: 'not-found' };
  const closesAt = Math.min(loaded.startsAt.getTime(), loaded.signupDeadline?.getTime() ?? Infinity);
  if (loaded.session.status === 'cancelled' || ctx.now.getTime() >= closesAt) return { kind: 'closed' };
  // Never after the session starts: a place nobody confirmed by then is nobody's.
  const holdExpiresAt = new Date(Math.min(ctx.now.getTime() + ctx.mail.holdHours * 3_600_000, loaded.startsAt.getTime()));

  const existing = await tx.query<{ id: number }>(
    `SELECT id FROM signups WHERE session_id = $1 AND lower(email) = lower($2) AND status IN ('pending', 'confirmed', 'waitlisted')`,
    [request.sessionId, request.email],
  );
  let hold: SignupResult['hold'] | undefined;
  if (existing.rows[0]) {
    // What a new address would be told, from public state alone; the owner hears the truth by email.
    hold = loaded.session.spacesLeft > 0 ? 'place' : loaded.session.waitlist ? 'waitlist' : undefined;
    if (!hold) return { kind: 'full' };
    await mailAlreadyBooked(tx, ctx, await loadBooking(tx, existing.rows[0].id, false), loaded);
  } else {
    const taken = await takeHold(tx, request, loaded, holdExpiresAt, ctx);
    if (taken.kind !== 'held') return taken;
    hold = taken.hold;
  }

  const stored: StoredRequest = { request_hash: ctx.requestHash, session_id: request.sessionId, hold, hold_expires_at: holdExpiresAt };
  await tx.query(
    `INSERT INTO signup_requests (idempotency_key, request_hash, session_id, hold, hold_expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [request.idempotencyKey, ctx.requestHash, request.sessionId, hold, holdExpiresAt, ctx.now],
  );
  return { kind: 'accepted', result: resultOf(stored) };
}

/** Takes a place if one is left, else a waiting-list slot if the session has a list. */
async function takeHold(
  tx: Queryable,
  request: SignupRequest,
  loaded: LoadedSession,
  holdExpiresAt: Date,
  ctx: SignupContext,
): Promise<{ kind: 'held'; hold: SignupResult['hold'] } | { kind: 'full' | 'closed' }> {
  const place = await tx.query(
    `UPDATE sessions
        SET spaces_left = spaces_left - 1,
            status = CASE WHEN spaces_left = 1 THEN 'full' ELSE status END
      WHERE id = $1 AND spaces_left > 0 AND status <> 'cancelled'
      RETURNING spaces_left`,
    [request.sessionId],
  );
  let hold: SignupResult['hold'] = 'place';
  let queued: number | null = null;
  if (place.rowCount === 0) {
    if (!loaded.session.waitlist) return { kind: 'full' };
    // A per-session sequence under the session's row lock: the waiting list's order.
    const next = await tx.query<{ waitlist_count: number }>(
      `UPDATE sessions SET waitlist_count = waitlist_count + 1 WHERE id = $1 AND status <> 'cancelled' RETURNING waitlist_count`,
      [request.sessionId],
    );
    if (!next.rows[0]) return { kind: 'closed' };
    hold = 'waitlist';
    queued = next.rows[0].waitlist_count;
  }

  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO signups (reference, idempotency_key, request_hash, session_id, status, hold, position, hold_expires_at,
       first_name, last_name, email, phone, postcode, membership, clp, access_needs,
       consent_contact, consent_marketing, return_url, privacy_url, created_at, locale)
     VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
     RETURNING id`,
    [
      newReference(),
      request.idempotencyKey,
      ctx.requestHash,
      request.sessionId,
      hold,
      queued,
      holdExpiresAt,
      request.firstName,
      request.lastName,
      request.email,
      request.phone || null,
      request.postcode.toUpperCase(),
      request.membership,
      request.clp || null,
      request.accessNeeds || null,
      request.consentContact,
      request.consentMarketing,
      request.returnUrl,
      request.privacyUrl ?? null,
      ctx.now,
      // The languages the server writes emails in; any other page language gets English.
      translatedLocale(request.locale) ?? 'en-GB',
    ],
  );
  const booking = await loadBooking(tx, rows[0]!.id, false);
  const { link } = await newLink(tx, ctx, booking, 'confirm');
  const email = confirmPlace({ ...mailBase(booking, loaded, ctx.mail), hold, link, expiresAt: holdExpiresAt.toISOString() });
  await mailTo(tx, ctx, booking, loaded, { kind: 'confirm-place', email });
  return { kind: 'held', hold };
}

/** "You are already booked": a fresh confirm link if still pending, else a manage link. */
async function mailAlreadyBooked(tx: Queryable, ctx: MailContext, booking: BookingRow, loaded: LoadedSession) {
  const pending = booking.status === 'pending';
  const { link } = await newLink(tx, ctx, booking, pending ? 'confirm' : 'manage');
  await mailTo(tx, ctx, booking, loaded, { kind: 'already-booked', email: alreadyBooked({ ...mailBase(booking, loaded, ctx.mail), link, pending }) });
}
