/**
 * The built bundle (dist/) embedded in a plain HTML page under a strict CSP
 * (script-src 'self', no unsafe-inline, no unsafe-eval), against the real
 * reference backend, in headless Chromium: browse → pick → sign up → stored.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { modules } from '../../server/seed/programme.js';
import { startE2eSite, type E2eSite } from '../helpers/e2e-site.js';

let site: E2eSite;
const db = () => site.db;
const browser = () => site.browser;

before(async () => {
  site = await startE2eSite();
});

after(async () => {
  await site?.close();
});

async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser().newPage();
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
  const rows = await db().query<{ reference: string; email: string; session_id: string }>('SELECT reference, email, session_id FROM signups WHERE reference = $1', [ref]);
  assert.equal(rows.rows.length, 1);
  assert.equal(rows.rows[0].email, 'morag.csp@example.org');
  assert.ok(sessionId.includes(rows.rows[0].session_id), 'the deep-link hash names the chosen session');
  const violations = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  assert.deepEqual(violations, []);
  assert.deepEqual(problems, []);
  await page.close();
});
