/**
 * Issue 11's whole journey, in Chromium against the real server and a real SMTP server:
 * a member signs up on the CLP's page → the "confirm your place" email arrives (parsed with
 * mailparser) → its link opens the training server's booking page (/booking), which confirms the
 * booking and swaps the fragment for the manage token, and shows the online session's joining link
 * → the member cancels → the first on the waiting list (signed up and confirmed while the session
 * was full) is promoted and emailed. And a link from before the booking page (to the CLP page)
 * forwards there and confirms. On PGlite, and on PostgreSQL when DATABASE_URL is set (CI).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { addSession, dbTargets, postSignup, signup } from '../../server/test/harness.js';
import { postBooking, tokenIn } from '../../server/test/journey.js';
import { setJoining } from '../../server/store/joining.js';
import type { Catcher } from '../../scripts/mail-catcher.js';
import { startMailSite, type E2eServer } from '../helpers/e2e-site.js';
import { mailFor } from '../helpers/mail.js';
import { waitForDeep } from '../helpers/deep-selector.js';

declare global {
  interface Window {
    /** test/helpers/e2e-site.ts's probe: CSP violations and errors the page met. */
    __e2e: { csp: string[]; problems: string[] };
  }
}

const DAY = 86_400_000;
const FORM = 'mobilise-signup-form';
const BOOKING = 'mobilise-booking';
/** What the booking page shows: its heading, its tone (the result's classes) and the page's fragment. */
const shown = (page: Page) =>
  page.evaluate((tag) => {
    const result = document.querySelector(tag)!.shadowRoot!.querySelector('[part~="result"]');
    return {
      heading: result?.querySelector('h1,h2,h3,h4,h5,h6')?.textContent?.trim() ?? '',
      classes: result?.className ?? '',
      hash: location.hash,
    };
  }, BOOKING);

/** The booking page's joining link (its href and text), or null when it shows none. */
const joiningLink = (page: Page) =>
  page.evaluate((tag) => {
    const a = document.querySelector(tag)!.shadowRoot!.querySelector('[part~="joining"] a');
    return a && { href: a.getAttribute('href'), text: a.textContent };
  }, BOOKING);

/** From now on: the page's CSP violations (in `window.__seen`), errors and refused requests (returned). */
async function watch(page: Page) {
  await page.evaluateOnNewDocument('window.__name = (f) => f');
  await page.evaluateOnNewDocument(() => {
    (window as unknown as { __seen: string[] }).__seen = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __seen: string[] }).__seen.push(`csp ${e.violatedDirective}`));
  });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
  return problems;
}

/** Clicks the shadow-root button that `pick` finds (by data-action or label). */
async function press(page: Page, pick: { action?: string; label?: RegExp }) {
  await page.waitForFunction(
    (tag, action, label) =>
      [...document.querySelector(tag)!.shadowRoot!.querySelectorAll('button')].some((b) =>
        action ? b.dataset.action === action : new RegExp(label!).test(b.textContent ?? ''),
      ),
    { timeout: 10_000 },
    BOOKING,
    pick.action ?? '',
    pick.label?.source ?? '',
  );
  await page.evaluate(
    (tag, action, label) =>
      [...document.querySelector(tag)!.shadowRoot!.querySelectorAll('button')]
        .find((b) => (action ? b.dataset.action === action : new RegExp(label!).test(b.textContent ?? '')))!
        .click(),
    BOOKING,
    pick.action ?? '',
    pick.label?.source ?? '',
  );
}

