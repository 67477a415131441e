import { isUniqueViolation, UNIQUE_VIOLATION, type Queryable } from '../db/types.js';
import { heldOf, holdOne, HOLD_TYPES, writtenWithBooking, type Held, type HoldParams } from './signup-hold.js';
import { SIGNUP_COLUMNS } from './signup-writes.js';

/**
 * Group commit for a popular session. Every hold on one session takes its row lock in turn, and
 * each holds it until its commit is on disk, so one session can take only as many signups a second
 * as PostgreSQL can run and commit hold statements one after another. Here, while one hold
 * statement for a session runs, the signups that arrive for it wait in this process, and the next
 * statement takes them all together (HOLD_MANY): one lock, one commit, one round trip for the lot.
 * A lone signup runs at once, as before, so a quiet session waits for nothing.
 *
 * Nothing changes in what is held: places, then waiting-list numbers, in arrival order; each
 * signup's row, token, email and replay record commit together (one statement), so the batch
 * commits as a whole or not at all. A batch never holds two signups with the same key or address
 * (the second waits for the next batch), and passes over one whose key or address was taken
 * meanwhile (it looks again, as after a unique index: LookAgain). If a unique index still aborts a
 * batch (a race with another process), each of its signups runs again on its own, so each gets its
 * own answer or its own error.
 */
export function holdBatched(db: Queryable, params: HoldParams): Promise<Held> {
  let sessions = running.get(db);
  if (!sessions) running.set(db, (sessions = new Map()));
  return new Promise<Held>((resolve, reject) => {
    const waiting: Waiting = { params, resolve, reject };
    const queue = sessions.get(params.session_id);
    if (queue) queue.push(waiting);
    else {
      sessions.set(params.session_id, []);
      void drain(db, sessions, params.session_id, [waiting]);
    }
  });
}

/** How many signups wait for the session's running hold statement (for tests). */
export const queuedFor = (db: Queryable, sessionId: string) => running.get(db)?.get(sessionId)?.length ?? 0;

/** Most signups one statement takes (its JSON is ~7 KB a signup). */
export const MOST_IN_BATCH = 64;

interface Waiting {
  params: HoldParams;
  resolve(held: Held): void;
  reject(error: unknown): void;
}

/** Per database, the sessions with a hold statement running, and the signups waiting for each. */
const running = new WeakMap<Queryable, Map<string, Waiting[]>>();

async function drain(db: Queryable, sessions: Map<string, Waiting[]>, sessionId: string, batch: Waiting[]) {
  for (;;) {
    // settle answers each signup itself; this is for a fault of its own, so no one waits for ever.
    await settle(db, batch).catch((error: unknown) => batch.forEach((w) => w.reject(error)));
    const queue = sessions.get(sessionId)!;
    if (queue.length === 0) {
      sessions.delete(sessionId);
      return;
    }
    batch = queue.splice(0, nextBatchLength(queue));
  }
}

/** The longest run from the front with no key or address twice (a unique index would abort it whole). */
function nextBatchLength(queue: Waiting[]): number {
  const seen = new Set<string>();
  let n = 0;
  for (const { params } of queue) {
    const key = `k:${params.idempotency_key}`;
    const email = `e:${params.email.toLowerCase()}`;
    if (n === MOST_IN_BATCH || seen.has(key) || seen.has(email)) break;
    seen.add(key).add(email);
    n++;
  }
  return n;
}

async function settle(db: Queryable, batch: Waiting[]) {
  if (batch.length === 1) return one(db, batch[0]!);
  let held: Map<string, Held | 'again'>;
  try {
    held = await holdMany(db, batch.map((w) => w.params));
  } catch (error) {
    if (!isUniqueViolation(error)) return batch.forEach((w) => w.reject(error));
    // Nothing of the batch was written: each signup again on its own, in arrival order.
    for (const waiting of batch) await one(db, waiting);
    return;
  }
  for (const w of batch) {
    const took = held.get(w.params.idempotency_key)!;
    if (took === 'again') w.reject(new LookAgain());
    else w.resolve(took);
  }
}

const one = (db: Queryable, waiting: Waiting) => holdOne(db, waiting.params).then(waiting.resolve, waiting.reject);

