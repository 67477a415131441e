/**
 * `npm run screenshots`: a PNG of each element's main stories (tagged `screenshot` in stories/)
 * at 320, 375, 768 and 1280 px wide, in light, dark and forced colours, in
 * test-results/screenshots/<story>--<width>-<scheme>.png, for a person to look through.
 * Builds nothing: run `npm run build-storybook` first. Not part of CI.
 *
 * Dark: the toolbar's scheme global (`&globals=scheme:dark`, so the story root gets
 * `color-scheme: dark`) and prefers-color-scheme: dark. Forced colours cannot be set from a page;
 * here Chromium emulates them through the DevTools protocol (Emulation.setEmulatedMedia with
 * forced-colors: active), as a Windows contrast theme would force them.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { launchChromium } from './browser.js';
import { startStaticServer } from './static-server.js';
import { builtEntries, openStory, settle } from './story-page.js';

const OUT = 'test-results/screenshots';
const WIDTHS = [320, 375, 768, 1280];
/** Media the page is emulated with, through the DevTools protocol (puppeteer's own call refuses forced-colors). */
const media = (features: { name: string; value: string }[]) => async (page: Page) =>
  (await page.createCDPSession()).send('Emulation.setEmulatedMedia', { features });
const SCHEMES: Record<string, (page: Page) => Promise<unknown>> = {
  light: media([{ name: 'prefers-color-scheme', value: 'light' }]),
  dark: media([{ name: 'prefers-color-scheme', value: 'dark' }]),
  forced: media([{ name: 'forced-colors', value: 'active' }]),
};
/** Pages at once: enough to keep Chromium busy without starving the machine. */
const PARALLEL = Number(process.env.PARALLEL ?? 4);

if (!existsSync('storybook-static/index.json')) {
  console.error('No built Storybook: run `npm run build-storybook` first.');
  process.exit(1);
}
const stories = builtEntries('story').filter((s) => s.tags?.includes('screenshot') && s.id.includes(process.argv[2] ?? ''));
const shots = stories.flatMap((story) => WIDTHS.flatMap((width) => Object.keys(SCHEMES).map((scheme) => ({ story, width, scheme }))));
mkdirSync(OUT, { recursive: true });

const site = await startStaticServer({ mounts: { '/': 'storybook-static' } });
const browser = await launchChromium();
const failures: string[] = [];
try {
  const queue = [...shots];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let shot = queue.shift(); shot; shot = queue.shift()) {
        const { story, width, scheme } = shot;
        const file = `${OUT}/${story.id}--${width}-${scheme}.png`;
        const run = await openStory(browser, site.url, story.id, { globals: `scheme:${scheme}`, width, height: 800, before: SCHEMES[scheme] });
        await settle(run.page);
        await run.page.screenshot({ path: file as `${string}.png`, fullPage: true });
        await run.page.close();
        if (run.problems.length) failures.push(`${file}: ${run.problems.join('; ')}`);
      }
    }),
  );
} finally {
  await browser.close();
  await site.close();
}
console.log(`${shots.length} screenshots of ${stories.length} stories in ${OUT}/ (${WIDTHS.join(', ')} px; ${Object.keys(SCHEMES).join(', ')})`);
for (const f of failures) console.log(`  problem: ${f}`);
process.exit(failures.length ? 1 : 0);
