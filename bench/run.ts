/**
 * `npm run bench`: the signup load bench on PGlite and on PostgreSQL, signups
 * alone and under a GET flood side by side, then the front-end bench; prints the
 * figures as tables. Exits 1 if any guarantee the signup bench checks does not hold.
 *
 *   npm run bench                    everything
 *   npm run bench -- signups         only the signup load bench
 *   npm run bench -- frontend        only the front-end bench
 *   BENCH_SIGNUPS=5000 npm run bench more signups (default 2,000)
 *   BENCH_FLOOD_SIGNUPS=1000         more signups in the flood comparison (default 300)
 *   BENCH_SERIES_SIGNUPS=2000        more people booking a series (default 1,000)
 *   BENCH_VERBOSE=1                  the front-end bench prints each page load's own figures and its long animation frames
 *   npm run bench -- hot             one hot session and 50 sessions only, BENCH_HOT_ROUNDS (3) runs each, medians,
 *                                    beside issue 15's baseline; with BENCH_BEFORE=<checkout> the server from that
 *                                    checkout too, alternated with this one (bench/README.md: before and after)
 *
 * PostgreSQL is DATABASE_URL when set, else a throwaway PostgreSQL 15 cluster
 * (bench/pg.ts); without either it is skipped with a line saying why.
 */
import { cpus, loadavg } from 'node:os';
import { int, ms, table } from './format.js';
import { runFrontendBench } from './frontend.js';
import { printFrontend } from './print-frontend.js';
import { throwawayPostgres } from '../scripts/throwaway-pg.js';
import { runSignupBench, type SignupBenchResult } from './signups.js';
import { PGLITE, printHot, runHot, SPREAD } from './hot.js';

/** Signups of the GET flood comparison, and the flood's connections. */
const FLOOD_SIGNUPS = Number(process.env.BENCH_FLOOD_SIGNUPS ?? 300);
const FLOOD_CONNECTIONS = 100;
/** Runs each way for the outbox's cost, alternated so that the machine's drift hits both alike. */
const OUTBOX_ROUNDS = Number(process.env.BENCH_OUTBOX_ROUNDS ?? 3);
/** The columns of a signup load's table (loadRow), before the code below runs and prints them. */
const LOAD_COLUMNS = ['storage', 'requests', 'req/s', 'p50', 'p90', 'p99', 'max', 'in handler p50/p99', 'statuses', 'errors (incl. warm-up)'];
/** People booking part one and part two in one request, for 50 places in part two. */
const SERIES_SIGNUPS = Number(process.env.BENCH_SERIES_SIGNUPS ?? 1_000);

interface OutboxCost {
  label: string;
  /** The signup load's run first, then one per further round. */
  with: SignupBenchResult[];
  without: SignupBenchResult[];
}

interface FloodPair {
  alone: SignupBenchResult;
  flooded: SignupBenchResult;
}

const only = process.argv[2];
if (only !== undefined && only !== 'signups' && only !== 'frontend' && only !== 'hot') {
  console.error(`Unknown bench "${only}": use signups, hot or frontend (or nothing for all but hot).`);
  process.exit(2);
}
const started = performance.now();
// The whole run is bounded: nothing here should take anywhere near this long.
// hot with BENCH_BEFORE runs 24 loads: on a busy 2-core machine that can pass 10 minutes.
const limitMinutes = only === 'hot' ? 30 : 10;
setTimeout(() => {
  console.error(`bench: gave up after ${limitMinutes} minutes`);
  process.exit(1);
}, limitMinutes * 60_000).unref();

console.log(
  `Mobilise bench — Node ${process.version}, ${cpus().length} CPU ${cpus()[0]?.model.trim() ?? ''}, ` +
    `load average ${loadavg()[0]!.toFixed(2)} at start. Loopback only.`,
);

let failed = false;

