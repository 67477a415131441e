import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { ProblemError } from './reply.js';

/** Wrong admin tokens per client address: 5 in 15 minutes, then the address is blocked until the window ends. */
export const ADMIN_FAILURES: RateLimitOptions = { windowMs: 15 * 60_000, max: 5 };
/** Each wrong token is answered this much later per failure so far, so guessing slows down before it is blocked. */
const DELAY_PER_FAILURE_MS = 100;

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Lets a request through only with `Authorization: Bearer <token>`; else 404 (no
 * token configured), 429 (this address guessed wrong too often) or 401. Not
 * Hono's bearerAuth: it answers a malformed header 400 and counts nothing.
 */
export function adminAuth(
  token: string | undefined,
  addressOf: (c: Context) => string,
  failuresPerAddress: RateLimitOptions = ADMIN_FAILURES,
): MiddlewareHandler {
  const failures = createRateLimiter(failuresPerAddress);
  // Only the token's digest is kept, and compared in constant time: neither content nor length leaks through timing.
  const expected = token === undefined ? undefined : digest(token);
  return async (c, next) => {
    // No token configured: the export does not exist.
    if (!expected) throw new ProblemError(404, 'not-found', 'Not found');
    const address = addressOf(c);
    const { count, resetIn } = failures.peek(address);
    if (count >= failuresPerAddress.max) {
      throw new ProblemError(429, 'rate-limited', 'Too many wrong admin tokens', { retryAfter: resetIn }, { 'Retry-After': String(resetIn) });
    }
    const authorization = c.req.header('authorization');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (match && timingSafeEqual(digest(match[1]!), expected)) return next();
    // A request without credentials is not a guess; anything presented and wrong is.
    if (authorization !== undefined) {
      failures.hit(address);
      await sleep(DELAY_PER_FAILURE_MS * failures.peek(address).count);
    }
    throw new ProblemError(401, 'unauthorized', 'Admin token required', {}, { 'WWW-Authenticate': 'Bearer realm="mobilise-admin"' });
  };
}
