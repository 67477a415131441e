/**
 * Front-end bench: bundle sizes per entry (min, min+gzip, brotli; scripts/size.ts),
 * add-to-calendar-button's browser bundle measured the same way in the same run,
 * and, in headless Chromium (Debian's, via scripts/browser.ts) against the real
 * reference server on 127.0.0.1:
 *   - time from the request for dist/mobilise.js to the first catalogue card and
 *     the first calendar session in the DOM (cold cache, median of N runs), with
 *     and without a 4× CPU slowdown;
 *   - with 5,000 sessions (static-mode JSON): time to the first session, and the
 *     time from a filter change to the DOM being updated and to the next frame.
 * Marks are taken in the page (bench/pages/probe.js), not from the outside.
 */
import { spawnSync } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'puppeteer-core';
import { minifySync } from 'vite';
import { SessionSchema, type Session } from '../src/contract/index.js';
import { launchChromium } from '../scripts/browser.js';
import { measure, type EntrySize } from '../scripts/size.js';
import { startStaticServer } from '../scripts/static-server.js';
import { createApp } from '../server/app.js';
import { openDb } from '../server/db/open.js';
import { seedIfEmpty } from '../server/db/seed.js';
import { VENUES } from '../server/seed/places.js';
import { makeSessions, modules } from '../server/seed/programme.js';
import { median, quantile } from './format.js';
import { measureLayoutShift, type LayoutShift } from './layout-shift.js';
import { pageMarks, withPage, type PageMarks } from './page.js';
import { breakdown, TRACE_CATEGORIES, type Breakdown } from './trace.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ATCB = join(ROOT, 'node_modules', 'add-to-calendar-button');

export interface Bytes {
  min: number;
  gz: number;
  br: number;
}

export interface FrontendOptions {
  /** Page loads per configuration (median reported). Default 5. */
  runs?: number;
  /** Sessions for the filter bench. Default 5,000. */
  sessions?: number;
  /** Filter changes measured (each a different filter). Default 21. */
  filterChanges?: number;
}

export interface LoadTimes {
  /** ms from the request for dist/mobilise.js to the end of the last API response (/v1/modules, /v1/sessions). */
  data: number;
  /** ms from the end of the last API response to the first catalogue card in the DOM (median of each load's). */
  dataToCatalogue: number;
  /** … to the first calendar session. */
  dataToCalendar: number;
  /** ms from the request for dist/mobilise.js to the first catalogue card in the DOM. */
  catalogue: number;
  /** … to the first calendar session. */
  calendar: number;
  /** ms from navigation start to the first calendar session. */
  calendarFromNavigation: number;
  /** ms from the request for dist/mobilise.js to the end of the frame that first shows a catalogue card: what the member sees. */
  cataloguePainted: number;
  /** … a calendar session. */
  calendarPainted: number;
}

/** A figure's spread over the filter changes, ms. */
export interface Spread {
  median: number;
  p90: number;
  max: number;
}

export interface FilterTimes {
  /** ms from the request for dist/mobilise.js to the end of the JSON file's response (median). */
  data: number;
  /** ms from the request for dist/mobilise.js to the first of the N sessions in the DOM (median). */
  firstSession: number;
  /** ms from a filter `change` to the element's whole update (the page of results, both steps) committed to the DOM. */
  update: Spread;
  /**
   * ms from a filter `change` to the end of the next frame (style, layout, paint): what the member sees
   * first, the first screen of results (the calendar's first step, FIRST_SCREEN), as Interaction to Next Paint counts it.
   */
  frame: Spread;
  /** ms from a filter `change` to the end of the frame that shows the whole page of results. */
  whole: Spread;
  changes: number;
}

/** Parts of the embed's first task, timed apart in fresh pages. */
export interface StartUp {
  /** import() of the embed, already fetched and compiled, on a page without its elements. */
  evaluate: number;
  /** The first Intl object a page makes (ICU's data), then a London date formatter after it. */
  firstIntl: number;
  londonFormatter: number;
}

