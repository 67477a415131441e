/**
 * Members' data rights: subject access finds every row held about an address and nothing of anyone
 * else; erasure removes every personal field in every table while counts and the waiting list stay
 * exact; erasing twice is harmless.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { CSRF_HEADER } from '../../src/contract/admin.js';
import { PersonDataSchema, type EraseResult, type PersonData } from '../../src/contract/data-rights.js';
import type { Db } from '../db/types.js';
import { getSession } from '../store/catalogue.js';
import { createOrganiser } from '../store/organisers.js';
import { addSession, dbTargets, expectProblem, NOW, postSignup, signup, useApp } from './harness.js';
import { mailTo, outbox, postBooking, statusOf, tokenIn } from './journey.js';
import { asOrganiser, signIn, type SignedIn } from './organiser-helpers.js';

const TOKEN = 'data-rights-admin-token-0123456789abcdef';
// Distinctive values, so a search of every table for them cannot match anything else.
const PERSON = { firstName: 'Zebedee', lastName: 'Quuxworth', phone: '07700 900123', clp: 'Kelvinhaugh', accessNeeds: 'Step-free access please' };

/** Every text column of every table that holds rows about people, searched for these values. */
async function traces(db: Db, needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of ['signups', 'outbox', 'booking_tokens', 'signup_requests', 'pathway_tokens', 'pathway_choices', 'module_requests']) {
    const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
    for (const row of rows)
      for (const [column, value] of Object.entries(row))
        for (const needle of needles)
          if (typeof value === 'string' && value.toLowerCase().includes(needle.toLowerCase())) found.push(`${table}.${column} has ${needle}`);
  }
  return found;
}

