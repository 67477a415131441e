/**
 * Issue 14's done-when for "ask for this module near me", in Chromium against the real server, a
 * real SMTP server and the built console: a member follows the catalogue's link to the request
 * page (/request), asks there and confirms on it by the emailed link, and the email about the session
 * published in answer opens it in the CLP page's calendar. Then, through the API: members ask from the CLP's page and
 * confirm by the emailed link (one never does) → the area's organiser sees the count in the
 * console's Requests view (no address) → creates a session there and publishes it in the
 * console → each confirmed member gets one email, parsed with mailparser, in their language,
 * with a link to book on the page they asked from; the unconfirmed one gets none; the view
 * empties. On PGlite, and on PostgreSQL when DATABASE_URL is set (CI).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import type { Catcher } from '../../scripts/mail-catcher.js';
import { createOrganiser } from '../../server/store/organisers.js';
import { dbTargets } from '../../server/test/harness.js';
import { click, createOnlineSession, shows, signIn, textOf, watch } from '../helpers/console-page.js';
import { startMailSite, type E2eServer } from '../helpers/e2e-site.js';
import { mailFor } from '../helpers/mail.js';
import { waitForDeep } from '../helpers/deep-selector.js';

const ORGANISER = 'rhona.organiser@example.org';
const AREA = 'Paisley';
const ASKERS = { english: 'ewan.asker@example.org', gaelic: 'mairi.asker@example.org', unconfirmed: 'never.confirms@example.org' };
/** The browser's member, on a CLP page for an area with no session yet (test/e2e/pages/ask.html), and its organiser. */
const MEMBER = { email: 'isla.asker@example.org', area: 'Barrhead', organiser: 'calum.organiser@example.org' };

