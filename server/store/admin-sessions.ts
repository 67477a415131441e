import { randomBytes } from 'node:crypto';
import type { AdminSessionQuery, Attendee, ManagedSession, SessionCreate, SessionPatch } from '../../src/contract/admin.js';
import { SessionSchema, type FieldError, type Session } from '../../src/contract/index.js';
import type { Db, Queryable } from '../db/types.js';
import { isUniqueViolation } from '../db/types.js';
import type { MailContext } from './booking-mail.js';
import { loadSession } from './booking-rows.js';
import { insertSession } from './catalogue.js';
import { freePlace } from './holds.js';
import { joiningFromRow, setJoining, type JoiningColumns } from './joining.js';
import { notifyRequesters } from './module-requests.js';
import { invalidateReads } from './read-cache.js';
import { accessColumn, sessionFromRow, type SessionRow } from './rows.js';
import { refreshReminders, rescheduleIn } from './session-changes.js';

/**
 * The organisers' reads and edits of sessions. `scope` is the caller's areas
 * (null: every area); a session outside it is treated as absent, so nobody
 * learns that another area's session exists.
 */
export type Scope = readonly string[] | null;

type ManagedRow = SessionRow & JoiningColumns & { published: boolean; version: number } & Record<'confirmed' | 'pending' | 'waitlisted' | 'cancelled' | 'attended', number>;

const MANAGED = `SELECT s.*, c.* FROM sessions s
  CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE g.status = 'confirmed')::int AS confirmed,
                             count(*) FILTER (WHERE g.status = 'pending')::int AS pending,
                             count(*) FILTER (WHERE g.status = 'waitlisted')::int AS waitlisted,
                             count(*) FILTER (WHERE g.status = 'cancelled')::int AS cancelled,
                             count(*) FILTER (WHERE g.attended_at IS NOT NULL)::int AS attended
                        FROM signups g WHERE g.session_id = s.id) c`;

const managedFromRow = (row: ManagedRow): ManagedSession => {
  const joining = joiningFromRow(row);
  return {
    session: sessionFromRow(row),
    published: row.published,
    version: row.version,
    counts: { capacity: row.capacity, confirmed: row.confirmed, pending: row.pending, waitlisted: row.waitlisted, cancelled: row.cancelled, attended: row.attended },
    ...(joining ? { joining } : {}),
  };
};

const scopeParam = (scope: Scope) => (scope === null ? null : [...scope]);

export async function listManagedSessions(db: Queryable, query: AdminSessionQuery, scope: Scope): Promise<ManagedSession[]> {
  const { rows } = await db.query<ManagedRow>(
    `${MANAGED}
     WHERE ($1::text[] IS NULL OR s.area = ANY($1))
       AND ($2::text IS NULL OR s.module_id = $2)
       AND ($3::timestamptz IS NULL OR s.starts_at >= $3)
       AND ($4::timestamptz IS NULL OR s.starts_at <= $4)
       AND ($5::text IS NULL OR lower(s.area) = lower($5))
     ORDER BY s.starts_at, s.id`,
    [scopeParam(scope), query.module ?? null, query.from ?? null, query.to ?? null, query.area?.trim() || null],
  );
  return rows.map(managedFromRow);
}

export async function getManagedSession(db: Queryable, id: string, scope: Scope): Promise<ManagedSession | undefined> {
  const { rows } = await db.query<ManagedRow>(`${MANAGED} WHERE s.id = $1 AND ($2::text[] IS NULL OR s.area = ANY($2))`, [id, scopeParam(scope)]);
  return rows[0] && managedFromRow(rows[0]);
}

/** `<module>-<yyyy-mm-dd>-<random>`: readable in a URL, unique without asking. */
const newSessionId = (moduleId: string, start: string) => `${moduleId.slice(0, 60).replace(/-$/, '')}-${start.slice(0, 10)}-${randomBytes(3).toString('hex')}`;

export type CreateOutcome = { kind: 'created'; session: ManagedSession } | { kind: 'invalid'; errors: FieldError[] } | { kind: 'exists' };

