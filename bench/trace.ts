/**
 * Where the page's main thread spends the time while the widgets load, from a Chrome DevTools
 * protocol trace (puppeteer's page.tracing: devtools.timeline events and V8's CPU profile).
 * Each 50 µs of a window goes to the innermost trace event running then (style recalculation,
 * layout, paint, GC, compiling); JavaScript is split further by the CPU profile's sample at that
 * moment, by the source file (through the embed's hidden source maps) of the innermost function
 * that is ours or a library's: contract validation, Lit, the elements' own code, Intl…
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMappings } from '../scripts/source-map.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

/** A window between two marks, in the page's performance.now() ms. */
export interface TraceWindow {
  name: string;
  from: number;
  to: number;
}

/** ms per category in each window, in the order the categories were first met. */
export type Breakdown = Record<string, Record<string, number>>;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: Record<string, unknown> };
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}

const BIN = 50; // µs

/** Innermost trace events by name → category; JavaScript is split by the CPU profile. */
function eventCategory(name: string): string | undefined {
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|InvalidateLayout|ScheduleStyleRecalculation)$/.test(name)) return 'style recalculation';
  if (/^(Layout|UpdateLayer|LayoutShift|IntersectionObserverController::computeIntersections)$/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|Commit|PaintImage|UpdateLayerTree|CompositeLayers|RasterTask)$/.test(name)) return 'paint, layers, commit';
  if (/GC|GarbageCollect|Scavenge|MarkCompact/i.test(name)) return 'garbage collection';
  if (/^(ParseHTML)$/.test(name)) return 'HTML parsing';
  if (/compile|CompileScript|CompileCode|parseOnBackground|v8\.parse/i.test(name)) return 'script compile';
  return undefined;
}

/** The embed's chunk URL → its source map, decoded to [generated line][segments of (column, source)]. */
class SourceMaps {
  readonly #maps = new Map<string, { sources: string[]; lines: [number, number, number][][] } | null>();
  constructor(readonly distDir: string) {}

  /** The original file and line (1-based) of generated code at `line`, `column` (0-based), or undefined. */
  source(url: string, line: number, column: number): { file: string; line: number } | undefined {
    const path = /\/dist\/(.+\.js)$/.exec(new URL(url, 'http://x').pathname)?.[1];
    if (!path) return undefined;
    if (!this.#maps.has(path)) this.#maps.set(path, this.#load(join(this.distDir, `${path}.map`)));
    const map = this.#maps.get(path);
    const segments = map?.lines[line];
    if (!map || !segments?.length) return undefined;
    let found = segments[0]!;
    for (const segment of segments) {
      if (segment[0] > column) break;
      // A segment without a source (the bundler's glue) goes on with the one before it.
      if (segment[1] >= 0) found = segment;
    }
    return found[1] < 0 ? undefined : { file: map.sources[found[1]]!, line: found[2] + 1 };
  }

  #load(file: string) {
    if (!existsSync(file)) return null;
    const map = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[]; mappings: string };
    return { sources: map.sources, lines: decodeMappings(map.mappings) };
  }
}

