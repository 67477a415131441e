/**
 * Issue 14's "a member's pathway advancing after an organiser marks attendance", in Chromium
 * against the real server, a real SMTP server and the built pathway page (dist/pathway/): a member
 * signs up and confirms → opens "Your Mobilise pathway" from the email → sees the module booked →
 * the organiser, signed in by their emailed link, marks attendance through the admin API → the
 * pathway shows it attended and its next step moves on. The page runs under its strict CSP with
 * no violation or error. On PGlite, and on PostgreSQL when DATABASE_URL is set (CI).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { CSRF_HEADER } from '../../src/contract/admin.js';
import type { Catcher } from '../../scripts/mail-catcher.js';
import { createOrganiser } from '../../server/store/organisers.js';
import { dbTargets, signup } from '../../server/test/harness.js';
import { startMailSite, type E2eServer } from '../helpers/e2e-site.js';
import { mailFor } from '../helpers/mail.js';

const ORGANISER = 'pathway.organiser@example.org';
const MEMBER = 'pathway.member@example.org';
const json = { 'Content-Type': 'application/json' };

/** The pathway element's text, as a person reads it (through its shadow root). */
const shown = (page: Page) =>
  page.evaluate(() => (document.querySelector('mobilise-pathway')!.shadowRoot!.querySelector('.page') as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

/** Waits until the pathway says `what`; on timeout, says what it showed instead. */
async function waitToShow(page: Page, what: RegExp): Promise<string> {
  await page
    .waitForFunction((re) => new RegExp(re).test(document.querySelector('mobilise-pathway')?.shadowRoot?.querySelector('.page')?.textContent?.replace(/\s+/g, ' ') ?? ''), { timeout: 15_000, polling: 100 }, what.source)
    .catch(async (error: Error) => {
      throw new Error(`${error.message}: the pathway showed "${await shown(page)}", not ${what}`);
    });
  return shown(page);
}

for (const target of dbTargets()) {
  describe(`a member's pathway advances after an organiser marks attendance [${target.name}]`, () => {
    let smtp: Catcher;
    let site: E2eServer;
    let browser: Browser;
    let close: () => Promise<void>;

    before(async () => {
      const db = await target.open();
      await createOrganiser(db, { email: ORGANISER, name: 'Pat Organiser', role: 'admin', areas: [] }, new Date());
      ({ smtp, site, browser, close } = await startMailSite(db));
    });
    after(() => close?.());

    it('signs up and confirms → the emailed pathway link shows it booked → attendance marked → attended, and the next step moves on', { timeout: 120_000 }, async () => {
      // 1. A member books Voter Persuasion (the API, as the form does) and confirms by the emailed link.
      type Listed = { id: string; spacesLeft: number; status: string; signupDeadline?: string };
      const { sessions } = (await (await fetch(`${site.url}/v1/sessions?module=voter-persuasion`)).json()) as { sessions: Listed[] };
      const session = sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && (!s.signupDeadline || Date.parse(s.signupDeadline) > Date.now() + 3_600_000));
      assert.ok(session, 'the seed has a Voter Persuasion session open for signups');
      const booked = await fetch(`${site.url}/v1/signups`, { method: 'POST', headers: json, body: JSON.stringify(signup(session.id, { email: MEMBER, returnUrl: `${site.url}/strict-csp.html` })) });
      assert.equal(booked.status, 202);
      const [link0, confirm] = /\S+#mobilise-confirm=([A-Za-z0-9_-]{43})/.exec((await mailFor(smtp, MEMBER, /^Confirm your place/)).text ?? '')!;
      assert.ok(link0.startsWith(`${site.url}/booking#`), `the confirm link leads to the booking page: ${link0}`);
      assert.equal((await fetch(`${site.url}/v1/bookings/confirm`, { method: 'POST', headers: json, body: JSON.stringify({ token: confirm }) })).status, 200);

      // 2. The confirmation email ends with the member's pathway link; the member opens it.
      const confirmed = await mailFor(smtp, MEMBER, /^You are booked: /);
      const link = /^Your Mobilise pathway: (\S+)$/m.exec(confirmed.text ?? '')?.[1];
      assert.ok(link?.startsWith(`${site.url}/pathway#token=`), `no pathway link in: ${confirmed.text}`);
      assert.ok(String(confirmed.html).includes(`href="${link}"`), 'the HTML part links it too');

      const page = await browser.newPage();
      await page.evaluateOnNewDocument('window.__name = (f) => f');
      await page.evaluateOnNewDocument(() => {
        (window as unknown as { __seen: string[] }).__seen = [];
        document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __seen: string[] }).__seen.push(`csp ${e.violatedDirective}`));
      });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
      const requests: string[] = [];
      // The page's own navigation carries the fragment, which browsers never send; everything it fetches after must not.
      page.on('request', (r) => !r.isNavigationRequest() && requests.push(r.url()));
      await page.goto(link!, { waitUntil: 'load' });
      const before = await waitToShow(page, /Voter Persuasion Booked/);
      assert.match(before, /0 of 6 modules on your pathway attended/);
      assert.match(before, /Take next Voter Persuasion You are booked on it/);
      assert.equal(await page.evaluate(() => location.hash), '', 'the token left the address bar');
      const token = link!.split('#token=')[1]!;
      assert.ok(requests.some((url) => url.endsWith('/v1/pathway')), 'the pathway was asked for');
      assert.ok(requests.every((url) => !url.includes(token)), 'the token was never in a requested URL');

      // 3. At the door, the organiser (signed in by their emailed link) marks the member attended.
      assert.equal((await fetch(`${site.url}/v1/admin/sign-in`, { method: 'POST', headers: json, body: JSON.stringify({ email: ORGANISER }) })).status, 202);
      const signIn = /#sign-in=([A-Za-z0-9_-]{43})/.exec((await mailFor(smtp, ORGANISER, /^Your sign-in link/)).text ?? '')![1];
      const session0 = await fetch(`${site.url}/v1/admin/session`, { method: 'POST', headers: json, body: JSON.stringify({ token: signIn }) });
      assert.equal(session0.status, 200);
      const cookie = /^([^;]+)/.exec(session0.headers.get('set-cookie') ?? '')![1]!;
      const { csrfToken } = (await session0.json()) as { csrfToken: string };
      const [{ id: signupId }] = (await site.db.query<{ id: number }>('SELECT id FROM signups WHERE session_id = $1 AND email = $2', [session.id, MEMBER])).rows as [{ id: number }];
      const marked = await fetch(`${site.url}/v1/admin/sessions/${session.id}/attendance`, {
        method: 'PUT',
        headers: { ...json, Cookie: cookie, [CSRF_HEADER]: csrfToken },
        body: JSON.stringify({ signupId, attended: true }),
      });
      assert.equal(marked.status, 204);

      // 4. The member reloads (the tab kept the token): attended, and the next step is Field Organising part one.
      await page.reload({ waitUntil: 'load' });
      const after = await waitToShow(page, /Voter Persuasion Attended/);
      assert.match(after, /1 of 6 modules on your pathway attended/);
      assert.match(after, /Take next Field Organising \(part one\) Ask your local party/);
      assert.match(after, /Across the whole programme you have attended 1 of its 12 modules/);
      assert.deepEqual(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen), [], 'no CSP violation');
      assert.deepEqual(problems, [], 'no page error or refused request');
      await page.close();
    });
  });
}
