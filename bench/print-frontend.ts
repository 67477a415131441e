/** The front-end bench's tables: sizes, browser timings, issue 15's targets and the trace's breakdown. */
import { int, kb, ms, table } from './format.js';
import { FILTER_ROUNDS, TRACE_WINDOWS, type FrontendResult, type LoadTimes } from './frontend.js';

export function printFrontend(f: FrontendResult): void {
  const sizeRow = (name: string, files: number | string, b: { min: number; gz: number; br: number }, lazyGz?: number) => [
    name,
    String(files),
    kb(b.min),
    kb(b.gz),
    kb(b.br),
    lazyGz ? `+${kb(lazyGz)}` : '',
  ];
  table(
    'Bundle sizes: each file minified, gzip -9 / brotli -11 on its own; initial = entry + static imports, lazy = loaded on demand',
    ['entry', 'files', 'min', 'min+gz', 'brotli', 'lazy min+gz'],
    [
      ...f.sizes.map((s) => sizeRow(`dist/${s.name}.js`, s.initial.files + s.lazy.files, s.initial, s.lazy.gz)),
      sizeRow('all elements + runtime (mobilise.js, initial + lazy)', '', f.embedTotal),
      sizeRow(`add-to-calendar-button ${f.atcb.version} ${f.atcb.shipped.file}, as shipped`, 1, f.atcb.shipped),
      sizeRow(`add-to-calendar-button ${f.atcb.version}, minified like ours (oxc)`, 1, f.atcb.minified),
    ],
  );
  console.log(
    `\nAll four Mobilise elements + runtime are ${kb(f.embedTotal.gz)} min+gz: ${(f.atcb.minified.gz / f.embedTotal.gz).toFixed(1)}× smaller than ` +
      `add-to-calendar-button alone minified (${kb(f.atcb.minified.gz)}), ${(f.atcb.shipped.gz / f.embedTotal.gz).toFixed(1)}× smaller than as shipped (${kb(f.atcb.shipped.gz)}).`,
  );
  table(
    `Headless Chromium ${f.chromium}, cold cache, loopback, against the reference server (PGlite); median of ${f.runs} page loads ` +
      `(${Math.min(f.runs, 3)} for ${int(f.sessions)} sessions)`,
    ['measure', 'no throttling', '4× CPU slowdown'],
    [
      ['script request → API responses (/v1/modules, /v1/sessions) received', ms(f.load.normal.data), ms(f.load.slow.data)],
      ['script request → first catalogue card in the DOM', ms(f.load.normal.catalogue), ms(f.load.slow.catalogue)],
      ['script request → first calendar session in the DOM', ms(f.load.normal.calendar), ms(f.load.slow.calendar)],
      ['script request → first catalogue card on screen (the frame that shows it drawn)', ms(f.load.normal.cataloguePainted), ms(f.load.slow.cataloguePainted)],
      ['script request → first calendar session on screen', ms(f.load.normal.calendarPainted), ms(f.load.slow.calendarPainted)],
      ['navigation start → first calendar session', ms(f.load.normal.calendarFromNavigation), ms(f.load.slow.calendarFromNavigation)],
      ['the data already in memory (no network wait): script request → first catalogue card in the DOM', ms(f.loadInMemory.normal.catalogue), ms(f.loadInMemory.slow.catalogue)],
      ['  … first calendar session in the DOM', ms(f.loadInMemory.normal.calendar), ms(f.loadInMemory.slow.calendar)],
      ['  … first catalogue card on screen', ms(f.loadInMemory.normal.cataloguePainted), ms(f.loadInMemory.slow.cataloguePainted)],
      [`${int(f.sessions)} sessions: script request → JSON file received`, ms(f.filter.normal.data), ms(f.filter.slow.data)],
      [`${int(f.sessions)} sessions: script request → first session in the DOM`, ms(f.filter.normal.firstSession), ms(f.filter.slow.firstSession)],
      [
        `${int(f.sessions)} sessions: filter change → whole page of results in the DOM, median (p90)`,
        `${ms(f.filter.normal.update.median)} (${ms(f.filter.normal.update.p90)})`,
        `${ms(f.filter.slow.update.median)} (${ms(f.filter.slow.update.p90)})`,
      ],
      [
        `${int(f.sessions)} sessions: filter change → next frame (first screen of results), median (p90)`,
        `${ms(f.filter.normal.frame.median)} (${ms(f.filter.normal.frame.p90)})`,
        `${ms(f.filter.slow.frame.median)} (${ms(f.filter.slow.frame.p90)})`,
      ],
      [
        `${int(f.sessions)} sessions: filter change → frame showing the whole page of results, median (p90)`,
        `${ms(f.filter.normal.whole.median)} (${ms(f.filter.normal.whole.p90)})`,
        `${ms(f.filter.slow.whole.median)} (${ms(f.filter.slow.whole.p90)})`,
      ],
    ],
  );
  console.log(`(${f.filter.normal.changes} filter changes each: module, delivery and area, set and cleared.)`);
  printBefore(f);
  printTargets(f);
  printBreakdown(f);
}

