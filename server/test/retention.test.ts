/**
 * The retention rule on a fake clock: access needs go 30 days after the session, everything personal
 * 12 months after; the scheduler runs the rule; the settings are parsed with clear errors.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config.js';
import type { Db } from '../db/types.js';
import { purgeExpired, startRetention, type Purged } from '../store/retention.js';
import { addSession, dbTargets, postSignup, signup, useApp } from './harness.js';
import { mailTo } from './journey.js';

const DAY = 86_400_000;

interface Row {
  first_name: string;
  email: string;
  access_needs: string | null;
  status: string;
}

async function rowOf(db: Db, sessionId: string): Promise<Row> {
  const { rows } = await db.query<Row>('SELECT first_name, email, access_needs, status FROM signups WHERE session_id = $1', [sessionId]);
  return rows[0]!;
}

for (const target of dbTargets()) {
  describe(`retention [${target.name}]`, () => {
    const t = useApp(target);

    /** A session with one signup (access needs given), moved into the past so it ended at `endedAt`. */
    async function endedSession(endedAt: Date) {
      const session = await addSession(t.db);
      const email = `kept.${session.id}@example.org`;
      assert.equal((await postSignup(t.app.url, signup(session.id, { email, firstName: 'Ailsa', accessNeeds: 'A hearing loop' }))).status, 202);
      await t.db.query('UPDATE sessions SET starts_at = $2, ends_at = $3 WHERE id = $1', [
        session.id,
        new Date(endedAt.getTime() - 2 * 3_600_000),
        endedAt,
      ]);
      return { session, email };
    }

    it('access needs go 30 days after the session (29: kept, 31: gone), the rest stays', async () => {
      const ended = new Date('2026-06-01T20:00:00Z');
      const { session } = await endedSession(ended);
      await purgeExpired(t.db, new Date(ended.getTime() + 29 * DAY));
      assert.equal((await rowOf(t.db, session.id)).access_needs, 'A hearing loop');
      await purgeExpired(t.db, new Date(ended.getTime() + 31 * DAY));
      const row = await rowOf(t.db, session.id);
      assert.equal(row.access_needs, null);
      assert.equal(row.first_name, 'Ailsa', 'other personal data stays for now');
    });

    it('personal data goes 12 months after the session (11: kept, 13: erased), the row and its status stay', async () => {
      const ended = new Date('2025-03-10T20:00:00Z');
      const { session, email } = await endedSession(ended);
      const months = (n: number) => new Date(Date.UTC(2025, 2 + n, 10, 21));
      await purgeExpired(t.db, months(11));
      assert.equal((await rowOf(t.db, session.id)).first_name, 'Ailsa');
      const purged = await purgeExpired(t.db, months(13));
      assert.ok(purged.signups >= 1);
      const row = await rowOf(t.db, session.id);
      assert.deepEqual([row.first_name, row.access_needs, row.status], ['erased', null, 'pending']);
      assert.match(row.email, /^erased:\d+$/);
      const [mail] = await t.db.query<{ to_address: string; text_body: string | null }>(
        `SELECT to_address, text_body FROM outbox WHERE signup_id = (SELECT id FROM signups WHERE session_id = $1)`,
        [session.id],
      ).then((r) => r.rows);
      assert.deepEqual(mail, { to_address: 'erased', text_body: null });
      await assert.rejects(mailTo(t.db, email, 'confirm-place'));
      assert.deepEqual(await purgeExpired(t.db, months(13)), { signups: 0, accessNeeds: 0, moduleRequests: 0 }, 'a second run finds nothing');
    });

    it('a shorter rule applies (RETENTION_MONTHS=1, ACCESS_NEEDS_DAYS=1)', async () => {
      const ended = new Date('2026-08-01T20:00:00Z');
      const { session } = await endedSession(ended);
      await purgeExpired(t.db, new Date(ended.getTime() + 2 * DAY), { personalMonths: 1, accessNeedsDays: 1 });
      assert.deepEqual([(await rowOf(t.db, session.id)).first_name, (await rowOf(t.db, session.id)).access_needs], ['Ailsa', null]);
      await purgeExpired(t.db, new Date(ended.getTime() + 32 * DAY), { personalMonths: 1, accessNeedsDays: 1 });
      assert.equal((await rowOf(t.db, session.id)).first_name, 'erased');
    });

    it('module requests: an unconfirmed one goes once its link lapses (7 days), a confirmed one 12 months after it was made or answered', async () => {
      const ask = async (email: string, area: string, confirm: boolean) => {
        const res = await fetch(`${t.app.url}/v1/module-requests`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ moduleId: 'voter-persuasion', area, email, consent: true, returnUrl: 'http://localhost:5173/training' }),
        });
        assert.equal(res.status, 202);
        if (!confirm) return;
        const token = /#mobilise-request=([A-Za-z0-9_-]{43})/.exec((await mailTo(t.db, email, 'request-confirm')).text_body ?? '')![1];
        assert.equal((await fetch(`${t.app.url}/v1/module-requests/confirm`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) })).status, 200);
      };
      // The app's clock is the harness's NOW (2026-11-26).
      await ask('unconfirmed.asker@example.org', 'Retainshire', false);
      await ask('confirmed.asker@example.org', 'Retainshire', true);
      const held = async () => (await t.db.query<{ email: string }>(`SELECT email FROM module_requests WHERE area = 'Retainshire' ORDER BY id`)).rows.map((r) => r.email);
      const at = (days: number) => new Date(Date.UTC(2026, 10, 26, 12) + days * DAY);
      assert.equal((await purgeExpired(t.db, at(6))).moduleRequests, 0);
      assert.deepEqual(await held(), ['unconfirmed.asker@example.org', 'confirmed.asker@example.org']);
      assert.equal((await purgeExpired(t.db, at(8))).moduleRequests, 1, 'the unconfirmed one: its link lapsed');
      assert.deepEqual(await held(), ['confirmed.asker@example.org']);
      const [mail] = (await t.db.query<{ to_address: string; text_body: string | null; cancelled_at: Date | null }>(
        `SELECT to_address, text_body, cancelled_at FROM outbox WHERE kind = 'request-confirm' AND to_address IN ('erased', 'unconfirmed.asker@example.org') ORDER BY id DESC LIMIT 1`,
      )).rows;
      assert.deepEqual([mail!.to_address, mail!.text_body, Boolean(mail!.cancelled_at)], ['erased', null, true], 'its unsent email keeps no address or text');
      assert.equal((await purgeExpired(t.db, at(360))).moduleRequests, 0);
      assert.equal((await purgeExpired(t.db, at(370))).moduleRequests, 1, 'twelve months on');
      assert.deepEqual(await held(), []);
    });

    it('the scheduler runs the rule at start and then on its interval, on its clock', async () => {
      const ended = new Date('2024-01-05T20:00:00Z');
      const { session } = await endedSession(ended);
      const runs: Purged[] = [];
      let ranTwice!: () => void;
      const twice = new Promise<void>((resolve) => (ranTwice = resolve));
      const retention = startRetention({
        db: t.db,
        now: () => new Date('2025-06-01T00:00:00Z'),
        everyMs: 20,
        log: () => {},
        onRun: (purged) => {
          runs.push(purged);
          if (runs.length === 2) ranTwice();
        },
      });
      await twice;
      await retention.stop();
      assert.ok(runs[0]!.signups >= 1, 'the first run erased the old signup');
      assert.equal(runs[1]!.signups, 0, 'the next found nothing left');
      assert.equal((await rowOf(t.db, session.id)).first_name, 'erased');
    });
  });
}

describe('retention settings', () => {
  it('default to 12 months and 30 days; refuse nonsense naming the variable', () => {
    assert.deepEqual(loadConfig({}).retention, { personalMonths: 12, accessNeedsDays: 30 });
    assert.deepEqual(loadConfig({ RETENTION_MONTHS: '24', ACCESS_NEEDS_DAYS: '7' }).retention, { personalMonths: 24, accessNeedsDays: 7 });
    assert.throws(() => loadConfig({ RETENTION_MONTHS: '0' }), /RETENTION_MONTHS wants months/);
    assert.throws(() => loadConfig({ ACCESS_NEEDS_DAYS: 'soon' }), /ACCESS_NEEDS_DAYS wants days/);
    assert.throws(() => loadConfig({ RETENTION_MONTHS: '1', ACCESS_NEEDS_DAYS: '60' }), /ACCESS_NEEDS_DAYS wants at most/);
  });
});
