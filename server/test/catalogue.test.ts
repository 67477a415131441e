import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModulesResponseSchema, SessionsResponseSchema, type Session } from '../../src/contract/index.js';
import { makeSessions, modules } from '../seed/programme.js';
import { dbTargets, expectProblem, NOW, useApp } from './harness.js';

const seedSessions = makeSessions(NOW);

async function sessions(url: string, query = ''): Promise<Session[]> {
  const res = await fetch(`${url}/v1/sessions${query}`);
  assert.equal(res.status, 200);
  return SessionsResponseSchema.parse(await res.json()).sessions;
}

/** A 400 problem naming exactly this field. */
async function expectRefusedFilter(url: string, query: string, field: string) {
  const problem = await expectProblem(await fetch(`${url}/v1/sessions${query}`), 400, 'bad-request');
  assert.deepEqual(problem.errors?.map((e) => e.field), [field], query);
}

for (const target of dbTargets()) {
  describe(`catalogue routes [${target.name}]`, () => {
    const t = useApp(target);

    it('GET /v1/modules returns the programme, cacheable, with security headers', async () => {
      const res = await fetch(`${t.app.url}/v1/modules`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      const body = ModulesResponseSchema.parse(await res.json());
      // Without ?locale= no translations travel: an English page gets what it got before them.
      assert.deepEqual(body.modules, modules.map(({ translations: _, ...m }) => m));
    });

    it('GET /v1/modules lists the programme in its own order: Voter Persuasion first, parts in sequence', async () => {
      const ids = ModulesResponseSchema.parse(await (await fetch(`${t.app.url}/v1/modules`)).json()).modules.map((m) => m.id);
      assert.equal(ids[0], 'voter-persuasion');
      assert.ok(ids.indexOf('field-organising-1') + 1 === ids.indexOf('field-organising-2'), 'field organising part one, then part two');
      const digital = ['message-digital-social', 'message-digital-advertising', 'message-digital-video'];
      assert.deepEqual(digital.map((id) => ids.indexOf(id) - ids.indexOf(digital[0])), [0, 1, 2], 'the digital series together, in order');
      assert.notDeepEqual(ids, [...ids].sort(), 'not alphabetical');
    });

    it('GET /v1/sessions returns every seeded session, sorted by start, exactly as seeded', async () => {
      const all = await sessions(t.app.url);
      assert.deepEqual(all, seedSessions);
    });

    it('filters by module, delivery, and area (case-insensitive)', async () => {
      const fo1 = await sessions(t.app.url, '?module=field-organising-1');
      assert.ok(fo1.length > 0);
      assert.ok(fo1.every((s) => s.moduleId === 'field-organising-1'));
      assert.equal(fo1.length, seedSessions.filter((s) => s.moduleId === 'field-organising-1').length);

      const online = await sessions(t.app.url, '?delivery=online');
      assert.ok(online.length > 0 && online.every((s) => s.delivery === 'online'));

      const glasgow = await sessions(t.app.url, '?area=gLaSgOw');
      assert.ok(glasgow.length > 0 && glasgow.every((s) => s.area === 'Glasgow'));
      assert.deepEqual(await sessions(t.app.url, '?area=Nowhere'), []);

      const combined = await sessions(t.app.url, '?area=%20glasgow%20&delivery=in-person');
      assert.ok(combined.every((s) => s.area === 'Glasgow' && s.delivery === 'in-person'));
    });

    it('filters by from/to on the start time', async () => {
      const from = '2027-01-01T00:00:00+00:00';
      const to = '2027-01-31T23:59:59Z';
      const january = await sessions(t.app.url, `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      const expected = seedSessions.filter((s) => Date.parse(s.start) >= Date.parse(from) && Date.parse(s.start) <= Date.parse(to));
      assert.ok(expected.length > 0);
      assert.deepEqual(january.map((s) => s.id), expected.map((s) => s.id));
      const upcoming = await sessions(t.app.url, `?from=${encodeURIComponent(NOW.toISOString().replace('.000Z', '+00:00'))}`);
      assert.equal(upcoming.length, seedSessions.length - 2);
    });

    it('refuses what the OpenAPI document forbids: empty values, an unencoded "+" (read as a space)', async () => {
      for (const [query, field] of [
        ['?to=', 'to'],
        ['?module=', 'module'],
        ['?area=', 'area'],
        ['?area=%20%E2%80%8B', 'area'],
        [`?from=${NOW.toISOString().replace('.000Z', '+00:00')}`, 'from'],
      ])
        await expectRefusedFilter(t.app.url, query!, field!);
    });

    it('refuses dates and text PostgreSQL cannot store with a 400 naming the field, never a 500', async () => {
      for (const [query, field] of [
        ['?from=0000-01-01T00:00:00Z', 'from'],
        ['?from=2026-01-01T00:00:00%2B16:00', 'from'],
        ['?to=2026-01-01T00:00:00-18:00', 'to'],
        ['?area=%00', 'area'],
        ['?area=Glas%01gow', 'area'],
      ])
        await expectRefusedFilter(t.app.url, query!, field!);
      // The extremes PostgreSQL can store are answered.
      assert.deepEqual(await sessions(t.app.url, `?from=0001-01-01T00:00:00%2B15:59&to=9999-12-31T23:59:59.999999-15:59`), seedSessions);
    });

    it('rejects bad filters with a 400 problem naming the field', async () => {
      const bad = await expectProblem(await fetch(`${t.app.url}/v1/sessions?from=yesterday`), 400, 'bad-request');
      assert.deepEqual(bad.errors?.map((e) => e.field), ['from']);
      await expectProblem(await fetch(`${t.app.url}/v1/sessions?delivery=carrier-pigeon`), 400, 'bad-request');
      await expectProblem(await fetch(`${t.app.url}/v1/sessions?module=Not%20A%20Slug`), 400, 'bad-request');
    });

    it('GET /v1/sessions/{id}.ics serves an iCalendar attachment', async () => {
      const session = seedSessions.find((s) => s.status === 'scheduled' && Date.parse(s.start) > NOW.getTime())!;
      const res = await fetch(`${t.app.url}/v1/sessions/${session.id}.ics`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="${session.id}.ics"`);
      const ics = await res.text();
      assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics, new RegExp(`\r\nUID:${session.id}@mobilise\r\n`));
      assert.match(ics, /\r\nDTSTAMP:20261126T120000Z\r\n/);
    });

    it('answers unknown sessions and routes with 404 problems, never cached', async () => {
      await expectProblem(await fetch(`${t.app.url}/v1/sessions/no-such-session.ics`), 404, 'not-found');
      await expectProblem(await fetch(`${t.app.url}/v1/sessions/..%2Fetc.ics`), 404, 'not-found');
      await expectProblem(await fetch(`${t.app.url}/v1/sessions/%E0%A4%A.ics`), 404, 'not-found');
      await expectProblem(await fetch(`${t.app.url}/v1/nothing`), 404, 'not-found');
    });

    it('answers wrong methods with 405 and an Allow header', async () => {
      const res = await fetch(`${t.app.url}/v1/modules`, { method: 'DELETE' });
      await expectProblem(res, 405, 'bad-request');
      assert.match(res.headers.get('allow') ?? '', /GET/);
      assert.equal((await fetch(`${t.app.url}/v1/signups`)).status, 405);
    });

    it('GET /healthz checks the database', async () => {
      const res = await fetch(`${t.app.url}/healthz`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
      assert.equal(res.headers.get('cache-control'), 'no-store');
    });
  });
}
