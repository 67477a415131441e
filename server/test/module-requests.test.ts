/**
 * "Ask for this module near me" (issue 14) through the real app: a request is confirmed by its
 * emailed link before it counts; organisers see the count per module and area, never who; when
 * a session of the module is published in the area, each confirmed requester gets exactly one
 * email (delivered over SMTP and parsed with mailparser), in their language, and is not emailed
 * again. On PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedMail } from 'mailparser';
import type { ManagedSession } from '../../src/contract/admin.js';
import { moduleRequestPaths, PooledRequestsResponseSchema, type ModuleRequestInput } from '../../src/contract/module-request.js';
import { startCatcher, type Catcher } from '../../scripts/mail-catcher.js';
import { DEFAULT_MAIL_SETTINGS } from '../mail/settings.js';
import { createMailWorker, smtpTransport } from '../mail/worker.js';
import { createOrganiser } from '../store/organisers.js';
import { ALLOWED_ORIGIN, dbTargets, expectProblem, NOW, startApp, useApp } from './harness.js';
import { outbox } from './journey.js';
import { asOrganiser, post, signIn, type SignedIn } from './organiser-helpers.js';

const PAGE = `${ALLOWED_ORIGIN}/training`;
/** The server's own request page (src/elements/module-request), where confirmation links lead: the app's default origin. */
const REQUEST_PAGE = 'http://localhost:8787/request';
let counter = 0;
const unique = (name: string) => `${name}${++counter}.${Math.random().toString(36).slice(2, 8)}@example.org`;

/** A valid request; override any field. */
const request = (overrides: Partial<ModuleRequestInput> = {}): ModuleRequestInput => ({
  moduleId: 'voter-persuasion',
  area: 'Paisley',
  email: unique('asker'),
  consent: true,
  returnUrl: `${PAGE}?utm=x#top`,
  ...overrides,
});

/** The token in a request-confirm email's link, to the request page (in the member's language: `?lang=`). */
function confirmToken(text: string | null): string {
  const match = new RegExp(`${REQUEST_PAGE.replace(/[.?]/g, '\\$&')}(?:\\?lang=(?:gd|cy))?#mobilise-request=([A-Za-z0-9_-]{43})`).exec(text ?? '');
  assert.ok(match, `no confirm link to the request page in:\n${text}`);
  return match[1]!;
}

