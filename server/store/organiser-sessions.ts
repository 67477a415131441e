import type { AdminRole } from '../../src/contract/admin.js';
import type { Queryable } from '../db/types.js';
import { randomToken } from '../lib/random-token.js';
import { hashToken } from './tokens.js';

/** A sign-in link works once, for this long. */
export const SIGN_IN_TOKEN_MINUTES = 15;

export async function issueSignInToken(tx: Queryable, organiserId: number, now: Date): Promise<string> {
  const token = randomToken();
  await tx.query('INSERT INTO organiser_sign_in_tokens (hash, organiser_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(token),
    organiserId,
    now,
    new Date(now.getTime() + SIGN_IN_TOKEN_MINUTES * 60_000),
  ]);
  return token;
}

type SessionOrganiser = { id: number; name: string; role: AdminRole; areas: string[] };
export type Redeemed = { organiser: SessionOrganiser } | { refused: 'token-invalid' | 'token-used' | 'token-expired'; organiserId?: number };

/** Marks the token used (row-locked, so two tabs racing get one session) if it is live and its account active. */
export async function redeemSignInToken(tx: Queryable, token: string, now: Date): Promise<Redeemed> {
  const { rows } = await tx.query<{ organiser_id: number; expires_at: Date | string; used_at: unknown; disabled_at: unknown } & Omit<SessionOrganiser, 'id'>>(
    `SELECT t.organiser_id, t.expires_at, t.used_at, o.disabled_at, o.name, o.role, o.areas
       FROM organiser_sign_in_tokens t JOIN organisers o ON o.id = t.organiser_id
      WHERE t.hash = $1 FOR UPDATE OF t`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return { refused: 'token-invalid' };
  const organiserId = row.organiser_id;
  if (row.used_at !== null) return { refused: 'token-used', organiserId };
  if (new Date(row.expires_at) <= now) return { refused: 'token-expired', organiserId };
  // A link sent before the account was disabled says nothing more than a wrong one.
  if (row.disabled_at !== null) return { refused: 'token-invalid', organiserId };
  await tx.query('UPDATE organiser_sign_in_tokens SET used_at = $2 WHERE hash = $1', [hashToken(token), now]);
  return { organiser: { id: organiserId, name: row.name, role: row.role, areas: row.areas } };
}

export interface NewSession {
  /** The cookie's value: 256 random bits; only its hash is the row's id. */
  cookie: string;
  csrfToken: string;
}

export async function createSession(tx: Queryable, organiserId: number, hours: number, now: Date): Promise<NewSession> {
  const session = { cookie: randomToken(), csrfToken: randomToken() };
  await tx.query(
    `INSERT INTO organiser_sessions (id, organiser_id, csrf_token, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $4)`,
    [hashToken(session.cookie), organiserId, session.csrfToken, now, new Date(now.getTime() + hours * 3_600_000)],
  );
  return session;
}

export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  organiser: SessionOrganiser;
}

/** The session's active organiser, or nothing when the cookie is unknown, expired or its account disabled. */
export async function resolveSession(tx: Queryable, cookie: string, now: Date): Promise<ActiveSession | undefined> {
  const id = hashToken(cookie);
  const { rows } = await tx.query<{ csrf_token: string; id: number; name: string; role: AdminRole; areas: string[]; last_seen_at: Date | string }>(
    `SELECT s.csrf_token, s.last_seen_at, o.id, o.name, o.role, o.areas
       FROM organiser_sessions s JOIN organisers o ON o.id = s.organiser_id
      WHERE s.id = $1 AND s.expires_at > $2 AND o.disabled_at IS NULL`,
    [id, now],
  );
  const row = rows[0];
  if (!row) return undefined;
  // last_seen_at to the minute: one write a minute per session, not one per request.
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= 60_000) {
    await tx.query('UPDATE organiser_sessions SET last_seen_at = $2 WHERE id = $1', [id, now]);
  }
  return { sessionId: id, csrfToken: row.csrf_token, organiser: { id: row.id, name: row.name, role: row.role, areas: row.areas } };
}

export async function deleteSession(tx: Queryable, sessionId: string): Promise<void> {
  await tx.query('DELETE FROM organiser_sessions WHERE id = $1', [sessionId]);
}

/** Expired sessions and sign-in tokens are of no use: cleared on each new sign-in. */
export async function purgeExpired(tx: Queryable, now: Date): Promise<void> {
  await tx.query('DELETE FROM organiser_sessions WHERE expires_at <= $1', [now]);
  await tx.query('DELETE FROM organiser_sign_in_tokens WHERE expires_at <= $1', [new Date(now.getTime() - 24 * 3_600_000)]);
}
