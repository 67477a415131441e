import type { Db, Queryable } from '../db/types.js';
import { cancelQueued } from '../mail/outbox.js';
import { sessionCancelled, sessionChanged } from '../mail/templates/session.js';
import { mailBase, mailTo, newLink, type MailContext } from './booking-mail.js';
import { liveBookings, loadBooking, loadSession } from './booking-rows.js';
import { scheduleReminder } from './holds.js';
import { joiningFor } from './joining.js';
import { invalidateReads } from './read-cache.js';

/**
 * Organisers' changes to a session, told to everyone booked on it (pending, confirmed and
 * waitlisted) in the same transaction. Called by the admin API (routes/admin-sessions.ts).
 */

export interface SessionTimes {
  start: Date;
  end: Date;
}

/** New times: each booking gets the new details with an updated .ics, and reminders move with the session. */
export async function rescheduleSession(db: Db, sessionId: string, times: SessionTimes, ctx: MailContext & { note?: string }): Promise<number> {
  const told = await db.transaction((tx) => rescheduleIn(tx, sessionId, times, ctx));
  invalidateReads(db);
  return told;
}

/** rescheduleSession inside the caller's transaction (an admin edit that also changes other fields); the caller invalidates reads. */
export async function rescheduleIn(tx: Queryable, sessionId: string, times: SessionTimes, ctx: MailContext & { note?: string }): Promise<number> {
  if (!(await loadSession(tx, sessionId, true))) return 0;
  await tx.query('UPDATE sessions SET starts_at = $2, ends_at = $3 WHERE id = $1', [sessionId, times.start, times.end]);
  const loaded = (await loadSession(tx, sessionId, false))!;
  const bookings = await liveBookings(tx, sessionId);
  for (const booking of bookings) {
    const { link } = await newLink(tx, ctx, booking, booking.status === 'pending' ? 'confirm' : 'manage');
    const joining = joiningFor(booking.status, loaded.session, loaded.joining);
    const email = sessionChanged({ ...mailBase(booking, loaded, ctx.mail), ...joining, link, ...(ctx.note ? { note: ctx.note } : {}) });
    await mailTo(tx, ctx, booking, loaded, { kind: 'session-changed', email, withIcs: booking.status !== 'pending' });
    await cancelQueued(tx, booking.id, ['reminder'], ctx.now);
    if (booking.status === 'confirmed') await scheduleReminder(tx, ctx, booking, loaded, link);
  }
  return bookings.length;
}

/**
 * The session's details changed without a move (its joining details, or how it runs): each
 * reminder still queued is written again from the session as it is now, so it carries the new
 * link. Nobody is emailed now; a booking whose reminder has gone gets none.
 */
export async function refreshReminders(tx: Queryable, sessionId: string, ctx: MailContext): Promise<void> {
  const loaded = (await loadSession(tx, sessionId, false))!;
  const { rows } = await tx.query<{ signup_id: number }>(
    `SELECT DISTINCT o.signup_id FROM outbox o JOIN signups s ON s.id = o.signup_id
      WHERE s.session_id = $1 AND s.status = 'confirmed' AND o.kind = 'reminder'
        AND o.sent_at IS NULL AND o.failed_at IS NULL AND o.cancelled_at IS NULL`,
    [sessionId],
  );
  for (const { signup_id } of rows) {
    const booking = await loadBooking(tx, signup_id, false);
    await cancelQueued(tx, booking.id, ['reminder'], ctx.now);
    await scheduleReminder(tx, ctx, booking, loaded, (await newLink(tx, ctx, booking, 'manage')).link);
  }
}

/** Cancels the session: every live booking ends, its reminder is dropped, and each member is told. */
export async function cancelSession(db: Db, sessionId: string, ctx: MailContext & { note?: string }): Promise<number> {
  const told = await db.transaction(async (tx) => {
    if (!(await loadSession(tx, sessionId, true))) return 0;
    await tx.query(`UPDATE sessions SET status = 'cancelled' WHERE id = $1`, [sessionId]);
    const loaded = (await loadSession(tx, sessionId, false))!;
    const bookings = await liveBookings(tx, sessionId);
    for (const booking of bookings) {
      await tx.query(`UPDATE signups SET status = 'cancelled', hold = NULL, ended_at = $2 WHERE id = $1`, [booking.id, ctx.now]);
      await cancelQueued(tx, booking.id, ['reminder'], ctx.now);
      const email = sessionCancelled({ ...mailBase(booking, loaded, ctx.mail), ...(ctx.note ? { note: ctx.note } : {}) });
      await mailTo(tx, ctx, booking, loaded, { kind: 'session-cancelled', email, withIcs: booking.status === 'confirmed' });
    }
    return bookings.length;
  });
  invalidateReads(db);
  return told;
}