if (only === 'hot') {
  const pg = await throwawayPostgres();
  try {
    const runs = await runHot(typeof pg === 'string' ? undefined : pg.url);
    printHot(runs, typeof pg === 'string' ? pg : undefined);
    failed = runs.some((r) => r.result.checks.some((c) => !c.ok));
  } finally {
    if (typeof pg !== 'string') await pg.stop();
  }
} else if (only !== 'frontend') {
  const signups = Number(process.env.BENCH_SIGNUPS ?? 2_000);
  const results: SignupBenchResult[] = [];
  const outboxCosts: OutboxCost[] = [];
  const flooded: FloodPair[] = [];
  const series: SignupBenchResult[] = [];
  const skipped: string[] = [];
  const storages: { label: string; databaseUrl?: string }[] = [{ label: PGLITE }];
  const pg = await throwawayPostgres();
  if (typeof pg === 'string') skipped.push(pg);
  else storages.push({ label: pg.label.replace(/ \(throwaway cluster, port \d+\)/, ' (throwaway)'), databaseUrl: pg.url });
  // Ctrl-C must not leave the throwaway cluster running.
  const interrupted = () => void (typeof pg === 'string' ? Promise.resolve() : pg.stop()).finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    for (const storage of storages) {
      const main = await runSignupBench({ ...storage, signups });
      results.push(main, await runSignupBench({ ...storage, label: `${storage.label}, spread`, signups, ...SPREAD }));
      // With, without, with, without…: the load average here moves more between runs than the outbox costs.
      const cost: OutboxCost = { label: storage.label, with: [main], without: [] };
      for (let round = 0; round < OUTBOX_ROUNDS; round++) {
        cost.without.push(await runSignupBench({ ...storage, label: `${storage.label}, without the outbox`, signups, outbox: false }));
        if (round < OUTBOX_ROUNDS - 1) cost.with.push(await runSignupBench({ ...storage, signups }));
      }
      outboxCosts.push(cost);
      // A few members signing up at once, alone and then while 100 connections flood GET /v1/sessions.
      const trickle = { ...storage, signups: FLOOD_SIGNUPS, connections: 5, warmup: 50 };
      flooded.push({ alone: await runSignupBench(trickle), flooded: await runSignupBench({ ...trickle, flood: FLOOD_CONNECTIONS }) });
      series.push(await runSignupBench({ ...storage, signups: SERIES_SIGNUPS, series: true }));
    }
  } finally {
    if (typeof pg !== 'string') await pg.stop();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  printSignups(results, skipped);
  printOutboxCost(outboxCosts);
  printFlood(flooded);
  printSeries(series);
  failed ||= [...results, ...outboxCosts.flatMap((c) => [...c.with, ...c.without]), ...flooded.flatMap((f) => [f.alone, f.flooded]), ...series].some((r) =>
    r.checks.some((c) => !c.ok),
  );
}

if (only !== 'signups' && only !== 'hot') printFrontend(await runFrontendBench());

console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(0)} s.${failed ? ' A GUARANTEE FAILED: see ✗ above.' : ''}`);
process.exit(failed ? 1 : 0);

function printSignups(results: SignupBenchResult[], skipped: string[]): void {
  const first = results[0]!;
  table(
    `Signup load: ${int(first.unique)} people + ${int(first.retries)} retries (same Idempotency-Key) for ONE session of ${first.capacity} places ` +
      `with a waiting list, ${first.connections} keep-alive connections (autocannon), after ${first.warmup} uncounted warm-up requests on the same connections`,
    LOAD_COLUMNS,
    results.map(loadRow),
  );
  console.log(
    `\n"spread": the same people and retries over ${SPREAD.sessions} sessions of ${SPREAD.capacity} places each (person i books session i mod ${SPREAD.sessions}), ` +
      'checked session by session. Issue 15\'s baseline for ONE session: PostgreSQL 621 req/s, p99 147 ms (handler p50 74 ms, the row lock); ' +
      'PGlite 434 req/s. Target: PostgreSQL ≥ 1,000 req/s with p99 ≤ 100 ms. `npm run bench -- hot` compares before and after.',
  );
  console.log(
    '\nLatency is as the client sees it, from just before a request is written to its response. "In handler" is the server\'s own time per request, from its log lines\n' +
      '(read, validate, transaction including waits for a pool connection or the row lock, reply); the rest is time spent\n' +
      'queued before the server got to the request. All signups here but "spread" contend for one session row.',
  );
  for (const r of results) {
    console.log(`\nGuarantees after the run, read back from the database [${r.label}]:`);
    for (const c of r.checks) console.log(`  ${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
  }
  for (const line of skipped) console.log(`\n${line}`);
}

