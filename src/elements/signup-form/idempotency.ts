/**
 * A random key, valid for the contract's `[A-Za-z0-9_-]{16,100}`: 128 random bits in hex, from
 * `getRandomValues`, which (unlike `randomUUID`) every page has, plain http ones included.
 */
export function newIdempotencyKey(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
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
