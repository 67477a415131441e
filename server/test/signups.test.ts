import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignupResultSchema } from '../../src/contract/index.js';
import { en } from '../../src/strings/en.js';
import { getSession } from '../store/catalogue.js';
import { addSession, ALLOWED_ORIGIN, countSignups, dbTargets, expectProblem, postSignup, signup, useApp } from './harness.js';
import { mailTo, outbox, tokenIn } from './journey.js';

async function expectResult(res: Response, status: number) {
  assert.equal(res.status, status);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  return SignupResultSchema.parse(await res.json());
}

for (const target of dbTargets()) {
  describe(`POST /v1/signups [${target.name}]`, () => {
    const t = useApp(target);

    it('holds a place pending confirmation (202), stores it once, takes a space and emails a confirm link', async () => {
      const session = await addSession(t.db, { capacity: 5, spacesLeft: 5 });
      const body = signup(session.id, { phone: '07700 900982', returnUrl: `${ALLOWED_ORIGIN}/training?utm=x#top` });
      const result = await expectResult(await postSignup(t.app.url, body), 202);
      // NOW + 24 h, in London time: the hold lapses then unless confirmed.
      assert.deepEqual(result, { status: 'pending', sessionId: session.id, hold: 'place', holdExpiresAt: '2026-11-27T12:00:00+00:00' });
      assert.equal(await countSignups(t.db, session.id), 1);
      assert.equal((await getSession(t.db, session.id))?.spacesLeft, 4);
      const { rows } = await t.db.query<{ consent_at: Date | null; status: string; return_url: string }>(
        'SELECT consent_at, status, return_url FROM signups WHERE session_id = $1',
        [session.id],
      );
      // Not consented until the owner of the address confirms; the page without its query or fragment.
      assert.deepEqual(rows[0], { consent_at: null, status: 'pending', return_url: `${ALLOWED_ORIGIN}/training` });
      const mail = await mailTo(t.db, body.email, 'confirm-place');
      // The link leads to the booking page on the server, not back to the page (recorded above with the consent).
      assert.match(mail.text_body!, /http:\/\/localhost:8787\/booking#mobilise-confirm=/);
      tokenIn(mail.text_body, 'confirm');
    });

    it('holds no place for a page whose site is not allowed (422 naming returnUrl)', async () => {
      const session = await addSession(t.db);
      for (const returnUrl of ['https://evil.example/page', 'javascript:alert(1)', 'not a url']) {
        const problem = await expectProblem(await postSignup(t.app.url, signup(session.id, { returnUrl })), 422, 'validation');
        assert.deepEqual(problem.errors?.map((e) => e.field), ['returnUrl'], returnUrl);
      }
      assert.equal(await countSignups(t.db, session.id), 0);
    });

    it('reports every invalid field with the form’s own words (422)', async () => {
      const session = await addSession(t.db);
      const res = await postSignup(t.app.url, {
        sessionId: session.id,
        firstName: '  ',
        email: 'not-an-email',
        phone: '12',
        postcode: 'NOWHERE',
        membership: 'maybe',
        consentContact: false,
        idempotencyKey: 'short',
      });
      const problem = await expectProblem(res, 422, 'validation');
      const errors = Object.fromEntries(problem.errors!.map((e) => [e.field, e.message]));
      assert.deepEqual(errors, {
        firstName: en.validation.firstName,
        lastName: en.validation.lastName,
        email: en.validation.email,
        phone: en.validation.phone,
        postcode: en.validation.postcode,
        membership: en.validation.membership,
        consentContact: en.validation.consentContact,
        idempotencyKey: en.validation.idempotencyKey,
        returnUrl: en.validation.returnUrl,
      });
      assert.equal(await countSignups(t.db, session.id), 0);
    });

    it('accepts JSON only (415) and at most 16 KB (413); malformed JSON is a 400', async () => {
      const session = await addSession(t.db);
      const body = JSON.stringify(signup(session.id));
      const form = await fetch(`${t.app.url}/v1/signups`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'firstName=Ann',
      });
      await expectProblem(form, 415, 'unsupported-media-type');
      const text = await fetch(`${t.app.url}/v1/signups`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body });
      await expectProblem(text, 415, 'unsupported-media-type');
      const huge = await postSignup(t.app.url, signup(session.id, { accessNeeds: 'x'.repeat(17 * 1024) }));
      await expectProblem(huge, 413, 'payload-too-large');
      await expectProblem(await postSignup(t.app.url, '{"sessionId":'), 400, 'bad-request');
      await expectProblem(await postSignup(t.app.url, '[1,2]'), 400, 'bad-request');
      const charset = await postSignup(t.app.url, body, { 'Content-Type': 'application/json; charset=utf-8' });
      await expectResult(charset, 202);
    });

    it('answers a filled honeypot like a success but stores nothing and emails no one', async () => {
      const session = await addSession(t.db, { capacity: 3, spacesLeft: 3 });
      const body = signup(session.id, { website: 'https://spam.example' });
      const bot = await expectResult(await postSignup(t.app.url, body), 202);
      assert.equal(bot.status, 'pending');
      assert.equal(bot.hold, 'place');
      assert.deepEqual(await outbox(t.db, 'to_address = $1', [body.email]), []);
      // An invalid bot submission gets the same 422 a person would (honeypot.test.ts compares every case).
      await expectProblem(await postSignup(t.app.url, { website: 'x', email: 'bot' }), 422, 'validation');
      assert.equal(await countSignups(t.db, session.id), 0);
      assert.equal((await getSession(t.db, session.id))?.spacesLeft, 3);
    });

    it('replays a retried POST: same key → 200 with the first answer, one row, one email', async () => {
      const session = await addSession(t.db);
      const body = signup(session.id);
      const first = await expectResult(await postSignup(t.app.url, body), 202);
      const retry = await expectResult(await postSignup(t.app.url, body, { 'Idempotency-Key': body.idempotencyKey }), 200);
      assert.deepEqual(retry, first);
      assert.equal(await countSignups(t.db, session.id), 1);
      assert.equal((await getSession(t.db, session.id))?.spacesLeft, 19);
      assert.equal((await outbox(t.db, 'to_address = $1', [body.email])).length, 1);
    });

    it('needs the key in the body, as documented; an Idempotency-Key header must repeat it', async () => {
      const session = await addSession(t.db);
      const { idempotencyKey, ...body } = signup(session.id);
      const headerOnly = await expectProblem(await postSignup(t.app.url, body, { 'Idempotency-Key': idempotencyKey }), 422, 'validation');
      assert.deepEqual(headerOnly.errors, [{ field: 'idempotencyKey', message: en.validation.idempotencyKey }]);
      const first = await expectResult(await postSignup(t.app.url, { ...body, idempotencyKey }, { 'Idempotency-Key': idempotencyKey }), 202);
      const again = await expectResult(await postSignup(t.app.url, { ...body, idempotencyKey }), 200);
      assert.deepEqual(again, first);
      const mismatch = await postSignup(t.app.url, { ...body, idempotencyKey }, { 'Idempotency-Key': 'another_key_0123456789' });
      await expectProblem(mismatch, 400, 'bad-request');
      assert.equal(await countSignups(t.db, session.id), 1);
    });

    it('refuses control characters and lone surrogates in any text field with a 422 naming it, never a 500', async () => {
      const session = await addSession(t.db);
      const fields = ['firstName', 'lastName', 'clp', 'accessNeeds'] as const;
      for (const field of fields)
        for (const bad of ['\u0000', 'a\u0000b', '\u0007', '\u007f', '\u0085', '\ud800', 'x\udc00']) {
          const problem = await expectProblem(await postSignup(t.app.url, signup(session.id, { [field]: `Ann${bad}` })), 422, 'validation');
          assert.deepEqual(problem.errors, [{ field, message: en.validation.characters }], `${field}: ${JSON.stringify(bad)}`);
        }
      for (const field of ['email', 'postcode', 'phone'] as const) {
        const problem = await expectProblem(await postSignup(t.app.url, signup(session.id, { [field]: 'G1\u00001AA' })), 422, 'validation');
        assert.deepEqual(problem.errors?.map((e) => e.field), [field]);
      }
      // One-line fields refuse line breaks and tabs; access needs may have several lines.
      for (const field of ['firstName', 'clp'] as const) {
        const problem = await expectProblem(await postSignup(t.app.url, signup(session.id, { [field]: 'Ann\nLee' })), 422, 'validation');
        assert.deepEqual(problem.errors, [{ field, message: en.validation.characters }]);
      }
      const multiline = signup(session.id, { accessNeeds: 'Step-free access\r\n\tand a hearing loop 😀', lastName: 'Ó Briain-Nkemelu' });
      await expectResult(await postSignup(t.app.url, multiline), 202);
      assert.equal(await countSignups(t.db, session.id), 1);
    });

    it('refuses names that show nothing or carry bidi controls, which could spoof the export', async () => {
      const session = await addSession(t.db);
      for (const blank of ['\u200b', ' \u200b\u200d ', '\u00a0', '\ufeff\u2060', '\u3164', '\udb40\udc41']) {
        const problem = await expectProblem(await postSignup(t.app.url, signup(session.id, { lastName: blank })), 422, 'validation');
        assert.deepEqual(problem.errors, [{ field: 'lastName', message: en.validation.lastName }], JSON.stringify(blank));
      }
      for (const bidi of ['\u202e', '\u202a', '\u2066', '\u2069']) {
        const problem = await expectProblem(await postSignup(t.app.url, signup(session.id, { firstName: `Ann${bidi}Lee` })), 422, 'validation');
        assert.deepEqual(problem.errors, [{ field: 'firstName', message: en.validation.characters }], JSON.stringify(bidi));
      }
      assert.equal(await countSignups(t.db, session.id), 0);
      // Right-to-left names without overrides, and names joined by ZWJ/ZWNJ, are fine.
      await expectResult(await postSignup(t.app.url, signup(session.id, { firstName: 'مريم', lastName: 'Nik\u200cnam' })), 202);
    });

    it('refuses to reuse a key for a different signup (422 idempotency-conflict)', async () => {
      const session = await addSession(t.db);
      const body = signup(session.id);
      await expectResult(await postSignup(t.app.url, body), 202);
      const reused = await postSignup(t.app.url, { ...body, firstName: 'Someone', email: 'else@example.org' });
      await expectProblem(reused, 422, 'idempotency-conflict');
      assert.equal(await countSignups(t.db, session.id), 1);
    });

    it('answers the same email twice (any case, new key) as it would a new one, adds nothing and emails the owner', async () => {
      const session = await addSession(t.db);
      const first = await expectResult(await postSignup(t.app.url, signup(session.id, { email: 'Ailsa.Reid@Example.org' })), 202);
      const second = await expectResult(
        await postSignup(t.app.url, signup(session.id, { email: ' ailsa.reid@example.ORG ', firstName: 'A.' })),
        202,
      );
      assert.deepEqual(second, first);
      assert.equal(await countSignups(t.db, session.id), 1);
      assert.equal((await getSession(t.db, session.id))?.spacesLeft, 19);
      const again = await mailTo(t.db, 'ailsa.reid@example.org', 'already-booked');
      // Still pending, so the owner gets a fresh confirm link, addressed by the name they gave first.
      tokenIn(again.text_body, 'confirm');
      assert.match(again.text_body!, /^Hello Morven,/m);
    });

    it('marks the session full when the last space goes, then waitlists with positions', async () => {
      const session = await addSession(t.db, { capacity: 2, spacesLeft: 2, waitlist: true });
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await expectResult(await postSignup(t.app.url, signup(session.id)), 202));
      assert.deepEqual(
        results.map((r) => r.hold),
        ['place', 'place', 'waitlist', 'waitlist'],
      );
      const after = await getSession(t.db, session.id);
      assert.equal(after?.spacesLeft, 0);
      assert.equal(after?.status, 'full');
    });

    it('refuses a full session without a waiting list (409 session-full)', async () => {
      const session = await addSession(t.db, { capacity: 1, spacesLeft: 0, status: 'full', waitlist: false });
      await expectProblem(await postSignup(t.app.url, signup(session.id)), 409, 'session-full');
      assert.equal(await countSignups(t.db, session.id), 0);
    });

    it('refuses cancelled sessions and sessions past their deadline or start (409 session-closed)', async () => {
      const cancelled = await addSession(t.db, { status: 'cancelled' });
      await expectProblem(await postSignup(t.app.url, signup(cancelled.id)), 409, 'session-closed');
      // NOW is 2026-11-26T12:00Z: the deadline has passed but the session has not started.
      const pastDeadline = await addSession(t.db, {
        start: '2026-11-27T10:00:00+00:00',
        end: '2026-11-27T13:00:00+00:00',
        signupDeadline: '2026-11-26T10:00:00+00:00',
      });
      await expectProblem(await postSignup(t.app.url, signup(pastDeadline.id)), 409, 'session-closed');
      const started = await addSession(t.db, {
        start: '2026-11-26T11:00:00+00:00',
        end: '2026-11-26T13:00:00+00:00',
        signupDeadline: undefined,
      });
      await expectProblem(await postSignup(t.app.url, signup(started.id)), 409, 'session-closed');
      for (const s of [cancelled, pastDeadline, started]) assert.equal(await countSignups(t.db, s.id), 0);
    });

    it('answers an unknown session with 404', async () => {
      await expectProblem(await postSignup(t.app.url, signup('no-such-session')), 404, 'not-found');
    });
  });
}
