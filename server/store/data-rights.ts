import type { EraseResult, PersonData } from '../../src/contract/data-rights.js';
import type { Db, Queryable } from '../db/types.js';
import type { MailContext } from './booking-mail.js';
import { LIVE, loadBooking, loadSession } from './booking-rows.js';
import { endBooking } from './holds.js';
import { dropOrphanPathways, pathwayOf } from './pathway.js';
import { eraseRequests, requestsOf } from './module-request-data.js';
import { invalidateReads } from './read-cache.js';

/**
 * Members' data rights (UK GDPR): everything held about an address (subject access) and its
 * erasure. Tables with personal data: signups (name, email, phone, postcode, membership, CLP,
 * access needs, consents), outbox (address, and bodies until sent); booking_tokens and
 * signup_requests hold only hashes and keys, listed because they hang off the person's signups;
 * pathway_tokens and pathway_choices hang off the address itself (lower(email)).
 */

/** Replaces the email of an erased signup: unique per row (the live-booking index), and says nothing of the person. */
export const ERASED = 'erased';
const ERASED_EMAIL_SQL = `'${ERASED}:' || id`;

type Instant = Date | string | null;
const iso = (value: Instant) => (value === null ? null : new Date(value).toISOString());

interface SignupFull {
  id: number;
  reference: string;
  idempotency_key: string;
  status: string;
  session_id: string;
  module_id: string;
  module_title: string;
  starts_at: Date | string;
  area: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  postcode: string;
  membership: string;
  clp: string | null;
  access_needs: string | null;
  consent_contact: boolean;
  consent_marketing: boolean;
  consent_at: Instant;
  consent_version: string | null;
  privacy_url: string | null;
  return_url: string | null;
  created_at: Date | string;
  confirmed_at: Instant;
  ended_at: Instant;
  hold_expires_at: Instant;
}

async function signupsOf(db: Queryable, email: string): Promise<SignupFull[]> {
  const { rows } = await db.query<SignupFull>(
    `SELECT s.*, se.module_id, m.title AS module_title, se.starts_at, se.area
       FROM signups s JOIN sessions se ON se.id = s.session_id JOIN modules m ON m.id = se.module_id
      WHERE lower(s.email) = lower($1) ORDER BY s.created_at, s.id`,
    [email],
  );
  return rows;
}

const mailStatus = (row: { sent_at: Instant; failed_at: Instant; cancelled_at: Instant }) =>
  row.sent_at ? 'sent' : row.cancelled_at ? 'cancelled' : row.failed_at ? 'failed' : 'queued';

/** Every row held about this address (case-insensitive), and nothing about anyone else. */
export async function findPerson(db: Queryable, email: string, now: Date): Promise<PersonData> {
  const signups = await signupsOf(db, email);
  const ids = signups.map((s) => s.id);
  const tokens = await db.query<{ reference: string; purpose: string; created_at: Date; used_at: Instant }>(
    `SELECT s.reference, t.purpose, t.created_at, t.used_at FROM booking_tokens t JOIN signups s ON s.id = t.signup_id
      WHERE t.signup_id = ANY($1) ORDER BY s.id, t.created_at, t.purpose`,
    [ids],
  );
  const emails = await db.query<{ reference: string | null; kind: string; subject: string; due_at: Date; sent_at: Instant; failed_at: Instant; cancelled_at: Instant }>(
    `SELECT s.reference, o.kind, o.subject, o.due_at, o.sent_at, o.failed_at, o.cancelled_at
       FROM outbox o LEFT JOIN signups s ON s.id = o.signup_id
      WHERE lower(o.to_address) = lower($1) OR o.signup_id = ANY($2) ORDER BY o.id`,
    [email, ids],
  );
  const requests = await db.query<{ idempotency_key: string; session_id: string; hold: string; created_at: Date }>(
    `SELECT idempotency_key, session_id, hold, created_at FROM signup_requests WHERE idempotency_key = ANY($1) ORDER BY created_at`,
    [signups.map((s) => s.idempotency_key)],
  );
  const referenceOfKey = new Map(signups.map((s) => [s.idempotency_key, s.reference]));
  const pathway = await pathwayOf(db, email);
  return {
    email,
    generatedAt: now.toISOString(),
    signups: signups.map((s) => ({
      reference: s.reference,
      status: s.status,
      sessionId: s.session_id,
      moduleId: s.module_id,
      moduleTitle: s.module_title,
      sessionStart: iso(s.starts_at)!,
      area: s.area,
      firstName: s.first_name,
      lastName: s.last_name,
      email: s.email,
      phone: s.phone,
      postcode: s.postcode,
      membership: s.membership,
      clp: s.clp,
      accessNeeds: s.access_needs,
      consent: {
        contact: s.consent_contact,
        marketing: s.consent_marketing,
        givenAt: iso(s.consent_at),
        wordingVersion: s.consent_version,
        privacyUrl: s.privacy_url,
      },
      returnUrl: s.return_url,
      createdAt: iso(s.created_at)!,
      confirmedAt: iso(s.confirmed_at),
      endedAt: iso(s.ended_at),
      holdExpiresAt: iso(s.hold_expires_at),
    })),
    bookingLinks: tokens.rows.map((t) => ({ reference: t.reference, purpose: t.purpose, linkIssuedAt: iso(t.created_at)!, usedAt: iso(t.used_at) })),
    emails: emails.rows.map((e) => ({
      reference: e.reference,
      kind: e.kind,
      subject: e.subject,
      status: mailStatus(e),
      dueAt: iso(e.due_at)!,
      sentAt: iso(e.sent_at),
    })),
    signupRequests: requests.rows.map((r) => ({
      reference: referenceOfKey.get(r.idempotency_key)!,
      sessionId: r.session_id,
      hold: r.hold,
      receivedAt: iso(r.created_at)!,
    })),
    moduleRequests: await requestsOf(db, email),
    pathway,
  };
}

