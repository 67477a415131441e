import { randomFillSync } from 'node:crypto';

/**
 * A link's or session's secret: 256 random bits, base64url. From the same CSPRNG as
 * crypto.randomBytes, drawn 4 KB at a time: each draw is a system call, and a signup needs two
 * secrets (its confirm link, its pathway link). Every byte is handed out once and then zeroed.
 * Node's own randomUUID and randomInt keep such a cache of random bytes too.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

export function randomToken(): string {
  if (used + 32 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const token = pool.toString('base64url', used, used + 32);
  pool.fill(0, used, used + 32);
  used += 32;
  return token;
}
