/**
 * 200 requests at once against a small session: cancellations (each twice), confirmations (each
 * twice) and new signups. Counts stay exact, the waiting list keeps its order, nobody is promoted
 * twice, and every email is in the outbox exactly once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getSession } from '../store/catalogue.js';
import { addSession, dbTargets, postSignup, signup, useApp } from './harness.js';
import { mailTo, outbox, postBooking, tokenIn } from './journey.js';

const CAPACITY = 10;

for (const target of dbTargets()) {
  describe(`journey concurrency [${target.name}]`, () => {
    const t = useApp(target);

    it('200 parallel cancels, confirmations and signups keep counts, order, promotions and emails exact', async () => {
      const session = await addSession(t.db, { capacity: CAPACITY, spacesLeft: CAPACITY, waitlist: true });
      const join = async (who: string) => {
        const email = `${who}@example.org`;
        assert.equal((await postSignup(t.app.url, signup(session.id, { email }))).status, 202);
        return { email, confirm: tokenIn((await mailTo(t.db, email, 'confirm-place')).text_body, 'confirm') };
      };
      const confirm = async (token: string) => ((await (await postBooking(t.app.url, 'confirm', token)).json()) as { manageToken: string }).manageToken;

      // Ten booked, twenty confirmed on the waiting list (w0…w19 in that order), ten still pending on it.
      const booked = [];
      for (let i = 0; i < CAPACITY; i++) {
        const p = await join(`booked${i}`);
        booked.push({ ...p, manage: await confirm(p.confirm) });
      }
      const waiting = [];
      for (let i = 0; i < 20; i++) {
        const w = await join(`waiting${i}`);
        waiting.push({ ...w, manage: await confirm(w.confirm) });
      }
      const pending = [];
      for (let i = 0; i < 10; i++) pending.push(await join(`pending${i}`));
      const before = await outbox(t.db, 'signup_id IN (SELECT id FROM signups WHERE session_id = $1)', [session.id]);

      // Every booked member cancels (twice), so do the last ten waiting; the pending confirm (twice); 140 new people sign up.
      const cancels = [...booked, ...waiting.slice(10)].flatMap((b) => [b.manage, b.manage]);
      const confirms = pending.flatMap((p) => [p.confirm, p.confirm]);
      const ops = [
        ...cancels.map((token) => ['cancel', () => postBooking(t.app.url, 'cancel', token)] as const),
        ...confirms.map((token) => ['confirm', () => postBooking(t.app.url, 'confirm', token)] as const),
        ...Array.from({ length: 140 }, (_, i) => ['signup', () => postSignup(t.app.url, signup(session.id, { email: `rush${i}@example.org` }))] as const),
      ];
      assert.equal(ops.length, 200);
      const answers = await Promise.all(ops.map(async ([kind, run]) => [kind, (await run()).status] as const));
      const tally = (kind: string) => answers.filter(([k]) => k === kind).map(([, s]) => s).sort();
      assert.deepEqual(new Set(tally('cancel')), new Set([200]), 'cancelling twice answers the cancelled booking');
      assert.deepEqual(tally('confirm'), [...Array(10).fill(200), ...Array(10).fill(409)], 'each confirm token works once');
      assert.deepEqual(new Set(tally('signup')), new Set([202]));

      const { rows } = await t.db.query<{ id: number; email: string; status: string; hold: string | null; position: number | null }>(
        'SELECT id, email, status, hold, position FROM signups WHERE session_id = $1 ORDER BY id',
        [session.id],
      );
      const by = (email: string) => rows.find((r) => r.email === email)!;
      const places = rows.filter((r) => r.hold === 'place');
      const after = await getSession(t.db, session.id);
      assert.equal(places.length, CAPACITY, 'every place held, none oversold');
      assert.equal(after?.spacesLeft, 0);
      // The ten cancelled places went to the first ten waiting, in order; nobody else moved up.
      assert.deepEqual(
        places.map((r) => r.email).sort(),
        waiting.slice(0, 10).map((w) => w.email).sort(),
      );
      for (const w of waiting.slice(0, 10)) assert.equal(by(w.email).status, 'confirmed');
      const stillWaiting = rows.filter((r) => r.hold === 'waitlist');
      assert.equal(stillWaiting.length, 10 + 140, 'the pending ten and the 140 new are on the list');
      const queue = stillWaiting.map((r) => r.position!);
      assert.deepEqual(queue, [...queue].sort((a, b) => a - b), 'queue order is join order');
      assert.equal(new Set(queue).size, queue.length, 'no two share a place in the queue');
      assert.ok(Math.max(...places.map((r) => r.position!)) < Math.min(...queue), 'promoted ones were ahead of everyone still waiting');
      for (const p of pending) assert.equal(by(p.email).status, 'waitlisted');

      // Emails: exactly once each, written with the change they report.
      const mails = (await outbox(t.db, 'signup_id IN (SELECT id FROM signups WHERE session_id = $1)', [session.id])).slice(before.length);
      const count = (email: string, kind: string) => mails.filter((m) => m.to_address === email && m.kind === kind).length;
      for (const b of [...booked, ...waiting.slice(10)]) assert.equal(count(b.email, 'cancelled'), 1, `${b.email} told once of the cancellation`);
      for (const w of waiting.slice(0, 10)) assert.equal(count(w.email, 'promoted'), 1, `${w.email} promoted once`);
      assert.equal(mails.filter((m) => m.kind === 'promoted' || m.kind === 'place-offered').length, 10, 'no one promoted twice');
      for (const p of pending) assert.equal(count(p.email, 'waitlisted'), 1);
      for (let i = 0; i < 140; i++) assert.equal(count(`rush${i}@example.org`, 'confirm-place'), 1);
      assert.equal(mails.length, 20 + 10 + 10 + 10 + 140, 'cancellations, promotions, their reminders, confirmations, new holds');
    });
  });
}
