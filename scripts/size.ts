/**
 * Bundle sizes and the CI size budget. Run after `vite build`; exit 1 when over budget.
 *
 * Every file is measured on its own, minified, as gzip -9 and brotli -11: that is
 * how a CDN serves them. Per entry it counts
 *   - initial: the entry plus every chunk it imports statically, recursively;
 *   - lazy:    every chunk reachable through import() from there (and what those
 *              import), i.e. code a page only fetches on demand (the month grid).
 *
 * The budget is for "all elements + runtime" on an English page: everything dist/mobilise.js
 * (the script-tag embed: provider, catalogue, calendar, signup form, Lit, the contract on
 * zod-lite and the client) can ever load there, initial + lazy. The other languages' strings
 * (chunks/gd-*.js, cy-*.js) load only on a page in that language: each is printed with what a
 * page in its language loads in all, outside the English page's ceiling.
 * It also writes dist/sizes.json and prints Subresource Integrity hashes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { featureSizes } from './size-features.js';

const DIST = 'dist';
/**
 * The ceiling for everything the embed can load (initial + lazy), min+gzip, in KB of 1024
 * bytes: 36 KB, a ratchet that only goes down. Lower CEILING_KB as the bundle shrinks;
 * MOBILISE_SIZE_BUDGET_KB may set a tighter ceiling for a run, never a looser one.
 */
const CEILING_KB = 36;
/** A locale's strings (src/strings/gd.ts, cy.ts): fetched only by a page in that language. */
export const LOCALE_PACK = /[\\/](gd|cy)-[\w-]+\.js$/;
export const BUDGET_BYTES = Math.min(CEILING_KB, Number(process.env.MOBILISE_SIZE_BUDGET_KB ?? CEILING_KB)) * 1024;
/** The script-tag embed first; then the library entries (npm users, single-element pages). */
export const ENTRIES = ['mobilise', 'define', 'provider', 'module-catalogue', 'session-calendar', 'signup-form', 'contract', 'index'];

