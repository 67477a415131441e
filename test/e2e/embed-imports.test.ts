/**
 * dist/mobilise.js registers every element up front, so an import() of one of
 * them (the calendar's of the signup form) needs no module namespace object at
 * run time (vite.config.ts, upFrontImports). Reads dist/, so it runs after `vite build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test } from 'node:test';
import { measure } from '../../scripts/size.js';

test('the embed builds no module namespace object for an element it already registered', () => {
  assert.ok(existsSync('dist/mobilise.js'), 'dist/mobilise.js is missing: run npm run build first');
  const [embed] = measure('dist', ['mobilise']);
  const core = embed.initialFiles.find((f) => basename(f.file).startsWith('mobilise-'))!;
  const code = readFileSync(core.file, 'utf8');
  // Rolldown's namespace helper tags each object it builds `Symbol.toStringTag: "Module"`.
  assert.equal(code.match(/Symbol\.toStringTag/g)?.length ?? 0, 0);
  assert.match(code, /could not load the signup form/, 'the calendar still asks for the form');
});
