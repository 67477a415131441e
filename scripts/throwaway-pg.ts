/**
 * A PostgreSQL for the server tests (scripts/test-server.ts) and the benches: DATABASE_URL
 * when set, else a throwaway PostgreSQL 15 cluster in a temp directory (initdb + pg_ctl,
 * as the postgres user when running as root, since initdb refuses root), listening on
 * 127.0.0.1 only. Without either, callers get the reason to print and skip PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface ThrowawayPostgres {
  url: string;
  /** Where it came from, for the printed table. */
  label: string;
  stop(): Promise<void>;
}

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
function run(argv: string[], asPostgres: boolean, timeoutMs: number): void {
  const [cmd, ...args] = asPostgres ? ['runuser', '-u', 'postgres', '--', ...argv] : argv;
  const result = spawnSync(cmd!, args, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${argv[0]} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr.trim().slice(-500)}`);
  }
}

/** DATABASE_URL, else a throwaway cluster, else a reason string (print it and skip PostgreSQL). */
export async function throwawayPostgres(): Promise<ThrowawayPostgres | string> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, label: 'PostgreSQL (DATABASE_URL)', stop: async () => {} };

  const initdb = join(PG_BIN, 'initdb');
  const pgCtl = join(PG_BIN, 'pg_ctl');
  if (!existsSync(initdb) || !existsSync(pgCtl)) {
    return `PostgreSQL skipped: DATABASE_URL is not set and ${initdb} is missing (apt-get install postgresql-15, or set DATABASE_URL / PG_BIN)`;
  }
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'mobilise-pg-'));
  const data = join(dir, 'data');
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (asPostgres) {
      const { uid, gid } = postgresIds();
      chownSync(dir, uid, gid);
    }
    run([initdb, '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'], asPostgres, 60_000);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
    run([pgCtl, '-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start'], asPostgres, 40_000);
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      label: `PostgreSQL 15 (throwaway cluster, port ${port})`,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          run([pgCtl, '-D', data, '-m', 'fast', '-w', '-t', '20', 'stop'], asPostgres, 30_000);
        } finally {
          cleanup();
        }
      },
    };
  } catch (error) {
    cleanup();
    return `PostgreSQL skipped: could not start a throwaway cluster: ${(error as Error).message}`;
  }
}

function postgresIds(): { uid: number; gid: number } {
  const out = spawnSync('id', ['postgres'], { encoding: 'utf8' }).stdout;
  const uid = /uid=(\d+)/.exec(out)?.[1];
  const gid = /gid=(\d+)/.exec(out)?.[1];
  if (!uid || !gid) throw new Error('running as root but there is no postgres user to run initdb as');
  return { uid: Number(uid), gid: Number(gid) };
}
