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
import { resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { requestLog, type Log } from '../http/log.js';
import { ProblemError } from '../http/reply.js';
import type { NodeEnv } from '../http/server.js';
import { pageShell, type PageShell } from './page-shell.js';

const DIST = resolve(import.meta.dirname, '../../dist/admin');

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

export const pageHeaders = secureHeaders({
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

/** One page built into `dist` (its script `script`) at `pagePath`, and the build's files under `${prefix}/`. */
export interface BuiltPage {
  pagePath: string;
  prefix: string;
  dist: string;
  script: string;
  shell: PageShell;
  notBuilt: string;
  /** The page's HTML as served for this request (the pathway page sets its lang). */
  render?: (html: string, c: Context) => string;
}

/** Mounts a built page and its files, each answer with the strict page headers (also the pathway page's, routes/pathway-page.ts). */
export function mountBuiltPage(api: Hono<NodeEnv>, log: Log, built: BuiltPage): void {
  const logged = requestLog(log);
  api.get(built.pagePath, logged, pageHeaders, async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!existsSync(resolve(built.dist, built.script))) return c.text(built.notBuilt, 503);
    const html = pageShell(built.shell, built.prefix, built.script);
    return c.html(built.render ? built.render(html, c) : html);
  });
  api.get(
    `${built.prefix}/*`,
    logged,
    pageHeaders,
    serveStatic({
      root: built.dist,
      rewriteRequestPath: (path) => path.slice(built.prefix.length),
      // Not hashed names (admin.js): the browser asks again each time, a 304 when unchanged.
      onFound: (_path, c) => c.header('Cache-Control', 'no-cache'),
    }),
    () => new ProblemError(404, 'not-found', 'Not found').getResponse(),
  );
}

export function mountAdminConsole(api: Hono<NodeEnv>, log: Log): void {
  api.get('/admin', (c) => c.redirect('/admin/', 308));
  mountBuiltPage(api, log, {
    pagePath: '/admin/',
    prefix: '/admin',
    dist: DIST,
    script: 'admin.js',
    shell: {
      title: 'Mobilise organiser console',
      element: 'mobilise-admin-console',
      noscript: 'The organiser console needs JavaScript. Turn it on for this site, then reload the page.',
    },
    notBuilt: NOT_BUILT,
  });
}
