/**
 * Joining details stay private (issue 14): an online or hybrid session's link and instructions
 * reach a member only while their place is confirmed (the booking view, and the confirmation,
 * promotion, reminder and time-change emails), and no public read ever: every public GET route
 * in the OpenAPI document is asked, so a route added later is covered without touching this file.
 */
import assert from 'node:assert/strict';
import { before, after, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import type { ManagedSession } from '../../src/contract/admin.js';
import { startCatcher, type Catcher } from '../../scripts/mail-catcher.js';
import { DEFAULT_MAIL_SETTINGS } from '../mail/settings.js';
import { createMailWorker, smtpTransport } from '../mail/worker.js';
import { buildOpenApi } from '../openapi.js';
import { seedJoining } from '../seed/joining.js';
import { createOrganiser } from '../store/organisers.js';
import { dbTargets, expectProblem, NOW, postSignup, signup, useApp } from './harness.js';
import { mailTo, outbox, postBooking, tokenIn } from './journey.js';
import { asOrganiser, signIn, type SignedIn } from './organiser-helpers.js';

const URL_ = 'https://meet.example.org/j/secret-room-7f3a?pwd=Kx9';
const INSTRUCTIONS = 'Meeting ID 987 6543 2100, passcode Kestrel-42; join 5 minutes early.\nThe host admits you.';
/** What must never leak, whole or in part (a calendar file escapes , and ; and folds long lines). */
const NEEDLES = [URL_, 'secret-room-7f3a', INSTRUCTIONS, 'Kestrel-42', '987 6543 2100'];

/** A response's text as a reader would see it: JSON without escapes, an iCalendar file unfolded and unescaped. */
function readable(body: string, type: string): string {
  if (type.includes('json')) return JSON.stringify(JSON.parse(body));
  if (type.includes('calendar')) return body.replace(/\r?\n[ \t]/g, '').replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, '\n');
  return body;
}
const leaks = (text: string, needles = NEEDLES) => needles.filter((n) => text.includes(n) || text.includes(n.replace(/\n/g, '\r\n')));

interface Operation {
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: { enum?: string[] } }[];
}

/** Every GET the document says anyone may call (no security requirement). */
function publicGets(): { path: string; operation: Operation }[] {
  const doc = buildOpenApi() as { paths: Record<string, Record<string, Operation>>; security?: unknown[] };
  assert.ok(!doc.security?.length, 'no document-wide security: an operation without its own is public');
  return Object.entries(doc.paths).flatMap(([path, item]) => (item.get && !item.get.security?.length ? [{ path, operation: item.get }] : []));
}

/** The requests to make of one route: bare, each enum value of each query parameter on its own, and every parameter we know a value for. */
function requestsFor(path: string, operation: Operation, known: Record<string, string>, ids: string[]): string[] {
  const query = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const variants: Record<string, string>[] = [{}];
  for (const p of query) for (const value of p.schema?.enum ?? []) variants.push({ [p.name]: value });
  variants.push(Object.fromEntries(query.filter((p) => known[p.name] !== undefined).map((p) => [p.name, known[p.name]!])));
  const paths = path.includes('{') ? ids.map((id) => path.replace(/\{[^}]+\}/g, encodeURIComponent(id))) : [path];
  return paths.flatMap((p) => variants.map((v) => (Object.keys(v).length ? `${p}?${new URLSearchParams(v)}` : p)));
}

