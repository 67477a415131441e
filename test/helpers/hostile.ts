/**
 * fast-check arbitraries for malformed and hostile backend responses: items with
 * wrong types, missing and extra fields, huge strings, injected markup in every
 * text field, edge and invalid dates, impossible numbers; and whole responses
 * that are not what the contract promises (not JSON, wrong content type, HTML
 * error pages, truncated, empty, cut off mid-stream, 10 MB).
 *
 * Every payload that would run script sets `window.__pwned`, so a test only has
 * to check that flag (and that no such element exists in any shadow root).
 */
import fc from 'fast-check';
import { fixtures } from './mock-api.js';

/** Markup and URL payloads; each one, if it ever ran, would set window.__pwned. */
export const XSS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><img src=x onerror=window.__pwned=1>',
  "'><svg onload=window.__pwned=1>",
  '<svg><script>window.__pwned=1</script></svg>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1//',
  '<a href="javascript:window.__pwned=1">click</a>',
  '</style><script>window.__pwned=1</script>',
  '</textarea><script>window.__pwned=1</script>',
  '<!--<img src=x onerror=window.__pwned=1>-->',
  '<details open ontoggle="window.__pwned=1">',
  '${window.__pwned=1}',
  '{{constructor.constructor("window.__pwned=1")()}}',
  // Lit's own template markers, in case a value is ever spliced into a template.
  '<?lit$1234567$>',
  'lit$1234567$',
] as const;

/** Text that breaks naive layout or string handling: bidi overrides, zero-width, astral, combining, controls. */
export const AWKWARD = [
  '\u202Egnp.exe\u202C',
  '\u2067مرحبا بالعالم\u2069',
  'שלום <b>עולם</b>',
  'a\u200Bb\u200Cc\u200Dd\uFEFF',
  '\u200B',
  '𝕄𝕠𝕓𝕚𝕝𝕚𝕤𝕖 👩🏽‍🤝‍👨🏿 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  'Z̷̢̛͎a̵̡̹l̶̢̈́g̸̭̓o̶̝͝',
  '\u0000\u0001\u0007\u001b[31m',
  '\uD800 lone surrogate',
  'line one\r\nline two\ttab',
  ' '.repeat(50),
  '',
  'x'.repeat(201),
  '__proto__',
  'constructor',
] as const;

/** Dates the contract accepts at the edges, and strings that only look like dates. */
export const EDGE_DATES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T10:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '9999-12-31T23:59:59-12:00',
  '9999-12-31T23:59:59-13:00',
  '0999-06-01T00:00:00+05:00',
  '2024-02-30T10:00:00Z',
  '2023-02-29T10:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-01-01T24:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2024-01-01T10:00:00.123456789Z',
  '2024-01-01T10:00:00',
  '2024-01-01',
  'not a date',
  'Tuesday at noon',
  '',
] as const;

/** A date in the near future, at a random offset: the kind that renders as an upcoming session. */
const futureDate = fc
  .tuple(fc.integer({ min: 1, max: 400 * 24 }), fc.constantFrom('Z', '+01:00', '-05:30', '+14:00', '-12:00'))
  .map(([hours, zone]) => {
    const d = new Date(Date.now() + hours * 3_600_000);
    const iso = d.toISOString().slice(0, 19);
    return zone === 'Z' ? `${iso}Z` : `${iso}${zone}`;
  });

export const dateArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...EDGE_DATES) }, { weight: 2, arbitrary: futureDate });

/** Big strings are costly to build and send, so they are rare and few sizes. */
const hugeString = fc
  .tuple(fc.constantFrom(10_001, 100_000, 1_000_000), fc.constantFrom('x', '<', 'é', '\u200B', '<img src=x onerror=window.__pwned=1>'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

export const textArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...XSS) },
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...XSS), fc.constantFrom(...AWKWARD)).map(([a, b]) => `${b}${a}${b}`) },
  { weight: 1, arbitrary: hugeString },
);

const numberArb = fc.oneof(
  fc.constantFrom(-1, 0, 1, 14, 15, 20, 21, 1440, 1441, 9_999, 10_000, 10_001, -(2 ** 31), 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, -0.5, 1e308),
  fc.integer(),
  fc.double({ noNaN: false }),
);

/** Any JSON value of the wrong kind for a field. */
export const wrongValueArb: fc.Arbitrary<unknown> = fc.oneof(
  textArb,
  numberArb,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(textArb, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), textArb, { maxKeys: 3 }),
  fc.constantFrom({ toString: 'x' }, { length: 1e9 }, [[[[[]]]]]),
);

const MODULE_KEYS = ['id', 'title', 'summary', 'description', 'strand', 'series', 'part', 'prerequisites', 'audience', 'durationMinutes', 'tools'] as const;
const MODULE_TEXT = ['title', 'summary', 'description'] as const;
const SESSION_KEYS = [
  'id',
  'moduleId',
  'start',
  'end',
  'delivery',
  'venue',
  'area',
  'capacity',
  'spacesLeft',
  'status',
  'waitlist',
  'trainer',
  'signupDeadline',
  'accessibility',
] as const;
const SESSION_TEXT = ['area', 'trainer', 'accessibility'] as const;
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'then', 'extra', 'innerHTML', 'onerror', 'valueOf'];

