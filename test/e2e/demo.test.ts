/**
 * `npm start` as a member meets it: the demo page on Vite's dev server and the
 * reference backend, started by scripts/start.ts with port 8787 already taken.
 * The page must follow the port the backend got, list the programme in its own
 * order, say as many modules as it shows, and let a member reach Submit in a
 * 1280×800 window, in a column that scrolls with the page.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../scripts/browser.js';
import { modules } from '../../server/seed/programme.js';

const ADMIN_TOKEN = 'e2e-demo-admin-token-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'mobilise-demo-'));
let blocker: Server | undefined;
let start: ChildProcess | undefined;
let browser: Browser | undefined;
let demoUrl = '';
let apiUrl = '';
let startOut = '';

/** Holds a port, or leaves it to whatever already holds it: either way it is taken. */
function occupy(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Runs scripts/start.ts; resolves with its output once `ready` matches it, or when it exits. */
function runStart(env: Record<string, string | undefined>, ready: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: undefined, PGLITE_DIR: dataDir, DEMO_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const done = new Promise<{ out: string; code: number | null }>((resolve) => {
    const check = () => ready.test(out) && resolve({ out, code: null });
    child.stdout!.on('data', (d) => ((out += d), check()));
    child.stderr!.on('data', (d) => ((out += d), check()));
    child.on('exit', (code) => resolve({ out, code }));
  });
  return { child, done };
}

before(async () => {
  blocker = await occupy(8787);
  // Ready once it has printed the URLs and the API says it is listening (in either order).
  const run = runStart({ ADMIN_TOKEN, SMTP_URL: undefined }, /^(?=[\s\S]*Mobilise demo:)(?=[\s\S]*Mobilise API on)/);
  start = run.child;
  const { out, code } = await run.done;
  assert.equal(code, null, `npm start exited: ${out}`);
  startOut = out;
  demoUrl = /Mobilise demo:\s+(\S+)/.exec(out)![1];
  apiUrl = /Reference backend:\s+(\S+)\/v1\/modules/.exec(out)![1];
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (start && start.exitCode === null) {
    const exited = new Promise((r) => start!.once('exit', r));
    start.kill('SIGTERM');
    await exited;
  }
  await new Promise((r) => (blocker ? blocker.close(r) : r(undefined)));
  rmSync(dataDir, { recursive: true, force: true });
});

test('with 8787 taken, npm start picks a free port and the demo page calls it', async () => {
  assert.notEqual(new URL(apiUrl).port, '8787');
  const page = await (await fetch(demoUrl)).text();
  assert.match(page, new RegExp(`<mobilise-provider endpoint="${apiUrl}"`));
  assert.doesNotMatch(page, /:8787/);
  const res = await fetch(`${apiUrl}/v1/modules`, { headers: { origin: new URL(demoUrl).origin } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), new URL(demoUrl).origin, 'the demo origin is allowed');
});

test('an explicit PORT that is taken stops npm start with a message, before any URL is printed', async () => {
  const taken = new URL(apiUrl).port;
  const { out, code } = await runStart({ PORT: taken }, /$^/).done;
  assert.equal(code, 1);
  assert.match(out, new RegExp(`Port ${taken} \\(PORT\\) is already in use`));
  assert.doesNotMatch(out, /Mobilise demo:/);
});

test('npm start passes ADMIN_TOKEN through, so the README export command works', async () => {
  const res = await fetch(`${apiUrl}/v1/admin/signups.csv`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
});

/** Text of `selector` in `tag`'s shadow root, or of the light DOM when tag is empty. */
const texts = (page: Page, tag: string, selector: string) =>
  page.evaluate(
    (t, s) => [...(t ? document.querySelector(t)!.shadowRoot! : document).querySelectorAll(s)].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim()),
    tag,
    selector,
  );

async function openDemo(): Promise<Page> {
  const page = await browser!.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(demoUrl, { waitUntil: 'load' });
  await page.waitForFunction(
    (n) =>
      document.querySelector('mobilise-module-catalogue')?.shadowRoot?.querySelectorAll('[part~="card"]').length === n &&
      (document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelectorAll('[part~="signup-button"]').length ?? 0) > 0,
    { timeout: 30_000 },
    modules.length,
  );
  return page;
}

test('the page and the catalogue tell one story: as many modules as it says, in programme order', { timeout: 60_000 }, async () => {
  const page = await openDemo();
  const titles = await texts(page, 'mobilise-module-catalogue', '[part~="card-title"]');
  assert.deepEqual(titles, modules.map((m) => m.title));
  assert.equal(titles[0], 'Voter Persuasion');
  assert.ok(titles.indexOf('Field Organising (part one)') < titles.indexOf('Field Organising (part two)'));
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen'];
  const [lede] = await texts(page, '', '.lede');
  const said = /\b(\w+) hands-on modules\b/i.exec(lede)?.[1]?.toLowerCase();
  assert.equal(said, words[titles.length], `the lede says "${said} hands-on modules"; the catalogue shows ${titles.length}`);
  await page.close();
});

test('at 1280×800 a member can Tab to the consent box and Submit and see them', { timeout: 60_000 }, async () => {
  const page = await openDemo();
  // Pick the first session open for signup; the form on the page opens it.
  await page.evaluate(() => {
    const buttons = [...document.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="signup-button"]')];
    buttons.find((b) => !/waiting list/i.test(b.textContent ?? ''))!.click();
  });
  await page.waitForFunction(() => document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('[name="firstName"]'), { timeout: 15_000 });
  // The form scrolls smoothly to its heading; let that finish (scrollY still for three frames) before Tabbing.
  await page.evaluate(async () => {
    for (let last = -1, same = 0; same < 3; ) {
      await new Promise((r) => requestAnimationFrame(r));
      same = scrollY === last ? same + 1 : 0;
      last = scrollY;
    }
  });
  await page.evaluate(() => document.querySelector('mobilise-signup-form')!.shadowRoot!.querySelector<HTMLInputElement>('[name="firstName"]')!.focus());
  const seen: Record<string, boolean> = {};
  for (let i = 0; i < 40 && !seen.submit; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const a = document.querySelector('mobilise-signup-form')!.shadowRoot!.activeElement as HTMLElement | null;
      if (!a) return null;
      const r = a.getBoundingClientRect();
      const key = a.getAttribute('part')?.includes('submit') ? 'submit' : a.getAttribute('name') === 'consentContact' ? 'consent' : '';
      return { key, visible: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth };
    });
    if (at?.key) seen[at.key] = at.visible;
  }
  assert.deepEqual(seen, { consent: true, submit: true }, 'the consent box and Submit come into view when focused');

  // The column scrolls with the page: sticky only if all of it fits in the window, and never a scroll box of its own.
  const column = await page.evaluate(() => {
    const aside = document.querySelector('aside')!;
    return {
      stuckTallerThanWindow: getComputedStyle(aside).position === 'sticky' && aside.getBoundingClientRect().height > innerHeight,
      scrollsOnItsOwn: aside.scrollHeight > aside.clientHeight + 1,
    };
  });
  assert.deepEqual(column, { stuckTallerThanWindow: false, scrollsOnItsOwn: false });
  await page.close();
});

