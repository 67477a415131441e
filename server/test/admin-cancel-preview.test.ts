/**
 * The cancel email's preview (POST …/cancel-preview) and the cancel's `emailed` count: the preview
 * is the real template's email for a placeholder member, the counts are who a cancel would email,
 * and asking for it sends, changes and audits nothing. Who may call it is admin-scope.test.ts.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CancelledSession, CancelPreview, ManagedSession } from '../../src/contract/admin.js';
import { createOrganiser } from '../store/organisers.js';
import { addSession, dbTargets, expectProblem, NOW, postSignup, signup, useApp } from './harness.js';
import { mailTo, outbox, postBooking, tokenIn } from './journey.js';
import { asOrganiser, signIn, type SignedIn } from './organiser-helpers.js';

for (const target of dbTargets()) {
  describe(`admin API: cancel preview and emailed count [${target.name}]`, () => {
    const t = useApp(target, { signInLimit: { windowMs: 60_000, max: 1000 } });
    let own: SignedIn;
    before(async () => {
      await createOrganiser(t.db, { email: 'gus@example.org', name: 'Gus', role: 'organiser', areas: ['Glasgow'] }, NOW);
      own = await signIn(t.app.url, t.db, 'gus@example.org');
    });
    const call = (method: string, path: string, body?: unknown) => asOrganiser(t.app.url, own, method, path, body);
    const book = async (sessionId: string, confirm: boolean) => {
      const body = signup(sessionId, { firstName: 'Ailsa' });
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      if (confirm) assert.equal((await postBooking(t.app.url, 'confirm', tokenIn((await mailTo(t.db, body.email, 'confirm-place')).text_body, 'confirm'))).status, 200);
      return body.email;
    };
    /** One place: a confirmed booking, one confirmed on the waiting list, one still pending. */
    const bookedSession = async () => {
      const session = await addSession(t.db, { area: 'Glasgow', capacity: 1, spacesLeft: 1 });
      const emails = [await book(session.id, true), await book(session.id, true), await book(session.id, false)];
      return { session, emails };
    };
    const snapshot = async (id: string) => ({
      outbox: (await outbox(t.db)).length,
      audit: (await t.db.query('SELECT id FROM audit_log')).rows.length,
      signups: (await t.db.query('SELECT id, status, hold FROM signups WHERE session_id = $1 ORDER BY id', [id])).rows,
      session: ((await (await call('GET', `/v1/admin/sessions/${id}`)).json()) as ManagedSession),
    });

    it('renders the real cancel email for "[first name]" with the note, counts who it would go to, and sends or changes nothing', async () => {
      const { session, emails } = await bookedSession();
      const before = await snapshot(session.id);
      const note = 'The trainer is unwell.\nWe will write with a new date.';
      const res = await call('POST', `/v1/admin/sessions/${session.id}/cancel-preview`, { note });
      assert.equal(res.status, 200);
      const preview = (await res.json()) as CancelPreview;
      assert.deepEqual(preview.recipients, { confirmed: 1, pending: 1, waitlisted: 1 });
      assert.equal(preview.subject, 'Cancelled by the organisers: Voter Persuasion');
      assert.match(preview.text, /^This session has been cancelled\n\nHello \[first name\],\n\n/);
      assert.ok(preview.text.includes(note), 'the note, as typed');
      assert.deepEqual(await snapshot(session.id), before, 'no email queued, no booking or session changed, nothing audited');

      // The emails the cancel then sends are the preview with each member's name: the same template, the same note.
      const cancel = await call('POST', `/v1/admin/sessions/${session.id}/cancel`, { note });
      assert.equal(cancel.status, 200);
      for (const email of emails) {
        const sent = await mailTo(t.db, email, 'session-cancelled');
        assert.equal(sent.subject, preview.subject);
        // Each member's own pathway link stands where the preview says "[their own link]".
        const link = /^Your Mobilise pathway: (\S+)$/m.exec(sent.text_body ?? '')?.[1];
        assert.ok(link, 'the sent email links the member’s pathway');
        assert.match(preview.text, /^Your Mobilise pathway: \[their own link\]$/m);
        assert.equal(sent.text_body, preview.text.replace('[first name]', 'Ailsa').replace('[their own link]', link));
      }
    });

    it('without a note, the email has none; a note the contract refuses is a 422 on the note field; like every POST it needs the CSRF header', async () => {
      const { session } = await bookedSession();
      const noCsrf = await fetch(`${t.app.url}/v1/admin/sessions/${session.id}/cancel-preview`, { method: 'POST', headers: { Cookie: own.cookie, 'Content-Type': 'application/json' }, body: '{}' });
      assert.equal(noCsrf.status, 403);
      assert.equal(((await noCsrf.json()) as { code: string }).code, 'csrf');
      const plain = (await (await call('POST', `/v1/admin/sessions/${session.id}/cancel-preview`, {})).json()) as CancelPreview;
      assert.match(plain.text, /Hello \[first name\],\n\nSorry: the organisers have cancelled the session you booked\. You do not need to do anything\.\n\nSession: Voter Persuasion\n/);
      const problem = await expectProblem(await call('POST', `/v1/admin/sessions/${session.id}/cancel-preview`, { note: 'x'.repeat(2001) }), 422, 'validation');
      assert.deepEqual(problem.errors?.map((e) => e.field), ['note']);
    });

    it('cancel answers how many were emailed: one per booking it ended, as the outbox holds, and the ETag of its version', async () => {
      const { session, emails } = await bookedSession();
      const res = await call('POST', `/v1/admin/sessions/${session.id}/cancel`, {});
      assert.equal(res.status, 200);
      const body = (await res.json()) as CancelledSession;
      const queued = await outbox(t.db, "kind = 'session-cancelled' AND to_address = ANY($1)", [emails]);
      assert.deepEqual([body.session.status, body.emailed, queued.length, body.counts.cancelled], ['cancelled', 3, 3, 3]);
      assert.equal(res.headers.get('etag'), `"${body.version}"`);
      // Cancelled again: nobody left to tell, and the answer says so rather than repeating 3.
      const again = (await (await call('POST', `/v1/admin/sessions/${session.id}/cancel`, {})).json()) as CancelledSession;
      assert.equal(again.emailed, 0);
      const preview = (await (await call('POST', `/v1/admin/sessions/${session.id}/cancel-preview`, {})).json()) as CancelPreview;
      assert.deepEqual(preview.recipients, { confirmed: 0, pending: 0, waitlisted: 0 });
    });
  });
}
