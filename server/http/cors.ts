import type { IncomingMessage } from 'node:http';
import { ProblemError, type Reply } from './reply.js';

/**
 * Allow-list CORS. Allowed origins get their origin echoed (never `*`), other
 * origins get no CORS headers, so browsers keep responses from them. Requests
 * without an Origin (curl, server-to-server) are not cross-origin and pass.
 */
export interface Cors {
  /** Headers to add to every response for this request. */
  headers(req: IncomingMessage): Record<string, string>;
  /** Answer to an OPTIONS preflight. */
  preflight(req: IncomingMessage): Reply;
  /** Throws 403 for a state-changing request from a browser on a foreign origin. */
  assertAllowedWrite(req: IncomingMessage): void;
}

const ALLOW_METHODS = 'GET, POST';
const ALLOW_HEADERS = 'Content-Type, Idempotency-Key';
const EXPOSE_HEADERS = 'Retry-After';

export function createCors(allowedOrigins: readonly string[]): Cors {
  const allowed = new Set(allowedOrigins.map((o) => o.trim().replace(/\/$/, '')).filter(Boolean));
  const originOf = (req: IncomingMessage) => req.headers.origin;
  const isAllowed = (origin: string | undefined) => origin !== undefined && allowed.has(origin);

  return {
    headers(req): Record<string, string> {
      const origin = originOf(req);
      // Vary on every response: caches must not hand one origin's answer to another.
      if (!isAllowed(origin)) return { Vary: 'Origin' };
      return { Vary: 'Origin', 'Access-Control-Allow-Origin': origin!, 'Access-Control-Expose-Headers': EXPOSE_HEADERS };
    },
    preflight(req) {
      const origin = originOf(req);
      if (origin !== undefined && !isAllowed(origin)) {
        throw new ProblemError(403, 'forbidden', 'Origin not allowed');
      }
      return {
        status: 204,
        headers: {
          Allow: 'GET, POST, OPTIONS',
          ...(origin !== undefined
            ? {
                'Access-Control-Allow-Methods': ALLOW_METHODS,
                'Access-Control-Allow-Headers': ALLOW_HEADERS,
                'Access-Control-Max-Age': '600',
              }
            : {}),
        },
      };
    },
    assertAllowedWrite(req) {
      const origin = originOf(req);
      if (origin !== undefined && !isAllowed(origin)) {
        throw new ProblemError(403, 'forbidden', 'Origin not allowed', {
          detail: 'This server does not accept signups from this website.',
        });
      }
    },
  };
}