for (const target of dbTargets()) {
  describe(`joining details stay private [${target.name}]`, () => {
    const t = useApp(target, { signInLimit: { windowMs: 60_000, max: 1000 } });
    let admin: SignedIn;
    let smtp: Catcher;
    before(async () => {
      await createOrganiser(t.db, { email: 'ada@example.org', name: 'Ada', role: 'admin', areas: [] }, NOW);
      admin = await signIn(t.app.url, t.db, 'ada@example.org');
      smtp = await startCatcher();
    });
    after(() => smtp.close());

    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => asOrganiser(t.app.url, admin, method, path, body, headers);
    const fields = { moduleId: 'voter-persuasion', start: '2026-12-10T18:30:00Z', end: '2026-12-10T20:30:00Z', delivery: 'online', area: 'Glasgow' };
    /** A published session through the admin API, as an organiser makes one. */
    async function published(extra: Record<string, unknown>): Promise<ManagedSession> {
      const res = await call('POST', '/v1/admin/sessions', { ...fields, capacity: 1, ...extra });
      assert.equal(res.status, 201, await res.clone().text());
      const id = ((await res.json()) as ManagedSession).session.id;
      const pub = await call('POST', `/v1/admin/sessions/${id}/publish`);
      assert.equal(pub.status, 200);
      return (await pub.json()) as ManagedSession;
    }
    /** Sends everything due at `at` through a real SMTP server; answers what arrived, parsed by mailparser. */
    async function deliver(at = NOW): Promise<ParsedMail[]> {
      const before = smtp.received.length;
      const worker = createMailWorker({ db: t.db, transport: smtpTransport(smtp.url), mail: DEFAULT_MAIL_SETTINGS, now: () => at, log: () => {} });
      let sent = 0;
      for (let n; (n = await worker.runOnce()) > 0; ) sent += n;
      return (await smtp.waitFor(before + sent)).slice(before);
    }
    const to = (mails: ParsedMail[], email: string) => mails.filter((m) => JSON.stringify(m.to).includes(email));
    const joinLink = new RegExp(`<a href="${URL_.replace(/[.?]/g, '\\$&')}">`);
    /** Carries both, the link as an HTML link too, or neither. */
    function assertJoining(mail: ParsedMail, carries: boolean, what: string) {
      const text = mail.text ?? '';
      const html = String(mail.html);
      if (carries) {
        assert.ok(text.includes(URL_) && text.includes(INSTRUCTIONS), `${what}: the text part has the link and instructions:\n${text}`);
        assert.match(html, joinLink, `${what}: the HTML part links to it`);
        assert.match(html, /Meeting ID 987 6543 2100, passcode Kestrel-42; join 5 minutes early\.<br>The host admits you\./);
      } else {
        assert.deepEqual(leaks(`${text}\n${html}`), [], `${what}: none of it`);
      }
    }

    it('organisers set, read, clear and copy them; only https links and short instructions are taken', async () => {
      for (const [joining, field] of [
        [{ url: 'http://meet.example.org/x' }, 'joining.url'],
        [{ url: 'https://meet.example.org/a b' }, 'joining.url'],
        [{ url: 'https://user:pw@meet.example.org/x' }, 'joining.url'],
        [{ url: `https://meet.example.org/${'x'.repeat(2_000)}` }, 'joining.url'],
        [{ url: 'https://meet.example.org/a\u0001b' }, 'joining.url'],
        [{ instructions: 'x'.repeat(1_001) }, 'joining.instructions'],
        [{ instructions: 'bell\u0007' }, 'joining.instructions'],
      ] as const) {
        const problem = await expectProblem(await call('POST', '/v1/admin/sessions', { ...fields, capacity: 5, joining }), 422, 'validation');
        assert.deepEqual(problem.errors?.map((e) => e.field), [field], JSON.stringify(joining));
      }
      const made = await published({ joining: { url: URL_, instructions: `  ${INSTRUCTIONS}  ` } });
      assert.deepEqual(made.joining, { url: URL_, instructions: INSTRUCTIONS }, 'instructions trimmed');
      const id = made.session.id;
      assert.ok(!('joining' in made.session), 'not inside the public session');

      const cleared = await call('PATCH', `/v1/admin/sessions/${id}`, { joining: null }, { 'If-Match': String(made.version) });
      assert.equal(cleared.status, 200);
      const after = (await cleared.json()) as ManagedSession;
      assert.equal(after.joining, undefined);
      const again = await call('PATCH', `/v1/admin/sessions/${id}`, { joining: { instructions: 'Phone in: 0141 496 0000' } }, { 'If-Match': String(after.version) });
      assert.deepEqual(((await again.json()) as ManagedSession).joining, { instructions: 'Phone in: 0141 496 0000' }, 'one without the other');

      const copy = await call('POST', `/v1/admin/sessions/${id}/duplicate`, { start: '2026-12-17T18:30:00Z', end: '2026-12-17T20:30:00Z' });
      assert.deepEqual(((await copy.json()) as ManagedSession).joining, { instructions: 'Phone in: 0141 496 0000' }, 'a copy keeps them');
    });

    it('appear in no public GET route of the OpenAPI document, for this session or the seeded ones', async () => {
      const { session } = await published({ capacity: 5, joining: { url: URL_, instructions: INSTRUCTIONS } });
      const seeded = ((await (await fetch(`${t.app.url}/v1/sessions?delivery=online`)).json()) as { sessions: { id: string; delivery: string }[] }).sessions[0]!;
      const seedJoiningOf = seedJoining(seeded as { id: string; delivery: "online" })!;
      const needles = [...NEEDLES, seedJoiningOf.url!, seedJoiningOf.instructions!, 'meet.example.org'];
      const routes = publicGets();
      assert.ok(['/v1/modules', '/v1/sessions', '/v1/sessions/{id}.ics'].every((p) => routes.some((r) => r.path === p)), `the known public reads are found: ${routes.map((r) => r.path)}`);
      const known = { module: session.moduleId, area: session.area, delivery: session.delivery, locale: 'gd', from: '2026-12-01T00:00:00Z', to: '2026-12-31T00:00:00Z' };
      let asked = 0;
      for (const { path, operation } of routes) {
        for (const url of requestsFor(path, operation, known, [session.id, seeded.id])) {
          const res = await fetch(`${t.app.url}${url}`);
          const body = await res.text();
          assert.ok(res.status < 500, `${url}: ${res.status}`);
          assert.deepEqual(leaks(readable(body, res.headers.get('content-type') ?? ''), needles), [], `${url} leaks`);
          asked++;
        }
      }
      // The session was there to leak: listed, and its calendar file served.
      assert.match(await (await fetch(`${t.app.url}/v1/sessions?area=Glasgow`)).text(), new RegExp(session.id));
      assert.equal((await fetch(`${t.app.url}/v1/sessions/${session.id}.ics`)).status, 200);
      assert.ok(asked >= 10, `asked ${asked}`);
    });

    it('a confirmed booking sees them; pending, waitlisted, cancelled and expired do not; emails likewise', async () => {
      const { session, version } = await published({ waitlist: true, joining: { url: URL_, instructions: INSTRUCTIONS } });
      const join = async () => {
        const body = signup(session.id);
        assert.equal((await postSignup(t.app.url, body)).status, 202);
        return body.email;
      };
      /** The link in the newest confirm-place email: from the outbox while unsent, else as delivered. */
      const confirmLink = async (email: string) =>
        (await mailTo(t.db, email, 'confirm-place')).text_body ?? to(smtp.received, email).filter((m) => /^Confirm your place/.test(m.subject!)).at(-1)!.text!;
      const confirm = async (email: string) => {
        const res = await postBooking(t.app.url, 'confirm', tokenIn(await confirmLink(email), 'confirm'));
        assert.equal(res.status, 200);
        return (await res.json()) as { status: string; joining?: unknown; manageToken?: string };
      };
      const view = async (token: string) => (await (await postBooking(t.app.url, 'view', token)).json()) as { status: string; joining?: unknown };

      const ann = await join();
      const bea = await join(); // the one place is held for Ann: Bea waits
      const pending = await deliver();
      for (const email of [ann, bea]) assertJoining(to(pending, email)[0]!, false, `${email}'s confirm-place (pending)`);

      const annConfirmed = await confirm(ann);
      assert.equal(annConfirmed.status, 'confirmed');
      assert.deepEqual(annConfirmed.joining, { url: URL_, instructions: INSTRUCTIONS }, 'the confirmation answer');
      assert.deepEqual((await view(annConfirmed.manageToken!)).joining, { url: URL_, instructions: INSTRUCTIONS }, 'the manage link');
      const beaWaiting = await confirm(bea);
      assert.equal(beaWaiting.status, 'waitlisted');
      assert.equal(beaWaiting.joining, undefined);
      assert.equal((await view(beaWaiting.manageToken!)).joining, undefined, 'waitlisted: not in the view');
      let mails = await deliver();
      assertJoining(to(mails, ann).find((m) => /^You are booked/.test(m.subject!))!, true, 'the confirmation');
      assertJoining(to(mails, bea).find((m) => /^On the waiting list/.test(m.subject!))!, false, 'the waiting-list email');

      // Ann cancels: her view shows none; Bea is promoted and sees them.
      const cancelled = (await (await postBooking(t.app.url, 'cancel', annConfirmed.manageToken!)).json()) as { status: string; joining?: unknown };
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.joining, undefined);
      assert.equal((await view(annConfirmed.manageToken!)).joining, undefined, 'cancelled: not in the view');
      assert.deepEqual((await view(beaWaiting.manageToken!)).joining, { url: URL_, instructions: INSTRUCTIONS }, 'promoted: now in the view');
      mails = await deliver();
      assertJoining(to(mails, ann)[0]!, false, 'the cancellation');
      assertJoining(to(mails, bea).find((m) => /^A place is yours/.test(m.subject!))!, true, 'the promotion');

      // Cara holds a waiting-list slot and lets it lapse: the confirm link answers expired, with none.
      const cara = await join();
      await t.db.query(`UPDATE signups SET hold_expires_at = $2 WHERE lower(email) = lower($1)`, [cara, new Date(NOW.getTime() - 1)]);
      const expired = await confirm(cara);
      assert.equal(expired.status, 'expired');
      assert.equal(expired.joining, undefined);

      // A new time: the confirmed member's email carries them, the pending one's does not.
      const dan = await join();
      await deliver();
      const moved = await call('PATCH', `/v1/admin/sessions/${session.id}`, { start: '2026-12-11T18:30:00Z', end: '2026-12-11T20:30:00Z' }, { 'If-Match': String(version) });
      assert.equal(moved.status, 200, await moved.clone().text());
      mails = await deliver();
      assertJoining(to(mails, bea).find((m) => /^Changed/.test(m.subject!))!, true, 'the time change to the confirmed member');
      assertJoining(to(mails, dan).find((m) => /^Changed/.test(m.subject!))!, false, 'the time change to the pending member');

      // A new link after booking: the reminder still queued is written again with it.
      const newUrl = 'https://meet.example.org/j/new-room-2b?pwd=Q1';
      const current = (await (await call('GET', `/v1/admin/sessions/${session.id}`)).json()) as ManagedSession;
      const relinked = await call('PATCH', `/v1/admin/sessions/${session.id}`, { joining: { url: newUrl, instructions: INSTRUCTIONS } }, { 'If-Match': String(current.version) });
      assert.equal(relinked.status, 200);
      const reminders = await outbox(t.db, `kind = 'reminder' AND sent_at IS NULL AND cancelled_at IS NULL`);
      assert.deepEqual(reminders.map((r) => r.to_address), [bea], 'one reminder, for the one confirmed member');
      const reminder = (await deliver(new Date('2026-12-11T12:00:00Z'))).find((m) => /^Reminder/.test(m.subject!))!;
      assert.ok(reminder.text?.includes(newUrl) && !reminder.text.includes(URL_), `the reminder has the new link:\n${reminder.text}`);
      assert.ok(String(reminder.html).includes(`<a href="${newUrl}">`));
      assert.ok(reminder.text?.includes(INSTRUCTIONS));

      // Organisers' previews and exports carry none.
      const preview = await call('POST', `/v1/admin/sessions/${session.id}/cancel-preview`, { note: 'Sorry' });
      assert.deepEqual(leaks(await preview.text(), [newUrl, ...NEEDLES]), [], 'the cancel preview');
      const csv = await call('GET', `/v1/admin/signups.csv?session=${session.id}`);
      assert.equal(csv.status, 200);
      assert.deepEqual(leaks(await csv.text(), [newUrl, ...NEEDLES]), [], 'the CSV export');
    });

    it('an in-person session keeps them but shows them to nobody', async () => {
      const { session, version } = await published({ joining: { url: URL_, instructions: INSTRUCTIONS } });
      const moved = await call('PATCH', `/v1/admin/sessions/${session.id}`, { delivery: 'in-person', venue: { name: 'Hall', address: '1 Road', postcode: 'G1 1AA' } }, { 'If-Match': String(version) });
      assert.equal(moved.status, 200, await moved.clone().text());
      assert.deepEqual(((await moved.json()) as ManagedSession).joining, { url: URL_, instructions: INSTRUCTIONS }, 'kept for the organisers');
      const body = signup(session.id);
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      const res = await postBooking(t.app.url, 'confirm', tokenIn((await mailTo(t.db, body.email, 'confirm-place')).text_body, 'confirm'));
      const confirmed = (await res.json()) as { status: string; joining?: unknown };
      assert.equal(confirmed.status, 'confirmed');
      assert.equal(confirmed.joining, undefined);
      assertJoining(to(await deliver(), body.email).find((m) => /^You are booked/.test(m.subject!))!, false, 'the in-person confirmation');
    });
  });
}
