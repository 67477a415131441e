/**
 * Requests generated from docs/openapi.json itself, property-based: for every
 * operation, every parameter and body property gets values its schema accepts
 * (boundary lengths and real ids included), and at most one gets a value it
 * probably refuses. Whatever the server answers must be documented: never a
 * 5xx, a documented status, content type and body schema. And the document
 * and the server must agree: a request the document refuses is a 400/422
 * naming each refused field, one it accepts is never refused for its fields.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JsonSchemas, type Schema } from './json-schema.js';
import type { Db } from '../db/types.js';
import { ALLOWED_ORIGIN, dbTargets, postSignup, signup, useApp } from './harness.js';
import { mailTo, postBooking, tokenIn } from './journey.js';
import { createOrganiser } from '../store/organisers.js';

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema: Schema;
}
interface DocumentedResponse {
  content?: Record<string, { schema: Schema }>;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, DocumentedResponse>;
  security?: Record<string, string[]>[];
}

const doc = JSON.parse(await readFile(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};
const schemas = new JsonSchemas(doc as unknown as Schema);
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
);
const ADMIN_TOKEN = 'openapi-fuzz-admin-token-0123456789abcdef';

/** One generated request: the values as the document sees them, and what the document says about them. */
interface Generated {
  params: Record<string, unknown>;
  body?: Record<string, unknown>;
  auth: 'none' | 'wrong' | 'right';
}

/** Header names and body properties that carry the same value (Idempotency-Key ↔ idempotencyKey). */
const sameName = (a: string, b: string) => a.replace(/[^a-z]/gi, '').toLowerCase() === b.replace(/[^a-z]/gi, '').toLowerCase();

function requests(operation: Operation, known: Record<string, unknown[]>): fc.Arbitrary<Generated> {
  const parameters = operation.parameters ?? [];
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  const valueOf = (p: Parameter) => schemas.valid(p.schema, known, p.name);
  const params = fc.record(
    Object.fromEntries(parameters.filter((p) => p.in !== 'header').map((p) => [p.name, valueOf(p)])),
    { requiredKeys: parameters.filter((p) => p.required && p.in !== 'header').map((p) => p.name) },
  );
  const body = bodySchema ? schemas.valid(bodySchema, known) : fc.constant(undefined);
  // At most one value the schema may refuse, or one key left out: the server must name exactly that field.
  const targets = [
    ...parameters.filter((p) => p.in !== 'header').map((p) => ({ where: 'params' as const, name: p.name, schema: p.schema })),
    ...Object.entries((bodySchema && (schemas.resolve(bodySchema).properties as Record<string, Schema>)) ?? {}).map(([name, schema]) => ({
      where: 'body' as const,
      name,
      schema,
    })),
  ];
  const mutation = fc.option(
    (targets.length ? fc.constantFrom(...targets) : fc.constant(undefined)).chain((target) =>
      target ? fc.record({ target: fc.constant(target), value: fc.oneof(schemas.edgy(target.schema), fc.constant(undefined)) }) : fc.constant(undefined),
    ),
    { freq: 2 },
  );
  // Header parameters: absent, repeating the body property of the same name, or a valid value of their own.
  const headers = parameters
    .filter((p) => p.in === 'header')
    .map((p) =>
      fc.record({ p: fc.constant(p), mode: fc.constantFrom('absent', 'same', 'own'), own: valueOf(p) as fc.Arbitrary<string> }),
    );
  return fc
    .record({
      params,
      body,
      mutation,
      headers: fc.tuple(...headers),
      // Mostly the right token: a few wrong ones block the address (429), after which nothing else is tested.
      auth: fc.oneof(
        { arbitrary: fc.constant('right' as const), weight: 6 },
        { arbitrary: fc.constant('none' as const), weight: 3 },
        { arbitrary: fc.constant('wrong' as const), weight: 1 },
      ),
    })
    .map(({ params, body, mutation, headers, auth }) => {
      const generated: Generated = { params: { ...params }, body: body as Record<string, unknown> | undefined, auth };
      if (mutation && (mutation.target.where === 'params' || generated.body)) {
        const into = mutation.target.where === 'params' ? generated.params : (generated.body = { ...generated.body });
        if (mutation.value === undefined) delete into[mutation.target.name];
        else into[mutation.target.name] = mutation.value;
      }
      for (const { p, mode, own } of headers) {
        // Headers carry visible ASCII only (fetch refuses the rest).
        const fromBody = Object.entries(generated.body ?? {}).find(([key, v]) => sameName(key, p.name) && /^[\x20-\x7e]*$/.test(String(v)))?.[1];
        if (mode !== 'absent') generated.params[p.name] = mode === 'same' && fromBody !== undefined ? fromBody : own;
      }
      return generated;
    });
}

