import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { PROBLEM_BASE, ProblemSchema, type Problem, type ProblemCode, type Session, type SignupInput } from '../../src/contract/index.js';
import { createApp, type AppOptions } from '../app.js';
import { migrate } from '../db/migrations.js';
import { openDb } from '../db/open.js';
import { openPglite } from '../db/pglite.js';
import { seedIfEmpty } from '../db/seed.js';
import type { Db } from '../db/types.js';
import { createHttpServer, DEFAULT_HTTP_LIMITS, type HttpLimits } from '../http/server.js';
import { makeSessions, modules } from '../seed/programme.js';
import { insertSession } from '../store/catalogue.js';

/** Tests run on a fixed clock so seed dates, deadlines and DTSTAMPs are stable. */
export const NOW = new Date('2026-11-26T12:00:00Z');
export const ALLOWED_ORIGIN = 'http://localhost:5173';

export interface DbTarget {
  name: string;
  /** A fresh, migrated and seeded database; its close() also removes what the test made. */
  open(): Promise<Db>;
}

/**
 * PGlite in memory always; PostgreSQL too when DATABASE_URL is set, each open()
 * in a schema of its own that is dropped on close.
 */
export function dbTargets(): DbTarget[] {
  const targets: DbTarget[] = [
    {
      name: 'pglite',
      async open() {
        const db = await openPglite({ loadDataDir: await pgliteSnapshot() });
        await migrate(db);
        return seeded(db);
      },
    },
  ];
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    targets.push({
      name: 'postgres',
      async open() {
        const schema = `mobilise_test_${process.pid}_${randomBytes(4).toString('hex')}`;
        const db = await seeded(await openDb({ databaseUrl, schema }));
        return {
          ...db,
          async close() {
            await db.query(`DROP SCHEMA ${schema} CASCADE`);
            await db.close();
          },
        };
      },
    });
  }
  return targets;
}

async function seeded(db: Db): Promise<Db> {
  await seedIfEmpty(db, modules, makeSessions(NOW));
  return db;
}

/**
 * PGlite spends most of its start-up in initdb, so the first test file dumps a
 * fresh cluster to the temp directory and the others start from that copy.
 */
async function pgliteSnapshot(): Promise<Blob> {
  const pkg = new URL('../package.json', import.meta.resolve('@electric-sql/pglite'));
  const { version } = JSON.parse(await readFile(pkg, 'utf8')) as { version: string };
  const file = join(tmpdir(), `mobilise-pglite-${version}-initdb.tar.gz`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    const pg = await PGlite.create();
    const blob = await pg.dumpDataDir('gzip');
    await pg.close();
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
    await rename(partial, file);
    return blob;
  }
}

export interface Running {
  url: string;
  logs: string[];
  /**
   * Resolves once the log holds what `done` wants. A request's line is written
   * when its response closes, which can be after the client has read it, so
   * tests wait for the lines themselves rather than for a guessed delay.
   */
  logged(done: (lines: string[]) => boolean, what: string, timeoutMs?: number): Promise<string[]>;
  close(): Promise<void>;
}

export type StartOptions = Partial<AppOptions> & { limits?: Partial<HttpLimits> };

/** Starts the app on an ephemeral port on 127.0.0.1 through the real server settings, with a generous rate limit unless a test sets one. */
export async function startApp(db: Db, { limits, ...options }: StartOptions = {}): Promise<Running> {
  const logs: string[] = [];
  const waiters = new Set<() => void>();
  const app = createApp({
    db,
    allowedOrigins: [ALLOWED_ORIGIN],
    now: () => NOW,
    log: (line) => {
      logs.push(line);
      for (const check of waiters) check();
    },
    rateLimit: { windowMs: 60_000, max: 100_000 },
    ...options,
  });
  const server: Server = createHttpServer(app, { ...DEFAULT_HTTP_LIMITS, ...limits });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    logs,
    logged: (done, what, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!done(logs)) return;
          finish();
          resolve(logs);
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`log never showed ${what} within ${timeoutMs} ms; it has:\n${logs.join('\n')}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    },
  };
}

let counter = 0;

/** A valid signup with a unique email and key; override any field. */
export function signup(sessionId: string, overrides: Partial<SignupInput> = {}): SignupInput {
  counter++;
  return {
    sessionId,
    firstName: 'Morven',
    lastName: 'Test',
    email: `member${counter}.${randomBytes(3).toString('hex')}@example.org`,
    postcode: 'G1 1AA',
    membership: 'member',
    consentContact: true,
    idempotencyKey: `key_${randomBytes(12).toString('hex')}`,
    returnUrl: `${ALLOWED_ORIGIN}/training`,
    ...overrides,
  };
}

export function postSignup(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/v1/signups`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

let sessionCounter = 0;

/** Inserts a session for one test, open for signups by default (a week after NOW). */
export async function addSession(db: Db, overrides: Partial<Session> = {}): Promise<Session> {
  sessionCounter++;
  const session: Session = {
    id: `test-session-${sessionCounter}-${randomBytes(3).toString('hex')}`,
    moduleId: 'voter-persuasion',
    start: '2026-12-03T18:30:00+00:00',
    end: '2026-12-03T20:30:00+00:00',
    delivery: 'online',
    area: 'Scotland-wide',
    capacity: 20,
    spacesLeft: 20,
    status: 'scheduled',
    waitlist: true,
    signupDeadline: '2026-12-02T18:30:00+00:00',
    ...overrides,
  };
  await insertSession(db, session);
  return session;
}

export async function countSignups(db: Db, sessionId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM signups WHERE session_id = $1', [sessionId]);
  return rows[0]!.n;
}

/** Asserts an RFC 9457 problem response with this status and code, and returns it parsed. */
export async function expectProblem(res: Response, status: number, code: ProblemCode): Promise<Problem> {
  assert.equal(res.status, status, `expected ${status} ${code}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const problem = ProblemSchema.parse(await res.json());
  assert.equal(problem.code, code);
  assert.equal(problem.type, `${PROBLEM_BASE}${code}`);
  assert.equal(problem.status, status);
  return problem;
}

/**
 * Registers before/after hooks that open a fresh seeded database on `target`
 * and start the app on it; read `db` and `app` inside tests.
 */
export function useApp(target: DbTarget, options: StartOptions = {}): { db: Db; app: Running } {
  const ctx = {} as { db: Db; app: Running };
  before(async () => {
    ctx.db = await target.open();
    ctx.app = await startApp(ctx.db, options);
  });
  after(async () => {
    await ctx.app.close();
    await ctx.db.close();
  });
  return ctx;
}
