import type { BookingView, ContentLocale, Module, Session } from '../../src/contract/index.js';
import type { Queryable } from '../db/types.js';
import { toLondonIso } from '../../src/contract/london-time.js';
import type { Joining } from '../../src/contract/admin.js';
import { joiningFor, joiningFromRow, type JoiningColumns } from './joining.js';
import { sessionFromRow, type SessionRow } from './rows.js';

/** A session with its module's title, as bookings and their emails need it. */
export interface LoadedSession {
  session: Session;
  title: string;
  summary: string;
  /** The module's Gaelic and Welsh text ({} for none), for emails in the member's language. */
  moduleTranslations: NonNullable<Module['translations']>;
  startsAt: Date;
  endsAt: Date;
  signupDeadline: Date | null;
  /** An unpublished session takes no new signups (its existing bookings still work). */
  published: boolean;
  /** For confirmed members only (joining.ts). */
  joining?: Joining;
  /** The module's "before you come" checklist and "after the session" step, in English (translations in moduleTranslations). */
  prepare: { beforeYouCome: string[]; afterSession?: string };
}

/**
 * Loads a session; `lock` takes its row lock first. Every change to a session's bookings locks
 * the session before any signup row, so promotions are serialised and never deadlock.
 */
export async function loadSession(tx: Queryable, id: string, lock: boolean): Promise<LoadedSession | undefined> {
  const { rows } = await tx.query<LoadedSessionRow>(`${SESSION_SELECT} WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`, [id]);
  return rows[0] && loadedFromRow(rows[0]);
}

/** What SESSION_SELECT returns for one session. */
export type LoadedSessionRow = SessionRow &
  JoiningColumns & {
    module_title: string;
    module_summary: string;
    module_translations: LoadedSession['moduleTranslations'];
    module_before: string[];
    module_after: string | null;
    published: boolean;
  };

/** A session with what bookings need of its module; the caller adds WHERE (signup-hold.ts reads it with more). */
export const SESSION_SELECT = `SELECT s.*, m.title AS module_title, m.summary AS module_summary, m.translations AS module_translations,
            m.before_you_come AS module_before, m.after_session AS module_after
       FROM sessions s JOIN modules m ON m.id = s.module_id`;

export function loadedFromRow(row: LoadedSessionRow): LoadedSession {
  const joining = joiningFromRow(row);
  return {
    session: sessionFromRow(row),
    title: row.module_title,
    summary: row.module_summary,
    moduleTranslations: row.module_translations,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    signupDeadline: row.signup_deadline === null ? null : new Date(row.signup_deadline),
    published: row.published,
    ...(joining ? { joining } : {}),
    prepare: { beforeYouCome: row.module_before, ...(row.module_after ? { afterSession: row.module_after } : {}) },
  };
}

export const LIVE = ['pending', 'confirmed', 'waitlisted'] as const;

export interface BookingRow {
  id: number;
  session_id: string;
  status: BookingView['status'];
  hold: 'place' | 'waitlist' | null;
  /** Queue order on the waiting list (a per-session sequence), not the live position. */
  position: number | null;
  hold_expires_at: Date | string | null;
  first_name: string;
  email: string;
  return_url: string | null;
  privacy_url: string | null;
  /** The language the member signed up in: their emails are written in it. */
  locale: ContentLocale;
}

const BOOKING_COLUMNS = 'id, session_id, status, hold, position, hold_expires_at, first_name, email, return_url, privacy_url, locale';

export async function loadBooking(tx: Queryable, id: number, lock: boolean): Promise<BookingRow> {
  const { rows } = await tx.query<BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM signups WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0]!;
}

export async function liveBookings(tx: Queryable, sessionId: string): Promise<BookingRow[]> {
  const { rows } = await tx.query<BookingRow>(
    `SELECT ${BOOKING_COLUMNS} FROM signups WHERE session_id = $1 AND status IN ('pending', 'confirmed', 'waitlisted') ORDER BY id FOR UPDATE`,
    [sessionId],
  );
  return rows;
}

/** The live place on the waiting list: 1 + how many queued ahead are still on it. */
export async function queuePosition(tx: Queryable, booking: BookingRow): Promise<number | undefined> {
  if (booking.hold !== 'waitlist' || booking.position === null) return undefined;
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM signups
      WHERE session_id = $1 AND hold = 'waitlist' AND status IN ('pending', 'waitlisted') AND position <= $2`,
    [booking.session_id, booking.position],
  );
  return rows[0]!.n;
}

/** The booking view as the server answers it: joining details for a confirmed place (routes/bookings.ts documents the field). */
export type MemberBookingView = BookingView & { joining?: Joining };

export async function viewOf(tx: Queryable, booking: BookingRow, loaded: LoadedSession): Promise<MemberBookingView> {
  const position = await queuePosition(tx, booking);
  return {
    status: booking.status,
    session: loaded.session,
    firstName: booking.first_name,
    ...(position !== undefined ? { position } : {}),
    ...(booking.status === 'pending' && booking.hold_expires_at !== null
      ? { holdExpiresAt: toLondonIso(new Date(booking.hold_expires_at)) }
      : {}),
    ...joiningFor(booking.status, loaded.session, loaded.joining),
  };
}
