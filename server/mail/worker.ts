import nodemailer from 'nodemailer';
import type { Db } from '../db/types.js';
import type { MailSettings } from './settings.js';

/** One email as the worker claimed it. */
interface Claimed {
  id: string | number;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  ics: string | null;
  attempts: number;
}

/** What the worker hands to SMTP; nodemailer's transport in production, anything in tests. */
export interface MailTransport {
  sendMail(message: Record<string, unknown>): Promise<unknown>;
  close?(): void;
}

export interface WorkerOptions {
  db: Db;
  transport: MailTransport;
  mail: MailSettings;
  now?: () => Date;
  log?: (line: string) => void;
  /** Idle poll between batches (default 1 s); a kick wakes it sooner. */
  pollMs?: number;
  /** A claim lasts this long: a worker that died mid-send lets the row go after it (default 2 min). */
  leaseMs?: number;
  /** First retry delay, doubled each attempt up to maxBackoffMs (defaults 30 s and 1 h). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** After this many attempts an email is marked failed and kept for an operator (default 10). */
  maxAttempts?: number;
  batch?: number;
}

/** Stable across retries and instances, so a resend after a crash is recognisable as the same email. */
export function messageId(id: string | number, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'mobilise.invalid';
  return `<outbox-${id}@${domain}>`;
}

export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}

/**
 * Sends the outbox over SMTP. Each batch is claimed in one short transaction (FOR UPDATE SKIP
 * LOCKED plus a lease), so any number of server instances share the outbox without sending an
 * email twice; each email is marked sent in its own committed transaction right after the
 * server's 250. A crash between the two resends it once the lease lapses, with the same
 * Message-ID. Failures are retried with exponential backoff; nothing is ever deleted.
 */
export function createMailWorker(options: WorkerOptions) {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const backoffMs = options.backoffMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const batch = options.batch ?? 20;
  const { db, transport, mail } = options;

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;

  async function claim(): Promise<Claimed[]> {
    const at = now();
    const { rows } = await db.query<Claimed>(
      `UPDATE outbox o SET locked_until = $2, attempts = o.attempts + 1
         FROM (SELECT id FROM outbox
                WHERE sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL
                  AND due_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
                ORDER BY due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) due
        WHERE o.id = due.id
        RETURNING o.id, o.kind, o.to_address, o.subject, o.text_body, o.html_body, o.ics, o.attempts`,
      [at, new Date(at.getTime() + leaseMs), batch],
    );
    return rows;
  }

  async function deliver(row: Claimed): Promise<boolean> {
    try {
      await transport.sendMail({
        from: mail.from,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        messageId: messageId(row.id, mail.from),
        ...(row.ics ? { attachments: [{ filename: 'session.ics', content: row.ics, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] } : {}),
      });
    } catch (error) {
      await failed(row, error);
      return false;
    }
    // The body goes once sent: it held a working link, and the outbox is not an archive of members' mail.
    await db.query(
      `UPDATE outbox SET sent_at = $2, locked_until = NULL, last_error = NULL, text_body = NULL, html_body = NULL, ics = NULL
        WHERE id = $1`,
      [row.id, now()],
    );
    log(`mail sent ${row.kind} outbox=${row.id}`);
    return true;
  }

  async function failed(row: Claimed, error: unknown) {
    // The code only: SMTP replies quote the recipient's address.
    const e = error as { code?: string; responseCode?: number };
    const reason = [e.code, e.responseCode].filter(Boolean).join(' ') || 'error';
    const giveUp = row.attempts >= maxAttempts;
    const delay = Math.min(backoffMs * 2 ** (row.attempts - 1), maxBackoffMs);
    await db.query(
      `UPDATE outbox SET locked_until = NULL, last_error = $2, due_at = CASE WHEN $3::boolean THEN due_at ELSE $4::timestamptz END,
              failed_at = CASE WHEN $3::boolean THEN $5::timestamptz ELSE NULL END
        WHERE id = $1`,
      [row.id, reason, giveUp, new Date(now().getTime() + delay), now()],
    );
    log(`mail ${giveUp ? 'failed' : 'retry'} ${row.kind} outbox=${row.id} attempt=${row.attempts} ${reason}`);
  }

  /** Claims and sends one batch; resolves with how many went out. */
  async function runOnce(): Promise<number> {
    let sent = 0;
    for (const row of await claim()) if (await deliver(row)) sent++;
    return sent;
  }

  async function run() {
    while (running) {
      let claimed = 0;
      try {
        claimed = await runOnce();
      } catch (error) {
        log(`mail worker error: ${(error as Error)?.name ?? 'Error'}`);
      }
      if (claimed > 0 || !running) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollMs);
      });
      wake = undefined;
    }
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    /** Something was written: look now rather than at the next poll. */
    kick() {
      wake?.();
    },
    /** Finishes the batch in hand, then stops. */
    async stop() {
      running = false;
      clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
