/**
 * The built bundle (dist/) embedded in a plain HTML page under a strict CSP
 * (script-src 'self', no unsafe-inline, no unsafe-eval), against the real
 * reference backend, in headless Chromium: browse → pick → sign up → stored.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { createApp } from '../../server/app.js';
import { openDb } from '../../server/db/open.js';
import { seedIfEmpty } from '../../server/db/seed.js';
import type { Db } from '../../server/db/types.js';
import { makeSessions, modules } from '../../server/seed/programme.js';
import { launchChromium } from '../../scripts/browser.js';
import { startStaticServer } from '../../scripts/static-server.js';

export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

let db: Db;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;

before(async () => {
  assert.ok(existsSync('dist/mobilise.js'), 'dist/mobilise.js is missing: run npm run build first');
  db = await openDb({});
  await seedIfEmpty(db, modules, makeSessions(new Date()));
  // Browsers send Origin on same-origin POSTs too, so the page's own origin must be allowed.
  let app: ReturnType<typeof createApp> | undefined;
  site = await startStaticServer({
    mounts: { '/dist/': 'dist', '/': 'test/e2e/pages' },
    headers: { 'Content-Security-Policy': STRICT_CSP },
    handle: (req, res) => {
      if (!req.url?.startsWith('/v1/')) return false;
      app!(req, res);
      return true;
    },
  });
  app = createApp({ db, allowedOrigins: [site.url], rateLimit: { windowMs: 60_000, max: 100 }, log: () => {} });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await db?.close();
});

async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  // tsx keeps function names with a __name helper that page.evaluate callbacks then reference.
  await page.evaluateOnNewDocument('window.__name = (f) => f');
  // Added via CDP, so it runs despite the CSP: it only listens.
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(`${site.url}/strict-csp.html`, { waitUntil: 'load' });
  return { page, problems };
}

/** Count nodes with a given part inside an element's shadow root. */
const countParts = (page: Page, tag: string, part: string) =>
  page.evaluate((t, p) => document.querySelector(t)?.shadowRoot?.querySelectorAll(`[part~="${p}"]`).length ?? 0, tag, part);

test('elements render from the built bundle under a strict CSP, each defined once', async () => {
  const { page, problems } = await openPage();
  await page.waitForFunction(() => (document.querySelector('mobilise-module-catalogue')?.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0) > 0, { timeout: 10_000 });
  await page.waitForFunction(() => (document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelectorAll('[part~="session"]').length ?? 0) > 0, { timeout: 10_000 });
  assert.equal(await countParts(page, 'mobilise-module-catalogue', 'card'), modules.length);
  const violations = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  assert.deepEqual(violations, [], 'no CSP violations');
  assert.deepEqual(problems, [], 'no page or console errors');
  await page.close();
});

test('a member picks a session and signs up; the signup is stored', async () => {
  const { page, problems } = await openPage();
  await page.waitForFunction(() => (document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelectorAll('[part~="signup-button"]').length ?? 0) > 0, { timeout: 10_000 });
  await page.evaluate(() => {
    const button = document.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="signup-button"]')!;
    button.click();
  });
  await page.waitForFunction(() => !!document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('form input[name="firstName"]'), { timeout: 10_000 }).catch(async (e) => {
    await page.screenshot({ path: '/tmp/e2e-fail.png', fullPage: true });
    throw e;
  });
  const sessionId = await page.evaluate(() => {
    const root = document.querySelector('mobilise-signup-form')!.shadowRoot!;
    const set = (name: string, value: string) => {
      const el = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    set('firstName', 'Morag');
    set('lastName', 'MacLeod');
    set('email', 'morag.csp@example.org');
    set('postcode', 'G12 8QQ');
    root.querySelector<HTMLInputElement>('[name="membership"][value="member"]')!.click();
    root.querySelector<HTMLInputElement>('[name="consentContact"]')!.click();
    root.querySelector('form')!.requestSubmit();
    return new URL(location.href).hash;
  });
  await page.waitForFunction(() => !!document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('[part~="result"]'), { timeout: 10_000 }).catch(async (e) => {
    await page.screenshot({ path: '/tmp/e2e-fail.png', fullPage: true });
    throw e;
  });
  const resultText = await page.evaluate(() => document.querySelector('mobilise-signup-form')!.shadowRoot!.querySelector('[part~="result"]')!.textContent!);
  const ref = /MOB-[A-Z0-9]+/.exec(resultText)?.[0];
  assert.ok(ref, `a reference is shown: ${resultText}`);
  const rows = await db.query<{ reference: string; email: string; session_id: string }>('SELECT reference, email, session_id FROM signups WHERE reference = $1', [ref]);
  assert.equal(rows.rows.length, 1);
  assert.equal(rows.rows[0].email, 'morag.csp@example.org');
  assert.ok(sessionId.includes(rows.rows[0].session_id), 'the deep-link hash names the chosen session');
  const violations = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await page.close();
});