/** What each signup of a batch took, by key, or `again`: it has to look again (see HOLD_MANY). */
async function holdMany(db: Queryable, batch: HoldParams[]): Promise<Map<string, Held | 'again'>> {
  const rows = JSON.stringify(batch.map((params, i) => ({ ...params, ord: i + 1 })));
  const { rows: booked } = await db.query<{ idempotency_key: string; hold: 'place' | 'waitlist' | 'again' }>(
    HOLD_MANY,
    [batch[0]!.session_id, rows],
    { prepare: 'signup-hold-many' },
  );
  const holds = new Map(booked.map((b) => [b.idempotency_key, b.hold]));
  return new Map(
    batch.map((p) => {
      const hold = holds.get(p.idempotency_key);
      return [p.idempotency_key, hold === 'again' ? hold : heldOf(hold, p.waitlist)];
    }),
  );
}

/**
 * What a unique index would have said had the signup been inserted: already answered, or already
 * booked. It carries the index's SQLSTATE, so createSignup looks again as it does after the index.
 */
export class LookAgain extends Error {
  readonly code = UNIQUE_VIOLATION;
  constructor() {
    super('This signup has to look again: its key was answered or its address booked meanwhile');
  }
}

/** A batch's rows, as json_to_recordset reads them: HoldParams' fields, and each signup's place in the batch. */
const BATCH_COLUMNS = { ...HOLD_TYPES, ord: 'int' };

/**
 * HOLD (signup-hold.ts) for several signups to one session, in arrival order (`ord`). cur locks the
 * session row. A signup whose key was already answered, or whose address already has a live
 * booking here, is passed over (`again`): inserting it would abort the whole batch on a unique
 * index. Every earlier batch from this process has committed before this statement starts, so its
 * rows are seen; a race with anything else still ends in the unique index, and holdBatched runs
 * the batch again one by one. Of the rest, the first `spaces_left` take places, the others
 * waiting-list numbers after the last one given (or nothing, with no waiting list); took moves the
 * counters once for all; everything else is inserted per signup taken, joined on its key.
 */
const HOLD_MANY = `WITH cur AS (
       SELECT id, spaces_left, waitlist_count FROM sessions WHERE id = $1::text AND status <> 'cancelled' FOR UPDATE
     ), req AS (
       SELECT r.*,
              EXISTS (SELECT 1 FROM signup_requests q WHERE q.idempotency_key = r.idempotency_key)
              OR EXISTS (SELECT 1 FROM signups s WHERE s.session_id = r.session_id AND lower(s.email) = lower(r.email)
                                                   AND s.status IN ('pending', 'confirmed', 'waitlisted')) AS again
         FROM json_to_recordset($2::json) AS r(${Object.entries(BATCH_COLUMNS)
           .map(([column, type]) => `${column} ${type}`)
           .join(', ')})
     ), ranked AS (
       SELECT req.*, CASE WHEN row_number() OVER (ORDER BY ord) <= cur.spaces_left THEN 'place' WHEN waitlist THEN 'waitlist' END AS hold
         FROM req CROSS JOIN cur WHERE NOT again
     ), numbered AS (
       SELECT ranked.*, CASE WHEN hold = 'waitlist' THEN cur.waitlist_count + row_number() OVER (PARTITION BY hold ORDER BY ord) END::int AS queued
         FROM ranked CROSS JOIN cur WHERE hold IS NOT NULL
     ), took AS (
       UPDATE sessions s
          SET spaces_left = s.spaces_left - c.places,
              waitlist_count = s.waitlist_count + c.queued,
              status = CASE WHEN c.places > 0 AND s.spaces_left = c.places THEN 'full' ELSE s.status END
         FROM (SELECT count(*) FILTER (WHERE hold = 'place')::int AS places, count(*) FILTER (WHERE hold = 'waitlist')::int AS queued FROM numbered) c, cur
        WHERE s.id = cur.id AND c.places + c.queued > 0
     ), booked AS (
       INSERT INTO signups (${SIGNUP_COLUMNS.join(', ')}, status)
       SELECT ${SIGNUP_COLUMNS.map((c) => (c === 'position' ? 'queued' : c)).join(', ')}, 'pending' FROM numbered ORDER BY ord
       RETURNING id, idempotency_key, hold
     ), each AS (
       SELECT b.id, b.hold AS took, n.* FROM booked b JOIN numbered n USING (idempotency_key)
     ), ${writtenWithBooking('each', (field) => field, ' ORDER BY ord')}
     SELECT idempotency_key, hold FROM booked
     UNION ALL SELECT idempotency_key, 'again' FROM req WHERE again`;
