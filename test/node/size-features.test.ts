/** The size table's reading of source maps (scripts/size-features.ts): what `npm run size` says each feature costs. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { featureOf, featureSizes } from '../../scripts/size-features.js';
import { decodeMappings } from '../../scripts/source-map.js';

test('decodes mappings: columns restart on each line, the source index and original line carry on, negative steps too', () => {
  // 'AAAA' = 0,0,0,0; 'ICAA' = column +4, source +1; 'ADAA' = source -1; 'E' = column +2 (a segment with no source).
  assert.deepEqual(decodeMappings('AAAA,ICAA;AAAA,E;ADAA'), [
    [[0, 0, 0], [4, 1, 0]],
    [[0, 1, 0], [2, -1, -1]],
    [[0, 0, 0]],
  ]);
  // The original line (third field) carries on too: 'AACA' = line +1, 'AAEA' = line +2.
  assert.deepEqual(decodeMappings('AAAA,AACA;AAEA'), [[[0, 0, 0], [0, 0, 1]], [[0, 0, 3]]]);
  // Multi-digit values: 'gB' = 16.
  assert.deepEqual(decodeMappings('gBAAA'), [[[16, 0, 0]]]);
  assert.throws(() => decodeMappings('A!A'), /not a source map mapping/);
});

test('names the feature by where the source lives', () => {
  assert.equal(featureOf('../../src/elements/session-calendar/filters.ts'), '<mobilise-session-calendar>');
  assert.equal(featureOf('../../src/elements/shared/heading.ts'), 'shared element parts');
  assert.equal(featureOf('../../../main/node_modules/lit-html/lit-html.js'), 'Lit');
  assert.equal(featureOf('../../node_modules/@lit/reactive-element/css-tag.js'), 'Lit');
  assert.equal(featureOf('../../node_modules/@lit/context/lib/value-notifier.js'), '@lit/context');
  assert.equal(featureOf('../../src/strings/en.ts'), 'strings (English)');
  assert.equal(featureOf('../../src/client/http.ts'), 'client');
  assert.equal(featureOf('../../src/mobilise.ts'), 'entry');
});

test('counts each feature’s minified bytes exactly and its gzip cost as what the file loses without it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'size-features-'));
  const file = join(dir, 'chunk.js');
  const calendar = 'const calendarEntry = "one session, its day and its place";';
  const lit = 'function render(template) { return template.strings.join(""); }';
  writeFileSync(file, `${calendar}${lit}\n${lit}`);
  const column = calendar.length;
  // Line 1: the calendar's text from column 0, Lit's from `column`; line 2: Lit's again.
  const vlq = (n: number) => {
    let v = n << 1;
    let out = '';
    do {
      let digit = v & 31;
      v >>>= 5;
      if (v) digit |= 32;
      out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[digit];
    } while (v);
    return out;
  };
  const map = { version: 3, sources: ['../src/elements/session-calendar/x.ts', '../node_modules/lit-html/lit-html.js'], mappings: `AAAA,${vlq(column)}CAA;AAAA` };
  writeFileSync(`${file}.map`, JSON.stringify(map));
  const rows = featureSizes([file]);
  const row = (name: string) => rows.find((r) => r.feature === name)!;
  assert.equal(row('<mobilise-session-calendar>').min, calendar.length);
  assert.equal(row('Lit').min, 2 * lit.length);
  const gz = (s: string) => gzipSync(s, { level: 9 }).length;
  const whole = gz(`${calendar}${lit}\n${lit}`);
  assert.equal(row('<mobilise-session-calendar>').gz, whole - gz(`${lit}\n${lit}`));
  assert.equal(row('Lit').gz, whole - gz(`${calendar}\n`));
  // Lit's second copy compresses against its first: its cost is far less than twice one copy's.
  assert.ok(row('Lit').gz < 2 * (gz(lit) - 20), `${row('Lit').gz}`);
  // A file with no map (the bundler's own) counts as glue, whole.
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, 'import "./chunk.js";');
  assert.deepEqual(featureSizes([entry]), [{ feature: '(no source: the bundler’s glue)', min: 20, gz: gz('import "./chunk.js";') - gz('') }]);
});
