import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { openDb } from '../db/open.js';
import { seedIfEmpty } from '../db/seed.js';
import type { Db } from '../db/types.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from '../mail/settings.js';
import { createMailWorker, messageId, smtpTransport } from '../mail/worker.js';
import { makeSessions, modules } from '../seed/programme.js';
import { addSession, dbTargets, NOW, postSignup, signup, startApp, useApp } from './harness.js';
import { mailTo, outbox, postBooking, tokenIn } from './journey.js';
import { startCatcher } from '../../scripts/mail-catcher.js';
import { freePort } from '../../scripts/free-port.js';

const MAIL: MailSettings = {
  ...DEFAULT_MAIL_SETTINGS,
  from: 'Scottish Labour Training <training@labour.example>',
  replyTo: 'organisers@labour.example',
  controller: 'Scottish Labour (Glasgow)',
  privacyUrl: 'https://labour.example/privacy',
};

/** A clock that starts at NOW and runs: leases and backoff pass as they would in production. */
function runningClock(offsetMs = 0) {
  const started = performance.now();
  return () => new Date(NOW.getTime() + offsetMs + (performance.now() - started));
}

const quiet = () => {};


for (const target of dbTargets()) {
  describe(`email delivery over SMTP [${target.name}]`, () => {
    const t = useApp(target, { mail: MAIL });

    async function signUp(sessionId: string, overrides: Parameters<typeof signup>[1] = {}) {
      const body = signup(sessionId, overrides);
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      return body.email;
    }

    it('sends each email once, as text and HTML with the sender, reply-to, footer, a stable Message-ID and the .ics', async () => {
      const smtp = await startCatcher();
      const worker = createMailWorker({ db: t.db, transport: smtpTransport(smtp.url), mail: MAIL, now: runningClock(), log: quiet });
      try {
        const session = await addSession(t.db, { capacity: 5, spacesLeft: 5 });
        const email = await signUp(session.id, { firstName: 'Ann <b>&amp;</b> "Co"' });
        while ((await worker.runOnce()) > 0);
        const [confirmMail] = await smtp.waitFor(1);
        const row = await mailTo(t.db, email, 'confirm-place').catch(() => undefined);
        const sentRow = (await outbox(t.db, 'to_address = $1', [email]))[0]!;
        assert.ok(sentRow.sent_at, 'marked sent');
        assert.equal(sentRow.text_body, null, 'the body (with its working link) is gone once sent');
        assert.ok(row, 'the row stays, for the record');
        assert.equal(confirmMail!.messageId, messageId(sentRow.id, MAIL.from));
        assert.equal(confirmMail!.from?.text, MAIL.from.replace(/^(.*) </, '"$1" <'));
        assert.equal(confirmMail!.replyTo?.text, MAIL.replyTo);
        assert.equal(confirmMail!.subject, 'Confirm your place: Voter Persuasion');
        const text = confirmMail!.text ?? '';
        assert.match(text, /^Hello Ann <b>&amp;<\/b> "Co",/m, 'the text part as typed');
        assert.match(text, /Scottish Labour \(Glasgow\) sent you this email/);
        assert.match(text, /Privacy notice: https:\/\/labour\.example\/privacy/);
        const html = String(confirmMail!.html);
        assert.match(html, /Hello Ann &lt;b&gt;&amp;amp;&lt;\/b&gt; &quot;Co&quot;,/, 'member text escaped in HTML');
        assert.match(html, /<html lang="en-GB">/);
        assert.doesNotMatch(html, /<img|<script|src=|url\(/i, 'no images, pixels or remote content');
        const token = tokenIn(text, 'confirm');
        assert.ok(html.includes(`#mobilise-confirm=${token}`), 'the same link in both parts');

        // Confirming sends the confirmation with the calendar file.
        assert.equal((await postBooking(t.app.url, 'confirm', token)).status, 200);
        while ((await worker.runOnce()) > 0);
        const [, booked] = await smtp.waitFor(2);
        assert.equal(booked!.subject, 'You are booked: Voter Persuasion');
        const ics = booked!.attachments.find((a) => a.contentType.startsWith('text/calendar'));
        assert.ok(ics, 'an .ics attachment');
        assert.equal(ics.filename, 'session.ics');
        assert.match(ics.content.toString('utf8'), /BEGIN:VEVENT[\s\S]*DTSTART:20261203T183000Z[\s\S]*END:VCALENDAR/);
        // The reminder waits for its time; a restarted worker sends nothing again.
        const again = createMailWorker({ db: t.db, transport: smtpTransport(smtp.url), mail: MAIL, now: runningClock(), log: quiet });
        assert.equal(await again.runOnce(), 0);
        assert.equal(smtp.received.length, 2);
      } finally {
        await smtp.close();
      }
    });

    it('a refused recipient (550) and a server that is down are retried with backoff; nothing is lost', async () => {
      const port = await freePort();
      const logs: string[] = [];
      // Nothing listens on `port` yet: the SMTP server is down.
      const worker = createMailWorker({
        db: t.db,
        transport: smtpTransport(`smtp://127.0.0.1:${port}`),
        mail: MAIL,
        now: runningClock(),
        backoffMs: 50,
        log: (line) => logs.push(line),
      });
      const session = await addSession(t.db, { capacity: 5, spacesLeft: 5 });
      const refused = await signUp(session.id);
      const fine = await signUp(session.id);
      const rows = () => outbox(t.db, 'to_address = ANY($1)', [[refused, fine]]);
      assert.equal(await worker.runOnce(), 0);
      assert.deepEqual((await rows()).map((r) => [r.attempts, r.sent_at]), [[1, null], [1, null]]);
      assert.ok(logs.every((l) => !l.includes('@')), 'no addresses in the log');
      assert.ok(logs.some((l) => /^mail retry confirm-place outbox=\d+ attempt=1 (ESOCKET|ECONNECTION)/.test(l)), logs.join('\n'));

      const smtp = await startCatcher(port);
      try {
        smtp.refuse.add(refused);
        // Due again after the backoff (50 ms, then 100 ms): poll until both have been tried again.
        while ((await rows()).some((r) => r.attempts < 2)) await worker.runOnce();
        const [refusedRow, fineRow] = await rows();
        assert.ok(fineRow!.sent_at, 'the other email went out');
        assert.equal(refusedRow!.sent_at, null);
        assert.equal(refusedRow!.failed_at, null, 'still to retry');
        assert.match(String((refusedRow as unknown as { last_error: string }).last_error), /EENVELOPE 550/);
        smtp.refuse.clear();
        while (!(await rows())[0]!.sent_at) await worker.runOnce();
        await smtp.waitFor(2);
        assert.deepEqual(smtp.received.map((m) => (m.to as { text: string }).text).sort(), [fine, refused].sort());
      } finally {
        await smtp.close();
      }
    });

    it('a crash between the SMTP 250 and marking sent resends after the lease, with the same Message-ID', async () => {
      const smtp = await startCatcher();
      // Only this test's email is due.
      await t.db.query('UPDATE outbox SET cancelled_at = $1 WHERE sent_at IS NULL', [NOW]);
      try {
        const session = await addSession(t.db, { capacity: 5, spacesLeft: 5 });
        const email = await signUp(session.id);
        // The first worker "dies" right after the server accepted the message: the mark-sent never commits.
        const dying: Db = {
          ...t.db,
          query: (sql, params) => (sql.includes('SET sent_at') ? Promise.reject(new Error('crash')) : t.db.query(sql, params)),
        };
        const first = createMailWorker({ db: dying, transport: smtpTransport(smtp.url), mail: MAIL, now: runningClock(), log: quiet });
        await first.runOnce().catch(() => {});
        await smtp.waitFor(1);
        const second = createMailWorker({ db: t.db, transport: smtpTransport(smtp.url), mail: MAIL, now: runningClock(), log: quiet });
        assert.equal(await second.runOnce(), 0, 'not while the first claim holds its lease');
        const later = createMailWorker({ db: t.db, transport: smtpTransport(smtp.url), mail: MAIL, now: runningClock(121_000), log: quiet });
        assert.equal(await later.runOnce(), 1);
        await smtp.waitFor(2);
        const ids = smtp.received.filter((m) => (m.to as { text: string }).text === email).map((m) => m.messageId);
        assert.equal(ids.length, 2);
        assert.equal(ids[0], ids[1], 'a recipient’s client can tell the resend is the same email');
      } finally {
        await smtp.close();
      }
    });
  });
}

const DATABASE_URL = process.env.DATABASE_URL;
describe('two server instances over one PostgreSQL share the outbox', { skip: DATABASE_URL ? false : 'needs DATABASE_URL' }, () => {
  it('each email goes out exactly once', async () => {
    const schema = `mobilise_mail_${process.pid}_${randomBytes(3).toString('hex')}`;
    // One after the other: CREATE SCHEMA IF NOT EXISTS itself races.
    const one = await openDb({ databaseUrl: DATABASE_URL, schema });
    const two = await openDb({ databaseUrl: DATABASE_URL, schema });
    const smtp = await startCatcher();
    const apps = [await startApp(one!, { mail: MAIL }), await startApp(two!, { mail: MAIL })];
    try {
      await seedIfEmpty(one!, modules, makeSessions(NOW));
      const session = await addSession(one!, { capacity: 40, spacesLeft: 40 });
      // 120 signups spread over both instances, then both workers drain the one outbox at once.
      const results = await Promise.all(
        Array.from({ length: 120 }, (_, i) => postSignup(apps[i % 2]!.url, signup(session.id, { email: `twin${i}@example.org` }))),
      );
      assert.deepEqual(new Set(results.map((r) => r.status)), new Set([202]));
      const workers = [one!, two!].map((db) =>
        createMailWorker({ db, transport: smtpTransport(smtp.url), mail: MAIL, now: runningClock(), batch: 7, pollMs: 5, log: quiet }),
      );
      const sent = await Promise.all(
        workers.map(async (w) => {
          let n = 0;
          for (let got = await w.runOnce(); got > 0 || (await outbox(one!, 'sent_at IS NULL')).length > 0; got = await w.runOnce()) n += got;
          return n;
        }),
      );
      await smtp.waitFor(120);
      assert.equal(sent[0]! + sent[1]!, 120);
      assert.ok(sent[0]! > 0 && sent[1]! > 0, `both instances sent: ${sent}`);
      const ids = smtp.received.map((m) => m.messageId);
      assert.equal(new Set(ids).size, 120, 'no email twice');
      assert.equal((await outbox(one!, 'sent_at IS NOT NULL')).length, 120);
    } finally {
      for (const app of apps) await app.close();
      await smtp.close();
      await one!.query(`DROP SCHEMA ${schema} CASCADE`);
      await Promise.all([one!.close(), two!.close()]);
    }
  });
});
