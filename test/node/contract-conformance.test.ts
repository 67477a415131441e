/**
 * The browser validates with src/contract/zod-lite.ts, the server with real zod.
 * Both load the same schema files; this test loads them twice, once per runtime
 * (vite's module runner with the browser builds' alias), and requires identical
 * results for every exported schema: success, output data, and each issue's path
 * and message. Inputs: the seed programme, hand-picked edge cases, and valid
 * documents with one value replaced or removed at a random place.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import fc from 'fast-check';
import { runnerImport } from 'vite';
import { zodLite } from '../../vite.config.js';
import * as real from '../../src/contract/index.js';
import { makeSessions, modules } from '../../server/seed/programme.js';

const entry = fileURLToPath(new URL('../../src/contract/index.ts', import.meta.url));
const { module: lite } = await runnerImport<typeof real>(entry, { configFile: false, logLevel: 'error', resolve: { alias: zodLite } });

interface Parser {
  safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } };
}
const schemas = Object.entries(real).filter(([, v]) => typeof (v as Partial<Parser>)?.safeParse === 'function') as [string, Parser][];

const outcome = (s: Parser, value: unknown) => {
  const r = s.safeParse(value);
  return r.success
    ? { success: true, data: r.data }
    : { success: false, issues: r.error!.issues.map(({ path, message }) => ({ path, message })) };
};

function same(name: string, value: unknown) {
  const liteSchema = (lite as unknown as Record<string, Parser>)[name];
  const want = outcome(schemas.find(([n]) => n === name)![1], value);
  assert.deepEqual(outcome(liteSchema, value), want, `${name} on ${JSON.stringify(value)?.slice(0, 400)}`);
  return want.success;
}

const sessions = makeSessions(new Date('2026-09-01T09:00:00Z'));
const signup = {
  sessionId: sessions[0].id,
  firstName: ' Ada ',
  lastName: 'Lovelace',
  email: ' ada@example.org ',
  phone: '07700 900 982',
  postcode: 'g1 1aa',
  membership: 'member',
  clp: 'Glasgow Central',
  accessNeeds: '',
  consentContact: true,
  idempotencyKey: 'k_0123456789abcdef',
  returnUrl: 'https://clp.example/training',
  privacyUrl: 'https://clp.example/privacy',
};
const bookingView = { status: 'waitlisted', session: sessions[0], firstName: 'Ada', position: 3 };
/** One valid document per schema, the starting point for mutations. */
const valid: Record<string, unknown> = {
  ModuleSchema: modules[0],
  SessionSchema: { ...(sessions.find((s) => s.venue) ?? sessions[0]), translations: { gd: { accessibility: 'Rampa aig an doras.' }, cy: {} } },
  VenueSchema: sessions.find((s) => s.venue)?.venue,
  SessionQuerySchema: { module: modules[0].id, from: '2026-01-01T00:00:00Z', to: '2026-12-31T23:59:59+01:00', area: 'Glasgow', delivery: 'online', locale: 'cy' },
  ModulesQuerySchema: { locale: 'gd' },
  SignupRequestSchema: signup,
  SignupResultSchema: { status: 'pending', sessionId: sessions[0].id, hold: 'waitlist', holdExpiresAt: '2026-10-25T01:30:00+01:00' },
  BookingTokenRequestSchema: { token: 'A'.repeat(43) },
  BookingViewSchema: { ...bookingView, status: 'pending', holdExpiresAt: '2026-10-25T01:30:00+01:00' },
  BookingConfirmResultSchema: { ...bookingView, manageToken: 'b-_'.repeat(14) + 'c' },
  FieldErrorSchema: { field: 'email', message: 'Enter an email address' },
  ProblemSchema: { type: 'about:blank', title: 'Full', status: 409, code: 'session-full', errors: [{ field: 'x', message: 'y' }], retryAfter: 30 },
  ModulesEnvelope: { modules },
  SessionsEnvelope: { sessions },
  ModulesResponseSchema: { modules },
  SessionsResponseSchema: { sessions: sessions.slice(0, 20) },
  StaticDataSchema: { modules, sessions: sessions.slice(0, 5), signupUrl: 'https://example.org/book' },
  StaticDataDocSchema: { modules: modules.slice(0, 2), sessions: sessions.slice(0, 2), signupUrl: 'mailto:book@example.org' },
  dateTime: '2026-10-25T01:30:00+01:00',
  slug: 'field-organising-1',
};

test('the second copy really runs on zod-lite, the first on zod', () => {
  assert.ok('_zod' in real.SessionSchema);
  assert.ok(!('_zod' in lite.SessionSchema));
});

test('every exported schema has a valid fixture, and both runtimes accept it identically', () => {
  assert.deepEqual(schemas.map(([n]) => n).sort(), Object.keys(valid).sort(), 'add a fixture for each new schema');
  for (const name of Object.keys(valid)) assert.equal(same(name, valid[name]), true, `${name} fixture should be valid`);
  for (const m of modules) same('ModuleSchema', m);
  for (const s of sessions) same('SessionSchema', s);
});

