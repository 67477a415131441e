import type { SignupRequest, SignupResult } from '../../src/contract/index.js';
import { named } from '../db/named.js';
import type { Queryable } from '../db/types.js';
import { confirmPlaces, HOLD_SLOT } from '../mail/templates/booking.js';
import { linkWith, mailBase } from './booking-mail.js';
import { loadedFromRow, SESSION_SELECT, type BookingRow, type LoadedSession, type LoadedSessionRow } from './booking-rows.js';
import { newPathwayLink, withLink } from './pathway.js';
import { SIGNUP_COLUMNS, SIGNUP_TYPES, signupFields, signupLocale, type SignupContext, type StoredRequest } from './signup-writes.js';
import { freshToken } from './tokens.js';

/**
 * Everything a signup for one session reads before it takes anything, in one round trip and
 * without a lock: an earlier request with this key (for a replay), the session with its module
 * (undefined if there is none), and this address's live booking for it, if any. Each is what a
 * read of its own would have seen; the hold statement and unique indexes settle races after it.
 * Each comes as one JSON value: the driver then decodes two columns, not thirty.
 */
export async function readBeforeHold(
  q: Queryable,
  request: SignupRequest,
): Promise<{ replay?: StoredRequest; loaded?: LoadedSession; existing?: number }> {
  const { rows } = await q.query<{ replay: StoredRequest | null; loaded: (LoadedSessionRow & { live_booking: number | null }) | null }>(
    `SELECT (SELECT row_to_json(r) FROM (
               SELECT request_hash, session_id, also_session_ids, hold, hold_expires_at FROM signup_requests WHERE idempotency_key = $1
             ) r) AS replay,
            (SELECT row_to_json(x) FROM (
               SELECT sm.*, (SELECT id FROM signups WHERE session_id = sm.id AND lower(email) = lower($3)
                               AND status IN ('pending', 'confirmed', 'waitlisted')) AS live_booking
                 FROM (${SESSION_SELECT} WHERE s.id = $2) sm
             ) x) AS loaded`,
    [request.idempotencyKey, request.sessionId, request.email],
    { prepare: 'signup-read' },
  );
  const { replay, loaded } = rows[0]!;
  return {
    ...(replay ? { replay } : {}),
    ...(loaded ? { loaded: loadedFromRow(loaded) } : {}),
    ...(loaded && loaded.live_booking !== null ? { existing: loaded.live_booking } : {}),
  };
}

/** What the hold statement is given: the new signup's fields, and everything written with it. */
export type HoldParams = ReturnType<typeof signupFields> & {
  /** Whether the session has a waiting list: with no place left, take a slot on it. */
  waitlist: boolean;
  token_hash: string;
  /** The pathway link's hash, when the email carries one. */
  pathway_hash: string | null;
  /** The email: its subject, its text and HTML either side of the hold's sentence, and that sentence for each hold. */
  subject: string;
} & Record<`${'text' | 'html'}_${'head' | 'tail'}` | `${'place' | 'queue'}_${'text' | 'html'}`, string>;

/** HoldParams' fields and their SQL types: the hold statements' parameters (HOLD, HOLD_MANY's rows). */
export const HOLD_TYPES: Record<keyof HoldParams, string> = {
  ...(Object.fromEntries(SIGNUP_COLUMNS.filter((c) => c !== 'hold' && c !== 'position').map((c) => [c, SIGNUP_TYPES[c]])) as Record<
    keyof ReturnType<typeof signupFields>,
    string
  >),
  waitlist: 'boolean',
  token_hash: 'text',
  pathway_hash: 'text',
  subject: 'text',
  text_head: 'text',
  text_tail: 'text',
  html_head: 'text',
  html_tail: 'text',
  place_text: 'text',
  place_html: 'text',
  queue_text: 'text',
  queue_html: 'text',
};

/**
 * What a hold writes beside each signup it books, in both hold statements: its confirm token, its
 * pathway link, its email in the outbox (the sentence for the hold it took between the email's head
 * and tail) and the request's record for replays. `from` gives the booked rows (`id`, and `took`:
 * the hold taken), `v` a field of HoldParams as the statement reads it, `order` the emails' order.
 */
export function writtenWithBooking(from: string, v: (field: keyof HoldParams) => string, order = ''): string {
  const body = (part: 'text' | 'html') =>
    `${v(`${part}_head`)} || CASE took WHEN 'place' THEN ${v(`place_${part}`)} ELSE ${v(`queue_${part}`)} END || ${v(`${part}_tail`)}`;
  const now = v('created_at');
  return `token AS (
       INSERT INTO booking_tokens (hash, signup_id, purpose, created_at) SELECT ${v('token_hash')}, id, 'confirm', ${now} FROM ${from}
     ), pathway AS (
       INSERT INTO pathway_tokens (hash, email_key, created_at)
       SELECT ${v('pathway_hash')}, lower(${v('email')}), ${now} FROM ${from} WHERE ${v('pathway_hash')} IS NOT NULL
     ), mail AS (
       INSERT INTO outbox (kind, signup_id, to_address, subject, text_body, html_body, due_at, created_at)
       SELECT 'confirm-place', id, ${v('email')}, ${v('subject')}, ${body('text')}, ${body('html')}, ${now}, ${now} FROM ${from}${order}
     ), answered AS (
       INSERT INTO signup_requests (idempotency_key, request_hash, session_id, also_session_ids, hold, hold_expires_at, created_at)
       SELECT ${v('idempotency_key')}, ${v('request_hash')}, ${v('session_id')}, '{}', took, ${v('hold_expires_at')}, ${now} FROM ${from}
     )`;
}

