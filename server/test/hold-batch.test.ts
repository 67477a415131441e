import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignupResultSchema } from '../../src/contract/index.js';
import type { Db } from '../db/types.js';
import { queuedFor } from '../store/hold-batch.js';
import { addSession, dbTargets, postSignup, signup, startApp, type Running } from './harness.js';
import { outbox } from './journey.js';

/**
 * Group commit (store/hold-batch.ts): signups that arrive for a session while its hold statement
 * runs go together in the next. The first hold is held back here until the others are waiting,
 * so the batch is certain, not left to timing.
 */
for (const target of dbTargets()) {
  describe(`holds batched per session [${target.name}]`, () => {
    let db: Db;
    let app: Running;
    /** The hold statements run, by name, with how many signups each carried. */
    const holds: { name: string; signups: number; emails: string[]; failed?: boolean }[] = [];
    /** Set by a test: the first hold statement waits for this. */
    let gate: Promise<void> | undefined;
    /** Set by a test: runs after the pre-hold read of a signup (by its email). */
    let afterRead: ((email: string) => Promise<void>) | undefined;
    /** Set by a test: runs before the next batch statement, and what it returns, once that statement has started. */
    let beforeBatch: (() => Promise<() => Promise<void>>) | undefined;

    before(async () => {
      const inner = await target.open();
      db = {
        ...inner,
        async query(sql, params = [], options) {
          const name = options?.prepare;
          if (name === 'signup-hold' && gate) await gate.finally(() => (gate = undefined));
          const started = name === 'signup-hold-many' && beforeBatch ? await beforeBatch().finally(() => (beforeBatch = undefined)) : undefined;
          const result = inner.query(sql, params, options);
          if (started) await started();
          if (name === 'signup-read' && afterRead) await result.then(() => afterRead?.(String(params[2])));
          if (name?.startsWith('signup-hold')) {
            const emails = name === 'signup-hold' ? [String(params.find((v) => /@example\.org$/.test(String(v))))] : (JSON.parse(String(params[1])) as { email: string }[]).map((r) => r.email);
            const entry = { name, signups: emails.length, emails };
            holds.push(entry);
            await result.catch(() => Object.assign(entry, { failed: true }));
          }
          return result as never;
        },
        close: () => inner.close(),
      };
      app = await startApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    /** Posts `bodies` at once; the first one's hold waits until all the others are queued behind it. */
    async function burst(sessionId: string, bodies: ReturnType<typeof signup>[]) {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      const responses = Promise.all(bodies.map((body) => postSignup(app.url, body)));
      while (queuedFor(db, sessionId) < bodies.length - 1) await new Promise((resolve) => setTimeout(resolve, 5));
      open();
      return Promise.all((await responses).map(async (r) => ({ status: r.status, body: SignupResultSchema.parse(await r.json()) })));
    }

    it('takes 40 signups for 10 places in two statements: places, then the waiting list in arrival order, each with its own email', async () => {
      holds.length = 0;
      const session = await addSession(db, { capacity: 10, spacesLeft: 10, waitlist: true });
      const bodies = Array.from({ length: 40 }, (_, i) => signup(session.id, { firstName: `Batch${i}` }));
      const answers = await burst(session.id, bodies);

      assert.deepEqual(
        holds.map((h) => [h.name, h.signups]),
        [
          ['signup-hold', 1],
          ['signup-hold-many', 39],
        ],
      );
      assert.ok(answers.every((a) => a.status === 202));
      assert.equal(answers.filter((a) => a.body.hold === 'place').length, 10);

      const { rows } = await db.query<{ email: string; hold: string; position: number | null; tokens: number; requests: number }>(
        `SELECT email, hold, position,
                (SELECT count(*)::int FROM booking_tokens t WHERE t.signup_id = s.id AND t.purpose = 'confirm') AS tokens,
                (SELECT count(*)::int FROM signup_requests r WHERE r.idempotency_key = s.idempotency_key AND r.hold = s.hold) AS requests
           FROM signups s WHERE session_id = $1`,
        [session.id],
      );
      assert.equal(rows.length, 40);
      const byEmail = new Map(rows.map((r) => [r.email, r]));
      // The lone first signup took a place; the batch then took places and numbers in the order it arrived in.
      assert.equal(byEmail.get(holds[0]!.emails[0]!)!.hold, 'place');
      assert.deepEqual(
        holds[1]!.emails.map((email) => [byEmail.get(email)!.hold, byEmail.get(email)!.position]),
        holds[1]!.emails.map((_, i) => (i < 9 ? ['place', null] : ['waitlist', i - 8])),
      );
      assert.ok(rows.every((r) => r.tokens === 1 && r.requests === 1));
      // Each answer is what was stored for it.
      answers.forEach((a, i) => assert.equal(a.body.hold, byEmail.get(bodies[i]!.email)!.hold));

      const mails = await outbox(db, `kind = 'confirm-place' AND signup_id IN (SELECT id FROM signups WHERE session_id = $1)`, [session.id]);
      assert.equal(mails.length, 40);
      for (const body of bodies) {
        const mail = mails.find((m) => m.to_address === body.email)!;
        const hold = byEmail.get(body.email)!.hold;
        assert.match(mail.text_body!, new RegExp(`Hello ${body.firstName}\\b`));
        assert.equal(mail.text_body!.includes('holding a place on the waiting list'), hold === 'waitlist', `${body.email} ${hold}`);
        assert.ok(!mail.text_body!.includes('\u0000') && !mail.html_body!.includes('\u0000'));
      }
      const after = await db.query<{ spaces_left: number; waitlist_count: number; status: string }>(
        'SELECT spaces_left, waitlist_count, status FROM sessions WHERE id = $1',
        [session.id],
      );
      assert.deepEqual(after.rows[0], { spaces_left: 0, waitlist_count: 30, status: 'full' });
    });

    it('with no waiting list, a batch takes what places are left and the rest are told the session is full', async () => {
      holds.length = 0;
      const session = await addSession(db, { capacity: 5, spacesLeft: 5, waitlist: false });
      const bodies = Array.from({ length: 12 }, () => signup(session.id));
      const responses = Promise.all(bodies.map((body) => postSignup(app.url, body)));
      const statuses = (await responses).map((r) => r.status).sort();
      assert.deepEqual(statuses, [...Array(5).fill(202), ...Array(7).fill(409)]);
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signups WHERE session_id = $1', [session.id]);
      assert.equal(rows[0]!.n, 5);
    });

    /** A pending signup for `email`, made another way (as another process, or an organiser, would). */
    const clashRow = (sessionId: string, email: string) =>
      [
        `INSERT INTO signups (reference, idempotency_key, request_hash, session_id, hold, first_name, last_name, email, postcode,
                              membership, consent_contact, consent_marketing, return_url, created_at, locale, status)
         VALUES ('MOB-' || upper(substr(md5(random()::text), 1, 6)), 'other-way-' || md5(random()::text), 'x', $1, NULL, 'Other', 'Way',
                 $2, 'G1 1AA', 'member', true, false, 'http://localhost:5173/', now(), 'en-GB', 'pending')`,
        [sessionId, email],
      ] as const;

    /** Seven signups in arrival order, for three places and a waiting list. */
    const SEVEN_FOR_THREE_PLACES = [...Array(3).fill(['place', null]), ...[1, 2, 3, 4].map((n) => ['waitlist', n])];

    /** What the session's own signups (not the clash's) hold, in the order they reached the hold statements. */
    async function heldInArrivalOrder(sessionId: string, clash: string) {
      const { rows } = await db.query<{ email: string; hold: string | null; position: number | null }>(
        `SELECT email, hold, position FROM signups WHERE session_id = $1 AND first_name <> 'Other'`,
        [sessionId],
      );
      assert.ok(!rows.some((r) => r.email === clash), 'the clash was not booked a second time');
      const arrived = [holds[0]!.emails[0]!, ...holds[1]!.emails].filter((email) => email !== clash);
      return arrived.map((email) => {
        const row = rows.find((r) => r.email === email)!;
        return [row.hold, row.position];
      });
    }

    it('passes over an address booked another way since its read: the rest hold as usual, it looks again and is told it is booked', async () => {
      holds.length = 0;
      const session = await addSession(db, { capacity: 3, spacesLeft: 3, waitlist: true });
      const bodies = Array.from({ length: 8 }, () => signup(session.id));
      const clash = bodies[4]!;
      afterRead = async (email) => {
        if (email !== clash.email) return;
        afterRead = undefined; // once: when it looks again, its read must find this booking
        await db.query(...clashRow(session.id, clash.email));
      };
      try {
        const answers = await burst(session.id, bodies);
        assert.ok(answers.every((a) => a.status === 202));
      } finally {
        afterRead = undefined;
      }
      assert.deepEqual(
        holds.map((h) => [h.name, h.signups, h.failed ?? false]),
        [
          ['signup-hold', 1, false],
          ['signup-hold-many', 7, false],
        ],
        'the batch did not fail, and nothing ran twice',
      );
      assert.deepEqual(await heldInArrivalOrder(session.id, clash.email), SEVEN_FOR_THREE_PLACES);
      assert.deepEqual((await outbox(db, 'to_address = $1', [clash.email])).map((m) => m.kind), ['already-booked']);
    });

    // PGlite runs one statement at a time, so nothing can commit while a batch runs: PostgreSQL only.
    if (target.name === 'postgres') {
      it('a batch a unique index aborts (a booking committed while it ran) runs again one by one; the clash looks again', async () => {
        holds.length = 0;
        const session = await addSession(db, { capacity: 3, spacesLeft: 3, waitlist: true });
        const bodies = Array.from({ length: 8 }, () => signup(session.id));
        const clash = bodies[4]!;
        // Just before the batch: another transaction books the clash's address and stays open until the
        // batch waits on it, so the batch cannot see that booking and its insert meets the unique index.
        beforeBatch = async () => {
          let release!: () => void;
          const held = new Promise<void>((resolve) => (release = resolve));
          let inserted!: () => void;
          const ready = new Promise<void>((resolve) => (inserted = resolve));
          const done = db.transaction(async (tx) => {
            await tx.query(...clashRow(session.id, clash.email));
            inserted();
            await held;
          });
          await ready;
          return async () => {
            for (;;) {
              const { rows } = await db.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH cur AS%'`,
              );
              if (rows[0]!.n > 0) break;
              await new Promise((resolve) => setTimeout(resolve, 5));
            }
            release();
            await done;
          };
        };
        const answers = await burst(session.id, bodies);
        assert.ok(answers.every((a) => a.status === 202));
        // The batch of the seven behind the first fails whole; each runs again alone, in arrival order,
        // and the clash's own statement fails too, so its request looks again (and finds the booking).
        assert.deepEqual(
          holds.map((h) => [h.name, h.signups, h.failed ?? false]),
          [['signup-hold', 1, false], ['signup-hold-many', 7, true], ...holds[1]!.emails.map((email) => ['signup-hold', 1, email === clash.email])],
        );
        assert.deepEqual(holds.slice(2).map((h) => h.emails[0]), holds[1]!.emails, 'one by one, in arrival order');
        assert.deepEqual(await heldInArrivalOrder(session.id, clash.email), SEVEN_FOR_THREE_PLACES);
        assert.deepEqual((await outbox(db, 'to_address = $1', [clash.email])).map((m) => m.kind), ['already-booked']);
      });
    }
  });
}
