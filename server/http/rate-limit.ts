/**
 * Fixed-window counter per key (client IP), in memory: enough to blunt a script
 * hammering the signup form from one address. Not shared between processes.
 */
export interface RateLimitOptions {
  windowMs: number;
  max: number;
}

export interface RateLimiter {
  /** Counts a hit; returns seconds to wait when over the limit, else 0. */
  hit(key: string): number;
}

export function createRateLimiter({ windowMs, max }: RateLimitOptions, clock: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = clock() + windowMs;

  return {
    hit(key) {
      const now = clock();
      // Forget expired windows once per window, so memory tracks recent clients only.
      if (now >= nextSweep) {
        for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
        nextSweep = now + windowMs;
      }
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs };
        windows.set(key, window);
      }
      window.count++;
      return window.count > max ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : 0;
    },
  };
}
