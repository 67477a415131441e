/**
 * A filled honeypot must be undetectable: the bot gets exactly what the same
 * request gets without it (validation errors, full, closed, not found, confirmed
 * or waitlisted with its position), and nothing is stored.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Session } from '../../src/contract/index.js';
import { addSession, countSignups, dbTargets, postSignup, signup, useApp } from './harness.js';

/** What a client can observe (the answer has no random part: nothing identifies a signup). */
async function observed(res: Response) {
  const text = await res.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  return { status: res.status, contentType: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control'), body };
}

for (const target of dbTargets()) {
  describe(`honeypot [${target.name}]`, () => {
    const t = useApp(target);

    const spaces = async (id: string) =>
      (await t.db.query<{ spaces_left: number; waitlist_count: number }>('SELECT spaces_left, waitlist_count FROM sessions WHERE id = $1', [id])).rows[0];

    it('answers a filled honeypot exactly as the same request without it, and stores nothing', async () => {
      const open = await addSession(t.db, { capacity: 5, spacesLeft: 5 });
      const waitlisting = await addSession(t.db, { capacity: 1, spacesLeft: 0, status: 'full', waitlist: true });
      const full = await addSession(t.db, { capacity: 1, spacesLeft: 0, status: 'full', waitlist: false });
      const cancelled = await addSession(t.db, { status: 'cancelled' });
      const past = await addSession(t.db, { signupDeadline: '2026-11-01T00:00:00+00:00' });
      const cases: [string, Session | undefined, Record<string, unknown>][] = [
        ['valid, open session', open, {}],
        ['invalid email', open, { email: 'not-an-email' }],
        ['several invalid fields', open, { email: 'x', postcode: '??', consentContact: false }],
        ['waiting list', waitlisting, {}],
        ['full, no waiting list', full, {}],
        ['cancelled', cancelled, {}],
        ['past its deadline', past, {}],
        ['unknown session', undefined, { sessionId: 'no-such-session' }],
      ];
      for (const [name, session, overrides] of cases) {
        const person = { ...signup(session?.id ?? 'no-such-session'), ...overrides };
        const before = session && { places: await spaces(session.id), rows: await countSignups(t.db, session.id) };
        const bot = await observed(await postSignup(t.app.url, { ...person, website: 'https://spam.example' }));
        if (session) {
          const after = { places: await spaces(session.id), rows: await countSignups(t.db, session.id) };
          assert.deepEqual(after, before, `${name}: the bot took no place and stored nothing`);
        }
        const human = await observed(await postSignup(t.app.url, person));
        assert.deepEqual(bot, human, name);
      }
      // The humans' signups are stored; none of the bots'.
      assert.equal(await countSignups(t.db, open.id), 1);
      assert.equal(await countSignups(t.db, waitlisting.id), 1);
      assert.equal((await spaces(waitlisting.id))?.waitlist_count, 1, 'the bot did not take waiting-list position 1');
    });

    it('treats a blank honeypot as empty: that signup is stored', async () => {
      const session = await addSession(t.db);
      assert.equal((await postSignup(t.app.url, signup(session.id, { website: '  ' }))).status, 202);
      assert.equal(await countSignups(t.db, session.id), 1);
    });
  });
}
