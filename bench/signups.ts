/**
 * Signup load bench: autocannon drives the reference server (createApp, in a
 * child process on 127.0.0.1) with concurrent signups for one session, plus a
 * share of retries that reuse an earlier signup's idempotency key (some while
 * the original is still in flight). Afterwards the database is read back and the
 * guarantees checked: exactly-capacity places held, everyone else on the waiting list in
 * order, no duplicate keys or emails, no acknowledged signup lost, and no
 * personal data in the request log. Bounded by request count and a time limit.
 *
 * One autocannon run sends an uncounted warm-up (signups for another session)
 * and then the measured signups over the same, by then established, keep-alive
 * connections. Each request is timed here, from just before it is written to its
 * response, so the figures cover the measured requests only. With `flood`, a
 * GET /v1/sessions flood (bench/flood.ts, its own process) runs throughout.
 */
import autocannon, { type AutocannonResult } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile } from './format.js';
import { BENCH_ORIGIN, type Flooded, type Flooding, type Ready, type Verified } from './protocol.js';
import { logCheck, type Check } from './checks.js';
import { verifySeries } from './series-checks.js';

export interface SignupBenchOptions {
  /** Printed name of the storage, e.g. "PGlite (in memory)". */
  label: string;
  /** PostgreSQL; PGlite in memory when undefined. */
  databaseUrl?: string;
  /** Distinct people signing up (default 2,000). */
  signups?: number;
  /** After every this many signups, one retry of a recent one (default 9, so 10% of requests are retries). */
  retryEvery?: number;
  connections?: number;
  capacity?: number;
  /** The load stops here even if requests remain (default 60 s). */
  timeLimitMs?: number;
  /** Signups for another session sent first, over the same connections, and not counted (default 300). */
  warmup?: number;
  /** false: the server skips each signup's outbox INSERT (BENCH_WITHOUT_OUTBOX), to measure what the outbox costs. */
  outbox?: boolean;
  /** Connections of a GET /v1/sessions flood (bench/flood.ts) running throughout, warm-up included; none by default. */
  flood?: number;
  /**
   * Everyone books a series instead (part one and part two in one request, half naming part two
   * first): `capacity` places in part two, 10 more in part one. Checked by bench/series-checks.ts.
   */
  series?: boolean;
  /** Signups spread round-robin over this many sessions of `capacity` places each (default 1); checked per session. */
  sessions?: number;
  /** The server's code from this checkout instead (bench/README.md: before/after); its bench/signup-server.ts runs. */
  root?: string;
}

export type { Check };

