import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { ProblemError } from './reply.js';

export interface OriginPolicy {
  /**
   * CORS for the public API: an allowed origin gets itself echoed (never `*`)
   * with Retry-After exposed, any other origin no Access-Control-Allow-Origin, so
   * browsers keep responses from it; Vary: Origin on every answer. Preflights are
   * Hono's cors, after a 403 for a foreign origin (Hono answers every one 204).
   */
  cors: MiddlewareHandler;
  /**
   * 403 for a state-changing request from a browser on a foreign origin: CORS
   * only hides the answer, and the request would already have been served.
   * Requests without an Origin (curl, server-to-server) are not cross-origin and pass.
   */
  refuseForeignWrites: MiddlewareHandler;
}

export function originPolicy(allowedOrigins: readonly string[]): OriginPolicy {
  const allowed = new Set(allowedOrigins.map((o) => o.trim().replace(/\/$/, '')).filter(Boolean));
  const isForeign = (origin: string | undefined) => origin !== undefined && !allowed.has(origin);
  const preflight = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Content-Type', 'Idempotency-Key'],
    maxAge: 600,
  });
  return {
    cors: async (c, next) => {
      const origin = c.req.header('origin');
      if (c.req.method === 'OPTIONS') {
        if (isForeign(origin)) throw new ProblemError(403, 'forbidden', 'Origin not allowed');
        return preflight(c, next);
      }
      await next();
      // Set in place once the route has answered. Hono's cors sets these through c.res before the route and
      // c.header() after it, and on the Node adapter each rebuilds the whole response: half the GETs per second.
      c.res.headers.append('Vary', 'Origin');
      if (origin !== undefined && allowed.has(origin)) {
        c.res.headers.set('Access-Control-Allow-Origin', origin);
        c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After');
      }
    },
    refuseForeignWrites: async (c, next) => {
      if (isForeign(c.req.header('origin'))) {
        throw new ProblemError(403, 'forbidden', 'Origin not allowed', { detail: 'This server does not accept signups from this website.' });
      }
      await next();
    },
  };
}
