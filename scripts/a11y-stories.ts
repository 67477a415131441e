/**
 * Every story of the built Storybook, in headless Chromium, in each language of the toolbar
 * (English, Gàidhlig, Cymraeg: the `locale` global): it renders, its play function (if it has one)
 * passes in that language, and axe-core finds no violation. In Gaelic and Welsh the story must
 * show that language's strings and no English sentence the language words otherwise. For the first
 * story of each component, every control is also set once and must reach the element (an attribute,
 * or a theme token in its style), and the toolbar's language is switched live (no reload) to each
 * other language, which must then show. Stories tagged `one-language` (they fix their own) run once.
 * Each Docs page must render its tables without a page error.
 * Prints one line per story and language, then the counts; exits 1 on any failure.
 * `npm run test:stories -- calendar` checks only the stories whose id has that in it;
 * `LOCALES=gd` (comma-separated) only those languages; `JOBS=1` one page at a time (default 3).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { UPDATE_GLOBALS, UPDATE_STORY_ARGS } from 'storybook/internal/core-events';
import { languageMarks, type LanguageMarks } from '../stories/support/language.js';
import { locales } from '../stories/support/locales.js';
import { modules } from '../server/seed/programme.js';
import { launchChromium } from './browser.js';
import { startStaticServer } from './static-server.js';
import { builtEntries, openStory, settle } from './story-page.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Preview {
  __STORYBOOK_PREVIEW__: { currentRender: { story: { component?: string; argTypes: Record<string, { control?: { type?: string }; options?: unknown[]; table?: { disable?: boolean } }> } } };
  __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, payload: unknown): void };
}

/** Sets each control once (a value its kind takes) and checks that the element shows it; undefined for a story of no one element. */
function checkControls(page: Page, storyId: string) {
  return page.evaluate(
    async (storyId, update) => {
      const { __STORYBOOK_PREVIEW__: preview, __STORYBOOK_ADDONS_CHANNEL__: channel } = window as unknown as Preview;
      const { component: tag, argTypes } = preview.currentRender.story;
      const el = document.querySelector<HTMLElement>(`#storybook-root ${tag}`);
      if (!tag || !el) return undefined;
      const problems: string[] = [];
      for (const [name, type] of Object.entries(argTypes)) {
        const control = type.control?.type;
        if (!control || type.table?.disable) continue;
        const value = control === 'boolean' ? true : control === 'number' ? 4 : control === 'color' ? '#123456' : (type.options?.at(-1) ?? 'x');
        channel.emit(update, { storyId, updatedArgs: { [name]: value } });
        // No named inner functions: tsx would wrap them in a helper the page does not have.
        let shown = false;
        for (const deadline = Date.now() + 2000; !shown && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
          shown = name.startsWith('--') ? el.style.getPropertyValue(name) === value : el.getAttribute(name) === (value === true ? '' : String(value));
        }
        if (!shown) problems.push(`control "${name}" = ${JSON.stringify(value)} did not reach <${tag}>`);
      }
      return problems;
    },
    storyId,
    UPDATE_STORY_ARGS,
  );
}

/**
 * Which of `marks` the story's text shows: its elements' shadow roots, nested ones included, and
 * their accessible names and placeholders (what a screen reader says as well as what shows). An
 * English string counts only as a whole text or attribute (a label, a badge): the same words inside
 * a module's English description are content, which falls back to English by design.
 */
function languageSeen(page: Page, marks: LanguageMarks) {
  return page.evaluate(({ own, english }) => {
    const texts: string[] = [];
    // The elements' shadow roots only: the story's own markup around them is the host page's (its English h2s).
    const roots: (Element | ShadowRoot)[] = [...document.querySelectorAll('#storybook-root *')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));
    while (roots.length) {
      const root = roots.pop()!;
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) roots.push(el.shadowRoot);
        if (el.localName === 'style' || el.localName === 'script') continue;
        for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE) texts.push(n.textContent!);
        for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.hasAttribute(a)) texts.push(el.getAttribute(a)!);
      }
    }
    const whole = new Set(texts.map((t) => t.replace(/\s+/g, ' ').trim()));
    const text = [...whole].join(' ');
    return { own: own.filter((t) => text.includes(t)).length, english: english.filter((t) => whole.has(t)) };
  }, marks);
}

/** Problems if the story is not (yet, after `waitMs`) in the language of `marks`. */
async function languageProblems(page: Page, locale: string, marks: LanguageMarks, waitMs = 0): Promise<string[]> {
  let seen = await languageSeen(page, marks);
  for (const deadline = Date.now() + waitMs; (!seen.own || seen.english.length) && Date.now() < deadline; seen = await languageSeen(page, marks))
    await new Promise((r) => setTimeout(r, 100));
  return [
    ...(seen.own ? [] : [`[${locale}] none of its strings shows`]),
    ...seen.english.map((t) => `[${locale}] English left: "${t}"`),
  ];
}

/** Switches the toolbar's language without reloading, as a designer does, to each other language: it must show in each. */
async function switchesLive(page: Page, others: string[], marks: Record<string, LanguageMarks>): Promise<string[]> {
  const problems: string[] = [];
  for (const locale of others) {
    await page.evaluate(
      (event, locale) => (window as unknown as Preview).__STORYBOOK_ADDONS_CHANNEL__.emit(event, { globals: { locale } }),
      UPDATE_GLOBALS,
      locale,
    );
    problems.push(...(await languageProblems(page, locale, marks[locale]!, 5000)).map((p) => `switched live: ${p}`));
  }
  return problems;
}