export interface FrontendResult {
  startUp: { normal: StartUp; slow: StartUp };
  sizes: EntrySize[];
  /** dist/mobilise.js and everything it can load (initial + lazy): all elements + runtime. */
  embedTotal: Bytes;
  atcb: { version: string; shipped: Bytes & { file: string }; minified: Bytes };
  runs: number;
  load: { normal: LoadTimes; slow: LoadTimes };
  /**
   * The same page with the data fetched before the embed's script is asked for, and the embed's requests for it
   * answered from memory (bench/pages/in-memory.js), loaded in turn with `load`: the embed's own start-up and first
   * drawing, with no network wait. Its `data` and `dataTo…` figures mean nothing (the data comes first).
   */
  loadInMemory: { normal: LoadTimes; slow: LoadTimes };
  /** With BENCH_BEFORE: the same page loads of that checkout's embed, alternated load by load with these. */
  loadBefore?: { root: string; normal: LoadTimes; slow: LoadTimes };
  /** With BENCH_BEFORE: that checkout's embed on the in-memory page, in turn with the others. */
  loadInMemoryBefore?: { normal: LoadTimes; slow: LoadTimes };
  /** With BENCH_BEFORE: filter change → next frame on that checkout's filter page and this one, FILTER_ROUNDS loads of each in turn. */
  filterBefore?: { normal: { now: Spread; before: Spread }; slow: { now: Spread; before: Spread } };
  sessions: number;
  filter: { normal: FilterTimes; slow: FilterTimes };
  /** Traced loads of the load page: ms per category (median of TRACE_RUNS) in each window, by slowdown. */
  trace: { runs: number; normal: Breakdown; slow: Breakdown };
  /** A traced load of the filter page: ms per category from a filter change to the next frame, median over its changes. */
  filterTrace: { normal: Record<string, number>; slow: Record<string, number> };
  /** The demo page: wide at 1×, a phone at 4×. */
  layoutShift: { desktop: LayoutShift; phone: LayoutShift };
  chromium: string;
}

/** With BENCH_BEFORE: loads of each embed's filter page per slowdown, in turn. */
export const FILTER_ROUNDS = 3;
/** Traced page loads per slowdown (separate from the timed ones: tracing costs time). */
const TRACE_RUNS = 3;
/** The windows of the traced loads, between the page's marks. */
export const TRACE_WINDOWS = ['script request → data received', 'data received → first card and session'] as const;

const gzip = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf: Buffer) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
/** Same compression settings as scripts/size.ts. */
const bytes = (buf: Buffer): Bytes => ({ min: buf.length, gz: gzip(buf), br: brotli(buf) });

/**
 * A private copy of `root`'s dist/ (built first if it is missing or incomplete), so a
 * build running elsewhere in the checkout cannot change files under the bench.
 */
function snapshotDist(root = ROOT): { dir: string; sizes: EntrySize[]; cleanup(): void } {
  const dist = join(root, 'dist');
  const build = () => {
    console.log(`Building ${dist} (vite build)…`);
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', timeout: 180_000 });
    if (result.status !== 0) throw new Error(`vite build failed (${result.error?.message ?? `exit ${result.status}`})`);
  };
  if (!existsSync(join(dist, 'mobilise.js'))) build();
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'mobilise-bench-dist-'));
    const cleanup = () => rmSync(dir, { recursive: true, force: true });
    try {
      cpSync(dist, dir, { recursive: true });
      return { dir, sizes: measure(dir), cleanup };
    } catch (error) {
      cleanup();
      if (attempt > 1) throw error;
      // An entry or chunk is missing: dist/ is from an older build.
      build();
    }
  }
}

function measureAtcb(): FrontendResult['atcb'] {
  const { version } = JSON.parse(readFileSync(join(ATCB, 'package.json'), 'utf8')) as { version: string };
  // The browser bundle it ships for a script tag (package.json "jsdelivr"), with its CSS inlined.
  const file = 'dist/atcb.js';
  const code = readFileSync(join(ATCB, file));
  // It ships unminified: minify it with the same minifier as our build (oxc), to compare like with like.
  const minified = minifySync('atcb.js', code.toString('utf8'), { compress: true, mangle: true });
  if (minified.errors.length) throw new Error(`minifying ${file}: ${minified.errors[0]!.message}`);
  return { version, shipped: { file, ...bytes(code) }, minified: bytes(Buffer.from(minified.code)) };
}

