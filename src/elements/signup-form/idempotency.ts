/**
 * A random key, valid for the contract's `[A-Za-z0-9_-]{16,100}`.
 * `randomUUID` exists only in secure contexts and some CLP sites are still
 * served over plain http, so fall back to `getRandomValues` (available everywhere).
 */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  return Array.from(c.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One key per form and session, kept across retries so a POST that did land is
 * never counted twice; renewed only when a new person signs up.
 */
export class IdempotencyKeys {
  readonly #keys = new Map<string, string>();

  for(sessionId: string): string {
    let key = this.#keys.get(sessionId);
    if (!key) {
      key = newIdempotencyKey();
      this.#keys.set(sessionId, key);
    }
    return key;
  }

  renew(sessionId: string) {
    this.#keys.delete(sessionId);
  }
}
