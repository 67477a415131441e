import type { Db } from '../db/types.js';

/** What routes need from the app, injected so tests can fix the clock. */
export interface Deps {
  db: Db;
  now: () => Date;
}
