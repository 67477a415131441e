import type { SignupRequest, SignupResult } from '../../src/contract/index.js';
import { isUniqueViolation, type Db, type Queryable } from '../db/types.js';
import { newReference } from '../lib/reference.js';
import { invalidateReads } from './read-cache.js';

export type SignupOutcome =
  | { kind: 'created' | 'replayed' | 'existing'; result: SignupResult }
  | { kind: 'idempotency-conflict' | 'not-found' | 'closed' | 'full' };

interface StoredSignup {
  status: SignupResult['status'];
  reference: string;
  session_id: string;
  position: number | null;
  request_hash: string;
  idempotency_key: string;
}

const toResult = (row: StoredSignup): SignupResult => ({
  status: row.status,
  reference: row.reference,
  sessionId: row.session_id,
  ...(row.position !== null ? { position: row.position } : {}),
});

/** A unique index catching a race (same key, same email, reference clash) means: look again. */
const MAX_ATTEMPTS = 5;

/**
 * Signs someone up, at most once per idempotency key and once per email per session.
 * Capacity is taken with one conditional UPDATE, so concurrent requests can never
 * oversell; unique indexes settle any remaining race and the attempt is replayed.
 */
export async function createSignup(
  db: Db,
  request: SignupRequest,
  context: { now: Date; requestHash: string; rehearse?: boolean },
): Promise<SignupOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await db.transaction(async (tx) => {
        const outcome = await attemptSignup(tx, request, context);
        if (context.rehearse) throw new Rehearsal(outcome);
        return outcome;
      });
      if (outcome.kind === 'created') invalidateReads(db); // places or the waiting list changed
      return outcome;
    } catch (error) {
      if (error instanceof Rehearsal) return error.outcome;
      if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * With `rehearse` the very same transaction runs and is rolled back: the outcome is
 * exactly what the request would get (its waiting-list position included) and
 * nothing persists. The honeypot answers bots this way.
 */
class Rehearsal {
  constructor(readonly outcome: SignupOutcome) {}
}

const replayOf = (row: StoredSignup, requestHash: string): SignupOutcome =>
  row.request_hash === requestHash ? { kind: 'replayed', result: toResult(row) } : { kind: 'idempotency-conflict' };

const STORED = 'status, reference, session_id, position, request_hash, idempotency_key';

async function attemptSignup(
  tx: Queryable,
  request: SignupRequest,
  { now, requestHash }: { now: Date; requestHash: string },
): Promise<SignupOutcome> {
  const replay = await tx.query<StoredSignup>(`SELECT ${STORED} FROM signups WHERE idempotency_key = $1`, [
    request.idempotencyKey,
  ]);
  if (replay.rows[0]) return replayOf(replay.rows[0], requestHash);

  const found = await tx.query<{ status: string; starts_at: Date | string; signup_deadline: Date | string | null; waitlist: boolean }>(
    'SELECT status, starts_at, signup_deadline, waitlist FROM sessions WHERE id = $1',
    [request.sessionId],
  );
  const session = found.rows[0];
  if (!session) return { kind: 'not-found' };
  const closesAt = Math.min(
    new Date(session.starts_at).getTime(),
    session.signup_deadline === null ? Infinity : new Date(session.signup_deadline).getTime(),
  );
  if (session.status === 'cancelled' || now.getTime() >= closesAt) return { kind: 'closed' };

  // Same person again (new key, e.g. after a reload): answer as before, add nothing.
  const existing = await tx.query<StoredSignup>(
    `SELECT ${STORED} FROM signups WHERE session_id = $1 AND lower(email) = lower($2)`,
    [request.sessionId, request.email],
  );
  // Under READ COMMITTED the key's first request can commit between the two SELECTs: still a replay then.
  if (existing.rows[0]?.idempotency_key === request.idempotencyKey) return replayOf(existing.rows[0], requestHash);
  if (existing.rows[0]) return { kind: 'existing', result: toResult(existing.rows[0]) };

  const place = await tx.query(
    `UPDATE sessions
        SET spaces_left = spaces_left - 1,
            status = CASE WHEN spaces_left = 1 THEN 'full' ELSE status END
      WHERE id = $1 AND spaces_left > 0 AND status <> 'cancelled'
      RETURNING spaces_left`,
    [request.sessionId],
  );
  let status: SignupResult['status'] = 'confirmed';
  let position: number | null = null;
  if (place.rowCount === 0) {
    if (!session.waitlist) return { kind: 'full' };
    const queued = await tx.query<{ waitlist_count: number }>(
      `UPDATE sessions SET waitlist_count = waitlist_count + 1
        WHERE id = $1 AND status <> 'cancelled' RETURNING waitlist_count`,
      [request.sessionId],
    );
    if (!queued.rows[0]) return { kind: 'closed' };
    status = 'waitlisted';
    position = queued.rows[0].waitlist_count;
  }

  const row: StoredSignup = {
    status,
    reference: newReference(),
    session_id: request.sessionId,
    position,
    request_hash: requestHash,
    idempotency_key: request.idempotencyKey,
  };
  await tx.query(
    `INSERT INTO signups (reference, idempotency_key, request_hash, session_id, status, position,
       first_name, last_name, email, phone, postcode, membership, clp, access_needs,
       consent_contact, consent_marketing, consent_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)`,
    [
      row.reference,
      request.idempotencyKey,
      requestHash,
      request.sessionId,
      status,
      position,
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
      now,
    ],
  );
  return { kind: 'created', result: toResult(row) };
}