/** `count` sessions over the next year, every module, area and delivery mode; all valid. */
export function manySessions(count: number, now = Date.now()): Session[] {
  const areas = Object.keys(VENUES);
  const day = 86_400_000;
  const sessions = Array.from({ length: count }, (_, i): Session => {
    const start = Math.floor(now / day) * day + (1 + (i % 365)) * day + (i % 2 ? 18.5 : 10) * 3_600_000;
    const delivery = (['in-person', 'online', 'hybrid'] as const)[i % 3]!;
    const area = delivery === 'online' ? 'Scotland-wide' : areas[i % areas.length]!;
    const capacity = 10 + (i % 30);
    return {
      id: `bench-session-${i}`,
      moduleId: modules[i % modules.length]!.id,
      start: new Date(start).toISOString(),
      end: new Date(start + 2 * 3_600_000).toISOString(),
      delivery,
      ...(delivery === 'online' ? {} : { venue: VENUES[area]![0]! }),
      area,
      capacity,
      spacesLeft: i % 7 === 0 ? 0 : capacity - (i % 10),
      status: i % 7 === 0 ? 'full' : 'scheduled',
      waitlist: i % 2 === 0,
    };
  });
  const invalid = sessions.filter((s) => !SessionSchema.safeParse(s).success);
  if (invalid.length) throw new Error(`bench sessions fail the contract: ${invalid[0]!.id}`);
  return sessions;
}

