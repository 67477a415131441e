import type { Db } from '../db/types.js';
import { expireHolds } from '../store/holds.js';
import type { MailSettings } from './settings.js';

/**
 * Lapses unconfirmed holds on a timer (their places go down the waiting list). Runs with or
 * without SMTP: a hold's expiry must not wait for mail to be configured.
 */
export function startHoldSweeper(options: {
  db: Db;
  mail: MailSettings;
  now?: () => Date;
  everyMs?: number;
  log?: (line: string) => void;
  /** After expiries wrote emails. */
  onExpired?: () => void;
}) {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  let sweeping: Promise<void> = Promise.resolve();
  const sweep = () => {
    sweeping = expireHolds(options.db, { now: now(), mail: options.mail })
      .then((n) => {
        if (n > 0) options.onExpired?.();
      })
      .catch((error: unknown) => log(`hold sweep error: ${(error as Error)?.name ?? 'Error'}`));
  };
  const timer = setInterval(sweep, options.everyMs ?? 60_000);
  sweep();
  return {
    async stop() {
      clearInterval(timer);
      await sweeping;
    },
  };
}
