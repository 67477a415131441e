/**
 * `make(key)`, kept in `cache` for the next caller. A cache that reaches `limit` keys starts again
 * empty, so a long-running server's memory stays bounded whatever it is asked about.
 */
export function remember<K, V>(cache: Map<K, V>, key: K, make: (key: K) => V, limit = 4096): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= limit) cache.clear();
    cache.set(key, (value = make(key)));
  }
  return value;
}
