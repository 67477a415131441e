/**
 * The built embed is what the size budget says it is (scripts/size.ts): every
 * chunk is counted, dist/mobilise.js registers all four elements in its initial
 * load, only the month grid waits for import(), and lazy chunks import the hashed
 * core chunk rather than the entry, so a script URL with `?ver=…` (WordPress adds
 * one) still runs a single copy. Reads dist/, so it runs after `vite build`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { before, test } from 'node:test';
import { measure, unaccounted, type EntrySize } from '../../scripts/size.js';

const TAGS = ['mobilise-provider', 'mobilise-module-catalogue', 'mobilise-session-calendar', 'mobilise-signup-form'];
let embed: EntrySize;

before(() => {
  assert.ok(existsSync('dist/mobilise.js'), 'dist/mobilise.js is missing: run npm run build first');
  [embed] = measure('dist', ['mobilise']);
});

test('the import scan sees static imports and import() with any quote, as minifiers write them', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'mobilise-size-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'chunks'));
  writeFileSync(join(dir, 'entry.js'), 'import{a as e}from"./chunks/core.js";export{e as a};');
  writeFileSync(join(dir, 'chunks/core.js'), 'import"./shared.js";var a=()=>import(`./lazy.js`),b=()=>import("./lazy2.js");export{a};');
  writeFileSync(join(dir, 'chunks/shared.js'), 'export const s=1;');
  writeFileSync(join(dir, 'chunks/lazy.js'), 'import{s}from"./shared.js";import"./lazy-dep.js";export const l=s;');
  writeFileSync(join(dir, 'chunks/lazy-dep.js'), 'export const d=1;');
  writeFileSync(join(dir, 'chunks/lazy2.js'), "import('./lazy3.js');");
  writeFileSync(join(dir, 'chunks/lazy3.js'), 'export const x=1;');
  writeFileSync(join(dir, 'chunks/orphan.js'), 'export const o=1;');
  const rows = measure(dir, ['entry']);
  const names = (files: { file: string }[]) => files.map((f) => basename(f.file)).sort();
  assert.deepEqual(names(rows[0].initialFiles), ['core.js', 'entry.js', 'shared.js']);
  assert.deepEqual(names(rows[0].lazyFiles), ['lazy-dep.js', 'lazy.js', 'lazy2.js', 'lazy3.js']);
  assert.equal(rows[0].initial.gz, rows[0].initialFiles.reduce((n, f) => n + f.gz, 0));
  assert.deepEqual(unaccounted(rows, dir).map((f) => basename(f)), ['orphan.js']);
});

test('every chunk in dist/ is reached from an entry, so the published sizes are complete', () => {
  assert.deepEqual(unaccounted(measure()), []);
});

test('the embed registers all four elements in its initial load; the month grid and overrides are lazy', () => {
  const initial = embed.initialFiles.map((f) => readFileSync(f.file, 'utf8')).join('\n');
  for (const tag of TAGS) assert.match(initial, new RegExp(`["'\`]${tag}["'\`]`), `${tag} is defined up front`);
  assert.ok(embed.initialFiles.every((f) => !basename(f.file).startsWith('month-grid')), 'month grid is not in the initial load');
  assert.deepEqual(
    embed.lazyFiles.map((f) => basename(f.file).replace(/-[\w-]{8}\.js$/, '')),
    ['month-grid', 'overrides'],
    'only the month grid and a site’s own wording (provider `strings`) are fetched on demand',
  );
});

test('Gaelic and Welsh are chunks of their own (with the plural rules they share), outside the English page, never importing the entry', () => {
  assert.deepEqual(embed.packFiles.map((f) => basename(f.file).replace(/-[\w-]{8}\.js$/, '')).sort(), ['cy', 'gd', 'plural']);
  for (const f of embed.packFiles) assert.doesNotMatch(readFileSync(f.file, 'utf8'), /["'`](?:\.\.?\/)+mobilise\.js["'`]/, `${f.file} imports the entry`);
  const initial = embed.initialFiles.map((f) => readFileSync(f.file, 'utf8')).join('\n');
  assert.doesNotMatch(initial, /Intl\.PluralRules/, 'English compiles its plural rule in: no PluralRules on an English page');
});

test('the booking page (dist/booking/) is its own bundle: nothing of it is in what dist/mobilise.js loads, only the forwarder', () => {
  const [page] = measure('dist/booking', ['booking']);
  const embedFiles = [...embed.initialFiles, ...embed.lazyFiles, ...embed.packFiles].map((f) => f.file);
  assert.ok(embedFiles.every((f) => !f.startsWith(join('dist', 'booking'))), 'no file of dist/booking/ in the embed');
  const code = embedFiles.map((f) => readFileSync(f, 'utf8')).join('\n');
  assert.doesNotMatch(code, /["'`]mobilise-booking["'`]|booking\.js/, 'the embed neither defines nor loads <mobilise-booking>');
  assert.doesNotMatch(code, /Cancel my place|bookings\/(?:confirm|view|cancel)/, 'nor the booking view, its words or its calls');
  assert.match(code, /\/booking/, 'an old emailed link is forwarded to the booking page');
  const own = [...page.initialFiles, ...page.lazyFiles, ...page.packFiles].map((f) => readFileSync(f.file, 'utf8')).join('\n');
  assert.match(own, /["'`]mobilise-booking["'`]/, 'the booking page defines its element');
});

test('lazy chunks import the hashed core chunk, never the entry, so ?ver= on the script URL loads one copy', () => {
  for (const f of embed.lazyFiles) {
    const code = readFileSync(f.file, 'utf8');
    assert.doesNotMatch(code, /["'`](?:\.\.?\/)+mobilise\.js["'`]/, `${f.file} imports the entry`);
    assert.match(code, /from\s*["'`]\.\/mobilise-[\w-]+\.js["'`]/, `${f.file} imports the core chunk`);
  }
});

test('template literals are minified in the build, keeping one space where the source had whitespace', () => {
  const core = readFileSync(embed.initialFiles.find((f) => basename(f.file).startsWith('mobilise-'))!.file, 'utf8');
  assert.doesNotMatch(core, />\n\s{2,}</, 'no indented newlines left between tags');
  // conservativeCollapse: whitespace between tags becomes one space, never nothing, so text nodes (and textContent) stay.
  assert.match(core, /<\/(?:p|div|h[1-6]|dl|ul)> </);
  assert.match(core, /:host\{/, 'css`` is minified');
  assert.doesNotMatch(core, /:host \{\n/);
});
