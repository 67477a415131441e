import type { Queryable } from '../db/types.js';
import type { Email } from './templates/layout.js';

export const MAIL_KINDS = [
  'confirm-place',
  'confirmed',
  'waitlisted',
  'promoted',
  'place-offered',
  'already-booked',
  'cancelled',
  'reminder',
  'session-changed',
  'session-cancelled',
  'organiser-sign-in',
  'request-confirm',
  'request-session',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface OutboxMessage {
  kind: MailKind;
  /** The booking it reports; none for an organiser's email. */
  signupId?: number;
  /** The module request it answers (request-confirm, request-session). */
  moduleRequestId?: number;
  to: string;
  email: Email;
  /** An iCalendar file to attach. */
  ics?: string;
  /** Not before this instant (reminders are scheduled); now by default. */
  dueAt?: Date;
}

/**
 * Writes an email in the caller's transaction: it exists if and only if the change it reports
 * was committed. The delivery worker (worker.ts) sends it afterwards.
 */
export async function enqueue(tx: Queryable, message: OutboxMessage, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO outbox (kind, signup_id, to_address, subject, text_body, html_body, ics, due_at, created_at, module_request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      message.kind,
      message.signupId ?? null,
      message.to,
      message.email.subject,
      message.email.text,
      message.email.html,
      message.ics ?? null,
      message.dueAt ?? now,
      now,
      message.moduleRequestId ?? null,
    ],
  );
}

/** Drops a booking's emails not yet sent (a reminder after a cancellation, say). */
export async function cancelQueued(tx: Queryable, signupId: number, kinds: readonly MailKind[], now: Date): Promise<void> {
  await tx.query(
    `UPDATE outbox SET cancelled_at = $3, text_body = NULL, html_body = NULL, ics = NULL
      WHERE signup_id = $1 AND kind = ANY($2) AND sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL`,
    [signupId, [...kinds], now],
  );
}
