import type { Session, SessionQuery } from '../../src/contract/index.js';
import type { Db } from '../db/types.js';
import { listSessions } from './catalogue.js';
import { readCache } from './read-cache.js';

/** A published session as the calendar feed shows it: the public fields, and how often and when organisers changed it. */
export interface FeedSession {
  session: Session;
  /** Edits of the session plus edits of its module: both versions start at 1 and only grow. */
  sequence: number;
  lastModified?: Date;
}

/** Audit actions that change what a session's event says (attendance, say, does not). */
const SESSION_CHANGES = ['session.create', 'session.duplicate', 'session.update', 'session.cancel', 'session.publish', 'session.unpublish'];
const MODULE_CHANGES = ['module.create', 'module.update'];

/**
 * The sessions GET /v1/sessions would answer for `query` (listSessions: its public columns
 * only, never a private one), with their versions read in the same snapshot, so a SEQUENCE
 * never goes with older text. Sessions have no updated_at: the last change is the audit log's.
 */
async function readFeed(db: Db, query: SessionQuery): Promise<FeedSession[]> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const sessions = await listSessions(tx, query);
    const ids = sessions.map((s) => s.id);
    // One pass over the audit log per kind of target (it has no index on target), not one per session.
    const { rows } = await tx.query<{ id: string; sequence: number; last_modified: Date | string | null }>(
      `SELECT s.id, s.version + m.version - 2 AS sequence, greatest(sa.at, ma.at) AS last_modified
       FROM sessions s JOIN modules m ON m.id = s.module_id
       LEFT JOIN (SELECT target, max(at) AS at FROM audit_log WHERE action = ANY($2::text[]) GROUP BY target) sa ON sa.target = s.id
       LEFT JOIN (SELECT target, max(at) AS at FROM audit_log WHERE action = ANY($3::text[]) GROUP BY target) ma ON ma.target = m.id
       WHERE s.id = ANY($1::text[])`,
      [ids, SESSION_CHANGES, MODULE_CHANGES],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return sessions.map((session) => {
      const row = byId.get(session.id)!;
      return { session, sequence: row.sequence, ...(row.last_modified ? { lastModified: new Date(row.last_modified) } : {}) };
    });
  });
}

/** Through the public reads' cache: a refresh flood costs a read per filter every few seconds, and any write clears it. */
export function cachedFeed(db: Db, query: SessionQuery): Promise<FeedSession[]> {
  const key = [query.module, query.from, query.to, query.area?.trim().toLowerCase(), query.delivery];
  return readCache(db).get(`feed ${JSON.stringify(key)}`, () => readFeed(db, query));
}