/**
 * One change to an item. "text" changes keep the item valid when the payload fits
 * the field's limit, so injected markup really reaches the renderer.
 */
type Mutation =
  | { op: 'text'; key: string; value: string }
  | { op: 'set'; key: string; value: unknown }
  | { op: 'delete'; key: string }
  | { op: 'extra'; key: string; value: unknown }
  | { op: 'date'; key: string; value: string }
  | { op: 'number'; key: string; value: unknown }
  | { op: 'venue'; key: 'name' | 'address' | 'postcode'; value: unknown }
  | { op: 'id'; value: string }
  | { op: 'list'; key: 'tools' | 'prerequisites' | 'audience'; value: unknown[] };

function apply(item: Record<string, unknown>, m: Mutation) {
  switch (m.op) {
    case 'delete':
      delete item[m.key];
      break;
    case 'extra':
      // defineProperty, so "__proto__" becomes an own property the way JSON.parse makes it.
      Object.defineProperty(item, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      break;
    case 'venue': {
      const venue = { ...((item.venue as Record<string, unknown> | undefined) ?? { name: 'Hall', address: '1 Street', postcode: 'G1 1AA' }) };
      venue[m.key] = m.value;
      item.venue = venue;
      break;
    }
    case 'id':
      item.id = m.value;
      break;
    default:
      item[m.key] = m.value;
  }
}

const idArb = fc.constantFrom('dup', 'a', 'a-b-c', 'x'.repeat(80), 'no-such-module', 'Upper-Case', 'has space', '../../etc/passwd', '');

const moduleMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('text' as const), key: fc.constantFrom(...MODULE_TEXT), value: textArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...MODULE_KEYS), value: wrongValueArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), key: fc.constantFrom(...MODULE_KEYS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('extra' as const), key: fc.constantFrom(...EXTRA_KEYS), value: wrongValueArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('number' as const), key: fc.constantFrom('durationMinutes', 'part'), value: numberArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('id' as const), value: idArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('list' as const),
      key: fc.constantFrom('tools' as const, 'prerequisites' as const, 'audience' as const),
      value: fc.array(fc.oneof(textArb, fc.constantFrom('field-organising-1', 'activists', 'dup')), { maxLength: 4 }),
    }),
  },
);

const sessionMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('text' as const), key: fc.constantFrom(...SESSION_TEXT), value: textArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('venue' as const), key: fc.constantFrom('name' as const, 'address' as const, 'postcode' as const), value: textArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('date' as const), key: fc.constantFrom('start', 'end', 'signupDeadline'), value: dateArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...SESSION_KEYS), value: wrongValueArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), key: fc.constantFrom(...SESSION_KEYS) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('number' as const), key: fc.constantFrom('capacity', 'spacesLeft'), value: numberArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('extra' as const), key: fc.constantFrom(...EXTRA_KEYS), value: wrongValueArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('id' as const), value: idArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('set' as const), key: fc.constantFrom('status', 'delivery'), value: fc.constantFrom('scheduled', 'full', 'cancelled', 'online', 'in-person', 'hybrid', 'SCHEDULED', '') }),
  },
);

const clone = <T>(v: T): Record<string, unknown> => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;

/** Valid seed items with 0–4 corruptions each (about a third stay untouched), and now and then not an object at all. */
export const moduleArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: wrongValueArb },
  {
    weight: 8,
    arbitrary: fc.tuple(fc.constantFrom(...fixtures.modules), fc.array(moduleMutation, { maxLength: 4 })).map(([base, mutations]) => {
      const item = clone(base);
      mutations.forEach((m) => apply(item, m));
      return item;
    }),
  },
);

/** Every third scheduled session plus all the full, cancelled and past ones: every state the calendar shows. */
const sessionBases = fixtures.sessions.filter((s, i) => i % 3 === 0 || s.status !== 'scheduled');

export const sessionArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: wrongValueArb },
  {
    weight: 8,
    arbitrary: fc.tuple(fc.constantFrom(...sessionBases), fc.array(sessionMutation, { maxLength: 4 })).map(([base, mutations]) => {
      const item = clone(base);
      mutations.forEach((m) => apply(item, m));
      return item;
    }),
  },
);

export const modulesArb = fc.array(moduleArb, { maxLength: 10 });
export const sessionsArb = fc.array(sessionArb, { maxLength: 16 });

/** How a response goes wrong as a whole (or not at all: "ok" carries the generated body). */
export type WireFault =
  | { kind: 'ok' }
  | { kind: 'wrong-type'; type: string | null }
  | { kind: 'raw'; status: number; type: string | null; text: string }
  | { kind: 'truncated'; at: number }
  | { kind: 'envelope'; body: unknown }
  | { kind: 'problem'; status: number; detail: string; code: string }
  | { kind: 'reject'; error: 'TypeError' | 'DOMException' | 'string' }
  | { kind: 'stream-error' }
  | { kind: 'no-content' };

