/**
 * The built bundle (dist/) embedded in a plain HTML page under a strict CSP
 * (script-src 'self', no unsafe-inline, no unsafe-eval), against the real
 * reference backend, in Chromium, Firefox and WebKit: browse → pick → sign up → stored.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { modules } from '../../server/seed/programme.js';
import { en } from '../../src/strings/en.js';
import { e2eEngines, engineSite, submitSignup, type E2ePage } from '../helpers/e2e-engines.js';
import { STRICT_CSP } from '../helpers/e2e-site.js';

/** Count nodes with a given part inside an element's shadow root. */
const countParts = (page: E2ePage, tag: string, part: string) =>
  page.evaluate((t: string, p: string) => document.querySelector(t)?.shadowRoot?.querySelectorAll(`[part~="${p}"]`).length ?? 0, tag, part);

/** A loopback port nothing listens on: a training server that is down. */
const closedPort = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});
const downServer = `http://127.0.0.1:${closedPort}`;
// Line breaks in the Markdown are spaces to a reader.
const troubleshooting = (readFileSync('docs/embedding.md', 'utf8').split('## 13. Troubleshooting')[1] ?? '').replace(/\s+/g, ' ');

/** What each engine's console says for a cross-origin server that is down, and the words docs/embedding.md quotes. */
const DOWN_MESSAGE: Partial<Record<string, { logged: RegExp; quoted: string[] }>> = {
  firefox: { logged: /Cross-Origin Request Blocked: .*\(Reason: CORS request did not succeed\)/, quoted: ['Cross-Origin Request Blocked', 'CORS request did not succeed'] },
  chromium: { logged: /net::ERR_CONNECTION_REFUSED/, quoted: ['net::ERR_CONNECTION_REFUSED'] },
};

