import type { Db } from '../db/types.js';
import { ERASED, scrubSignups } from './data-rights.js';
import { purgeRequests } from './module-request-data.js';

export interface RetentionRule {
  /** Personal data goes this many months after the session ended. */
  personalMonths: number;
  /** Access needs (free text that may be health data) go this many days after the session ended. */
  accessNeedsDays: number;
}

export const DEFAULT_RETENTION: RetentionRule = { personalMonths: 12, accessNeedsDays: 30 };

export interface Purged {
  /** Signups whose personal data was erased. */
  signups: number;
  /** Signups whose access needs were removed (on their own, before the rest). */
  accessNeeds: number;
  /** Module requests deleted: unconfirmed once their link lapsed, the rest `personalMonths` after their last news. */
  moduleRequests: number;
}

const monthsBefore = (now: Date, months: number) => {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
};

/**
 * Erases what the retention rule says is due, in one transaction: the personal data of signups whose
 * session ended more than `personalMonths` ago (as erasePerson does; their rows keep counting toward
 * history), and access needs `accessNeedsDays` after the session. Idempotent: run again, it finds nothing.
 */
export async function purgeExpired(db: Db, now: Date, rule: Partial<RetentionRule> = {}): Promise<Purged> {
  const { personalMonths, accessNeedsDays } = { ...DEFAULT_RETENTION, ...rule };
  const personalCutoff = monthsBefore(now, personalMonths);
  const accessCutoff = new Date(now.getTime() - accessNeedsDays * 86_400_000);
  return db.transaction(async (tx) => {
    const due = await tx.query<{ id: number }>(
      `SELECT s.id FROM signups s JOIN sessions se ON se.id = s.session_id
        WHERE se.ends_at < $1 AND s.email NOT LIKE '${ERASED}:%' ORDER BY s.id`,
      [personalCutoff],
    );
    const scrubbed = await scrubSignups(
      tx,
      due.rows.map((r) => r.id),
      now,
    );
    // Requests that made no signup (a repeat for an address already booked) hang off the session alone.
    await tx.query(
      `UPDATE signup_requests r SET request_hash = '${ERASED}' FROM sessions se
        WHERE se.id = r.session_id AND se.ends_at < $1 AND r.request_hash <> '${ERASED}'`,
      [personalCutoff],
    );
    const access = await tx.query(
      `UPDATE signups s SET access_needs = NULL FROM sessions se
        WHERE se.id = s.session_id AND se.ends_at < $1 AND s.access_needs IS NOT NULL`,
      [accessCutoff],
    );
    const moduleRequests = await purgeRequests(tx, now, personalCutoff);
    return { signups: scrubbed.signups, accessNeeds: access.rowCount, moduleRequests };
  });
}

/** Runs purgeExpired on a timer (hourly by default) and once at start; a failure is logged by name only. */
export function startRetention(options: {
  db: Db;
  rule?: Partial<RetentionRule>;
  now?: () => Date;
  everyMs?: number;
  log?: (line: string) => void;
  /** After each run, with what it purged (tests wait on it). */
  onRun?: (purged: Purged) => void;
}) {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running
      .then(() => purgeExpired(options.db, now(), options.rule))
      .then((purged) => {
        if (purged.signups + purged.accessNeeds + purged.moduleRequests > 0)
          log(`retention: erased ${purged.signups} signups, ${purged.accessNeeds} access needs, ${purged.moduleRequests} module requests`);
        options.onRun?.(purged);
      })
      .catch((error: unknown) => log(`retention error: ${(error as Error)?.name ?? 'Error'}`));
  };
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
