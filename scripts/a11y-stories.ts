/**
 * Every story of the built Storybook, in headless Chromium: it renders, its play function (if it
 * has one) passes, and axe-core finds no violation. For the first story of each component, every
 * control is also set once and must reach the element (an attribute, or a theme token in its style).
 * Each Docs page must render its tables without a page error.
 * Prints one line per story, then how many play functions ran and passed; exits 1 on any failure.
 * `npm run test:stories -- calendar` checks only the stories whose id has that in it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { UPDATE_STORY_ARGS } from 'storybook/internal/core-events';
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

const site = await startStaticServer({ mounts: { '/': 'storybook-static' } });
const only = (e: { id: string }) => e.id.includes(process.argv[2] ?? '');
const stories = builtEntries('story').filter(only);
const docs = builtEntries('docs').filter(only);
const browser = await launchChromium();
const controlsChecked = new Set<string>();
let failed = 0;
let played = 0;
let playsPassed = 0;
try {
  for (const story of stories) {
    // A fresh page per story: navigating away from a never-answering (loading) story would otherwise
    // abort msw's worker update and report that as the next story's error. Tall enough that
    // content-visibility:auto sections are painted: axe's contrast check reads colours from what is
    // painted and misreads skipped (offscreen) content. a11y.manual: the a11y addon's own axe run
    // (for its panel) would race this one.
    const run = await openStory(browser, site.url, story.id, { globals: 'a11y.manual:!true' });
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

    const component = story.id.split('--')[0]!;
    const controls = !controlsChecked.has(component) && !problems.length ? await checkControls(page, story.id) : undefined;
    if (controls) {
      controlsChecked.add(component);
      problems.push(...controls);
    }
    if (problems.length) failed++;
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${story.title} / ${story.name}${run.played ? ' (play)' : ''}`);
    for (const p of problems) console.log(`       ${p}`);
    await page.close();
  }
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
const total = stories.length + docs.length;
console.log(`\nStorybook: ${stories.length} stories (render, page errors, play function, axe) and ${docs.length} Docs pages checked, ${failed} failed`);
console.log(`play functions: ${played} ran, ${playsPassed} passed; controls set and checked in ${controlsChecked.size} components`);
console.log(`${total - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