export async function runFrontendBench(options: FrontendOptions = {}): Promise<FrontendResult> {
  const runs = options.runs ?? 5;
  const sessionCount = options.sessions ?? 5_000;
  const filterChanges = options.filterChanges ?? 21;

  const dist = snapshotDist();
  // BENCH_BEFORE=<a checkout of the code before> (bench/README.md): its embed is loaded too, turn about with this one.
  const beforeRoot = process.env.BENCH_BEFORE || undefined;
  const beforeDist = beforeRoot ? snapshotDist(beforeRoot) : undefined;
  const atcb = measureAtcb();
  const embed = dist.sizes.find((s) => s.name === 'mobilise')!;
  const embedTotal: Bytes = {
    min: embed.initial.min + embed.lazy.min,
    gz: embed.initial.gz + embed.lazy.gz,
    br: embed.initial.br + embed.lazy.br,
  };

  const db = await openDb({});
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof startStaticServer>> | undefined;
  let beforeSite: Awaited<ReturnType<typeof startStaticServer>> | undefined;
  try {
    await seedIfEmpty(db, modules, makeSessions(new Date()));
    const bigJson = JSON.stringify({ modules, sessions: manySessions(sessionCount) });
    let app: ReturnType<typeof createApp> | undefined;
    /** What both sites answer beyond their files: the API, and the 5,000 sessions as a static file. */
    const apiAndData = (req: IncomingMessage, res: ServerResponse): boolean => {
      if (req.url?.startsWith('/v1/')) app!(req, res);
      else if (req.url === '/bench/sessions.json') res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(bigJson);
      else return false;
      return true;
    };
    const sendPage = (res: ServerResponse, page: string) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
      return true;
    };
    /** The in-memory page (either site's embed), or else the API and the data. */
    const inMemoryOrApi = (req: IncomingMessage, res: ServerResponse) =>
      req.url === '/bench/in-memory.html' ? sendPage(res, inMemoryPage()) : apiAndData(req, res);
    site = await startStaticServer({
      mounts: { '/dist/': dist.dir, '/bench/': join(ROOT, 'bench', 'pages'), '/demo/': join(ROOT, 'demo') },
      headers: { 'Cache-Control': 'no-store' },
      handle: (req, res) => (req.url === '/demo/' ? sendPage(res, demoPage(site!.url)) : inMemoryOrApi(req, res)),
    });
    // The same API for the embed of before, from a site of its own (its own origin, so no cache is shared).
    if (beforeDist) {
      beforeSite = await startStaticServer({
        mounts: { '/dist/': beforeDist.dir, '/bench/': join(ROOT, 'bench', 'pages') },
        headers: { 'Cache-Control': 'no-store' },
        handle: inMemoryOrApi,
      });
    }
    const origins = [site.url, ...(beforeSite ? [beforeSite.url] : [])];
    app = createApp({ db, allowedOrigins: origins, rateLimit: { windowMs: 60_000, max: 10_000 }, log: () => {} });
    browser = await launchChromium();
    const chromium = await browser.version();

    /** One cold load of a bench page from `origin`: the page's own marks, ms from the request for dist/mobilise.js. */
    const load = (cpuSlowdown: number, origin: string, pageName = 'load'): Promise<LoadTimes> =>
      withPage(browser!, cpuSlowdown, async (page) => {
        await page.goto(`${origin}/bench/${pageName}.html`, { waitUntil: 'load', timeout: 30_000 });
        await page.waitForFunction(() => window.__bench.cataloguePainted !== undefined && window.__bench.calendarPainted !== undefined, {
          timeout: 30_000,
        });
        const marks = await pageMarks(page);
        if (process.env.BENCH_VERBOSE) await printFrames(page, marks);
        return {
          data: marks.data - marks.script,
          dataToCatalogue: marks.catalogue - marks.data,
          dataToCalendar: marks.calendar - marks.data,
          catalogue: marks.catalogue - marks.script,
          calendar: marks.calendar - marks.script,
          calendarFromNavigation: marks.calendar,
          cataloguePainted: marks.cataloguePainted - marks.script,
          calendarPainted: marks.calendarPainted - marks.script,
        };
      });

    /**
     * Page loads of this embed and of its in-memory page and, with BENCH_BEFORE, of the embed before on both,
     * turn about, so the machine's drift hits all alike.
     */
    const loadsInTurn = async (
      cpuSlowdown: number,
    ): Promise<{ now: LoadTimes; inMemory: LoadTimes; before?: LoadTimes; inMemoryBefore?: LoadTimes }> => {
      const pages: Record<string, [origin: string, pageName: string]> = {
        now: [site!.url, 'load'],
        inMemory: [site!.url, 'in-memory'],
        ...(beforeSite ? { before: [beforeSite.url, 'load'], inMemoryBefore: [beforeSite.url, 'in-memory'] } : {}),
      };
      const samples: Record<string, LoadTimes[]> = {};
      // One extra, discarded round first: Chromium's own first-use costs are not the widget's.
      for (let i = 0; i <= runs; i++) {
        for (const [code, [url, pageName]] of Object.entries(pages)) {
          const sample = await load(cpuSlowdown, url, pageName);
          if (i > 0) (samples[code] ??= []).push(sample);
          // BENCH_VERBOSE=1: every load's own figures, to see the spread behind the medians.
          if (process.env.BENCH_VERBOSE) console.log(`  load ${i} (${code}) at ${cpuSlowdown}×: data ${sample.data.toFixed(1)} ms, → card +${sample.dataToCatalogue.toFixed(1)}, → session +${sample.dataToCalendar.toFixed(1)}, card on screen ${sample.cataloguePainted.toFixed(1)}`);
        }
      }
      const before = samples.before && samples.inMemoryBefore ? { before: medians(samples.before), inMemoryBefore: medians(samples.inMemoryBefore) } : {};
      return { now: medians(samples.now!), inMemory: medians(samples.inMemory!), ...before };
    };

    const filter = async (cpuSlowdown: number): Promise<FilterTimes> => {
      const loads = Math.min(runs, 3);
      const first: number[] = [];
      const data: number[] = [];
      let result: FilterTimes | undefined;
      for (let i = 1; i <= loads; i++) {
        const measured = await withPage(browser!, cpuSlowdown, async (page) => {
          await openFilterPage(page, site!.url);
          const marks = await pageMarks(page);
          if (process.env.BENCH_VERBOSE) await printFrames(page, marks);
          // Filters only on the last load; the others just time the first render.
          return {
            first: marks.calendar - marks.script,
            data: marks.data - marks.script,
            changes: i === loads ? await filterChangesIn(page, sessionCount, filterChanges) : undefined,
          };
        });
        first.push(measured.first);
        data.push(measured.data);
        if (measured.changes) {
          const { update, frame, whole } = measured.changes;
          result = { data: NaN, firstSession: NaN, update: spread(update), frame: spread(frame), whole: spread(whole), changes: update.length };
        }
      }
      return { ...result!, data: median(data), firstSession: median(first) };
    };

    /**
     * With BENCH_BEFORE: the filter page of that checkout's embed and of this one, loaded in turn
     * (FILTER_ROUNDS each, which first turn about), every change made on each, so the machine's drift
     * hits both alike. One page at a time, so that neither is ever a page in the background.
     */
    const filtersInTurn = async (cpuSlowdown: number): Promise<{ now: Spread; before: Spread }> => {
      const times = { now: noChanges(), before: noChanges() };
      const sites = [['now', site!.url], ['before', beforeSite!.url]] as const;
      for (let round = 0; round < FILTER_ROUNDS; round++) {
        for (const [code, origin] of round % 2 ? [...sites].reverse() : sites) {
          await withPage(browser!, cpuSlowdown, async (page) => {
            await openFilterPage(page, origin);
            await filterChangesIn(page, sessionCount, filterChanges, times[code]);
          });
        }
      }
      return { now: spread(times.now.frame), before: spread(times.before.frame) };
    };

    /** Traced loads of the load page; each category's median over the runs, per window. */
    const traced = async (cpuSlowdown: number): Promise<Breakdown> => {
      const runs: Breakdown[] = [];
      for (let i = 0; i <= TRACE_RUNS; i++) {
        const run = await withPage(browser!, cpuSlowdown, async (page) => {
          await page.tracing.start({ categories: TRACE_CATEGORIES });
          await page.goto(`${site!.url}/bench/load.html`, { waitUntil: 'load', timeout: 30_000 });
          await page.waitForFunction(() => window.__bench.catalogue !== undefined && window.__bench.calendar !== undefined, {
            timeout: 30_000,
          });
          const raw = await page.tracing.stop();
          if (!raw) throw new Error('the trace came back empty');
          const trace = Buffer.from(raw).toString('utf8');
          // BENCH_TRACE_DIR=… keeps each trace, to open in DevTools' Performance panel.
          if (process.env.BENCH_TRACE_DIR) writeFileSync(join(process.env.BENCH_TRACE_DIR, `load-${cpuSlowdown}x-${i}.json`), trace);
          const m = await pageMarks(page);
          const userMarks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime])));
          const [a, b] = TRACE_WINDOWS;
          return breakdown(trace, userMarks, [
            { name: a, from: m.script, to: m.data },
            { name: b, from: m.data, to: Math.max(m.catalogue, m.calendar) },
          ], dist.dir);
        });
        if (i > 0) runs.push(run);
      }
      const out: Breakdown = {};
      for (const w of TRACE_WINDOWS) out[w] = categoryMedians(runs.map((r) => r[w] ?? {}));
      return out;
    };

    /**
     * One more load of the filter page, apart from the timed ones (tracing costs time), its filter changes
     * traced: ms per category from each change to the task after the next frame, median over the changes.
     */
    const tracedFilter = (cpuSlowdown: number): Promise<Record<string, number>> =>
      withPage(browser!, cpuSlowdown, async (page) => {
        await openFilterPage(page, site!.url);
        await page.tracing.start({ categories: TRACE_CATEGORIES });
        await filterChangesIn(page, sessionCount, filterChanges);
        const raw = await page.tracing.stop();
        if (!raw) throw new Error('the trace came back empty');
        const trace = Buffer.from(raw).toString('utf8');
        if (process.env.BENCH_TRACE_DIR) writeFileSync(join(process.env.BENCH_TRACE_DIR, `filter-${cpuSlowdown}x.json`), trace);
        const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime])));
        const windows = Array.from({ length: filterChanges }, (_, k) => ({ name: String(k), from: marks[`bench:change:${k}`]!, to: marks[`bench:frame:${k}`]! }));
        return categoryMedians(Object.values(breakdown(trace, marks, windows, dist.dir)));
      });

    /** The first task's parts, each timed apart in fresh pages (median of `runs`). */
    const startUp = async (cpuSlowdown: number): Promise<StartUp> => {
      const samples: StartUp[] = [];
      for (let i = 0; i <= runs; i++) {
        const evaluate = await withPage(browser!, cpuSlowdown, async (page) => {
          await page.goto(`${site!.url}/bench/evaluate.html`, { waitUntil: 'load', timeout: 30_000 });
          await page.waitForFunction(() => (window as { __startUp?: unknown }).__startUp !== undefined, { timeout: 30_000 });
          const r = await page.evaluate(() => (window as unknown as { __startUp: { evaluate?: number; error?: string } }).__startUp);
          if (r.error !== undefined) throw new Error(`bench/pages/evaluate.js: ${r.error}`);
          return r.evaluate!;
        });
        // A page that has used no Intl yet: the first object pays for ICU's data, whichever it is.
        const intl = await withPage(browser!, cpuSlowdown, async (page) => {
          await page.goto('about:blank');
          return page.evaluate(() => {
            const t0 = performance.now();
            new Intl.NumberFormat('en-GB');
            const t1 = performance.now();
            new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long' });
            return { first: t1 - t0, london: performance.now() - t1 };
          });
        });
        if (i > 0) samples.push({ evaluate, firstIntl: intl.first, londonFormatter: intl.london });
      }
      const m = (f: (s: StartUp) => number) => median(samples.map(f));
      return { evaluate: m((s) => s.evaluate), firstIntl: m((s) => s.firstIntl), londonFormatter: m((s) => s.londonFormatter) };
    };

    const shift = (cpuSlowdown: number, width: number, height: number) =>
      withPage(browser!, cpuSlowdown, async (page) => {
        await page.setViewport({ width, height });
        return measureLayoutShift(page, `${site!.url}/demo/`);
      });

    // In this order: traced loads, the first task's pieces, layout shift, timed loads, filter changes.
    const trace = { runs: TRACE_RUNS, normal: await traced(1), slow: await traced(4) };
    const startUps = { normal: await startUp(1), slow: await startUp(4) };
    const layoutShift = { desktop: await shift(1, 1100, 900), phone: await shift(4, 390, 844) };
    const [normal, slow] = [await loadsInTurn(1), await loadsInTurn(4)];
    return {
      trace,
      startUp: startUps,
      layoutShift,
      sizes: dist.sizes,
      embedTotal,
      atcb,
      runs,
      load: { normal: normal.now, slow: slow.now },
      loadInMemory: { normal: normal.inMemory, slow: slow.inMemory },
      ...(normal.before && slow.before ? { loadBefore: { root: beforeRoot!, normal: normal.before, slow: slow.before } } : {}),
      ...(normal.inMemoryBefore && slow.inMemoryBefore ? { loadInMemoryBefore: { normal: normal.inMemoryBefore, slow: slow.inMemoryBefore } } : {}),
      ...(beforeSite ? { filterBefore: { normal: await filtersInTurn(1), slow: await filtersInTurn(4) } } : {}),
      sessions: sessionCount,
      filter: { normal: await filter(1), slow: await filter(4) },
      filterTrace: { normal: await tracedFilter(1), slow: await tracedFilter(4) },
      chromium,
    };
  } finally {
    await browser?.close();
    await site?.close();
    await beforeSite?.close();
    await db.close();
    dist.cleanup();
    beforeDist?.cleanup();
  }
}

