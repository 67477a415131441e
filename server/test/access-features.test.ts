/**
 * Access features as structured data (issue 14, part 4): organisers set them on a session, the
 * public API returns them and filters on them (?access=, sessions offering every one asked), the
 * database holds known values only, and the booking emails list them in the member's language.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ManagedSession } from '../../src/contract/admin.js';
import { ACCESS_FEATURES, SessionsResponseSchema, type Session } from '../../src/contract/index.js';
import { createOrganiser } from '../store/organisers.js';
import { addSession, dbTargets, expectProblem, NOW, postSignup, signup, useApp } from './harness.js';
import { mailTo, postBooking, tokenIn } from './journey.js';
import { asOrganiser, signIn, type SignedIn } from './organiser-helpers.js';

const AREA = 'Access Test Area';

for (const target of dbTargets()) {
  describe(`access features [${target.name}]`, () => {
    const t = useApp(target, { signInLimit: { windowMs: 60_000, max: 1000 } });
    let admin: SignedIn;
    before(async () => {
      await createOrganiser(t.db, { email: 'ada@example.org', name: 'Ada', role: 'admin', areas: [] }, NOW);
      admin = await signIn(t.app.url, t.db, 'ada@example.org');
    });
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => asOrganiser(t.app.url, admin, method, path, body, headers);
    const publicSessions = async (query: string): Promise<Session[]> => {
      const res = await fetch(`${t.app.url}/v1/sessions${query}`);
      assert.equal(res.status, 200, `${query}: ${await res.clone().text()}`);
      return SessionsResponseSchema.parse(await res.json()).sessions;
    };
    const ids = async (query: string) => (await publicSessions(query)).map((s) => s.id);
    const create = async (body: Record<string, unknown>) => {
      const res = await call('POST', '/v1/admin/sessions', {
        moduleId: 'voter-persuasion',
        start: '2027-02-04T18:30:00Z',
        end: '2027-02-04T20:30:00Z',
        delivery: 'in-person',
        venue: { name: 'Trades Hall', address: '85 Glassford Street', postcode: 'G1 1UB' },
        area: AREA,
        capacity: 10,
        ...body,
      });
      assert.equal(res.status, 201, await res.clone().text());
      return (await res.json()) as ManagedSession;
    };

    it('an organiser creates a session with features: stored once each in the contract’s order, public once published', async () => {
      const created = await create({ accessFeatures: ['quiet-room', 'step-free', 'hearing-loop'] });
      assert.deepEqual(created.session.accessFeatures, ['step-free', 'hearing-loop', 'quiet-room']);
      assert.equal((await call('POST', `/v1/admin/sessions/${created.session.id}/publish`)).status, 200);
      const [served] = (await publicSessions(`?area=${encodeURIComponent(AREA)}`)).filter((s) => s.id === created.session.id);
      assert.deepEqual(served?.accessFeatures, ['step-free', 'hearing-loop', 'quiet-room']);

      const none = await create({});
      assert.deepEqual(none.session.accessFeatures, [], 'left out on a create: none');
      const plain = await addSession(t.db);
      assert.deepEqual((await publicSessions('')).find((s) => s.id === plain.id)?.accessFeatures, [], 'the public API always sends the list');
    });

    it('?access= keeps the sessions offering every feature asked, in any order; alone or with other filters', async () => {
      const area = 'Filter Town';
      const both = await addSession(t.db, { area, accessFeatures: ['step-free', 'hearing-loop', 'parking'] });
      const stepFree = await addSession(t.db, { area, accessFeatures: ['step-free'] });
      const loop = await addSession(t.db, { area, accessFeatures: ['hearing-loop'] });
      const bare = await addSession(t.db, { area });
      const inArea = `&area=${encodeURIComponent(area)}`;
      assert.deepEqual(await ids(`?access=step-free,hearing-loop${inArea}`), [both.id]);
      assert.deepEqual(await ids(`?access=hearing-loop,step-free${inArea}`), [both.id], 'order does not matter');
      assert.deepEqual(await ids(`?access=hearing-loop,step-free,hearing-loop${inArea}`), [both.id], 'nor does a repeat');
      assert.deepEqual((await ids(`?access=step-free${inArea}`)).sort(), [both.id, stepFree.id].sort());
      assert.deepEqual((await ids(`?access=hearing-loop${inArea}`)).sort(), [both.id, loop.id].sort());
      assert.deepEqual(await ids(`?access=childcare${inArea}`), []);
      assert.deepEqual((await ids(`?area=${encodeURIComponent(area)}`)).sort(), [both, stepFree, loop, bare].map((s) => s.id).sort(), 'no filter: all');
      // Across the whole programme too: every session answered has every feature asked.
      const everywhere = await publicSessions('?access=step-free,accessible-toilets');
      assert.ok(everywhere.length > 0, 'the seed has step-free venues with accessible toilets');
      for (const s of everywhere) assert.ok(s.accessFeatures!.includes('step-free') && s.accessFeatures!.includes('accessible-toilets'), s.id);
    });

    it('an unknown feature, an empty value or a stray comma in ?access= is refused, naming the field and the known features', async () => {
      for (const access of ['lift', 'step-free,lift', '', 'step-free,', 'Step-Free', 'step-free hearing-loop']) {
        const problem = await expectProblem(await fetch(`${t.app.url}/v1/sessions?access=${encodeURIComponent(access)}`), 400, 'bad-request');
        assert.deepEqual(problem.errors, [{ field: 'access', message: `Give access features from ${ACCESS_FEATURES.join(', ')}, separated by commas` }], access);
      }
    });

    it('organisers are refused an unknown or repeated feature, with a field error', async () => {
      const base = { moduleId: 'voter-persuasion', start: '2027-02-04T18:30:00Z', end: '2027-02-04T20:30:00Z', delivery: 'online', area: AREA, capacity: 10 };
      const unknown = await expectProblem(await call('POST', '/v1/admin/sessions', { ...base, accessFeatures: ['step-free', 'lift'] }), 422, 'validation');
      assert.deepEqual(unknown.errors, [{ field: 'accessFeatures.1', message: `Choose access features from ${ACCESS_FEATURES.join(', ')}` }]);
      const twice = await expectProblem(await call('POST', '/v1/admin/sessions', { ...base, accessFeatures: ['captions', 'captions'] }), 422, 'validation');
      assert.deepEqual(twice.errors, [{ field: 'accessFeatures', message: 'Give each access feature once' }]);
      const notAList = await expectProblem(await call('POST', '/v1/admin/sessions', { ...base, accessFeatures: 'captions' }), 422, 'validation');
      assert.deepEqual(notAList.errors?.map((e) => e.field), ['accessFeatures']);
    });

    it('round trip through an edit, with If-Match: set, read back, cleared; a stale version is a conflict and changes nothing', async () => {
      const created = await create({ accessFeatures: ['parking'] });
      const path = `/v1/admin/sessions/${created.session.id}`;
      const read = async () => {
        const res = await call('GET', path);
        assert.equal(res.status, 200);
        return { etag: res.headers.get('etag')!, body: (await res.json()) as ManagedSession };
      };
      const first = await read();
      const patched = await call('PATCH', path, { accessFeatures: ['public-transport', 'bsl', 'step-free'] }, { 'If-Match': first.etag });
      assert.equal(patched.status, 200, await patched.clone().text());
      const after = await read();
      assert.deepEqual(after.body.session.accessFeatures, ['step-free', 'bsl', 'public-transport']);
      assert.equal(after.body.version, first.body.version + 1);
      assert.equal(after.body.session.venue?.name, 'Trades Hall', 'the rest of the session as it was');

      const stale = await call('PATCH', path, { accessFeatures: [] }, { 'If-Match': first.etag });
      assert.equal(stale.status, 412);
      assert.deepEqual((await read()).body.session.accessFeatures, ['step-free', 'bsl', 'public-transport'], 'not overwritten');
      assert.equal((await call('PATCH', path, { accessFeatures: [] })).status, 428, 'no If-Match: refused');

      const cleared = await call('PATCH', path, { accessFeatures: [] }, { 'If-Match': after.etag });
      assert.equal(cleared.status, 200);
      assert.deepEqual((await read()).body.session.accessFeatures, []);
      const untouched = await call('PATCH', path, { trainer: 'Eilidh' }, { 'If-Match': (await read()).etag });
      assert.equal(untouched.status, 200);
      assert.deepEqual((await read()).body.session.accessFeatures, [], 'a patch without the field leaves it');
    });

    it('a duplicate keeps the features', async () => {
      const created = await create({ accessFeatures: ['hearing-loop', 'childcare'] });
      const res = await call('POST', `/v1/admin/sessions/${created.session.id}/duplicate`, { start: '2027-03-04T18:30:00Z', end: '2027-03-04T20:30:00Z' });
      assert.equal(res.status, 201);
      assert.deepEqual(((await res.json()) as ManagedSession).session.accessFeatures, ['hearing-loop', 'childcare']);
    });

    it('the database holds every known feature and refuses anything else (its check and the contract’s list agree)', async () => {
      const all = await addSession(t.db, { accessFeatures: [...ACCESS_FEATURES] });
      const { rows } = await t.db.query<{ access_features: string[] }>('SELECT access_features FROM sessions WHERE id = $1', [all.id]);
      assert.deepEqual(rows[0]!.access_features, [...ACCESS_FEATURES]);
      await assert.rejects(t.db.query(`UPDATE sessions SET access_features = '{step-free,lift}' WHERE id = $1`, [all.id]), /sessions_access_features_known/);
      const index = await t.db.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'sessions_access_features'`);
      assert.match(index.rows[0]?.indexdef ?? '', /USING gin \(access_features\)/);
    });

    it('the seed: in-person venues step-free, online sessions captioned', async () => {
      const seeded = (await publicSessions('')).filter((s) => !s.id.startsWith('test-session-') && s.area !== AREA);
      for (const s of seeded) {
        assert.ok(s.accessFeatures!.length > 0, s.id);
        if (s.delivery === 'in-person') assert.ok(s.accessFeatures!.includes('step-free'), s.id);
        else assert.ok(s.accessFeatures!.includes('captions'), s.id);
      }
    });

    it('the booking emails list the features in the member’s language, before the access note', async () => {
      const session = await addSession(t.db, { accessFeatures: ['step-free', 'hearing-loop'], accessibility: 'Side door.' });
      const expected = {
        'en-GB': 'Access: Step-free access\n  Hearing loop\n  Side door.',
        gd: 'Ruigsinneachd: Slighe gun cheumannan\n  Lùb claisneachd\n  Side door.',
        cy: 'Hygyrchedd: Mynediad heb risiau\n  Dolen glyw\n  Side door.',
      };
      for (const [locale, text] of Object.entries(expected)) {
        const body = signup(session.id, { locale });
        assert.equal((await postSignup(t.app.url, body)).status, 202);
        const confirm = await mailTo(t.db, body.email, 'confirm-place');
        assert.ok(confirm.text_body!.includes(text), `${locale}:\n${confirm.text_body}`);
        assert.match(confirm.html_body!, /<td style="padding:4px 0">[^<]+<br>[^<]+<br>Side door\.<\/td>/, locale);
        assert.equal((await postBooking(t.app.url, 'confirm', tokenIn(confirm.text_body, 'confirm'))).status, 200);
        assert.ok((await mailTo(t.db, body.email, 'confirmed')).text_body!.includes(text), `${locale}: the confirmation too`);
      }
      const onlyFeatures = await addSession(t.db, { accessFeatures: ['captions'] });
      const body = signup(onlyFeatures.id);
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      assert.match((await mailTo(t.db, body.email, 'confirm-place')).text_body!, /^Access: Live captions$/m);
    });
  });
}
