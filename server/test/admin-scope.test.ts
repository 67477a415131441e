import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addSession, dbTargets, postSignup, signup, useApp } from './harness.js';

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
}
