/**
 * "My Mobilise pathway" (issue 14): every member email links to it; the link's token opens the
 * member's own pathway (attended from organisers' records, booked, what to take next) and nothing
 * else; an unknown link shows nothing; the chosen pathway is remembered; erasure (data-rights.test.ts)
 * and retention take the links with the member.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PathwaySchema, type Pathway } from '../../src/contract/pathway-api.js';
import { PATHWAYS } from '../../src/contract/pathways.js';
import type { Db } from '../db/types.js';
import { markAttendance } from '../store/admin-sessions.js';
import { fittingAudience } from '../store/pathway.js';
import { purgeExpired } from '../store/retention.js';
import { addSession, dbTargets, expectProblem, NOW, postSignup, signup, startApp, useApp } from './harness.js';
import { mailTo, outbox, postBooking, tokenIn } from './journey.js';

const LINK = /^Your Mobilise pathway: (http:\/\/localhost:8787\/pathway(?:\?lang=(?:gd|cy))?#token=([A-Za-z0-9_-]{43}))$/m;

/** The pathway link of an email's text: the whole link and its token. */
function pathwayLink(text: string | null): { link: string; token: string } {
  const match = LINK.exec(text ?? '');
  assert.ok(match, `no pathway link in:\n${text}`);
  return { link: match[1]!, token: match[2]! };
}

