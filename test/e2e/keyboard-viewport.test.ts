/**
 * WCAG 2.4.11 Focus Not Obscured, on the demo page as webmasters copy it (demo/index.html
 * and demo.css, with the built bundle and the real backend): after every Tab, from the
 * skip link to the footer, the focused element is inside the window, at 1280×800 and
 * 375×667. So is the field an error-summary link sends focus to.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../scripts/browser.js';
import { startStaticServer } from '../../scripts/static-server.js';
import { createApp } from '../../server/app.js';
import { openDb } from '../../server/db/open.js';
import { seedIfEmpty } from '../../server/db/seed.js';
import type { Db } from '../../server/db/types.js';
import { makeSessions, modules } from '../../server/seed/programme.js';

let db: Db;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;

before(async () => {
  db = await openDb({});
  await seedIfEmpty(db, modules, makeSessions(new Date()));
  let app: ReturnType<typeof createApp> | undefined;
  site = await startStaticServer({
    mounts: { '/dist/': 'dist', '/demo/': 'demo' },
    handle: (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/v1/')) return app!(req, res), true;
      if (path !== '/demo/') return false;
      // The demo page as published: the built bundle, and this server as its endpoint.
      const html = readFileSync('demo/index.html', 'utf8')
        .replace('/src/mobilise.ts', '/dist/mobilise.js')
        .replace('http://127.0.0.1:8787', site.url);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
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

/**
 * Where the focused element is (looking through shadow roots), and whether all of it is inside the window,
 * once any scrolling has finished: its position unchanged over three animation frames.
 */
const focusBox = (page: Page) =>
  page.evaluate(async () => {
    const deepest = () => {
      let a: Element | null = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a;
    };
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    for (let last = '', same = 0; same < 3; ) {
      await frame();
      const now = `${scrollY} ${deepest()?.getBoundingClientRect().top}`;
      same = now === last ? same + 1 : 0;
      last = now;
    }
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return null;
    const r = a.getBoundingClientRect();
    const root = a.getRootNode();
    const label = a.getAttribute('name') ?? a.getAttribute('part') ?? a.id ?? '';
    return {
      what: `${root instanceof ShadowRoot ? root.host.localName : 'page'} ${a.localName} ${label} "${(a.textContent ?? '').trim().slice(0, 40)}"`,
      top: Math.round(r.top * 10) / 10,
      bottom: Math.round(r.bottom * 10) / 10,
      // Half a pixel either way: scrolling into view can leave an edge at a fraction past the window's.
      inside: r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5,
      last: a.closest('footer') !== null && a.localName === 'a',
    };
  });

async function openDemo(width: number, height: number, beforeChoosing?: (page: Page) => Promise<void>) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  // tsx names the functions inside evaluated callbacks through a __name helper the page lacks.
  await page.evaluateOnNewDocument('window.__name = (f) => f');
  await page.goto(`${site.url}/demo/`, { waitUntil: 'load' });
  await page.waitForFunction(
    () =>
      (document.querySelector('mobilise-module-catalogue')?.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0) > 0 &&
      (document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelectorAll('[part~="signup-button"]').length ?? 0) > 0,
    { timeout: 30_000 },
  );
  await beforeChoosing?.(page);
  // Choose the first open session, so the form on the page shows every field.
  await page.evaluate(() => {
    const buttons = [...document.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="signup-button"]')];
    buttons.find((b) => !/waiting list/i.test(b.textContent ?? ''))!.click();
  });
  await page.waitForFunction(() => document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('[part="submit"]'), { timeout: 15_000 });
  return page;
}

for (const [width, height] of [
  [1280, 800],
  [375, 667],
] as const) {
  test(`at ${width}×${height} every Tab stop on the demo page is inside the window`, { timeout: 120_000 }, async () => {
    const outside: string[] = [];
    const record = (f: Awaited<ReturnType<typeof focusBox>>) => f && !f.inside && outside.push(`${f.what} at y ${f.top}–${f.bottom}`);
    // A visitor's first Tab, on the page as it loads: the skip link.
    const page = await openDemo(width, height, async (p) => {
      await p.keyboard.press('Tab');
      record(await focusBox(p));
    });
    // Then from the top of the page (a click on the header sets where Tab starts) to the footer.
    await page.evaluate(() => scrollTo(0, 0));
    await page.mouse.click(2, 2);
    let stops = 0;
    for (; stops < 600; stops++) {
      await page.keyboard.press('Tab');
      const f = await focusBox(page);
      record(f);
      if (f?.last) break;
    }
    assert.ok(stops > 50 && stops < 600, `walked ${stops} Tab stops to the footer`);
    assert.deepEqual(outside, [], `${outside.length} of ${stops} focused elements outside the ${width}×${height} window`);
    await page.close();
  });

  test(`at ${width}×${height} an error-summary link brings its field into the window`, { timeout: 60_000 }, async () => {
    const page = await openDemo(width, height);
    // Submit the empty form with the keyboard: the summary takes focus; Tab to its first link and press Enter.
    await page.evaluate(() => document.querySelector('mobilise-signup-form')!.shadowRoot!.querySelector<HTMLElement>('[part="submit"]')!.focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('mobilise-signup-form')!.shadowRoot!.activeElement?.classList.contains('error-summary'));
    const summary = await focusBox(page);
    assert.equal(summary?.inside, true, `the error summary is inside the window: ${JSON.stringify(summary)}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('mobilise-signup-form')!.shadowRoot!.activeElement?.getAttribute('name') === 'firstName');
    const field = await focusBox(page);
    assert.equal(field?.inside, true, `the field the link focused is inside the window: ${JSON.stringify(field)}`);
    await page.close();
  });
}
