/**
 * The reference server (createApp) for the signup load bench, run as a child
 * process so that it has a core of its own and the load generator does not
 * share its event loop. Talks to bench/signups.ts over IPC:
 *   → {type: 'ready', url, sessionId, warmupSessionId}   once listening on 127.0.0.1
 *   ← {type: 'verify'}  → {type: 'verified', rows, session, logs, reads}
 *   ← {type: 'close'}   closes the server and database (dropping its schema) and exits
 * Env: BENCH_DATABASE_URL (PostgreSQL; PGlite in memory when unset), BENCH_SCHEMA, BENCH_CAPACITY,
 * BENCH_WITHOUT_OUTBOX (1: the signup transactions skip their outbox INSERT, see below), BENCH_SERIES
 * (1: the sessions are field organising part one, each with a part two a week later, BENCH_CAPACITY
 * places in part two and 10 more in part one, so part two fills first), BENCH_SESSIONS (measured
 * sessions, 1 by default; more spreads the signups over them, BENCH_CAPACITY places each).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Session } from '../src/contract/index.js';
import { createApp } from '../server/app.js';
import { openDb } from '../server/db/open.js';
import { seedIfEmpty } from '../server/db/seed.js';
import type { Db, Queryable } from '../server/db/types.js';
import { makeSessions, modules } from '../server/seed/programme.js';
import { insertSession } from '../server/store/catalogue.js';
import { BENCH_ORIGIN, type Ready, type Verified, type VerifiedRow } from './protocol.js';

const send = (message: unknown) => process.send!(message);
// The parent going away (Ctrl-C, crash) must not leave this process behind.
process.on('disconnect', () => process.exit(1));

const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
const schema = process.env.BENCH_SCHEMA || `mobilise_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
const capacity = Number(process.env.BENCH_CAPACITY ?? 50);

const db = await openDb(databaseUrl ? { databaseUrl, schema } : {});
const now = Date.now();
// The demo's programme, so GET /v1/sessions (the bench's flood) answers a realistic list (47 sessions, ~25 KB).
await seedIfEmpty(db, modules, makeSessions(new Date(now)));
const series = process.env.BENCH_SERIES === '1';
const makeSession = (moduleId = modules[0]!.id, days = 30, places = capacity): Session => ({
  id: `bench-${randomBytes(4).toString('hex')}`,
  moduleId,
  start: new Date(now + days * 86_400_000).toISOString(),
  end: new Date(now + days * 86_400_000 + 2 * 3_600_000).toISOString(),
  delivery: 'online',
  area: 'Scotland-wide',
  capacity: places,
  spacesLeft: places,
  status: 'scheduled',
  waitlist: true,
});
const session = series ? makeSession('field-organising-1', 30, capacity + 10) : makeSession();
const spread = Array.from({ length: Math.max(0, Number(process.env.BENCH_SESSIONS ?? 1) - 1) }, () => makeSession());
const warmup = series ? makeSession('field-organising-1', 30, capacity + 10) : makeSession();
const partTwo = series ? { session: makeSession('field-organising-2', 37), warmup: makeSession('field-organising-2', 37) } : undefined;
for (const s of [session, ...spread, warmup, partTwo?.session, partTwo?.warmup]) if (s) await insertSession(db, s);

/**
 * Bench only, for the "without the outbox" figure next to the real one: the INSERT INTO outbox
 * each signup writes in its transaction is answered without reaching the database. The email is
 * still rendered, so the difference is the cost of storing it. The server itself has no such switch.
 */
const withoutOutbox = process.env.BENCH_WITHOUT_OUTBOX === '1';
// A signup's own statement (store/signup-hold.ts) writes its email in a CTE: that CTE becomes a plain SELECT nobody reads.
const OUTBOX_CTE = /INSERT INTO outbox \([^)]*\)\s*SELECT/;
const skipOutboxInsert = (tx: Queryable): Queryable => ({
  query: (sql, params, options) =>
    /^\s*INSERT INTO outbox\b/.test(sql) ? Promise.resolve({ rows: [], rowCount: 1 }) : tx.query(sql.replace(OUTBOX_CTE, 'SELECT'), params, options),
});
const store: Db = withoutOutbox ? { ...db, ...skipOutboxInsert(db), transaction: (fn) => db.transaction((tx) => fn(skipOutboxInsert(tx))) } : db;

const logs: string[] = [];
// Counts the queries run for GET requests: the public reads, e.g. of a GET flood.
let reads = 0;
const method = new AsyncLocalStorage<string>();
const counted: Db = { ...store, query: (sql, params, options) => (method.getStore() === 'GET' && reads++, store.query(sql, params, options)) };
const app = createApp({
  db: counted,
  allowedOrigins: [BENCH_ORIGIN],
  // The bench is one client address sending thousands of signups: lift the per-IP limit.
  rateLimit: { windowMs: 60_000, max: 1_000_000_000 },
  log: (line) => logs.push(line),
});
const server = createServer((req, res) => method.run(req.method ?? '', () => app(req, res)));
server.keepAliveTimeout = 30_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
send({
  type: 'ready',
  url: `http://127.0.0.1:${port}`,
  sessionId: session.id,
  warmupSessionId: warmup.id,
  ...(partTwo ? { partTwo: { sessionId: partTwo.session.id, warmupSessionId: partTwo.warmup.id } } : {}),
  ...(spread.length ? { sessionIds: [session.id, ...spread.map((s) => s.id)] } : {}),
} satisfies Ready);

process.on('message', (message: { type: string }) => {
  void (async () => {
    if (message.type === 'verify') {
      const read = async (id: string) => ({
        rows: (
          await db.query<VerifiedRow>(
            'SELECT reference, idempotency_key, lower(email) AS email, status, hold, position FROM signups WHERE session_id = $1',
            [id],
          )
        ).rows,
        session: (await db.query<Verified['session']>('SELECT capacity, spaces_left, waitlist_count, status FROM sessions WHERE id = $1', [id])).rows[0]!,
      });
      const main = await read(session.id);
      const two = partTwo ? { partTwo: await read(partTwo.session.id) } : {};
      const all = spread.length ? { sessions: [main, ...(await Promise.all(spread.map((s) => read(s.id))))] } : {};
      send({ type: 'verified', ...main, ...two, ...all, logs, reads } satisfies Verified);
    } else if (message.type === 'close') {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
      if (databaseUrl) await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
      process.exit(0);
    }
  })().catch((error: unknown) => {
    console.error('bench server:', error);
    process.exit(1);
  });
});
