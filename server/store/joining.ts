import type { Joining } from '../../src/contract/admin.js';
import type { BookingView, Session } from '../../src/contract/index.js';
import type { Queryable } from '../db/types.js';

/**
 * Joining details: an online or hybrid session's link and instructions. Stored in their own
 * columns, which no public read selects (rows.ts's SESSION_COLUMNS), and shown to a member only
 * while their place is confirmed: never pending, on the waiting list, cancelled or expired.
 */

export interface JoiningColumns {
  joining_url: string | null;
  joining_instructions: string | null;
}

export function joiningFromRow(row: JoiningColumns): Joining | undefined {
  if (row.joining_url === null && row.joining_instructions === null) return undefined;
  return {
    ...(row.joining_url !== null ? { url: row.joining_url } : {}),
    ...(row.joining_instructions !== null ? { instructions: row.joining_instructions } : {}),
  };
}

/** Writes them (`null`, or an object with neither, clears both). */
export async function setJoining(tx: Queryable, sessionId: string, joining: Joining | null | undefined): Promise<void> {
  await tx.query('UPDATE sessions SET joining_url = $2, joining_instructions = $3 WHERE id = $1', [
    sessionId,
    joining?.url ?? null,
    joining?.instructions || null,
  ]);
}

/**
 * What a member with a booking of this status may see: the details only for a confirmed place
 * on a session that runs online (kept for an in-person session, they show nowhere).
 */
export function joiningFor(status: BookingView['status'], session: Pick<Session, 'delivery'>, joining: Joining | undefined): { joining?: Joining } {
  return status === 'confirmed' && session.delivery !== 'in-person' && joining ? { joining } : {};
}
