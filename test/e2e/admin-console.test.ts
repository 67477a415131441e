/**
 * The organiser console end to end, in Chromium against the real server: an organiser
 * account made with the store (as `npm run admin` does) asks for a link at /admin, the
 * email arrives at a real SMTP catcher, its link opens the console, which signs in, takes the
 * token out of the address and shows the sessions table. On PGlite only: the console adds no
 * SQL of its own (the routes it calls have their own tests on PostgreSQL).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../../scripts/browser.js';
import { startCatcher, type Catcher } from '../../scripts/mail-catcher.js';
import { createApp, type App } from '../../server/app.js';
import { openDb } from '../../server/db/open.js';
import { seedIfEmpty } from '../../server/db/seed.js';
import type { Db } from '../../server/db/types.js';
import { DEFAULT_MAIL_SETTINGS } from '../../server/mail/settings.js';
import { createMailWorker, smtpTransport, type MailWorker } from '../../server/mail/worker.js';
import { makeSessions, modules } from '../../server/seed/programme.js';
import { createOrganiser } from '../../server/store/organisers.js';
import { shows } from '../helpers/console-page.js';
import { waitForDeep } from '../helpers/deep-selector.js';

const CONSOLE = 'mobilise-admin-console';
const EMAIL = 'ailsa.organiser@example.org';

describe('organiser console in a browser [pglite]', () => {
  let smtp: Catcher;
  let db: Db;
  let worker: MailWorker;
  let server: Server;
  let app: App;
  let origin: string;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync('dist/admin/admin.js'), 'dist/admin/admin.js is missing: run npm run build first');
    smtp = await startCatcher();
    db = await openDb({});
    await seedIfEmpty(db, modules, makeSessions(new Date()));
    await createOrganiser(db, { email: EMAIL, name: 'Ailsa Organiser', role: 'admin', areas: [] }, new Date());
    worker = createMailWorker({ db, transport: smtpTransport(smtp.url), mail: DEFAULT_MAIL_SETTINGS, pollMs: 200, log: () => {} });
    // The sign-in link points at the console's origin, known once the server listens.
    server = createServer((req, res) => app(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app = createApp({ db, allowedOrigins: [], adminOrigin: origin, mail: DEFAULT_MAIL_SETTINGS, mailWritten: () => worker.kick(), log: () => {} });
    worker.start();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await worker?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
    await db?.close();
    await smtp?.close();
  });

  it('asks for a link → follows the emailed link → signed in, token gone from the address, sessions listed', { timeout: 90_000 }, async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    // Expected refusals: "who is signed in?" before signing in, and the favicon nobody serves.
    const expected = (status: number, path: string) => (status === 401 && path === '/v1/admin/me') || path === '/favicon.ico';
    page.on('response', (r) => r.status() >= 400 && !expected(r.status(), new URL(r.url()).pathname) && problems.push(`${r.status()} ${r.url()}`));
    page.on('pageerror', (e) => problems.push(String(e)));
    const res = await page.goto(`${origin}/admin`, { waitUntil: 'load' });
    assert.equal(res?.headers()['cache-control'], 'no-store');
    assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);

    await waitForDeep(page, `${CONSOLE} >>> #email`, 15_000);
    await page.type(`${CONSOLE} >>> #email`, EMAIL);
    await page.keyboard.press('Enter');
    await waitForDeep(page, `${CONSOLE} >>> #sent`, 10_000);

    const [mail] = await smtp.waitFor(1);
    assert.match(JSON.stringify(mail!.to), new RegExp(EMAIL));
    const link = /https?:\/\/\S+\/admin\/#sign-in=[\w-]{43}/.exec(mail!.text ?? '')?.[0];
    assert.ok(link?.startsWith(`${origin}/admin/#sign-in=`), `no sign-in link in: ${mail!.text}`);

    const signedIn = await browser.newPage();
    const logged: string[] = [];
    signedIn.on('console', (m) => logged.push(`${m.type()}: ${m.text()}`));
    signedIn.on('requestfailed', (r) => problems.push(`failed ${r.url()}: ${r.failure()?.errorText}`));
    signedIn.on('pageerror', (e) => problems.push(String(e)));
    signedIn.on('response', (r) => r.status() >= 400 && !expected(r.status(), new URL(r.url()).pathname) && problems.push(`${r.status()} ${r.url()}`));
    await signedIn.goto(link!, { waitUntil: 'load' });
    await waitForDeep(signedIn, `${CONSOLE} >>> tbody tr`, 15_000).catch(async (error: Error) => {
      // What the console and its view showed, and every refusal or page error so far: enough to tell a slow load from a failed one.
      throw new Error(`${error.message}\nThe console showed: ${await shows(signedIn)}\nProblems: ${problems.join('; ') || 'none'}\nConsole: ${logged.join('; ') || 'nothing'}`);
    });
    const seen = await signedIn.evaluate((tag) => {
      const shell = document.querySelector(tag)!.shadowRoot!;
      const table = shell.querySelector('mobilise-admin-sessions')!.shadowRoot!;
      return { hash: location.hash, header: shell.querySelector('header')!.textContent!, rows: table.querySelectorAll('tbody tr').length };
    }, CONSOLE);
    assert.equal(seen.hash, '');
    assert.match(seen.header.replace(/\s+/g, ' '), /Signed in as Ailsa Organiser \(admin\)/);
    assert.ok(seen.rows > 0, 'the sessions table is empty');
    // The cookie is HttpOnly: the page cannot read it.
    assert.equal(await signedIn.evaluate(() => document.cookie), '');
    assert.deepEqual(problems, []);
  });
});