/** Each trace category's median over the windows or runs; a category missing from one counts 0 ms there. */
function categoryMedians(samples: Record<string, number>[]): Record<string, number> {
  const names = [...new Set(samples.flatMap((c) => Object.keys(c)))];
  return Object.fromEntries(names.map((n) => [n, median(samples.map((c) => c[n] ?? 0))]));
}

/** Each figure's median over the samples (every sample has the same figures). */
function medians<T extends object>(samples: T[]): T {
  const figures = samples.map((s) => s as Record<string, number>);
  return Object.fromEntries(Object.keys(figures[0]!).map((k) => [k, median(figures.map((f) => f[k]!))])) as T;
}

/** BENCH_VERBOSE=1: the page's long animation frames (recorded by pages/probe.js), ms from the script request. */
async function printFrames(page: Page, marks: PageMarks): Promise<void> {
  type Frame = { start: number; duration: number; render: number; layout: number; scripts: string };
  const frames = await page.evaluate(() => (window.__bench as unknown as { frames: Frame[] }).frames);
  for (const f of frames) console.log(`    frame ${(f.start - marks.script).toFixed(1)} +${f.duration.toFixed(1)} (render ${f.render.toFixed(1)}, style+layout ${f.layout.toFixed(1)}): ${f.scripts}`);
  console.log(`    data ${(marks.data - marks.script).toFixed(1)}, card ${(marks.catalogue - marks.script).toFixed(1)}`);
}

