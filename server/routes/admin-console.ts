/**
 * The organiser console (issue 12) at /admin: one HTML page and the console's script,
 * built into dist/admin/ by `npm run build` (src/admin.ts). Same origin as the API, so the
 * session cookie (SameSite=Strict) and the CSRF header need no CORS.
 *
 * Mounted BEFORE the API's own headers middleware: that one sets `default-src 'none'` on
 * every answer after the route has run, which would stop the page's script. These routes
 * answer with their own: a strict CSP allowing only same-origin script, style and fetch.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { requestLog, type Log } from '../http/log.js';
import { ProblemError } from '../http/reply.js';
import type { NodeEnv } from '../http/server.js';

const DIST = resolve(import.meta.dirname, '../../dist/admin');
const PAGE = resolve(import.meta.dirname, '../admin/index.html');

export const CONSOLE_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

const pageHeaders = secureHeaders({
  contentSecurityPolicy: CONSOLE_CSP,
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

const NOT_BUILT =
  'The organiser console is not built yet. Run `npm run build` in the project folder, then reload this page.';

export function mountAdminConsole(api: Hono<NodeEnv>, log: Log): void {
  const logged = requestLog(log);
  api.get('/admin', (c) => c.redirect('/admin/', 308));
  api.get('/admin/', logged, pageHeaders, async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!existsSync(resolve(DIST, 'admin.js'))) return c.text(NOT_BUILT, 503);
    return c.html(await readFile(PAGE, 'utf8'));
  });
  api.get(
    '/admin/*',
    logged,
    pageHeaders,
    serveStatic({
      root: DIST,
      rewriteRequestPath: (path) => path.slice('/admin'.length),
      // Not hashed names (admin.js): the browser asks again each time, a 304 when unchanged.
      onFound: (_path, c) => c.header('Cache-Control', 'no-cache'),
    }),
    () => new ProblemError(404, 'not-found', 'Not found').getResponse(),
  );
}
