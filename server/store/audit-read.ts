import type { Queryable } from '../db/types.js';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

/** Newest first, `limit` at a time, older than `before` (an id); `actor` narrows to one organiser's own actions. */
export async function readAudit(db: Queryable, page: { before?: string; limit: number; actor?: string }): Promise<{ entries: AuditEntry[]; next?: string }> {
  const { rows } = await db.query<{ id: string | number; at: Date | string; actor: string; action: string; target: string | null; detail: Record<string, unknown> | string }>(
    `SELECT id, at, actor, action, target, detail FROM audit_log
      WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR actor = $2)
      ORDER BY id DESC LIMIT $3`,
    [page.before ?? null, page.actor ?? null, page.limit + 1],
  );
  const entries = rows.slice(0, page.limit).map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    target: r.target,
    detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
  }));
  return rows.length > page.limit ? { entries, next: entries.at(-1)!.id } : { entries };
}
