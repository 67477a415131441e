/**
 * In the month grid, the chosen day and the focused day must differ in shape, not
 * only in colour, in normal, dark and forced colours (WCAG 2.4.7). The built bundle in
 * Chromium: one day cell is screenshotted plain, selected, focused, and both, by
 * mouse and keyboard as a member would. A state's indicator is the set of pixels
 * that contrast at least 3:1 with the plain cell at the same spot; the two
 * indicators must barely overlap, and each must stay visible when the other joins
 * it. The screenshots are kept in test-results/focus-selection/ for a person to see.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { ElementHandle, KeyInput, Page } from 'puppeteer-core';
import { startE2eSite, type E2eSite } from '../helpers/e2e-site.js';

const OUT = 'test-results/focus-selection';
/** Room around the cell for an outline drawn outside it. */
const MARGIN = 8;

let site: E2eSite;
let decoder: Page;

before(async () => {
  site = await startE2eSite();
  decoder = await site.browser.newPage();
  mkdirSync(OUT, { recursive: true });
});

after(async () => {
  await site?.close();
});

interface Shot {
  width: number;
  height: number;
  rgba: number[];
}

/** PNG to pixels, decoded by the browser in a blank page of its own. */
const decode = (png: Uint8Array): Promise<Shot> =>
  decoder.evaluate(async (b64: string) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return { width: bitmap.width, height: bitmap.height, rgba: [...ctx.getImageData(0, 0, bitmap.width, bitmap.height).data] };
  }, Buffer.from(png).toString('base64'));

const luminance = (r: number, g: number, b: number) => {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** Indices of the pixels where `shot` contrasts ≥ 3:1 with `base`: what a state added that can be seen. */
function indicator(shot: Shot, base: Shot): Set<number> {
  assert.equal(shot.rgba.length, base.rgba.length, 'screenshots of the same cell are the same size');
  const mask = new Set<number>();
  for (let i = 0; i < shot.rgba.length; i += 4) {
    const a = luminance(shot.rgba[i]!, shot.rgba[i + 1]!, shot.rgba[i + 2]!);
    const b = luminance(base.rgba[i]!, base.rgba[i + 1]!, base.rgba[i + 2]!);
    if ((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) >= 3) mask.add(i / 4);
  }
  return mask;
}

const overlap = (a: Set<number>, b: Set<number>) => {
  let both = 0;
  for (const i of a) if (b.has(i)) both++;
  return both / (a.size + b.size - both);
};

async function cell(page: Page, day: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(
    (d) => document.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelector(`td[data-day="${d}"]`),
    day,
  );
  const el = handle.asElement() as ElementHandle<Element> | null;
  assert.ok(el, `day cell ${day}`);
  return el;
}

/** The cell and MARGIN px around it, saved as `name`. */
async function shoot(page: Page, day: string, name: string): Promise<Shot> {
  const el = await cell(page, day);
  // Document coordinates, as screenshot clips take them.
  const box = await el.evaluate((td) => {
    const r = td.getBoundingClientRect();
    return { x: Math.round(r.x + scrollX), y: Math.round(r.y + scrollY), width: Math.round(r.width), height: Math.round(r.height) };
  });
  const png = await page.screenshot({
    clip: { x: box.x - MARGIN, y: box.y - MARGIN, width: box.width + 2 * MARGIN, height: box.height + 2 * MARGIN },
  });
  writeFileSync(`${OUT}/${name}.png`, png);
  return decode(png);
}

const focusedDay = (page: Page) =>
  page.evaluate(() => (document.querySelector('mobilise-session-calendar')!.shadowRoot!.activeElement as HTMLElement | null)?.dataset.day ?? '');

async function press(page: Page, key: KeyInput, expectFocus: string) {
  await page.keyboard.press(key);
  await page.waitForFunction(
    (d) => (document.querySelector('mobilise-session-calendar')!.shadowRoot!.activeElement as HTMLElement | null)?.dataset.day === d,
    { timeout: 5_000 },
    expectFocus,
  );
}

const selectedDay = (page: Page) =>
  page.evaluate(() => document.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelector<HTMLElement>('td[aria-selected="true"]')?.dataset.day ?? '');

type Mode = 'forced-colours' | 'normal-colours' | 'dark-colours';

/** The month grid, with no day chosen yet; returns a day with two more days after it in the same week. */
async function openGrid(page: Page, mode: Mode): Promise<string[]> {
  await page.evaluateOnNewDocument('window.__name = (f) => f');
  await page.setViewport({ width: 1280, height: 800 });
  // Through CDP: puppeteer's emulateMediaFeatures does not know forced-colors.
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setEmulatedMedia', {
    features: [
      { name: 'forced-colors', value: mode === 'forced-colours' ? 'active' : 'none' },
      { name: 'prefers-color-scheme', value: mode === 'dark-colours' ? 'dark' : 'light' },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ],
  });
  await page.goto(`${site.url}/strict-csp.html`, { waitUntil: 'load' });
  // Dark defaults apply only on a page that opts in, as a host page would.
  if (mode === 'dark-colours') await page.evaluate(() => document.documentElement.style.setProperty('color-scheme', 'light dark'));
  const calendar = 'mobilise-session-calendar';
  await page.waitForFunction((c) => document.querySelector(c)?.shadowRoot?.querySelector('[data-view="month"]:not([disabled])'), { timeout: 30_000 }, calendar);
  await page.evaluate((c) => document.querySelector(c)!.shadowRoot!.querySelector<HTMLElement>('[data-view="month"]')!.click(), calendar);
  await page.waitForFunction((c) => document.querySelector(c)?.shadowRoot?.querySelector('td[data-day]'), { timeout: 10_000 }, calendar);
  const days = await page.evaluate((c) => {
    const root = document.querySelector(c)!.shadowRoot!;
    const row = [...root.querySelectorAll('tbody tr')].find((tr) => tr.querySelectorAll('td[data-day]').length === 7)!;
    // Monday to Wednesday of a full week in the middle of the month: three days in a row, none on an edge of the month.
    const cells = [...row.querySelectorAll<HTMLElement>('td[data-day]')].slice(0, 3);
    cells[0]!.scrollIntoView({ block: 'center' });
    return cells.map((td) => td.dataset.day!);
  }, calendar);
  assert.equal(await selectedDay(page), '', 'no day is chosen before the member chooses one');
  return days;
}

