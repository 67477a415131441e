import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignupResultSchema } from '../../src/contract/index.js';
import { getSession } from '../store/catalogue.js';
import { addSession, countSignups, dbTargets, postSignup, signup, useApp } from './harness.js';

for (const target of dbTargets()) {
  describe(`signup concurrency [${target.name}]`, () => {
    const t = useApp(target);

    it('200 parallel signups for 20 places: 20 confirmed, 180 waitlisted, nothing oversold', async () => {
      const session = await addSession(t.db, { capacity: 20, spacesLeft: 20, waitlist: true });
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => postSignup(t.app.url, signup(session.id, { email: `parallel${i}@example.org` }))),
      );
      assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([201]));
      const results = await Promise.all(responses.map(async (r) => SignupResultSchema.parse(await r.json())));

      assert.equal(results.filter((r) => r.status === 'confirmed').length, 20);
      const waitlisted = results.filter((r) => r.status === 'waitlisted');
      assert.equal(waitlisted.length, 180);
      assert.deepEqual(
        waitlisted.map((r) => r.position).sort((a, b) => a! - b!),
        Array.from({ length: 180 }, (_, i) => i + 1),
        'waiting list positions are 1..180 without gaps or repeats',
      );
      assert.equal(new Set(results.map((r) => r.reference)).size, 200);
      assert.equal(await countSignups(t.db, session.id), 200);

      const after = await getSession(t.db, session.id);
      assert.equal(after?.spacesLeft, 0);
      assert.equal(after?.status, 'full');
      const { rows } = await t.db.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM signups WHERE session_id = $1 GROUP BY status ORDER BY status',
        [session.id],
      );
      assert.deepEqual(rows, [
        { status: 'confirmed', n: 20 },
        { status: 'waitlisted', n: 180 },
      ]);
    });

    it('50 parallel copies of one request make one signup and all get its reference', async () => {
      const session = await addSession(t.db, { capacity: 20, spacesLeft: 20 });
      const body = signup(session.id);
      const responses = await Promise.all(Array.from({ length: 50 }, () => postSignup(t.app.url, body)));
      const statuses = responses.map((r) => r.status).sort();
      assert.equal(statuses.filter((s) => s === 201).length, 1, 'exactly one creates');
      assert.equal(statuses.filter((s) => s === 200).length, 49, 'the rest replay');
      const results = await Promise.all(responses.map(async (r) => SignupResultSchema.parse(await r.json())));
      assert.equal(new Set(results.map((r) => r.reference)).size, 1);
      assert.equal(await countSignups(t.db, session.id), 1);
      assert.equal((await getSession(t.db, session.id))?.spacesLeft, 19);
    });

    it('parallel signups with one email but different keys make one signup', async () => {
      const session = await addSession(t.db, { capacity: 20, spacesLeft: 20 });
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => postSignup(t.app.url, signup(session.id, { email: 'same.person@example.org' }))),
      );
      const results = await Promise.all(responses.map(async (r) => SignupResultSchema.parse(await r.json())));
      assert.equal(new Set(results.map((r) => r.reference)).size, 1);
      assert.equal(await countSignups(t.db, session.id), 1);
      assert.equal((await getSession(t.db, session.id))?.spacesLeft, 19);
    });
  });
}