export interface Scrubbed {
  signups: number;
  emailsCancelled: number;
  emailBodiesRemoved: number;
  bookingLinksDeleted: number;
  signupRequests: number;
  pathwayLinksDeleted: number;
}

/**
 * Replaces the personal data of these signups in place: status, session, position and timestamps
 * stay, so counts and history stay right. Their unsent emails are cancelled, every email's address
 * and body go, their booking links are deleted, and their request fingerprints (a hash of the
 * form's answers, guessable from them) are replaced. Emails to `email` with no signup go too.
 */
export async function scrubSignups(tx: Queryable, ids: readonly number[], now: Date, email?: string): Promise<Scrubbed> {
  const signups = await tx.query(
    `UPDATE signups SET first_name = '${ERASED}', last_name = '${ERASED}', email = ${ERASED_EMAIL_SQL}, phone = NULL,
            postcode = '${ERASED}', membership = '${ERASED}', clp = NULL, access_needs = NULL,
            consent_contact = false, consent_marketing = false, consent_at = NULL, consent_version = NULL, privacy_url = NULL,
            return_url = NULL, request_hash = '${ERASED}'
      WHERE id = ANY($1) AND email NOT LIKE '${ERASED}:%'
      RETURNING idempotency_key`,
    [ids],
  );
  const mine = `(signup_id = ANY($1) OR lower(to_address) = lower($2))`;
  const cancelled = await tx.query(
    `UPDATE outbox SET cancelled_at = $3 WHERE ${mine} AND sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL`,
    [ids, email ?? null, now],
  );
  const bodies = await tx.query(
    `UPDATE outbox SET to_address = '${ERASED}', text_body = NULL, html_body = NULL, ics = NULL, last_error = NULL
      WHERE ${mine} AND (to_address <> '${ERASED}' OR text_body IS NOT NULL OR html_body IS NOT NULL OR ics IS NOT NULL)`,
    [ids, email ?? null],
  );
  const tokens = await tx.query('DELETE FROM booking_tokens WHERE signup_id = ANY($1)', [ids]);
  const keys = signups.rows.map((r) => (r as { idempotency_key: string }).idempotency_key);
  const requests = await tx.query(
    `UPDATE signup_requests SET request_hash = '${ERASED}' WHERE idempotency_key = ANY($1) AND request_hash <> '${ERASED}'`,
    [keys],
  );
  // Once no signup is left under an address, its pathway links and choice go too.
  const pathwayLinks = await dropOrphanPathways(tx);
  return {
    signups: signups.rowCount,
    emailsCancelled: cancelled.rowCount,
    emailBodiesRemoved: bodies.rowCount,
    bookingLinksDeleted: tokens.rowCount,
    signupRequests: requests.rowCount,
    pathwayLinksDeleted: pathwayLinks,
  };
}

/**
 * Erases a person, in one transaction. A live booking of a session yet to end is withdrawn first,
 * as a cancellation would be (its place goes down the waiting list, its reminder is dropped): an
 * anonymous booking could be neither reminded nor told of a change, and would keep a place nobody
 * can claim. Everything else keeps its status. Erasing again finds nothing and answers zeros.
 */
