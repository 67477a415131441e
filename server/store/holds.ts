import type { Db, Queryable } from '../db/types.js';
import { cancelQueued } from '../mail/outbox.js';
import { confirmed, placeOffered, promoted } from '../mail/templates/booking.js';
import { reminder } from '../mail/templates/session.js';
import { mailBase, mailTo, newLink, type MailContext } from './booking-mail.js';
import { loadBooking, loadSession, type BookingRow, type LoadedSession } from './booking-rows.js';
import { lockSeries } from './bookings-series.js';
import { joiningFor } from './joining.js';
import { invalidateReads } from './read-cache.js';

/** The confirmation of a place for good (with the .ics), and its reminder scheduled before the session. */
export async function mailPlaceBooked(
  tx: Queryable,
  ctx: MailContext,
  booking: BookingRow,
  loaded: LoadedSession,
  how: 'confirmed' | 'promoted',
  link: string,
): Promise<void> {
  const base = { ...mailBase(booking, loaded, ctx.mail), ...joiningFor(booking.status, loaded.session, loaded.joining) };
  await mailTo(tx, ctx, booking, loaded, { kind: how, email: (how === 'confirmed' ? confirmed : promoted)({ ...base, link }), withIcs: true });
  await scheduleReminder(tx, ctx, booking, loaded, link);
}

export async function scheduleReminder(tx: Queryable, ctx: MailContext, booking: BookingRow, loaded: LoadedSession, link: string) {
  if (ctx.mail.reminderHours === 0) return;
  const dueAt = new Date(loaded.startsAt.getTime() - ctx.mail.reminderHours * 3_600_000);
  // Booked within the reminder window: the confirmation is reminder enough.
  if (dueAt <= ctx.now) return;
  const email = reminder({ ...mailBase(booking, loaded, ctx.mail), ...joiningFor(booking.status, loaded.session, loaded.joining), link });
  await mailTo(tx, ctx, booking, loaded, { kind: 'reminder', email, dueAt });
}

/**
 * A place came free (a cancellation or a lapsed hold): the first on the waiting list takes it —
 * booked at once if they had confirmed, else holding it pending — or the session gets a space back.
 * The caller holds the session's row lock, so two frees never promote the same person.
 */
export async function freePlace(tx: Queryable, ctx: MailContext, loaded: LoadedSession): Promise<void> {
  const { rows } = await tx.query<{ id: number }>(
    `SELECT id FROM signups WHERE session_id = $1 AND hold = 'waitlist' AND status IN ('pending', 'waitlisted')
      ORDER BY position, id LIMIT 1 FOR UPDATE`,
    [loaded.session.id],
  );
  if (!rows[0] || loaded.session.status === 'cancelled') {
    await tx.query(
      `UPDATE sessions SET spaces_left = spaces_left + 1, status = CASE WHEN status = 'full' THEN 'scheduled' ELSE status END
        WHERE id = $1`,
      [loaded.session.id],
    );
    return;
  }
  const next = await loadBooking(tx, rows[0].id, false);
  if (next.status === 'waitlisted') {
    await tx.query(`UPDATE signups SET status = 'confirmed', hold = 'place' WHERE id = $1`, [next.id]);
    const { link } = await newLink(tx, ctx, next, 'manage');
    await mailPlaceBooked(tx, ctx, { ...next, status: 'confirmed', hold: 'place' }, loaded, 'promoted', link);
  } else {
    await tx.query(`UPDATE signups SET hold = 'place' WHERE id = $1`, [next.id]);
    const { link } = await newLink(tx, ctx, next, 'confirm');
    const expiresAt = new Date(next.hold_expires_at!).toISOString();
    await mailTo(tx, ctx, next, loaded, {
      kind: 'place-offered',
      email: placeOffered({ ...mailBase(next, loaded, ctx.mail), link, expiresAt }),
    });
  }
}

/** Ends a live booking (expired or cancelled) and gives back what it held. Both rows are locked by the caller. */
export async function endBooking(
  tx: Queryable,
  ctx: MailContext,
  booking: BookingRow,
  loaded: LoadedSession,
  status: 'expired' | 'cancelled',
): Promise<BookingRow> {
  await tx.query(`UPDATE signups SET status = $2, hold = NULL, ended_at = $3 WHERE id = $1`, [booking.id, status, ctx.now]);
  await cancelQueued(tx, booking.id, ['reminder'], ctx.now);
  if (booking.hold === 'place') await freePlace(tx, ctx, loaded);
  return { ...booking, status, hold: null };
}

export const holdLapsed = (booking: BookingRow, now: Date) =>
  booking.status === 'pending' && booking.hold_expires_at !== null && new Date(booking.hold_expires_at) <= now;

/**
 * Ends every hold among `signupIds` that has lapsed; the caller holds their sessions' locks
 * (bookings-series.ts). Returns how many it ended.
 */
export async function expireLapsed(tx: Queryable, ctx: MailContext, signupIds: number[]): Promise<number> {
  let expired = 0;
  for (const id of signupIds) {
    const booking = await loadBooking(tx, id, true);
    if (!holdLapsed(booking, ctx.now)) continue;
    await endBooking(tx, ctx, booking, (await loadSession(tx, booking.session_id, true))!, 'expired');
    expired++;
  }
  return expired;
}

/**
 * Expires every unconfirmed hold that is due, each with the rest of its series in its own
 * transaction (sessions locked first, then the bookings, re-checked under the locks). Run
 * periodically by the background loop; tests call it with their own clock. Returns how many expired.
 */
export async function expireHolds(db: Db, ctx: MailContext, batch = 200): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM signups WHERE status = 'pending' AND hold_expires_at <= $1 ORDER BY hold_expires_at, id LIMIT $2`,
    [ctx.now, batch],
  );
  let expired = 0;
  for (const row of rows) {
    expired += await db.transaction(async (tx) => expireLapsed(tx, ctx, await lockSeries(tx, { signupId: row.id })));
  }
  if (expired > 0) invalidateReads(db);
  return expired;
}
