import type { FieldError, SignupRequest, SignupResult } from '../../src/contract/index.js';
import { isUniqueViolation, type Db, type Queryable } from '../db/types.js';
import { invalidateReads } from './read-cache.js';
import { holdBatched } from './hold-batch.js';
import { holdOne, holdParams, readBeforeHold, type Held, type HoldParams } from './signup-hold.js';
import { closed, findRequest, mailAlreadyBooked, recordRequest, requestRecord, resultOf, type SignupContext, type StoredRequest } from './signup-writes.js';
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
 * For one session and a new address (nearly every signup) the reads come first, without a
 * lock, and then one statement takes the place and writes everything (signup-hold.ts), so a
 * popular session's row is locked for as short a time as PostgreSQL can manage; the signups that
 * arrive for a session while its statement runs go together in the next one (hold-batch.ts).
 */
export async function createSignup(db: Db, request: SignupRequest, context: SignupContext): Promise<SignupOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = context.rehearse
        ? await db.transaction(async (tx) => {
            throw new Rehearsal(await attemptSignup({ q: tx, transaction: (fn) => fn(tx), hold: (params) => holdOne(tx, params) }, request, context));
          })
        : await attemptSignup({ q: db, transaction: (fn) => db.transaction(fn), hold: (params) => holdBatched(db, params) }, request, context);
      if (outcome.kind === 'accepted') invalidateReads(db); // places or the waiting list may have changed
      return outcome;
    } catch (error) {
      if (error instanceof Rehearsal) return error.outcome;
      if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * With `rehearse` the very same statements run in one transaction that is rolled back: the
 * outcome is exactly what the request would get and nothing persists, emails included. The
 * honeypot answers bots this way.
 */
class Rehearsal {
  constructor(readonly outcome: SignupOutcome) {}
}

/**
 * Where an attempt runs: `q` for single statements, `transaction` for the writes that take several,
 * `hold` for the hold statement (batched with others for the session, but in a rehearsal).
 */
interface Store {
  q: Queryable;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  hold(params: HoldParams): Promise<Held>;
}

async function attemptSignup(store: Store, request: SignupRequest, ctx: SignupContext): Promise<SignupOutcome> {
  let outcome: SignupOutcome;
  if (request.alsoSessionIds) {
    const replayed = await replayOf(store.q, request, ctx);
    if (replayed) return replayed;
    outcome = await store.transaction((tx) => attemptSeries(tx, request, ctx));
  } else {
    outcome = await attemptOne(store, request, ctx);
    if (outcome.kind === 'replayed' || outcome.kind === 'idempotency-conflict') return outcome;
  }
  // A retry that waited on its original's row locks is refused by the places the original took:
  // the original has committed by then, so the retry gets its answer instead.
  return outcome.kind === 'accepted' ? outcome : ((await replayOf(store.q, request, ctx)) ?? outcome);
}

async function replayOf(q: Queryable, request: SignupRequest, ctx: SignupContext): Promise<SignupOutcome | undefined> {
  const replay = await findRequest(q, request.idempotencyKey);
  return replay && replayed(replay, ctx);
}

const replayed = (replay: StoredRequest, ctx: SignupContext): SignupOutcome =>
  replay.request_hash === ctx.requestHash ? { kind: 'replayed', result: resultOf(replay) } : { kind: 'idempotency-conflict' };

async function attemptOne(store: Store, request: SignupRequest, ctx: SignupContext): Promise<SignupOutcome> {
  const { replay, loaded, existing } = await readBeforeHold(store.q, request);
  if (replay) return replayed(replay, ctx);
  if (!loaded?.published) return { kind: 'not-found' };
  if (closed(loaded, ctx.now)) return { kind: 'closed' };
  // Never after the session starts: a place nobody confirmed by then is nobody's.
  const holdExpiresAt = new Date(Math.min(ctx.now.getTime() + ctx.mail.holdHours * 3_600_000, loaded.startsAt.getTime()));

  if (existing === undefined) {
    const taken = await store.hold(holdParams(request, ctx, loaded, holdExpiresAt));
    if (taken.kind !== 'held') return taken;
    return { kind: 'accepted', result: resultOf(requestRecord(request, ctx, taken.hold, holdExpiresAt)) };
  }
  // What a new address would be told, from public state alone; the owner hears the truth by email.
  const hold = loaded.session.spacesLeft > 0 ? 'place' : loaded.session.waitlist ? 'waitlist' : undefined;
  if (!hold) return { kind: 'full' };
  return store.transaction(async (tx) => {
    await mailAlreadyBooked(tx, ctx, existing, loaded);
    return { kind: 'accepted', result: await recordRequest(tx, request, ctx, hold, holdExpiresAt) };
  });
}