/** Values chosen to hit each rule's edges: types, lengths (code points), formats, numbers. */
const EDGES = [
    undefined, null, true, false, 0, -0, 1, -1, 1.5, 15, 20, 21, 10_000, 10_001, NaN, Infinity, -Infinity, 1e300, 2 ** 53, -(2 ** 53),
    '', ' ', '  a  ', 'a', 'x'.repeat(80), 'x'.repeat(81), 'x'.repeat(101), '😀'.repeat(100), '😀'.repeat(101), '\uD800',
    'field-organising-1', 'Bad Slug', 'a--b', 'online', 'hybrid', 'in-person', 'full', 'cancelled', 'member', 'not-yet',
    'name@example.com', ' name@example.com ', 'name@@example.com', 'a.b@c.co', '.a@b.co', 'x@y',
    '2026-03-29T01:30:00Z', '2026-03-29T01:30:00+01:00', '2026-02-29T10:00:00Z', '2028-02-29T10:00:00.123Z', '2026-01-01T10:00Z', '2026-01-01T10:00:00',
    'https://example.org', ' https://example.org/x ', 'http:example.org', 'https:/x', 'ftp://x.org', 'javascript:alert(1)', 'https://exa\nmple.org',
    'G1 1AA', 'g11aa', 'EH1  2NG', 'SW1A 1AA', 'NOPE', '+44 7700 900 982', '07700900982', '123',
    'MOB-7K2Q9X', 'abc', 'k_0123456789abcdef', 'short', 'A'.repeat(43), 'A'.repeat(44), 'https://clp.example/a?b#c', 'http://[::1]:80/x',
    'pending', 'waitlist', 'place', 'expired', [], {}, [1, 'a'], () => 1, 'gd', 'cy', 'en-GB', 'en',
    // The shared text rule: controls, line breaks, lone surrogates, invisible-only and bidi controls.
    '\u0000', 'a\u0000b', '\u007f', '\u0085', 'a\nb', 'a\tb', '\r\n', 'x\udc00', '\ud83d\ude00', '\u200b', ' \u200b\u00a0', '\udb40\udc41',
    'Ann\u202eLee', 'a\u2066b', 'Nik\u200cnam', '  G1 1AA ', ' name@example.com\n',
    '0000-01-01T00:00:00Z', '0001-01-01T00:00:00+15:59', '2026-01-01T00:00:00+16:00', '2026-01-01T00:00:00-18:00',
];
const edgy = fc.oneof(
  fc.constantFrom(...EDGES),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.constantFrom('a', 1, null)),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.anything(),
);

/** Every path to a value inside `value`, following only the first item of each array. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? (value.length ? [0] : []) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as any)[k], [...at, k]))];
}
function change(value: unknown, path: (string | number)[], op: 'set' | 'delete', replacement?: unknown): unknown {
  if (!path.length) return replacement;
  const copy: any = Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) };
  const [key, ...rest] = path;
  if (!rest.length && op === 'delete') delete copy[key];
  else copy[key] = change(copy[key], rest, op, replacement);
  return copy;
}

test('every edge value at every place in every valid document, and every key removed', (t) => {
  let cases = 0;
  for (const [name, doc] of Object.entries(valid))
    for (const path of paths(doc)) {
      if (path.length) (same(name, change(doc, path, 'delete')), cases++);
      for (const edge of EDGES) (same(name, change(doc, path, 'set', edge)), cases++);
    }
  assert.ok(cases > 10_000, `${cases} cases`);
  t.diagnostic(`${cases} deterministic cases`);
});

/** A random walk into `value`, one key per pick, stopping early at a value without keys. */
function walk(value: unknown, picks: number[]): (string | number)[] {
  const path: (string | number)[] = [];
  for (const pick of picks) {
    if (value === null || typeof value !== 'object') break;
    const keys = Object.keys(value);
    if (!keys.length) break;
    const key = Array.isArray(value) ? pick % keys.length : keys[pick % keys.length];
    path.push(key);
    value = (value as any)[key];
  }
  return path;
}
const at = (value: unknown, path: (string | number)[]) => path.reduce((v: any, k) => v[k], value);

/** Replace the value at the end of the walk, delete its key, or give its object an extra key. */
function mutate(doc: unknown, picks: number[], replacement: unknown, op: 'set' | 'delete' | 'extra'): unknown {
  const path = walk(doc, picks);
  const target = at(doc, path);
  if (op === 'extra' && target !== null && typeof target === 'object' && !Array.isArray(target))
    return change(doc, [...path, 'extra'], 'set', replacement);
  if (op === 'delete' && path.length && !Array.isArray(at(doc, path.slice(0, -1)))) return change(doc, path, 'delete');
  return change(doc, path, 'set', replacement);
}

test('one value changed anywhere in a valid document: same verdict, data and issues', () => {
  const names = Object.keys(valid);
  let failures = 0;
  fc.assert(
    fc.property(
      fc.constantFrom(...names),
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      edgy,
      fc.constantFrom('set', 'set', 'delete', 'extra'),
      (name, picks, replacement, op) => {
        if (!same(name, mutate(valid[name], picks, replacement, op as 'set'))) failures++;
      },
    ),
    { numRuns: 4000 },
  );
  assert.ok(failures > 1000, `mutations should often be invalid (were ${failures} of 4000)`);
});

test('anything at all, at the top level', () => {
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(valid)), fc.oneof(edgy, fc.object()), (name, value) => {
      same(name, value);
    }),
    { numRuns: 1000 },
  );
});

test('two refinements failing together on a session report both, in zod order', () => {
  const s = { ...sessions[0], delivery: 'in-person', venue: undefined, end: sessions[0].start, title: 'x' };
  assert.equal(same('SessionSchema', s), false);
  const issues = lite.SessionSchema.safeParse(s).error!.issues;
  assert.deepEqual(issues.map((i) => i.path.join('.')), ['end', 'venue']);
});

test('defaults are fresh copies: changing one parsed module does not change the next', () => {
  const { tools: _, ...bare } = modules[0];
  const first = lite.ModuleSchema.safeParse(bare).data!;
  first.tools.push('Mosaic');
  assert.deepEqual(lite.ModuleSchema.safeParse(bare).data!.tools, []);
});