const sourceFiles = new Map<string, string[]>();
/** Line `line` (1-based) of a source file the map names (relative to dist/chunks/, as the embed's maps are). */
function sourceLine(file: string, line: number): string {
  const path = join(ROOT, 'src', file.replace(/^.*?\/src\//, ''));
  if (!sourceFiles.has(path)) sourceFiles.set(path, existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []);
  return sourceFiles.get(path)![line - 1] ?? '';
}

/** What a JavaScript stack (leaf first) is doing, named by the innermost frame that tells. */
function jsCategory(stack: CallFrame[], maps: SourceMaps): string {
  for (const f of stack) {
    if (!f.url) {
      if (f.functionName === 'DateTimeFormat' || f.functionName === 'NumberFormat' || f.functionName === 'PluralRules')
        return 'Intl formatter construction';
      if (/^(format|formatToParts|formatRange|resolvedOptions|select)$/.test(f.functionName)) return 'Intl formatting';
      if (f.functionName === 'json' || f.functionName === 'parse') return 'JSON parsing';
      if (f.functionName === '(garbage collector)') return 'garbage collection';
      // The DOM's own methods, called from script (insertBefore, importNode, createTextNode…).
      if (f.functionName && !f.functionName.startsWith('(')) return 'DOM calls (insertBefore, importNode…)';
      continue;
    }
    if (/\/bench\/probe\.js$/.test(f.url) || f.url.startsWith('pptr:') || f.url.includes('__puppeteer')) return 'bench probe (MutationObserver)';
    const at = maps.source(f.url, f.lineNumber, f.columnNumber);
    const src = at?.file ?? f.url;
    // V8 counts a built-in constructor's time to its caller: format.ts's formatter() is where they are built.
    if (/elements\/shared\/format\.ts$/.test(src) && at && /function formatter\b/.test(sourceLine(src, at.line))) return 'Intl formatter construction';
    if (/src\/contract\/|src\/client\/validate|zod/.test(src)) return 'contract validation (zod-lite)';
    if (/lit-html|reactive-element|lit-element/.test(src)) return 'Lit (templates, updates)';
    if (/@lit\/context|src\/context\//.test(src)) return 'provider and context';
    if (/src\/client\//.test(src)) return 'client (fetch, cache)';
    if (/src\/strings\//.test(src)) return 'strings';
    if (/src\/elements\/shared\/format/.test(src)) return 'Intl formatting';
    if (/src\/elements\//.test(src)) return "elements' own code (render helpers, filters)";
    return 'other JavaScript';
  }
  return 'other JavaScript';
}

/**
 * The breakdown of one traced page load. `marks` maps names of performance.mark()s the page made
 * to their startTime, which ties the trace's clock to the page's.
 */
export function breakdown(traceJson: string, marks: Record<string, number>, windows: TraceWindow[], distDir: string): Breakdown {
  const events = (JSON.parse(traceJson) as { traceEvents: TraceEvent[] }).traceEvents;
  const anchor = events.find((e) => e.cat.includes('blink.user_timing') && e.name in marks);
  if (!anchor) throw new Error(`trace: none of the marks ${Object.keys(marks).join(', ')} is in the trace`);
  const origin = anchor.ts - marks[anchor.name]! * 1000;
  const { pid, tid } = anchor;
  const maps = new SourceMaps(distDir);

  // The CPU profile of the main thread: samples (time, leaf node) and the nodes' call frames.
  const profileIds = new Set(events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => e.id));
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const starts = new Map(events.filter((e) => e.name === 'Profile' && e.pid === pid).map((e) => [e.id, Number(e.args?.data?.startTime)]));
  const clock = new Map<string | undefined, number>();
  for (const e of events) {
    // Chunks come from the profiler's own thread of the renderer process; the id ties them to the main thread's profile.
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !profileIds.has(e.id)) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = clock.get(e.id) ?? starts.get(e.id) ?? 0;
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
      t += data.timeDeltas?.[i] ?? 0;
      samples.push({ ts: t, node });
    });
    clock.set(e.id, t);
  }
  samples.sort((a, b) => a.ts - b.ts);
  const stackCache = new Map<number, string>();
  const sampleCategory = (id: number): string | undefined => {
    let cached = stackCache.get(id);
    if (cached !== undefined) return cached || undefined;
    const stack: CallFrame[] = [];
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) stack.push(n.callFrame);
    const leaf = stack[0]?.functionName ?? '(idle)';
    cached = /^\((program|idle|root)\)$/.test(leaf) ? '' : jsCategory(stack, maps);
    stackCache.set(id, cached);
    return cached || undefined;
  };
  // Parents in the profile are only listed once; fill them in from the children's ids.
  for (const n of nodes.values()) for (const child of (n as ProfileNode & { children?: number[] }).children ?? []) nodes.get(child)!.parent ??= n.id;

  const main = events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const result: Breakdown = {};
  for (const w of windows) {
    const from = origin + w.from * 1000;
    const to = origin + w.to * 1000;
    const n = Math.max(0, Math.ceil((to - from) / BIN));
    const innermost: (string | undefined)[] = new Array(n).fill(undefined);
    const busy: boolean[] = new Array(n).fill(false);
    const inEval: boolean[] = new Array(n).fill(false);
    for (const e of main) {
      const a = Math.max(0, Math.floor((e.ts - from) / BIN));
      const b = Math.min(n, Math.ceil((e.ts + e.dur! - from) / BIN));
      if (b <= a) continue;
      const category = eventCategory(e.name);
      const evaluating = /^(EvaluateScript|v8\.evaluateModule)$/.test(e.name);
      for (let i = a; i < b; i++) {
        // A task's envelope (RunTask and the like) is busy time; what ran inside names it.
        busy[i] = true;
        if (category) innermost[i] = category;
        else if (innermost[i] && e.name !== 'RunTask') innermost[i] = undefined;
        if (evaluating) inEval[i] = true;
      }
    }
    const out: Record<string, number> = {};
    let s = 0;
    for (let i = 0; i < n; i++) {
      const t = from + i * BIN;
      while (s + 1 < samples.length && samples[s + 1]!.ts <= t) s++;
      const sample = samples[s];
      // Samples come every 0.1–8 ms (further apart under CPU throttling); one older than 10 ms says nothing about now.
      const js = sample && sample.ts <= t && t - sample.ts < 10_000 ? sampleCategory(sample.node) : undefined;
      let category = innermost[i];
      if (!category && js) category = inEval[i] && js !== 'garbage collection' ? 'script evaluation (module top level)' : js;
      if (!category) category = busy[i] ? 'other main-thread work (tasks, loading, microtasks)' : 'idle (waiting for the network)';
      out[category] = (out[category] ?? 0) + BIN / 1000;
    }
    result[w.name] = out;
  }
  return result;
}