const staticRe = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const dynamicRe = /\bimport\(\s*["'`](\.{1,2}\/[^"'`$]+\.js)["'`]\s*\)/g;

export interface Size {
  files: number;
  min: number;
  gz: number;
  br: number;
}

export interface FileSize extends Size {
  file: string;
}

export interface EntrySize {
  name: string;
  file: string;
  initial: Size;
  lazy: Size;
  initialFiles: FileSize[];
  lazyFiles: FileSize[];
  /** Locale packs, outside `lazy`. */
  packFiles: FileSize[];
}

const specifiers = (file: string, re: RegExp) =>
  [...readFileSync(file, 'utf8').matchAll(re)].map((m) => join(dirname(file), m[1]));

/** The file and everything it imports statically, recursively. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  if (!existsSync(file)) throw new Error(`${file} is imported but missing: rebuild dist/`);
  seen.add(file);
  for (const dep of specifiers(file, staticRe)) staticGraph(dep, seen);
  return seen;
}

/**
 * Files only reachable through import() from `initial`, following lazy chunks' own imports too.
 * With `skip`, import()s of matching files are not followed (a language's strings, and what only they import).
 */
function lazyGraph(initial: Set<string>, skip?: RegExp): Set<string> {
  const lazy = new Set<string>();
  const queue = [...initial];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const target of specifiers(file, dynamicRe)) {
      if (skip?.test(target)) continue;
      for (const dep of staticGraph(target)) {
        if (initial.has(dep) || lazy.has(dep)) continue;
        lazy.add(dep);
        queue.push(dep);
      }
    }
  }
  return lazy;
}

const gzip = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf: Buffer) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function fileSize(file: string): FileSize {
  const buf = readFileSync(file);
  return { file, files: 1, min: buf.length, gz: gzip(buf), br: brotli(buf) };
}

const sum = (files: Size[]): Size =>
  files.reduce((a, f) => ({ files: a.files + f.files, min: a.min + f.min, gz: a.gz + f.gz, br: a.br + f.br }), { files: 0, min: 0, gz: 0, br: 0 });

const byName = (a: FileSize, b: FileSize) => a.file.localeCompare(b.file);

export function measure(dist = DIST, entries = ENTRIES): EntrySize[] {
  const cache = new Map<string, FileSize>();
  const size = (file: string) => cache.get(file) ?? cache.set(file, fileSize(file)).get(file)!;
  return entries.map((name) => {
    const file = join(dist, `${name}.js`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
    const initial = staticGraph(file);
    const initialFiles = [...initial].map(size).sort(byName);
    const lazy = lazyGraph(initial, LOCALE_PACK);
    const lazyFiles = [...lazy].map(size).sort(byName);
    // A language's strings and what only they import (the plural rules), loaded by a page in that language alone.
    const packFiles = [...lazyGraph(initial)].filter((f) => !lazy.has(f)).map(size).sort(byName);
    return { name, file, initial: sum(initialFiles), lazy: sum(lazyFiles), initialFiles, lazyFiles, packFiles };
  });
}

/** Chunks no entry loads, statically or lazily: the import scan missed something, so the numbers would lie. */
export function unaccounted(rows: EntrySize[], dist = DIST): string[] {
  const seen = new Set(rows.flatMap((r) => [...r.initialFiles, ...r.lazyFiles, ...r.packFiles].map((f) => f.file)));
  const chunks = join(dist, 'chunks');
  if (!existsSync(chunks)) return [];
  return readdirSync(chunks)
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(chunks, f))
    .filter((f) => !seen.has(f));
}

/** Per language: its strings chunk plus the chunks only language packs share (the plural rules), min+gzip. */
function locales(embed: EntrySize): [string, number][] {
  const shared = embed.packFiles.filter((f) => !LOCALE_PACK.test(f.file)).reduce((n, f) => n + f.gz, 0);
  return embed.packFiles.filter((f) => LOCALE_PACK.test(f.file)).map((f) => [/(gd|cy)-/.exec(f.file)![1]!, f.gz + shared]);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
const cols = (s: Size) => [kb(s.min), kb(s.gz), kb(s.br)].map((c) => c.padStart(10)).join(' ');

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = measure();
  const missed = unaccounted(rows);
  const embed = rows.find((r) => r.name === 'mobilise')!;
  const total = sum([embed.initial, embed.lazy]);

  console.log('\nBundle sizes: each file minified and compressed on its own (gzip -9, brotli -11), as a CDN serves it.');
  console.log('initial = entry + static imports; lazy = chunks fetched on demand through import().\n');
  console.log('entry'.padEnd(18), 'part'.padEnd(8), 'files'.padStart(5), 'min'.padStart(10), 'min+gz'.padStart(10), 'brotli'.padStart(10));
  for (const r of rows) {
    console.log(r.name.padEnd(18), 'initial'.padEnd(8), String(r.initial.files).padStart(5), cols(r.initial));
    if (r.lazy.files) console.log(''.padEnd(18), 'lazy'.padEnd(8), String(r.lazy.files).padStart(5), cols(r.lazy));
  }

  console.log(`\nThe embed, ${embed.file}, file by file:`);
  for (const [part, files] of [['initial', embed.initialFiles], ['lazy', embed.lazyFiles], ['locale', embed.packFiles]] as const)
    for (const f of files) console.log(' ', part.padEnd(8), relative('.', f.file).padEnd(38), cols(f));

  // What each feature costs, so a change that grows one shows where: the embed's files by the sources they came from.
  const features = featureSizes([...embed.initialFiles, ...embed.lazyFiles].map((f) => f.file));
  console.log('\nWhat each feature of the embed costs (initial + lazy, from the source maps). min adds up to the files;');
  console.log('min+gz is what the files would lose without it, so the rows sum to less: the rest is what features share.');
  console.log(' ', 'feature'.padEnd(38), 'min'.padStart(10), 'min+gz'.padStart(10));
  for (const f of features) console.log(' ', f.feature.padEnd(38), kb(f.min).padStart(10), `${f.gz} B`.padStart(10));
  console.log('  and each lazy chunk on its own, when a page first needs it:');
  for (const f of embed.lazyFiles) console.log(' ', relative(DIST, f.file).padEnd(38), kb(f.min).padStart(10), `${f.gz} B`.padStart(10));

  console.log('\nSubresource Integrity (add integrity="…" crossorigin="anonymous" to the script tag):');
  for (const r of rows) console.log(`  ${relative('.', r.file).padEnd(38)} ${sri(r.file)}`);
  for (const c of readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js')).sort())
    console.log(`  ${join(DIST, 'chunks', c).padEnd(38)} ${sri(join(DIST, 'chunks', c))}`);

  writeFileSync(
    join(DIST, 'sizes.json'),
    JSON.stringify(
      {
        budget: { counts: 'dist/mobilise.js on an English page: initial + lazy, min+gzip', limitBytes: BUDGET_BYTES, totalBytes: total.gz },
        features,
        locales: Object.fromEntries(locales(embed).map(([locale, gz]) => [locale, { strings: gz, pageTotal: total.gz + gz }])),
        entries: rows.map(({ name, initial, lazy, initialFiles, lazyFiles }) => ({
          name,
          initial,
          lazy,
          files: [...initialFiles.map((f) => ({ ...f, part: 'initial' })), ...lazyFiles.map((f) => ({ ...f, part: 'lazy' }))].map(
            ({ file, part, min, gz, br }) => ({ file: relative(DIST, file), part, min, gz, br }),
          ),
        })),
      },
      null,
      2,
    ) + '\n',
  );

  console.log(
    `\nAll elements + runtime = everything ${embed.file} can load = ${kb(total.gz)} min+gzip (${kb(total.br)} brotli)` +
      `\n  initial load ${kb(embed.initial.gz)} in ${embed.initial.files} files, all four elements included` +
      `\n  lazy, on demand ${kb(embed.lazy.gz)} in ${embed.lazy.files} file(s)` +
      `\n  enforced ceiling ${kb(BUDGET_BYTES)} (a ratchet: ${kb(BUDGET_BYTES - total.gz)} to spare; ${total.gz} B of ${BUDGET_BYTES} B)` +
      locales(embed).map(([locale, gz]) => `\n  a page in ${locale}: + its strings ${kb(gz)} = ${kb(total.gz + gz)}`).join('') +
      '\n',
  );
  const problems: string[] = [];
  if (missed.length) problems.push(`Cannot tell how these chunks are loaded, so the sizes above may be incomplete:\n  ${missed.join('\n  ')}`);
  if (total.gz > BUDGET_BYTES) problems.push(`OVER THE ENFORCED CEILING by ${kb(total.gz - BUDGET_BYTES)}`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('Within the enforced ceiling.');
}