/** bench/pages/load.html with its data already in memory: bench/pages/in-memory.js fetches it, then adds the embed's script. */
function inMemoryPage(): string {
  const html = readFileSync(join(ROOT, 'bench', 'pages', 'load.html'), 'utf8');
  const script = '<script type="module" src="/dist/mobilise.js"></script>';
  if (!html.includes(script)) throw new Error(`bench/pages/load.html no longer has ${script}: update bench/frontend.ts`);
  return html.replace(script, '<script src="/bench/in-memory.js"></script>');
}

/** demo/index.html as a CLP would serve it: the built embed, the bench's server as the endpoint, the probe first. */
function demoPage(origin: string): string {
  const html = readFileSync(join(ROOT, 'demo', 'index.html'), 'utf8');
  const edits: [string, string][] = [
    ['<script type="module" src="/src/mobilise.ts"></script>', '<script src="/bench/probe.js"></script><script type="module" src="/dist/mobilise.js"></script>'],
    ['endpoint="http://127.0.0.1:8787"', `endpoint="${origin}"`],
  ];
  return edits.reduce((page, [find, replace]) => {
    if (!page.includes(find)) throw new Error(`demo/index.html no longer has ${find}: update bench/frontend.ts`);
    return page.replace(find, replace);
  }, html);
}

