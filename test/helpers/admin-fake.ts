/**
 * The organiser console's browser-test harness: loads the BUILT console (dist/admin/admin.js,
 * `npm run build`: src/contract/admin.ts needs real zod, and this runner aliases zod/mini to
 * zod-lite for the embed's sake) and fakes the admin API at fetch, answering as
 * server/routes/*.ts do. Every call is recorded in `fake.calls`; a test answers a route its own
 * way with `fake.answers['METHOD /path']` or, for paths with ids, `fake.routes`.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { fixtures } from './mock-api.js';
import { setViewport } from './viewport.js';

declare function before(fn: () => unknown): void;
declare function afterEach(fn: () => unknown): void;

export const BUILT = '/dist/admin/admin.js';
export const ENDPOINT = 'https://console.mobilise.test';
export const TOKEN = 'A'.repeat(43);
export const CSRF = 'csrf-token-for-tests';
export const organiser = { id: 7, name: 'Ailsa Organiser', role: 'organiser' as const, areas: ['Glasgow', 'Edinburgh'] };
export const admin = { id: 1, name: 'Morag Admin', role: 'admin' as const, areas: [] as string[] };
export const problem = (status: number, code: string, title: string, extra: object = {}) =>
  new Response(JSON.stringify({ type: `https://mobilise.invalid/problems/${code}`, title, status, code, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const managed = fixtures.sessions.slice(0, 6).map((session, i) => ({
  session: { ...session, area: i % 2 ? 'Edinburgh' : 'Glasgow' },
  published: true,
  version: 1,
  counts: { capacity: session.capacity, confirmed: i, pending: 1, waitlisted: i % 3, cancelled: 0, attended: 0 },
}));

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

export const fake = {
  calls: [] as Call[],
  signedIn: false,
  /** Who GET /me and the sign-in link answer with. */
  who: organiser as typeof organiser | typeof admin,
  answers: {} as Partial<Record<string, (call: Call) => Response>>,
  /** Tried in order before the defaults; the first Response wins. */
  routes: [] as ((call: Call) => Response | undefined)[],
};

const realFetch = window.fetch.bind(window);

/** The admin API as the reference backend answers it, one session at a time. */
function fakeAdminApi(call: Call): Response {
  const { method, path, query, body } = call;
  const own = fake.answers[`${method} ${path}`];
  if (own) return own(call);
  for (const route of fake.routes) {
    const answer = route(call);
    if (answer) return answer;
  }
  if (method === 'POST' && path === '/v1/admin/sign-in') return json({ status: 'sent' }, 202);
  if (method === 'POST' && path === '/v1/admin/session') {
    if ((body as { token?: string } | undefined)?.token !== TOKEN) return problem(404, 'token-invalid', 'This sign-in link does not work', { detail: 'Ask for a new link.' });
    fake.signedIn = true;
    return json({ organiser: fake.who, csrfToken: CSRF });
  }
  if (!fake.signedIn) return problem(401, 'unauthorized', 'Sign in first');
  if (method === 'GET' && path === '/v1/admin/me') return json({ organiser: fake.who, csrfToken: CSRF });
  if (method === 'POST' && path === '/v1/admin/sign-out') return (fake.signedIn = false), new Response(null, { status: 204 });
  if (method === 'GET' && path === '/v1/admin/modules') return json({ modules: fixtures.modules.map((module) => ({ module, version: 1 })) });
  if (method === 'GET' && path === '/v1/admin/sessions')
    return json({ sessions: managed.filter((m) => !query.get('area') || m.session.area === query.get('area')).filter((m) => !query.get('module') || m.session.moduleId === query.get('module')) });
  return problem(404, 'not-found', 'Not found');
}

export const page = location.href.split('#')[0]!;

/** Call once at the top of a test file: loads the built console and installs the fake. */
export function useAdminFake() {
  before(async () => {
    const found = await realFetch(BUILT, { method: 'HEAD' });
    if (!found.ok) throw new Error(`${BUILT} is missing: run npm run build first`);
    await import(/* @vite-ignore */ BUILT);
    window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      if (url.origin !== ENDPOINT) return realFetch(input, init);
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      const call = { method: init.method ?? 'GET', path: url.pathname, query: url.searchParams, body, headers: { ...(init.headers as Record<string, string>) } };
      fake.calls.push(call);
      return fakeAdminApi(call);
    };
  });
  afterEach(async () => {
    fake.calls = [];
    fake.answers = {};
    fake.routes = [];
    fake.signedIn = false;
    fake.who = organiser;
    history.replaceState(null, '', page);
    await setViewport({ width: 800, height: 600 });
  });
}

export type Console = HTMLElement & { updateComplete: Promise<boolean> };
export const open = () => fixture<Console>(html`<mobilise-admin-console endpoint=${ENDPOINT}></mobilise-admin-console>`);
export const inner = (el: Element, tag: string) => el.shadowRoot!.querySelector(tag) as (HTMLElement & { shadowRoot: ShadowRoot }) | null;
export const signInRoot = (el: Element) => inner(el, 'mobilise-admin-sign-in')?.shadowRoot;
export const tableOf = (el: Element) => inner(el, 'mobilise-admin-sessions');
export const text = (root: ParentNode | null | undefined, selector: string) => root?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The deepest focused element's id (or tag), through the shadow roots. */
export function focused(): string {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a ? a.id || a.localName : 'nothing';
}
/** Signed in, the console open on `hash` (default: the sessions table, waited for). */
export async function signedInConsole(hash = '') {
  fake.signedIn = true;
  if (hash) history.replaceState(null, '', `${page}${hash}`);
  const el = await open();
  if (!hash) await waitUntil(() => tableOf(el)?.shadowRoot?.querySelector('tbody tr'), 'the sessions table never showed rows', { timeout: 4000 });
  return el;
}
