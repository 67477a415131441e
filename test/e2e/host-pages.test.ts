/**
 * The built bundle embedded in real CMS theme CSS (WordPress Twenty Twenty-One
 * and the block library, vendored from Debian's packages) and in that theme plus
 * a deliberately hostile stylesheet (test/e2e/hosts/), in every engine, at phone,
 * tablet and desktop widths: the widgets keep their shape, stay readable, sit in
 * the theme's content column, and a member can sign up. Screenshots of every page
 * are kept in test-results/host-pages/ for a person to look at.
 * WebKitGTK's MiniBrowser window cannot be narrower than 447 px, so WebKit runs
 * the 768 and 1280 px widths; Chromium and Firefox run all four.
 * Then each page in Gaelic and in Welsh (<html lang>, ?lang= on its address), whose
 * strings run longest, at a 320 px phone's width: the form, its error summary with every
 * message, and the outcome must each keep to the same rules. WebKit takes the phone's
 * column (the theme's width at 320 px) in its narrowest window. On every page the calendar's
 * access filter is opened: nine checkboxes in the page's words, and the sessions' access badges,
 * readable with their icons in place, the page keeping its shape.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ACCESS_FEATURES } from '../../src/contract/index.js';
import { cy } from '../../src/strings/cy.js';
import { en } from '../../src/strings/en.js';
import { gd } from '../../src/strings/gd.js';
import { e2eEngines, engineSite, submitSignup, type E2ePage, type Engine } from '../helpers/e2e-engines.js';
import { startE2eSite, type E2eSite } from '../helpers/e2e-site.js';

const HOSTS = ['wordpress', 'hostile'] as const;
const WIDTHS = [320, 375, 768, 1280];
const MINIBROWSER_MIN_WIDTH = 447;
const SHOTS = 'test-results/host-pages';
const TAGS = ['mobilise-module-catalogue', 'mobilise-session-calendar', 'mobilise-signup-form'];

/** What one page looks like, measured in the page. */
interface Layout {
  viewport: number;
  scrollWidth: number;
  /** Left and right edges of the theme's content column (a paragraph of the post). */
  column: [number, number];
  /** Each widget's (and the provider's) left and right edges. */
  boxes: Record<string, [number, number]>;
  /** "element in container by N px" for every widget descendant outside its card, panel or widget. */
  overflows: string[];
  /** Font sizes of the widgets' text, weighted by characters. */
  minFont: number;
  maxFont: number;
  bodyFont: number;
  /** Widest letter and word spacing of the widgets' text, px (normal = 0). */
  spacing: number;
  /** Smallest height of a button and width of a text field inside the widgets. */
  minButton: number;
  minInput: number;
}