for (const target of dbTargets()) {
  describe(`a module request turns into an email when a session is published [${target.name}]`, () => {
    let smtp: Catcher;
    let site: E2eServer;
    let close: () => Promise<void>;
    let browser: Browser;
    const problems: string[] = [];

    before(async () => {
      const db = await target.open();
      await createOrganiser(db, { email: ORGANISER, name: 'Rhona Organiser', role: 'organiser', areas: [AREA] }, new Date());
      await createOrganiser(db, { email: MEMBER.organiser, name: 'Calum Organiser', role: 'organiser', areas: [MEMBER.area] }, new Date());
      ({ smtp, site, browser, close } = await startMailSite(db));
    });

    after(() => close?.());

    /** As the CLP's page would send it (its Origin), from its own address. */
    const post = (path: string, body: unknown) =>
      fetch(`${site.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: site.url }, body: JSON.stringify(body) });

    it('the catalogue’s link → the request page → confirmed by the email’s link on it → a published session emails a link that opens it in the calendar', { timeout: 180_000 }, async () => {
      const clp = `${site.url}/ask.html`;
      const context = await browser.createBrowserContext();
      const member = await watch(await context.newPage(), problems);
      await member.goto(clp);
      // 1. Nothing in Barrhead: the Voter Persuasion card offers to ask, for this area, leading back to this page.
      const link = 'mobilise-module-catalogue >>> article[data-module="voter-persuasion"] a[part="ask"]';
      const href = await (await waitForDeep(member, link, 10_000)).evaluate((a) => a.getAttribute('href'));
      assert.equal(href, `${site.url}/request?module=voter-persuasion&area=${MEMBER.area}&from=${encodeURIComponent(clp)}&lang=en-GB`);
      await Promise.all([member.waitForNavigation(), member.click(link)]);

      // 2. The request page, in a real browser under its strict CSP: the module chosen, the area filled in.
      const field = (css: string) => `mobilise-module-request >>> ${css}`;
      await waitForDeep(member, field('form'), 10_000);
      assert.equal(await member.$eval(field('#f-moduleId'), (s) => (s as HTMLSelectElement).value), 'voter-persuasion');
      assert.equal(await member.$eval(field('#f-area'), (i) => (i as HTMLInputElement).value), MEMBER.area);
      await member.type(field('#f-email'), MEMBER.email);
      await member.click(field('#f-consent'));
      await member.click(field('button[type="submit"]'));
      await member.waitForFunction(
        () => document.querySelector('mobilise-module-request')?.shadowRoot?.querySelector('.result-heading')?.textContent === 'Check your email to confirm',
        { timeout: 10_000 },
      );

      // 3. The confirmation email links to the request page (the token in its fragment), which confirms it.
      const confirm = await mailFor(smtp, MEMBER.email, /^Confirm your request: Voter Persuasion$/);
      const confirmLink = new RegExp(`${site.url.replace(/[.]/g, '\\.')}/request#mobilise-request=[A-Za-z0-9_-]{43}`).exec(confirm.text ?? '')?.[0];
      assert.ok(confirmLink, `no link to the request page in: ${confirm.text}`);
      await member.goto(confirmLink);
      await member.waitForFunction(
        () => document.querySelector('mobilise-module-request')?.shadowRoot?.querySelector('.result-heading')?.textContent === 'Your request is confirmed',
        { timeout: 10_000 },
      );
      assert.equal(await member.evaluate(() => location.hash), '', 'the token left the address bar');
      const { rows } = await site.db.query<{ status: string; return_url: string }>('SELECT status, return_url FROM module_requests WHERE email = $1', [MEMBER.email]);
      assert.deepEqual(rows, [{ status: 'open', return_url: clp }], 'confirmed, and to be answered on the CLP page');

      // 4. The organiser publishes a session there: the email's link opens it in the CLP page's calendar, to book.
      const desk = await signIn(await browser.createBrowserContext(), site, smtp, MEMBER.organiser, problems);
      const sessionId = await createOnlineSession(desk, { moduleId: 'voter-persuasion', days: 12, area: MEMBER.area, capacity: 20 });
      await click(desk, '#publish');
      await textOf(desk, '#status', /Published/);
      const news = await mailFor(smtp, MEMBER.email, /^A session near you: Voter Persuasion$/);
      const sessionLink = `${clp}#session=${sessionId}`;
      assert.ok(news.text?.includes(sessionLink), news.text);
      // Opened later, as an email is: a browser without the minute's cached GET /v1/sessions (public, max-age=60) from step 1.
      const later = await browser.createBrowserContext();
      const reader = await watch(await later.newPage(), problems);
      await reader.goto(sessionLink);
      const calendarSays = () => reader.$eval('mobilise-session-calendar', (c) => c.shadowRoot?.textContent?.replace(/\s+/g, ' '));
      await waitForDeep(reader, `mobilise-session-calendar >>> #session-${sessionId}`, 10_000).catch(async (e: Error) => {
        throw new Error(`${e.message}: the calendar showed ${await calendarSays()}`);
      });
      const title = await waitForDeep(reader, 'mobilise-session-calendar >>> dialog[open] #dialog-title', 10_000).catch(async (e: Error) => {
        throw new Error(`${e.message}: no signup dialog; the calendar showed ${await calendarSays()}`);
      });
      assert.match(String(await title!.evaluate((h) => h.textContent)), /Voter Persuasion/, 'the calendar opened the session’s signup');
      await desk.browserContext().close();
      await context.close();
      await later.close();
      assert.deepEqual(problems, [], 'no refused request or page error');
    });

    it('ask and confirm by email → counted in the console → organiser publishes a session there → one email each, to book', { timeout: 180_000 }, async () => {
      const page = `${site.url}/strict-csp.html`;
      // 1. Three members ask for Voter Persuasion in Paisley (any letter case); two confirm by the emailed link.
      for (const [who, email] of Object.entries(ASKERS)) {
        const res = await post('/v1/module-requests', {
          moduleId: 'voter-persuasion',
          area: who === 'gaelic' ? 'paisley' : AREA,
          email,
          consent: true,
          returnUrl: page,
          ...(who === 'gaelic' ? { locale: 'gd' } : {}),
        });
        assert.equal(res.status, 202, await res.clone().text());
        const mail = await mailFor(smtp, email, who === 'gaelic' ? /^Dearbh an t-iarrtas agad: / : /^Confirm your request: Voter Persuasion$/);
        const token = new RegExp(`${site.url.replace(/[.]/g, '\\.')}/request(?:\\?lang=gd)?#mobilise-request=([A-Za-z0-9_-]{43})`).exec(mail.text ?? '')?.[1];
        assert.ok(token, `no confirm link to the request page in: ${mail.text}`);
        if (who === 'unconfirmed') continue;
        const confirmed = await post('/v1/module-requests/confirm', { token });
        assert.equal(confirmed.status, 200, await confirmed.clone().text());
      }

      // 2. The area's organiser sees two people waiting, and no address.
      const context = await browser.createBrowserContext();
      const desk = await signIn(context, site, smtp, ORGANISER, problems);
      await click(desk, 'a[href="#requests"]');
      const row = await textOf(desk, '#requests-table tbody tr', /2 people/);
      assert.match(row, /^Voter Persuasion Paisley 2 people \d/);
      assert.doesNotMatch(await shows(desk), /@example\.org/, 'the console shows no requester’s address');

      // 3. A session of the module in Paisley, created and published in the console.
      const sessionId = await createOnlineSession(desk, { moduleId: 'voter-persuasion', days: 10, area: AREA, capacity: 20 });
      await click(desk, '#publish');
      await textOf(desk, '#status', /Published/);

      // 4. Each confirmed member gets one email about it, in their language, with the link to book on the page they asked from.
      const link = `${page}#session=${sessionId}`;
      const english = await mailFor(smtp, ASKERS.english, /^A session near you: Voter Persuasion$/);
      assert.ok(english.text?.includes(`See the session and book:\n${link}`), english.text);
      assert.match(english.text ?? '', /You asked us to tell you when this module was arranged in this area: Paisley\./);
      assert.match(String(english.html), new RegExp(`<a href="${link.replace(/[.?]/g, '\\$&')}"`));
      const gaelic = await mailFor(smtp, ASKERS.gaelic, /^Seisean faisg ort: /);
      assert.ok(gaelic.text?.includes(link), gaelic.text);
      assert.match(String(gaelic.html), /<html lang="gd">/);
      const { rows } = await site.db.query<{ to_address: string }>(`SELECT to_address FROM outbox WHERE kind = 'request-session' AND to_address = ANY($1) ORDER BY to_address`, [
        Object.values(ASKERS),
      ]);
      assert.deepEqual(
        rows.map((r) => r.to_address),
        [ASKERS.english, ASKERS.gaelic],
        'one email each, and none to the member who never confirmed',
      );
      const sessionMails = smtp.received.filter((m) => /A session near you|Seisean faisg ort/.test(m.subject ?? '') && !JSON.stringify(m.to).includes(MEMBER.email));
      assert.equal(sessionMails.length, 2, 'exactly two arrived');

      // 5. Nobody is left waiting there.
      await click(desk, 'a[href="#requests"]');
      await textOf(desk, '#requests-state', /Nobody is waiting for a session in your areas\./);
      await context.close();
      assert.deepEqual(problems, [], 'no refused request or page error in the console');
    });
  });
}