for (const mode of ['forced-colours', 'normal-colours', 'dark-colours'] as const) {
  test(`${mode}: the chosen day and the focused day differ in shape, and each stays visible with the other`, { timeout: 90_000 }, async () => {
    const page = await site.browser.newPage();
    try {
      const [day, next, after] = await openGrid(page, mode);
      assert.ok(day && next && after);
      const plain = await shoot(page, day, `${mode}-1-plain`);

      // Choose the day with the pointer: chosen and focused at once.
      await (await cell(page, day)).click();
      await page.waitForFunction(
        (d) => document.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelector(`td[data-day="${d}"][aria-selected="true"]`),
        { timeout: 5_000 },
        day,
      );
      assert.equal(await focusedDay(page), day);
      const both = await shoot(page, day, `${mode}-2-chosen-and-focused`);

      // ArrowRight: the case, the chosen day beside the focused one (kept for people to look at).
      await press(page, 'ArrowRight', next);
      await shoot(page, day, `${mode}-3-chosen-beside-focused`);
      await press(page, 'ArrowRight', after);
      const chosen = await shoot(page, day, `${mode}-4-chosen`);

      // Choose two days on, then come back: the day is focused and not chosen.
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (d) => document.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelector(`td[data-day="${d}"][aria-selected="true"]`),
        { timeout: 5_000 },
        after,
      );
      await press(page, 'ArrowLeft', next);
      await press(page, 'ArrowLeft', day);
      const focused = await shoot(page, day, `${mode}-5-focused`);

      const selection = indicator(chosen, plain);
      const focus = indicator(focused, plain);
      const box = plain.width * plain.height;
      assert.ok(selection.size >= box / 50, `the chosen day shows a visible indicator (${selection.size} of ${box} px at ≥ 3:1)`);
      assert.ok(focus.size >= box / 50, `the focused day shows a visible indicator (${focus.size} of ${box} px at ≥ 3:1)`);
      const shared = overlap(selection, focus);
      assert.ok(shared < 0.5, `focus and selection are different shapes: ${Math.round(shared * 100)} % of their pixels coincide`);
      // Together, each indicator still shows against the other one alone.
      const selectionOverFocus = indicator(both, focused).size;
      const focusOverSelection = indicator(both, chosen).size;
      assert.ok(selectionOverFocus >= selection.size / 2, `selection visible on a focused day (${selectionOverFocus} of ${selection.size} px)`);
      assert.ok(focusOverSelection >= focus.size / 2, `focus visible on a chosen day (${focusOverSelection} of ${focus.size} px)`);
    } finally {
      await page.close();
    }
  });
}
