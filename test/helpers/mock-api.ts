/**
 * A fake Mobilise backend at the network boundary: it replaces window.fetch for
 * URLs under a unique endpoint, so elements exercise the real client (validation,
 * retry, cache) while each test gets a fresh cache (a new endpoint per call).
 */
import type { Module, Session, SignupRequest } from '../../src/contract/index.js';
import { modules as seedModules, makeSessions } from '../../server/seed/programme.js';

/** Sessions are generated around the real clock so "upcoming" stays upcoming whenever the tests run. */
export const NOW = new Date();
export const fixtures = { modules: seedModules, sessions: makeSessions(NOW) };

export type Route = (req: { url: URL; init: RequestInit; body?: unknown }) => Response | Promise<Response>;

export interface MockApi {
  endpoint: string;
  calls: { method: string; url: string; body?: unknown; headers: Record<string, string> }[];
  /** Swap a handler mid-test, e.g. to make the next signup fail. */
  routes: Record<string, Route>;
  restore(): void;
}

let counter = 0;
const realFetch = window.fetch.bind(window);
const active = new Map<string, MockApi>();
let installed = false;

export const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

export const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  json({ type: `https://mobilise.invalid/problems/${code}`, title: code, status, code, ...extra }, status, 'application/problem+json');

function install() {
  if (installed) return;
  installed = true;
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href);
    for (const api of active.values()) {
      if (!url.href.startsWith(api.endpoint)) continue;
      if (init.signal?.aborted) throw init.signal.reason;
      const method = (init.method ?? 'GET').toUpperCase();
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      api.calls.push({ method, url: url.href, body, headers: { ...(init.headers as Record<string, string>) } });
      const path = url.href.slice(api.endpoint.length).split('?')[0];
      const key = `${method} ${path.replace(/\/v1\/sessions\/[^/]+\.ics$/, '/v1/sessions/:id.ics')}`;
      const route = api.routes[key];
      if (!route) return new Response('not found', { status: 404 });
      return route({ url, init, body });
    }
    return realFetch(input, init);
  };
}

export interface MockOptions {
  modules?: unknown[];
  sessions?: unknown[];
  /** Decide the signup outcome; default confirms with a reference. */
  signup?: (body: SignupRequest) => Response | Promise<Response>;
}

export function mockApi(options: MockOptions = {}): MockApi {
  install();
  const modules = (options.modules ?? fixtures.modules) as Module[];
  const sessions = (options.sessions ?? fixtures.sessions) as Session[];
  const endpoint = `https://api-${++counter}.mobilise.test`;
  const api: MockApi = {
    endpoint,
    calls: [],
    routes: {
      'GET /v1/modules': () => json({ modules }),
      'GET /v1/sessions': ({ url }) => {
        const m = url.searchParams.get('module');
        const area = url.searchParams.get('area')?.toLowerCase();
        return json({
          sessions: sessions.filter((s) => (!m || s.moduleId === m) && (!area || s.area?.toLowerCase() === area)),
        });
      },
      'POST /v1/signups': ({ body }) =>
        options.signup
          ? options.signup(body as SignupRequest)
          : json({ status: 'confirmed', reference: 'MOB-TEST01', sessionId: (body as SignupRequest).sessionId }, 201),
      'GET /v1/sessions/:id.ics': () =>
        new Response('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', { headers: { 'content-type': 'text/calendar' } }),
    },
    restore: () => active.delete(endpoint),
  };
  active.set(endpoint, api);
  return api;
}

/** Never resolves until released: for asserting loading states. */
export function gate() {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}
