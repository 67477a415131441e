/**
 * Bundle sizes per entry (min + gzip and brotli, counting every chunk the entry
 * imports statically), SRI hashes for the script tag, and the CI size budget.
 * Run after `vite build`. Exit 1 when over budget.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const DIST = 'dist';
/** All elements + runtime, min+gzip. Target is 30 KB (issue 4); the enforced ceiling stops regressions meanwhile. */
export const BUDGET_BYTES = Number(process.env.MOBILISE_SIZE_BUDGET_KB ?? 55) * 1024;
const ENTRIES = ['mobilise', 'provider', 'module-catalogue', 'session-calendar', 'signup-form', 'contract'];

const importRe = /(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
const dynamicRe = /import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g;

function graph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(importRe)) graph(join(dirname(file), m[1]), seen);
  return seen;
}

function lazy(files: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const f of files)
    for (const m of readFileSync(f, 'utf8').matchAll(dynamicRe)) {
      for (const g of graph(join(dirname(f), m[1]))) if (!files.has(g)) out.add(g);
    }
  return out;
}

const sizes = (files: Iterable<string>) => {
  let raw = 0, gz = 0, br = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
    br += brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gz, br };
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sri = (file: string) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

export function measure() {
  return ENTRIES.map((name) => {
    const file = join(DIST, `${name}.js`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
    const files = graph(file);
    return { name, file, files, initial: sizes(files), lazy: sizes(lazy(files)), sri: sri(file) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = measure();
  console.log('\nBundle sizes (entry + statically imported chunks; lazy = loaded on demand)\n');
  console.log('entry'.padEnd(18), 'min'.padStart(10), 'min+gz'.padStart(10), 'brotli'.padStart(10), 'lazy gz'.padStart(10));
  for (const r of rows)
    console.log(r.name.padEnd(18), kb(r.initial.raw).padStart(10), kb(r.initial.gz).padStart(10), kb(r.initial.br).padStart(10), kb(r.lazy.gz).padStart(10));
  console.log('\nSubresource Integrity (add integrity="…" crossorigin="anonymous" to the script tag):');
  for (const r of rows) console.log(`  ${relative('.', r.file).padEnd(28)} ${r.sri}`);
  const chunks = readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js'));
  for (const c of chunks) console.log(`  ${join(DIST, 'chunks', c).padEnd(28)} ${sri(join(DIST, 'chunks', c))}`);
  const all = rows.find((r) => r.name === 'mobilise')!;
  const total = all.initial.gz + all.lazy.gz;
  console.log(`\nBudget: all elements + runtime = ${kb(total)} min+gzip (limit ${kb(BUDGET_BYTES)})`);
  if (total > BUDGET_BYTES) {
    console.error(`OVER BUDGET by ${kb(total - BUDGET_BYTES)}`);
    process.exit(1);
  }
}