/** Query and path values travel as well-formed text: a lone surrogate arrives as U+FFFD, so judge what arrives. */
const sent = (value: unknown) => String(value).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/**
 * The top-level fields the document refuses (parameters and body properties by
 * name); whether a path or header parameter is refused, or a header disagrees
 * with the body property it repeats (Idempotency-Key: "it must equal body.idempotencyKey").
 */
function verdict(operation: Operation, request: Generated): { fields: Set<string>; path: boolean; header: boolean } {
  const fields = new Set<string>();
  let path = false;
  let header = false;
  for (const p of operation.parameters ?? []) {
    const value = request.params[p.name];
    const repeated = p.in === 'header' && Object.entries(request.body ?? {}).find(([key]) => sameName(key, p.name));
    const bad =
      value === undefined
        ? p.required === true
        : schemas.validate(p.schema, sent(value)).length > 0 || (repeated !== undefined && repeated !== false && repeated[1] !== value);
    if (!bad) continue;
    if (p.in === 'path') path = true;
    else if (p.in === 'header') header = true;
    else fields.add(p.name);
  }
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  if (bodySchema && request.body) for (const v of schemas.validate(bodySchema, request.body)) fields.add(String(v.path[0] ?? ''));
  // The allow-list is configuration, which the document can only describe: a well-formed page on another site is refused too.
  const returnUrl = request.body?.returnUrl;
  if (typeof returnUrl === 'string' && !fields.has('returnUrl') && !returnUrl.startsWith(`${ALLOWED_ORIGIN}/`)) fields.add('returnUrl');
  return { fields, path, header };
}

async function send(base: string, method: string, template: string, operation: Operation, request: Generated): Promise<Response> {
  let path = template;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const p of operation.parameters ?? []) {
    const value = request.params[p.name];
    if (value === undefined) continue;
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(sent(value)));
    else if (p.in === 'query') query.append(p.name, sent(value));
    else headers[p.name] = String(value);
  }
  if (operation.security?.some((s) => 'adminToken' in s) && request.auth !== 'none') {
    headers.Authorization = `Bearer ${request.auth === 'right' ? ADMIN_TOKEN : 'x'.repeat(ADMIN_TOKEN.length)}`;
  }
  if (request.body) headers['Content-Type'] = 'application/json';
  const qs = query.toString();
  return fetch(`${base}${path}${qs ? `?${qs}` : ''}`, { method, headers, body: request.body ? JSON.stringify(request.body) : undefined });
}

const sessionOnly = (operation: Operation) =>
  Boolean(operation.security?.some((s) => 'adminSession' in s) && !operation.security.some((s) => 'adminToken' in s));

/** The answer is one the document describes, and agrees with the document's verdict on the request. */
async function check(base: string, method: string, path: string, operation: Operation, request: Generated): Promise<number> {
  const res = await send(base, method, path, operation, request);
  const where = `${method} ${path} ${JSON.stringify(request).slice(0, 600)} → ${res.status}`;
  assert.ok(res.status < 500, where);
  const documented = operation.responses[String(res.status)];
  assert.ok(documented, `undocumented status: ${where}`);
  const text = await res.text();
  const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!documented.content) {
    assert.equal(text, '', where);
    return res.status;
  }
  const media = documented.content[mediaType];
  assert.ok(media, `undocumented content type ${mediaType}: ${where}`);
  const body: unknown = mediaType.endsWith('json') ? JSON.parse(text) : text;
  assert.deepEqual(schemas.validate(media.schema, body), [], `${where}: ${text.slice(0, 300)}`);

  if (operation.security?.some((s) => 'adminToken' in s) && res.status !== 429) assert.equal(res.status === 401, request.auth !== 'right', where);
  // No session cookie is ever sent: a route only an organiser's session opens is always 401 (an empty id matches no route).
  if (sessionOnly(operation) && !verdict(operation, request).path) assert.equal(res.status, 401, where);
  // The credentials are checked first: a refused one is not told what else is wrong.
  if (res.status === 401 || res.status === 429) return res.status;
  const refused = verdict(operation, request);
  const named = new Set(((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field.split('.')[0]));
  if (refused.path || refused.header) {
    assert.ok(res.status >= 400 && res.status < 500, `the document refuses a parameter: ${where}`);
  } else if (refused.fields.size) {
    assert.ok(res.status === 400 || res.status === 422, `the document refuses ${[...refused.fields]}: ${where}`);
    for (const field of refused.fields) assert.ok(named.has(field), `${field} not named: ${where} ${text}`);
  } else {
    // A series' sessions are checked against each other and the database (they exist, make one series, in order,
    // with places), which the document says in words only: those refusals may name sessionId and alsoSessionIds.
    const series = method === 'POST' && path === '/v1/signups' && request.body?.alsoSessionIds !== undefined;
    const unexplained = [...named].filter((field) => !(series && (field === 'sessionId' || field === 'alsoSessionIds')));
    assert.deepEqual(unexplained, [], `the document accepts what the server refused: ${where} ${text}`);
  }
  return res.status;
}

