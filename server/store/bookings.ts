import { CONSENT_VERSION, type BookingConfirmResult } from '../../src/contract/index.js';
import type { Db, Queryable } from '../db/types.js';
import { cancelled, waitlisted } from '../mail/templates/booking.js';
import { mailBase, mailTo, newLink, type MailContext } from './booking-mail.js';
import { loadBooking, loadSession, queuePosition, viewOf, type BookingRow, type LoadedSession, type MemberBookingView } from './booking-rows.js';
import { lockSeries } from './bookings-series.js';
import { endBooking, expireLapsed, holdLapsed, mailPlaceBooked } from './holds.js';
import { invalidateReads } from './read-cache.js';
import { findToken, hashToken } from './tokens.js';

/** Why a token gets no booking: forged or the wrong kind, already used, past its session, or too late to confirm. */
export type TokenProblem = 'token-invalid' | 'token-used' | 'token-expired' | 'session-started';
export type TokenOutcome<T> = { kind: 'ok'; value: T } | { kind: TokenProblem };

/** The session as it is after this transaction's change (spaces given back). */
const reloaded = async (tx: Queryable, loaded: LoadedSession) => (await loadSession(tx, loaded.session.id, false))!;

type Opened = { kind: 'open'; loaded: LoadedSession; booking: BookingRow };

/**
 * The booking a token opens, with its session: a forged or wrong-kind token opens nothing, and
 * none opens anything once its session has ended. `lock` for a change (the rows stay locked).
 */
async function openBooking(
  tx: Queryable,
  token: string,
  purpose: 'confirm' | 'manage',
  now: Date,
  lock: boolean,
): Promise<Opened | { kind: 'token-invalid' | 'token-expired' }> {
  const found = await findToken(tx, token);
  if (!found || found.purpose !== purpose) return { kind: 'token-invalid' };
  const loaded = (await loadSession(tx, found.session_id, lock))!;
  if (now >= loaded.endsAt) return { kind: 'token-expired' };
  return { kind: 'open', loaded, booking: await loadBooking(tx, found.signup_id, lock) };
}

const ok = <T>(value: T): TokenOutcome<T> => ({ kind: 'ok', value });

export type MemberConfirmResult = MemberBookingView & Pick<BookingConfirmResult, 'manageToken'>;

/**
 * The member followed the confirmation link: the held place (or waiting-list slot) becomes
 * theirs and their consents are recorded now, as given by the owner of the address.
 */
export async function confirmBooking(db: Db, token: string, ctx: MailContext): Promise<TokenOutcome<MemberConfirmResult>> {
  let freed = false;
  const outcome = await db.transaction(async (tx): Promise<TokenOutcome<MemberConfirmResult>> => {
    // A series' link confirms all its places: their sessions are locked first (bookings-series.ts).
    const series = await lockSeries(tx, { tokenHash: hashToken(token) });
    const opened = await openBooking(tx, token, 'confirm', ctx.now, true);
    if (opened.kind !== 'open') return opened;
    const { loaded, booking } = opened;
    const rest = series.filter((id) => id !== booking.id);
    if (booking.status === 'confirmed' || booking.status === 'waitlisted') return { kind: 'token-used' };
    if (booking.status !== 'pending') return ok(await viewOf(tx, booking, loaded));
    if (ctx.now >= loaded.startsAt || holdLapsed(booking, ctx.now)) {
      const ended = await endBooking(tx, ctx, booking, loaded, 'expired');
      // The rest of a series was held until the same moment (never past its first start): it lapses too.
      await expireLapsed(tx, ctx, rest);
      freed = true;
      return ctx.now >= loaded.startsAt ? { kind: 'session-started' } : ok(await viewOf(tx, ended, await reloaded(tx, loaded)));
    }

    await tx.query('UPDATE booking_tokens SET used_at = $2 WHERE hash = $1', [hashToken(token), ctx.now]);
    const { now, manage } = await confirmHeld(tx, ctx, booking, loaded);
    for (const id of rest) {
      const other = await loadBooking(tx, id, true);
      if (other.status === 'pending') await confirmHeld(tx, ctx, other, (await loadSession(tx, other.session_id, true))!);
    }
    return ok({ ...(await viewOf(tx, now, loaded)), manageToken: manage.token });
  });
  if (freed) invalidateReads(db);
  return outcome;
}

/** A held place (or waiting-list slot) becomes the member's: consents recorded now, a manage link, and the email saying so. */
async function confirmHeld(tx: Queryable, ctx: MailContext, booking: BookingRow, loaded: LoadedSession) {
  const status = booking.hold === 'place' ? 'confirmed' : 'waitlisted';
  await tx.query(
    `UPDATE signups SET status = $2, confirmed_at = $3, consent_at = $3, consent_version = $4, hold_expires_at = NULL WHERE id = $1`,
    [booking.id, status, ctx.now, CONSENT_VERSION],
  );
  const now = { ...booking, status, hold_expires_at: null } as const;
  const manage = await newLink(tx, ctx, now, 'manage');
  if (status === 'confirmed') await mailPlaceBooked(tx, ctx, now, loaded, 'confirmed', manage.link);
  else {
    const position = (await queuePosition(tx, now))!;
    const email = waitlisted({ ...mailBase(now, loaded, ctx.mail), link: manage.link, position });
    await mailTo(tx, ctx, now, loaded, { kind: 'waitlisted', email });
  }
  return { now, manage };
}

/** The booking behind a manage link. Reads only: a lapsed hold shows as expired until the sweep records it. */
export async function viewBooking(db: Db, token: string, ctx: MailContext): Promise<TokenOutcome<MemberBookingView>> {
  return db.transaction(async (tx) => {
    const opened = await openBooking(tx, token, 'manage', ctx.now, false);
    if (opened.kind !== 'open') return opened;
    const { loaded, booking } = opened;
    return ok(await viewOf(tx, holdLapsed(booking, ctx.now) ? { ...booking, status: 'expired', hold: null } : booking, loaded));
  });
}

/**
 * Cancels the booking behind a manage link; a freed place goes to the first on the waiting
 * list in the same transaction. Cancelling again answers the cancelled booking and emails nothing.
 */
export async function cancelBooking(db: Db, token: string, ctx: MailContext): Promise<TokenOutcome<MemberBookingView>> {
  let changed = false;
  const outcome = await db.transaction(async (tx): Promise<TokenOutcome<MemberBookingView>> => {
    const opened = await openBooking(tx, token, 'manage', ctx.now, true);
    if (opened.kind !== 'open') return opened;
    const { loaded, booking } = opened;
    if (booking.status === 'cancelled' || booking.status === 'expired') return ok(await viewOf(tx, booking, loaded));
    if (ctx.now >= loaded.startsAt) return { kind: 'session-started' };
    const ended = await endBooking(tx, ctx, booking, loaded, 'cancelled');
    changed = true;
    await mailTo(tx, ctx, ended, loaded, { kind: 'cancelled', email: cancelled(mailBase(ended, loaded, ctx.mail)) });
    return ok(await viewOf(tx, ended, await reloaded(tx, loaded)));
  });
  if (changed) invalidateReads(db);
  return outcome;
}