/** Runs in the page: walks the three shadow roots. */
function measure(tags: string[]): Layout {
  const round = (n: number) => Math.round(n * 10) / 10;
  const edges = (el: Element): [number, number] => {
    const r = el.getBoundingClientRect();
    return [round(r.left), round(r.right)];
  };
  const column = document.getElementById('column')!;
  const boxes: Record<string, [number, number]> = { 'mobilise-provider': edges(document.querySelector('mobilise-provider')!) };
  const overflows: string[] = [];
  const chars = new Map<number, number>();
  let spacing = 0;
  let minButton = Infinity;
  let minInput = Infinity;
  const name = (el: Element) => `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
  /** Clipped by an overflow box between it and the container (its overflow is not the container's). */
  const clipped = (el: Element, container: Element) => {
    for (let p = el.parentElement; p && p !== container; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
    return false;
  };
  for (const tag of tags) {
    const host = document.querySelector(tag)!;
    const root = host.shadowRoot!;
    boxes[tag] = edges(host);
    const all = [...root.querySelectorAll('*')];
    const cards = '[part~="card"], [part~="session"], [part~="filters"], .panel, .state';
    for (const el of all) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (!r.width || !r.height || style.visibility === 'hidden' || el.closest('.visually-hidden, [aria-hidden="true"]')) continue;
      if (el.localName === 'button' || el.classList.contains('button')) minButton = Math.min(minButton, r.height);
      if (el.localName === 'input' && /^(text|email|tel|search)$/.test((el as HTMLInputElement).type)) minInput = Math.min(minInput, r.width);
      const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent!.trim()).join('');
      if (text) {
        const size = round(parseFloat(style.fontSize));
        chars.set(size, (chars.get(size) ?? 0) + text.length);
        spacing = Math.max(spacing, parseFloat(style.letterSpacing) || 0, parseFloat(style.wordSpacing) || 0);
      }
      // The nearest card or panel that holds it, else the widget itself.
      const container: Element = el.parentElement?.closest(cards) ?? host;
      if (clipped(el, container)) continue;
      const b = container.getBoundingClientRect();
      const out = Math.max(b.left - r.left, r.right - b.right);
      if (out > 1) overflows.push(`${tag}: ${name(el)} in ${name(container)} by ${Math.round(out)} px`);
    }
  }
  const sizes = [...chars.keys()];
  const bodyFont = [...chars.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return {
    viewport: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
    column: edges(column),
    boxes,
    overflows: [...new Set(overflows)],
    minFont: Math.min(...sizes),
    maxFont: Math.max(...sizes),
    bodyFont,
    spacing: round(spacing),
    minButton: round(minButton),
    minInput: round(minInput),
  };
}

/** What breaks the rules in `layout`: empty when the widgets keep their shape in the column and stay readable. */
function layoutFailures(layout: Layout) {
  return [
    layout.scrollWidth > layout.viewport && `the page scrolls sideways (${layout.scrollWidth} px wide in ${layout.viewport})`,
    ...layout.overflows.map((o) => `sticks out: ${o}`),
    ...Object.entries(layout.boxes).map(
      ([tag, [l, r]]) => (l < layout.column[0] - 1 || r > layout.column[1] + 1) && `${tag} spans ${l}–${r}, outside the content column ${layout.column.join('–')}`,
    ),
    // Default browser settings (16 px): body text 14–24 px, nothing under 12 or over 32.
    (layout.bodyFont < 14 || layout.bodyFont > 24) && `body text at ${layout.bodyFont} px`,
    (layout.minFont < 12 || layout.maxFont > 32) && `text from ${layout.minFont} to ${layout.maxFont} px`,
    layout.spacing > 1 && `letters or words spaced by ${layout.spacing} px`,
    // The host's button { all: unset } and input { width: 50px } stay outside.
    layout.minButton < 24 && `a button ${layout.minButton} px tall`,
    layout.minInput <= 100 && `a text field ${layout.minInput} px wide`,
  ].filter(Boolean);
}

/** Runs in the page: opens the calendar's filters (behind "Filters" while narrow) and, in them, the access checkboxes. */
function openAccessFilter() {
  const root = document.querySelector('mobilise-session-calendar')!.shadowRoot!;
  const toggle = root.querySelector<HTMLButtonElement>('.filter-toggle')!;
  if (getComputedStyle(toggle).display !== 'none' && toggle.getAttribute('aria-expanded') === 'false') toggle.click();
  root.querySelector<HTMLDetailsElement>('.access-filter')!.open = true;
}

/** Runs in the page: how the access filter's checkboxes and the sessions' access badges came out. */
function accessParts() {
  const root = document.querySelector('mobilise-session-calendar')!.shadowRoot!;
  const shown = (el: Element) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
  const font = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
  const boxes = [...root.querySelectorAll('.access-filter input[type="checkbox"]')].filter(shown).map((b) => Math.round(b.getBoundingClientRect().width));
  const rows = [...root.querySelectorAll('.access-filter label')].filter(shown);
  const badges = [...root.querySelectorAll('.features > li')].filter(shown);
  // Each icon inside its label or badge, at about its text's size (the host's svg rules stay outside).
  const misfits = [...root.querySelectorAll('.access-filter label > svg, .features > li > svg')].filter((icon) => {
    const r = icon.getBoundingClientRect();
    const box = icon.parentElement!.getBoundingClientRect();
    const size = font(icon.parentElement!);
    return !shown(icon) || r.left < box.left - 1 || r.right > box.right + 1 || r.height < size * 0.9 || r.height > size * 2;
  });
  return {
    boxes,
    labels: rows.map((r) => r.textContent!.trim()),
    rowHeight: Math.min(...rows.map((r) => r.getBoundingClientRect().height)),
    labelFont: Math.min(...rows.map(font)),
    badges: badges.length,
    badgeFont: Math.min(...badges.map(font)),
    misfits: misfits.length,
  };
}

/** What breaks the rules in the access parts: nine usable checkboxes in readable words, readable badges, icons in place. */
function accessFailures(a: ReturnType<typeof accessParts>, words: string[]) {
  return [
    a.labels.join(' | ') !== words.join(' | ') && `the access checkboxes read ${a.labels.join(' | ')}`,
    a.boxes.some((w) => w < 12 || w > 40) && `access checkboxes ${a.boxes.join(', ')} px wide`,
    a.rowHeight < 24 && `an access checkbox's row ${a.rowHeight} px tall`,
    a.labelFont < 12 && `access labels in ${a.labelFont} px text`,
    a.badges === 0 && 'no access badge on the sessions',
    a.badgeFont < 12 && `access badges in ${a.badgeFont} px text`,
    a.misfits > 0 && `${a.misfits} access icons outside their words, or not at the text's size`,
  ].filter(Boolean);
}

