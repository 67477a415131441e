/**
 * `npm run test:server`: the server suites on PGlite, and on PostgreSQL too.
 * PGlite runs one transaction at a time, so only PostgreSQL can catch a lost
 * update or a crash-safety bug: DATABASE_URL when set, else a throwaway
 * PostgreSQL 15 cluster when its binaries are here. When neither exists the
 * summary says plainly which suites did not run and why, instead of "skipped 0".
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { throwawayPostgres } from './throwaway-pg.js';

const dir = 'server/test';
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join(dir, f));

const pg = await throwawayPostgres();
const env = { ...process.env };
if (typeof pg === 'string') {
  delete env.DATABASE_URL;
  env.MOBILISE_PG_SKIP_REASON = pg;
} else {
  env.DATABASE_URL = pg.url;
  console.log(`Server suites run on PGlite and on ${pg.label}.`);
}

const code = await new Promise<number>((resolve) => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
    { env, stdio: 'inherit' },
  );
  child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
});
if (typeof pg !== 'string') await pg.stop();

console.log(
  typeof pg === 'string'
    ? `\nNOT RUN: the PostgreSQL variants of the server suites (concurrency, crash, and every [postgres] test).\n  Why: ${pg}\n  Only PostgreSQL catches lost updates and crash-safety bugs; CI always runs them.`
    : `\nPostgreSQL suites ran (${pg.label}).`,
);
process.exit(code);
