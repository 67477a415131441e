import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/types.js';
import { addSession, ALLOWED_ORIGIN, countSignups, dbTargets, expectProblem, postSignup, signup, startApp, type Running } from './harness.js';

const FOREIGN_ORIGIN = 'https://evil.example';

for (const target of dbTargets()) {
  describe(`HTTP policy [${target.name}]`, () => {
    let db: Db;
    let app: Running;
    before(async () => {
      db = await target.open();
      app = await startApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    describe('CORS', () => {
      it('echoes an allowed origin, with Vary: Origin and Retry-After exposed', async () => {
        const res = await fetch(`${app.url}/v1/modules`, { headers: { Origin: ALLOWED_ORIGIN } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
        assert.equal(res.headers.get('vary'), 'Origin');
        assert.match(res.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      });

      it('gives a foreign origin no CORS headers on reads', async () => {
        const res = await fetch(`${app.url}/v1/modules`, { headers: { Origin: FOREIGN_ORIGIN } });
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('access-control-allow-origin'), null);
        assert.equal(res.headers.get('vary'), 'Origin');
      });

      it('answers preflights for allowed origins and refuses foreign ones', async () => {
        const preflight = (origin: string) =>
          fetch(`${app.url}/v1/signups`, {
            method: 'OPTIONS',
            headers: {
              Origin: origin,
              'Access-Control-Request-Method': 'POST',
              'Access-Control-Request-Headers': 'content-type, idempotency-key',
            },
          });
        const ok = await preflight(ALLOWED_ORIGIN);
        assert.equal(ok.status, 204);
        assert.equal(ok.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
        // Comma-separated lists (Fetch standard): whitespace around the commas is not part of a value.
        const list = (header: string) => ok.headers.get(header)?.split(/\s*,\s*/);
        assert.deepEqual(list('access-control-allow-methods'), ['GET', 'POST']);
        assert.deepEqual(list('access-control-allow-headers'), ['Content-Type', 'Idempotency-Key']);
        const foreign = await preflight(FOREIGN_ORIGIN);
        assert.equal(foreign.status, 403);
        assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      });

      it('refuses a POST from a foreign origin (403) but accepts one without Origin', async () => {
        const session = await addSession(db);
        const foreign = await postSignup(app.url, signup(session.id), { Origin: FOREIGN_ORIGIN });
        await expectProblem(foreign, 403, 'forbidden');
        const allowed = await postSignup(app.url, signup(session.id), { Origin: ALLOWED_ORIGIN });
        assert.equal(allowed.status, 202);
        assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
        assert.equal((await postSignup(app.url, signup(session.id))).status, 202);
        assert.equal(await countSignups(db, session.id), 2);
      });
    });

    describe('rate limit', () => {
      it('answers 429 with Retry-After once a client exceeds the limit; reads are not limited', async () => {
        const limited = await startApp(db, { rateLimit: { windowMs: 60_000, max: 3 } });
        try {
          const session = await addSession(db);
          for (let i = 0; i < 3; i++) assert.equal((await postSignup(limited.url, signup(session.id))).status, 202);
          const res = await postSignup(limited.url, signup(session.id), { Origin: ALLOWED_ORIGIN });
          const retryAfter = Number(res.headers.get('retry-after'));
          assert.ok(retryAfter >= 1 && retryAfter <= 60);
          const problem = await expectProblem(res, 429, 'rate-limited');
          assert.equal(problem.retryAfter, retryAfter);
          assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN, 'the browser may read the 429');
          assert.equal(await countSignups(db, session.id), 3);
          assert.equal((await fetch(`${limited.url}/v1/sessions`)).status, 200);
        } finally {
          await limited.close();
        }
      });

      it('by default ignores X-Forwarded-For, so a client cannot dodge the limit by writing one', async () => {
        const limited = await startApp(db, { rateLimit: { windowMs: 60_000, max: 2 } });
        try {
          const session = await addSession(db);
          const statuses = [];
          for (let i = 0; i < 4; i++)
            statuses.push((await postSignup(limited.url, signup(session.id), { 'X-Forwarded-For': `203.0.113.${i}` })).status);
          assert.deepEqual(statuses, [202, 202, 429, 429]);
        } finally {
          await limited.close();
        }
      });

      it('behind one trusted proxy, counts each client by the address that proxy saw', async () => {
        const limited = await startApp(db, { rateLimit: { windowMs: 60_000, max: 2 }, trustedProxies: 1 });
        try {
          const session = await addSession(db);
          const from = async (xff: string) => (await postSignup(limited.url, signup(session.id), { 'X-Forwarded-For': xff })).status;
          // Two members behind the same proxy: limited separately.
          assert.deepEqual([await from('198.51.100.7'), await from('198.51.100.7'), await from('198.51.100.7')], [202, 202, 429]);
          assert.equal(await from('198.51.100.8'), 202);
          // A spoofed entry to the left of what the proxy appended is not believed.
          assert.equal(await from('10.9.9.9, 198.51.100.7'), 429);
        } finally {
          await limited.close();
        }
      });
    });

    describe('rate-limit keys', () => {
      it('counts one client however its address is written, and an IPv6 /64 as one client', async () => {
        const limited = await startApp(db, { rateLimit: { windowMs: 60_000, max: 3 }, trustedProxies: 1 });
        try {
          const session = await addSession(db);
          const from = async (xff: string) => (await postSignup(limited.url, signup(session.id), { 'X-Forwarded-For': xff })).status;
          // The same address in two spellings, then another address in the same /64.
          assert.deepEqual([await from('2001:db8::1'), await from('2001:DB8:0:0::1'), await from('2001:db8::abcd:1'), await from('2001:0db8:0000::ffff')], [202, 202, 202, 429]);
          assert.equal(await from('2001:db8:0:1::1'), 202, 'the next /64 is another client');
          // An IPv4 address and its IPv4-mapped IPv6 form are one client.
          assert.deepEqual([await from('192.0.2.7'), await from('::ffff:192.0.2.7'), await from('::FFFF:192.0.2.7'), await from('192.0.2.7')], [202, 202, 202, 429]);
        } finally {
          await limited.close();
        }
      });
    });

    describe('logging', () => {
      it('logs one line per request without personal data, query strings or bodies', async () => {
        const session = await addSession(db);
        const person = signup(session.id, {
          firstName: 'Eilidh',
          lastName: 'Macdonald-Secret',
          email: 'eilidh.private@example.org',
          phone: '07700 900123',
          postcode: 'EH6 4AE',
          accessNeeds: 'Wheelchair user',
        });
        const before = app.logs.length;
        await postSignup(app.url, person);
        await postSignup(app.url, { ...person, email: 'broken' });
        await fetch(`${app.url}/v1/sessions?area=Leith&from=2026-12-01T00:00:00Z`);
        const lines = (await app.logged((l) => l.length >= before + 3, 'the three requests')).slice(before);
        assert.deepEqual(
          lines.map((l) => l.replace(/\d+ms$/, 'Nms')),
          ['POST /v1/signups 202 Nms', 'POST /v1/signups 422 Nms', 'GET /v1/sessions 200 Nms'],
        );
        const all = app.logs.join('\n');
        for (const secret of ['Eilidh', 'Macdonald', 'eilidh.private', 'example.org', '07700', 'EH6', 'Wheelchair', 'Leith', person.idempotencyKey]) {
          assert.ok(!all.includes(secret), `log mentions ${secret}`);
        }
      });
    });

    describe('log waits', () => {
      it('wait for a late line, and name what never came', async () => {
        const late = app.logged((l) => l.some((line) => line.startsWith('GET /healthz ')), 'the health check');
        await fetch(`${app.url}/healthz`);
        assert.ok((await late).some((line) => line.startsWith('GET /healthz 200 ')));
        await assert.rejects(app.logged(() => false, 'a line that is never written', 50), /never showed a line that is never written within 50 ms/);
      });
    });

    describe('problem documents', () => {
      it('never echo the request path or query (client text) back', async () => {
        for (const path of ['/v1/victim@example.org', '/v1/sessions/victim%40example.org.ics', '/nope?email=victim@example.org']) {
          const res = await fetch(`${app.url}${path}`);
          const text = await res.clone().text();
          const problem = await expectProblem(res, 404, 'not-found');
          assert.equal(problem.instance, undefined, path);
          assert.doesNotMatch(text, /victim/, path);
        }
      });
    });

    describe('request bodies and content types', () => {
      it('refuses a 1 MB body with 413 without reading it (never stored) and never buffers anything bigger', async () => {
        const session = await addSession(db);
        const person = signup(session.id);
        // Valid JSON padded to exactly 1 MB: answered from its Content-Length, and a browser still reads the 413.
        const padded = JSON.stringify({ ...person, accessNeeds: '' });
        const megabyte = padded.replace('"accessNeeds":""', `"accessNeeds":"${'x'.repeat(1024 * 1024 - padded.length)}"`);
        assert.equal(Buffer.byteLength(megabyte), 1024 * 1024);
        const res = await postSignup(app.url, megabyte);
        await expectProblem(res, 413, 'payload-too-large');
        assert.equal(res.headers.get('connection'), 'close');

        // Bigger, declared or streamed: the server answers, stops reading and hangs up.
        const big = 'x'.repeat(3 * 1024 * 1024);
        const declared = await postSignup(app.url, big).then((r) => r.status, () => 'dropped');
        assert.equal(declared, 413, 'declared 3 MB');
        let chunks = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (chunks++ < 64) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
            else controller.close();
          },
        });
        const streamed = await fetch(`${app.url}/v1/signups`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: stream,
          duplex: 'half',
          signal: AbortSignal.timeout(10_000),
        } as RequestInit).then((r) => r.status, (e: Error) => (e.name === 'TimeoutError' ? 'hung' : 'dropped'));
        assert.ok(streamed === 'dropped' || streamed === 413, `4 MB chunked body: ${streamed}`);

        assert.equal((await fetch(`${app.url}/healthz`)).status, 200, 'the server is still serving');
        assert.equal(await countSignups(db, session.id), 0);
      });

      it('accepts only application/json: the content types a cross-site form can send without a preflight get 415', async () => {
        const session = await addSession(db);
        const json = JSON.stringify(signup(session.id));
        const form = new FormData();
        for (const [k, v] of Object.entries(signup(session.id))) form.append(k, String(v));
        const attempts: [string, RequestInit][] = [
          ['multipart/form-data', { body: form }],
          ['text/plain;charset=UTF-8', { body: json, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }],
          ['no Content-Type', { body: new Blob([json]) }],
          ['text/json', { body: json, headers: { 'Content-Type': 'text/json' } }],
          ['application/json-patch+json', { body: json, headers: { 'Content-Type': 'application/json-patch+json' } }],
          ['application/jsonx', { body: json, headers: { 'Content-Type': 'application/jsonx' } }],
        ];
        for (const [name, init] of attempts) {
          const res = await fetch(`${app.url}/v1/signups`, { method: 'POST', ...init, headers: { Origin: ALLOWED_ORIGIN, ...init.headers } });
          const problem = await expectProblem(res, 415, 'unsupported-media-type');
          assert.ok(problem.detail?.includes('application/json'), name);
          assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN, `${name}: the browser may read the 415`);
        }
        assert.equal(await countSignups(db, session.id), 0);
        const upper = await postSignup(app.url, json, { 'Content-Type': 'Application/JSON; charset=UTF-8' });
        assert.equal(upper.status, 202, 'media types are case-insensitive');
      });
    });

    describe('look-alike origins', () => {
      const lookAlikes = [
        'http://localhost:5173.evil.example',
        'http://localhost:51730',
        'http://localhost:517',
        'https://localhost:5173',
        'http://localhost',
        'http://127.0.0.1:5173',
        'http://sub.localhost:5173',
        'http://evil.example?http://localhost:5173',
        'http://localhost:5173@evil.example',
        `${ALLOWED_ORIGIN}/`,
        `${ALLOWED_ORIGIN}, https://evil.example`,
        'HTTP://LOCALHOST:5173',
        'null',
        '*',
      ];

      it('refuses signups, preflights and CORS reads for origins that merely resemble an allowed one', async () => {
        const session = await addSession(db);
        for (const origin of lookAlikes) {
          const post = await postSignup(app.url, signup(session.id), { Origin: origin });
          assert.equal(post.status, 403, `signup from ${origin}`);
          await expectProblem(post, 403, 'forbidden');
          assert.equal(post.headers.get('access-control-allow-origin'), null, origin);
          const preflight = await fetch(`${app.url}/v1/signups`, {
            method: 'OPTIONS',
            headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
          });
          assert.equal(preflight.status, 403, `preflight from ${origin}`);
          const read = await fetch(`${app.url}/v1/sessions`, { headers: { Origin: origin } });
          assert.equal(read.headers.get('access-control-allow-origin'), null, `read from ${origin}`);
        }
        assert.equal(await countSignups(db, session.id), 0);
      });
    });

    describe('logging over a burst', () => {
      const secrets = {
        firstName: 'Seonaidh',
        lastName: 'Privatesurname',
        email: 'seonaidh.hidden@example.org',
        phone: '07700 900456',
        postcode: 'IV2 3XL',
        accessNeeds: 'Hearing loop please',
        clp: 'Inverness Secret CLP',
      };
      const mentionsSecret = (text: string) =>
        ['Seonaidh', 'Privatesurname', 'seonaidh', 'hidden@', 'example.org', '07700', '900456', 'IV2', 'Hearing', 'Inverness'].filter((s) =>
          text.toLowerCase().includes(s.toLowerCase()),
        );
      /** A route's own path, or a placeholder where the path is client-chosen text (an id, an unknown path). */
      const LINE = /^(GET|POST|OPTIONS) (\/v1\/(modules|sessions|signups|admin\/signups\.csv|feed\.ics)|\/healthz|\/v1\/sessions\/\{id\}\.ics|\(other\)) \d{3} \d+ms$/;

      it('logs every outcome (2xx, 4xx, 429, 500) one line each, with no personal data', async () => {
        const limited = await startApp(db, { rateLimit: { windowMs: 60_000, max: 30 } });
        // A driver error that quotes the submitted email, as PostgreSQL's unique-violation detail does.
        const fail = () => {
          throw Object.assign(new Error(`duplicate key value violates unique constraint: Key (email)=(${secrets.email}) already exists.`), {
            code: '23505',
            detail: `Key (lower(email))=(${secrets.email}) already exists.`,
          });
        };
        // Every statement fails: a signup runs its reads and its hold outside a transaction (store/signup-hold.ts).
        const failingDb: Db = { ...db, query: async () => fail(), transaction: async () => fail() };
        const broken = await startApp(failingDb);
        try {
          const open = await addSession(db, { capacity: 2, spacesLeft: 2, waitlist: false });
          const closed = await addSession(db, { status: 'cancelled' });
          const person = (overrides: Record<string, unknown> = {}) => ({ ...signup(open.id, secrets), ...overrides });
          const first = person();
          const requests: (() => Promise<Response>)[] = [
            () => postSignup(limited.url, first),
            () => postSignup(limited.url, first), // replay
            () => postSignup(limited.url, { ...first, lastName: 'Changed' }), // idempotency conflict
            () => postSignup(limited.url, person({ email: 'second.seonaidh.hidden@example.org' })),
            () => postSignup(limited.url, person({ email: 'third.seonaidh.hidden@example.org' })), // full
            () => postSignup(limited.url, person({ sessionId: closed.id })),
            () => postSignup(limited.url, person({ sessionId: 'no-such-session' })),
            () => postSignup(limited.url, person({ email: `not-an-email ${secrets.email}`, phone: `${secrets.phone} call me` })),
            () => postSignup(limited.url, person({ website: `https://${secrets.email}` })), // honeypot
            () => postSignup(limited.url, `{"email": "${secrets.email}", `), // malformed
            () => postSignup(limited.url, JSON.stringify(person()), { 'Content-Type': 'text/plain' }),
            () => postSignup(limited.url, person({ accessNeeds: `${secrets.accessNeeds} `.repeat(1000) })), // 413
            () => postSignup(limited.url, person(), { Origin: `https://${secrets.lastName}.example` }),
            () => postSignup(limited.url, person(), { 'Idempotency-Key': `${secrets.firstName}-key-0123456789` }),
            () => fetch(`${limited.url}/v1/sessions?area=${secrets.clp}&email=${secrets.email}`),
            () => fetch(`${limited.url}/v1/sessions/${encodeURIComponent(secrets.email)}.ics`),
            () => fetch(`${limited.url}/v1/feed.ics?area=${encodeURIComponent(secrets.clp)}&email=${secrets.email}`),
            () => fetch(`${limited.url}/v1/signups/${encodeURIComponent(secrets.email)}`),
            () => fetch(`${limited.url}/${secrets.firstName}/${encodeURIComponent(secrets.postcode)}?phone=${secrets.phone}`),
            () => fetch(`${limited.url}/v1/admin/signups.csv?email=${secrets.email}`, { headers: { Authorization: `Bearer ${secrets.email}` } }),
            () => fetch(`${limited.url}/v1/signups`, { method: 'OPTIONS', headers: { Origin: `https://${secrets.firstName}.example` } }),
          ];
          const statuses: number[] = [];
          for (const send of requests) statuses.push((await send()).status);
          // Then past the rate limit (30 POSTs a minute), still carrying personal data.
          const burst = await Promise.all(Array.from({ length: 20 }, () => postSignup(limited.url, person())));
          statuses.push(...burst.map((r) => r.status));
          statuses.push((await postSignup(broken.url, person())).status);
          const isRequest = (l: string) => !l.startsWith('error ');
          await limited.logged((l) => l.filter(isRequest).length >= statuses.length - 1, `${statuses.length - 1} request lines`);
          await broken.logged((l) => l.length >= 2, 'the failed request and its error');

          for (const code of [200, 202, 400, 403, 404, 409, 413, 415, 422, 429, 500]) assert.ok(statuses.includes(code), `the burst includes a ${code}`);
          const lines = [...limited.logs, ...broken.logs];
          const requestLines = lines.filter(isRequest);
          assert.equal(requestLines.length, statuses.length, 'one line per request');
          for (const line of requestLines) assert.match(line, LINE);
          assert.ok(requestLines.some((l) => /^GET \/v1\/sessions\/\{id\}\.ics 404 \d+ms$/.test(l)), 'an .ics id is logged as {id}');
          assert.ok(requestLines.some((l) => /^GET \/v1\/feed\.ics 200 \d+ms$/.test(l)), 'the feed is logged by its path, without its query');
          assert.equal(requestLines.filter((l) => l.startsWith('GET (other) 404 ')).length, 2, 'unknown paths are logged as (other)');
          assert.deepEqual(
            lines.filter((l) => l.startsWith('error ')),
            ['error POST /v1/signups: Error 23505'],
            'a server error is logged by name and SQLSTATE only',
          );
          assert.deepEqual(mentionsSecret(lines.join('\n')), [], 'no personal data in the log');
        } finally {
          await limited.close();
          await broken.close();
        }
      });
    });

    describe('admin export token', () => {
      it('accepts the token only as a whole Bearer credential, never in the URL', async () => {
        const token = 'policy-admin-token-0123456789abcdef';
        // Eight wrong tries from one address: each from its own (trusted) address, so the failure throttle stays out of the way.
        const admin = await startApp(db, { adminToken: token, trustedProxies: 1 });
        try {
          const url = `${admin.url}/v1/admin/signups.csv`;
          const refused: [string, RequestInit][] = [
            [`${url}?token=${token}`, {}],
            [`${url}?access_token=${token}`, {}],
            [url, { headers: { Cookie: `token=${token}` } }],
            [url, { headers: { Authorization: token } }],
            [url, { headers: { Authorization: `Bearer ${token.slice(0, -1)}` } }],
            [url, { headers: { Authorization: `Bearer ${token.toUpperCase()}` } }],
            [url, { headers: { Authorization: 'Bearer ' } }],
            [url, { headers: { Authorization: `Bearer ${token} ${token}` } }],
          ];
          for (const [i, [target, init]] of refused.entries()) {
            const headers = { ...(init.headers as Record<string, string>), 'X-Forwarded-For': `198.51.100.${i}` };
            await expectProblem(await fetch(target, { ...init, headers }), 401, 'unauthorized');
          }
          assert.equal((await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
        } finally {
          await admin.close();
        }
      });
    });
  });
}
