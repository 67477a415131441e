import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignupResultSchema } from '../../src/contract/index.js';
import { getSession } from '../store/catalogue.js';
import { addSession, countSignups, dbTargets, postSignup, signup, useApp } from './harness.js';
import { outbox } from './journey.js';

for (const target of dbTargets()) {
  describe(`signup concurrency [${target.name}]`, () => {
    const t = useApp(target);

    it('200 parallel signups for 20 places: 20 places held, 180 waiting-list slots in one order, nothing oversold', async () => {
      const session = await addSession(t.db, { capacity: 20, spacesLeft: 20, waitlist: true });
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, i) => postSignup(t.app.url, signup(session.id, { email: `parallel${i}@example.org` }))),
      );
      assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([202]));
      const results = await Promise.all(responses.map(async (r) => SignupResultSchema.parse(await r.json())));

      assert.equal(results.filter((r) => r.hold === 'place').length, 20);
      assert.equal(results.filter((r) => r.hold === 'waitlist').length, 180);
      const { rows: queue } = await t.db.query<{ position: number }>(
        `SELECT position FROM signups WHERE session_id = $1 AND hold = 'waitlist' ORDER BY position`,
        [session.id],
      );
      assert.deepEqual(
        queue.map((r) => r.position),
        Array.from({ length: 180 }, (_, i) => i + 1),
        'waiting list order is 1..180 without gaps or repeats',
      );
      assert.equal(await countSignups(t.db, session.id), 200);

      const after = await getSession(t.db, session.id);
      assert.equal(after?.spacesLeft, 0);
      assert.equal(after?.status, 'full');
      const { rows } = await t.db.query<{ hold: string; n: number }>(
        `SELECT hold, count(*)::int AS n FROM signups WHERE session_id = $1 AND status = 'pending' GROUP BY hold ORDER BY hold`,
        [session.id],
      );
      assert.deepEqual(rows, [
        { hold: 'place', n: 20 },
        { hold: 'waitlist', n: 180 },
      ]);
      assert.equal((await outbox(t.db, `kind = 'confirm-place' AND signup_id IN (SELECT id FROM signups WHERE session_id = $1)`, [session.id])).length, 200);
    });

    it('50 parallel copies of one request make one signup, one email, and all get its answer', async () => {
      const session = await addSession(t.db, { capacity: 20, spacesLeft: 20 });
      const body = signup(session.id);
      const responses = await Promise.all(Array.from({ length: 50 }, () => postSignup(t.app.url, body)));
      const statuses = responses.map((r) => r.status).sort();
      assert.equal(statuses.filter((s) => s === 202).length, 1, 'exactly one creates');
      assert.equal(statuses.filter((s) => s === 200).length, 49, 'the rest replay');
      const results = await Promise.all(responses.map(async (r) => SignupResultSchema.parse(await r.json())));
      assert.equal(new Set(results.map((r) => JSON.stringify(r))).size, 1);
      assert.equal(await countSignups(t.db, session.id), 1);
      assert.equal((await getSession(t.db, session.id))?.spacesLeft, 19);
      assert.equal((await outbox(t.db, 'to_address = $1', [body.email])).length, 1);
    });

    it('parallel signups with one email but different keys make one signup; the others email "already booked"', async () => {
      const session = await addSession(t.db, { capacity: 20, spacesLeft: 20 });
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => postSignup(t.app.url, signup(session.id, { email: 'same.person@example.org' }))),
      );
      const results = await Promise.all(responses.map(async (r) => SignupResultSchema.parse(await r.json())));
      assert.equal(new Set(results.map((r) => JSON.stringify(r))).size, 1);
      assert.equal(await countSignups(t.db, session.id), 1);
      assert.equal((await getSession(t.db, session.id))?.spacesLeft, 19);
      const kinds = (await outbox(t.db, 'to_address = $1', ['same.person@example.org'])).map((r) => r.kind);
      assert.deepEqual(kinds.sort(), ['confirm-place', ...Array(19).fill('already-booked')].sort());
    });
  });
}
