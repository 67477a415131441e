/**
 * For node:test end-to-end tests: the built bundle (dist/) served with a strict
 * CSP next to the real reference backend on a fresh in-memory PGlite, and
 * Debian's headless Chromium. Loopback only. Same set-up as test/e2e/embed.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { createApp } from '../../server/app.js';
import { openDb } from '../../server/db/open.js';
import { seedIfEmpty } from '../../server/db/seed.js';
import type { Db } from '../../server/db/types.js';
import { makeSessions, modules } from '../../server/seed/programme.js';
import { launchChromium } from '../../scripts/browser.js';
import { startStaticServer } from '../../scripts/static-server.js';

export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface E2eSite {
  db: Db;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2eSite(): Promise<E2eSite> {
  assert.ok(existsSync('dist/mobilise.js'), 'dist/mobilise.js is missing: run npm run build first');
  const db = await openDb({});
  await seedIfEmpty(db, modules, makeSessions(new Date()));
  let app: ReturnType<typeof createApp> | undefined;
  const site = await startStaticServer({
    mounts: { '/dist/': 'dist', '/': 'test/e2e/pages' },
    headers: { 'Content-Security-Policy': STRICT_CSP },
    handle: (req, res) => {
      if (!req.url?.startsWith('/v1/')) return false;
      app!(req, res);
      return true;
    },
  });
  // Browsers send Origin on same-origin POSTs too, so the page's own origin must be allowed.
  app = createApp({ db, allowedOrigins: [site.url], rateLimit: { windowMs: 60_000, max: 100 }, log: () => {} });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await site.close();
    await db.close();
    throw error;
  }
  return {
    db,
    url: site.url,
    browser,
    async close() {
      await browser.close();
      await site.close();
      await db.close();
    },
  };
}