export async function erasePerson(db: Db, email: string, ctx: MailContext): Promise<EraseResult> {
  const result = await db.transaction(async (tx) => {
    const signups = await signupsOf(tx, email);
    let bookingsWithdrawn = 0;
    // Sessions locked in one order, each before its bookings, as every booking change does.
    const live = signups.filter((s) => (LIVE as readonly string[]).includes(s.status)).sort((a, b) => a.session_id.localeCompare(b.session_id));
    for (const s of live) {
      const loaded = await loadSession(tx, s.session_id, true);
      const booking = await loadBooking(tx, s.id, true);
      if (!loaded || loaded.endsAt <= ctx.now || !(LIVE as readonly string[]).includes(booking.status)) continue;
      await endBooking(tx, ctx, booking, loaded, 'cancelled');
      bookingsWithdrawn++;
    }
    const scrubbed = await scrubSignups(
      tx,
      signups.map((s) => s.id),
      ctx.now,
      email,
    );
    return { ...scrubbed, bookingsWithdrawn, moduleRequests: await eraseRequests(tx, email, ctx.now) };
  });
  if (result.bookingsWithdrawn > 0) invalidateReads(db);
  return result;
}

/** The subject-access copy to hand to the person: the same data as the JSON, in plain words. */
export function renderPersonText(data: PersonData): string {
  const lines = [`Data held about ${data.email}`, `As of ${data.generatedAt}`, ''];
  const none = (what: string) => lines.push(`No ${what}.`, '');
  if (data.signups.length === 0) none('signups');
  for (const s of data.signups) {
    lines.push(
      `Signup ${s.reference}: ${s.moduleTitle} (${s.area}), session ${s.sessionId} starting ${s.sessionStart}`,
      `  Status: ${s.status}; made ${s.createdAt}${s.confirmedAt ? `; confirmed ${s.confirmedAt}` : ''}${s.endedAt ? `; ended ${s.endedAt}` : ''}`,
      `  Name: ${s.firstName} ${s.lastName}`,
      `  Email: ${s.email}`,
      `  Phone: ${s.phone ?? '(none)'}`,
      `  Postcode: ${s.postcode}`,
      `  Membership: ${s.membership}`,
      `  CLP: ${s.clp ?? '(none)'}`,
      `  Access needs: ${s.accessNeeds ?? '(none)'}`,
      `  Consent to contact about this session: ${s.consent.contact ? 'yes' : 'no'}; to other news: ${s.consent.marketing ? 'yes' : 'no'}`,
      `  Consent recorded: ${s.consent.givenAt ?? 'not yet (not confirmed)'}${s.consent.wordingVersion ? `, wording ${s.consent.wordingVersion}` : ''}${s.consent.privacyUrl ? `, privacy notice ${s.consent.privacyUrl}` : ''}`,
      `  Signed up on the page: ${s.returnUrl ?? '(none)'}`,
      '',
    );
  }
  if (data.bookingLinks.length === 0) none('booking links');
  else lines.push('Booking links emailed (only a fingerprint of each is kept):', ...data.bookingLinks.map((t) => `  ${t.reference}: ${t.purpose} link issued at ${t.linkIssuedAt}${t.usedAt ? `, used ${t.usedAt}` : ''}`), '');
  if (data.emails.length === 0) none('emails');
  else lines.push('Emails:', ...data.emails.map((e) => `  ${e.dueAt} ${e.kind} "${e.subject}" ${e.status}${e.sentAt ? ` ${e.sentAt}` : ''}`), '');
  const pathway = data.pathway ?? { links: [], choice: null };
  if (pathway.links.length === 0) none('pathway links');
  else lines.push('Pathway links emailed (only a fingerprint of each is kept):', ...pathway.links.map((l) => `  issued at ${l.linkIssuedAt}${l.lastUsedAt ? `, last opened ${l.lastUsedAt}` : ''}`), '');
  if (pathway.choice) lines.push(`Pathway chosen: ${pathway.choice.audience} (${pathway.choice.chosenAt})`, '');
  const asked = data.moduleRequests ?? [];
  if (asked.length === 0) none('module requests');
  for (const r of asked) {
    lines.push(
      `Asked to hear of sessions of ${r.moduleTitle} in ${r.area}, ${r.createdAt}: ${r.status}`,
      `  Email: ${r.email}; language ${r.language}; asked on the page ${r.page}`,
      `  Confirmed: ${r.confirmedAt ? `${r.confirmedAt}${r.consentVersion ? `, wording ${r.consentVersion}` : ''}` : 'not yet'}${r.notifiedAt ? `; emailed about session ${r.notifiedSessionId} at ${r.notifiedAt}` : ''}`,
      '',
    );
  }
  if (data.signupRequests.length === 0) none('signup requests kept for retries');
  else lines.push('Signup requests kept for retries:', ...data.signupRequests.map((r) => `  ${r.reference}: received ${r.receivedAt} (${r.hold})`), '');
  return lines.join('\n');
}
