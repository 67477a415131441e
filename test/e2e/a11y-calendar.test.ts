/**
 * The session calendar as assistive technology gets it: Chromium's accessibility
 * tree, not the DOM that axe reads. The built bundle, the real backend's seeded
 * programme, a 1280×800 window and no scrolling: every session the agenda has put
 * in the DOM must be in the tree (its heading and its signup button), each month a
 * named region, and repeated disclosures must say which session they belong to.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page, SerializedAXNode } from 'puppeteer-core';
import { en } from '../../src/strings/en.js';
import { startE2eSite, type E2eSite } from '../helpers/e2e-site.js';

const t = en.calendar;
let site: E2eSite;

before(async () => {
  site = await startE2eSite();
});

after(async () => {
  await site?.close();
});

const flat = (n: SerializedAXNode): SerializedAXNode[] => [n, ...(n.children ?? []).flatMap(flat)];
/** Chromium puts a space before the visually hidden context ("Sign up : …"); the DOM text has none. */
const words = (s: string) => s.replace(/\s+/g, ' ').replace(/ ([:,])/g, '$1').trim();
const names = (nodes: SerializedAXNode[]) => nodes.map((n) => words(n.name ?? ''));

async function openCalendar(): Promise<Page> {
  const page = await site.browser.newPage();
  await page.evaluateOnNewDocument('window.__name = (f) => f');
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${site.url}/strict-csp.html`, { waitUntil: 'load' });
  await page.waitForFunction(
    () => (document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelectorAll('[part~="signup-button"]').length ?? 0) > 0,
    { timeout: 30_000 },
  );
  return page;
}

/** What the agenda put in the DOM, as the words a screen reader should hear. */
const agendaDom = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('mobilise-session-calendar')!.shadowRoot!;
    const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').replace(/ ([:,])/g, '$1').trim();
    const all = (sel: string) => [...root.querySelectorAll(`.agenda ${sel}`)];
    const headings = ':is(h1, h2, h3, h4, h5, h6, [role="heading"])';
    return {
      sessions: all('[part~="session"]').length,
      months: all('section').map((s) => text(s.querySelector(headings))),
      headings: all(headings).map(text),
      signups: all('[part~="signup-button"]').map(text),
      accessDisclosures: all('details.access').length,
    };
  });

/** The calendar's region in the page's accessibility tree, and the month regions inside it. */
async function agendaTree(page: Page) {
  const snapshot = await page.accessibility.snapshot();
  assert.ok(snapshot, 'Chromium returned an accessibility tree');
  const calendar = flat(snapshot).find((n) => n.role === 'region' && n.name === t.heading);
  assert.ok(calendar, `a region named "${t.heading}"`);
  const inCalendar = flat(calendar);
  const months = inCalendar.filter((n) => n.role === 'region' && n !== calendar);
  return {
    months: names(months),
    headings: names(months.flatMap(flat).filter((n) => n.role === 'heading')),
    signups: names(inCalendar.filter((n) => n.role === 'button' && [t.signUp, t.joinWaitlist].some((w) => n.name?.startsWith(w)))),
    disclosures: names(inCalendar.filter((n) => n.role === 'DisclosureTriangle')),
  };
}

test('every session the agenda renders is in the accessibility tree: named month regions, every heading and signup button', async () => {
  const page = await openCalendar();
  try {
    const dom = await agendaDom(page);
    assert.ok(dom.sessions >= 10 && dom.signups.length >= 10, `the seeded agenda shows sessions (${dom.sessions}) with signup buttons`);
    const tree = await agendaTree(page);
    assert.ok(dom.months.every(Boolean), 'each month section has a heading');
    assert.deepEqual(tree.months, dom.months, 'month regions in the tree, named by their headings');
    assert.deepEqual(tree.headings, dom.headings, 'month, day and session headings in the tree');
    assert.deepEqual(tree.signups, dom.signups, 'signup buttons in the tree, named with their session');
  } finally {
    await page.close();
  }
});

test('each session\'s "Accessibility" disclosure is named with its session, so no two share a name', async () => {
  const page = await openCalendar();
  try {
    const dom = await agendaDom(page);
    assert.ok(dom.accessDisclosures >= 2, `the seeded agenda has accessibility notes (${dom.accessDisclosures})`);
    const access = (await agendaTree(page)).disclosures.filter((n) => n.startsWith(t.accessibility));
    assert.equal(access.length, dom.accessDisclosures, 'every accessibility disclosure is in the tree');
    const repeated = access.filter((n, i) => access.indexOf(n) !== i);
    assert.deepEqual(repeated, [], 'no two accessibility disclosures share a name');
  } finally {
    await page.close();
  }
});