/** Real values to mix in, so generated signups reach sessions that exist (and the database). */
async function knownValues(base: string): Promise<Record<string, unknown[]>> {
  const { sessions } = (await (await fetch(`${base}/v1/sessions`)).json()) as { sessions: { id: string; area: string }[] };
  const { modules } = (await (await fetch(`${base}/v1/modules`)).json()) as { modules: { id: string }[] };
  const ids = sessions.map((s) => s.id);
  return {
    id: ids,
    sessionId: ids,
    module: modules.map((m) => m.id),
    moduleId: modules.map((m) => m.id),
    area: [...new Set(sessions.map((s) => s.area))],
    returnUrl: [`${ALLOWED_ORIGIN}/training`, `${ALLOWED_ORIGIN}/a/b?c=d#e`],
  };
}

/** A real confirm token and a manage token, so generated booking requests also reach real bookings. */
async function bookingTokens(base: string, db: Db): Promise<Record<string, unknown[]>> {
  const { sessionId: ids = [] } = await knownValues(base);
  const body = signup(String(ids.at(-1)));
  assert.equal((await postSignup(base, body)).status, 202);
  const confirm = tokenIn((await mailTo(db, body.email, 'confirm-place')).text_body, 'confirm');
  const confirmed = (await (await postBooking(base, 'confirm', confirm)).json()) as { manageToken: string };
  const second = signup(String(ids.at(-1)));
  await postSignup(base, second);
  return { token: [confirmed.manageToken, tokenIn((await mailTo(db, second.email, 'confirm-place')).text_body, 'confirm')] };
}