/** A new session, unpublished: members see it once an organiser publishes it. */
export async function createManagedSession(db: Db, input: SessionCreate): Promise<CreateOutcome> {
  const session = toSession({ id: input.id ?? newSessionId(input.moduleId, input.start), moduleId: input.moduleId, status: 'scheduled', spacesLeft: input.capacity }, input);
  const checked = SessionSchema.safeParse(session);
  if (!checked.success) return { kind: 'invalid', errors: checked.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
  const module = await db.query('SELECT 1 FROM modules WHERE id = $1', [input.moduleId]);
  if (!module.rows.length) return { kind: 'invalid', errors: [{ field: 'moduleId', message: 'There is no module with this id' }] };
  try {
    await db.transaction(async (tx) => {
      await insertSession(tx, checked.data);
      await tx.query('UPDATE sessions SET published = false WHERE id = $1', [session.id]);
      await setJoining(tx, session.id, input.joining);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'exists' };
    throw error;
  }
  invalidateReads(db);
  return { kind: 'created', session: (await getManagedSession(db, session.id, null))! };
}

/** A session built from the editable fields over `base` (null clears an optional one). */
function toSession(base: Partial<Session> & Pick<Session, 'id' | 'moduleId' | 'status' | 'spacesLeft'>, fields: SessionPatch): Session {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'note' || key === 'joining' || value === undefined) continue;
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged as unknown as Session;
}

export type PatchOutcome =
  | { kind: 'updated'; session: ManagedSession; told: number }
  | { kind: 'not-found' }
  | { kind: 'conflict'; version: number }
  | { kind: 'forbidden-area' }
  | { kind: 'invalid'; errors: FieldError[] };

/**
 * Applies a PATCH in one transaction, under the session's row lock: refused when `version` moved
 * (someone else saved first), when capacity would fall below the places taken, or when the result
 * is not a valid session. New times reschedule: everyone booked is emailed (session-changes.ts).
 */
export async function patchManagedSession(db: Db, id: string, version: number, patch: SessionPatch, scope: Scope, ctx: MailContext): Promise<PatchOutcome> {
  const outcome = await db.transaction(async (tx): Promise<PatchOutcome> => {
    const { rows } = await tx.query<{ version: number; area: string }>('SELECT version, area FROM sessions WHERE id = $1 FOR UPDATE', [id]);
    const row = rows[0];
    if (!row || (scope !== null && !scope.includes(row.area))) return { kind: 'not-found' };
    if (row.version !== version) return { kind: 'conflict', version: row.version };
    if (patch.area !== undefined && scope !== null && !scope.includes(patch.area)) return { kind: 'forbidden-area' };
    const loaded = (await loadSession(tx, id, false))!;
    const current = loaded.session;
    const merged = toSession(current, patch);
    const checked = SessionSchema.safeParse({ ...merged, spacesLeft: 0 });
    if (!checked.success) return { kind: 'invalid', errors: checked.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
    const taken = current.capacity - current.spacesLeft;
    if (merged.capacity < taken) {
      return { kind: 'invalid', errors: [{ field: 'capacity', message: `Capacity cannot be below the ${taken} places already taken` }] };
    }
    await tx.query(
      `UPDATE sessions SET delivery = $2, venue_name = $3, venue_address = $4, venue_postcode = $5, area = $6, waitlist = $7,
              trainer = $8, signup_deadline = $9, accessibility = $10, translations = $11, access_features = $12, version = version + 1 WHERE id = $1`,
      [id, merged.delivery, merged.venue?.name ?? null, merged.venue?.address ?? null, merged.venue?.postcode ?? null, merged.area, merged.waitlist,
        merged.trainer ?? null, merged.signupDeadline ?? null, merged.accessibility ?? null, JSON.stringify(merged.translations ?? {}), accessColumn(merged.accessFeatures)],
    );
    if (patch.joining !== undefined) await setJoining(tx, id, patch.joining);
    await changeCapacity(tx, ctx, id, current.capacity, merged.capacity);
    const moved = Date.parse(merged.start) !== Date.parse(current.start) || Date.parse(merged.end) !== Date.parse(current.end);
    const note = patch.note ? { note: patch.note } : {};
    const rescheduled = moved ? await rescheduleIn(tx, id, { start: new Date(merged.start), end: new Date(merged.end) }, { ...ctx, ...note }) : 0;
    // A published session moved to another area (a typo put right, say) is news to whoever asked for its module there.
    const asked = loaded.published && merged.area.toLowerCase() !== current.area.toLowerCase() ? await notifyRequesters(tx, (await loadSession(tx, id, false))!, ctx) : 0;
    const told = rescheduled + asked;
    // Reminders already queued were written with the old details: a new link or a move online reaches them.
    if (!moved && (patch.joining !== undefined || merged.delivery !== current.delivery)) await refreshReminders(tx, id, ctx);
    return { kind: 'updated', session: (await getManagedSession(tx, id, null))!, told };
  });
  if (outcome.kind === 'updated') invalidateReads(db);
  return outcome;
}

/**
 * More places go first to the waiting list, in order (freePlace promotes or offers), the rest
 * become spaces; fewer places come off the spaces left (the caller checked none taken is lost).
 */
async function changeCapacity(tx: Queryable, ctx: MailContext, id: string, from: number, to: number): Promise<void> {
  if (to === from) return;
  if (to < from) {
    await tx.query(
      `UPDATE sessions SET capacity = $2, spaces_left = spaces_left - $3,
              status = CASE WHEN status = 'scheduled' AND spaces_left - $3 = 0 THEN 'full' ELSE status END WHERE id = $1`,
      [id, to, from - to],
    );
    return;
  }
  await tx.query('UPDATE sessions SET capacity = $2 WHERE id = $1', [id, to]);
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM signups WHERE session_id = $1 AND hold = 'waitlist' AND status IN ('pending', 'waitlisted')`,
    [id],
  );
  const promotions = Math.min(rows[0]!.n, to - from);
  for (let i = 0; i < promotions; i++) await freePlace(tx, ctx, (await loadSession(tx, id, false))!);
  if (to - from > promotions) {
    await tx.query(
      `UPDATE sessions SET spaces_left = spaces_left + $2, status = CASE WHEN status = 'full' THEN 'scheduled' ELSE status END WHERE id = $1`,
      [id, to - from - promotions],
    );
  }
}

/** A copy at new times: same module, place, area, capacity and text; unpublished, with no bookings. */
export async function duplicateSession(db: Db, id: string, times: { start: string; end: string }, scope: Scope): Promise<ManagedSession | undefined> {
  const source = await getManagedSession(db, id, scope);
  if (!source) return undefined;
  const { session, joining } = source;
  const shift = Date.parse(times.start) - Date.parse(session.start);
  const deadline = session.signupDeadline ? { signupDeadline: new Date(Date.parse(session.signupDeadline) + shift).toISOString() } : {};
  const { moduleId, delivery, venue, area, capacity, waitlist, trainer, accessibility, accessFeatures, translations } = session;
  const copy = { moduleId, delivery, venue, area, capacity, waitlist, trainer, accessibility, accessFeatures, translations, ...deadline, ...times };
  const created = await createManagedSession(db, { ...copy, ...(joining ? { joining } : {}), id: newSessionId(moduleId, times.start) });
  return created.kind === 'created' ? created.session : undefined;
}

/**
 * Publishing shows the session in the public API at once (the read cache is cleared). Going from
 * draft to published also emails whoever asked for its module in its area (module-requests.ts),
 * in the same transaction; `emailed` says how many.
 */
export async function setPublished(db: Db, id: string, published: boolean, scope: Scope, ctx: MailContext): Promise<{ session: ManagedSession; emailed: number } | undefined> {
  const emailed = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ published: boolean; area: string }>('SELECT published, area FROM sessions WHERE id = $1 FOR UPDATE', [id]);
    const row = rows[0];
    if (!row || (scope !== null && !scope.includes(row.area))) return undefined;
    await tx.query('UPDATE sessions SET published = $2, version = version + 1 WHERE id = $1', [id, published]);
    return published && !row.published ? notifyRequesters(tx, (await loadSession(tx, id, false))!, ctx) : 0;
  });
  if (emailed === undefined) return undefined;
  invalidateReads(db);
  return { session: (await getManagedSession(db, id, scope))!, emailed };
}

/** After cancelSession: the edit moves the version, like any other. */
export async function bumpVersion(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE sessions SET version = version + 1 WHERE id = $1', [id]);
}

export async function listAttendees(db: Queryable, sessionId: string): Promise<Attendee[]> {
  const { rows } = await db.query<{ id: number; first_name: string; last_name: string; email: string; status: Attendee['status']; position: number | null; attended: boolean }>(
    `SELECT s.id, s.first_name, s.last_name, s.email, s.status, s.attended_at IS NOT NULL AS attended,
            CASE WHEN s.hold = 'waitlist' AND s.status = 'waitlisted' THEN
              (SELECT count(*)::int FROM signups w WHERE w.session_id = s.session_id AND w.hold = 'waitlist'
                  AND w.status IN ('pending', 'waitlisted') AND w.position <= s.position)
            END AS position
       FROM signups s WHERE s.session_id = $1 AND s.status IN ('confirmed', 'pending', 'waitlisted', 'cancelled')
      ORDER BY s.created_at, s.id`,
    [sessionId],
  );
  return rows.map((r) => ({ signupId: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email, status: r.status, position: r.position, attended: r.attended }));
}

/** Only a confirmed booking can be marked as attended; the first time marked is kept. */
export async function markAttendance(db: Queryable, sessionId: string, signupId: number, attended: boolean, now: Date): Promise<'marked' | 'not-found' | 'not-confirmed'> {
  const { rows } = await db.query<{ status: string }>('SELECT status FROM signups WHERE id = $1 AND session_id = $2', [signupId, sessionId]);
  if (!rows[0]) return 'not-found';
  if (rows[0].status !== 'confirmed') return 'not-confirmed';
  await db.query('UPDATE signups SET attended_at = CASE WHEN $2 THEN coalesce(attended_at, $3) END WHERE id = $1', [signupId, attended, now]);
  return 'marked';
}
