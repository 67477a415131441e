import type { Queryable } from '../db/types.js';

/**
 * Module requests under members' data rights (data-rights.ts) and retention (retention.ts).
 * A request is the address, the page it was made on and its language: nothing of it is worth
 * keeping without the person, so erasure and retention delete the row, and the address and
 * text of its emails with it (the outbox rows stay, as "erased", for the record of what was sent).
 */

type Instant = Date | string | null;
const iso = (value: Instant) => (value === null ? null : new Date(value).toISOString());

export interface HeldRequest {
  moduleId: string;
  moduleTitle: string;
  area: string;
  status: string;
  email: string;
  language: string;
  page: string;
  createdAt: string;
  confirmedAt: string | null;
  consentVersion: string | null;
  notifiedAt: string | null;
  notifiedSessionId: string | null;
}

/** Every request made with this address (any letter case). */
export async function requestsOf(db: Queryable, email: string): Promise<HeldRequest[]> {
  const { rows } = await db.query<{
    module_id: string;
    title: string;
    area: string;
    status: string;
    email: string;
    locale: string;
    return_url: string;
    created_at: Date | string;
    confirmed_at: Instant;
    consent_version: string | null;
    notified_at: Instant;
    notified_session_id: string | null;
  }>(
    `SELECT r.*, m.title FROM module_requests r JOIN modules m ON m.id = r.module_id WHERE lower(r.email) = lower($1) ORDER BY r.created_at, r.id`,
    [email],
  );
  return rows.map((r) => ({
    moduleId: r.module_id,
    moduleTitle: r.title,
    area: r.area,
    status: r.status,
    email: r.email,
    language: r.locale,
    page: r.return_url,
    createdAt: iso(r.created_at)!,
    confirmedAt: iso(r.confirmed_at),
    consentVersion: r.consent_version,
    notifiedAt: iso(r.notified_at),
    notifiedSessionId: r.notified_session_id,
  }));
}

/** Deletes these requests; their emails not yet sent are cancelled, and every one loses its address and text. */
async function deleteRequests(tx: Queryable, ids: number[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  await tx.query(
    `UPDATE outbox SET cancelled_at = $2 WHERE module_request_id = ANY($1) AND sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL`,
    [ids, now],
  );
  await tx.query(
    `UPDATE outbox SET to_address = 'erased', text_body = NULL, html_body = NULL, ics = NULL, last_error = NULL WHERE module_request_id = ANY($1)`,
    [ids],
  );
  const { rowCount } = await tx.query('DELETE FROM module_requests WHERE id = ANY($1)', [ids]);
  return rowCount;
}

/** Erasure: every request of this address. */
export async function eraseRequests(tx: Queryable, email: string, now: Date): Promise<number> {
  const { rows } = await tx.query<{ id: number }>('SELECT id FROM module_requests WHERE lower(email) = lower($1) FOR UPDATE', [email]);
  return deleteRequests(
    tx,
    rows.map((r) => r.id),
    now,
  );
}

/**
 * Retention: a request never confirmed once its link has lapsed (no consent was ever given), and
 * any other whose last news (made, confirmed, or answered with a session) is older than `cutoff`.
 */
export async function purgeRequests(tx: Queryable, now: Date, cutoff: Date): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `SELECT id FROM module_requests
      WHERE (status = 'pending' AND token_expires_at < $1) OR coalesce(notified_at, confirmed_at, created_at) < $2
      ORDER BY id FOR UPDATE`,
    [now, cutoff],
  );
  return deleteRequests(
    tx,
    rows.map((r) => r.id),
    now,
  );
}
