import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SessionsResponseSchema } from '../../src/contract/index.js';
import type { Db } from '../db/types.js';
import { perResult, ReadCache, readCache } from '../store/read-cache.js';
import { addSession, dbTargets, postSignup, signup, startApp, type Running } from './harness.js';

/** The Db the app runs on, counting the public reads it is asked to run (by the table they read). */
function counting(db: Db): Db & { reads: { sessions: number; modules: number }; reset(): void } {
  const reads = { sessions: 0, modules: 0 };
  return {
    ...db,
    reads,
    reset() {
      reads.sessions = reads.modules = 0;
    },
    query(sql, params) {
      if (/^\s*SELECT\b[\s\S]*\bFROM sessions\b/.test(sql)) reads.sessions++;
      if (/^\s*SELECT\b[\s\S]*\bFROM modules\b/.test(sql)) reads.modules++;
      return db.query(sql, params);
    },
  };
}

const get = (url: string) => fetch(url).then(async (res) => ({ status: res.status, body: await res.text() }));
const burst = (n: number, url: string) => Promise.all(Array.from({ length: n }, () => get(url)));

for (const target of dbTargets()) {
  describe(`public reads share one cached query [${target.name}]`, () => {
    let db: ReturnType<typeof counting>;
    let app: Running;
    // The cache's clock stands still unless a test moves it, so nothing expires mid-test on a slow machine.
    let clock = 0;
    before(async () => {
      db = counting(await target.open());
      readCache(db, { ttlMs: 2_000, maxKeys: 50, clock: () => clock });
      app = await startApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('a burst of identical GETs runs each query once', async () => {
      db.reset();
      const sessions = await burst(40, `${app.url}/v1/sessions?area=Glasgow`);
      const modules = await burst(40, `${app.url}/v1/modules`);
      assert.ok([...sessions, ...modules].every((r) => r.status === 200));
      assert.equal(new Set(sessions.map((r) => r.body)).size, 1);
      assert.deepEqual(db.reads, { sessions: 1, modules: 1 });
    });

    it('a flood of GETs around signups costs one query per key and change, not one per request', async () => {
      const session = await addSession(db, { area: 'Fife', capacity: 5, spacesLeft: 5 });
      db.reset();
      const flood = Promise.all([
        burst(100, `${app.url}/v1/sessions?area=Fife`),
        burst(100, `${app.url}/v1/sessions`),
        burst(50, `${app.url}/v1/sessions/${session.id}.ics`),
      ]);
      const signups = await Promise.all([1, 2].map(() => postSignup(app.url, signup(session.id))));
      assert.deepEqual(signups.map((r) => r.status), [202, 202]);
      const answers = (await flood).flat();
      assert.ok(answers.every((r) => r.status === 200));
      // Each of the 3 keys is read once, and again at most once after each of the 2 signups (which read inside their transaction, not counted).
      assert.ok(db.reads.sessions <= 3 * 3, `${db.reads.sessions} reads of sessions for 250 GETs and 2 signups`);
    });

    it('a signup is seen by the next read on the same server, without waiting for the cache to expire', async () => {
      const session = await addSession(db, { area: 'Dundee', capacity: 5, spacesLeft: 5 });
      const spacesLeft = async () => {
        const { body } = await get(`${app.url}/v1/sessions?area=Dundee`);
        return SessionsResponseSchema.parse(JSON.parse(body)).sessions.find((s) => s.id === session.id)?.spacesLeft;
      };
      assert.equal(await spacesLeft(), 5);
      assert.equal((await postSignup(app.url, signup(session.id))).status, 202);
      assert.equal(await spacesLeft(), 4);
    });

    it('a new session is listed at once', async () => {
      assert.equal(JSON.parse((await get(`${app.url}/v1/sessions?area=Perth`)).body).sessions.length, 0);
      await addSession(db, { area: 'Perth' });
      assert.equal(JSON.parse((await get(`${app.url}/v1/sessions?area=Perth`)).body).sessions.length, 1);
    });

    it('reads again once the TTL has passed', async () => {
      await get(`${app.url}/v1/modules`);
      db.reset();
      clock += 1_999;
      await get(`${app.url}/v1/modules`);
      assert.equal(db.reads.modules, 0);
      clock += 2;
      await burst(5, `${app.url}/v1/modules`);
      assert.equal(db.reads.modules, 1);
    });

    it('keeps at most maxKeys queries, whatever ?area= values arrive', async () => {
      for (let i = 0; i < 120; i += 20) await Promise.all(Array.from({ length: 20 }, (_, j) => get(`${app.url}/v1/sessions?area=x${i + j}`)));
      assert.equal(readCache(db).size, 50);
    });
  });
}

describe('ReadCache', () => {
  const deferred = <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  };

  it('joins callers to a running load, then reuses its result until the TTL passes', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 100, clock: () => now });
    const loads: ReturnType<typeof deferred<number>>[] = [];
    const load = () => (loads.push(deferred<number>()), loads.at(-1)!.promise);
    const first = [cache.get('k', load), cache.get('k', load)];
    now = 1_000; // a slow query: later callers still join it
    first.push(cache.get('k', load));
    loads[0]!.resolve(1);
    assert.deepEqual(await Promise.all(first), [1, 1, 1]);
    now += 99;
    assert.equal(await cache.get('k', load), 1);
    assert.equal(loads.length, 1);
    now += 1;
    const again = cache.get('k', load);
    loads[1]!.resolve(2);
    assert.equal(await again, 2);
  });

  it('does not keep a result whose load was overtaken by invalidate()', async () => {
    const cache = new ReadCache({ clock: () => 0 });
    const stale = deferred<string>();
    const before = cache.get('k', () => stale.promise);
    cache.invalidate();
    const after = cache.get('k', async () => 'new');
    stale.resolve('old');
    assert.equal(await before, 'old');
    assert.equal(await after, 'new');
    assert.equal(await cache.get('k', async () => 'newer'), 'new');
  });

  it('does not keep failures', async () => {
    const cache = new ReadCache({ clock: () => 0 });
    await assert.rejects(cache.get('k', async () => Promise.reject(new Error('down'))), /down/);
    assert.equal(await cache.get('k', async () => 'up'), 'up');
  });

  it('drops the oldest key beyond maxKeys', async () => {
    const cache = new ReadCache({ maxKeys: 3, clock: () => 0 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, async () => key);
    assert.equal(cache.size, 3);
    assert.equal(await cache.get('a', async () => 'reloaded'), 'reloaded');
    assert.equal(await cache.get('d', async () => 'reloaded'), 'd');
  });

  it('perResult builds once per cached result, again for a new one', async () => {
    const cache = new ReadCache({ clock: () => 0 });
    let built = 0;
    const reply = perResult((rows: string[]) => (built++, rows.join()));
    const rows = () => cache.get('k', async () => ['a', 'b']);
    assert.deepEqual([reply(await rows()), reply(await rows())], ['a,b', 'a,b']);
    assert.equal(built, 1);
    cache.invalidate();
    reply(await rows());
    assert.equal(built, 2);
  });
});
