/**
 * No enumeration: whether an address already has a booking must not show in the answer to a
 * signup. For a known and an unknown address, in every state a session can be in, the responses
 * (status, headers, body) are identical; timings are measured and printed (median and p90), and
 * only checked loosely, since a shared CI machine's noise is larger than any difference left.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SignupInput } from '../../src/contract/index.js';
import { addSession, dbTargets, postSignup, signup, useApp } from './harness.js';

const SAMPLES = 30;

interface Observed {
  status: number;
  headers: Record<string, string>;
  body: string;
}

async function observe(url: string, body: SignupInput): Promise<{ seen: Observed; ms: number }> {
  const started = performance.now();
  const res = await postSignup(url, body);
  const text = await res.text();
  const ms = performance.now() - started;
  const headers = Object.fromEntries([...res.headers].filter(([name]) => name !== 'date'));
  return { seen: { status: res.status, headers, body: text }, ms };
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

for (const target of dbTargets()) {
  describe(`no enumeration [${target.name}]`, () => {
    const t = useApp(target);

    it('answers a known and an unknown address identically in every session state, and prints the timings', async () => {
      const known = `known.${target.name}@example.org`;
      const bookKnown = async (sessionId: string) => assert.equal((await postSignup(t.app.url, signup(sessionId, { email: known }))).status, 202);

      const places = await addSession(t.db, { capacity: 500, spacesLeft: 500 });
      await bookKnown(places.id);
      const waitlisting = await addSession(t.db, { capacity: 1, spacesLeft: 1, waitlist: true });
      await bookKnown(waitlisting.id);
      const full = await addSession(t.db, { capacity: 1, spacesLeft: 1, waitlist: false });
      await bookKnown(full.id);
      const closed = await addSession(t.db);
      await bookKnown(closed.id);
      await t.db.query(`UPDATE sessions SET status = 'cancelled' WHERE id = $1`, [closed.id]);

      const states: [string, (email: string) => SignupInput][] = [
        ['places left', (email) => signup(places.id, { email })],
        ['full, waiting list', (email) => signup(waitlisting.id, { email })],
        ['full, no waiting list', (email) => signup(full.id, { email })],
        ['closed', (email) => signup(closed.id, { email })],
        ['not found', (email) => signup('no-such-session', { email })],
        ['validation error', (email) => signup(places.id, { email, postcode: 'NOWHERE' })],
      ];
      const lines: string[] = [];
      for (const [state, request] of states) {
        const seen: Record<'known' | 'unknown', Observed[]> = { known: [], unknown: [] };
        const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
        for (let i = 0; i < SAMPLES; i++) {
          // Alternating order, so drift over the run (caches, vacuum) falls on both.
          const order = i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
          for (const who of order) {
            const email = who === 'known' ? known : `stranger.${state.replace(/\W/g, '')}.${i}@example.org`;
            const { seen: s, ms } = await observe(t.app.url, request(email));
            seen[who].push(s);
            times[who].push(ms);
          }
        }
        const reference = seen.unknown[0]!;
        for (const s of [...seen.known, ...seen.unknown]) assert.deepEqual(s, reference, `${state}: every answer is the same`);
        const stat = (who: 'known' | 'unknown') =>
          `${who} median ${quantile(times[who], 0.5).toFixed(2)} ms, p90 ${quantile(times[who], 0.9).toFixed(2)} ms`;
        lines.push(`${state.padEnd(22)} ${reference.status}  ${stat('known')}  |  ${stat('unknown')}`);
        // Loose: a difference of several milliseconds per request would be a real, usable signal.
        const gap = Math.abs(quantile(times.known, 0.5) - quantile(times.unknown, 0.5));
        assert.ok(gap < 25, `${state}: medians differ by ${gap.toFixed(1)} ms`);
      }
      console.log(`[enumeration ${target.name}] signup timings over ${SAMPLES} requests each\n${lines.join('\n')}`);
    });
  });
}
