/**
 * Writes docs/openapi.json from the zod contract (`npm run openapi`).
 * With --check (`npm run openapi:check`, for CI) it only compares and exits 1 when stale.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { renderOpenApi } from '../server/openapi.js';

const target = new URL('../docs/openapi.json', import.meta.url);
const expected = renderOpenApi();

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => undefined);
  if (current !== expected) {
    console.error(
      current === undefined
        ? 'docs/openapi.json is missing. Run `npm run openapi` and commit the result.'
        : 'docs/openapi.json is out of date with src/contract. Run `npm run openapi` and commit the result.',
    );
    process.exit(1);
  }
  console.log('docs/openapi.json is up to date.');
} else {
  await mkdir(new URL('.', target), { recursive: true });
  await writeFile(target, expected);
  console.log('Wrote docs/openapi.json');
}
