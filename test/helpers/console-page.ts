/**
 * For e2e tests that drive the organiser console (the backend's /admin) in Chromium through
 * puppeteer: finding controls through its views' shadow roots, setting them as a person would,
 * and signing in by the emailed link. test/e2e/admin-journey.test.ts, module-request-journey.test.ts.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, ElementHandle, Page } from 'puppeteer-core';
import type { Catcher } from '../../scripts/mail-catcher.js';
import { waitForDeep } from './deep-selector.js';
import { mailFor } from './mail.js';

const CONSOLE = 'mobilise-admin-console';

/** What the console shows (through its views' shadow roots), for a failure message. */
export const shows = (page: Page) =>
  page.evaluate((tag) => {
    const walk = (root: ParentNode): string =>
      [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? walk(el.shadowRoot) : el.children.length ? '' : (el.textContent ?? ''))).join(' ');
    return `${location.hash} | ${walk(document.querySelector(tag)!.shadowRoot!).replace(/\s+/g, ' ').trim()}`;
  }, CONSOLE);

/** Waits for a control anywhere in the console's shadow roots; on timeout, says what the console showed instead. */
export async function find(page: Page, selector: string): Promise<ElementHandle<Element>> {
  return waitForDeep(page, `${CONSOLE} >>> ${selector}`, 10_000).catch(async (error: Error) => {
    throw new Error(`${error.message}\nThe console showed: ${await shows(page)}`);
  });
}

/** Sets a control's value as a person would (input + change events), through the console's shadow roots. */
export async function setValue(page: Page, selector: string, value: string): Promise<void> {
  const handle = await find(page, selector);
  await handle.evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }, value);
}

/** The text of the first element `selector` finds in the console, once it matches. */
export async function textOf(page: Page, selector: string, matching = /\S/): Promise<string> {
  const handle = await find(page, selector);
  await page.waitForFunction((el, re) => new RegExp(re).test(el!.textContent ?? ''), { timeout: 10_000 }, handle, matching.source).catch(async (error: Error) => {
    throw new Error(`${error.message}: ${selector} says "${await handle!.evaluate((el) => el.textContent)}", not ${matching}`);
  });
  return (await handle!.evaluate((el) => el.textContent ?? '')).replace(/\s+/g, ' ').trim();
}

export const click = async (page: Page, selector: string) => (await find(page, selector)).click();

/**
 * Every refusal and page error the page meets goes into `problems` (a 401 from "who is signed
 * in?" before signing in is expected).
 */
export async function watch(page: Page, problems: string[]): Promise<Page> {
  // tsx names functions through a __name helper that evaluated callbacks reference.
  await page.evaluateOnNewDocument('window.__name = (f) => f');
  const expected = (status: number, path: string) => (status === 401 && path === '/v1/admin/me') || path === '/favicon.ico';
  page.on('response', (r) => r.status() >= 400 && !expected(r.status(), new URL(r.url()).pathname) && problems.push(`${r.status()} ${r.request().method()} ${r.url()}`));
  page.on('pageerror', (e) => problems.push(String(e)));
  return page;
}

/** Asks for a link at /admin, follows the emailed one, and waits for the console's sessions table. */
export async function signIn(context: BrowserContext, site: { url: string }, smtp: Catcher, email: string, problems: string[]): Promise<Page> {
  const page = await watch(await context.newPage(), problems);
  await page.goto(`${site.url}/admin/`, { waitUntil: 'load' });
  await (await find(page, '#email')).type(email);
  await page.keyboard.press('Enter');
  await find(page, '#sent');
  const mail = await mailFor(smtp, email, /^Your sign-in link/);
  const link = /https?:\/\/\S+\/admin\/#sign-in=[\w-]{43}/.exec(mail.text ?? '')?.[0];
  assert.ok(link?.startsWith(`${site.url}/admin/#sign-in=`), `no sign-in link in: ${mail.text}`);
  await page.goto(link!, { waitUntil: 'load' });
  await find(page, 'mobilise-admin-sessions');
  assert.equal(await page.evaluate(() => location.hash), '', 'the spent token left the address bar');
  return page;
}

/**
 * Fills the console's "New session" form for an online session (no venue) `days` from now,
 * 18:30 to 20:30 UK time, saves it, and answers its id once the session's page opens.
 */
export async function createOnlineSession(page: Page, s: { moduleId: string; days: number; area: string; capacity: number }): Promise<string> {
  await click(page, 'a[href="#new"]');
  await find(page, `#module option[value="${s.moduleId}"]`);
  await setValue(page, '#module', s.moduleId);
  await setValue(page, '#date', londonDay(s.days));
  await setValue(page, '#start', '18:30');
  await setValue(page, '#end', '20:30');
  await click(page, '#delivery-online');
  await setValue(page, '#area', s.area);
  await setValue(page, '#capacity', String(s.capacity));
  await click(page, '#save');
  await page.waitForFunction(() => /^#session=[a-z0-9-]+$/.test(location.hash), { timeout: 10_000 });
  return (await page.evaluate(() => location.hash)).split('=')[1]!;
}

/** The London date `days` from now, as a date input takes it. */
export const londonDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() + days * 86_400_000));
