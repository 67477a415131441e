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
        assert.equal(ok.headers.get('access-control-allow-methods'), 'GET, POST');
        assert.equal(ok.headers.get('access-control-allow-headers'), 'Content-Type, Idempotency-Key');
        const foreign = await preflight(FOREIGN_ORIGIN);
        assert.equal(foreign.status, 403);
        assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      });

      it('refuses a POST from a foreign origin (403) but accepts one without Origin', async () => {
        const session = await addSession(db);
        const foreign = await postSignup(app.url, signup(session.id), { Origin: FOREIGN_ORIGIN });
        await expectProblem(foreign, 403, 'forbidden');
        const allowed = await postSignup(app.url, signup(session.id), { Origin: ALLOWED_ORIGIN });
        assert.equal(allowed.status, 201);
        assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
        assert.equal((await postSignup(app.url, signup(session.id))).status, 201);
        assert.equal(await countSignups(db, session.id), 2);
      });
    });

    describe('rate limit', () => {
      it('answers 429 with Retry-After once a client exceeds the limit; reads are not limited', async () => {
        const limited = await startApp(db, { rateLimit: { windowMs: 60_000, max: 3 } });
        try {
          const session = await addSession(db);
          for (let i = 0; i < 3; i++) assert.equal((await postSignup(limited.url, signup(session.id))).status, 201);
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
        await new Promise((resolve) => setTimeout(resolve, 20));
        const lines = app.logs.slice(before);
        assert.deepEqual(
          lines.map((l) => l.replace(/\d+ms$/, 'Nms')),
          ['POST /v1/signups 201 Nms', 'POST /v1/signups 422 Nms', 'GET /v1/sessions 200 Nms'],
        );
        const all = app.logs.join('\n');
        for (const secret of ['Eilidh', 'Macdonald', 'eilidh.private', 'example.org', '07700', 'EH6', 'Wheelchair', 'Leith', person.idempotencyKey]) {
          assert.ok(!all.includes(secret), `log mentions ${secret}`);
        }
      });
    });
  });
}
