/**
 * `npm run bench -- hot` (issue 15, target 4): signups to ONE hot session and the same signups
 * spread over 50 sessions, on PGlite and PostgreSQL, BENCH_HOT_ROUNDS runs each (3), medians,
 * printed beside the issue's baseline. With BENCH_BEFORE=<a checkout of the code before>, the
 * server from that checkout runs too, alternated with this one run by run, so both see the same
 * machine (bench/README.md says how to make that checkout).
 */
import { int, median, ms, table } from './format.js';
import { runSignupBench, type SignupBenchResult } from './signups.js';

export const PGLITE = 'PGlite (in memory)';
/** The spread case: 50 sessions, 30 places each, so each of them fills and gets a waiting list of its own too. */
export const SPREAD = { sessions: 50, capacity: 30 } as const;
const ROUNDS = Number(process.env.BENCH_HOT_ROUNDS ?? 3);
const BEFORE = process.env.BENCH_BEFORE || undefined;
const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 2_000);

/** Issue 15's figures for one hot session (50 connections), measured before this work. */
const ISSUE = { postgres: '621 req/s, p99 147 ms, handler p50 74 ms', pglite: '434 req/s' };

export interface HotRun {
  storage: string;
  spread: boolean;
  code: 'before' | 'after';
  result: SignupBenchResult;
}

export async function runHot(databaseUrl: string | undefined): Promise<HotRun[]> {
  const storages = [{ label: PGLITE }, ...(databaseUrl ? [{ label: 'PostgreSQL 15 (throwaway)', databaseUrl }] : [])];
  const codes = [...(BEFORE ? [{ code: 'before' as const, root: BEFORE }] : []), { code: 'after' as const }];
  const runs: HotRun[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const storage of storages) {
      for (const spread of [false, true]) {
        for (const { code, ...root } of codes) {
          const result = await runSignupBench({ ...storage, ...root, signups: SIGNUPS, ...(spread ? SPREAD : {}) });
          runs.push({ storage: storage.label, spread, code, result });
          console.log(`  ${storage.label}, ${spread ? 'spread' : 'one session'}, ${code}: ${int(result.requestsPerSecond)} req/s`);
        }
      }
    }
  }
  return runs;
}

export function printHot(runs: HotRun[], skipped: string | undefined): void {
  const groups = new Map<string, HotRun[]>();
  for (const run of runs) {
    const key = `${run.storage}|${run.spread}|${run.code}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const first = runs[0]!.result;
  table(
    `Signups: ${int(first.unique)} people + ${int(first.retries)} retries over ${first.connections} connections, to ONE session of ` +
      `${first.capacity} places, or spread over ${SPREAD.sessions} sessions of ${SPREAD.capacity}; median of ${ROUNDS} runs each` +
      (BEFORE ? `, before (${BEFORE}) and after alternated run by run` : ''),
    ['storage', 'signups to', 'code', 'req/s', 'p50', 'p99', 'in handler p50/p99', 'each run req/s', 'guarantees'],
    [...groups.values()].map((group) => {
      const [{ storage, spread, code }] = group as [HotRun];
      const results = group.map((g) => g.result);
      const m = (f: (r: SignupBenchResult) => number) => median(results.map(f));
      const broken = results.flatMap((r) => r.checks.filter((c) => !c.ok));
      return [
        storage,
        spread ? `${SPREAD.sessions} sessions` : 'one session',
        code,
        int(m((r) => r.requestsPerSecond)),
        ms(m((r) => r.latency.p50), 0),
        ms(m((r) => r.latency.p99), 0),
        `${m((r) => r.server.p50)}/${m((r) => r.server.p99)} ms`,
        results.map((r) => int(r.requestsPerSecond)).join(', '),
        broken.length ? `✗ ${broken.length}` : `✓ all ${results[0]!.checks.length}`,
      ];
    }),
  );
  console.log(
    `\nIssue 15's baseline, one session at 50 connections: PostgreSQL ${ISSUE.postgres}; PGlite ${ISSUE.pglite}. ` +
      'Target: PostgreSQL ≥ 1,000 req/s with p99 ≤ 100 ms, every guarantee holding.',
  );
  // Every run is checked; the last run of each kind is shown whole, and any failure of any run.
  for (const group of groups.values()) {
    const last = group.at(-1)!;
    console.log(`\nGuarantees, read back from the database [${last.storage}, ${last.spread ? `${SPREAD.sessions} sessions` : 'one session'}, ${last.code}, last run]:`);
    for (const c of last.result.checks) console.log(`  ${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
    for (const run of group.slice(0, -1)) {
      for (const c of run.result.checks.filter((c) => !c.ok)) console.log(`  ✗ (an earlier run) ${c.name}: ${c.detail}`);
    }
  }
  if (skipped) console.log(`\n${skipped}`);
}