for (const engine of e2eEngines()) {
  describe(`embed (${engine})`, () => {
    const env = engineSite(engine);

    async function openPage(): Promise<E2ePage> {
      const page = await env.browser.newPage({ width: 1100, height: 900 });
      await page.goto(`${env.site.url}/strict-csp.html`);
      return page;
    }

    /** On failure, a full-page screenshot for a person to look at. */
    const shot = (page: E2ePage) => async (e: unknown) => {
      await page.screenshot(`/tmp/e2e-fail-${engine}.png`).catch(() => {});
      throw e;
    };

    test('an English page fetches no other language; a provider switched to Welsh fetches only Welsh, then the site’s own wording, under the strict CSP', async () => {
      const page = await openPage();
      const packsFetched = () =>
        page.evaluate(() => performance.getEntriesByType('resource').map((r) => /\/chunks\/(gd|cy|overrides)-[\w-]+\.js$/.exec(r.name)?.[1]).filter(Boolean));
      await page.waitFor('calendar sessions', 10_000, () => (document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelectorAll('[part~="session"]').length ?? 0) > 0);
      assert.deepEqual(await packsFetched(), [], 'English needs no language pack');
      await page.evaluate(() => document.querySelector('mobilise-provider')!.setAttribute('locale', 'cy'));
      await page.waitFor('the calendar in Welsh', 10_000, (english: string) => {
        const h = document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelector('h2')?.textContent?.trim();
        return h && h !== english;
      }, en.calendar.heading);
      assert.deepEqual(await packsFetched(), ['cy']);
      assert.equal(await page.evaluate(() => document.querySelector('mobilise-provider')!.getAttribute('lang')), 'cy');
      // A site's own wording (test/e2e/pages/site-strings.json): its code arrives only now.
      await page.evaluate(() => document.querySelector('mobilise-provider')!.setAttribute('strings', '/site-strings.json'));
      await page.waitFor('the site’s Welsh heading', 10_000, () =>
        document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelector('h2')?.textContent?.trim() === 'Ein hyfforddiant yn eich ardal chi');
      assert.deepEqual(await packsFetched(), ['cy', 'overrides']);
      assert.deepEqual(await page.cspViolations(), [], 'no CSP violations');
      assert.deepEqual(await page.problems(), [], 'no page or console errors');
      await page.close();
    });

    test('elements render from the built bundle under a strict CSP, each defined once', async () => {
      const page = await openPage();
      await page.waitFor('catalogue cards', 10_000, () => (document.querySelector('mobilise-module-catalogue')?.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0) > 0);
      await page.waitFor('calendar sessions', 10_000, () => (document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelectorAll('[part~="session"]').length ?? 0) > 0);
      assert.equal(await countParts(page, 'mobilise-module-catalogue', 'card'), modules.length);
      assert.deepEqual(await page.cspViolations(), [], 'no CSP violations');
      assert.deepEqual(await page.problems(), [], 'no page or console errors');
      await page.close();
    });

    test('the listed sessions are the server’s JSON-LD in the page; the subscribe link is the feed of those sessions, under the strict CSP', async () => {
      const page = await openPage();
      await page.waitFor('the JSON-LD', 10_000, () => !!document.querySelector('mobilise-session-calendar > script[type="application/ld+json"]'));
      const ld = await page.evaluate(() => {
        const blocks = document.querySelectorAll('script[type="application/ld+json"]');
        const data = JSON.parse(blocks[0]!.textContent!) as { '@context': string; '@graph': { '@type': string; url: string; startDate: string }[] };
        return { blocks: blocks.length, text: blocks[0]!.textContent!, context: data['@context'], types: [...new Set(data['@graph'].map((e) => e['@type']))], urls: data['@graph'].map((e) => e.url) };
      });
      // The server built it (GET /v1/sessions.jsonld for this page): the block is its answer, as sent.
      const built = await fetch(`${env.site.url}/v1/sessions.jsonld?page=${encodeURIComponent(`${env.site.url}/strict-csp.html`)}`);
      assert.equal(built.status, 200);
      assert.match(built.headers.get('content-type') ?? '', /^application\/ld\+json/);
      assert.equal(ld.text, await built.text());
      assert.equal(ld.blocks, 1);
      assert.equal(ld.context, 'https://schema.org/');
      assert.deepEqual(ld.types, ['Event']);
      assert.ok(ld.urls.length > 0 && ld.urls.every((u) => u.startsWith(`${env.site.url}/strict-csp.html#session=`)), ld.urls[0]);

      const [webcal, https] = await page.evaluate(() =>
        [...document.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="subscribe"] a')].map((a) => a.href),
      );
      assert.equal(https, `${env.site.url}/v1/feed.ics`, 'no filter on this page, no area on its provider');
      assert.equal(webcal, https!.replace(/^http:/, 'webcal:'));
      const res = await fetch(https!);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
      const body = await res.text();
      assert.ok(body.startsWith('BEGIN:VCALENDAR\r\n'), body.slice(0, 40));
      // The feed holds every session the page describes (its UIDs are the session ids).
      const uids = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
      for (const url of ld.urls) assert.ok(uids.includes(`${url.split('#session=')[1]}@mobilise`), url);
      assert.deepEqual(await page.cspViolations(), [], 'no CSP violations');
      assert.deepEqual(await page.problems(), [], 'no page or console errors');
      await page.close();
    });

    test('a member picks a session and signs up; the signup is stored', async () => {
      const page = await openPage();
      await page.waitFor('a Sign up button', 10_000, () => (document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelectorAll('[part~="signup-button"]').length ?? 0) > 0);
      await page.evaluate(() => {
        const button = document.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="signup-button"]')!;
        button.click();
      });
      await page.waitFor('the form', 10_000, () => !!document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('form input[name="firstName"]')).catch(shot(page));
      const sessionId = await submitSignup(page, { firstName: 'Morag', lastName: 'MacLeod', email: 'morag.csp@example.org' });
      await page.waitFor('the result', 10_000, () => !!document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('[part~="result"]')).catch(shot(page));
      const resultText = await page.evaluate(() => document.querySelector('mobilise-signup-form')!.shadowRoot!.querySelector('[part~="result"]')!.textContent!);
      assert.ok(resultText.includes(en.signup.checkEmail), `the member is told to check their email: ${resultText}`);
      const rows = await env.site.db.query<{ email: string; session_id: string }>('SELECT email, session_id FROM signups WHERE email = $1', ['morag.csp@example.org']);
      assert.equal(rows.rows.length, 1);
      assert.equal(rows.rows[0].email, 'morag.csp@example.org');
      assert.ok(sessionId.includes(rows.rows[0].session_id), 'the deep-link hash names the chosen session');
      assert.deepEqual(await page.cspViolations(), []);
      assert.deepEqual(await page.problems(), []);
      await page.close();
    });
  });

  describe(`embed with the training server down (${engine})`, () => {
    // The page may call the (down) server on another port, so the failure is a network one, not the CSP's.
    const env = engineSite(engine, { csp: STRICT_CSP.replace("connect-src 'self'", `connect-src 'self' ${downServer}`) });

    test("each widget says the server cannot be reached; the console's CORS wording is the one the troubleshooting guide explains", async () => {
      const page = await env.browser.newPage({ width: 1100, height: 900 });
      await page.goto(`${env.site.url}/strict-csp.html`);
      await page.waitFor('the catalogue', 10_000, () => (document.querySelector('mobilise-module-catalogue')?.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0) > 0);
      await page.evaluate((endpoint: string) => document.querySelector('mobilise-provider')!.setAttribute('endpoint', endpoint), `${downServer}/`);
      const says = (tag: string, text: string) => document.querySelector(tag)?.shadowRoot?.textContent?.includes(text) ?? false;
      for (const tag of ['mobilise-module-catalogue', 'mobilise-session-calendar']) {
        await page.waitFor(`${tag} saying the server cannot be reached`, 30_000, says, tag, en.state.network);
      }
      // WebDriver cannot read WebKit's own console, so its wording is not checked.
      const expected = DOWN_MESSAGE[engine];
      if (expected) {
        const logged = await page.problems();
        assert.ok(logged.some((m) => expected.logged.test(m)), `${engine} logs ${expected.logged}: ${JSON.stringify(logged.slice(0, 2))}`);
        for (const words of expected.quoted) assert.ok(troubleshooting.includes(words), `the troubleshooting guide quotes "${words}"`);
      }
      assert.deepEqual(await page.cspViolations(), []);
      await page.close();
    });
  });
}