for (const target of dbTargets()) {
  describe(`ask for a module near me [${target.name}]`, () => {
    let clock = NOW;
    const t = useApp(target, { now: () => clock, signInLimit: { windowMs: 60_000, max: 1000 } });
    let admin: SignedIn;
    let paisley: SignedIn;
    let smtp: Catcher;
    before(async () => {
      await createOrganiser(t.db, { email: 'ada@example.org', name: 'Ada', role: 'admin', areas: [] }, NOW);
      await createOrganiser(t.db, { email: 'pat@example.org', name: 'Pat', role: 'organiser', areas: ['Paisley'] }, NOW);
      admin = await signIn(t.app.url, t.db, 'ada@example.org');
      paisley = await signIn(t.app.url, t.db, 'pat@example.org');
      smtp = await startCatcher();
    });
    after(() => smtp.close());

    const ask = (body: unknown) => post(t.app.url, moduleRequestPaths.create, body, { Origin: ALLOWED_ORIGIN });
    const confirm = (token: string) => post(t.app.url, moduleRequestPaths.confirm, { token }, { Origin: ALLOWED_ORIGIN });
    const mailsTo = (email: string, kind = 'request-confirm') => outbox(t.db, 'lower(to_address) = lower($1) AND kind = $2', [email, kind]);
    async function pooled(who: SignedIn) {
      const res = await asOrganiser(t.app.url, who, 'GET', moduleRequestPaths.pooled);
      assert.equal(res.status, 200);
      const text = await res.text();
      return { text, requests: PooledRequestsResponseSchema.parse(JSON.parse(text)).requests };
    }
    const waitingIn = async (who: SignedIn, area: string, moduleId = 'voter-persuasion') =>
      (await pooled(who)).requests.find((r) => r.moduleId === moduleId && r.area.toLowerCase() === area.toLowerCase())?.waiting ?? 0;
    /** Asks and follows the emailed link: a confirmed request. */
    async function asked(overrides: Partial<ModuleRequestInput> = {}) {
      const body = request(overrides);
      assert.equal((await ask(body)).status, 202);
      const [mail] = await mailsTo(body.email);
      assert.equal((await confirm(confirmToken(mail!.text_body))).status, 200);
      return body;
    }
    /** A session made and published through the admin API, as an organiser does. */
    async function publish(area: string, moduleId = 'voter-persuasion', start = '2026-12-10T18:30:00Z') {
      const made = await asOrganiser(t.app.url, admin, 'POST', '/v1/admin/sessions', { moduleId, start, end: start.replace('18:30', '20:30'), delivery: 'online', area, capacity: 10 });
      assert.equal(made.status, 201, await made.clone().text());
      const { session } = (await made.json()) as ManagedSession;
      const res = await asOrganiser(t.app.url, admin, 'POST', `/v1/admin/sessions/${session.id}/publish`);
      assert.equal(res.status, 200);
      return session;
    }
    /** Sends everything due through a real SMTP server; what arrived, parsed by mailparser. */
    async function deliver(): Promise<ParsedMail[]> {
      const before = smtp.received.length;
      const worker = createMailWorker({ db: t.db, transport: smtpTransport(smtp.url), mail: DEFAULT_MAIL_SETTINGS, now: () => clock, log: () => {} });
      let sent = 0;
      for (let n; (n = await worker.runOnce()) > 0; ) sent += n;
      return (await smtp.waitFor(before + sent)).slice(before);
    }
    const to = (mails: ParsedMail[], email: string) => mails.filter((m) => JSON.stringify(m.to).toLowerCase().includes(email.toLowerCase()));

    it('request → confirmation email → confirm → counted for the area’s organiser and admins, as a number only', async () => {
      const body = request({ area: '  Paisley ' });
      const res = await ask(body);
      assert.equal(res.status, 202);
      assert.deepEqual(await res.json(), { status: 'pending', moduleId: 'voter-persuasion', area: 'Paisley' });
      const [mail, ...more] = await mailsTo(body.email);
      assert.equal(more.length, 0);
      assert.equal(mail!.subject, 'Confirm your request: Voter Persuasion');
      const token = confirmToken(mail!.text_body);
      assert.ok(mail!.html_body?.includes(`${REQUEST_PAGE}#mobilise-request=${token}`), 'the HTML part has the same link, to the server’s request page');
      const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM module_requests WHERE lower(email) = lower($1)', [body.email]);
      assert.notEqual(stored.rows[0]!.token_hash, token, 'only the token’s hash is kept');
      assert.equal(await waitingIn(admin, 'Paisley'), 0, 'unconfirmed: counts for nothing');

      const confirmed = await confirm(token);
      assert.equal(confirmed.status, 200);
      assert.deepEqual(await confirmed.json(), { status: 'open', moduleId: 'voter-persuasion', area: 'Paisley' });
      assert.equal((await confirm(token)).status, 200, 'following the link again answers the request as it stands');
      assert.equal(await waitingIn(admin, 'Paisley'), 1);
      const seen = await pooled(paisley);
      assert.equal(seen.requests.find((r) => r.area === 'Paisley')?.waiting, 1, 'the area’s organiser sees it');
      assert.ok(!seen.text.includes(body.email) && !seen.text.includes('@'), 'no address in what organisers see');
      assert.equal((await asOrganiser(t.app.url, null, 'GET', moduleRequestPaths.pooled)).status, 401);
      // The request log names the routes (fixed paths), and nothing of what was sent.
      const logged = await t.app.logged((lines) => lines.some((l) => /^POST \/v1\/module-requests\/confirm 200 /.test(l)), 'the confirmation');
      assert.ok(logged.some((l) => /^POST \/v1\/module-requests 202 \d+ms$/.test(l)));
      assert.ok(!logged.some((l) => l.includes(body.email) || l.includes(token)));
    });

    it('organisers see only their areas (matched in any letter case); admins every area', async () => {
      await asked({ area: 'kilmarnock', moduleId: 'field-organising-1' });
      await asked({ area: 'PAISLEY', moduleId: 'field-organising-1' });
      const mine = await pooled(paisley);
      assert.deepEqual(
        mine.requests.map((r) => r.area.toLowerCase()),
        mine.requests.map(() => 'paisley'),
        'only Paisley’s requests, whatever the case they were typed in',
      );
      assert.equal(await waitingIn(paisley, 'Paisley', 'field-organising-1'), 1);
      assert.equal(await waitingIn(admin, 'Kilmarnock', 'field-organising-1'), 1);
      const row = (await pooled(admin)).requests.find((r) => r.area === 'kilmarnock')!;
      assert.equal(row.moduleTitle, 'Field Organising (part one)');
      assert.equal(row.newest, NOW.toISOString());
    });

    it('the same answer whatever the address: a repeat is one request, a pending one gets a fresh link, a confirmed one nothing', async () => {
      const body = request({ area: 'Renfrew' });
      const first = await (await ask(body)).json();
      const again = await ask({ ...body, area: 'RENFREW', email: body.email.toUpperCase() });
      assert.equal(again.status, 202);
      assert.deepEqual({ ...(await again.json()), area: 'Renfrew' }, first, 'the answer says only what was asked');
      const links = (await mailsTo(body.email)).map((m) => confirmToken(m.text_body));
      assert.equal(links.length, 2, 'a pending request is sent a new link');
      await expectProblem(await confirm(links[0]!), 404, 'token-invalid');
      assert.equal((await confirm(links[1]!)).status, 200);
      assert.equal((await ask(body)).status, 202);
      assert.equal((await mailsTo(body.email)).length, 2, 'a confirmed request is not emailed again');
      const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM module_requests WHERE lower(email) = lower($1)', [body.email]);
      assert.equal(rows.rows[0]!.n, 1);
      assert.equal(await waitingIn(admin, 'Renfrew'), 1);
    });

    it('refuses what the signup refuses (email, area, consent, a foreign page), an unknown module, a bad token; a bot gets a person’s answer and nothing is kept', async () => {
      const refused = await expectProblem(await ask(request({ email: 'not-an-address', area: ' ', consent: false as unknown as true, returnUrl: 'https://evil.example/x' })), 422, 'validation');
      assert.deepEqual(refused.errors!.map((e) => e.field).sort(), ['area', 'consent', 'email', 'returnUrl']);
      assert.equal(refused.errors!.find((e) => e.field === 'email')!.message, 'Enter an email address in the correct format, like name@example.com');
      await expectProblem(await ask(request({ moduleId: 'no-such-module' })), 404, 'not-found');
      await expectProblem(await post(t.app.url, moduleRequestPaths.create, request(), { Origin: 'https://evil.example' }), 403, 'forbidden');
      await expectProblem(await confirm('A'.repeat(43)), 404, 'token-invalid');
      await expectProblem(await confirm('short'), 422, 'validation');

      const bot = request({ area: 'Botland', website: 'https://spam.example' });
      const res = await ask(bot);
      assert.equal(res.status, 202);
      assert.deepEqual(await res.json(), { status: 'pending', moduleId: 'voter-persuasion', area: 'Botland' });
      assert.equal((await mailsTo(bot.email)).length, 0, 'no email');
      const kept = await t.db.query('SELECT 1 FROM module_requests WHERE area = $1', ['Botland']);
      assert.equal(kept.rows.length, 0, 'nothing stored');
    });

    it('the request page: asked from it (its own origin, not an allowed one), confirmed on it, in the member’s language', async () => {
      const body = request({ area: 'Barrhead', locale: 'cy-GB' });
      const res = await post(t.app.url, moduleRequestPaths.create, body, { Origin: new URL(REQUEST_PAGE).origin });
      assert.equal(res.status, 202, 'the server’s own /request page may ask');
      const [mail] = await mailsTo(body.email);
      assert.match(mail!.text_body ?? '', new RegExp(`${REQUEST_PAGE}\\?lang=cy#mobilise-request=[A-Za-z0-9_-]{43}`), 'a Welsh request confirms on the Welsh page');
      const confirmed = await post(t.app.url, moduleRequestPaths.confirm, { token: confirmToken(mail!.text_body) }, { Origin: new URL(REQUEST_PAGE).origin });
      assert.equal(confirmed.status, 200);
      assert.equal(await waitingIn(admin, 'Barrhead'), 1);
    });

    it('serves the request page at /request under a strict CSP, in the language ?lang= names, with the privacy notice', async () => {
      const res = await fetch(`${t.app.url}/request?lang=gd&module=voter-persuasion`);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'; script-src 'self'/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      if (res.status === 503) return assert.match(await res.text(), /npm run build/);
      assert.equal(res.status, 200);
      const page = await res.text();
      assert.match(page, /<html lang="gd">/);
      assert.match(page, /<script type="module" src="\/request\/request\.js"><\/script>/);
      assert.match(page, /<mobilise-module-request>/, 'no privacy notice configured: none linked');
      const withNotice = await startApp(t.db, { mail: { ...DEFAULT_MAIL_SETTINGS, privacyUrl: 'https://example.org/privacy?a=1&b="2"' } });
      try {
        const html = await (await fetch(`${withNotice.url}/request`)).text();
        assert.match(html, /<mobilise-module-request privacy-url="https:\/\/example\.org\/privacy\?a=1&amp;b=&quot;2&quot;">/);
        assert.match(html, /<html lang="en-GB">/);
      } finally {
        await withNotice.close();
      }
    });

    it('an unconfirmed link lapses after a week', async () => {
      const body = request({ area: 'Greenock' });
      await ask(body);
      const [mail] = await mailsTo(body.email);
      assert.match(mail!.text_body ?? '', /The link works until Thursday, 3 December 2026 at 12:00 pm \(UK time\)\./);
      clock = new Date(NOW.getTime() + 7 * 86_400_000 + 1);
      try {
        await expectProblem(await confirm(confirmToken(mail!.text_body)), 410, 'token-expired');
      } finally {
        clock = NOW;
      }
      assert.equal(await waitingIn(admin, 'Greenock'), 0);
    });

    it('publishing a session emails each confirmed requester in its area once, in their language, with a link to book; the unconfirmed and other areas nothing', async () => {
      const english = await asked({ area: 'Dumbarton' });
      const welsh = await asked({ area: 'dumbarton', locale: 'cy-GB' });
      const pending = request({ area: 'Dumbarton' });
      await ask(pending);
      const pendingToken = confirmToken((await mailsTo(pending.email))[0]!.text_body);
      const elsewhere = await asked({ area: 'Clydebank' });
      const otherModule = await asked({ area: 'Dumbarton', moduleId: 'field-organising-1' });
      await deliver(); // the confirmation emails: out of the way

      const session = await publish('Dumbarton');
      const audit = await t.db.query<{ detail: { emailed?: number } }>(`SELECT detail FROM audit_log WHERE action = 'session.publish' AND target = $1`, [session.id]);
      assert.deepEqual(audit.rows[0]!.detail, { emailed: 2 }, 'the audit log says how many were emailed');
      const mails = await deliver();
      assert.equal(to(mails, english.email).length, 1);
      assert.equal(to(mails, welsh.email).length, 1);
      for (const nobody of [pending.email, elsewhere.email, otherModule.email]) assert.equal(to(mails, nobody).length, 0, `${nobody} is not emailed`);

      const [en] = to(mails, english.email);
      assert.equal(en!.subject, 'A session near you: Voter Persuasion');
      assert.match(en!.text ?? '', /^Hello,$/m);
      assert.match(en!.text ?? '', /You asked us to tell you when this module was arranged in this area: Dumbarton\./);
      assert.match(en!.text ?? '', /When: Thursday, 10 December 2026 at 6:30 pm to 8:30 pm \(UK time\)/);
      // The calendar's own deep link on the page they asked from (its query and fragment dropped).
      const link = `${PAGE}#session=${session.id}`;
      assert.ok(en!.text?.includes(`See the session and book:\n${link}`), en!.text);
      assert.match(String(en!.html), new RegExp(`<a href="${link.replace(/[.?]/g, '\\$&')}"`));
      assert.match(en!.text ?? '', /ask for a training session nearby/, 'the footer says why this address got it');
      const [cy] = to(mails, welsh.email);
      assert.equal(cy!.subject, 'Sesiwn yn agos atoch: Perswadio Pleidleiswyr', 'the module’s Welsh title');
      assert.match(cy!.text ?? '', /^Helo,$/m);
      assert.match(String(cy!.html), /<html lang="cy">/);

      assert.equal(await waitingIn(admin, 'Dumbarton'), 0, 'answered requests no longer wait');
      assert.equal(await waitingIn(admin, 'Dumbarton', 'field-organising-1'), 1);
      const closed = await t.db.query<{ status: string; notified_session_id: string }>(
        'SELECT status, notified_session_id FROM module_requests WHERE lower(email) = ANY($1)',
        [[english.email.toLowerCase(), welsh.email.toLowerCase()]],
      );
      assert.deepEqual(closed.rows.map((r) => [r.status, r.notified_session_id]), [['notified', session.id], ['notified', session.id]]);

      // Unpublished and published again, or a second session there: nobody is emailed twice.
      await asOrganiser(t.app.url, admin, 'POST', `/v1/admin/sessions/${session.id}/unpublish`);
      await asOrganiser(t.app.url, admin, 'POST', `/v1/admin/sessions/${session.id}/publish`);
      await publish('DUMBARTON', 'voter-persuasion', '2026-12-17T18:30:00Z');
      const later = await deliver();
      assert.equal(to(later, english.email).length + to(later, welsh.email).length, 0);
      // The one still pending can confirm and wait for the next.
      assert.equal((await confirm(pendingToken)).status, 200);
      assert.equal(await waitingIn(admin, 'Dumbarton'), 1);
    });

    it('a published session moved into the area (a typo put right) emails its requesters then; an edit that keeps the area does not', async () => {
      const body = await asked({ area: 'Johnstone' });
      const session = await publish('Jonstone');
      assert.equal((await mailsTo(body.email, 'request-session')).length, 0);
      const edit = (patch: object, version: number) =>
        asOrganiser(t.app.url, admin, 'PATCH', `/v1/admin/sessions/${session.id}`, patch, { 'If-Match': `"${version}"` });
      const current = async () => ((await (await asOrganiser(t.app.url, admin, 'GET', `/v1/admin/sessions/${session.id}`)).json()) as ManagedSession).version;
      assert.equal((await edit({ area: 'JOHNSTONE' }, await current())).status, 200);
      const [mail, ...more] = await mailsTo(body.email, 'request-session');
      assert.equal(more.length, 0);
      assert.ok(mail!.text_body?.includes(`${PAGE}#session=${session.id}`));
      const audit = await t.db.query<{ detail: { emailed?: number } }>(`SELECT detail FROM audit_log WHERE action = 'session.update' AND target = $1`, [session.id]);
      assert.equal(audit.rows[0]!.detail.emailed, 1, 'the edit’s audit entry counts the email');
      assert.equal((await edit({ capacity: 12 }, await current())).status, 200);
      assert.equal((await mailsTo(body.email, 'request-session')).length, 1, 'not again');
    });

    it('a session that cannot be booked (cancelled before publishing) emails nobody and leaves the requests waiting', async () => {
      await asked({ area: 'Gourock' });
      const made = await asOrganiser(t.app.url, admin, 'POST', '/v1/admin/sessions', {
        moduleId: 'voter-persuasion', start: '2026-12-10T18:30:00Z', end: '2026-12-10T20:30:00Z', delivery: 'online', area: 'Gourock', capacity: 10,
      });
      const { session } = (await made.json()) as ManagedSession;
      assert.equal((await asOrganiser(t.app.url, admin, 'POST', `/v1/admin/sessions/${session.id}/cancel`, {})).status, 200);
      assert.equal((await asOrganiser(t.app.url, admin, 'POST', `/v1/admin/sessions/${session.id}/publish`)).status, 200);
      assert.equal((await outbox(t.db, `kind = 'request-session'`)).filter((m) => m.text_body?.includes(session.id)).length, 0);
      assert.equal(await waitingIn(admin, 'Gourock'), 1);
    });
  });

  describe(`module requests are rate-limited like signups [${target.name}]`, () => {
    const t = useApp(target, { rateLimit: { windowMs: 60_000, max: 2 } });
    it('the third request in a minute from one address is refused with Retry-After', async () => {
      for (let i = 0; i < 2; i++) assert.equal((await post(t.app.url, moduleRequestPaths.create, request(), { Origin: ALLOWED_ORIGIN })).status, 202);
      const res = await post(t.app.url, moduleRequestPaths.create, request(), { Origin: ALLOWED_ORIGIN });
      await expectProblem(res, 429, 'rate-limited');
      assert.ok(Number(res.headers.get('retry-after')) > 0);
    });
  });
}