for (const target of dbTargets()) {
  describe(`the member's journey in a browser [${target.name}]`, () => {
    let smtp: Catcher;
    let site: E2eServer;
    let close: () => Promise<void>;
    let browser: Browser;

    before(async () => {
      ({ smtp, site, browser, close } = await startMailSite(await target.open()));
    });

    after(() => close?.());

    it('a series in one step: part two with part one in one signup → one email confirms both places', { timeout: 120_000 }, async () => {
      // An area of its own, so the seed's sessions are not the part one offered.
      const area = `Series ${target.name}`;
      const at = (days: number) => ({ start: new Date(Date.now() + days * DAY).toISOString(), end: new Date(Date.now() + days * DAY + 3 * 3_600_000).toISOString() });
      const one = await addSession(site.db, { moduleId: 'field-organising-1', area, ...at(20), signupDeadline: undefined });
      const two = await addSession(site.db, { moduleId: 'field-organising-2', area, ...at(30), signupDeadline: undefined });
      const email = `series.${target.name}@example.org`;

      // A member of their own: a fresh browser context, so this page's cached GET /v1/sessions
      // (public, max-age=60) cannot hide the sessions the next test adds.
      const member = await browser.createBrowserContext();
      const page = await member.newPage();
      await page.goto(`${site.url}/strict-csp.html`, { waitUntil: 'load' });
      await page.evaluate((tag, id) => document.querySelector(tag)!.setAttribute('session-id', id), FORM, two.id);
      const box = `#also-${one.id}`;
      await waitForDeep(page, `${FORM} >>> ${box}`, 15_000);
      const [note, label] = await page.evaluate(
        (tag, box) => {
          const root = document.querySelector(tag)!.shadowRoot!;
          return [root.querySelector('[part~="hint"]')!.textContent!, root.querySelector(`label[for="${box.slice(1)}"]`)!.textContent!];
        },
        FORM,
        box,
      );
      assert.equal(note.trim(), 'This session builds on Field Organising (part one).');
      assert.match(label, /Book Field Organising \(part one\) on .* too: all places or none/);
      await page.click(`${FORM} >>> ${box}`);
      await page.type(`${FORM} >>> [name="firstName"]`, 'Seonaid');
      await page.type(`${FORM} >>> [name="lastName"]`, 'Series');
      await page.type(`${FORM} >>> [name="email"]`, email);
      await page.type(`${FORM} >>> [name="postcode"]`, 'G1 1AA');
      await page.click(`${FORM} >>> [name="membership"][value="member"]`);
      await page.click(`${FORM} >>> [name="consentContact"]`);
      await page.click(`${FORM} >>> [part~="submit"]`);
      await page.waitForFunction((tag) => document.querySelector(tag)!.shadowRoot!.querySelector('[part~="result"].pending'), { timeout: 15_000 }, FORM);

      // Both places are held by the one signup, and one email confirms them.
      const held = await site.db.query<{ session_id: string; status: string }>('SELECT session_id, status FROM signups WHERE lower(email) = $1 ORDER BY session_id', [email]);
      assert.deepEqual(held.rows.map((r) => [r.session_id, r.status]).sort(), [[one.id, 'pending'], [two.id, 'pending']].sort());
      const confirmMail = await mailFor(smtp, email, /^Confirm your places: /);
      assert.match(confirmMail.text ?? '', /Field Organising \(part one\)[\s\S]*Field Organising \(part two\)|Field Organising \(part two\)[\s\S]*Field Organising \(part one\)/);
      const link = /(\S+#mobilise-confirm=[A-Za-z0-9_-]{43})/.exec(confirmMail.text ?? '')?.[1];
      assert.ok(link?.startsWith(`${site.url}/booking#`), `one confirm link, to the booking page: ${link}`);
      assert.deepEqual(await page.evaluate(() => window.__e2e), { csp: [], problems: [] }, 'no CSP violation or page error');
      const problems = await watch(page);
      await page.goto('about:blank');
      await page.goto(link!, { waitUntil: 'load' });
      await page.waitForFunction((tag) => /mobilise-booking=/.test(location.hash) && document.querySelector(tag)!.shadowRoot!.querySelector('[part~="result"] button'), { timeout: 15_000 }, BOOKING);
      const confirmed = await site.db.query<{ status: string }>('SELECT status FROM signups WHERE lower(email) = $1', [email]);
      assert.deepEqual(confirmed.rows.map((r) => r.status), ['confirmed', 'confirmed']);
      assert.deepEqual(problems, [], 'no page error or refused request on the booking page');
      await member.close();
    });

    it('sign up on the page → confirm by the emailed link, which shows how to join → cancel → the waiting list is promoted and emailed', { timeout: 120_000 }, async () => {
      const start = Date.now() + 7 * DAY;
      const session = await addSession(site.db, {
        capacity: 1,
        spacesLeft: 1,
        start: new Date(start).toISOString(),
        end: new Date(start + 2 * 3_600_000).toISOString(),
      });
      assert.equal(session.delivery, 'online');
      const joining = { url: `https://meet.example.org/j/${session.id}?pwd=Kx9`, instructions: 'Meeting ID 987 6543 2100.' };
      await setJoining(site.db, session.id, joining);
      const email = `journey.${target.name}@example.org`;

      // 1. Sign up on the CLP's page (the strict-CSP embed page), its form pointed at the test's session.
      const member = await browser.createBrowserContext();
      const page = await member.newPage();
      await page.goto(`${site.url}/strict-csp.html`, { waitUntil: 'load' });
      await page.evaluate((tag, id) => document.querySelector(tag)!.setAttribute('session-id', id), FORM, session.id);
      await waitForDeep(page, `${FORM} >>> [name="firstName"]`, 15_000).catch(async (error: Error) => {
        // Say what the form showed instead, and what the page logged.
        const seen = await page.evaluate((tag) => [document.querySelector(tag)?.shadowRoot?.textContent, JSON.stringify(window.__e2e)], FORM);
        throw new Error(`${error.message}\nThe form showed: ${seen.join('\nThe page logged: ')}`);
      });
      await page.type(`${FORM} >>> [name="firstName"]`, 'Morven');
      await page.type(`${FORM} >>> [name="lastName"]`, 'Journey');
      await page.type(`${FORM} >>> [name="email"]`, email);
      await page.type(`${FORM} >>> [name="postcode"]`, 'G1 1AA');
      await page.click(`${FORM} >>> [name="membership"][value="member"]`);
      await page.click(`${FORM} >>> [name="consentContact"]`);
      await page.click(`${FORM} >>> [part~="submit"]`);
      await page.waitForFunction((tag) => document.querySelector(tag)!.shadowRoot!.querySelector('[part~="result"].pending'), { timeout: 15_000 }, FORM);
      assert.match(await page.evaluate((tag) => document.querySelector(tag)!.shadowRoot!.querySelector('[part~="result"]')!.className, FORM), /\bplace\b/, 'the member holds the place');
      assert.deepEqual(await page.evaluate(() => window.__e2e), { csp: [], problems: [] }, 'no CSP violation, error or console.error on the CLP page');

      // 2. The session is full now: a second member joins the waiting list and confirms that.
      const waiting = signup(session.id, { firstName: 'Wendy', email: `waiting.${target.name}@example.org`, returnUrl: `${site.url}/strict-csp.html` });
      assert.equal((await postSignup(site.url, waiting, { origin: site.url })).status, 202);
      const waitingConfirm = await mailFor(smtp, waiting.email, /^Confirm your place: /);
      const waitlisted = await postBooking(site.url, 'confirm', tokenIn(waitingConfirm.text ?? '', 'confirm'));
      assert.equal(((await waitlisted.json()) as { status: string }).status, 'waitlisted');

      // 3. Read the member's email from the SMTP server and follow its link.
      const confirmMail = await mailFor(smtp, email, /^Confirm your place/);
      const link = /(\S+#mobilise-confirm=[A-Za-z0-9_-]{43})/.exec(confirmMail.text ?? '')?.[1];
      assert.ok(link && link.startsWith(`${site.url}/booking#`), `the link leads to the server's booking page: ${link}`);
      assert.ok(String(confirmMail.html).includes(link), 'the same link in the HTML part');
      const problems = await watch(page);
      await page.goto('about:blank');
      await page.goto(link, { waitUntil: 'load' });

      // 4. Confirmed on the booking page; the spent confirm token is replaced by the manage token.
      await page.waitForFunction((tag) => /mobilise-booking=/.test(location.hash) && document.querySelector(tag)!.shadowRoot!.querySelector('[part~="result"] button'), { timeout: 15_000 }, BOOKING);
      const confirmed = await shown(page);
      assert.match(confirmed.hash, /^#mobilise-booking=[A-Za-z0-9_-]{43}$/);
      assert.match(confirmed.heading, /booked|confirmed/i);
      assert.doesNotMatch(confirmed.classes, /\b(error|waitlisted|pending)\b/);
      // A confirmed member of an online session sees how to join: the organisers' link, a real link.
      assert.deepEqual(await joiningLink(page), { href: joining.url, text: joining.url });
      const booked = await mailFor(smtp, email, /^You are booked: /);
      assert.ok(booked.attachments.some((a) => a.filename === 'session.ics'), 'the confirmation carries the .ics');
      assert.equal(tokenIn(booked.text ?? '', 'booking'), confirmed.hash.split('=')[1], 'the manage link the email carries is the one on the page');

      // 5. Cancel, with the confirm step.
      await press(page, { label: /Cancel my place/ });
      await press(page, { action: 'cancel' });
      await page.waitForFunction((tag) => document.querySelector(tag)!.shadowRoot!.querySelector('[part~="result"].error'), { timeout: 15_000 }, BOOKING);
      assert.match((await shown(page)).heading, /cancelled/i);
      assert.equal(await joiningLink(page), null, 'a cancelled place shows no joining details');
      await mailFor(smtp, email, /^Cancelled: /);

      // 6. The waiting-list member has the place, and is told so.
      const promoted = await mailFor(smtp, waiting.email, /^A place is yours: /);
      assert.ok(promoted.attachments.some((a) => a.filename === 'session.ics'), `"${promoted.subject}" carries the .ics`);
      const { rows } = await site.db.query<{ email: string; status: string }>(
        'SELECT lower(email) AS email, status FROM signups WHERE session_id = $1 ORDER BY id',
        [session.id],
      );
      assert.deepEqual(rows, [
        { email, status: 'cancelled' },
        { email: waiting.email, status: 'confirmed' },
      ]);
      assert.deepEqual(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen), [], 'no CSP violation on the booking page');
      assert.deepEqual(problems, [], 'no page error or refused request');
      await member.close();
    });

    it('a link from before the booking page (to the CLP page) forwards to /booking, which confirms', { timeout: 60_000 }, async () => {
      const session = await addSession(site.db, { capacity: 5, spacesLeft: 5 });
      const member = signup(session.id, { firstName: 'Olwen', email: `old-link.${target.name}@example.org`, returnUrl: `${site.url}/strict-csp.html` });
      assert.equal((await postSignup(site.url, member, { origin: site.url })).status, 202);
      const token = tokenIn((await mailFor(smtp, member.email, /^Confirm your place/)).text ?? '', 'confirm');
      const page = await browser.newPage();
      const problems = await watch(page);
      await page.goto(`${site.url}/v1/modules`); // where the member was before opening the email
      // As such an email linked it: the CLP page, the token in its fragment beside the page's own.
      await page.goto(`${site.url}/strict-csp.html#top&mobilise-confirm=${token}`, { waitUntil: 'load' });
      await page.waitForFunction((tag) => location.pathname === '/booking' && /mobilise-booking=/.test(location.hash) && document.querySelector(tag)?.shadowRoot?.querySelector('[part~="result"] button'), { timeout: 15_000 }, BOOKING);
      const confirmed = await shown(page);
      assert.match(confirmed.hash, /^#top&mobilise-booking=[A-Za-z0-9_-]{43}$/, 'the fragment came along, its token swapped');
      assert.match(confirmed.heading, /^Olwen, you are booked in$/);
      assert.deepEqual(problems, [], 'no page error or refused request');
      await page.goBack();
      assert.equal(await page.evaluate(() => location.pathname), '/v1/modules', 'replaced: Back leads out, not to a page that forwards again');
      const { rows } = await site.db.query<{ status: string }>('SELECT status FROM signups WHERE session_id = $1', [session.id]);
      assert.deepEqual(rows, [{ status: 'confirmed' }]);
      await page.close();
    });
  });
}