/** A real pathway token (from a confirmation email's link), so generated pathway requests also reach a member's pathway. */
async function pathwayTokens(base: string, db: Db): Promise<Record<string, unknown[]>> {
  const { sessionId: ids = [] } = await knownValues(base);
  const body = signup(String(ids.at(-1)));
  assert.equal((await postSignup(base, body)).status, 202);
  return { token: [/\/pathway#token=([A-Za-z0-9_-]{43})/.exec((await mailTo(db, body.email, 'confirm-place')).text_body ?? '')![1]] };
}

/** Real module-request confirm tokens (a confirmed one answers again), so generated confirmations reach real requests. */
async function requestTokens(base: string, db: Db): Promise<Record<string, unknown[]>> {
  const tokens = [];
  for (const area of ['Fuzzton', 'Fuzzbury']) {
    const email = `fuzz.${Math.random().toString(36).slice(2)}@example.org`;
    const body = { moduleId: 'voter-persuasion', area, email, consent: true, returnUrl: `${ALLOWED_ORIGIN}/training` };
    assert.equal((await fetch(`${base}/v1/module-requests`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status, 202);
    tokens.push(/#mobilise-request=([A-Za-z0-9_-]{43})/.exec((await mailTo(db, email, 'request-confirm')).text_body ?? '')![1]);
  }
  return { token: tokens };
}

/** Real sign-in link tokens (each works once), so generated session requests also sign in. */
async function signInTokens(base: string, db: Db): Promise<Record<string, unknown[]>> {
  const email = `fuzz.${Math.random().toString(36).slice(2)}@example.org`;
  await createOrganiser(db, { email, name: 'Fuzz', role: 'admin', areas: [] }, new Date());
  const tokens = [];
  for (let i = 0; i < 3; i++) {
    await fetch(`${base}/v1/admin/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email }) });
    tokens.push(/#sign-in=([A-Za-z0-9_-]{43})/.exec((await mailTo(db, email, 'organiser-sign-in')).text_body ?? '')![1]);
  }
  return { token: tokens };
}

/** Runs per operation: enough to meet each field's edges, within the suite's time (every request is a round trip). */
const runs = (method: string, operation: Operation) => (operation.security?.length ? 40 : method === 'POST' ? 250 : 120);

for (const target of dbTargets()) {
  describe(`requests generated from docs/openapi.json [${target.name}]`, () => {
    // Sign-in requests all come from one address: a limit of 5 would answer most of them 429.
    const t = useApp(target, { adminToken: ADMIN_TOKEN, signInLimit: { windowMs: 60_000, max: 100_000 }, pathwayLimit: { windowMs: 60_000, max: 100_000 } });

    for (const { method, path, operation } of operations)
      it(`${method} ${path}: documented status, type and body, and the same verdict as the document`, async (c) => {
        const known = {
          ...(await knownValues(t.app.url)),
          ...(path.startsWith('/v1/bookings/') ? await bookingTokens(t.app.url, t.db) : {}),
          ...(path.startsWith('/v1/pathway') ? await pathwayTokens(t.app.url, t.db) : {}),
          ...(path === '/v1/admin/session' ? await signInTokens(t.app.url, t.db) : {}),
          ...(path === '/v1/module-requests/confirm' ? await requestTokens(t.app.url, t.db) : {}),
        };
        const statuses = new Map<number, number>();
        await fc.assert(
          fc.asyncProperty(requests(operation, known), async (request) => {
            const status = await check(t.app.url, method, path, operation, request);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }),
          { numRuns: runs(method, operation) },
        );
        c.diagnostic(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
        // The generator must reach both sides: accepted requests, and refused ones wherever there is an input to refuse.
        const seen = [...statuses.keys()];
        // Nothing here holds an organiser's session cookie, so those routes only ever refuse.
        if (!sessionOnly(operation)) assert.ok(seen.some((s) => s < 300), 'no request was accepted');
        if (operation.parameters?.length || operation.requestBody || operation.security?.length) assert.ok(seen.some((s) => s >= 400), 'none was refused');
      });

    it('agrees with the document on the cases the outside review found', async () => {
      const [signups, sessions] = [doc.paths['/v1/signups']!.post!, doc.paths['/v1/sessions']!.get!];
      const { sessionId: [open] = [] } = await knownValues(t.app.url);
      const key = () => `review_${Math.random().toString(36).slice(2).padEnd(16, '0')}`;
      const body = (overrides: Record<string, unknown>) => ({
        sessionId: open,
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: `ada.${Math.random().toString(36).slice(2)}@example.org`,
        postcode: 'G1 1AA',
        membership: 'member',
        consentContact: true,
        idempotencyKey: key(),
        returnUrl: 'http://localhost:5173/training',
        ...overrides,
      });
      const cases: Generated[] = [
        { params: {}, body: body({ firstName: ' ' }), auth: 'none' },
        { params: {}, body: body({ lastName: '\u200b' }), auth: 'none' },
        { params: {}, body: body({ clp: 'A\u0000' }), auth: 'none' },
        { params: {}, body: body({ phone: '12' }), auth: 'none' },
        { params: {}, body: body({ phone: ' 07700 900982 ' }), auth: 'none' },
        { params: {}, body: body({ postcode: 'g1 1aa' }), auth: 'none' },
        { params: {}, body: body({ email: '  ada@example.org ' }), auth: 'none' },
        { params: {}, body: body({ firstName: 'x'.repeat(99) + '  ' }), auth: 'none' },
        { params: { 'Idempotency-Key': key() }, body: body({ idempotencyKey: undefined }), auth: 'none' },
      ];
      for (const request of cases) await check(t.app.url, 'POST', '/v1/signups', signups, request);
      for (const params of [{ to: '' }, { from: '0000-01-01T00:00:00Z' }, { to: '2026-01-01T00:00:00-18:00' }, { area: '\u0000' }, { area: ' Glasgow ' }])
        await check(t.app.url, 'GET', '/v1/sessions', sessions, { params, auth: 'none' });
    });
  });
}
