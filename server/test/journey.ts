import assert from 'node:assert/strict';
import type { Db } from '../db/types.js';
import type { MailKind } from '../mail/outbox.js';

/** Helpers for the member's journey: what the outbox holds, and the tokens its links carry. */

export interface OutboxRow {
  id: string;
  kind: MailKind;
  signup_id: number;
  to_address: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  ics: string | null;
  due_at: Date;
  attempts: number;
  sent_at: Date | null;
  failed_at: Date | null;
  cancelled_at: Date | null;
}

export async function outbox(db: Db, where = 'TRUE', params: unknown[] = []): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>(`SELECT * FROM outbox WHERE ${where} ORDER BY id`, params);
  return rows;
}

/** The newest email of this kind to this address, not yet sent (so its body is still there). */
export async function mailTo(db: Db, email: string, kind: MailKind): Promise<OutboxRow> {
  const rows = await outbox(db, 'lower(to_address) = lower($1) AND kind = $2', [email, kind]);
  const row = rows.at(-1);
  assert.ok(row, `no ${kind} email to ${email}`);
  return row;
}

/** The token in a link of this email's text: `confirm` or `booking` (manage). */
export function tokenIn(text: string | null, which: 'confirm' | 'booking'): string {
  const match = new RegExp(`#mobilise-${which}=([A-Za-z0-9_-]{43})`).exec(text ?? '');
  assert.ok(match, `no ${which} link in:\n${text}`);
  return match[1]!;
}

export function postBooking(url: string, action: 'confirm' | 'view' | 'cancel', token: unknown): Promise<Response> {
  return fetch(`${url}/v1/bookings/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
  });
}

export async function statusOf(db: Db, email: string, sessionId: string): Promise<{ status: string; hold: string | null }> {
  const { rows } = await db.query<{ status: string; hold: string | null }>(
    'SELECT status, hold FROM signups WHERE session_id = $1 AND lower(email) = lower($2) ORDER BY id DESC LIMIT 1',
    [sessionId, email],
  );
  return rows[0]!;
}
