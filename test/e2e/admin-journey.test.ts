/**
 * Issue 12's done-when, in Chromium against the real server, a real SMTP server and the built
 * console and embed: an area organiser signs in through the emailed link → creates a session
 * with the console's form and publishes it → it appears in <mobilise-session-calendar> on the
 * CLP's page → a member signs up there and confirms by email → the organiser marks them as
 * attended → cancels the session after reading the email's preview (the member gets that
 * email) → an admin, signed in the same way, erases the member. On PGlite, and on PostgreSQL
 * when DATABASE_URL is set (CI).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import type { Catcher } from '../../scripts/mail-catcher.js';
import { createOrganiser } from '../../server/store/organisers.js';
import { dbTargets } from '../../server/test/harness.js';
import { startMailSite, type E2eServer } from '../helpers/e2e-site.js';
import { click, createOnlineSession, find, setValue, shows, signIn as signInWith, textOf, watch as watchFor } from '../helpers/console-page.js';
import { mailFor } from '../helpers/mail.js';
import { waitForDeep } from '../helpers/deep-selector.js';

const FORM = 'mobilise-signup-form';
const CALENDAR = 'mobilise-session-calendar';
const ORGANISER = 'gus.organiser@example.org';
const ADMIN = 'ada.admin@example.org';
const MEMBER = 'morven.member@example.org';
const AREA = 'Glasgow';
const NOTE = 'The hall has flooded. We will email a new date soon.';

for (const target of dbTargets()) {
  describe(`an organiser runs a session from the console [${target.name}]`, () => {
    let smtp: Catcher;
    let site: E2eServer;
    let close: () => Promise<void>;
    let browser: Browser;
    const problems: string[] = [];

    /** Every refusal and page error the console meets (a 401 from "who is signed in?" before signing in is expected). */
    const watch = (page: Page) => watchFor(page, problems);
    /** Asks for a link at /admin, follows the emailed one, and waits for the console's sessions table. */
    const signIn = (context: BrowserContext, email: string) => signInWith(context, site, smtp, email, problems);

    before(async () => {
      const db = await target.open();
      const now = new Date();
      await createOrganiser(db, { email: ORGANISER, name: 'Gus Organiser', role: 'organiser', areas: [AREA] }, now);
      await createOrganiser(db, { email: ADMIN, name: 'Ada Admin', role: 'admin', areas: [] }, now);
      ({ smtp, site, browser, close } = await startMailSite(db));
    });

    after(() => close?.());

    it('sign in by email → create and publish a session → on the CLP calendar → member signs up → attendance → cancel (member emailed) → erase', { timeout: 180_000 }, async () => {
      const { db } = site;
      const organiserContext = await browser.createBrowserContext();
      const desk = await signIn(organiserContext, ORGANISER);

      // 1. Create a session with the form: online (no venue), in the organiser's area, in three days.
      const sessionId = await createOnlineSession(desk, { moduleId: 'voter-persuasion', days: 3, area: AREA, capacity: 12 });
      assert.match(await textOf(desk, '#status', /Draft/), /Draft/);
      const [created] = (
        await db.query<{ module_id: string; area: string; capacity: number; published: boolean; starts_at: Date | string }>(
          'SELECT module_id, area, capacity, published, starts_at FROM sessions WHERE id = $1',
          [sessionId],
        )
      ).rows;
      const { starts_at: startsAt, ...stored } = created!;
      assert.deepEqual(stored, { module_id: 'voter-persuasion', area: AREA, capacity: 12, published: false });
      // 18:30 on the London wall clock, whatever the offset that day.
      assert.equal(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(new Date(startsAt)), '18:30');

      await click(desk, '#publish');
      await textOf(desk, '#status', /Published/);

      // 2. The CLP's page (the strict-CSP embed page) lists it in the calendar.
      const clp = await watch(await browser.newPage());
      await clp.goto(`${site.url}/strict-csp.html`, { waitUntil: 'load' });
      await waitForDeep(clp, `${CALENDAR} >>> [data-session="${sessionId}"]`, 15_000);

      // 3. A member signs up for it on that page, and confirms by the emailed link.
      await clp.evaluate((tag, id) => document.querySelector(tag)!.setAttribute('session-id', id), FORM, sessionId);
      await waitForDeep(clp, `${FORM} >>> [name="firstName"]`, 15_000);
      await clp.type(`${FORM} >>> [name="firstName"]`, 'Morven');
      await clp.type(`${FORM} >>> [name="lastName"]`, 'Member');
      await clp.type(`${FORM} >>> [name="email"]`, MEMBER);
      await clp.type(`${FORM} >>> [name="postcode"]`, 'G1 1AA');
      await clp.click(`${FORM} >>> [name="membership"][value="member"]`);
      await clp.click(`${FORM} >>> [name="consentContact"]`);
      await clp.click(`${FORM} >>> [part~="submit"]`);
      await clp.waitForFunction((tag) => document.querySelector(tag)!.shadowRoot!.querySelector('[part~="result"].pending'), { timeout: 15_000 }, FORM);
      const confirm = await mailFor(smtp, MEMBER, /^Confirm your place/);
      const link = /(\S+#mobilise-confirm=[A-Za-z0-9_-]{43})/.exec(confirm.text ?? '')?.[1];
      assert.ok(link?.startsWith(`${site.url}/booking#`), `no link to the booking page in: ${confirm.text}`);
      assert.deepEqual(await clp.evaluate(() => window.__e2e), { csp: [], problems: [] }, 'no CSP violation, error or desk.error on the CLP page');
      await clp.goto('about:blank');
      await clp.goto(link!, { waitUntil: 'load' });
      await clp.waitForFunction(() => /mobilise-booking=/.test(location.hash) && document.querySelector('mobilise-booking')?.shadowRoot?.querySelector('[part~="result"].confirmed'), { timeout: 15_000 });
      await mailFor(smtp, MEMBER, /^You are booked: /);
      await clp.close();

      // 4. At the door: the organiser ticks the member as attended.
      const [{ id: signupId }] = (await db.query<{ id: number }>('SELECT id FROM signups WHERE session_id = $1', [sessionId])).rows as [{ id: number }];
      await desk.evaluate((id) => (location.hash = `#session=${id}`), sessionId);
      await desk.reload({ waitUntil: 'load' });
      const tick = `#attended-${signupId}`;
      await find(desk, tick);
      const marked = desk.waitForResponse((r) => r.url().endsWith(`/v1/admin/sessions/${sessionId}/attendance`) && r.request().method() === 'PUT');
      await click(desk, tick);
      assert.equal((await marked).status(), 204);
      const attended = await db.query<{ attended_at: Date | null }>('SELECT attended_at FROM signups WHERE id = $1', [signupId]);
      assert.ok(attended.rows[0]!.attended_at, 'attendance is stored');

      // 5. Cancel the session: the preview shows the email with the note; the member gets that email.
      await click(desk, '#cancel-session');
      await setValue(desk, '#cancel-note', NOTE);
      await textOf(desk, '#cancel-preview', new RegExp(NOTE.slice(0, 20)));
      await click(desk, '#cancel-confirm');
      await textOf(desk, '#status', /Cancelled/);
      const cancelled = await mailFor(smtp, MEMBER, /^Cancelled by the organisers: /);
      assert.ok(cancelled.text?.includes(NOTE), 'the note the organiser wrote is in the email');
      await organiserContext.close();

      // 6. The member asks to be erased: an admin finds and erases everything about them.
      const adminContext = await browser.createBrowserContext();
      const admin = await signIn(adminContext, ADMIN);
      await click(admin, 'a[href="#people"]');
      await setValue(admin, '#person-email', MEMBER);
      await click(admin, '#person-search');
      await textOf(admin, '#person-result', new RegExp(MEMBER));
      assert.match(await shows(admin), /Voter Persuasion/, 'the signup is listed');
      await click(admin, '#erase-confirm');
      await click(admin, '#erase');
      assert.match(await textOf(admin, '#erase-result', /Erased/), /Erased: .* 1 signup anonymised/);
      const left = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signups WHERE lower(email) = $1', [MEMBER]);
      assert.equal(left.rows[0]!.n, 0, 'no signup keeps the address');
      const counted = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signups WHERE session_id = $1', [sessionId]);
      assert.equal(counted.rows[0]!.n, 1, 'the anonymous row keeps the session’s history');
      await adminContext.close();

      assert.deepEqual(problems, [], 'no refused request or page error in the console');
    });
  });
}
