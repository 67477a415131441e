/**
 * A scripted, failure-prone POST /v1/signups for a mockApi() backend, with the
 * server's idempotency rule: the first request with a key stores the signup;
 * any later request with that key gets the stored result back (200), never a
 * second row. Each attempt takes the next step of the script (the last step
 * repeats), so a test spells out exactly how the network misbehaves.
 */
import type { SignupRequest, SignupResult } from '../../src/contract/index.js';
import type { MockApi } from './mock-api.js';

export type Step =
  /** Store (or replay) and answer normally: 201 first time, 200 with the same result after. */
  | 'ok'
  /** A gateway or server error before anything is stored. */
  | 500
  | 502
  | 503
  /** No answer at all until the client gives up (its timeout aborts the request). */
  | 'hang'
  /** Stored, then the connection drops before any response arrives. */
  | 'store-then-drop'
  /** Stored, then the answer takes longer than the client waits. */
  | 'store-then-hang'
  /** Stored, 201 headers sent, then the connection drops halfway through the body. */
  | 'store-then-cut-body'
  /** The browser is offline: fetch rejects at once and nothing reaches the server. */
  | 'offline';

export interface Attempt {
  step: Step;
  key: string | undefined;
  body: SignupRequest;
  /** Whether the client aborted this attempt (timeouts). */
  aborted: boolean;
}

export interface FlakySignups {
  attempts: Attempt[];
  /** Rows the "server" stored, in order; a correct client leaves exactly one per person. */
  stored: { key: string; request: SignupRequest; result: SignupResult }[];
  /** Replace the remaining script, e.g. when the connection comes back. */
  script(steps: Step[]): void;
}

let refs = 0;

const problemJson = (status: number) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Bad gateway', status, code: 'server-error' }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

const html = (status: number) =>
  new Response(`<html><body><h1>${status} Service Unavailable</h1></body></html>`, { status, headers: { 'content-type': 'text/html' } });

/** Never settles until the request's own signal aborts, as a hung connection does. */
const hang = (signal: AbortSignal | null | undefined, attempt: Attempt) =>
  new Promise<Response>((_, reject) => {
    signal?.addEventListener('abort', () => {
      attempt.aborted = true;
      reject(signal.reason);
    });
  });

export function flakySignups(api: MockApi, initial: Step[] = ['ok']): FlakySignups {
  let steps = [...initial];
  const byKey = new Map<string, SignupResult>();
  const state: FlakySignups = {
    attempts: [],
    stored: [],
    script(next) {
      steps = [...next];
    },
  };

  /** The server side: idempotent on the key. */
  const store = (key: string, request: SignupRequest): { result: SignupResult; replay: boolean } => {
    const known = byKey.get(key);
    if (known) return { result: known, replay: true };
    // Each stored signup holds until a different minute, so the screen shows which one the member got.
    const holdExpiresAt = `2030-01-02T10:${String(++refs % 60).padStart(2, '0')}:00+00:00`;
    const result: SignupResult = { status: 'pending', sessionId: request.sessionId, hold: 'place', holdExpiresAt };
    byKey.set(key, result);
    state.stored.push({ key, request, result });
    return { result, replay: false };
  };

  api.routes['POST /v1/signups'] = async ({ init, body }) => {
    const step = steps.length > 1 ? steps.shift()! : steps[0];
    const headers = init.headers as Record<string, string>;
    const key = headers['idempotency-key'];
    const attempt: Attempt = { step, key, body: body as SignupRequest, aborted: false };
    state.attempts.push(attempt);
    const keep = () => store(String(key), body as SignupRequest);
    switch (step) {
      case 'ok': {
        const { result, replay } = keep();
        return new Response(JSON.stringify(result), { status: replay ? 200 : 201, headers: { 'content-type': 'application/json' } });
      }
      case 500:
        return problemJson(500);
      case 502:
        return html(502);
      case 503:
        return html(503);
      case 'hang':
        return hang(init.signal, attempt);
      case 'store-then-drop':
        keep();
        throw new TypeError('Failed to fetch');
      case 'store-then-hang':
        keep();
        return hang(init.signal, attempt);
      case 'store-then-cut-body': {
        const text = JSON.stringify(keep().result);
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(text.slice(0, 12)));
            controller.error(new TypeError('network error'));
          },
        });
        return new Response(stream, { status: 201, headers: { 'content-type': 'application/json' } });
      }
      case 'offline':
        throw new TypeError('Failed to fetch');
    }
  };
  return state;
}
