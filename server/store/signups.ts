import type { FieldError, SignupRequest, SignupResult } from '../../src/contract/index.js';
import { isUniqueViolation, type Db, type Queryable } from '../db/types.js';
import { confirmPlace } from '../mail/templates/booking.js';
import { mailBase, mailTo, newLink } from './booking-mail.js';
import { loadSession, type LoadedSession } from './booking-rows.js';
import { invalidateReads } from './read-cache.js';
import { closed, findRequest, insertSignup, liveBookingOf, mailAlreadyBooked, recordRequest, resultOf, takePlace, type SignupContext } from './signup-writes.js';
import { attemptSeries } from './signups-series.js';

export type { SignupContext };

/** `about`: for a series, which of its sessions is missing, closed or full (the field that named it, and its words). */
export type SignupOutcome =
  | { kind: 'accepted' | 'replayed'; result: SignupResult }
  | { kind: 'idempotency-conflict' }
  | { kind: 'not-found' | 'closed' | 'full'; about?: FieldError }
  | { kind: 'invalid'; errors: FieldError[] };

/** A unique index catching a race (same key, same email, reference clash) means: look again. */
const MAX_ATTEMPTS = 5;

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

async function attemptSignup(tx: Queryable, request: SignupRequest, ctx: SignupContext): Promise<SignupOutcome> {
  const replayed = await replayOf(tx, request, ctx);
  if (replayed) return replayed;
  const outcome = request.alsoSessionIds ? await attemptSeries(tx, request, ctx) : await attemptOne(tx, request, ctx);
  // A retry that waited on its original's row locks is refused by the places the original took:
  // the original has committed by then, so the retry gets its answer instead.
  return outcome.kind === 'accepted' ? outcome : ((await replayOf(tx, request, ctx)) ?? outcome);
}

async function replayOf(tx: Queryable, request: SignupRequest, ctx: SignupContext): Promise<SignupOutcome | undefined> {
  const replay = await findRequest(tx, request.idempotencyKey);
  if (!replay) return undefined;
  return replay.request_hash === ctx.requestHash ? { kind: 'replayed', result: resultOf(replay) } : { kind: 'idempotency-conflict' };
}

async function attemptOne(tx: Queryable, request: SignupRequest, ctx: SignupContext): Promise<SignupOutcome> {
  const loaded = await loadSession(tx, request.sessionId, false);
  if (!loaded?.published) return { kind: 'not-found' };
  if (closed(loaded, ctx.now)) return { kind: 'closed' };
  // Never after the session starts: a place nobody confirmed by then is nobody's.
  const holdExpiresAt = new Date(Math.min(ctx.now.getTime() + ctx.mail.holdHours * 3_600_000, loaded.startsAt.getTime()));

  const existing = await liveBookingOf(tx, request.sessionId, request.email);
  let hold: SignupResult['hold'] | undefined;
  if (existing !== undefined) {
    // What a new address would be told, from public state alone; the owner hears the truth by email.
    hold = loaded.session.spacesLeft > 0 ? 'place' : loaded.session.waitlist ? 'waitlist' : undefined;
    if (!hold) return { kind: 'full' };
    await mailAlreadyBooked(tx, ctx, existing, loaded);
  } else {
    const taken = await takeHold(tx, request, loaded, holdExpiresAt, ctx);
    if (taken.kind !== 'held') return taken;
    hold = taken.hold;
  }
  return { kind: 'accepted', result: await recordRequest(tx, request, ctx, hold, holdExpiresAt) };
}

/** Takes a place if one is left, else a waiting-list slot if the session has a list. */
async function takeHold(
  tx: Queryable,
  request: SignupRequest,
  loaded: LoadedSession,
  holdExpiresAt: Date,
  ctx: SignupContext,
): Promise<{ kind: 'held'; hold: SignupResult['hold'] } | { kind: 'full' | 'closed' }> {
  let hold: SignupResult['hold'] = 'place';
  let queued: number | null = null;
  if (!(await takePlace(tx, request.sessionId))) {
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

  const booking = await insertSignup(tx, request, ctx, { sessionId: request.sessionId, hold, queued, holdExpiresAt });
  const { link } = await newLink(tx, ctx, booking, 'confirm');
  const email = confirmPlace({ ...mailBase(booking, loaded, ctx.mail), hold, link, expiresAt: holdExpiresAt.toISOString() });
  await mailTo(tx, ctx, booking, loaded, { kind: 'confirm-place', email });
  return { kind: 'held', hold };
}
