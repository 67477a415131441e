import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createOrganiser, setDisabled } from '../store/organisers.js';
import { addSession, dbTargets, NOW, postSignup, signup, useApp } from './harness.js';
import { asOrganiser, signIn, type SignedIn } from './organiser-helpers.js';

const TOKEN = 'test-admin-token-scope-0123456789abcdef';

for (const target of dbTargets()) {
  describe(`ADMIN_TOKEN_AREAS scopes the CSV export [${target.name}]`, () => {
    const t = useApp(target, { adminToken: TOKEN, adminTokenAreas: ['Glasgow', 'Fife'] });

    it('exports only signups for sessions in those areas, and audits the export with a row count only', async () => {
      const sessions = await Promise.all(['Glasgow', 'Fife', 'Edinburgh'].map((area) => addSession(t.db, { area })));
      const emails = [];
      for (const s of sessions) {
        const body = signup(s.id);
        emails.push(body.email);
        assert.equal((await postSignup(t.app.url, body)).status, 202);
      }
      const res = await fetch(`${t.app.url}/v1/admin/signups.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      const csv = await res.text();
      assert.ok(csv.includes(emails[0]!) && csv.includes(emails[1]!), 'Glasgow and Fife');
      assert.ok(!csv.includes(emails[2]!), 'not Edinburgh');
      assert.ok(!csv.includes('"Edinburgh"'));
      const filtered = await fetch(`${t.app.url}/v1/admin/signups.csv?area=Edinburgh`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.ok(!(await filtered.text()).includes(emails[2]!), 'a filter cannot widen the scope');
      const { rows } = await t.db.query<{ actor: string; action: string; detail: unknown }>(
        "SELECT actor, action, detail FROM audit_log WHERE action = 'signups.export' ORDER BY id",
      );
      assert.deepEqual(rows.map((r) => [r.actor, r.detail]), [['token:export', { rows: 2 }], ['token:export', { rows: 0 }]]);
    });
  });

  describe(`every admin route × who is asking [${target.name}]`, () => {
    const t = useApp(target, { adminToken: TOKEN, signInLimit: { windowMs: 60_000, max: 1000 } });
    const who: Record<'admin' | 'own' | 'other' | 'disabled', SignedIn> = {} as never;
    let sessionId = '';
    let signupId = 0;
    before(async () => {
      const people = [
        ['admin', 'ada@example.org', 'admin', []],
        ['own', 'gus@example.org', 'organiser', ['Glasgow']],
        ['other', 'fay@example.org', 'organiser', ['Fife']],
        ['disabled', 'dee@example.org', 'organiser', ['Glasgow']],
      ] as const;
      for (const [key, email, role, areas] of people) {
        const row = await createOrganiser(t.db, { email, name: key, role, areas: [...areas] }, NOW);
        who[key] = await signIn(t.app.url, t.db, email);
        if (key === 'disabled') await setDisabled(t.db, row.id, true, NOW);
      }
      sessionId = (await addSession(t.db, { area: 'Glasgow' })).id;
      const { rows } = await t.db.query<{ id: number }>(
        `INSERT INTO signups (reference, idempotency_key, request_hash, session_id, status, hold, first_name, last_name, email, postcode,
                              membership, consent_contact, consent_marketing, created_at)
         VALUES ('REF-SCOPE', 'key-scope', 'h', $1, 'confirmed', 'place', 'Ann', 'Attendee', 'ann@example.org', 'G1 1AA', 'member', true, false, $2)
         RETURNING id`,
        [sessionId, NOW],
      );
      signupId = rows[0]!.id;
      await t.db.query('UPDATE sessions SET spaces_left = spaces_left - 1 WHERE id = $1', [sessionId]);
    });

    const version = async (path: string) => {
      const res = await asOrganiser(t.app.url, who.admin, 'GET', path);
      return (await res.json()) as { version: number };
    };
    let n = 0;
    const s = () => `/v1/admin/sessions/${sessionId}`;
    const times = { start: '2027-01-07T18:30:00Z', end: '2027-01-07T20:30:00Z' };
    const newSession = () => ({ moduleId: 'voter-persuasion', ...times, delivery: 'online', area: 'Glasgow', capacity: 12 });
    const newModule = () => ({ id: `scope-module-${++n}`, title: 'T', summary: 'S', description: 'D', strand: 'field', durationMinutes: 60 });
    /** [route, method, path, body?, If-Match?] and the status for admin, own area, other area, signed out, disabled. */
    const routes: [string, string, () => string, (() => unknown) | undefined, (() => Promise<string>) | undefined, number[]][] = [
      ['list sessions', 'GET', () => '/v1/admin/sessions', undefined, undefined, [200, 200, 200, 401, 401]],
      ['read a session', 'GET', s, undefined, undefined, [200, 200, 404, 401, 401]],
      ['create a session', 'POST', () => '/v1/admin/sessions', newSession, undefined, [201, 201, 403, 401, 401]],
      ['edit a session', 'PATCH', s, () => ({ trainer: `Trainer ${++n}` }), async () => `"${(await version(s())).version}"`, [200, 200, 404, 401, 401]],
      ['duplicate', 'POST', () => `${s()}/duplicate`, () => times, undefined, [201, 201, 404, 401, 401]],
      ['unpublish', 'POST', () => `${s()}/unpublish`, undefined, undefined, [200, 200, 404, 401, 401]],
      ['publish', 'POST', () => `${s()}/publish`, undefined, undefined, [200, 200, 404, 401, 401]],
      ['attendees', 'GET', () => `${s()}/attendees`, undefined, undefined, [200, 200, 404, 401, 401]],
      ['attendance', 'PUT', () => `${s()}/attendance`, () => ({ signupId, attended: true }), undefined, [204, 204, 404, 401, 401]],
      ['list modules', 'GET', () => '/v1/admin/modules', undefined, undefined, [200, 200, 200, 401, 401]],
      ['create a module', 'POST', () => '/v1/admin/modules', newModule, undefined, [201, 403, 403, 401, 401]],
      ['edit a module', 'PATCH', () => '/v1/admin/modules/voter-persuasion', () => ({ beforeYouCome: [`Step ${++n}`] }), async () => `"${await modVersion()}"`, [200, 403, 403, 401, 401]],
      ['audit log', 'GET', () => '/v1/admin/audit', undefined, undefined, [200, 200, 200, 401, 401]],
      ['CSV export', 'GET', () => '/v1/admin/signups.csv', undefined, undefined, [200, 200, 200, 401, 401]],
      ['subject access', 'POST', () => '/v1/admin/people/search', () => ({ email: 'nobody@example.org' }), undefined, [200, 403, 403, 401, 401]],
      ['erasure', 'POST', () => '/v1/admin/people/erase', () => ({ email: 'nobody@example.org', confirm: true }), undefined, [200, 403, 403, 401, 401]],
      ['cancel preview', 'POST', () => `${s()}/cancel-preview`, () => ({ note: 'Sorry' }), undefined, [200, 200, 404, 401, 401]],
      ['cancel', 'POST', () => `${s()}/cancel`, () => ({ note: 'Sorry' }), undefined, [200, 200, 404, 401, 401]],
    ];
    async function modVersion(): Promise<number> {
      const res = await asOrganiser(t.app.url, who.admin, 'GET', '/v1/admin/modules');
      const { modules } = (await res.json()) as { modules: { module: { id: string }; version: number }[] };
      return modules.find((m) => m.module.id === 'voter-persuasion')!.version;
    }

    it('answers each route with the right status for admin, own area, other area, signed out and a disabled account', async () => {
      const got: Record<string, number[]> = {};
      const want: Record<string, number[]> = {};
      for (const [name, method, path, body, ifMatch, expected] of routes) {
        want[name] = expected;
        got[name] = [];
        for (const key of ['admin', 'own', 'other', 'signedOut', 'disabled'] as const) {
          const headers: Record<string, string> = ifMatch ? { 'If-Match': await ifMatch() } : {};
          const res = await asOrganiser(t.app.url, key === 'signedOut' ? null : who[key], method, path(), body?.(), headers);
          got[name].push(res.status);
          if (key === 'other' && res.ok) assert.ok(!(await res.text()).includes(sessionId), `${name}: another area's session is not shown`);
          else await res.body?.cancel();
        }
      }
      assert.deepEqual(got, want);
    });
  });
}