/** The nine access features' words in a language, in ACCESS_FEATURES' order. */
const accessWords = (s: typeof en) => ACCESS_FEATURES.map((f) => s.access[f]);

/** Opens the access filter, then checks its parts and that the page still keeps its shape. */
async function checkAccess(page: E2ePage, words: string[], at: string) {
  await page.evaluate(openAccessFilter);
  assert.deepEqual(accessFailures(await page.evaluate(accessParts), words), [], `${at}: access filter and badges`);
  assert.deepEqual(layoutFailures(await page.evaluate(measure, TAGS)), [], `${at}: with the access filter open`);
}

async function openForm(page: E2ePage) {
  await page.waitFor('catalogue cards', 15_000, () => (document.querySelector('mobilise-module-catalogue')?.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0) > 0);
  await page.waitFor('a Sign up button', 15_000, () => !!document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelector('[part~="signup-button"]'));
  await page.evaluate(() => document.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="signup-button"]')!.click());
  await page.waitFor('the form', 15_000, () => !!document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('form input[name="firstName"]'));
}

/** Fills and submits the form; returns the outcome's classes once it shows. */
async function signUp(page: E2ePage, email: string): Promise<string> {
  await submitSignup(page, { firstName: 'Eilidh', lastName: 'Fraser', email });
  await page.waitFor('the outcome', 15_000, () => !!document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('[part~="result"]'));
  return page.evaluate(() => document.querySelector('mobilise-signup-form')!.shadowRoot!.querySelector('[part~="result"]')!.className);
}

const widthsFor = (engine: Engine) => WIDTHS.filter((w) => engine !== 'webkit' || w >= MINIBROWSER_MIN_WIDTH);

/** The longest strings: Gaelic's, and Welsh's, at a phone's width. */
const LANGUAGES = { gd, cy };
const PHONE = 320;

