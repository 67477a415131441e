/**
 * A short-lived cache for the public reads (modules, sessions, one session's
 * calendar), so a flood of GETs costs a query per key every few seconds instead
 * of one per request. That matters most on PGlite, whose single connection would
 * otherwise make every signup queue behind the flood's reads.
 *
 * One cache per database handle, so every write made through the store on that
 * handle clears it (invalidateReads): a member never sees stale "spaces left"
 * after their own signup on the same server. Other servers on the same
 * PostgreSQL see a change within the TTL.
 */

export interface ReadCacheOptions {
  /** How long a result is reused after its query answered (default 2 s). */
  ttlMs?: number;
  /** Most keys kept; the oldest is dropped first, so arbitrary ?area= values cannot grow memory (default 256). */
  maxKeys?: number;
  /** Milliseconds, monotonic; tests pass their own. */
  clock?: () => number;
}

interface Entry {
  value: Promise<unknown>;
  /** Infinity while the query runs: later callers join it instead of starting another. */
  expires: number;
}

export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxKeys: number;
  readonly #clock: () => number;

  constructor(options: ReadCacheOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 2_000;
    this.#maxKeys = Math.max(1, options.maxKeys ?? 256);
    this.#clock = options.clock ?? (() => performance.now());
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The fresh result for `key`, or the one being loaded, or a new `load()` shared by everyone who asks meanwhile. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const found = this.#entries.get(key);
    if (found && found.expires > this.#clock()) return found.value as Promise<T>;
    this.#entries.delete(key);
    while (this.#entries.size >= this.#maxKeys) this.#entries.delete(this.#entries.keys().next().value!);

    const entry: Entry = { value: load(), expires: Infinity };
    this.#entries.set(key, entry);
    // Identity checks: a load that was invalidated or evicted while running is not kept.
    entry.value.then(
      () => {
        if (this.#entries.get(key) === entry) entry.expires = this.#clock() + this.#ttlMs;
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return entry.value as Promise<T>;
  }

  /** Everything read so far may be stale; reads still running are answered but not kept. */
  invalidate(): void {
    this.#entries.clear();
  }
}

const caches = new WeakMap<object, ReadCache>();

/** The cache shared by everyone reading through `db`; `options` apply when it is first made. */
export function readCache(db: object, options?: ReadCacheOptions): ReadCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ReadCache(options)));
  return cache;
}

/** Call after a write through `db` commits (inside a transaction, after it, with the Db rather than the transaction). */
export function invalidateReads(db: object): void {
  caches.get(db)?.invalidate();
}

/**
 * `build` made once per cached result (by identity) and reused while that result
 * is: a flood of GETs then validates and serialises each result once, not per request.
 */
export function perResult<S extends object, T>(build: (source: S) => T): (source: S) => T {
  const made = new WeakMap<S, T>();
  return (source) => {
    if (!made.has(source)) made.set(source, build(source));
    return made.get(source)!;
  };
}
