/**
 * Crash safety on PostgreSQL: the real server (server/main.ts, default settings)
 * is SIGKILLed in the middle of a burst of signups, restarted on the same
 * database, and then
 *   - every signup that got a 2xx before the crash is stored exactly once, with
 *     the hold it was given (pending);
 *   - retrying each unacknowledged signup with its own idempotency key lands it
 *     exactly once (200 with the stored answer if it had committed unseen,
 *     else 202);
 *   - capacity, the waiting list and the session counters are exact.
 * Each signup comes from its own loopback address (127.77.x.y), like members on
 * their own connections, so the production rate limit (10 a minute per address)
 * stays on. Needs DATABASE_URL (CI sets it): skipped without.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Session } from '../../src/contract/index.js';
import { openDb } from '../db/open.js';
import { seedIfEmpty } from '../db/seed.js';
import type { Db } from '../db/types.js';
import { modules } from '../seed/programme.js';
import { insertSession } from '../store/catalogue.js';
import { freePort } from '../../scripts/free-port.js';

const DATABASE_URL = process.env.DATABASE_URL;
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const SIGNUPS = 300;
const CAPACITY = 60;
const CONCURRENCY = 24;
/** SIGKILL once this many signups have been acknowledged: mid-burst, with requests in flight. */
const KILL_AFTER = 90;

interface Answer {
  status: number;
  body: { hold?: string; status?: string; code?: string };
}

/** The burst's source addresses work on Linux (all of 127/8 is loopback); elsewhere the test is skipped. */
async function loopbackAliasesWork(): Promise<boolean> {
  const server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    return await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port, localAddress: '127.77.1.1' }, () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
  } finally {
    server.close();
  }
}

const skip = !DATABASE_URL
  ? (process.env.MOBILISE_PG_SKIP_REASON ?? 'DATABASE_URL is not set: the crash test needs PostgreSQL (CI sets it)')
  : !(await loopbackAliasesWork())
    ? 'cannot send from 127.77.x.y loopback addresses on this system'
    : false;


/** POST one signup on a fresh connection from `localAddress`; rejects if the connection fails. */
function post(port: number, localAddress: string, body: string, key: string): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: '/v1/signups',
        agent: false,
        timeout: 10_000,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] });
          } catch (error) {
            reject(error as Error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

interface Server {
  child: ChildProcess;
  port: number;
  output: () => string;
}

/** `node --import tsx server/main.ts` on `databaseUrl`; resolves once it says it is listening. */
async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_TEST_CONTEXT: undefined, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', ADMIN_TOKEN: '' },
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 30 s:\n${output}`)), 30_000);
    const onData = () => {
      if (!output.includes('Mobilise API on')) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve();
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) while starting:\n${output}`));
    });
  });
  return { child, port, output: () => output };
}