rmSync(SHOTS, { recursive: true, force: true });
for (const engine of e2eEngines()) {
  describe(`host pages (${engine})`, () => {
    const env = engineSite(engine);
    mkdirSync(SHOTS, { recursive: true });

    for (const host of HOSTS)
      for (const width of widthsFor(engine))
        test(`${host} theme at ${width} px: in the column, nothing sticks out, readable, signup completes`, async () => {
          const page = await env.browser.newPage({ width, height: 900 });
          try {
            await page.goto(`${env.site.url}/hosts/${host}.html`);
            await openForm(page);
            const layout = await page.evaluate(measure, TAGS);
            await page.screenshot(`${SHOTS}/${engine}-${host}-${width}.png`);
            const at = `${engine}, ${host}, ${width} px`;

            assert.deepEqual(layoutFailures(layout), [], at);
            await checkAccess(page, accessWords(en), at);

            const outcome = await signUp(page, `${engine}.${host}.${width}@example.org`);
            assert.doesNotMatch(outcome, /error/, `${at}: the signup ended in ${outcome}`);
            assert.deepEqual(await page.problems(), [], `${at}: page or console errors`);
          } catch (e) {
            await page.screenshot(`${SHOTS}/${engine}-${host}-${width}-failed.png`).catch(() => {});
            throw e;
          } finally {
            await page.close();
          }
        });

    for (const [lang, s] of Object.entries(LANGUAGES))
      for (const host of HOSTS)
        test(`${host} theme in ${lang} at ${PHONE} px: the form, its error summary and the outcome stay in the column, nothing sticks out`, async () => {
          const page = await env.browser.newPage({ width: engine === 'webkit' ? MINIBROWSER_MIN_WIDTH : PHONE, height: 900 });
          const at = (state: string) => `${engine}, ${host}, ${lang}, ${state}`;
          try {
            await page.goto(`${env.site.url}/hosts/${host}.html?lang=${lang}`);
            // The theme's own column at 320 px (calc(100vw - spacing) below 482 px), in the window WebKit can have.
            if (engine === 'webkit')
              await page.evaluate((w: number) => document.documentElement.style.setProperty('--responsive--aligndefault-width', `calc(${w}px - var(--responsive--spacing-horizontal))`), PHONE);
            await openForm(page);
            // In the language once its strings have come (a session the suite's signups have filled offers the waiting list).
            const submit = () => document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('form button[type="submit"]')?.textContent?.trim();
            const wording = [s.signup.submit, s.signup.submitWaitlist];
            await page
              .waitFor(`the form in ${lang}`, 15_000, (names: string[]) => names.includes(document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('form button[type="submit"]')?.textContent?.trim() ?? ''), wording)
              .catch(async (e: Error) => assert.fail(`${e.message}: its button says ${JSON.stringify(await page.evaluate(submit))}, not ${wording.join(' or ')}`));
            // One screenshot, of the longest state (the error summary): the page is some 20,000 px tall.
            const check = async (state: string) => {
              const layout = await page.evaluate(measure, TAGS);
              if (state === 'errors') await page.screenshot(`${SHOTS}/${engine}-${host}-${lang}.png`);
              assert.deepEqual(layoutFailures(layout), [], at(state));
            };
            await check('form');
            await checkAccess(page, accessWords(s), at('access filter'));

            // Sent empty: the error summary lists a message for every required answer, the longest strings the form has.
            await page.evaluate(() => document.querySelector('mobilise-signup-form')!.shadowRoot!.querySelector('form')!.requestSubmit());
            await page.waitFor('the error summary', 15_000, () => !!document.querySelector('mobilise-signup-form')?.shadowRoot?.querySelector('[part~="error-summary"]'));
            const summary = await page.evaluate(() => document.querySelector('mobilise-signup-form')!.shadowRoot!.querySelector('[part~="error-summary"]')!.textContent!);
            assert.ok(summary.includes(s.validation.consentContact), `${at('errors')}: the summary is not in ${lang}: ${summary.trim().slice(0, 120)}`);
            await check('errors');

            const outcome = await signUp(page, `${engine}.${host}.${lang}@example.org`);
            assert.doesNotMatch(outcome, /error/, `${at('outcome')}: the signup ended in ${outcome}`);
            await check('outcome');
            assert.deepEqual(await page.problems(), [], `${at('outcome')}: page or console errors`);
          } catch (e) {
            await page.screenshot(`${SHOTS}/${engine}-${host}-${lang}-failed.png`).catch(() => {});
            throw e;
          } finally {
            await page.close();
          }
        });
  });
}

/**
 * Without JavaScript the elements stay unknown inline elements and the page's <noscript> way to book (as
 * docs/embedding.md and the configurator write it) must show, inside the window. Not held to the column:
 * <noscript> is inline, so the theme's `.entry-content > *` column rules never reach its paragraph.
 */
if (e2eEngines().includes('chromium'))
  describe('host pages without JavaScript (chromium)', () => {
    let site: E2eSite;
    before(async () => void (site = await startE2eSite()));
    after(() => site?.close());

    for (const host of HOSTS)
      for (const width of [320, 1280])
        test(`${host} theme at ${width} px: the <noscript> way to book shows`, async () => {
          const page = await site.browser.newPage();
          try {
            await page.setJavaScriptEnabled(false);
            await page.setViewport({ width, height: 900 });
            await page.goto(`${site.url}/hosts/${host}.html`, { waitUntil: 'load' });
            const seen = await page.evaluate(() => {
              const p = document.getElementById('noscript')?.getBoundingClientRect();
              return {
                shown: !!p && p.height > 0,
                inWindow: !!p && p.left >= 0 && p.right <= innerWidth,
                link: document.querySelector('#noscript a')?.getAttribute('href'),
                scrollWidth: document.documentElement.scrollWidth,
                defined: !!customElements.get('mobilise-provider'),
              };
            });
            assert.deepEqual(seen, { shown: true, inWindow: true, link: 'mailto:training@example.org', scrollWidth: width, defined: false }, `${host}, ${width} px`);
          } finally {
            await page.close();
          }
        });
  });