/** With BENCH_BEFORE: that checkout's embed and this one, their page loads alternated, side by side. */
function printBefore(f: FrontendResult): void {
  const b = f.loadBefore;
  if (!b) return;
  const cell = (before: number, now: number) => `${ms(before)} / ${ms(now)} (${now <= before ? '−' : '+'}${ms(Math.abs(now - before))})`;
  const rows: [string, (t: LoadTimes) => number][] = [
    ['script request → data received', (t) => t.data],
    ['data received → first catalogue card in the DOM', (t) => t.dataToCatalogue],
    ['data received → first calendar session in the DOM', (t) => t.dataToCalendar],
    ['script request → first catalogue card in the DOM', (t) => t.catalogue],
    ['script request → first calendar session in the DOM', (t) => t.calendar],
    ['script request → first catalogue card on screen', (t) => t.cataloguePainted],
    ['script request → first calendar session on screen', (t) => t.calendarPainted],
  ];
  const m = f.loadInMemoryBefore;
  const inMemory: [string, (t: LoadTimes) => number][] = [
    ['data already in memory: script request → first catalogue card in the DOM', (t) => t.catalogue],
    ['data already in memory: script request → first catalogue card on screen', (t) => t.cataloguePainted],
  ];
  type Both = { normal: LoadTimes; slow: LoadTimes };
  const beside = (list: typeof rows, before: Both, now: Both) =>
    list.map(([name, get]) => [name, cell(get(before.normal), get(now.normal)), cell(get(before.slow), get(now.slow))]);
  table(
    `Before (BENCH_BEFORE=${b.root}) / now, the same page loaded from each in turn, median of ${f.runs} loads each`,
    ['measure', 'no throttling', '4× CPU slowdown'],
    [...beside(rows, b, f.load), ...(m ? beside(inMemory, m, f.loadInMemory) : [])],
  );
  const fb = f.filterBefore;
  if (!fb) return;
  table(
    `Before / now, ${int(f.sessions)} sessions: each filter page loaded ${FILTER_ROUNDS} times in turn, ${f.filter.normal.changes} changes on each load`,
    ['filter change → next frame', 'no throttling', '4× CPU slowdown'],
    (['median', 'p90'] as const).map((q) => [q, cell(fb.normal.before[q], fb.normal.now[q]), cell(fb.slow.before[q], fb.slow.now[q])]),
  );
}

