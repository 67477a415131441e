/**
 * A series in one signup (issue 14): part one and part two, or a set of workshops, booked all or
 * none in one transaction, with one email and one confirm link; each place cancelled on its own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignupResultSchema, type Session, type SignupInput } from '../../src/contract/index.js';
import type { Db } from '../db/types.js';
import { DEFAULT_MAIL_SETTINGS } from '../mail/settings.js';
import { createMailWorker, smtpTransport } from '../mail/worker.js';
import { getSession } from '../store/catalogue.js';
import { expireHolds } from '../store/holds.js';
import { seriesErrors, type SeriesItem } from '../store/series-rules.js';
import { startCatcher } from '../../scripts/mail-catcher.js';
import { addSession, dbTargets, expectProblem, NOW, postSignup, signup, startApp, useApp } from './harness.js';
import { mailTo, outbox, postBooking, tokenIn } from './journey.js';

const day = (d: number, hour = 18) => `2026-12-${String(d).padStart(2, '0')}T${hour}:30:00+00:00`;

/** Field organising part one on the 3rd and part two on the 10th (their order swapped with `swap`), each its own capacity. */
async function parts(db: Db, capacity: [number, number] = [10, 10], swap = false): Promise<[Session, Session]> {
  const at = (d: number) => ({ start: day(d), end: day(d, 20), signupDeadline: day(d - 1) });
  const one = await addSession(db, { moduleId: 'field-organising-1', capacity: capacity[0], spacesLeft: capacity[0], waitlist: true, ...at(swap ? 10 : 3) });
  const two = await addSession(db, { moduleId: 'field-organising-2', capacity: capacity[1], spacesLeft: capacity[1], waitlist: true, ...at(swap ? 3 : 10) });
  return [one, two];
}

const series = (first: Session, rest: Session[], overrides: Partial<SignupInput> = {}) =>
  signup(first.id, { alsoSessionIds: rest.map((s) => s.id), ...overrides });

const spaces = async (db: Db, ...sessions: Session[]) => Promise.all(sessions.map(async (s) => (await getSession(db, s.id))!.spacesLeft));

async function rows(db: Db, email: string) {
  const { rows } = await db.query<{ id: number; session_id: string; status: string; hold: string | null; hold_expires_at: Date | null }>(
    'SELECT id, session_id, status, hold, hold_expires_at FROM signups WHERE lower(email) = lower($1) ORDER BY id',
    [email],
  );
  return rows;
}

/** Who holds places in these sessions, and how many each. */
async function holders(db: Db, ...sessions: Session[]) {
  const { rows } = await db.query<{ email: string; n: number }>(
    "SELECT email, count(*)::int AS n FROM signups WHERE session_id = ANY($1) AND hold = 'place' GROUP BY email",
    [sessions.map((s) => s.id)],
  );
  return rows;
}

