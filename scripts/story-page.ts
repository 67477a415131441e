/**
 * One story of the built Storybook (storybook-static/) in a fresh Chromium page, and what its
 * preview reported on its channel: render phases, whether the play function threw, when it
 * finished. Used by the story tests (a11y-stories.ts) and the screenshots (screenshots.ts).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import {
  PLAY_FUNCTION_THREW_EXCEPTION,
  STORY_ERRORED,
  STORY_FINISHED,
  STORY_RENDER_PHASE_CHANGED,
  STORY_THREW_EXCEPTION,
  UNHANDLED_ERRORS_WHILE_PLAYING,
} from 'storybook/internal/core-events';

export interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

/** The stories, or the Docs pages, of the built Storybook in sidebar order. */
export const builtEntries = (type: IndexEntry['type']): IndexEntry[] =>
  Object.values((JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, IndexEntry> }).entries).filter(
    (e) => e.type === type,
  );

type Payload = { newPhase?: string; message?: string; title?: string; description?: string } | { message?: string }[];
interface Heard {
  event: string;
  payload: Payload;
}

const FAILURES: string[] = [PLAY_FUNCTION_THREW_EXCEPTION, STORY_THREW_EXCEPTION, STORY_ERRORED, UNHANDLED_ERRORS_WHILE_PLAYING];

/**
 * Records the channel's events from before the preview starts. Source text, not a function:
 * tsx would wrap a function in helpers the page does not have.
 */
const LISTEN = `(() => {
  const heard = [];
  let channel;
  Object.defineProperty(window, '__mobiliseHeard', { value: heard });
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(c) {
      channel = c;
      for (const event of ${JSON.stringify([STORY_FINISHED, STORY_RENDER_PHASE_CHANGED, ...FAILURES])}) c.on(event, (payload) => heard.push({ event, payload }));
    },
  });
})()`;

export interface StoryRun {
  page: Page;
  /** The preview said "finished" (after the play function, passed or not) within the time. */
  finished: boolean;
  /** A play function ran / ran to the end without throwing. */
  played: boolean;
  playPassed: boolean;
  /** Exceptions and errors the preview reported, one line each (plus page errors as they come). */
  problems: string[];
}

export interface OpenOptions {
  /** `&globals=` of the URL, e.g. 'scheme:dark'. */
  globals?: string;
  width?: number;
  height?: number;
  /** Before the page loads: media emulation and the like. */
  before?: (page: Page) => Promise<unknown>;
}

export async function openStory(browser: Browser, site: string, id: string, o: OpenOptions = {}): Promise<StoryRun> {
  const page = await browser.newPage();
  await page.setViewport({ width: o.width ?? 1024, height: o.height ?? 3000 });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  await page.evaluateOnNewDocument(LISTEN);
  await o.before?.(page);
  await page.goto(`${site}/iframe.html?id=${id}&viewMode=story${o.globals ? `&globals=${o.globals}` : ''}`, { waitUntil: 'load' });
  await page.waitForSelector('#storybook-root > *', { timeout: 15_000 });
  // Polling by time, not animation frames: a page in the background (screenshots.ts runs several) gets none.
  const finished = await page
    .waitForFunction((e: string) => (window as unknown as { __mobiliseHeard: Heard[] }).__mobiliseHeard.some((h) => h.event === e), { timeout: 30_000, polling: 100 }, STORY_FINISHED)
    .then(
      () => true,
      () => false,
    );
  const heard = await page.evaluate(() => (window as unknown as { __mobiliseHeard: Heard[] }).__mobiliseHeard);
  const phases = heard.filter((h) => h.event === STORY_RENDER_PHASE_CHANGED).map((h) => (h.payload as { newPhase: string }).newPhase);
  if (!finished) problems.push(`did not finish within 30 s; phases: ${phases.join(' > ') || 'none'}`);
  for (const { event, payload: p } of heard.filter((h) => FAILURES.includes(h.event))) {
    const what = Array.isArray(p) ? p.map((x) => x.message).join('; ') : (p.message ?? `${p.title}: ${p.description}`);
    problems.push(`${event}: ${what?.split('\n').slice(0, 6).join('\n         ')}`);
  }
  const played = phases.includes('playing');
  return { page, finished, played, playPassed: played && phases.includes('played') && !problems.length, problems };
}

/** Lets a story's data settle (a loading story never settles: it is taken as it is). */
export async function settle(page: Page) {
  await page.waitForNetworkIdle({ idleTime: 400, timeout: 4_000 }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 300));
}
