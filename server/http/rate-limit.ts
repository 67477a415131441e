import type { Context, MiddlewareHandler } from 'hono';
import { ProblemError } from './reply.js';

/**
 * Fixed-window counter per key (client IP), in memory: enough to blunt a script
 * hammering the signup form from one address. Not shared between processes.
 * Hono has no rate limiter of its own, and the admin throttle (admin-auth.ts)
 * counts only failures and peeks without counting, which limiters that count
 * every request do not offer.
 */
export interface RateLimitOptions {
  windowMs: number;
  max: number;
}

export interface RateLimiter {
  /** Counts a hit; returns seconds to wait when over the limit, else 0. */
  hit(key: string): number;
  /** Hits counted in `key`'s current window and seconds until it resets (0 and 0 when none); counts nothing. */
  peek(key: string): { count: number; resetIn: number };
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
      return window.count > max ? secondsUntil(window.resetAt, now) : 0;
    },
    peek(key) {
      const now = clock();
      const window = windows.get(key);
      if (!window || window.resetAt <= now) return { count: 0, resetIn: 0 };
      return { count: window.count, resetIn: secondsUntil(window.resetAt, now) };
    },
  };
}

const secondsUntil = (resetAt: number, now: number) => Math.max(1, Math.ceil((resetAt - now) / 1000));

/** Counts each request against its client (`keyOf`): over the limit, a 429 problem with Retry-After, before the body is read. */
export function rateLimit(limiter: RateLimiter, keyOf: (c: Context) => string, title: string): MiddlewareHandler {
  return async (c, next) => {
    const retryAfter = limiter.hit(keyOf(c));
    if (retryAfter > 0) throw new ProblemError(429, 'rate-limited', title, { retryAfter }, { 'Retry-After': String(retryAfter) });
    await next();
  };
}
