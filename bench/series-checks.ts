/**
 * The guarantees of a series signup under load (runSignupBench with `series`), read back from the
 * database: everyone books part one and part two in one request; part two has `capacity` places,
 * part one ten more. A series is all or none and has no waiting list.
 */
import type { VerifiedRow } from './protocol.js';
import { logCheck, type Check } from './checks.js';
import type { VerifyInput } from './signups.js';

export function verifySeries({ people, sent, answers, warmupAnswers, verified, capacity, overrun }: VerifyInput): Check[] {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const one = verified;
  const two = verified.partTwo!;

  const uniqueSent = new Set(sent).size;
  const count = (status: number) => answers.filter((a) => a.status === status).length;
  const other = answers.length - count(202) - count(200) - count(409);
  const accepted = Math.min(capacity, uniqueSent);
  check(
    'every request answered: 202 once per person who got both places, 200 for their retries, 409 (full) for everyone else',
    sent.length === answers.length && overrun === 0 && other === 0 && count(202) === accepted,
    `202 × ${count(202)} (places ${accepted}), 200 × ${count(200)}, 409 × ${count(409)}, other ${other}, unanswered ${sent.length - answers.length}`,
  );

  const held = (rows: VerifiedRow[]) => rows.filter((r) => r.status === 'pending' && r.hold === 'place');
  check(
    'exactly capacity people hold part two, and the same number part one; nobody on a waiting list',
    held(two.rows).length === accepted && held(one.rows).length === accepted && one.rows.length + two.rows.length === 2 * accepted,
    `part two ${held(two.rows).length} of ${capacity}, part one ${held(one.rows).length} of ${capacity + 10}, ${one.rows.length + two.rows.length} rows`,
  );
  const keys = (rows: VerifiedRow[]) => rows.map((r) => `${r.idempotency_key} ${r.email}`).sort().join('\n');
  check(
    'never one part without the other: the same people, by key and email, in both',
    keys(one.rows) === keys(two.rows) && new Set(one.rows.map((r) => r.email)).size === one.rows.length,
    `${one.rows.length} in part one, ${two.rows.length} in part two`,
  );
  check(
    'session counters match the rows; part one keeps its other places',
    two.session.spaces_left === capacity - accepted &&
      one.session.spaces_left === capacity + 10 - accepted &&
      one.session.waitlist_count === 0 &&
      two.session.waitlist_count === 0 &&
      (accepted < capacity || two.session.status === 'full'),
    `part two: ${two.session.spaces_left} left, ${two.session.status}; part one: ${one.session.spaces_left} left; waiting lists ${one.session.waitlist_count}/${two.session.waitlist_count}`,
  );

  // Whoever was told 2xx is stored; whoever was only ever refused holds nothing.
  const stored = new Set(one.rows.map((r) => r.idempotency_key));
  const told = new Set(answers.filter((a) => a.hold !== undefined).map((a) => people[a.person]!.key));
  const lost = [...told].filter((key) => !stored.has(key)).length;
  const unacknowledged = [...stored].filter((key) => !told.has(key)).length;
  check(
    '0 lost: every acknowledged series stored, nothing stored for a refused one',
    lost === 0 && unacknowledged === 0 && answers.every((a) => a.hold === undefined || a.hold === 'place'),
    `${told.size} acknowledged, ${lost} lost, ${unacknowledged} stored unacknowledged`,
  );
  checks.push(logCheck(verified.logs, warmupAnswers + answers.length));
  return checks;
}
