import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { ProblemError } from './reply.js';

/** Wrong admin tokens per client address: 5 in 15 minutes, then the address is blocked until the window ends. */
export const ADMIN_FAILURES: RateLimitOptions = { windowMs: 15 * 60_000, max: 5 };
/** Each wrong token is answered this much later per failure so far, so guessing slows down before it is blocked. */
const DELAY_PER_FAILURE_MS = 100;

export interface AdminAuth {
  /** Resolves when `req` carries the admin token; otherwise throws 404 (no token configured), 429 or 401. */
  check(req: IncomingMessage, address: string): Promise<void>;
}

/** Compares digests, so neither the content nor the length of the token leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function createAdminAuth(token: string | undefined, failuresPerAddress: RateLimitOptions = ADMIN_FAILURES): AdminAuth {
  const failures = createRateLimiter(failuresPerAddress);
  return {
    async check(req, address) {
      // No token configured: the export does not exist.
      if (!token) throw new ProblemError(404, 'not-found', 'Not found');
      const { count, resetIn } = failures.peek(address);
      if (count >= failuresPerAddress.max) {
        throw new ProblemError(429, 'rate-limited', 'Too many wrong admin tokens', { retryAfter: resetIn }, { 'Retry-After': String(resetIn) });
      }
      const authorization = req.headers.authorization;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (match && sameToken(match[1]!, token)) return;
      // A request without credentials is not a guess; anything presented and wrong is.
      if (authorization !== undefined) {
        failures.hit(address);
        await sleep(DELAY_PER_FAILURE_MS * failures.peek(address).count);
      }
      throw new ProblemError(401, 'unauthorized', 'Admin token required', {}, { 'WWW-Authenticate': 'Bearer realm="mobilise-admin"' });
    },
  };
}