const exited = (child: ChildProcess, timeoutMs: number) =>
  new Promise<number | string | null>((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode ?? child.signalCode);
    const timer = setTimeout(() => reject(new Error(`server still running after ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });

describe('server killed during a signup burst [postgres]', { skip }, () => {
  const schema = `mobilise_crash_${process.pid}_${randomBytes(4).toString('hex')}`;
  const children: ChildProcess[] = [];
  let db: Db;
  let serverUrl: string;
  let session: Session;

  before(async () => {
    db = await openDb({ databaseUrl: DATABASE_URL!, schema });
    await seedIfEmpty(db, modules, []);
    const start = Date.now() + 30 * 86_400_000;
    session = {
      id: `crash-${randomBytes(4).toString('hex')}`,
      moduleId: modules[0]!.id,
      start: new Date(start).toISOString(),
      end: new Date(start + 2 * 3_600_000).toISOString(),
      delivery: 'online',
      area: 'Scotland-wide',
      capacity: CAPACITY,
      spacesLeft: CAPACITY,
      status: 'scheduled',
      waitlist: true,
    };
    await insertSession(db, session);
    // main.ts takes no schema option: point its connections at ours through the libpq `options` parameter.
    const url = new URL(DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    serverUrl = url.href;
  });

  after(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(children.map((child) => exited(child, 5_000).catch(() => undefined)));
    if (db) {
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    }
  });

  it('loses no acknowledged signup and lands every retried one exactly once', { timeout: 120_000 }, async (t) => {
    const run = randomBytes(4).toString('hex');
    const people = Array.from({ length: SIGNUPS }, (_, i) => {
      const email = `crash.${run}.${i}@example.org`;
      const key = `crash_${run}_${String(i).padStart(4, '0')}`;
      const body = JSON.stringify({
        sessionId: session.id,
        firstName: 'Crash',
        lastName: `Test ${i}`,
        email,
        postcode: 'G1 1AA',
        membership: 'member',
        consentContact: true,
        idempotencyKey: key,
        returnUrl: 'http://localhost:5173/training',
      });
      return { email, key, body, address: `127.77.${1 + Math.floor(i / 250)}.${1 + (i % 250)}` };
    });

    // 1. A burst against the first server, SIGKILLed mid-way.
    const first = await startServer(serverUrl);
    children.push(first.child);
    const answers = new Map<number, Answer>();
    let next = 0;
    let acked = 0;
    let inFlightAtKill = 0;
    let inFlight = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < SIGNUPS) {
        const i = next++;
        const person = people[i]!;
        inFlight++;
        try {
          const answer = await post(first.port, person.address, person.body, person.key);
          answers.set(i, answer);
          if (answer.status >= 200 && answer.status < 300) acked++;
        } catch {
          // Connection refused or reset by the crash: outcome unknown.
        } finally {
          inFlight--;
        }
        if (!killed && acked >= KILL_AFTER) {
          killed = true;
          inFlightAtKill = inFlight;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    assert.equal(await exited(first.child, 10_000), 'SIGKILL');
    assert.ok(killed, 'the server was killed mid-burst');
    assert.ok(inFlightAtKill > 0, 'requests were in flight when it died');
    for (const [i, answer] of answers) assert.equal(answer.status, 202, `signup ${i} before the crash: ${JSON.stringify(answer.body)}`);

    const stored = async () =>
      (
        await db.query<{ idempotency_key: string; hold: string; status: string; position: number | null; email: string }>(
          'SELECT idempotency_key, hold, status, position, lower(email) AS email FROM signups WHERE session_id = $1',
          [session.id],
        )
      ).rows;
    const afterCrash = new Map((await stored()).map((row) => [row.idempotency_key, row]));

    // 2. Every acknowledged signup is there, once, as acknowledged.
    for (const [i, answer] of answers) {
      const row = afterCrash.get(people[i]!.key);
      assert.ok(row, `acknowledged signup ${i} (${answer.body.hold}) was lost`);
      assert.equal(row.hold, answer.body.hold);
      assert.equal(row.status, answer.body.status);
    }
    const unacknowledged = people.map((_, i) => i).filter((i) => !answers.has(i));
    const committedUnseen = unacknowledged.filter((i) => afterCrash.has(people[i]!.key));
    assert.equal(afterCrash.size, answers.size + committedUnseen.length, 'nothing stored that was never sent');

    // 3. Restart on the same database and retry everything unacknowledged with its own key.
    const second = await startServer(serverUrl);
    children.push(second.child);
    const retries = await Promise.all(
      unacknowledged.map(async (i) => [i, await post(second.port, people[i]!.address, people[i]!.body, people[i]!.key)] as const),
    );
    for (const [i, answer] of retries) {
      const before = afterCrash.get(people[i]!.key);
      if (before) {
        assert.equal(answer.status, 200, `signup ${i} had committed unseen: its retry replays`);
        assert.equal(answer.body.hold, before.hold);
      } else {
        assert.equal(answer.status, 202, `signup ${i} is created by its retry: ${JSON.stringify(answer.body)}`);
      }
    }

    // 4. Exactly once each, capacity and waiting list exact.
    const rows = await stored();
    assert.equal(rows.length, SIGNUPS);
    assert.equal(new Set(rows.map((r) => r.idempotency_key)).size, SIGNUPS, 'no duplicate keys');
    assert.equal(new Set(rows.map((r) => r.email)).size, SIGNUPS, 'no duplicate emails');
    const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
    for (const [i, answer] of [...answers, ...retries]) assert.equal(byKey.get(people[i]!.key)?.hold, answer.body.hold);
    assert.equal(rows.filter((r) => r.hold === 'place').length, CAPACITY);
    const positions = rows
      .filter((r) => r.hold === 'waitlist')
      .map((r) => r.position!)
      .sort((a, b) => a - b);
    assert.deepEqual(positions, Array.from({ length: SIGNUPS - CAPACITY }, (_, i) => i + 1), 'waiting list 1…n without gaps');
    const { rows: counters } = await db.query<{ spaces_left: number; waitlist_count: number; status: string }>(
      'SELECT spaces_left, waitlist_count, status FROM sessions WHERE id = $1',
      [session.id],
    );
    assert.deepEqual(counters[0], { spaces_left: 0, waitlist_count: SIGNUPS - CAPACITY, status: 'full' });

    // 5. The restarted server stops cleanly on SIGTERM, and neither run logged personal data.
    second.child.kill('SIGTERM');
    assert.equal(await exited(second.child, 15_000), 0);
    const logs = first.output() + second.output();
    assert.match(logs, /POST \/v1\/signups 202 \d+ms/);
    assert.doesNotMatch(logs, /@example\.org|crash[._]|Crash|Test \d/, 'server output has no personal data');

    t.diagnostic(
      `${answers.size} acknowledged before SIGKILL (${inFlightAtKill} in flight), ` +
        `${committedUnseen.length} committed but unacknowledged (replayed on retry), ${unacknowledged.length - committedUnseen.length} created on retry`,
    );
  });
});
