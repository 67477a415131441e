import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { NodeEnv } from './server.js';

/**
 * An API that serves JSON, CSV and calendars: nothing may frame it, run in it or
 * learn where it was linked from; HTTPS only once reached over it; no-cors reads
 * from other sites refused (CORS reads are not affected). Hono's defaults that
 * only concern HTML documents or retired browsers are off: each is bytes and
 * time on every answer (a GET flood's too).
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/** What a route that may be cached says; every other answer is `no-store` (problems say so themselves). */
export const PUBLIC_CACHE = { 'Cache-Control': 'public, max-age=60' };

const hasUnreadBody = (req: IncomingMessage) =>
  !req.complete && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);

/** After every route: the caching rule above, and the connection's fate. */
export const answerHeaders: MiddlewareHandler<NodeEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  // Answered before the body was read (404, 405, 413, 403…): hang up rather than let Node drain it, however big.
  if (hasUnreadBody(c.env.incoming)) c.res.headers.set('Connection', 'close');
};
