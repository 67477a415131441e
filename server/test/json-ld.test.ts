/**
 * GET /v1/sessions.jsonld (issue 14, part 7): the calendar's sessions as schema.org Events, built by
 * the server so the embed need not carry the builder. The answer is checked field by field, against
 * the shared builder over what GET /v1/sessions answers, and for what must never be in it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { localised, ModuleSchema, type Module, type Session } from '../../src/contract/index.js';
import { JSON_LD_LIMIT, sessionsJsonLd, type JsonLdEvent as Event } from '../../src/contract/json-ld.js';
import { insertModule } from '../store/catalogue.js';
import { createOrganiser } from '../store/organisers.js';
import { addSession, ALLOWED_ORIGIN, dbTargets, expectProblem, NOW, useApp } from './harness.js';
import { asOrganiser, signIn, type SignedIn } from './organiser-helpers.js';

const S = 'https://schema.org/';
const PAGE = `${ALLOWED_ORIGIN}/training`;
const DAY = 86_400_000;
const JOIN = 'https://meet.example.org/j/secret-room-ld?pwd=Kx9';
const INSTRUCTIONS = 'Meeting ID 123 4567, passcode Heron-7';

interface Answer {
  res: Response;
  text: string;
  events: Event[];
  byId: Map<string, Event>;
}

for (const target of dbTargets()) {
  describe(`JSON-LD GET /v1/sessions.jsonld [${target.name}]`, () => {
    const t = useApp(target, { now: () => NOW, signInLimit: { windowMs: 60_000, max: 1000 } });
    let admin: SignedIn;
    before(async () => {
      await createOrganiser(t.db, { email: 'ld-admin@example.org', name: 'LD', role: 'admin', areas: [] }, NOW);
      admin = await signIn(t.app.url, t.db, 'ld-admin@example.org');
    });
    const call = (method: string, path: string, body?: unknown) => asOrganiser(t.app.url, admin, method, path, body);

    /** A 200 JSON-LD answer, parsed; events keyed by the session id their url or start names. */
    async function jsonLd(query: Record<string, string>): Promise<Answer> {
      const res = await fetch(`${t.app.url}/v1/sessions.jsonld?${new URLSearchParams(query)}`);
      const text = await res.text();
      assert.equal(res.status, 200, text);
      assert.equal(res.headers.get('content-type'), 'application/ld+json; charset=utf-8');
      assert.equal(res.headers.get('cache-control'), 'public, max-age=60', 'cached like GET /v1/sessions');
      assert.doesNotMatch(text, /</, 'no "<" to end a script element');
      const data = JSON.parse(text) as { '@context': string; '@graph': Event[] };
      assert.deepEqual(Object.keys(data), ['@context', '@graph']);
      assert.equal(data['@context'], S);
      const byId = new Map(data['@graph'].map((e) => [e.url ? new URL(e.url).hash.replace('#session=', '') : e.startDate, e]));
      return { res, text, events: data['@graph'], byId };
    }
    const area = () => `LD test ${randomBytes(4).toString('hex')}`;
    const day = (n: number) => new Date(NOW.getTime() + n * DAY).toISOString();
    const at = (n: number, over: Partial<Session> = {}) => ({ start: day(n), end: day(n + 0.1), signupDeadline: day(n - 0.5), ...over });

    it('describes the sessions GET /v1/sessions lists as schema.org Events, exactly as the shared builder does', async () => {
      const a = area();
      const hall = await addSession(t.db, { area: a, delivery: 'in-person', venue: { name: 'Govan Hall', address: '12 Langlands Road', postcode: 'G51 3BD' }, ...at(3) });
      const online = await addSession(t.db, { area: a, delivery: 'online', spacesLeft: 0, ...at(4) });
      const hybrid = await addSession(t.db, { area: a, delivery: 'hybrid', moduleId: 'digital-organising', venue: { name: 'Leith Library', address: '28 Ferry Road', postcode: 'EH6 4AE' }, ...at(5) });
      const ld = await jsonLd({ area: a, page: PAGE });
      assert.deepEqual([...ld.byId.keys()], [hall.id, online.id, hybrid.id], 'in the calendar’s order');

      const listed = ((await (await fetch(`${t.app.url}/v1/sessions?area=${encodeURIComponent(a)}`)).json()) as { sessions: Session[] }).sessions;
      const modules = ((await (await fetch(`${t.app.url}/v1/modules`)).json()) as { modules: Module[] }).modules;
      assert.equal(ld.text, sessionsJsonLd(listed, new Map(modules.map((m) => [m.id, m])), { locale: 'en-GB', now: NOW.getTime(), page: PAGE }));

      const vp = modules.find((m) => m.id === 'voter-persuasion')!;
      const h = ld.byId.get(hall.id)!;
      const asListed = listed.find((s) => s.id === hall.id)!;
      assert.equal(Date.parse(asListed.start), Date.parse(hall.start));
      assert.deepEqual(h, {
        '@type': 'Event',
        name: vp.title,
        description: vp.summary,
        startDate: asListed.start,
        endDate: asListed.end,
        eventStatus: `${S}EventScheduled`,
        eventAttendanceMode: `${S}OfflineEventAttendanceMode`,
        location: [{ '@type': 'Place', name: 'Govan Hall', address: { '@type': 'PostalAddress', streetAddress: '12 Langlands Road', postalCode: 'G51 3BD' } }],
        organizer: { '@type': 'Organization', name: a },
        offers: { '@type': 'Offer', url: `${PAGE}#session=${hall.id}`, availability: `${S}InStock` },
        url: `${PAGE}#session=${hall.id}`,
      });
      const o = ld.byId.get(online.id)!;
      assert.equal(o.eventAttendanceMode, `${S}OnlineEventAttendanceMode`);
      assert.deepEqual(o.location, [{ '@type': 'VirtualLocation', url: o.url }], 'online, the place is the page');
      assert.equal(o.offers.availability, `${S}SoldOut`, 'no spaces left');
      const x = ld.byId.get(hybrid.id)!;
      assert.equal(x.eventAttendanceMode, `${S}MixedEventAttendanceMode`);
      assert.deepEqual(x.location.map((l) => l['@type']), ['Place', 'VirtualLocation']);
    });

    it('never carries a joining link or its instructions, whatever the session has', async () => {
      const a = area();
      const made = await call('POST', '/v1/admin/sessions', {
        moduleId: 'voter-persuasion', start: day(6), end: day(6.1), delivery: 'hybrid', area: a, capacity: 5,
        venue: { name: 'Hall', address: '1 Road', postcode: 'G1 1AA' }, joining: { url: JOIN, instructions: INSTRUCTIONS },
      });
      assert.equal(made.status, 201, await made.clone().text());
      const id = ((await made.json()) as { session: Session }).session.id;
      assert.equal((await call('POST', `/v1/admin/sessions/${id}/publish`)).status, 200);
      const ld = await jsonLd({ area: a, page: PAGE });
      assert.equal(ld.events.length, 1);
      for (const secret of [JOIN, 'meet.example.org', 'secret-room', 'Heron-7', 'joining']) assert.ok(!ld.text.includes(secret), secret);
      assert.deepEqual(ld.events[0]!.location[1], { '@type': 'VirtualLocation', url: `${PAGE}#session=${id}` });
    });

    it('keeps a cancelled session, as EventCancelled and SoldOut; a closed or started one is SoldOut too, an ended one gone', async () => {
      const a = area();
      const cancelled = await addSession(t.db, { area: a, ...at(2) });
      assert.equal((await call('POST', `/v1/admin/sessions/${cancelled.id}/cancel`, {})).status, 200);
      const closed = await addSession(t.db, { area: a, ...at(3, { signupDeadline: day(-1) }) });
      const started = await addSession(t.db, { area: a, start: day(-0.01), end: day(0.05), signupDeadline: day(-0.5) });
      const ended = await addSession(t.db, { area: a, start: day(-0.2), end: day(-0.1), signupDeadline: day(-0.5) });
      const ld = await jsonLd({ area: a, page: PAGE });
      assert.deepEqual([...ld.byId.keys()], [started.id, cancelled.id, closed.id], 'one that has ended is no longer listed');
      assert.ok(!ld.byId.has(ended.id));
      assert.equal(ld.byId.get(cancelled.id)!.eventStatus, `${S}EventCancelled`);
      for (const e of ld.events) assert.equal(e.offers.availability, `${S}SoldOut`);
      assert.equal(ld.byId.get(closed.id)!.eventStatus, `${S}EventScheduled`);
    });

    it('narrows by area, module, delivery and dates like GET /v1/sessions, in the asked language', async () => {
      const a = area();
      const one = await addSession(t.db, { area: a, delivery: 'online', ...at(2) });
      const two = await addSession(t.db, { area: a, delivery: 'online', moduleId: 'digital-organising', ...at(4) });
      const three = await addSession(t.db, { area: a, delivery: 'in-person', venue: { name: 'Hall', address: '1 Road', postcode: 'G1 1AA' }, ...at(6) });
      const ids = async (query: Record<string, string>) => [...(await jsonLd({ area: a.toUpperCase(), page: PAGE, ...query })).byId.keys()];
      assert.deepEqual(await ids({}), [one.id, two.id, three.id], 'the area as GET /v1/sessions matches it (case-insensitive)');
      assert.deepEqual(await ids({ module: 'digital-organising' }), [two.id]);
      assert.deepEqual(await ids({ delivery: 'online' }), [one.id, two.id]);
      assert.deepEqual(await ids({ from: day(3), to: day(5) }), [two.id]);
      assert.deepEqual(await ids({ area: `${a}-elsewhere` }), []);

      const gd = (await jsonLd({ area: a, module: 'digital-organising', locale: 'gd' })).events[0]!;
      const modules = ((await (await fetch(`${t.app.url}/v1/modules?locale=gd`)).json()) as { modules: Module[] }).modules;
      const digital = modules.find((m) => m.id === 'digital-organising')!;
      assert.ok(digital.translations?.gd?.title, 'the seed has a Gaelic title');
      assert.equal(gd.name, localised(digital, 'title', 'gd').text);
      assert.notEqual(gd.name, digital.title);

      await expectProblem(await fetch(`${t.app.url}/v1/sessions.jsonld?area=`), 400, 'bad-request');
      await expectProblem(await fetch(`${t.app.url}/v1/sessions.jsonld?delivery=by-post`), 400, 'bad-request');
    });

    it('describes the first 50 only', async () => {
      const a = area();
      const made: Session[] = [];
      for (let i = 0; i < JSON_LD_LIMIT + 5; i++) made.push(await addSession(t.db, { area: a, ...at(1 + i / 10) }));
      const ld = await jsonLd({ area: a, page: PAGE });
      assert.deepEqual([...ld.byId.keys()], made.slice(0, JSON_LD_LIMIT).map((s) => s.id));
    });

    it('escapes "<" in backend text, which reads back unchanged', async () => {
      const id = `ld-module-${randomBytes(3).toString('hex')}`;
      const title = 'Organising </script><script>alert(1)</script> & more';
      await insertModule(t.db, ModuleSchema.parse({ id, title, summary: 'Less <b>than</b> 3', description: 'D', strand: 'field', durationMinutes: 90 }), 99);
      const a = area();
      await addSession(t.db, { area: a, moduleId: id, ...at(2) });
      const ld = await jsonLd({ area: a, page: PAGE });
      assert.ok(ld.text.includes('\\u003c/script>'), ld.text);
      assert.equal(ld.events[0]!.name, title);
      assert.equal(ld.events[0]!.description, 'Less <b>than</b> 3');
    });

    it('links to the page only when it is on an allowed site; any other page is ignored, not refused', async () => {
      const a = area();
      const s = await addSession(t.db, { area: a, delivery: 'hybrid', venue: { name: 'Hall', address: '1 Road', postcode: 'G1 1AA' }, ...at(2) });
      const kept = (await jsonLd({ area: a, page: `${PAGE}?utm_source=mail&token=abc#tab=2` })).events[0]!;
      assert.equal(kept.url, `${PAGE}#session=${s.id}`, 'the page itself: its query and fragment dropped');
      for (const page of ['https://evil.example/training', 'javascript:alert(1)//http://localhost:5173/', 'not a url', `${ALLOWED_ORIGIN.replace('http:', 'ftp:')}/x`, '']) {
        const ld = await jsonLd({ area: a, page });
        assert.equal(ld.events.length, 1, page);
        const [e] = ld.events;
        assert.equal(e!.url, undefined, page);
        assert.equal(e!.offers.url, undefined, page);
        assert.deepEqual(e!.location[1], { '@type': 'VirtualLocation' }, page);
        assert.ok(!ld.text.includes('evil.example') && !ld.text.includes('javascript'), page);
      }
      assert.equal((await jsonLd({ area: a })).events[0]!.url, undefined, 'no page, no url');
    });
  });
}
