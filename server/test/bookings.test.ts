import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { BookingConfirmResultSchema, BookingViewSchema } from '../../src/contract/index.js';
import { DEFAULT_MAIL_SETTINGS } from '../mail/settings.js';
import { getSession } from '../store/catalogue.js';
import { expireHolds } from '../store/holds.js';
import { cancelSession, rescheduleSession } from '../store/session-changes.js';
import { addSession, dbTargets, expectProblem, NOW, postSignup, signup, useApp } from './harness.js';
import { mailTo, outbox, postBooking, statusOf, tokenIn } from './journey.js';

const HOUR = 3_600_000;

for (const target of dbTargets()) {
  describe(`the member's booking: confirm, view, cancel, promote, expire [${target.name}]`, () => {
    // The app's clock: tests move it to cross holds, starts and ends.
    let now = NOW;
    const t = useApp(target, { now: () => now });
    const ctx = () => ({ now, mail: DEFAULT_MAIL_SETTINGS });

    async function signUp(sessionId: string, who: string) {
      const body = signup(sessionId, { email: `${who}@example.org`, firstName: who });
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      return body.email;
    }
    const confirmToken = async (email: string, kind: 'confirm-place' | 'place-offered' = 'confirm-place') =>
      tokenIn((await mailTo(t.db, email, kind)).text_body, 'confirm');
    async function confirm(email: string, kind?: 'confirm-place' | 'place-offered') {
      const res = await postBooking(t.app.url, 'confirm', await confirmToken(email, kind));
      assert.equal(res.status, 200);
      return BookingConfirmResultSchema.parse(await res.json());
    }
    const kindsTo = async (email: string) => (await outbox(t.db, 'to_address = $1', [email])).map((r) => r.kind);

    it('every emailed link leads to the booking page (/booking, ?lang= for Gaelic and Welsh), never back to the CLP page', async () => {
      now = NOW;
      const session = await addSession(t.db, { capacity: 3, spacesLeft: 3 });
      const page = 'http://localhost:8787/booking';
      const gaelic = signup(session.id, { email: 'iain@example.org', firstName: 'Iain', locale: 'gd' });
      assert.equal((await postSignup(t.app.url, gaelic)).status, 202);
      const english = await signUp(session.id, 'eilidh');
      const text = async (email: string, kind: 'confirm-place' | 'confirmed') => (await mailTo(t.db, email, kind)).text_body ?? '';
      assert.match(await text(english, 'confirm-place'), new RegExp(`${page}#mobilise-confirm=[\\w-]{43}`));
      await confirm(english); // no hold left to lapse in the tests that follow
      const link = new RegExp(`${page}\\?lang=gd#mobilise-confirm=([\\w-]{43})`).exec(await text(gaelic.email, 'confirm-place'));
      assert.ok(link, 'a Gaelic member’s link opens the page in Gaelic');
      // The page posts from the server's own origin, which need not be in ALLOWED_ORIGINS; a foreign one is refused.
      const from = (origin: string) =>
        fetch(`${t.app.url}/v1/bookings/confirm`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ token: link[1] }) });
      assert.equal((await from('https://evil.example')).status, 403);
      assert.equal((await from('http://localhost:8787')).status, 200);
      const booked = await text(gaelic.email, 'confirmed');
      assert.match(booked, new RegExp(`${page}\\?lang=gd#mobilise-booking=[\\w-]{43}`));
      assert.doesNotMatch(booked, /\/training#/, 'the page the member signed up on is recorded, not linked');
      const { rows } = await t.db.query<{ return_url: string }>('SELECT return_url FROM signups WHERE email = $1', [gaelic.email]);
      assert.equal(rows[0]?.return_url, gaelic.returnUrl, 'still recorded with the consent');
    });

    it('serves the booking page at /booking under a strict CSP, in the language ?lang= names', async () => {
      const res = await fetch(`${t.app.url}/booking?lang=gd`);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'; script-src 'self'/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      if (res.status === 503) return assert.match(await res.text(), /npm run build/);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<html lang="gd">/);
      assert.match(html, /<script type="module" src="\/booking\/booking\.js"><\/script>/);
      assert.match(html, /<mobilise-booking>/);
    });

    it('confirms with the emailed token: consent recorded now, a manage token, the confirmation with its .ics and a reminder', async () => {
      now = NOW;
      const session = await addSession(t.db, { capacity: 3, spacesLeft: 3 });
      const email = await signUp(session.id, 'ailsa');
      const token = await confirmToken(email);
      const res = await postBooking(t.app.url, 'confirm', token);
      const result = BookingConfirmResultSchema.parse(await res.json());
      assert.equal(result.status, 'confirmed');
      assert.equal(result.firstName, 'ailsa');
      assert.equal(result.session.id, session.id);
      assert.equal(result.position, undefined);
      assert.deepEqual(Object.keys(result).sort(), ['firstName', 'manageToken', 'session', 'status'], 'no personal data beyond the first name');
      const { rows } = await t.db.query<{ consent_at: Date; consent_version: string; privacy_url: string | null }>(
        'SELECT consent_at, consent_version, privacy_url FROM signups WHERE email = $1',
        [email],
      );
      assert.equal(new Date(rows[0]!.consent_at).toISOString(), NOW.toISOString());
      assert.equal(rows[0]!.consent_version, 'contact-2026-11');
      const confirmed = await mailTo(t.db, email, 'confirmed');
      assert.match(confirmed.ics ?? '', /BEGIN:VCALENDAR[\s\S]*UID:test-session/);
      assert.equal(tokenIn(confirmed.text_body, 'booking'), result.manageToken, 'the email and the page share the manage link');
      const reminder = await mailTo(t.db, email, 'reminder');
      assert.equal(new Date(reminder.due_at).toISOString(), '2026-12-02T18:30:00.000Z', '24 hours before the start');

      // Used, wrong purpose, forged, malformed: each a clear problem.
      const used = await expectProblem(await postBooking(t.app.url, 'confirm', token), 409, 'token-used');
      assert.equal(used.title, 'You have already confirmed');
      await expectProblem(await postBooking(t.app.url, 'view', token), 404, 'token-invalid');
      await expectProblem(await postBooking(t.app.url, 'confirm', result.manageToken), 404, 'token-invalid');
      await expectProblem(await postBooking(t.app.url, 'view', 'A'.repeat(43)), 404, 'token-invalid');
      const malformed = await expectProblem(await postBooking(t.app.url, 'view', 'short'), 422, 'validation');
      assert.deepEqual(malformed.errors?.map((e) => e.field), ['token']);
      const view = BookingViewSchema.parse(await (await postBooking(t.app.url, 'view', result.manageToken)).json());
      assert.equal(view.status, 'confirmed');

      // Only hashes are stored, and no token reaches the log.
      const hashes = (await t.db.query<{ hash: string }>('SELECT hash FROM booking_tokens')).rows.map((r) => r.hash);
      assert.ok(hashes.includes(createHash('sha256').update(token).digest('hex')));
      assert.ok(!hashes.includes(token));
      assert.ok(!t.app.logs.join('\n').includes(token.slice(0, 20)));
      assert.ok(t.app.logs.some((l) => l.startsWith('POST /v1/bookings/confirm 200')));
    });

    it('cancel frees the place for the first on the waiting list, atomically; a pending waitlister is offered the place', async () => {
      now = NOW;
      const session = await addSession(t.db, { capacity: 1, spacesLeft: 1, waitlist: true });
      const a = await signUp(session.id, 'anna');
      const b = await signUp(session.id, 'bill');
      const c = await signUp(session.id, 'cara');
      const aManage = (await confirm(a)).manageToken!;
      const bConfirm = await confirm(b);
      assert.deepEqual([bConfirm.status, bConfirm.position], ['waitlisted', 1]);
      assert.match((await mailTo(t.db, b, 'waitlisted')).text_body!, /number 1 on the waiting list/);

      const cancelled = BookingViewSchema.parse(await (await postBooking(t.app.url, 'cancel', aManage)).json());
      assert.equal(cancelled.status, 'cancelled');
      assert.deepEqual(await statusOf(t.db, b, session.id), { status: 'confirmed', hold: 'place' });
      assert.ok((await mailTo(t.db, b, 'promoted')).ics, 'the promoted member gets the .ics');
      assert.equal((await mailTo(t.db, a, 'reminder')).cancelled_at !== null, true, "the cancelled member's reminder is dropped");
      // Cancelling again: the same answer, no second email.
      const again = BookingViewSchema.parse(await (await postBooking(t.app.url, 'cancel', aManage)).json());
      assert.equal(again.status, 'cancelled');
      assert.deepEqual((await kindsTo(a)).filter((k) => k === 'cancelled'), ['cancelled']);
      assert.equal((await getSession(t.db, session.id))?.spacesLeft, 0);

      // Bill cancels: Cara (pending, on the list) now holds the place, still to confirm, with a new link.
      const bManage = tokenIn((await mailTo(t.db, b, 'promoted')).text_body, 'booking');
      await postBooking(t.app.url, 'cancel', bManage);
      assert.deepEqual(await statusOf(t.db, c, session.id), { status: 'pending', hold: 'place' });
      const cConfirmed = await confirm(c, 'place-offered');
      assert.equal(cConfirmed.status, 'confirmed');
      // Cara cancels: nobody is waiting, so the space comes back and the session reopens.
      await postBooking(t.app.url, 'cancel', cConfirmed.manageToken);
      const after = await getSession(t.db, session.id);
      assert.deepEqual([after?.spacesLeft, after?.status], [1, 'scheduled']);
    });

    it('an unconfirmed hold lapses after HOLD_HOURS: its place goes down the list, its link then shows it expired', async () => {
      now = NOW;
      const session = await addSession(t.db, { capacity: 1, spacesLeft: 1, waitlist: true });
      const a = await signUp(session.id, 'ahmed');
      const b = await signUp(session.id, 'beth');
      await confirm(b);
      now = new Date(NOW.getTime() + 23 * HOUR);
      assert.equal(await expireHolds(t.db, ctx()), 0, 'not yet');
      now = new Date(NOW.getTime() + 24 * HOUR);
      assert.equal(await expireHolds(t.db, ctx()), 1);
      assert.equal(await expireHolds(t.db, ctx()), 0, 'once');
      assert.deepEqual(await statusOf(t.db, a, session.id), { status: 'expired', hold: null });
      assert.deepEqual(await statusOf(t.db, b, session.id), { status: 'confirmed', hold: 'place' });
      assert.equal((await outbox(t.db, `to_address = $1 AND kind = 'promoted'`, [b])).length, 1);
      const late = BookingViewSchema.parse(await (await postBooking(t.app.url, 'confirm', await confirmToken(a))).json());
      assert.equal(late.status, 'expired');
      // The address may sign up again, as a new person would.
      assert.equal((await postSignup(t.app.url, signup(session.id, { email: a }))).status, 202);
    });

    it('a hold never outlasts the start; confirming or cancelling after the start, or anything after the end, is refused', async () => {
      now = NOW;
      const session = await addSession(t.db, {
        start: '2026-11-26T14:00:00+00:00',
        end: '2026-11-26T16:00:00+00:00',
        signupDeadline: undefined,
      });
      const res = await postSignup(t.app.url, signup(session.id, { email: 'soon@example.org' }));
      assert.equal((await res.json()).holdExpiresAt, '2026-11-26T14:00:00+00:00');
      const late = await signUp(session.id, 'late');
      const booked = await confirm(late);
      now = new Date('2026-11-26T14:30:00Z');
      const started = await expectProblem(await postBooking(t.app.url, 'confirm', await confirmToken('soon@example.org')), 409, 'session-started');
      assert.equal(started.title, 'This session has already started');
      await expectProblem(await postBooking(t.app.url, 'cancel', booked.manageToken), 409, 'session-started');
      now = new Date('2026-11-26T16:00:00Z');
      const ended = await expectProblem(await postBooking(t.app.url, 'view', booked.manageToken), 410, 'token-expired');
      assert.equal(ended.title, 'This link has expired');
    });

    it('a changed or cancelled session tells everyone booked, moves or drops their reminders', async () => {
      now = NOW;
      const session = await addSession(t.db, { capacity: 1, spacesLeft: 1, waitlist: true });
      const a = await signUp(session.id, 'rhona');
      const b = await signUp(session.id, 'sean');
      await confirm(a);
      const moved = { start: new Date('2026-12-10T18:30:00Z'), end: new Date('2026-12-10T20:30:00Z') };
      assert.equal(await rescheduleSession(t.db, session.id, moved, { ...ctx(), note: 'The room <changed> & moved.' }), 2);
      const changed = await mailTo(t.db, a, 'session-changed');
      assert.match(changed.ics ?? '', /DTSTART:20261210T183000Z/);
      assert.match(changed.html_body!, /The room &lt;changed&gt; &amp; moved\./, 'organiser text is escaped');
      const reminders = await outbox(t.db, `to_address = $1 AND kind = 'reminder'`, [a]);
      assert.deepEqual(
        reminders.map((r) => [new Date(r.due_at).toISOString(), r.cancelled_at !== null]),
        [
          ['2026-12-02T18:30:00.000Z', true],
          ['2026-12-09T18:30:00.000Z', false],
        ],
      );
      assert.ok((await mailTo(t.db, b, 'session-changed')).text_body!.includes('#mobilise-confirm='), 'pending: a link to confirm');

      assert.equal(await cancelSession(t.db, session.id, ctx()), 2);
      for (const who of [a, b]) {
        assert.equal((await statusOf(t.db, who, session.id)).status, 'cancelled');
        assert.equal((await outbox(t.db, `to_address = $1 AND kind = 'session-cancelled'`, [who])).length, 1);
      }
      assert.equal((await outbox(t.db, `to_address = $1 AND kind = 'reminder' AND cancelled_at IS NULL`, [a])).length, 0);
    });
  });
}
