import { createHash } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import { randomToken } from '../lib/random-token.js';

export type TokenPurpose = 'confirm' | 'manage';

/**
 * Booking links carry 256 random bits; only their SHA-256 is stored. Looking a token up by its
 * hash needs no constant-time compare: a guess's hash has no useful relation to a stored one.
 */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** 256 random bits for a link, and the hash stored for it. */
export function freshToken(): { token: string; hash: string } {
  const token = randomToken();
  return { token, hash: hashToken(token) };
}

export async function issueToken(tx: Queryable, signupId: number, purpose: TokenPurpose, now: Date): Promise<string> {
  const { token, hash } = freshToken();
  await tx.query('INSERT INTO booking_tokens (hash, signup_id, purpose, created_at) VALUES ($1, $2, $3, $4)', [
    hash,
    signupId,
    purpose,
    now,
  ]);
  return token;
}

export interface FoundToken {
  signup_id: number;
  session_id: string;
  purpose: TokenPurpose;
  used_at: Date | string | null;
}

export async function findToken(tx: Queryable, token: string): Promise<FoundToken | undefined> {
  const { rows } = await tx.query<FoundToken>(
    `SELECT t.signup_id, s.session_id, t.purpose, t.used_at
       FROM booking_tokens t JOIN signups s ON s.id = t.signup_id WHERE t.hash = $1`,
    [hashToken(token)],
  );
  return rows[0];
}

/** The fragment never reaches a server log; the element on the page reads it. */
export function bookingLink(page: string | null, purpose: TokenPurpose, token: string): string {
  if (!page) return '';
  return `${page}#mobilise-${purpose === 'confirm' ? 'confirm' : 'booking'}=${token}`;
}