function printOutboxCost(costs: OutboxCost[]): void {
  const median = (runs: SignupBenchResult[]) => {
    const sorted = runs.map((r) => r.requestsPerSecond).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  const each = (runs: SignupBenchResult[]) => runs.map((r) => int(r.requestsPerSecond)).join(', ');
  table(
    'Signups/s with the outbox (every signup writes its "confirm your place" email in its transaction) and without it ' +
      `(the bench server skips that INSERT; the email is still rendered): the signup load above, ${OUTBOX_ROUNDS} runs each way, alternated, median`,
    ['storage', 'signups/s with the outbox', 'without', 'difference', 'each run with', 'each run without'],
    costs.map((c) => {
      const [w, wo] = [median(c.with), median(c.without)];
      return [c.label, int(w), int(wo), `${(((w - wo) / wo) * 100).toFixed(0)}%`, each(c.with), each(c.without)];
    }),
  );
  const runs = costs.flatMap((c) => [...c.with.slice(1), ...c.without]);
  const broken = runs.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => `  ✗ ${r.label}: ${c.name}: ${c.detail}`));
  console.log(broken.length ? broken.join('\n') : `  ✓ the guarantees above hold after each of these ${runs.length} runs too`);
}

function printFlood(pairs: FloodPair[]): void {
  const first = pairs[0]!.alone;
  table(
    `Signups under a GET flood: ${int(first.unique)} people + ${int(first.retries)} retries over ${first.connections} connections, ` +
      `alone and while ${FLOOD_CONNECTIONS} keep-alive connections send GET /v1/sessions as fast as they are answered (bench/flood.ts, its own process)`,
    ['storage', 'alone p50', 'alone p99', 'flooded p50', 'flooded p99', 'signups/s alone/flooded', 'flood GETs/s', 'DB reads for GETs', 'flood statuses'],
    pairs.map(({ alone, flooded }) => [
      alone.label,
      ms(alone.latency.p50, 0),
      ms(alone.latency.p99, 0),
      ms(flooded.latency.p50, 0),
      ms(flooded.latency.p99, 0),
      `${int(alone.requestsPerSecond)}/${int(flooded.requestsPerSecond)}`,
      int((flooded.flood?.requests ?? 0) / (flooded.flood?.seconds ?? 1)),
      `${int(flooded.reads)} for ${int(flooded.flood?.requests ?? 0)}`,
      Object.entries(flooded.flood?.statuses ?? {})
        .map(([code, n]) => `${code}×${n}`)
        .join(' ') + (flooded.flood?.errors ? ` errors×${flooded.flood.errors}` : ''),
    ]),
  );
  console.log(
    '\nPublic reads come from a shared cache (server/store/read-cache.ts) that every signup clears, so the flood costs about one query\n' +
      'per signup, not one per GET. The same guarantees as above are checked after each of these runs:',
  );
  for (const r of pairs.flatMap((p) => [p.alone, p.flooded])) {
    const broken = r.checks.filter((c) => !c.ok);
    console.log(`  ${broken.length ? '✗' : '✓'} ${r.label}${r.flood ? ', flooded' : ', alone'}: ${broken.length ? broken.map((c) => `${c.name}: ${c.detail}`).join('; ') : 'all hold'}`);
  }
}

function printSeries(results: SignupBenchResult[]): void {
  const first = results[0]!;
  table(
    `A series in one signup: ${int(first.unique)} people + ${int(first.retries)} retries each booking field organising part one and part two ` +
      `in one request (half naming part two first) for ${first.capacity} places in part two and ${first.capacity + 10} in part one, no waiting list, ` +
      `${first.connections} connections`,
    LOAD_COLUMNS,
    results.map(loadRow),
  );
  for (const r of results) {
    console.log(`\nGuarantees after the series run, read back from the database [${r.label}]:`);
    for (const c of r.checks) console.log(`  ${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
  }
}

/** A signup load run as a row of LOAD_COLUMNS. */
function loadRow(r: SignupBenchResult): string[] {
  return [
    r.label,
    int(r.requests),
    int(r.requestsPerSecond),
    ms(r.latency.p50, 0),
    ms(r.latency.p90, 0),
    ms(r.latency.p99, 0),
    ms(r.latency.max, 0),
    `${r.server.p50}/${r.server.p99} ms`,
    Object.entries(r.statuses)
      .map(([code, n]) => `${code}×${n}`)
      .join(' '),
    String(r.errors + r.timeouts),
  ];
}