export interface SignupBenchResult {
  label: string;
  requests: number;
  unique: number;
  retries: number;
  /** Uncounted warm-up requests sent first. */
  warmup: number;
  connections: number;
  capacity: number;
  /** Measured sessions the signups were spread over. */
  sessions: number;
  seconds: number;
  requestsPerSecond: number;
  /** ms, as the client sees it: from just before the request is written to its response. */
  latency: { p50: number; p90: number; p99: number; max: number };
  /** Time inside the server's request handler (from its log lines), without queueing before it. */
  server: { p50: number; p99: number; max: number };
  statuses: Record<string, number>;
  /** Connection errors and timeouts over the whole run (warm-up included; the checks cover the measured requests). */
  errors: number;
  timeouts: number;
  checks: Check[];
  /** Queries the server ran outside transactions, i.e. for GETs (the signups run theirs in transactions). */
  reads: number;
  /** The GET flood, when there was one. */
  flood?: Omit<Flooded, 'type'> & { connections: number };
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./signup-server.ts', import.meta.url));
const FLOOD = fileURLToPath(new URL('./flood.ts', import.meta.url));
/** The flood's lines in the server's request log (left out of the signup checks and handler times). */
const FLOOD_LINE = /^GET \/v1\/sessions \d{3} \d+ms$/;

export interface Person {
  key: string;
  email: string;
  body: string;
}

export interface Answer {
  person: number;
  status: number;
  /** What the answer said is held (a signup's answer carries no reference: nothing identifies it). */
  hold?: string;
  /** performance.now() just before the request was written (set up). */
  sentAt: number;
  latency: number;
}

export async function runSignupBench(options: SignupBenchOptions): Promise<SignupBenchResult> {
  const signups = options.signups ?? 2_000;
  const retryEvery = options.retryEvery ?? 9;
  const connections = options.connections ?? 50;
  const capacity = options.capacity ?? 50;
  const timeLimitMs = options.timeLimitMs ?? 60_000;
  const warmup = options.warmup ?? 300;

  const root = options.root ?? ROOT;
  const child = spawn(process.execPath, ['--import', 'tsx', options.root ? join(root, 'bench/signup-server.ts') : CHILD], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      BENCH_DATABASE_URL: options.databaseUrl ?? '',
      BENCH_CAPACITY: String(capacity),
      BENCH_WITHOUT_OUTBOX: options.outbox === false ? '1' : '',
      BENCH_SERIES: options.series ? '1' : '',
      BENCH_SESSIONS: String(options.sessions ?? 1),
    },
  });
  let flood: ChildProcess | undefined;
  try {
    const ready = await nextMessage<Ready>(child, 'ready', 60_000);
    if (options.flood) {
      flood = spawn(process.execPath, ['--import', 'tsx', FLOOD], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, FLOOD_URL: ready.url, FLOOD_CONNECTIONS: String(options.flood), FLOOD_SECONDS: String(timeLimitMs / 1000 + 60) },
      });
      await nextMessage<Flooding>(flood, 'flooding', 60_000);
    }
    const run = randomBytes(4).toString('hex');
    // Warm-up people first (JIT, pool, query plans, connections), then the measured ones, in one run.
    const people = [
      ...makePeople(ready.warmupSessionId, `${run}w`, warmup, ready.partTwo?.warmupSessionId),
      ...makePeople(ready.sessionIds ?? ready.sessionId, run, signups, ready.partTwo?.sessionId),
    ];
    const schedule = [...makeSchedule(warmup, retryEvery), ...makeSchedule(signups, retryEvery).map((i) => warmup + i)];
    const { result, answers, cursor, overrun } = await load(ready.url, people, schedule, connections, timeLimitMs);
    let flooded: SignupBenchResult['flood'];
    if (flood) {
      flood.send({ type: 'stop' });
      const { type: _type, ...counts } = await nextMessage<Flooded>(flood, 'flooded', 30_000);
      flooded = { ...counts, connections: options.flood! };
      await exited(flood, 30_000);
    }

    child.send({ type: 'verify' });
    const answered = await nextMessage<Verified>(child, 'verified', 30_000);
    const verified = { ...answered, logs: answered.logs.filter((line) => !FLOOD_LINE.test(line)) };
    child.send({ type: 'close' });
    await exited(child, 30_000);

    const measured = answers.filter((a) => a.person >= warmup).map((a) => ({ ...a, person: a.person - warmup }));
    const warmupAnswers = answers.length - measured.length;
    const sent = schedule
      .slice(0, Math.min(cursor, schedule.length))
      .filter((i) => i >= warmup)
      .map((i) => i - warmup);
    const latencies = measured.map((a) => a.latency);
    const seconds = (Math.max(...measured.map((a) => a.sentAt + a.latency)) - Math.min(...measured.map((a) => a.sentAt))) / 1000;
    const statuses: Record<string, number> = {};
    for (const a of measured) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    return {
      label: options.label,
      requests: measured.length,
      unique: new Set(sent).size,
      retries: sent.length - new Set(sent).size,
      warmup: warmupAnswers,
      connections,
      capacity,
      sessions: ready.sessionIds?.length ?? 1,
      seconds,
      requestsPerSecond: measured.length / seconds,
      latency: {
        p50: quantile(latencies, 0.5),
        p90: quantile(latencies, 0.9),
        p99: quantile(latencies, 0.99),
        max: Math.max(...latencies),
      },
      server: handlerTimes(verified.logs.slice(warmupAnswers)),
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
      checks: (options.series ? verifySeries : ready.sessionIds ? verifySpread : (input: VerifyInput) => verify(input))({
        people: people.slice(warmup),
        sent,
        answers: measured,
        warmupAnswers,
        verified,
        capacity,
        overrun,
      }),
      reads: verified.reads,
      ...(flooded ? { flood: flooded } : {}),
    };
  } finally {
    for (const proc of [child, flood]) if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  }
}

/** Percentiles of the "… 202 5ms" durations in the request log. */
function handlerTimes(lines: string[]): SignupBenchResult['server'] {
  const times = lines.map((line) => Number(/ (\d+)ms$/.exec(line)?.[1] ?? NaN)).filter(Number.isFinite);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: Math.max(...times) };
}

/**
 * With `partTwo`, each books the series: every other one names part two first, so the server's lock order is what keeps them apart.
 * With several sessions, person i books session i mod their number.
 */
