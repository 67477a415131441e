/**
 * A fake Mobilise backend at the network boundary: it replaces window.fetch for
 * URLs under a unique endpoint, so elements exercise the real client (validation,
 * retry, cache) while each test gets a fresh cache (a new endpoint per call).
 * The answers come from fake-backend.ts, which is checked against the real server.
 */
import { modules as seedModules, makeSessions } from '../../server/seed/programme.js';
import { fakeBackend, json, problem, type FakeBackend, type FakeOptions, type Route } from './fake-backend.js';

export { json, problem, type Route };

/** Sessions are generated around the real clock so "upcoming" stays upcoming whenever the tests run. */
export const NOW = new Date();
export const fixtures = { modules: seedModules, sessions: makeSessions(NOW) };

export interface MockApi {
  endpoint: string;
  calls: { method: string; url: string; body?: unknown; headers: Record<string, string> }[];
  /** Swap a handler mid-test, e.g. to make the next signup fail. */
  routes: Record<string, Route>;
  restore(): void;
}

/** The requests `api` answered for exactly `path`: `/v1/sessions` is the list, not `/v1/sessions.jsonld` nor a session's .ics. */
export const callsTo = (api: MockApi, path: string) => api.calls.filter((c) => new URL(c.url).pathname.endsWith(path));

let counter = 0;
const realFetch = window.fetch.bind(window);
const active = new Map<string, { api: MockApi; backend: FakeBackend }>();
let installed = false;

const parseJson = (text: string) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

function install() {
  if (installed) return;
  installed = true;
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href);
    for (const { api, backend } of active.values()) {
      if (!url.href.startsWith(api.endpoint)) continue;
      if (init.signal?.aborted) throw init.signal.reason;
      const method = (init.method ?? 'GET').toUpperCase();
      const body = typeof init.body === 'string' ? parseJson(init.body) : undefined;
      api.calls.push({ method, url: url.href, body, headers: { ...(init.headers as Record<string, string>) } });
      return backend.answer(method, url.href.slice(api.endpoint.length).split('?')[0], { url, init, body });
    }
    return realFetch(input, init);
  };
}

export type MockOptions = FakeOptions;

export function mockApi(options: MockOptions = {}): MockApi {
  install();
  const backend = fakeBackend({ ...options, modules: options.modules ?? fixtures.modules, sessions: options.sessions ?? fixtures.sessions });
  const endpoint = `https://api-${++counter}.mobilise.test`;
  const api: MockApi = { endpoint, calls: [], routes: backend.routes, restore: () => active.delete(endpoint) };
  active.set(endpoint, { api, backend });
  return api;
}

/**
 * A mockApi factory whose endpoints are all restored after each test. Call it once at a test
 * file's top level: `const api = mockApis();` then `api()` / `api({ sessions })` in the tests.
 */
export function mockApis(): (options?: MockOptions) => MockApi {
  let apis: MockApi[] = [];
  afterEach(() => {
    apis.forEach((a) => a.restore());
    apis = [];
  });
  return (options) => {
    const a = mockApi(options);
    apis.push(a);
    return a;
  };
}

/** Never resolves until released: for asserting loading states. */
export function gate() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}
