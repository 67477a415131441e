/**
 * axe-core over every story of the built Storybook, in headless Chromium.
 * Prints one line per story and exits 1 on any violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium } from './browser.js';
import { startStaticServer } from './static-server.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

const site = await startStaticServer({ mounts: { '/': 'storybook-static' } });
const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, IndexEntry> };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const browser = await launchChromium();
let failed = 0;
let checked = 0;
try {
  for (const story of stories) {
    // A fresh page per story: navigating away from a never-answering (loading) story
    // would otherwise abort msw's worker update and report that as the next story's error.
    const page = await browser.newPage();
    // Tall enough that content-visibility:auto sections are painted: axe's contrast check
    // reads colours from what is painted and misreads skipped (offscreen) content.
    await page.setViewport({ width: 1024, height: 3000 });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${site.url}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
    await page.waitForSelector('#storybook-root > *', { timeout: 15_000 });
    // Let the story's data settle (loading stories never settle: they are checked as they are).
    await page.waitForNetworkIdle({ idleTime: 400, timeout: 4_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    await page.evaluate(axeSource);
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown; failureSummary?: string }[]; help: string }[] }> } }).axe;
      const r = await axe.run(document.querySelector('#storybook-root')!, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, where: JSON.stringify(v.nodes[0]?.target), why: v.nodes[0]?.failureSummary?.split('\n').slice(0, 2).join(' ') }));
    })) as { id: string; impact: string; help: string; nodes: number; where: string; why?: string }[];
    checked++;
    const bad = violations.length + pageErrors.length;
    if (bad) failed++;
    console.log(`${bad ? 'FAIL' : 'ok  '} ${story.title} / ${story.name}`);
    for (const v of violations) console.log(`       ${v.impact} ${v.id} (${v.nodes} nodes): ${v.help}\n         at ${v.where}: ${v.why}`);
    for (const e of pageErrors) console.log(`       page error: ${e}`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
console.log(`\naxe over Storybook: ${checked} stories checked, ${failed} with violations or errors`);
console.log(`${checked - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