describe('what makes a series (pure rules)', () => {
  const module = (id: string, series: string | null, prerequisites: string[] = []) => ({ id, title: id, series, prerequisites });
  const fo1 = module('field-organising-1', 'field-organising');
  const fo2 = module('field-organising-2', 'field-organising', ['field-organising-1']);
  const item = (field: string, m: SeriesItem['module'], d: number): SeriesItem => ({ field, module: m, start: new Date(day(d)) });

  it('part one before part two is a series, in either order of naming', () => {
    assert.deepEqual(seriesErrors([item('sessionId', fo1, 3), item('alsoSessionIds.0', fo2, 10)]), []);
    assert.deepEqual(seriesErrors([item('sessionId', fo2, 10), item('alsoSessionIds.0', fo1, 3)]), []);
  });

  it('workshops of one series go in any order; a module only needed first joins them too', () => {
    const workshops = ['social', 'advertising', 'video'].map((w) => module(`message-digital-${w}`, 'message-digital'));
    assert.deepEqual(seriesErrors(workshops.map((m, i) => item(i ? `alsoSessionIds.${i - 1}` : 'sessionId', m, 10 - i))), []);
    const basics = module('basics', null);
    const next = module('next', null, ['basics']);
    assert.deepEqual(seriesErrors([item('sessionId', next, 10), item('alsoSessionIds.0', basics, 3)]), []);
  });

  it('part two before part one is refused on part two, in words', () => {
    const [error, ...more] = seriesErrors([item('sessionId', fo1, 10), item('alsoSessionIds.0', fo2, 3)]);
    assert.equal(more.length, 0);
    assert.equal(error?.field, 'alsoSessionIds.0');
    assert.equal(
      error?.message,
      'field-organising-2 on Thursday 3 December at 6:30 pm starts before field-organising-1 on Thursday 10 December at 6:30 pm, which comes first: choose a session of field-organising-1 that starts earlier.',
    );
  });

  it('a session of another module, or a second session of one, is refused by its field', () => {
    const other = module('voter-persuasion', null);
    assert.deepEqual(
      seriesErrors([item('sessionId', fo1, 3), item('alsoSessionIds.0', fo2, 10), item('alsoSessionIds.1', other, 12), item('alsoSessionIds.2', fo1, 4)]).map((e) => e.field),
      ['alsoSessionIds.1', 'alsoSessionIds.2'],
    );
    const [unrelated] = seriesErrors([item('sessionId', fo1, 3), item('alsoSessionIds.0', other, 10)]);
    assert.match(unrelated!.message, /^voter-persuasion does not go with field-organising-1: .* Book it on its own\.$/);
  });
});

