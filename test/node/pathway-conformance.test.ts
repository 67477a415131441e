/**
 * The pathway page (its own bundle) parses answers with zod-lite, the server with real zod: like
 * contract-conformance.test.ts for the embed's contract, src/contract/pathway-api.ts loaded once per
 * runtime must give identical results (success, output, each issue's path and message) on valid
 * documents, each with one value replaced by an edge value or removed, at every place in it.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { runnerImport } from 'vite';
import { zodLite } from '../../vite.config.js';
import * as real from '../../src/contract/pathway-api.js';
import { partWay } from '../helpers/pathway-data.js';

const entry = fileURLToPath(new URL('../../src/contract/pathway-api.ts', import.meta.url));
const { module: lite } = await runnerImport<typeof real>(entry, { configFile: false, logLevel: 'error', resolve: { alias: zodLite } });

interface Parser {
  safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } };
}
const outcome = (s: Parser, value: unknown) => {
  const r = s.safeParse(value);
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error!.issues.map(({ path, message }) => ({ path, message })) };
};

const valid: Record<string, unknown> = {
  PathwayRequestSchema: { token: 'A'.repeat(43), locale: 'gd' },
  PathwayAudienceRequestSchema: { token: 'b-_'.repeat(14) + 'c', audience: 'role-holders', locale: 'en-GB' },
  PathwayStepSchema: partWay.steps[0],
  PathwayBookingSchema: partWay.booked[0],
  PathwayAttendedSchema: partWay.attended[0],
  PathwaySchema: partWay,
};
const EDGES = [undefined, null, true, 0, 1.5, -1, '', 'x', 'A'.repeat(42), 'A'.repeat(44), 'gd', 'fr', 'attended', 'online', 'Bad Slug', [], {}, [1]];

function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? (value.length ? [0] : []) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))];
}
function change(value: unknown, path: (string | number)[], replacement: unknown, remove = false): unknown {
  if (!path.length) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (!rest.length && remove) delete copy[key];
  else copy[key] = change(copy[key], rest, replacement, remove);
  return copy;
}

test('the second copy runs on zod-lite, the first on zod; every exported schema has a fixture', () => {
  assert.ok('_zod' in real.PathwaySchema);
  assert.ok(!('_zod' in lite.PathwaySchema));
  const exported = Object.entries(real).filter(([, v]) => typeof (v as Partial<Parser>)?.safeParse === 'function').map(([n]) => n);
  assert.deepEqual(exported.sort(), Object.keys(valid).sort());
});

test('both runtimes agree on every valid document, every edge value at every place, and every key removed', () => {
  let cases = 0;
  for (const [name, doc] of Object.entries(valid)) {
    const both = (value: unknown) => {
      cases++;
      const want = outcome((real as unknown as Record<string, Parser>)[name]!, value);
      assert.deepEqual(outcome((lite as unknown as Record<string, Parser>)[name]!, value), want, `${name} on ${JSON.stringify(value)?.slice(0, 300)}`);
      return want.success;
    };
    assert.equal(both(doc), true, `${name}'s fixture is valid`);
    for (const path of paths(doc)) {
      if (path.length) both(change(doc, path, undefined, true));
      for (const edge of EDGES) both(change(doc, path, edge));
    }
  }
  assert.ok(cases > 500, `${cases} cases`);
});