/** Issue 15's figures (before), this run's (now) and the targets, side by side. */
function printTargets(f: FrontendResult): void {
  const { normal: n, slow: s } = f.load;
  const [d, p] = [f.layoutShift.desktop, f.layoutShift.phone];
  const cls = (v: number) => v.toFixed(3);
  const px = (v: number) => `${int(v)} px`;
  const row = (name: string, before1: string, now1: string, target1: string, before4: string, now4: string, target4: string) => [
    name,
    `${before1} / ${now1} / ${target1}`,
    `${before4} / ${now4} / ${target4}`,
  ];
  table(
    'Issue 15: before (its figures) / now (this run) / target',
    ['measure', 'no throttling', '4× CPU slowdown'],
    [
      row('script request → data received', '87 ms', ms(n.data), '–', '237 ms', ms(s.data), '–'),
      row('data received → first catalogue card', '≈126 ms', ms(n.dataToCatalogue), '≤ 25 ms', '≈498 ms', ms(s.dataToCatalogue), '≤ 100 ms'),
      row('data received → first calendar session', '–', ms(n.dataToCalendar), '≤ 25 ms', '–', ms(s.dataToCalendar), '≤ 100 ms'),
      row('script request → first catalogue card', '213 ms', ms(n.catalogue), '≤ 130 ms', '735 ms', ms(s.catalogue), '≤ 400 ms'),
      row('script request → first calendar session', '–', ms(n.calendar), '≤ 130 ms', '–', ms(s.calendar), '≤ 400 ms'),
      row('script request → first card on screen (its frame drawn)', '–', ms(n.cataloguePainted), '–', '–', ms(s.cataloguePainted), '–'),
      row('the same, data already in memory: script request → first card', '–', ms(f.loadInMemory.normal.catalogue), '≤ 130 ms', '–', ms(f.loadInMemory.slow.catalogue), '≤ 400 ms'),
      row(`${int(f.sessions)} sessions: filter change → next frame, median`, '27 ms', ms(f.filter.normal.frame.median), '≤ 16 ms', '146 ms', ms(f.filter.slow.frame.median), '–'),
      row(`${int(f.sessions)} sessions: filter change → next frame, p90`, '39 ms', ms(f.filter.normal.frame.p90), '≤ 20 ms', '202 ms', ms(f.filter.slow.frame.p90), '≤ 60 ms'),
      row('demo page: layout shift while loading', '–', cls(d.loading), '≤ 0.05', '–', cls(p.loading), '≤ 0.05'),
      row('demo page: layout shift while scrolling to the bottom', '–', cls(d.scrolling), '≤ 0.05', '–', cls(p.scrolling), '≤ 0.05'),
      row('demo page: height loaded → scrolled to the bottom', '7,200 → 15,600 px', `${px(d.heightLoaded)} → ${px(d.heightScrolled)}`, 'no change', '–', `${px(p.heightLoaded)} → ${px(p.heightScrolled)}`, 'no change'),
    ],
  );
  console.log(
    '(Layout shift: the sum of every layout-shift entry without recent input, Layout Instability API; the demo page at 1100×900 unthrottled,\n' +
      'and at 390×844 with the 4× slowdown. Load figures: median of each load\'s own difference.)',
  );
}

/** Where the main thread's time goes in the traced loads (bench/trace.ts), ms, median of the traced runs. */
function printBreakdown(f: FrontendResult): void {
  const [a, b] = TRACE_WINDOWS;
  const cols = [f.trace.normal[a]!, f.trace.normal[b]!, f.trace.slow[a]!, f.trace.slow[b]!];
  const names = [...new Set(cols.flatMap((c) => Object.keys(c)))].sort((x, y) => (cols[3]![y] ?? 0) - (cols[3]![x] ?? 0));
  const total = (c: Record<string, number>) => Object.values(c).reduce((t, v) => t + v, 0);
  table(
    `Main thread of the load page, from a DevTools protocol trace (median of ${f.trace.runs} traced loads; tracing slows the page a little)`,
    ['what ran', `1×: ${a}`, `1×: ${b}`, `4×: ${a}`, `4×: ${b}`],
    [...names.map((n) => [n, ...cols.map((c) => ms(c[n] ?? 0))]), ['(window, sum of medians)', ...cols.map((c) => ms(total(c)))]],
  );
  const { normal: fn, slow: fs } = f.filterTrace;
  // Categories that took no time in a change (validation, the network…) are left out.
  const filterNames = [...new Set([...Object.keys(fn), ...Object.keys(fs)])]
    .filter((n) => (fn[n] ?? 0) + (fs[n] ?? 0) >= 0.05)
    .sort((x, y) => (fs[y] ?? 0) - (fs[x] ?? 0));
  table(
    `Main thread per filter change, ${int(f.sessions)} sessions: from the change to the task after the next frame, from a DevTools protocol trace (another load; median over its ${f.filter.normal.changes} changes)`,
    ['what ran', 'no throttling', '4× CPU slowdown'],
    [...filterNames.map((n) => [n, ms(fn[n] ?? 0), ms(fs[n] ?? 0)]), ['(sum of medians)', ms(total(fn)), ms(total(fs))]],
  );
  console.log("(Layout includes the new entries' style: the calendar is a size container, whose contents' style Chromium computes during its layout.)");
  // The trace cannot see inside a built-in: the first Intl object's ICU data is "script evaluation" above.
  const { normal: n, slow: s } = f.startUp;
  table(
    `The embed's first task, pieces timed apart in fresh pages (median of ${f.runs}; bench/pages/evaluate.js)`,
    ['piece', 'no throttling', '4× CPU slowdown'],
    [
      ['module evaluation, on a page without the elements (fetched and compiled first)', ms(n.evaluate), ms(s.evaluate)],
      ["  of which, at most: a page's first Intl object (ICU's data; the embed's is at its top level)", ms(n.firstIntl), ms(s.firstIntl)],
      ['a London date formatter after it (four are built while the network answers)', ms(n.londonFormatter), ms(s.londonFormatter)],
    ],
  );
}