const site = await startStaticServer({ mounts: { '/': 'storybook-static' } });
const only = (e: { id: string }) => e.id.includes(process.argv[2] ?? '');
const stories = builtEntries('story').filter(only);
const docs = builtEntries('docs').filter(only);
/** The stories' modules' English (a title like "Building your CLP", a strand's name too): English by design where it has no translation. */
const content = modules.flatMap((m) => [m.title, m.summary]);
const languages = process.env.LOCALES?.split(',') ?? locales.map((l) => l.value);
const marks = Object.fromEntries(languages.map((l) => [l, languageMarks(l, content)]));
/** Pages at once: a story mostly waits (its data, its play function), so a few overlap well. */
const JOBS = Number(process.env.JOBS ?? 3);

/** Each story in each language (once if it fixes its own); the first English run of each component also sets its controls and switches its language live. */
const seen = new Set<string>();
const plan = stories.flatMap((story) =>
  (story.tags?.includes('one-language') ? languages.slice(0, 1) : languages).map((locale) => {
    const component = story.id.split('--')[0]!;
    const first = locale === 'en-GB' && !story.tags?.includes('one-language') && !seen.has(component);
    if (first) seen.add(component);
    return { story, locale, first };
  }),
);

const browser = await launchChromium();
const controlsChecked = new Set<string>();
const liveChecked = new Set<string>();
const runs: Record<string, number> = {};
let failed = 0;
let played = 0;
let playsPassed = 0;

/** One story in one language: what it printed. */
async function checkStory({ story, locale, first }: (typeof plan)[number]): Promise<string[]> {
  // A fresh page per story: navigating away from a never-answering (loading) story would otherwise
  // abort msw's worker update and report that as the next story's error. Tall enough that
  // content-visibility:auto sections are painted: axe's contrast check reads colours from what is
  // painted and misreads skipped (offscreen) content. a11y.manual: the a11y addon's own axe run
  // (for its panel) would race this one.
  const run = await openStory(browser, site.url, story.id, { globals: `a11y.manual:!true;locale:${locale}` });
  // A story that fixes its language (tag lang-gd, say) is in that one whatever the toolbar says.
  const shown = story.tags?.find((t) => t.startsWith('lang-'))?.slice(5) ?? (story.tags?.includes('one-language') ? 'en-GB' : locale);
  runs[shown] = (runs[shown] ?? 0) + 1;
  const { page, problems } = run;
  if (run.played) played++;
  if (run.playPassed) playsPassed++;
  await settle(page);
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown; failureSummary?: string }[]; help: string }[] }> } }).axe;
    const r = await axe.run(document.querySelector('#storybook-root')!, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, where: JSON.stringify(v.nodes[0]?.target), why: v.nodes[0]?.failureSummary?.split('\n').slice(0, 2).join(' ') }));
  })) as { id: string; impact: string; help: string; nodes: number; where: string; why?: string }[];
  for (const v of violations) problems.push(`${v.impact} ${v.id} (${v.nodes} nodes): ${v.help}\n         at ${v.where}: ${v.why}`);

  if (shown !== 'en-GB') problems.push(...(await languageProblems(page, shown, marks[shown] ?? languageMarks(shown))));

  // Live switching before the controls: their values (an unknown session, say) would leave little text to switch.
  // Both on a story that rendered cleanly; the controls whatever the switch found (they check attributes).
  const component = story.id.split('--')[0]!;
  const others = languages.filter((l) => l !== 'en-GB');
  const clean = first && !problems.length;
  if (clean && others.length) {
    liveChecked.add(component);
    problems.push(...(await switchesLive(page, others, marks)));
  }
  const controls = clean ? await checkControls(page, story.id) : undefined;
  if (controls) {
    controlsChecked.add(component);
    problems.push(...controls);
  }
  await page.close();
  if (problems.length) failed++;
  return [`${problems.length ? 'FAIL' : 'ok  '} [${shown}] ${story.title} / ${story.name}${run.played ? ' (play)' : ''}`, ...problems.map((p) => `       ${p}`)];
}

try {
  // JOBS at a time; each story's lines printed in the plan's order as soon as those before it are done.
  const done: (string[] | undefined)[] = [];
  let printed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: JOBS }, async () => {
      for (let i = next++; i < plan.length; i = next++) {
        const { story, locale } = plan[i]!;
        done[i] = await checkStory(plan[i]!).catch((e: unknown) => {
          failed++;
          return [`FAIL [${locale}] ${story.title} / ${story.name}`, `       ${String(e)}`];
        });
        for (; done[printed]; printed++) console.log(done[printed]!.join('\n'));
      }
    }),
  );
  // Each Docs page renders its tables (the API from the manifest) without a page error.
  for (const doc of docs) {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
    await page.goto(`${site.url}/iframe.html?id=${doc.id}&viewMode=docs`, { waitUntil: 'load' });
    const tables = await page
      .waitForSelector('#storybook-docs table', { timeout: 15_000 })
      .then(() => page.$$eval('#storybook-docs table', (t) => t.length), () => 0);
    await settle(page);
    if (!tables) problems.push('no tables: the Docs page did not render its controls and API');
    if (problems.length) failed++;
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${doc.title} / Docs (${tables} tables)`);
    for (const p of problems) console.log(`       ${p}`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
const total = Object.values(runs).reduce((a, b) => a + b, 0) + docs.length;
const perLocale = Object.entries(runs).map(([l, n]) => `${n} in ${l}`).join(', ');
console.log(`\nStorybook: ${stories.length} stories (render, page errors, play function, axe, language) run ${perLocale}; ${docs.length} Docs pages; ${failed} failed`);
console.log(`play functions: ${played} ran, ${playsPassed} passed; controls set and checked in ${controlsChecked.size} components; language switched live in ${liveChecked.size}`);
console.log(`${total - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
