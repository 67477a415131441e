/**
 * For node:test end-to-end tests: the built bundle (dist/) served with a strict
 * CSP next to the real reference backend on a fresh in-memory PGlite, and
 * Debian's headless Chromium. Loopback only. Same set-up as test/e2e/embed.test.ts.
 * `startE2eServer` alone serves the site for any engine (test/helpers/e2e-engines.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { createApp, type AppOptions } from '../../server/app.js';
import { openDb } from '../../server/db/open.js';
import { seedIfEmpty } from '../../server/db/seed.js';
import type { Db } from '../../server/db/types.js';
import { makeSessions, modules } from '../../server/seed/programme.js';
import { launchChromium } from '../../scripts/browser.js';
import { startStaticServer } from '../../scripts/static-server.js';
import { startCatcher, type Catcher } from '../../scripts/mail-catcher.js';
import { DEFAULT_MAIL_SETTINGS } from '../../server/mail/settings.js';
import { createMailWorker, smtpTransport } from '../../server/mail/worker.js';

export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Served as /__probe.js and loaded first by every page when `probe` is on: a
 * same-origin classic script, so the strict CSP lets it run in every engine
 * (WebDriver has no way to add a script before the page's own). It records
 * CSP violations, uncaught errors and console.error calls for the test to read.
 */
const PROBE = `
window.__name = (f) => f; // tsx names functions through a __name helper that evaluated callbacks reference
window.__e2e = { csp: [], problems: [] };
document.addEventListener('securitypolicyviolation', (e) => __e2e.csp.push(e.violatedDirective + ' ' + e.blockedURI));
addEventListener('error', (e) => __e2e.problems.push('pageerror: ' + (e.message || (e.target && (e.target.src || e.target.href)))), true);
addEventListener('unhandledrejection', (e) => __e2e.problems.push('pageerror: ' + e.reason));
const consoleError = console.error;
console.error = (...args) => { __e2e.problems.push('console: ' + args.join(' ')); consoleError.apply(console, args); };
`;

export interface E2eServer {
  db: Db;
  url: string;
  close(): Promise<void>;
}

export interface E2eSite extends E2eServer {
  browser: Browser;
}

export interface E2eServerOptions {
  probe?: boolean;
  csp?: string;
  /** A database of the test's own (seeded; closed with the server); else a fresh in-memory PGlite. */
  db?: Db;
  /** More for createApp: mail settings and the worker's kick (test/e2e/journey.test.ts). */
  app?: Partial<AppOptions>;
}

export async function startE2eServer({ probe = false, csp = STRICT_CSP, db: given, app: more = {} }: E2eServerOptions = {}): Promise<E2eServer> {
  assert.ok(existsSync('dist/mobilise.js'), 'dist/mobilise.js is missing: run npm run build first');
  const db = given ?? (await openDb({}));
  if (!given) await seedIfEmpty(db, modules, makeSessions(new Date()));
  let app: ReturnType<typeof createApp> | undefined;
  const site = await startStaticServer({
    mounts: { '/dist/': 'dist', '/hosts/': 'test/e2e/hosts', '/': 'test/e2e/pages' },
    headers: { 'Content-Security-Policy': csp },
    handle: (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      // The API, and the organiser console, members' pathway, request and booking pages the backend serves at /admin,
      // /pathway, /request and /booking (with their own CSP).
      if (path.startsWith('/v1/') || /^\/(admin|pathway|request|booking)(\/|$)/.test(path)) {
        app!(req, res);
        return true;
      }
      if (!probe) return false;
      if (path === '/__probe.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'Content-Security-Policy': csp }).end(PROBE);
        return true;
      }
      const page = `test/e2e/pages${path}`;
      if (!path.endsWith('.html') || path.includes('..') || !existsSync(page)) return false;
      const html = readFileSync(page, 'utf8').replace('<head>', '<head><script src="/__probe.js"></script>');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp }).end(html);
      return true;
    },
  });
  // Browsers send Origin on same-origin POSTs too, so the page's own origin must be allowed.
  // Organisers' sign-in links point at this site's /admin.
  app = createApp({ db, allowedOrigins: [site.url], adminOrigin: site.url, rateLimit: { windowMs: 60_000, max: 100 }, log: () => {}, ...more });
  return {
    db,
    url: site.url,
    async close() {
      await site.close();
      await db.close();
    },
  };
}

export async function startE2eSite(): Promise<E2eSite> {
  const server = await startE2eServer();
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    ...server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The site with real email: an SMTP catcher, the delivery worker, the probed strict-CSP site and Chromium. */
export interface MailSite {
  smtp: Catcher;
  site: E2eServer;
  browser: Browser;
  close(): Promise<void>;
}

/** For the journeys (test/e2e/journey.test.ts, admin-journey.test.ts): `db` is the test's own, seeded, closed with the site. */
export async function startMailSite(db: Db): Promise<MailSite> {
  const smtp = await startCatcher();
  const worker = createMailWorker({ db, transport: smtpTransport(smtp.url), mail: DEFAULT_MAIL_SETTINGS, pollMs: 200, log: () => {} });
  const site = await startE2eServer({ probe: true, db, app: { mail: DEFAULT_MAIL_SETTINGS, mailWritten: () => worker.kick() } });
  worker.start();
  const browser = await launchChromium();
  return {
    smtp,
    site,
    browser,
    async close() {
      await browser.close();
      await worker.stop();
      await site.close();
      await smtp.close();
    },
  };
}
