import type { Queryable } from '../db/types.js';

/** 'cli', 'token:<label>', an organiser id, or 'anonymous' for a sign-in by an unknown address. */
export type Actor = string;

/**
 * One row per admin action and sign-in attempt: who, what, when. `detail` holds ids, counts and
 * hash prefixes only, never an email address or a name (the table outlives any one account).
 */
export async function audit(
  tx: Queryable,
  entry: { actor: Actor; action: string; target?: string; detail?: Record<string, string | number | boolean | string[]> },
  now: Date,
): Promise<void> {
  await tx.query('INSERT INTO audit_log (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [
    now,
    entry.actor,
    entry.action,
    entry.target ?? null,
    JSON.stringify(entry.detail ?? {}),
  ]);
}
