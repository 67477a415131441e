import type { Queryable } from '../db/types.js';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  /** The organiser's name when the actor is an organiser's id; absent for 'cli', 'token:…', 'anonymous'. */
  actorName?: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

/** Newest first, `limit` at a time, older than `before` (an id); `actor` narrows to one organiser's own actions. */
export async function readAudit(db: Queryable, page: { before?: string; limit: number; actor?: string }): Promise<{ entries: AuditEntry[]; next?: string }> {
  const { rows } = await db.query<{ id: string | number; at: Date | string; actor: string; name: string | null; action: string; target: string | null; detail: Record<string, unknown> | string }>(
    // The name is joined at read time, never written to the row (the log keeps ids only and outlives an account's name).
    // id::text = actor, not actor::int: 'cli' and 'token:…' are actors too, and a cast would fail on them.
    `SELECT a.id, a.at, a.actor, o.name, a.action, a.target, a.detail FROM audit_log a
       LEFT JOIN organisers o ON o.id::text = a.actor
      WHERE ($1::bigint IS NULL OR a.id < $1) AND ($2::text IS NULL OR a.actor = $2)
      ORDER BY a.id DESC LIMIT $3`,
    [page.before ?? null, page.actor ?? null, page.limit + 1],
  );
  const entries = rows.slice(0, page.limit).map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    ...(r.name === null ? {} : { actorName: r.name }),
    action: r.action,
    target: r.target,
    detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
  }));
  return rows.length > page.limit ? { entries, next: entries.at(-1)!.id } : { entries };
}