/** The bench's filter page from `origin`, once the calendar shows its first session. */
async function openFilterPage(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/bench/filter.html`, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForFunction(() => window.__bench.calendar !== undefined, { timeout: 60_000 });
}

/** The filter changes measured, in order: a module, a delivery and an area, each then cleared again. */
function filterSteps(changes: number): [id: string, value: string][] {
  const moduleIds = modules.map((m) => m.id);
  const areas = Object.keys(VENUES);
  const steps: [string, string][] = [];
  for (let i = 0; steps.length < changes; i++) {
    steps.push(['f-module', moduleIds[i % moduleIds.length]!], ['f-module', ''], ['f-delivery', 'online'], ['f-delivery', '']);
    steps.push(['f-area', areas[i % areas.length]!], ['f-area', '']);
  }
  return steps.slice(0, changes);
}

/** Each filter change's times, ms, in order (FilterTimes says what each is). */
interface ChangeTimes {
  update: number[];
  frame: number[];
  whole: number[];
}

const noChanges = (): ChangeTimes => ({ update: [], frame: [], whole: [] });

const spread = (values: number[]): Spread => ({ median: median(values), p90: quantile(values, 0.9), max: Math.max(...values) });

/**
 * Changes one of the calendar's filters as a member would (select a value, `change`
 * bubbles to the filter bar), times it into `times`, and checks the filtered count.
 */
async function filterChange(page: Page, total: number, k: number, [id, value]: [string, string], times: ChangeTimes): Promise<void> {
  const r = await page.evaluate(
    async (id, value, k) => {
      const calendar = document.querySelector('mobilise-session-calendar') as HTMLElement & { updateComplete: Promise<unknown> };
      const root = calendar.shadowRoot!;
      const select = root.getElementById(id) as HTMLSelectElement;
      // A task after the next frame (style, layout, paint): asked for before the element renders, so it
      // comes before the element's own next step (the rest of the page of results, after that frame).
      const afterNextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      // Marks for the traced load (tracedFilter): each change's window, to the task after the next frame.
      performance.mark(`bench:change:${k}`);
      const t0 = performance.now();
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await afterNextFrame();
      const t2 = performance.now();
      performance.mark(`bench:frame:${k}`);
      await calendar.updateComplete;
      const t1 = performance.now();
      await afterNextFrame();
      const t3 = performance.now();
      return { update: t1 - t0, frame: t2 - t0, whole: t3 - t0, count: root.querySelector('.count')?.textContent ?? '' };
    },
    id,
    value,
    k,
  );
  const of = Number(/of ([\d,]+) sessions/.exec(r.count)?.[1]?.replace(/,/g, '') ?? /^(\d+) sessions?$/.exec(r.count)?.[1] ?? NaN);
  const expectAll = value === '';
  if (expectAll ? of !== total : !(of > 0 && of < total)) {
    throw new Error(`filter ${id}=${value || '(all)'} shows "${r.count}", expected ${expectAll ? `all ${total}` : 'a subset'}`);
  }
  times.update.push(r.update);
  times.frame.push(r.frame);
  times.whole.push(r.whole);
}

/** Every change of filterSteps on one page, in order, its times added to `times`. */
async function filterChangesIn(page: Page, total: number, changes: number, times = noChanges()): Promise<ChangeTimes> {
  for (const [k, step] of filterSteps(changes).entries()) await filterChange(page, total, k, step, times);
  return times;
}