const send = (url: string, method: 'POST' | 'PUT', path: string, body: unknown) =>
  fetch(`${url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

for (const target of dbTargets()) {
  describe(`my Mobilise pathway [${target.name}]`, () => {
    const t = useApp(target);

    const pathway = async (token: string, locale?: string): Promise<Pathway> => {
      const res = await send(t.app.url, 'POST', '/v1/pathway', { token, ...(locale ? { locale } : {}) });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(res.headers.get('cache-control'), 'no-store');
      return PathwaySchema.parse(await res.json());
    };
    /** Signs up and confirms; returns the signup's id and the confirmed email's pathway token. */
    const book = async (sessionId: string, email: string, more = {}) => {
      assert.equal((await postSignup(t.app.url, signup(sessionId, { email, ...more }))).status, 202);
      const confirm = await mailTo(t.db, email, 'confirm-place');
      assert.equal((await postBooking(t.app.url, 'confirm', tokenIn(confirm.text_body, 'confirm'))).status, 200);
      const { rows } = await t.db.query<{ id: number }>('SELECT id FROM signups WHERE session_id = $1 AND lower(email) = lower($2)', [sessionId, email]);
      return { signupId: rows[0]!.id, token: pathwayLink((await mailTo(t.db, email, 'confirmed')).text_body).token };
    };
    const endSession = (db: Db, id: string, at = '2026-11-20T18:00:00Z') =>
      db.query(`UPDATE sessions SET starts_at = $2, ends_at = $2::timestamptz + interval '2 hours', signup_deadline = NULL WHERE id = $1`, [id, at]);

    it('is linked from every member email, each link its own, and shows the booking and what to take next', async () => {
      const email = `new.activist.${target.name}@example.org`;
      const session = await addSession(t.db, { moduleId: 'voter-persuasion' });
      const { token } = await book(session.id, email);
      const mails = await outbox(t.db, 'lower(to_address) = $1', [email]);
      assert.deepEqual(mails.map((m) => m.kind), ['confirm-place', 'confirmed', 'reminder']);
      const links = mails.map((m) => pathwayLink(m.text_body));
      assert.equal(new Set(links.map((l) => l.token)).size, 3, 'a link of its own in each email (only hashes are kept)');
      for (const [i, m] of mails.entries()) assert.ok(m.html_body!.includes(`href="${links[i]!.link}"`), 'the HTML part links it too');
      // Only hashes are stored.
      const stored = await t.db.query<{ hash: string }>('SELECT hash FROM pathway_tokens WHERE email_key = $1', [email]);
      assert.equal(stored.rows.length, 3);
      assert.ok(stored.rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash) && !links.some((l) => l.token === r.hash)));

      for (const link of links) {
        const seen = await pathway(link.token);
        assert.equal(seen.audience, 'new-activists', 'nothing chosen: the pathway that fits Voter Persuasion, new activists first');
        assert.equal(seen.chosen, false);
        assert.deepEqual(
          seen.steps.map((s) => [s.moduleId, s.state]),
          PATHWAYS['new-activists'].map((id) => [id, id === 'voter-persuasion' ? 'booked' : 'to-take']),
        );
        assert.deepEqual(seen.next, { moduleId: 'voter-persuasion', title: 'Voter Persuasion', lang: 'en-GB' }, 'booked, not yet taken');
        assert.deepEqual(
          seen.booked.map((b) => [b.moduleId, b.sessionId, b.status, b.start]),
          [['voter-persuasion', session.id, 'confirmed', new Date(session.start).toISOString()]],
        );
        assert.deepEqual(seen.attended, []);
        assert.deepEqual(seen.programme, { attended: 0, modules: 12 });
      }
      // Nothing personal: no name, address or contact detail whoever holds the link.
      assert.doesNotMatch(JSON.stringify(await pathway(token)), /Morven|example\.org|G1 1AA/);
    });

    it('advances when an organiser marks attendance: attended, and the next module moves on', async () => {
      const email = `attends.${target.name}@example.org`;
      const first = await addSession(t.db, { moduleId: 'voter-persuasion' });
      const second = await addSession(t.db, { moduleId: 'field-organising-1', start: '2026-12-10T18:00:00+00:00', end: '2026-12-10T21:00:00+00:00' });
      const { signupId, token } = await book(first.id, email);
      await book(second.id, email);
      assert.equal((await pathway(token)).next?.moduleId, 'voter-persuasion');

      await endSession(t.db, first.id);
      const before = await pathway(token);
      assert.deepEqual(before.booked.map((b) => b.moduleId), ['field-organising-1'], 'a session that has ended is no longer booked');
      assert.equal(before.steps[0]!.state, 'to-take', 'nor attended until an organiser says so');

      assert.equal(await markAttendance(t.db, first.id, signupId, true, NOW), 'marked');
      const after = await pathway(token);
      assert.deepEqual(after.steps.slice(0, 3).map((s) => s.state), ['attended', 'booked', 'to-take']);
      assert.deepEqual(after.attended.map((a) => [a.moduleId, a.sessionStart]), [['voter-persuasion', '2026-11-20T18:00:00.000Z']]);
      assert.equal(after.next?.moduleId, 'field-organising-1', 'the next step moves on to the booked part one');
      assert.deepEqual(after.programme, { attended: 1, modules: 12 });
    });

    it('shows a member only their own bookings, whatever the case of the address', async () => {
      const session = await addSession(t.db);
      const mine = await book(session.id, `Case.Member.${target.name}@Example.org`);
      await book(session.id, `someone.else.${target.name}@example.org`);
      const other = await addSession(t.db, { moduleId: 'building-your-clp' });
      await book(other.id, `case.member.${target.name}@example.org`.toUpperCase());
      const seen = await pathway(mine.token);
      assert.deepEqual(seen.booked.map((b) => b.sessionId).sort(), [session.id, other.id].sort());
    });

    it('speaks the member’s language: a Gaelic member’s link says so, and titles come translated', async () => {
      const email = `gaelic.${target.name}@example.org`;
      const session = await addSession(t.db, { moduleId: 'voter-persuasion' });
      assert.equal((await postSignup(t.app.url, signup(session.id, { email, locale: 'gd' }))).status, 202);
      const { link, token } = pathwayLink((await mailTo(t.db, email, 'confirm-place')).text_body?.replace('An t-slighe Mobilise agad', 'Your Mobilise pathway') ?? null);
      assert.match(link, /\/pathway\?lang=gd#token=/);
      const seen = await pathway(token, 'gd');
      assert.deepEqual(seen.booked.map((b) => [b.title, b.lang, b.status]), [['Cur Ìmpidh air Luchd-bhòtaidh', 'gd', 'pending']]);
      assert.equal((await pathway(token)).booked[0]!.lang, 'en-GB', 'English unless the page asks');
    });

    it('remembers the pathway a member chooses, and refuses an unknown audience', async () => {
      const session = await addSession(t.db, { moduleId: 'message-print' });
      const { token } = await book(session.id, `chooser.${target.name}@example.org`);
      assert.equal((await pathway(token)).audience, 'activists', 'Delivering your message: print fits activists first');
      const res = await send(t.app.url, 'PUT', '/v1/pathway/audience', { token, audience: 'role-holders' });
      assert.equal(res.status, 200);
      const chosen = PathwaySchema.parse(await res.json());
      assert.deepEqual([chosen.audience, chosen.chosen, chosen.steps.length], ['role-holders', true, PATHWAYS['role-holders'].length]);
      assert.deepEqual([(await pathway(token)).audience, (await pathway(token)).chosen], ['role-holders', true]);
      const bad = await expectProblem(await send(t.app.url, 'PUT', '/v1/pathway/audience', { token, audience: 'everyone' }), 422, 'validation');
      assert.deepEqual(bad.errors?.map((e) => e.field), ['audience']);
    });

    it('shows nothing without a working link: unknown and malformed tokens, a token in the URL', async () => {
      const unknown = await expectProblem(await send(t.app.url, 'POST', '/v1/pathway', { token: 'A'.repeat(43) }), 404, 'token-invalid');
      assert.deepEqual(Object.keys(unknown).sort(), ['code', 'detail', 'status', 'title', 'type']);
      const choose = await send(t.app.url, 'PUT', '/v1/pathway/audience', { token: 'A'.repeat(43), audience: 'activists' });
      await expectProblem(choose, 404, 'token-invalid');
      const short = await expectProblem(await send(t.app.url, 'POST', '/v1/pathway', { token: 'abc' }), 422, 'validation');
      assert.deepEqual(short.errors?.map((e) => e.field), ['token']);
      assert.equal((await fetch(`${t.app.url}/v1/pathway?token=${'A'.repeat(43)}`)).status, 405);
    });

    it('is rate-limited per address', async () => {
      const app = await startApp(t.db, { pathwayLimit: { windowMs: 60_000, max: 3 } });
      try {
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push((await send(app.url, 'POST', '/v1/pathway', { token: 'B'.repeat(43) })).status);
        assert.deepEqual(statuses, [404, 404, 404, 429]);
      } finally {
        await app.close();
      }
    });

    it('goes with retention: the links stay while a signup of the member is kept, and go with the last', async () => {
      const email = `retained.${target.name}@example.org`;
      const old = await addSession(t.db);
      const { token } = await book(old.id, email);
      const later = await addSession(t.db);
      await book(later.id, email);
      await endSession(t.db, old.id, '2025-06-01T18:00:00Z');
      await purgeExpired(t.db, NOW, { personalMonths: 12 });
      assert.equal((await pathway(token)).booked.length, 1, 'a signup is left: the pathway stays');
      await endSession(t.db, later.id, '2025-07-01T18:00:00Z');
      await purgeExpired(t.db, NOW, { personalMonths: 12 });
      await expectProblem(await send(t.app.url, 'POST', '/v1/pathway', { token }), 404, 'token-invalid');
      assert.equal((await t.db.query('SELECT 1 FROM pathway_tokens WHERE email_key = $1', [email])).rowCount, 0);
    });

    it('serves the page at /pathway under a strict CSP, in the language ?lang= names', async () => {
      const res = await fetch(`${t.app.url}/pathway?lang=cy`);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'; script-src 'self'/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      if (res.status === 503) return assert.match(await res.text(), /npm run build/);
      assert.equal(res.status, 200);
      const page = await res.text();
      assert.match(page, /<html lang="cy">/);
      assert.match(page, /<script type="module" src="\/pathway\/pathway\.js"><\/script>/);
      assert.match(await (await fetch(`${t.app.url}/pathway?lang=fr`)).text(), /<html lang="en-GB">/);
    });
  });
}

describe('the fitting audience', () => {
  it('is the one whose pathway holds most of what was taken, new activists first on a tie', () => {
    assert.equal(fittingAudience(new Set()), 'new-activists');
    assert.equal(fittingAudience(new Set(['voter-persuasion'])), 'new-activists');
    assert.equal(fittingAudience(new Set(['building-your-clp'])), 'role-holders');
    assert.equal(fittingAudience(new Set(['message-digital-video', 'message-digital-advertising'])), 'candidates');
  });
});