/**
 * The hold, one statement (see holdOne): cur locks the session row and reads whether a place is
 * left (the newest committed row); took takes the place, or the next waiting-list number (the
 * list's order is the lock's order); booked, and what is written with it, are inserted from took,
 * so with no row taken nothing is written at all.
 */
const HOLD = named<HoldParams>((p) => {
  const v = (field: keyof HoldParams) => p(field, HOLD_TYPES[field]);
  const signup = SIGNUP_COLUMNS.map((column) => (column === 'hold' ? 'took.hold' : column === 'position' ? 'took.queued' : v(column)));
  return `WITH cur AS (
       SELECT id, spaces_left > 0 AS place FROM sessions WHERE id = ${v('session_id')} AND status <> 'cancelled' FOR UPDATE
     ), took AS (
       UPDATE sessions s
          SET spaces_left = s.spaces_left - CASE WHEN cur.place THEN 1 ELSE 0 END,
              waitlist_count = s.waitlist_count + CASE WHEN cur.place THEN 0 ELSE 1 END,
              status = CASE WHEN cur.place AND s.spaces_left = 1 THEN 'full' ELSE s.status END
         FROM cur
        WHERE s.id = cur.id AND (cur.place OR ${v('waitlist')})
        RETURNING CASE WHEN cur.place THEN 'place' ELSE 'waitlist' END AS hold,
                  CASE WHEN cur.place THEN NULL ELSE s.waitlist_count END AS queued
     ), booked AS (
       INSERT INTO signups (${SIGNUP_COLUMNS.join(', ')}, status) SELECT ${signup.join(', ')}, 'pending' FROM took RETURNING id, hold AS took
     ), ${writtenWithBooking('booked', v)}
     SELECT took AS hold FROM booked`;
});

/**
 * A place, else a waiting-list slot, for a new address, with everything that goes with it, in ONE
 * statement run on its own (autocommit, HOLD above): the session's row lock is held only while
 * PostgreSQL runs it and commits, never across a round trip to this process. Everything that needs
 * no lock is done first (holdParams). One statement is one transaction: the signup, its email and
 * its record commit together or not at all. A unique index (same key, same address) aborts the
 * whole statement, counters included, and the caller looks again. Returns what was held, or why
 * nothing was. The signup route goes through hold-batch.ts instead, which runs this statement for
 * a lone signup and HOLD_MANY for several waiting on one session.
 */
export async function holdOne(q: Queryable, params: HoldParams): Promise<Held> {
  const { rows } = await q.query<{ hold: SignupResult['hold'] }>(HOLD.text, HOLD.values(params), { prepare: 'signup-hold' });
  return heldOf(rows[0]?.hold, params.waitlist);
}

export type Held = { kind: 'held'; hold: SignupResult['hold'] } | { kind: 'full' | 'closed' };

/** With nothing taken: closed if the session has a waiting list (so it is cancelled), else full. */
export const heldOf = (hold: SignupResult['hold'] | undefined, waitlist: boolean): Held =>
  hold ? { kind: 'held', hold } : waitlist ? { kind: 'closed' } : { kind: 'full' };

/**
 * Everything the hold statement is given, prepared before any lock: the token, the pathway link
 * and both possible "confirm your place" emails (which one is sent depends on what is left under
 * the lock).
 */
export function holdParams(request: SignupRequest, ctx: SignupContext, loaded: LoadedSession, holdExpiresAt: Date): HoldParams {
  const locale = signupLocale(request);
  const booking: Pick<BookingRow, 'locale' | 'return_url' | 'first_name' | 'privacy_url'> = {
    locale,
    return_url: request.returnUrl,
    first_name: request.firstName,
    privacy_url: request.privacyUrl ?? null,
  };
  const token = freshToken();
  const link = linkWith(ctx, booking, 'confirm', token.token);
  const pathway = ctx.mail.pathwayUrl ? newPathwayLink(ctx.mail.pathwayUrl, locale) : undefined;
  const base = mailBase(booking, loaded, ctx.mail);
  // Both possible emails, rendered once: which sentence is sent depends on what is left under the lock.
  const either = confirmPlaces({ ...base, link, expiresAt: holdExpiresAt.toISOString() });
  const email = pathway ? withLink(either.email, pathway.link) : either.email;
  const [text_head, text_tail] = aroundSlot(email.text);
  const [html_head, html_tail] = aroundSlot(email.html);
  return {
    ...signupFields(request, ctx, request.sessionId, holdExpiresAt),
    waitlist: loaded.session.waitlist,
    token_hash: token.hash,
    // As mailTo does: a pathway link is stored only for an email that carries it.
    pathway_hash: pathway && email.text.includes(pathway.link) ? pathway.hash : null,
    subject: email.subject,
    text_head,
    text_tail,
    html_head,
    html_tail,
    place_text: either.place.text,
    place_html: either.place.html,
    queue_text: either.waitlist.text,
    queue_html: either.waitlist.html,
  };
}

/** What comes before and after the hold's sentence (HOLD_SLOT, in one place only). */
function aroundSlot(body: string): [string, string] {
  const at = body.indexOf(HOLD_SLOT);
  if (at < 0 || body.includes(HOLD_SLOT, at + 1)) throw new Error('A confirm email needs exactly one hold slot');
  return [body.slice(0, at), body.slice(at + HOLD_SLOT.length)];
}
