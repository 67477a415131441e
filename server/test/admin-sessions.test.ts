/**
 * The admin API's behaviour (issue 12): versions and conflicts, capacity against places taken,
 * reschedule and cancel emails, publishing as members see it, attendance, and the audit trail.
 * Who may call what is admin-scope.test.ts.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ManagedSession } from '../../src/contract/admin.js';
import { createOrganiser } from '../store/organisers.js';
import { addSession, dbTargets, expectProblem, NOW, postSignup, signup, useApp } from './harness.js';
import { mailTo, outbox, postBooking, statusOf, tokenIn } from './journey.js';
import { asOrganiser, signIn, type SignedIn } from './organiser-helpers.js';

for (const target of dbTargets()) {
  describe(`admin API: sessions [${target.name}]`, () => {
    const t = useApp(target, { signInLimit: { windowMs: 60_000, max: 1000 } });
    let admin: SignedIn;
    let adminId = 0;
    before(async () => {
      adminId = (await createOrganiser(t.db, { email: 'ada@example.org', name: 'Ada', role: 'admin', areas: [] }, NOW)).id;
      admin = await signIn(t.app.url, t.db, 'ada@example.org');
    });
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => asOrganiser(t.app.url, admin, method, path, body, headers);
    const read = async (id: string) => {
      const res = await call('GET', `/v1/admin/sessions/${id}`);
      assert.equal(res.status, 200);
      return { etag: res.headers.get('etag')!, body: (await res.json()) as ManagedSession };
    };
    /** A confirmed booking (through the emailed link), or one left pending. */
    const book = async (sessionId: string, confirm = true) => {
      const body = signup(sessionId);
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      if (confirm) assert.equal((await postBooking(t.app.url, 'confirm', tokenIn((await mailTo(t.db, body.email, 'confirm-place')).text_body, 'confirm'))).status, 200);
      return body.email;
    };
    const publicIds = async () => ((await (await fetch(`${t.app.url}/v1/sessions`)).json()) as { sessions: { id: string }[] }).sessions.map((s) => s.id);
    const audits = async (target: string) =>
      (await t.db.query<{ actor: string; action: string; detail: Record<string, unknown> }>('SELECT actor, action, detail FROM audit_log WHERE target = $1 ORDER BY id', [target])).rows;

    it('creates a session unpublished; publishing shows it in the public API at once, unpublishing hides it and refuses signups', async () => {
      const res = await call('POST', '/v1/admin/sessions', { moduleId: 'voter-persuasion', start: '2027-02-04T18:30:00Z', end: '2027-02-04T20:30:00Z', delivery: 'online', area: 'Glasgow', capacity: 10 });
      assert.equal(res.status, 201);
      const created = (await res.json()) as ManagedSession;
      assert.equal(created.published, false);
      assert.deepEqual(created.counts, { capacity: 10, confirmed: 0, pending: 0, waitlisted: 0, cancelled: 0, attended: 0 });
      const id = created.session.id;
      assert.ok(!(await publicIds()).includes(id), 'unpublished: not public');
      await expectProblem(await postSignup(t.app.url, signup(id)), 404, 'not-found');
      assert.equal((await call('POST', `/v1/admin/sessions/${id}/publish`)).status, 200);
      assert.ok((await publicIds()).includes(id), 'published: public straight away (the read cache was cleared)');
      assert.equal((await postSignup(t.app.url, signup(id))).status, 202);
      assert.equal((await call('POST', `/v1/admin/sessions/${id}/unpublish`)).status, 200);
      assert.ok(!(await publicIds()).includes(id));
      assert.equal((await fetch(`${t.app.url}/v1/sessions/${id}.ics`)).status, 404);
      assert.deepEqual((await audits(id)).map((a) => [a.actor, a.action]), [
        [String(adminId), 'session.create'],
        [String(adminId), 'session.publish'],
        [String(adminId), 'session.unpublish'],
      ]);
    });

    it('refuses bad fields with a message per field', async () => {
      const res = await call('POST', '/v1/admin/sessions', { moduleId: 'no-such-module', start: 'tomorrow', end: '2027-02-04T20:30:00Z', delivery: 'in-person', area: '', capacity: 0 });
      const problem = await expectProblem(res, 422, 'validation');
      const fields = Object.fromEntries(problem.errors!.map((e) => [e.field, e.message]));
      assert.match(fields.start!, /ISO 8601/);
      assert.match(fields.capacity!, /at least 1/);
      assert.ok('area' in fields);
    });

    it('edits need the current version: 428 without If-Match, 412 conflict when someone saved first', async () => {
      const session = await addSession(t.db, { area: 'Glasgow' });
      const { etag } = await read(session.id);
      await expectProblemCode(await call('PATCH', `/v1/admin/sessions/${session.id}`, { trainer: 'A' }), 428, 'precondition-required');
      const first = await call('PATCH', `/v1/admin/sessions/${session.id}`, { trainer: 'First' }, { 'If-Match': etag });
      assert.equal(first.status, 200);
      assert.notEqual(first.headers.get('etag'), etag);
      await expectProblemCode(await call('PATCH', `/v1/admin/sessions/${session.id}`, { trainer: 'Second' }, { 'If-Match': etag }), 412, 'conflict');
      assert.equal((await read(session.id)).body.session.trainer, 'First', 'not silently overwritten');
    });

    it('capacity never below the places taken (clear 422); raising it promotes the waiting list first', async () => {
      const session = await addSession(t.db, { area: 'Glasgow', capacity: 2, spacesLeft: 2 });
      await book(session.id);
      await book(session.id);
      const waiter = await book(session.id);
      assert.equal((await statusOf(t.db, waiter, session.id)).status, 'waitlisted');
      let { etag } = await read(session.id);
      const refused = await expectProblem(await call('PATCH', `/v1/admin/sessions/${session.id}`, { capacity: 1 }, { 'If-Match': etag }), 422, 'validation');
      assert.deepEqual(refused.errors, [{ field: 'capacity', message: 'Capacity cannot be below the 2 places already taken' }]);
      const raised = await call('PATCH', `/v1/admin/sessions/${session.id}`, { capacity: 4 }, { 'If-Match': etag });
      assert.equal(raised.status, 200);
      const body = (await raised.json()) as ManagedSession;
      assert.equal((await statusOf(t.db, waiter, session.id)).status, 'confirmed', 'the first waiter got a place');
      assert.equal((await mailTo(t.db, waiter, 'promoted')).to_address, waiter);
      assert.deepEqual([body.session.capacity, body.session.spacesLeft, body.counts.confirmed, body.counts.waitlisted], [4, 1, 3, 0]);
      ({ etag } = await read(session.id));
      const lowered = (await (await call('PATCH', `/v1/admin/sessions/${session.id}`, { capacity: 3 }, { 'If-Match': etag })).json()) as ManagedSession;
      assert.deepEqual([lowered.session.spacesLeft, lowered.session.status], [0, 'full']);
    });

    it('new times reschedule: everyone booked is emailed (with the note); the audit row has counts, no names', async () => {
      const session = await addSession(t.db, { area: 'Glasgow' });
      const confirmed = await book(session.id);
      const pending = await book(session.id, false);
      const { etag } = await read(session.id);
      const res = await call('PATCH', `/v1/admin/sessions/${session.id}`, { start: '2026-12-10T18:30:00Z', end: '2026-12-10T20:30:00Z', note: 'New room booking' }, { 'If-Match': etag });
      assert.equal(res.status, 200);
      for (const email of [confirmed, pending]) assert.match((await mailTo(t.db, email, 'session-changed')).text_body ?? '', /New room booking/);
      const rows = await audits(session.id);
      assert.deepEqual(rows.at(-1), { actor: String(adminId), action: 'session.update', detail: { fields: ['start', 'end'], emailed: 2 } });
      assert.ok(!JSON.stringify(rows).includes('@'));
    });

    it('cancel ends every booking, the waiting list too, and emails each; duplicate copies it unpublished with no bookings', async () => {
      const session = await addSession(t.db, { area: 'Glasgow', capacity: 1, spacesLeft: 1 });
      const booked = await book(session.id);
      const waiting = await book(session.id);
      const res = await call('POST', `/v1/admin/sessions/${session.id}/cancel`, { note: 'Trainer unwell' });
      assert.equal(res.status, 200);
      const body = (await res.json()) as ManagedSession;
      assert.deepEqual([body.session.status, body.counts.cancelled, body.counts.waitlisted, body.counts.confirmed], ['cancelled', 2, 0, 0]);
      for (const email of [booked, waiting]) assert.match((await mailTo(t.db, email, 'session-cancelled')).text_body ?? '', /Trainer unwell/);
      const copy = await call('POST', `/v1/admin/sessions/${session.id}/duplicate`, { start: '2027-03-04T18:30:00Z', end: '2027-03-04T20:30:00Z' });
      assert.equal(copy.status, 201);
      const dup = (await copy.json()) as ManagedSession;
      assert.deepEqual([dup.published, dup.session.status, dup.session.spacesLeft, dup.session.area, dup.counts.confirmed], [false, 'scheduled', 1, 'Glasgow', 0]);
      assert.notEqual(dup.session.id, session.id);
    });

    it('lists attendees with their status and marks attendance of confirmed bookings only', async () => {
      const session = await addSession(t.db, { area: 'Glasgow' });
      const confirmed = await book(session.id);
      await book(session.id, false);
      const res = await call('GET', `/v1/admin/sessions/${session.id}/attendees`);
      const { attendees } = (await res.json()) as { attendees: { signupId: number; email: string; status: string; attended: boolean }[] };
      assert.deepEqual(attendees.map((a) => [a.status, a.attended]), [['confirmed', false], ['pending', false]]);
      const [yes, no] = attendees;
      assert.equal(yes!.email, confirmed);
      assert.equal((await call('PUT', `/v1/admin/sessions/${session.id}/attendance`, { signupId: yes!.signupId, attended: true })).status, 204);
      const refused = await expectProblem(await call('PUT', `/v1/admin/sessions/${session.id}/attendance`, { signupId: no!.signupId, attended: true }), 422, 'validation');
      assert.equal(refused.errors?.[0]?.field, 'signupId');
      assert.equal((await read(session.id)).body.counts.attended, 1);
      const other = await addSession(t.db, { area: 'Glasgow' });
      assert.equal((await call('PUT', `/v1/admin/sessions/${other.id}/attendance`, { signupId: yes!.signupId, attended: true })).status, 404, 'a booking of another session');
      assert.ok((await audits(session.id)).some((a) => a.action === 'session.attendance' && a.detail.attended === true));
      assert.equal((await outbox(t.db, "kind = 'session-changed' AND to_address = $1", [confirmed])).length, 0);
    });

    it('modules: create and edit with a version; the audit log pages newest first', async () => {
      const created = await call('POST', '/v1/admin/modules', { id: 'test-module', title: 'Test', summary: 'S', description: 'D', strand: 'field', durationMinutes: 90 });
      assert.equal(created.status, 201);
      const etag = created.headers.get('etag')!;
      assert.equal((await call('PATCH', '/v1/admin/modules/test-module', { title: 'Renamed' }, { 'If-Match': etag })).status, 200);
      await expectProblemCode(await call('PATCH', '/v1/admin/modules/test-module', { title: 'Again' }, { 'If-Match': etag }), 412, 'conflict');
      const titles = ((await (await fetch(`${t.app.url}/v1/modules`)).json()) as { modules: { id: string; title: string }[] }).modules;
      assert.equal(titles.find((m) => m.id === 'test-module')?.title, 'Renamed');
      const page = (await (await call('GET', '/v1/admin/audit?limit=2')).json()) as { entries: { id: string; action: string }[]; next?: string };
      assert.deepEqual(page.entries.map((e) => e.action), ['module.update', 'module.create']);
      const older = (await (await call('GET', `/v1/admin/audit?limit=2&before=${page.next}`)).json()) as { entries: { id: string }[] };
      assert.ok(Number(older.entries[0]!.id) < Number(page.entries[1]!.id));
      await expectProblem(await call('GET', '/v1/admin/audit?limit=500'), 400, 'bad-request');
    });
  });
}

/** expectProblem for the organisers' own codes (conflict, precondition-required), which the members' schema does not list. */
async function expectProblemCode(res: Response, status: number, code: string): Promise<void> {
  assert.equal(res.status, status, `expected ${status} ${code}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(((await res.json()) as { code: string }).code, code);
}
