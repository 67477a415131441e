import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_COOKIE, AdminSessionSchema, CSRF_HEADER } from '../../src/contract/admin.js';
import type { Db } from '../db/types.js';
import { canSee, scopeAreas } from '../http/organiser-session.js';
import { createOrganiser, setDisabled, type OrganiserRow } from '../store/organisers.js';
import { dbTargets, expectProblem, NOW, startApp, type Running } from './harness.js';
import { outbox } from './journey.js';
import { linkTokenFor, post, signIn as signInAt, type SignedIn } from './organiser-helpers.js';

const ADMIN_ORIGIN = 'https://admin.example.org';
/** expectProblem's checks for the organisers' own code, which the members' ProblemSchema does not list. */
async function expectCsrf(res: Response): Promise<void> {
  assert.equal(res.status, 403);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = (await res.json()) as { code: string; type: string };
  assert.equal(body.code, 'csrf');
  assert.match(body.type, /\/problems\/csrf$/);
}

for (const target of dbTargets()) {
  describe(`organisers' sign-in [${target.name}]`, () => {
    let db: Db;
    let app: Running;
    let clock = NOW;
    let admin: OrganiserRow;
    let glasgow: OrganiserRow;
    let off: OrganiserRow;
    before(async () => {
      db = await target.open();
      app = await startApp(db, { adminOrigin: ADMIN_ORIGIN, now: () => clock, signInLimit: { windowMs: 60_000, max: 1000 } });
      admin = await createOrganiser(db, { email: 'Ada.Admin@example.org', name: 'Ada Admin', role: 'admin', areas: [] }, NOW);
      glasgow = await createOrganiser(db, { email: 'gus@example.org', name: 'Gus Glasgow', role: 'organiser', areas: ['Glasgow'] }, NOW);
      off = await createOrganiser(db, { email: 'off@example.org', name: 'Dee Disabled', role: 'organiser', areas: ['Fife'] }, NOW);
      await setDisabled(db, off.id, true, NOW);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const signIn = (email: string, on = app): Promise<SignedIn> => signInAt(on.url, db, email);
    const me = (s: { cookie: string }) => fetch(`${app.url}/v1/admin/me`, { headers: { Cookie: s.cookie } });

    it('emails a one-time link with the token in the fragment at ADMIN_ORIGIN, whatever the Host header says', async () => {
      const res = await post(app.url, '/v1/admin/sign-in', { email: '  ada.admin@EXAMPLE.org ' });
      assert.equal(res.status, 202);
      assert.deepEqual(await res.json(), { status: 'sent' });
      const { link } = await linkTokenFor(db, 'ada.admin@example.org');
      assert.match(link, /^https:\/\/admin\.example\.org\/admin\/#sign-in=[A-Za-z0-9_-]{43}$/);
      assert.ok(!link.includes('?'), 'never in a query');
      const stored = await db.query<{ hash: string }>('SELECT hash FROM organiser_sign_in_tokens');
      assert.ok(stored.rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash) && !link.includes(r.hash)), 'only hashes are stored');
    });

    it('answers the same for an account, no account, and a disabled account (no enumeration)', async () => {
      const answers = [];
      for (const email of ['gus@example.org', 'nobody@example.org', 'off@example.org']) {
        const res = await post(app.url, '/v1/admin/sign-in', { email });
        const headers = [...res.headers].filter(([k]) => k !== 'date');
        answers.push({ status: res.status, body: await res.text(), headers });
      }
      assert.deepEqual(answers[1], answers[0]);
      assert.deepEqual(answers[2], answers[0]);
      assert.equal((await outbox(db, 'to_address = ANY($1)', [['nobody@example.org', 'off@example.org']])).length, 0, 'no email to either');
    });

    it('refuses a malformed address with a field message', async () => {
      const problem = await expectProblem(await post(app.url, '/v1/admin/sign-in', { email: 'not-an-address' }), 422, 'validation');
      assert.equal(problem.errors?.[0]?.field, 'email');
    });

    it('starts a session: HttpOnly, SameSite=Strict, Path=/, Max-Age 12 h cookie (no Secure on plain-http localhost); no email in the answer', async () => {
      const s = await signIn('gus@example.org');
      const set = s.res.headers.get('set-cookie')!;
      assert.match(set, /HttpOnly/);
      assert.match(set, /SameSite=Strict/);
      assert.match(set, /Path=\//);
      assert.match(set, /Max-Age=43200/);
      assert.doesNotMatch(set, /Secure/);
      const body = await s.res.json();
      assert.deepEqual(body.organiser, { id: glasgow.id, name: 'Gus Glasgow', role: 'organiser', areas: ['Glasgow'] });
      assert.ok(!JSON.stringify(body).includes('@'));
      const cookieValue = s.cookie.split('=')[1]!;
      const ids = await db.query<{ id: string }>('SELECT id FROM organiser_sessions');
      assert.ok(ids.rows.every((r) => r.id !== cookieValue), 'the cookie value itself is not stored');
      const res = await me(s);
      assert.equal(res.status, 200);
      assert.deepEqual(AdminSessionSchema.parse(await res.json()), { organiser: body.organiser, csrfToken: s.csrfToken });
    });

    it('sets Secure wherever it is not plain-http localhost', async () => {
      const secure = await startApp(db, { adminOrigin: ADMIN_ORIGIN, now: () => clock, secureCookies: true, signInLimit: { windowMs: 60_000, max: 1000 } });
      try {
        const s = await signIn('gus@example.org', secure);
        assert.match(s.res.headers.get('set-cookie')!, /; Secure/);
      } finally {
        await secure.close();
      }
    });

    it('a link works once, and not after 15 minutes', async () => {
      await post(app.url, '/v1/admin/sign-in', { email: 'gus@example.org' });
      const { token } = await linkTokenFor(db, 'gus@example.org');
      assert.equal((await post(app.url, '/v1/admin/session', { token })).status, 200);
      await expectProblem(await post(app.url, '/v1/admin/session', { token }), 409, 'token-used');
      await expectProblem(await post(app.url, '/v1/admin/session', { token: 'A'.repeat(43) }), 404, 'token-invalid');
      await expectProblem(await post(app.url, '/v1/admin/session', { token: 'short' }), 422, 'validation');

      await post(app.url, '/v1/admin/sign-in', { email: 'gus@example.org' });
      const late = await linkTokenFor(db, 'gus@example.org');
      clock = new Date(NOW.getTime() + 15 * 60_000 + 1000);
      try {
        await expectProblem(await post(app.url, '/v1/admin/session', { token: late.token }), 410, 'token-expired');
      } finally {
        clock = NOW;
      }
    });

    it('is 401 without a session, and after the session has expired', async () => {
      await expectProblem(await fetch(`${app.url}/v1/admin/me`), 401, 'unauthorized');
      await expectProblem(await me({ cookie: `${ADMIN_COOKIE}=${'x'.repeat(43)}` }), 401, 'unauthorized');
      const s = await signIn('gus@example.org');
      clock = new Date(NOW.getTime() + 12 * 3_600_000 - 1000);
      try {
        assert.equal((await me(s)).status, 200);
        clock = new Date(NOW.getTime() + 12 * 3_600_000);
        await expectProblem(await me(s), 401, 'unauthorized');
      } finally {
        clock = NOW;
      }
    });

    it('refuses a state change without the session CSRF token (403 csrf), then signs out', async () => {
      const s = await signIn('ada.admin@example.org');
      const signOut = (headers: Record<string, string>) => post(app.url, '/v1/admin/sign-out', {}, { Cookie: s.cookie, ...headers });
      await expectCsrf(await signOut({}));
      await expectCsrf(await signOut({ [CSRF_HEADER]: `${s.csrfToken.slice(0, -1)}x` }));
      const other = await signIn('gus@example.org');
      await expectCsrf(await signOut({ [CSRF_HEADER]: other.csrfToken }));
      assert.equal((await me(s)).status, 200, 'still signed in after the refusals');
      const res = await signOut({ [CSRF_HEADER]: s.csrfToken });
      assert.equal(res.status, 204);
      assert.match(res.headers.get('set-cookie') ?? '', new RegExp(`${ADMIN_COOKIE}=;.*Max-Age=0`));
      await expectProblem(await me(s), 401, 'unauthorized');
      assert.equal((await me(other)).status, 200, 'other sessions stay');
    });

    it("a disabled account's sessions stop at once, and enabling it again does not revive them", async () => {
      const s = await signIn('gus@example.org');
      assert.equal((await me(s)).status, 200);
      await db.query('UPDATE organisers SET disabled_at = $2 WHERE id = $1', [glasgow.id, NOW]);
      await expectProblem(await me(s), 401, 'unauthorized');
      await db.query('UPDATE organisers SET disabled_at = NULL WHERE id = $1', [glasgow.id]);
      assert.equal((await me(s)).status, 200, 'checked per request: the flag alone decides');
      await setDisabled(db, glasgow.id, true, NOW);
      await setDisabled(db, glasgow.id, false, NOW);
      await expectProblem(await me(s), 401, 'unauthorized');
    });

    it("a link sent before the account was disabled does not sign in", async () => {
      await post(app.url, '/v1/admin/sign-in', { email: 'gus@example.org' });
      const { token } = await linkTokenFor(db, 'gus@example.org');
      await setDisabled(db, glasgow.id, true, NOW);
      try {
        await expectProblem(await post(app.url, '/v1/admin/session', { token }), 404, 'token-invalid');
      } finally {
        await setDisabled(db, glasgow.id, false, NOW);
      }
    });

    it('audits every request, success and failure, with ids and hash prefixes only; logs hold no address', async () => {
      const { rows } = await db.query<{ actor: string; action: string; target: string | null; detail: unknown }>(
        'SELECT actor, action, target, detail FROM audit_log ORDER BY id',
      );
      const actions = new Set(rows.map((r) => `${r.actor} ${r.action}`));
      for (const want of [
        `${admin.id} sign-in.requested`,
        `anonymous sign-in.requested`,
        `${off.id} sign-in.requested`,
        `${glasgow.id} sign-in.succeeded`,
        `${glasgow.id} sign-in.failed`,
        `anonymous sign-in.failed`,
        `${admin.id} sign-out`,
      ]) {
        assert.ok(actions.has(want), `no "${want}" in ${[...actions].join(', ')}`);
      }
      const text = JSON.stringify(rows) + app.logs.join('\n');
      for (const personal of ['@', 'Gus', 'Ada', 'Dee', 'example']) assert.ok(!text.includes(personal), `audit or log holds ${personal}`);
      const requested = rows.find((r) => r.action === 'sign-in.requested' && r.actor === 'anonymous')!;
      assert.match((requested.detail as { email: string }).email, /^[0-9a-f]{12}$/);
    });
  });

  describe(`sign-in rate limits [${target.name}]`, () => {
    let db: Db;
    let app: Running;
    before(async () => {
      db = await target.open();
      app = await startApp(db, { trustedProxies: 1, signInLimit: { windowMs: 60_000, max: 2 } });
    });
    after(async () => {
      await app.close();
      await db.close();
    });
    const from = (address: string) => ({ 'X-Forwarded-For': address });

    it('limits requests per client address, whatever the email', async () => {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(app.url, '/v1/admin/sign-in', { email: `p${i}@example.org` }, from('203.0.113.1'))).status);
      assert.deepEqual(statuses, [202, 202, 429]);
    });

    it('limits requests per email, whatever the client address (and case)', async () => {
      const statuses = [];
      for (const [i, email] of ['x@example.org', 'X@example.org', 'x@EXAMPLE.org'].entries()) {
        statuses.push((await post(app.url, '/v1/admin/sign-in', { email }, from(`198.51.100.${i}`))).status);
      }
      assert.deepEqual(statuses, [202, 202, 429]);
      const problem = await expectProblem(await post(app.url, '/v1/admin/sign-in', { email: 'x@example.org' }, from('198.51.100.9')), 429, 'rate-limited');
      assert.ok((problem.retryAfter ?? 0) > 0);
    });

    it('limits link redemptions per client address, successful or not', async () => {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(app.url, '/v1/admin/session', { token: 'B'.repeat(43) }, from('192.0.2.7'))).status);
      assert.deepEqual(statuses, [404, 404, 429]);
      const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'sign-in.rate-limited'");
      assert.ok(rows[0]!.n >= 3);
    });
  });
}

describe('area scope', () => {
  const admin = { role: 'admin' as const, areas: [] };
  const organiser = { role: 'organiser' as const, areas: ['Glasgow', 'Edinburgh'] };
  it('an admin sees every area; an organiser only theirs', () => {
    assert.equal(scopeAreas(admin), null);
    assert.deepEqual(scopeAreas(organiser), ['Glasgow', 'Edinburgh']);
    assert.ok(canSee(admin, 'Fife'));
    assert.ok(canSee(organiser, 'Glasgow'));
    assert.ok(!canSee(organiser, 'Fife'));
    assert.ok(!canSee(organiser, 'glasgow'), 'area names are exact, as sessions store them');
  });
});
