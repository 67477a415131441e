/**
 * Issue 14's done-when for "ask for this module near me", in Chromium against the real server, a
 * real SMTP server and the built console: members ask through the API from the CLP's page and
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
import { click, createOnlineSession, shows, signIn, textOf } from '../helpers/console-page.js';
import { startMailSite, type E2eServer } from '../helpers/e2e-site.js';
import { mailFor } from '../helpers/mail.js';

const ORGANISER = 'rhona.organiser@example.org';
const AREA = 'Paisley';
const ASKERS = { english: 'ewan.asker@example.org', gaelic: 'mairi.asker@example.org', unconfirmed: 'never.confirms@example.org' };

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
      ({ smtp, site, browser, close } = await startMailSite(db));
    });

    after(() => close?.());

    /** As the CLP's page would send it (its Origin), from its own address. */
    const post = (path: string, body: unknown) =>
      fetch(`${site.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: site.url }, body: JSON.stringify(body) });

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
        const token = new RegExp(`${page.replace(/[.?]/g, '\\$&')}#mobilise-request=([A-Za-z0-9_-]{43})`).exec(mail.text ?? '')?.[1];
        assert.ok(token, `no confirm link to the page in: ${mail.text}`);
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
      const link = `${page}#mobilise-session=${sessionId}`;
      const english = await mailFor(smtp, ASKERS.english, /^A session near you: Voter Persuasion$/);
      assert.ok(english.text?.includes(`See the session and book:\n${link}`), english.text);
      assert.match(english.text ?? '', /You asked us to tell you when this module was arranged in this area: Paisley\./);
      assert.match(String(english.html), new RegExp(`<a href="${link.replace(/[.?]/g, '\\$&')}"`));
      const gaelic = await mailFor(smtp, ASKERS.gaelic, /^Seisean faisg ort: /);
      assert.ok(gaelic.text?.includes(link), gaelic.text);
      assert.match(String(gaelic.html), /<html lang="gd">/);
      const { rows } = await site.db.query<{ to_address: string }>(`SELECT to_address FROM outbox WHERE kind = 'request-session' ORDER BY to_address`);
      assert.deepEqual(
        rows.map((r) => r.to_address),
        [ASKERS.english, ASKERS.gaelic],
        'one email each, and none to the member who never confirmed',
      );
      const sessionMails = smtp.received.filter((m) => /A session near you|Seisean faisg ort/.test(m.subject ?? ''));
      assert.equal(sessionMails.length, 2, 'exactly two arrived');

      // 5. Nobody is left waiting there.
      await click(desk, 'a[href="#requests"]');
      await textOf(desk, '#requests-state', /Nobody is waiting for a session in your areas\./);
      await context.close();
      assert.deepEqual(problems, [], 'no refused request or page error in the console');
    });
  });
}