const HTML_PAGE = (status: number) =>
  `<!doctype html><html><head><title>${status} Error</title><script>window.__pwned=1</script></head>` +
  `<body><h1>${status} Bad Gateway</h1><img src=x onerror="window.__pwned=1"></body></html>`;

export const wireFaultArb: fc.Arbitrary<WireFault> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: 'ok' } as const) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('wrong-type' as const), type: fc.constantFrom('text/html', 'text/plain', 'application/xml', 'application/jsonp', null) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      status: fc.constantFrom(200, 200, 404, 418, 500, 502, 503),
      type: fc.constantFrom('text/html', 'application/json', 'text/plain', null),
      text: fc.oneof(
        fc.constantFrom('', ' ', 'null', '[]', '{}', '"modules"', '42', 'true', '\uFEFF{"modules":[]}', '{not json', ')]}\'\n{"modules":[]}', 'undefined', 'NaN'),
        fc.constantFrom(200, 502, 503).map(HTML_PAGE),
        fc.constantFrom(...XSS),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncated' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('envelope' as const),
      body: fc.constantFrom<unknown>(
        null,
        [],
        {},
        { modules: null },
        { modules: {} },
        { modules: 'x' },
        { sessions: null },
        { sessions: { 0: {} } },
        { modules: [], sessions: [] },
        { data: { modules: [] } },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('problem' as const),
      status: fc.constantFrom(400, 404, 429, 500, 503),
      detail: textArb,
      code: fc.constantFrom('server-error', 'not-found', 'rate-limited', 'made-up-code'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), error: fc.constantFrom('TypeError' as const, 'DOMException' as const, 'string' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'stream-error' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'no-content' } as const) },
);

/** Turn a generated body and a fault into what fetch resolves (or rejects) with. */
export function respond(body: unknown, fault: WireFault): Response {
  switch (fault.kind) {
    case 'ok':
      return jsonResponse(body);
    case 'wrong-type':
      return new Response(JSON.stringify(body), fault.type ? { headers: { 'content-type': fault.type } } : {});
    case 'raw':
      return new Response(fault.text, { status: fault.status, headers: fault.type ? { 'content-type': fault.type } : {} });
    case 'truncated': {
      const text = JSON.stringify(body);
      return new Response(text.slice(0, fault.at % Math.max(1, text.length)), { headers: { 'content-type': 'application/json' } });
    }
    case 'envelope':
      return jsonResponse(fault.body);
    case 'problem':
      return new Response(
        JSON.stringify({ type: 'about:blank', title: fault.detail.slice(0, 200), status: fault.status, code: fault.code, detail: fault.detail, retryAfter: 0 }),
        { status: fault.status, headers: { 'content-type': 'application/problem+json' } },
      );
    case 'reject':
      throw fault.error === 'TypeError'
        ? new TypeError('Failed to fetch')
        : fault.error === 'DOMException'
          ? new DOMException('The network connection was lost.', 'NetworkError')
          : 'a string, not an Error';
    case 'stream-error': {
      const bytes = new TextEncoder().encode(JSON.stringify(body).slice(0, 20));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          controller.error(new TypeError('network error: connection reset'));
        },
      });
      return new Response(stream, { headers: { 'content-type': 'application/json' } });
    }
    case 'no-content':
      return new Response(null, { status: 204 });
  }
}

export const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A ~10 MB response: valid items around one enormous field, sent with or without a Content-Length. */
export function tenMegabytes(resource: 'modules' | 'sessions', declareLength: boolean): Response {
  const pad = 'A'.repeat(10 * 1024 * 1024);
  const items: unknown[] = resource === 'modules' ? [...fixtures.modules] : [...fixtures.sessions];
  items.splice(1, 0, { ...(items[0] as object), id: 'huge', description: pad, accessibility: pad });
  const text = JSON.stringify({ [resource]: items });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (declareLength) headers['content-length'] = String(text.length);
  return new Response(text, { headers });
}

/** The signup POST answered with anything at all. */
export type SignupReply =
  | { kind: 'result'; body: unknown; status: number }
  | { kind: 'fault'; fault: WireFault }
  | { kind: 'problem422'; errors: unknown };

const resultBody = fc.oneof(
  fc.record({
    status: fc.constantFrom('pending', 'pending', 'PENDING', 'confirmed'),
    /** "$session" is replaced by the session the form is for. */
    sessionId: fc.constantFrom('$session', '$session', 'no-such-session', ''),
    hold: fc.oneof(fc.constantFrom('place', 'waitlist', 'seat'), textArb),
    holdExpiresAt: fc.oneof(fc.constantFrom('2030-01-01T10:00:00+00:00', '2030-13-01T10:00:00Z'), textArb),
  }),
  wrongValueArb,
);

export const signupReplyArb: fc.Arbitrary<SignupReply> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('result' as const), body: resultBody, status: fc.constantFrom(200, 201, 202) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: wireFaultArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('problem422' as const),
      errors: fc.oneof(
        fc.array(fc.record({ field: fc.oneof(fc.constantFrom('email', '/postcode', 'body.firstName', 'nope', '__proto__', ''), textArb), message: textArb }), {
          maxLength: 4,
        }),
        wrongValueArb,
      ),
    }),
  },
);