for (const target of dbTargets()) {
  describe(`members' data rights [${target.name}]`, () => {
    const t = useApp(target, { adminToken: TOKEN, signInLimit: { windowMs: 60_000, max: 1000 } });
    let adminSession: SignedIn;
    let areaOrganiser: SignedIn;
    before(async () => {
      await createOrganiser(t.db, { email: 'ada@example.org', name: 'Ada', role: 'admin', areas: [] }, NOW);
      await createOrganiser(t.db, { email: 'gus@example.org', name: 'Gus', role: 'organiser', areas: ['Glasgow'] }, NOW);
      adminSession = await signIn(t.app.url, t.db, 'ada@example.org');
      areaOrganiser = await signIn(t.app.url, t.db, 'gus@example.org');
    });

    /** As the signed-in admin (an organiser session with the admin role, and its CSRF token). */
    const admin = (action: 'search' | 'erase', body: unknown, who: SignedIn | null = adminSession, headers: Record<string, string> = {}) =>
      asOrganiser(t.app.url, who, 'POST', `/v1/admin/people/${action}`, body, headers);
    const search = async (email: string): Promise<PersonData> => {
      const res = await admin('search', { email });
      assert.equal(res.status, 200);
      return PersonDataSchema.parse(await res.json());
    };
    const erase = async (email: string): Promise<EraseResult> => {
      const res = await admin('erase', { email, confirm: true });
      assert.equal(res.status, 200);
      return (await res.json()) as EraseResult;
    };
    /** Signs up; with `confirm`, confirms by the emailed link and returns the manage token. */
    const join = async (sessionId: string, email: string, confirm = true, person = {}) => {
      assert.equal((await postSignup(t.app.url, signup(sessionId, { email, ...person }))).status, 202);
      if (!confirm) return undefined;
      const token = tokenIn((await mailTo(t.db, email, 'confirm-place')).text_body, 'confirm');
      const res = await postBooking(t.app.url, 'confirm', token);
      assert.equal(res.status, 200);
      return ((await res.json()) as { manageToken: string }).manageToken;
    };

    it('search finds every kind of row held about the address (any case), and nothing about anyone else', async () => {
      const [one, two] = [await addSession(t.db), await addSession(t.db)];
      await join(one.id, 'subject.access@example.org', true, PERSON);
      await join(two.id, 'subject.access@example.org', false, PERSON);
      await join(one.id, 'someone.else@example.org');
      // The worker would have sent the first email and erased its body.
      await t.db.query(`UPDATE outbox SET sent_at = $2, text_body = NULL, html_body = NULL WHERE id = (SELECT min(id) FROM outbox WHERE to_address = $1)`, [
        'subject.access@example.org',
        NOW,
      ]);

      const data = await search('Subject.Access@EXAMPLE.org');
      assert.equal(data.signups.length, 2);
      const [confirmed, pending] = data.signups;
      assert.deepEqual([confirmed!.status, pending!.status], ['confirmed', 'pending']);
      assert.equal(confirmed!.sessionId, one.id);
      assert.equal(confirmed!.firstName, PERSON.firstName);
      assert.equal(confirmed!.accessNeeds, PERSON.accessNeeds);
      assert.equal(confirmed!.consent.contact, true);
      assert.ok(confirmed!.consent.givenAt && confirmed!.consent.wordingVersion, 'consent and the wording version at confirmation');
      assert.equal(pending!.consent.givenAt, null, 'no consent before the owner confirms');
      assert.deepEqual(
        data.bookingLinks.map((l) => l.purpose),
        ['confirm', 'manage', 'confirm'],
      );
      assert.ok(data.bookingLinks[0]!.usedAt, 'the used confirm link');
      assert.deepEqual(
        data.emails.map((e) => [e.kind, e.status]),
        [
          ['confirm-place', 'sent'],
          ['confirmed', 'queued'],
          ['reminder', 'queued'],
          ['confirm-place', 'queued'],
        ],
      );
      assert.equal(data.signupRequests.length, 2);
      // A pathway link in each of the four emails, none opened yet, and no pathway chosen.
      assert.deepEqual(
        data.pathway?.links.map((l) => l.lastUsedAt),
        [null, null, null, null],
      );
      assert.equal(data.pathway?.choice, null);
      assert.doesNotMatch(JSON.stringify(data), /someone\.else/);

      const text = await admin('search', { email: 'subject.access@example.org', format: 'text' });
      assert.match(text.headers.get('content-type') ?? '', /^text\/plain/);
      const body = await text.text();
      for (const value of [PERSON.firstName, PERSON.lastName, PERSON.phone, PERSON.accessNeeds, confirmed!.reference, 'link issued at', 'Pathway links emailed'])
        assert.ok(body.includes(value), `the readable copy has ${value}`);

      const nobody = await search('nobody@example.org');
      assert.deepEqual([nobody.signups, nobody.emails, nobody.bookingLinks, nobody.signupRequests, nobody.pathway], [[], [], [], [], { links: [], choice: null }]);
    });

    it("needs an admin's session with its CSRF token, a POST with a valid address (never in the URL), and confirm: true to erase", async () => {
      await expectProblem(await admin('search', { email: 'a@example.org' }, null), 401, 'unauthorized');
      // The export's bearer token does not open these: they moved to the organiser session.
      const bearer = await fetch(`${t.app.url}/v1/admin/people/search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ email: 'a@example.org' }),
      });
      await expectProblem(bearer, 401, 'unauthorized');
      const csrf = await admin('search', { email: 'a@example.org' }, adminSession, { [CSRF_HEADER]: 'wrong' });
      assert.equal(csrf.status, 403);
      assert.equal(((await csrf.json()) as { code: string }).code, 'csrf');
      // An area organiser may not search or erase people of the whole programme.
      await expectProblem(await admin('search', { email: 'a@example.org' }, areaOrganiser), 403, 'forbidden');
      await expectProblem(await admin('erase', { email: 'a@example.org', confirm: true }, areaOrganiser), 403, 'forbidden');
      const get = await fetch(`${t.app.url}/v1/admin/people/search?email=a@example.org`, { headers: { Cookie: adminSession.cookie } });
      assert.equal(get.status, 405);
      const bad = await expectProblem(await admin('search', { email: 'not an address' }), 422, 'validation');
      assert.deepEqual(bad.errors?.map((e) => e.field), ['email']);
      const unconfirmed = await expectProblem(await admin('erase', { email: 'a@example.org' }), 422, 'validation');
      assert.deepEqual(unconfirmed.errors?.map((e) => e.field), ['confirm']);
      await expectProblem(await admin('erase', { email: 'a@example.org', confirm: 'yes' }), 422, 'validation');
      // The request log has the path only: no address.
      const lines = await t.app.logged((l) => l.filter((line) => / 422 /.test(line)).length >= 3, 'the three 422 lines');
      assert.ok(lines.every((line) => !line.includes('a@example.org')));
    });

    it('erases every personal field in every table; places, waiting list and history stay exact; twice is fine', async () => {
      const email = 'erase.me@example.org';
      const person = { firstName: 'Ysolde', lastName: 'Vantongeren', phone: '07700 900456', clp: 'Partickhill', accessNeeds: 'A quiet room nearby' };
      // A session that has ended (history) and a full one with a waiting list (a live booking).
      const past = await addSession(t.db);
      await join(past.id, email, true, person);
      await t.db.query(`UPDATE sessions SET starts_at = $2, ends_at = $3 WHERE id = $1`, [past.id, '2026-10-01T18:00:00Z', '2026-10-01T20:00:00Z']);
      const full = await addSession(t.db, { capacity: 2, spacesLeft: 2, waitlist: true });
      await join(full.id, 'first@example.org');
      await join(full.id, email, true, person);
      await join(full.id, 'waiting1@example.org');
      await join(full.id, 'waiting2@example.org', false);
      const reminder = await mailTo(t.db, email, 'reminder');
      // The member chose a pathway from one of their links.
      const pathway = /#token=([A-Za-z0-9_-]{43})/.exec(reminder.text_body ?? '')![1];
      const chose = await fetch(`${t.app.url}/v1/pathway/audience`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: pathway, audience: 'candidates' }),
      });
      assert.equal(chose.status, 200);

      const result = await erase(email);
      // Six emails, none sent yet (no worker runs): the withdrawal dropped one reminder, erasure cancelled the other five and scrubbed all six.
      // Each of the six emails had a pathway link of its own.
      assert.deepEqual(result, {
        signups: 2,
        bookingsWithdrawn: 1,
        emailsCancelled: 5,
        emailBodiesRemoved: 6,
        bookingLinksDeleted: 4,
        signupRequests: 2,
        pathwayLinksDeleted: 6,
        moduleRequests: 0,
      });
      const gone = await fetch(`${t.app.url}/v1/pathway`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: pathway }) });
      await expectProblem(gone, 404, 'token-invalid');

      // The withdrawn place went to the first on the waiting list, as a cancellation's would; the other keeps position 1.
      assert.deepEqual(await statusOf(t.db, 'waiting1@example.org', full.id), { status: 'confirmed', hold: 'place' });
      assert.deepEqual(await statusOf(t.db, 'waiting2@example.org', full.id), { status: 'pending', hold: 'waitlist' });
      const session = (await getSession(t.db, full.id))!;
      assert.equal(session.spacesLeft, 0);
      const held = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signups WHERE session_id = $1 AND hold = 'place'`, [full.id]);
      assert.equal(held.rows[0]!.n, 2, 'two places, two holders');
      // The rows remain, anonymous: the ended session still counts its confirmed booking.
      const { rows } = await t.db.query<{ session_id: string; status: string; first_name: string; email: string; consent_at: Date | null }>(
        `SELECT session_id, status, first_name, email, consent_at FROM signups WHERE first_name = 'erased' AND session_id = ANY($1) ORDER BY id`,
        [[past.id, full.id]],
      );
      assert.deepEqual(
        rows.map((r) => [r.session_id, r.status, r.consent_at]),
        [
          [past.id, 'confirmed', null],
          [full.id, 'cancelled', null],
        ],
      );
      assert.ok(rows.every((r) => /^erased:\d+$/.test(r.email)));
      // No reminder goes out, and nothing anywhere mentions the person.
      const [after] = await outbox(t.db, 'id = $1', [reminder.id]);
      assert.ok(after!.cancelled_at);
      assert.deepEqual(await traces(t.db, [email, ...Object.values(person)]), []);
      const others = await search('waiting1@example.org');
      assert.equal(others.signups[0]!.firstName, 'Morven', 'other people are untouched');

      assert.deepEqual(await erase(email), {
        signups: 0,
        bookingsWithdrawn: 0,
        emailsCancelled: 0,
        emailBodiesRemoved: 0,
        bookingLinksDeleted: 0,
        signupRequests: 0,
        pathwayLinksDeleted: 0,
        moduleRequests: 0,
      });
      const found = await search(email);
      assert.equal(found.signups.length + found.emails.length, 0);
    });

    it('module requests: search lists each (page, language, consent, answer), erase deletes them and strips their emails; others keep theirs', async () => {
      const email = 'asks.for.modules@example.org';
      const ask = (who: string, area: string, locale?: string) =>
        fetch(`${t.app.url}/v1/module-requests`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ moduleId: 'voter-persuasion', area, email: who, consent: true, returnUrl: 'http://localhost:5173/training', ...(locale ? { locale } : {}) }),
        });
      assert.equal((await ask(email, 'Quuxbridge', 'gd')).status, 202);
      const token = /#mobilise-request=([A-Za-z0-9_-]{43})/.exec((await mailTo(t.db, email, 'request-confirm')).text_body ?? '')![1];
      const confirmed = await fetch(`${t.app.url}/v1/module-requests/confirm`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
      assert.equal(confirmed.status, 200);
      assert.equal((await ask(email.toUpperCase(), 'Zorbton')).status, 202);
      assert.equal((await ask('someone.else.asks@example.org', 'Quuxbridge')).status, 202);

      const data = await search(email);
      assert.deepEqual(
        data.moduleRequests?.map((r) => [r.area, r.status, r.language, r.page, r.moduleTitle, Boolean(r.confirmedAt), r.consentVersion]),
        [
          ['Quuxbridge', 'open', 'gd', 'http://localhost:5173/training', 'Voter Persuasion', true, 'request-2026-11'],
          ['Zorbton', 'pending', 'en-GB', 'http://localhost:5173/training', 'Voter Persuasion', false, null],
        ],
      );
      assert.deepEqual(data.emails.map((e) => e.kind), ['request-confirm', 'request-confirm']);
      const text = await (await admin('search', { email, format: 'text' })).text();
      assert.match(text, /Asked to hear of sessions of Voter Persuasion in Quuxbridge, .*: open/);
      assert.deepEqual((await search('nobody.asked@example.org')).moduleRequests, []);

      const result = await erase(email);
      assert.equal(result.moduleRequests, 2);
      assert.equal(result.emailBodiesRemoved, 2, 'both confirmation emails lose their address and text');
      assert.deepEqual(await traces(t.db, [email, 'Zorbton']), []);
      const left = await t.db.query<{ area: string }>('SELECT area FROM module_requests WHERE area = ANY($1)', [['Quuxbridge', 'Zorbton']]);
      assert.deepEqual(left.rows.map((r) => r.area), ['Quuxbridge'], 'someone else’s request stays');
      assert.equal((await erase(email)).moduleRequests, 0, 'erasing again finds nothing');
    });

  });
}
