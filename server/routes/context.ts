import type { Db } from '../db/types.js';
import type { MailSettings } from '../mail/settings.js';

/** What routes need from the app, injected so tests can fix the clock. */
export interface Deps {
  db: Db;
  now: () => Date;
  mail: MailSettings;
  /** Origins whose pages may take signups (and so receive the emailed links). */
  allowedOrigins: readonly string[];
  /** Wakes the mail worker after a commit that wrote to the outbox, if one runs. */
  mailWritten: () => void;
}