test('without SMTP_URL the demo catches its own mail: a signup’s confirmation email is on the mailbox page, its HTML sandboxed', { timeout: 60_000 }, async () => {
  assert.match(startOut, /Mailbox:\s+\S+\/demo\/mailbox\.html/);
  const origin = new URL(demoUrl).origin;
  const { sessions } = (await (await fetch(`${apiUrl}/v1/sessions`)).json()) as { sessions: { id: string; start: string; spacesLeft: number; status: string }[] };
  const open = sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.start) > Date.now())!;
  const email = `mailbox.${Date.now()}@example.org`;
  const res = await fetch(`${apiUrl}/v1/signups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({
      sessionId: open.id, firstName: 'Morven', lastName: 'Demo', email, postcode: 'G1 1AA', membership: 'member',
      consentContact: true, idempotencyKey: `key_${Date.now()}_mailbox_demo`, returnUrl: demoUrl,
    }),
  });
  assert.equal(res.status, 202, await res.text());

  const page = await browser!.newPage();
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${origin}/demo/mailbox.html`, { waitUntil: 'load' });
  assert.match(response!.headers()['content-security-policy'] ?? '', /script-src 'self';/, 'the mailbox page has a strict CSP');
  // The worker sends within a second or two and the page polls: wait for this member's email to be listed.
  await page.waitForFunction((to) => [...document.querySelectorAll('article')].some((a) => a.textContent!.includes(to)), { timeout: 20_000 }, email);
  const shown = await page.evaluate((to) => {
    const article = [...document.querySelectorAll('article')].find((a) => a.textContent!.includes(to))!;
    const frame = article.querySelector('iframe')!;
    return {
      subject: article.querySelector('h2')!.textContent,
      sandbox: frame.getAttribute('sandbox'),
      htmlHasLink: frame.srcdoc.includes('#mobilise-confirm='),
      textLink: article.querySelector<HTMLAnchorElement>('pre a')?.href ?? '',
    };
  }, email);
  assert.match(shown.subject ?? '', /^Confirm your place: /);
  assert.equal(shown.sandbox, 'allow-popups allow-popups-to-escape-sandbox', 'no scripts, no same-origin');
  assert.ok(shown.htmlHasLink, 'the HTML part, as the member sees it');
  assert.ok(shown.textLink.startsWith(`${apiUrl}/booking#mobilise-confirm=`), `the link leads to the backend's booking page: ${shown.textLink}`);
  const json = (await (await fetch(`${origin}/demo/mailbox.json`)).json()) as { messages: { to: string }[] };
  assert.ok(json.messages[0]!.to.includes(email), 'newest first');
  assert.deepEqual(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), [], 'nothing on the page broke its CSP');
  await page.close();
});

test('the demo page links to the mailbox', async () => {
  const html = await (await fetch(demoUrl)).text();
  assert.match(html, /<a href="\.\/mailbox\.html">See the emails this demo sent<\/a>/);
});
