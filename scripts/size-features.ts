/**
 * What each feature of the embed costs: its bytes in the shipped files, read from the build's
 * source maps, so a change that grows the embed shows where (issue 15).
 *
 * min is exact and adds up: the minified characters mapped to the feature's sources. gzip does not
 * add up (a feature's text compresses against its neighbours'), so a feature's gzip cost is what
 * the file would lose without it: gzip of the file minus gzip of the file with the feature's
 * characters cut out. The features' gzip costs therefore sum to less than the file; the rest is
 * what they share (repeated words, markup and CSS compress against each other).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { decodeMappings } from './source-map.js';

export interface FeatureSize {
  feature: string;
  /** Minified bytes mapped to the feature. */
  min: number;
  /** gzip -9 bytes the files would lose without it. */
  gz: number;
}

/** The feature a source file belongs to, by where it lives. */
export function featureOf(source: string): string {
  const path = source.replace(/\\/g, '/');
  const element = /\/src\/elements\/([\w-]+)\//.exec(path)?.[1];
  if (element) return element === 'shared' ? 'shared element parts' : `<mobilise-${element}>`;
  if (/\/node_modules\/@lit\/context\//.test(path)) return '@lit/context';
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(path)) return 'Lit';
  if (/\/node_modules\//.test(path)) return 'other packages';
  const area = /\/src\/(context|client|contract|strings)\//.exec(path)?.[1];
  if (area) return { context: 'provider and context', client: 'client', contract: 'contract', strings: 'strings (English)' }[area]!;
  return /\/src\//.test(path) ? 'entry' : 'other';
}

/** Each feature's characters in one built file: [feature, [from, to) offsets into the file]. */
function spans(code: string, map: { sources: string[]; mappings: string }, sourceFeature = featureOf) {
  const starts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) starts.push(i + 1);
  const out = new Map<string, [number, number][]>();
  const add = (feature: string, from: number, to: number) => to > from && (out.get(feature) ?? out.set(feature, []).get(feature)!).push([from, to]);
  decodeMappings(map.mappings).forEach((segments, line) => {
    const lineStart = starts[line];
    if (lineStart === undefined) return;
    const lineEnd = line + 1 < starts.length ? starts[line + 1]! - 1 : code.length;
    let at = lineStart;
    segments.forEach(([column, source], i) => {
      add(GLUE, at, lineStart + column);
      const end = i + 1 < segments.length ? lineStart + segments[i + 1]![0] : lineEnd;
      add(source < 0 ? GLUE : sourceFeature(map.sources[source]!), lineStart + column, end);
      at = end;
    });
    if (!segments.length) add(GLUE, lineStart, lineEnd);
  });
  return out;
}

const GLUE = '(no source: the bundler’s glue)';
const gz = (text: string) => gzipSync(text, { level: 9 }).length;

/** The features of the given built files (each with its .map beside it), summed over the files. */
export function featureSizes(files: string[], sourceFeature = featureOf): FeatureSize[] {
  const total = new Map<string, FeatureSize>();
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const whole = gz(code);
    // A file the bundler wrote itself (the embed's one-line entry) has no map: all of it is glue.
    const map = existsSync(`${file}.map`) ? JSON.parse(readFileSync(`${file}.map`, 'utf8')) : { sources: [], mappings: '' };
    for (const [feature, ranges] of spans(code, map, sourceFeature)) {
      let without = '';
      let at = 0;
      for (const [from, to] of ranges) {
        without += code.slice(at, from);
        at = to;
      }
      without += code.slice(at);
      const row = total.get(feature) ?? total.set(feature, { feature, min: 0, gz: 0 }).get(feature)!;
      row.min += code.length - without.length;
      row.gz += whole - gz(without);
    }
  }
  return [...total.values()].sort((a, b) => b.gz - a.gz || b.min - a.min);
}