function makePeople(sessions: string | string[], run: string, count: number, partTwo?: string): Person[] {
  return Array.from({ length: count }, (_, i) => {
    const sessionId = typeof sessions === 'string' ? sessions : sessions[i % sessions.length]!;
    const key = `bench_${run}_${i}`;
    const email = `bench.${run}.${i}@example.org`;
    const [first, other] = partTwo && i % 2 ? [partTwo, sessionId] : [sessionId, partTwo];
    const body = JSON.stringify({
      sessionId: first,
      ...(other ? { alsoSessionIds: [other] } : {}),
      firstName: 'Bench',
      lastName: `Member ${i}`,
      email,
      postcode: 'G1 1AA',
      membership: 'member',
      consentContact: true,
      idempotencyKey: key,
      returnUrl: `${BENCH_ORIGIN}/training`,
    });
    return { key, email, body };
  });
}

/** Sends `schedule` (indexes into `people`) with `connections` concurrent keep-alive connections. */
async function load(url: string, people: Person[], schedule: number[], connections: number, timeLimitMs: number) {
  let cursor = 0;
  let overrun = 0;
  const answers: Answer[] = [];
  let watchdog: NodeJS.Timeout | undefined;
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const tracker = autocannon(
      {
        url,
        connections,
        pipelining: 1,
        amount: schedule.length,
        // Generous: under PGlite a saturated server admits new connections slowly (see bench/README.md).
        timeout: 30,
        requests: [
          {
            setupRequest(request, context) {
              if (cursor >= schedule.length) overrun++;
              const person = schedule[cursor++ % schedule.length]!;
              // One request in flight per connection, so the context names the request being answered.
              // autocannon sets a request up right before writing it (bar each connection's first).
              context.person = person;
              context.sentAt = performance.now();
              return {
                ...request,
                method: 'POST',
                path: '/v1/signups',
                headers: { 'content-type': 'application/json', 'idempotency-key': people[person]!.key, origin: BENCH_ORIGIN },
                body: people[person]!.body,
              };
            },
            onResponse(status, body, context) {
              const sentAt = context.sentAt as number;
              const answer: Answer = { person: context.person as number, status, sentAt, latency: performance.now() - sentAt };
              if (status >= 200 && status < 300) answer.hold = (JSON.parse(body) as { hold: string }).hold;
              answers.push(answer);
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    watchdog = setTimeout(() => tracker.stop(), timeLimitMs);
  }).finally(() => clearTimeout(watchdog));
  return { result, answers, cursor, overrun };
}

/**
 * Person indexes in send order: everyone once, and after every `retryEvery`
 * signups a retry of one of the last 40 (sometimes the one just sent, so the
 * retry races its original). Deterministic.
 */
function makeSchedule(signups: number, retryEvery: number): number[] {
  let seed = 0x2545f491;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const schedule: number[] = [];
  for (let i = 0; i < signups; i++) {
    schedule.push(i);
    if ((i + 1) % retryEvery === 0) schedule.push(i - Math.floor(random() * Math.min(i + 1, 40)));
  }
  return schedule;
}

export interface VerifyInput {
  people: Person[];
  sent: number[];
  answers: Answer[];
  /** Answers in the warm-up, which the server also logged. */
  warmupAnswers: number;
  verified: Verified;
  capacity: number;
  overrun: number;
}

/** `withLog`: false where the caller checks the log for a whole run of which `input` is one session's part. */
function verify(input: VerifyInput, withLog = true): Check[] {
  const { people, sent, answers, warmupAnswers, verified, capacity, overrun } = input;
  const { rows, session, logs } = verified;
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const uniqueSent = new Set(sent).size;
  const retriesSent = sent.length - uniqueSent;
  const count = (status: number) => answers.filter((a) => a.status === status).length;
  const failed = answers.filter((a) => a.status < 200 || a.status >= 300).length;
  // Sent but never answered: a connection error or timeout.
  const unanswered = sent.length - answers.length;
  check(
    'every request answered 2xx: 202 once per person, 200 for each retry',
    unanswered === 0 && failed === 0 && overrun === 0 && count(202) === uniqueSent && count(200) === retriesSent,
    `202 × ${count(202)} (people ${uniqueSent}), 200 × ${count(200)} (retries ${retriesSent}), other ${failed}, unanswered ${unanswered}`,
  );

  // Every signup is pending (double opt-in): places held up to capacity, then waiting-list slots.
  const confirmed = rows.filter((r) => r.status === 'pending' && r.hold === 'place').length;
  const waitlisted = rows.filter((r) => r.status === 'pending' && r.hold === 'waitlist').length;
  const expectedConfirmed = Math.min(capacity, uniqueSent);
  check('exactly capacity places held', confirmed === expectedConfirmed, `${confirmed} places held, capacity ${capacity}`);
  check(
    'places + waiting-list slots = distinct people',
    confirmed + waitlisted === uniqueSent && rows.length === uniqueSent,
    `${confirmed} + ${waitlisted} = ${confirmed + waitlisted} stored, ${uniqueSent} people`,
  );
  const positions = rows
    .filter((r) => r.hold === 'waitlist')
    .map((r) => r.position ?? 0)
    .sort((a, b) => a - b);
  check(
    'waiting list positions 1…n, no gaps or repeats',
    positions.every((p, i) => p === i + 1),
    positions.length ? `1…${positions.at(-1)}` : 'empty',
  );
  check(
    'session counters match the rows',
    session.spaces_left === capacity - confirmed && session.waitlist_count === waitlisted && (confirmed < capacity || session.status === 'full'),
    `spaces_left ${session.spaces_left}, waitlist_count ${session.waitlist_count}, status ${session.status}`,
  );

  const duplicateKeys = rows.length - new Set(rows.map((r) => r.idempotency_key)).size;
  const duplicateEmails = rows.length - new Set(rows.map((r) => r.email)).size;
  check('0 duplicates (idempotency keys, emails)', duplicateKeys === 0 && duplicateEmails === 0, `${duplicateKeys} keys, ${duplicateEmails} emails`);

  const rowByKey = new Map(rows.map((r) => [r.idempotency_key, r]));
  const holdsByPerson = new Map<number, Set<string>>();
  for (const a of answers) {
    if (a.hold === undefined) continue;
    const holds = holdsByPerson.get(a.person) ?? new Set<string>();
    holds.add(a.hold);
    holdsByPerson.set(a.person, holds);
  }
  let lost = 0;
  let mismatched = 0;
  for (const [person, holds] of holdsByPerson) {
    const row = rowByKey.get(people[person]!.key);
    if (!row) lost++;
    else if (holds.size !== 1 || !holds.has(row.hold ?? '')) mismatched++;
  }
  const personOf = new Map(people.map((p, i) => [p.key, i]));
  const storedWithoutAck = rows.filter((r) => !holdsByPerson.has(personOf.get(r.idempotency_key) ?? -1)).length;
  check(
    '0 lost: every acknowledged signup stored once, retries got the same answer',
    lost === 0 && mismatched === 0 && storedWithoutAck === 0,
    `${holdsByPerson.size} acknowledged, ${lost} lost, ${mismatched} with another hold, ${storedWithoutAck} stored unacknowledged`,
  );

  if (withLog) checks.push(logCheck(logs, warmupAnswers + answers.length));
  return checks;
}

/**
 * Signups spread over several sessions (person i booked session i mod n): every guarantee of
 * one session checked for each session on its own people, requests and rows; one check of the
 * log for the whole run. A check holds if it holds for every session; its detail is the first
 * session where it does not, or the totals.
 */
function verifySpread(input: VerifyInput): Check[] {
  const sessions = input.verified.sessions!;
  const n = sessions.length;
  const each = sessions.map((one, k) => {
    // Person i of the run is person (i - k) / n of session k.
    const local = (i: number) => (i % n === k ? (i - k) / n : -1);
    return verify({
      ...input,
      people: input.people.filter((_, i) => i % n === k),
      sent: input.sent.map(local).filter((i) => i >= 0),
      answers: input.answers.flatMap((a) => (local(a.person) >= 0 ? [{ ...a, person: local(a.person) }] : [])),
      verified: { ...input.verified, ...one },
      overrun: k === 0 ? input.overrun : 0,
    }, false);
  });
  const checks = each[0]!.map((first, c) => {
    const broken = each.findIndex((checks) => !checks[c]!.ok);
    return {
      name: `${first.name} (in each of ${n} sessions)`,
      ok: broken < 0,
      detail: broken < 0 ? `all ${n} hold; session 1: ${first.detail}` : `session ${broken + 1}: ${each[broken]![c]!.detail}`,
    };
  });
  return [...checks, logCheck(input.verified.logs, input.warmupAnswers + input.answers.length)];
}

function nextMessage<T extends { type: string }>(child: ChildProcess, type: T['type'], timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`bench server: no "${type}" within ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (message: { type?: string }) => {
      if (message?.type === type) done(undefined, message as T);
    };
    const onExit = (code: number | null) => done(new Error(`bench server exited (${code}) before "${type}"`));
    const done = (error?: Error, value?: T) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value!);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