for (const target of dbTargets()) {
  describe(`a series in one signup [${target.name}]`, () => {
    const t = useApp(target);

    it('books part one and part two in one request: one hold, one email, one link that confirms both', async () => {
      const [one, two] = await parts(t.db);
      const body = series(two, [one], { firstName: 'Isla' });
      const res = await postSignup(t.app.url, body);
      assert.equal(res.status, 202);
      const result = SignupResultSchema.parse(await res.json());
      assert.deepEqual(result, { status: 'pending', sessionId: two.id, alsoSessionIds: [one.id], hold: 'place', holdExpiresAt: '2026-11-27T12:00:00+00:00' });
      assert.deepEqual(await spaces(t.db, one, two), [9, 9]);
      const held = await rows(t.db, body.email);
      assert.deepEqual(held.map((r) => [r.session_id, r.status, r.hold]), [[one.id, 'pending', 'place'], [two.id, 'pending', 'place']], 'part one first');
      assert.equal(new Set(held.map((r) => new Date(r.hold_expires_at!).toISOString())).size, 1, 'one hold for both');

      const mails = await outbox(t.db, 'to_address = $1', [body.email]);
      assert.deepEqual(mails.map((m) => m.kind), ['confirm-place'], 'one email');
      assert.equal(mails[0]!.subject, 'Confirm your places: Field Organising (part one), Field Organising (part two)');
      const text = mails[0]!.text_body!;
      assert.equal(text.match(/#mobilise-confirm=/g)?.length, 1, 'one confirm link');
      assert.ok(text.indexOf('Thursday, 3 December 2026') < text.indexOf('Thursday, 10 December 2026'), 'both sessions, part one first');

      const confirmed = await postBooking(t.app.url, 'confirm', tokenIn(text, 'confirm'));
      assert.equal(confirmed.status, 200);
      assert.equal(((await confirmed.json()) as { session: Session }).session.id, one.id);
      assert.deepEqual((await rows(t.db, body.email)).map((r) => r.status), ['confirmed', 'confirmed']);
      assert.equal((await postBooking(t.app.url, 'confirm', tokenIn(text, 'confirm'))).status, 409, 'the link works once');

      // Each place has its own booking email and manage link; cancelling one frees only it.
      const booked = await outbox(t.db, "to_address = $1 AND kind = 'confirmed'", [body.email]);
      assert.equal(booked.length, 2);
      const manageTwo = tokenIn(booked.find((m) => m.signup_id === held[1]!.id)!.text_body, 'booking');
      const cancelled = await postBooking(t.app.url, 'cancel', manageTwo);
      assert.equal(cancelled.status, 200);
      assert.equal(((await cancelled.json()) as { status: string }).status, 'cancelled');
      assert.deepEqual((await rows(t.db, body.email)).map((r) => r.status), ['confirmed', 'cancelled']);
      assert.deepEqual(await spaces(t.db, one, two), [9, 10]);
    });

    it('cancelling one place of a series frees only it, and that session’s waiting list moves up as for any booking', async () => {
      const [one, two] = await parts(t.db, [5, 1]);
      const body = series(one, [two]);
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      const confirmLink = tokenIn((await mailTo(t.db, body.email, 'confirm-place')).text_body, 'confirm');
      assert.equal((await postBooking(t.app.url, 'confirm', confirmLink)).status, 200);
      const waiting = signup(two.id);
      assert.equal((await postSignup(t.app.url, waiting)).status, 202);
      assert.equal((await postBooking(t.app.url, 'confirm', tokenIn((await mailTo(t.db, waiting.email, 'confirm-place')).text_body, 'confirm'))).status, 200);

      const [, partTwo] = await rows(t.db, body.email);
      const booked = await outbox(t.db, "kind = 'confirmed' AND signup_id = $1", [partTwo!.id]);
      assert.equal((await postBooking(t.app.url, 'cancel', tokenIn(booked[0]!.text_body, 'booking'))).status, 200);
      assert.deepEqual((await rows(t.db, body.email)).map((r) => r.status), ['confirmed', 'cancelled']);
      assert.deepEqual((await rows(t.db, waiting.email)).map((r) => [r.status, r.hold]), [['confirmed', 'place']], 'the first on the list has the place');
      assert.equal((await outbox(t.db, "to_address = $1 AND kind = 'promoted'", [waiting.email])).length, 1);
      assert.deepEqual(await spaces(t.db, one, two), [4, 0]);
    });

    it('a full session refuses the whole request, naming it: nothing booked, counts and the other session untouched', async () => {
      const [one, two] = await parts(t.db, [5, 1]);
      const first = series(one, [two]);
      assert.equal((await postSignup(t.app.url, first)).status, 202);
      assert.deepEqual(await spaces(t.db, one, two), [4, 0]);

      const body = series(one, [two]);
      const problem = await expectProblem(await postSignup(t.app.url, body), 409, 'session-full');
      assert.deepEqual(problem.errors, [{ field: 'alsoSessionIds.0', message: 'Field Organising (part two) on Thursday 10 December at 6:30 pm is full.' }]);
      assert.match(problem.detail!, /is full\. Nothing was booked: a series is booked all or none, and a series has no waiting list\./);
      assert.deepEqual(await spaces(t.db, one, two), [4, 0]);
      assert.deepEqual(await rows(t.db, body.email), []);
      assert.deepEqual(await outbox(t.db, 'to_address = $1', [body.email]), []);
      const { rows: waiting } = await t.db.query("SELECT 1 FROM signups WHERE session_id = $1 AND hold = 'waitlist'", [two.id]);
      assert.equal(waiting.length, 0, 'no waiting list for a series, though the session has one');
    });

    it('refuses part two before part one, another module, a session twice, unknown and closed sessions, by field and in words', async () => {
      const [late, early] = await parts(t.db, [10, 10], true); // part one on the 10th, part two on the 3rd
      const wrong = await expectProblem(await postSignup(t.app.url, series(late, [early])), 422, 'validation');
      assert.equal(wrong.errors?.[0]?.field, 'alsoSessionIds.0');
      assert.match(wrong.errors![0]!.message, /^Field Organising \(part two\) on Thursday 3 December at 6:30 pm starts before Field Organising \(part one\)/);

      const [one, two] = await parts(t.db);
      const other = await addSession(t.db, { moduleId: 'voter-persuasion' });
      const unrelated = await expectProblem(await postSignup(t.app.url, series(one, [two, other])), 422, 'validation');
      assert.deepEqual(unrelated.errors?.map((e) => e.field), ['alsoSessionIds.1']);

      const twice = await expectProblem(await postSignup(t.app.url, series(one, [two, one])), 422, 'validation');
      assert.deepEqual(twice.errors, [{ field: 'alsoSessionIds.1', message: 'You chose this session twice: a series is different sessions.' }]);
      const many = await expectProblem(await postSignup(t.app.url, signup(one.id, { alsoSessionIds: Array(6).fill(two.id) })), 422, 'validation');
      assert.deepEqual(many.errors?.map((e) => e.field), ['alsoSessionIds']);
      const none = await expectProblem(await postSignup(t.app.url, signup(one.id, { alsoSessionIds: [] })), 422, 'validation');
      assert.match(none.errors![0]!.message, /2 to 6 sessions/);

      const unknown = await expectProblem(await postSignup(t.app.url, series(one, [{ id: 'no-such-session' } as Session])), 404, 'not-found');
      assert.deepEqual(unknown.errors?.map((e) => e.field), ['alsoSessionIds.0']);
      const shut = await addSession(t.db, { moduleId: 'field-organising-2', start: day(10), end: day(10, 20), signupDeadline: '2026-11-25T12:00:00+00:00' });
      const closed = await expectProblem(await postSignup(t.app.url, series(one, [shut])), 409, 'session-closed');
      assert.equal(closed.detail, 'Signups for Field Organising (part two) on Thursday 10 December at 6:30 pm have closed.');
      assert.deepEqual(await spaces(t.db, one, two), [10, 10], 'nothing refused took a place');
    });

    it('replays a retried series (the same answer, nothing more held or emailed), also when it took the last places; another body under its key is refused', async () => {
      // One place each: copies that wait on the original's locks find the sessions full, and must still get its answer.
      const [one, two] = await parts(t.db, [1, 1]);
      const body = series(one, [two]);
      const answers = await Promise.all(Array.from({ length: 20 }, () => postSignup(t.app.url, body)));
      assert.deepEqual(answers.map((r) => r.status).sort(), [...Array(19).fill(200), 202]);
      const results = await Promise.all(answers.map(async (r) => JSON.stringify(SignupResultSchema.parse(await r.json()))));
      assert.equal(new Set(results).size, 1);
      assert.deepEqual(JSON.parse(results[0]!).alsoSessionIds, [two.id]);
      assert.deepEqual(await spaces(t.db, one, two), [0, 0]);
      assert.equal((await outbox(t.db, 'to_address = $1', [body.email])).length, 1);
      // The same race for one session's last place, without a waiting list.
      const last = await addSession(t.db, { capacity: 1, spacesLeft: 1, waitlist: false });
      const single = signup(last.id);
      const singles = await Promise.all(Array.from({ length: 20 }, () => postSignup(t.app.url, single)));
      assert.deepEqual(singles.map((r) => r.status).sort(), [...Array(19).fill(200), 202]);
      await expectProblem(await postSignup(t.app.url, { ...body, alsoSessionIds: [] }), 422, 'validation');
      await expectProblem(await postSignup(t.app.url, { ...body, sessionId: two.id, alsoSessionIds: [one.id] }), 422, 'idempotency-conflict');
    });

    it('a session this address already has is not held twice: its owner is emailed that booking, the rest is held', async () => {
      const [one, two] = await parts(t.db);
      const single = signup(one.id);
      assert.equal((await postSignup(t.app.url, single)).status, 202);
      const again = series(one, [two], { email: single.email });
      assert.equal((await postSignup(t.app.url, again)).status, 202);
      assert.deepEqual((await rows(t.db, single.email)).map((r) => r.session_id), [one.id, two.id]);
      assert.deepEqual(await spaces(t.db, one, two), [9, 9]);
      assert.deepEqual((await outbox(t.db, 'to_address = $1', [single.email])).map((m) => m.kind), ['confirm-place', 'already-booked', 'confirm-place']);
    });

    it('unconfirmed places of a series expire together', async () => {
      const [one, two] = await parts(t.db);
      const body = series(one, [two]);
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      const later = new Date(NOW.getTime() + 25 * 3_600_000);
      assert.ok((await expireHolds(t.db, { now: later, mail: DEFAULT_MAIL_SETTINGS })) >= 2, 'both, with the earlier tests’ holds');
      assert.deepEqual((await rows(t.db, body.email)).map((r) => r.status), ['expired', 'expired']);
      assert.deepEqual(await spaces(t.db, one, two), [10, 10]);
    });

    it('a confirm link followed after the hold lapsed ends every place of the series, before the sweep does', async () => {
      const [one, two] = await parts(t.db);
      const body = series(one, [two]);
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      const link = tokenIn((await mailTo(t.db, body.email, 'confirm-place')).text_body, 'confirm');
      const late = await startApp(t.db, { now: () => new Date(NOW.getTime() + 25 * 3_600_000) });
      try {
        const res = await postBooking(late.url, 'confirm', link);
        assert.equal(res.status, 200);
        assert.equal(((await res.json()) as { status: string }).status, 'expired');
      } finally {
        await late.close();
      }
      assert.deepEqual((await rows(t.db, body.email)).map((r) => r.status), ['expired', 'expired']);
      assert.deepEqual(await spaces(t.db, one, two), [10, 10]);
    });

    it('a bot filling the honeypot gets a member’s answer for a series, and nothing is stored', async () => {
      const [one, two] = await parts(t.db);
      const body = series(one, [two], { website: 'https://spam.example' });
      const res = await postSignup(t.app.url, body);
      assert.equal(res.status, 202);
      assert.deepEqual(SignupResultSchema.parse(await res.json()).alsoSessionIds, [two.id]);
      assert.deepEqual(await rows(t.db, body.email), []);
      assert.deepEqual(await spaces(t.db, one, two), [10, 10]);
      assert.deepEqual(await outbox(t.db, 'to_address = $1', [body.email]), []);
    });

    it('the rate limit counts a series as one request', async () => {
      const app = await startApp(t.db, { rateLimit: { windowMs: 60_000, max: 2 } });
      try {
        const [one, two] = await parts(t.db);
        assert.equal((await postSignup(app.url, series(one, [two]))).status, 202);
        assert.equal((await postSignup(app.url, signup(one.id))).status, 202);
        assert.equal((await postSignup(app.url, signup(one.id))).status, 429);
      } finally {
        await app.close();
      }
    });

    it('60 parallel series for 4 places (named in both orders): 4 members hold both, nobody one without the other', async () => {
      const [one, two] = await parts(t.db, [6, 4]);
      const bodies = Array.from({ length: 60 }, (_, i) => (i % 2 ? series(one, [two]) : series(two, [one])));
      const answers = await Promise.all(bodies.map((b) => postSignup(t.app.url, b)));
      const statuses = answers.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 202).length, 4);
      assert.equal(statuses.filter((s) => s === 409).length, 56);
      assert.deepEqual(await spaces(t.db, one, two), [2, 0]);
      const held = await holders(t.db, one, two);
      assert.equal(held.length, 4);
      assert.ok(held.every((r) => r.n === 2), 'every member holds both places');

      // All four confirm at once, each link twice: both places each, exactly capacity confirmed.
      const links = await Promise.all(held.map(async (r) => tokenIn((await mailTo(t.db, r.email, 'confirm-place')).text_body, 'confirm')));
      const confirms = await Promise.all([...links, ...links].map((token) => postBooking(t.app.url, 'confirm', token)));
      assert.deepEqual(confirms.map((r) => r.status).sort(), [200, 200, 200, 200, 409, 409, 409, 409]);
      const { rows: counts } = await t.db.query<{ session_id: string; n: number }>(
        "SELECT session_id, count(*)::int AS n FROM signups WHERE session_id = ANY($1) AND status = 'confirmed' GROUP BY session_id ORDER BY session_id",
        [[one.id, two.id]],
      );
      assert.deepEqual(counts.map((c) => c.n), [4, 4]);
    });

    it('series racing single signups for part two\'s places: never oversold, every series whole or absent', async () => {
      const [one, two] = await parts(t.db, [20, 5]);
      const bodies = [
        ...Array.from({ length: 30 }, (_, i) => (i % 2 ? series(one, [two]) : series(two, [one]))),
        ...Array.from({ length: 30 }, () => signup(two.id)),
      ];
      const statuses = await Promise.all(bodies.map(async (b) => (await postSignup(t.app.url, b)).status));
      assert.deepEqual(new Set(statuses.slice(30)), new Set([202]), 'single signups join the waiting list when full');
      const seriesHeld = statuses.slice(0, 30).filter((s) => s === 202).length;
      assert.equal(seriesHeld + statuses.slice(0, 30).filter((s) => s === 409).length, 30);
      const { rows: places } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM signups WHERE session_id = $1 AND hold = 'place'", [two.id]);
      assert.equal(places[0]!.n, 5, 'part two: exactly its capacity');
      assert.deepEqual(await spaces(t.db, one, two), [20 - seriesHeld, 0]);
      const seriesMembers = new Set(bodies.slice(0, 30).map((b) => b.email));
      const held = (await holders(t.db, one, two)).filter((r) => seriesMembers.has(r.email));
      assert.equal(held.length, seriesHeld);
      assert.ok(held.every((r) => r.n === 2), 'never one part without the other');
    });

    it('the email as a member receives it (SMTP, parsed): both sessions, one confirm link', async () => {
      const smtp = await startCatcher();
      const worker = createMailWorker({ db: t.db, transport: smtpTransport(smtp.url), mail: DEFAULT_MAIL_SETTINGS, now: () => NOW, log: () => {} });
      try {
        const [one, two] = await parts(t.db);
        const body = series(one, [two], { locale: 'cy' });
        assert.equal((await postSignup(t.app.url, body)).status, 202);
        // The earlier tests' emails go out too.
        const due = await outbox(t.db, 'sent_at IS NULL AND failed_at IS NULL AND cancelled_at IS NULL AND due_at <= $1', [NOW]);
        while ((await worker.runOnce()) > 0);
        const mine = (await smtp.waitFor(due.length)).filter((m) => m.to && 'text' in m.to && m.to.text === body.email);
        assert.equal(mine.length, 1, 'one email');
        const mail = mine[0];
        assert.match(mail!.subject ?? '', /^Cadarnhewch eich lleoedd: /);
        const text = mail!.text ?? '';
        assert.equal(text.match(/#mobilise-confirm=[A-Za-z0-9_-]{43}/g)?.length, 1);
        const html = String(mail!.html);
        assert.equal(html.match(/#mobilise-confirm=/g)?.length, 1, 'one button');
        assert.match(html, /<html lang="cy">/);
        for (const date of ['3 Rhagfyr', '10 Rhagfyr']) assert.ok(text.includes(date), `the session on ${date}`);
        assert.equal((await postBooking(t.app.url, 'confirm', tokenIn(text, 'confirm'))).status, 200);
        assert.deepEqual((await rows(t.db, body.email)).map((r) => r.status), ['confirmed', 'confirmed']);
      } finally {
        await smtp.close();
      }
    });
  });
}
