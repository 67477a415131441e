/**
 * The fake Mobilise backend behind the browser tests, without a DOM: given
 * endpoint-relative requests it answers as the reference server would, from
 * the modules and sessions it was given, keeping signups in memory. mock-api.ts
 * puts it behind window.fetch; server/test/fake-backend.test.ts runs every
 * scenario of api-scenarios.ts against it and the real server, so the two cannot drift.
 */
import {
  BookingTokenRequestSchema,
  inLocale,
  ModulesQuerySchema,
  PROBLEM_BASE,
  PROBLEM_CONTENT_TYPE,
  SessionQuerySchema,
  SignupRequestSchema,
  sessionToIcs,
  slug,
  translatedLocale,
  type BookingStatus,
  type BookingView,
  type HoldKind,
  type Module,
  type Session,
  type SignupRequest,
  type SignupResult,
} from '../../src/contract/index.js';
import type { Joining } from '../../src/contract/admin.js';
import { filterSessions } from '../../src/client/filter.js';
import { fieldErrors } from '../../server/http/validation.js';
import { toLondonIso } from '../../src/contract/london-time.js';
import { allowedPage, returnUrlErrors } from '../../server/lib/return-url.js';
import { seedJoining } from '../../server/seed/joining.js';
import { joiningFor } from '../../server/store/joining.js';
import { sessionsJsonLd } from '../../src/contract/json-ld.js';
import { repeatedSessions, seriesRefusal, seriesWords } from '../../server/store/series-rules.js';
import { tokenProblems, type TokenProblem } from './token-problems.js';

/** The first value of each query parameter, as the server's c.req.query() reads them. */
function firstValues(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
  return query;
}

export interface FakeRequest {
  url: URL;
  init: RequestInit;
  /** The body parsed as JSON, when it is JSON. */
  body?: unknown;
}
export type Route = (req: FakeRequest) => Response | Promise<Response>;

export interface FakeOptions {
  modules?: unknown[];
  sessions?: unknown[];
  /** Decide the signup outcome; by default the fake answers as the server does. */
  signup?: (body: SignupRequest) => Response | Promise<Response>;
  /** The server's clock (deadlines, DTSTAMP, holds); the real one by default. */
  now?: () => Date;
  /** Sites whose pages may take signups (returnUrl); any by default, as the browser tests' pages are. */
  allowedOrigins?: string[];
  /** How long a pending hold lasts; the server's default (24). */
  holdHours?: number;
  /** Bookings behind emailed links, by token (the server emails them; tests make them up). */
  bookings?: Record<string, FakeBooking>;
  /** A session's joining details as organisers set them: the seeded server's (server/seed/joining.ts) by default. */
  joining?: (session: Session) => Joining | undefined;
}

/** A booking as a token reaches it; a confirmation mints a manage token for it. */
export interface FakeBooking {
  purpose: 'confirm' | 'manage';
  sessionId: string;
  firstName: string;
  status: BookingStatus;
  /** While pending: what confirming makes it (a place, or a waiting-list slot). */
  hold?: HoldKind;
  position?: number;
  used?: boolean;
}

export interface FakeBackend {
  /** Swap a handler mid-test, e.g. to make the next signup fail. */
  routes: Record<string, Route>;
  /** Answers one request; `path` is relative to the endpoint, without the query. */
  answer(method: string, path: string, req: FakeRequest): Promise<Response>;
}

export const json = (body: unknown, status = 200, type = 'application/json; charset=utf-8', headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });

/** An RFC 9457 problem as the server writes it (a rate-limited one with its Retry-After header). */
export const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  json(
    { type: `${PROBLEM_BASE}${code}`, title: code, status, code, ...extra },
    status,
    `${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
    typeof extra.retryAfter === 'number' ? { 'retry-after': String(extra.retryAfter) } : {},
  );

const tokenProblem = (code: TokenProblem) => {
  const [status, title, detail] = tokenProblems[code];
  return problem(status, code, { title, detail });
};

/** As server/routes/signups.ts. */
const MAX_BODY_BYTES = 16 * 1024;
const ICS = /\/v1\/sessions\/([^/]+)\.ics$/;

interface Stored {
  key: string;
  hash: string;
  email: string;
  result: SignupResult;
}

/** What a signup asked for apart from its key: tells a retry (same) from a reused key (different). */
const fingerprint = ({ idempotencyKey: _key, ...fields }: SignupRequest) => JSON.stringify(Object.entries(fields).sort());

export function fakeBackend(options: FakeOptions = {}): FakeBackend {
  const now = options.now ?? (() => new Date());
  const modules = (options.modules ?? []) as Module[];
  /** What signups changed, over the caller's sessions: read live, since tests edit that array to play the server. */
  const changes = new Map<string, Partial<Session>>();
  const current = () => ((options.sessions ?? []) as Session[]).map((s) => ({ ...s, ...changes.get(s.id) }));
  const sessionById = (id: string) => current().find((s) => s.id === id);
  const signups: Stored[] = [];
  const holdMs = (options.holdHours ?? 24) * 3_600_000;

  const closed = (session: Session) =>
    session.status === 'cancelled' ||
    now().getTime() >= Math.min(Date.parse(session.start), session.signupDeadline ? Date.parse(session.signupDeadline) : Infinity);
  /** Whether this address already holds something in the session (a series holds every one it names). */
  const booked = (sessionId: string, email: string) =>
    signups.some((s) => s.email === email && [s.result.sessionId, ...(s.result.alsoSessionIds ?? [])].includes(sessionId));
  const takePlace = (session: Session) =>
    changes.set(session.id, { spacesLeft: session.spacesLeft - 1, status: session.spacesLeft === 1 ? 'full' : session.status });

  /** The server's rules (server/store/signups.ts), in memory; `rehearse` (the honeypot) answers without storing. */
  function signUp(request: SignupRequest, rehearse: boolean): Response {
    const hash = fingerprint(request);
    const replay = signups.find((s) => s.key === request.idempotencyKey);
    if (replay) return replay.hash === hash ? json(replay.result, 200) : problem(422, 'idempotency-conflict');
    if (request.alsoSessionIds) return signUpSeries(request, hash, rehearse);
    const session = sessionById(request.sessionId);
    if (!session) return problem(404, 'not-found');
    if (closed(session)) return problem(409, 'session-closed');
    const email = request.email.toLowerCase();
    // As the server: the answer comes from public state only, the same for an address already booked.
    const hold = session.spacesLeft > 0 ? 'place' : session.waitlist ? 'waitlist' : undefined;
    if (!hold) return problem(409, 'session-full');
    const holdExpiresAt = toLondonIso(new Date(Math.min(now().getTime() + holdMs, Date.parse(session.start))));
    const result: SignupResult = { status: 'pending', sessionId: session.id, hold, holdExpiresAt };
    if (rehearse) return json(result, 202);
    if (!booked(session.id, email) && hold === 'place') takePlace(session);
    signups.push({ key: request.idempotencyKey, hash, email, result });
    return json(result, 202);
  }

  /** A series (server/store/signups-series.ts): every place or none, no waiting list, refused in the server's words. */
  function signUpSeries(request: SignupRequest, hash: string, rehearse: boolean): Response {
    const refused = seriesRefusal(request, (id) => {
      const session = sessionById(id);
      const module = session && modules.find((m) => m.id === session.moduleId);
      if (!session || !module) return undefined;
      const facts = { id: module.id, title: module.title, series: module.series ?? null, prerequisites: module.prerequisites };
      return { start: new Date(session.start), module: facts, closed: closed(session), full: session.spacesLeft === 0 };
    });
    if (refused?.kind === 'invalid') return problem(422, 'validation', { errors: refused.errors });
    if (refused) {
      const [status, code] = ({ 'not-found': [404, 'not-found'], closed: [409, 'session-closed'], full: [409, 'session-full'] } as const)[refused.kind];
      return problem(status, code, { errors: [refused.about] });
    }
    const sessions = [request.sessionId, ...request.alsoSessionIds!].map((id) => sessionById(id)!);
    const holdExpiresAt = toLondonIso(new Date(Math.min(now().getTime() + holdMs, ...sessions.map((s) => Date.parse(s.start)))));
    const result: SignupResult = { status: 'pending', sessionId: request.sessionId, alsoSessionIds: request.alsoSessionIds!, hold: 'place', holdExpiresAt };
    if (rehearse) return json(result, 202);
    const email = request.email.toLowerCase();
    for (const session of sessions) if (!booked(session.id, email)) takePlace(session);
    signups.push({ key: request.idempotencyKey, hash, email, result });
    return json(result, 202);
  }

  /** A JSON object body as server/routes/json-body.ts reads it, or the problem it answers. */
  function readObject({ init, body }: FakeRequest, maxBytes: number): Response | object {
    const raw = typeof init.body === 'string' ? init.body : JSON.stringify(body ?? null);
    if (new TextEncoder().encode(raw).length > maxBytes) return problem(413, 'payload-too-large');
    if ((new Headers(init.headers).get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
      return problem(415, 'unsupported-media-type');
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return problem(400, 'bad-request');
    }
    return typeof value !== 'object' || value === null || Array.isArray(value) ? problem(400, 'bad-request') : value;
  }

  /** POST /v1/signups, checked in the server's order. */
  function postSignup(req: FakeRequest): Response {
    const value = readObject(req, MAX_BODY_BYTES);
    if (value instanceof Response) return value;
    const headers = new Headers(req.init.headers);
    const key = headers.get('idempotency-key');
    if (key !== null && 'idempotencyKey' in value && value.idempotencyKey !== key) return problem(400, 'bad-request');
    const parsed = SignupRequestSchema.safeParse(value);
    const errors = parsed.success ? [] : fieldErrors(parsed.error).map(seriesWords);
    if (!errors.some((e) => e.field === 'returnUrl')) errors.push(...returnUrlErrors((value as { returnUrl?: unknown }).returnUrl, options.allowedOrigins));
    if (parsed.success) errors.push(...repeatedSessions(parsed.data));
    if (!parsed.success || errors.length) return problem(422, 'validation', { errors });
    return signUp(parsed.data, parsed.data.website.trim() !== '');
  }

  /** GET /v1/sessions: the first value of each parameter, as sent; the contract refuses what the server refuses. */
  function listSessions({ url }: FakeRequest): Response {
    const parsed = SessionQuerySchema.safeParse(firstValues(url));
    if (!parsed.success) return problem(400, 'bad-request', { errors: fieldErrors(parsed.error) });
    // In id order first, so filterSessions' stable sort breaks ties by id as the server's ORDER BY does.
    const byId = current().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return json({ sessions: filterSessions(byId, parsed.data).map((s) => inLocale(s, translatedLocale(parsed.data.locale))) });
  }

  /** GET /v1/sessions.jsonld: the server's own builder over what GET /v1/sessions finds, so browser tests check its real output. */
  function jsonLd({ url }: FakeRequest): Response {
    const { page, ...filters } = firstValues(url);
    const parsed = SessionQuerySchema.safeParse(filters);
    if (!parsed.success) return problem(400, 'bad-request', { errors: fieldErrors(parsed.error) });
    const body = sessionsJsonLd(filterSessions(current(), parsed.data), new Map(modules.map((m) => [m.id, m])), {
      locale: parsed.data.locale ?? 'en-GB',
      now: now().getTime(),
      page: allowedPage(page, options.allowedOrigins),
    });
    return new Response(body, { headers: { 'content-type': 'application/ld+json; charset=utf-8' } });
  }

  /** As the server: only the asked language's translations (none without ?locale=). */
  function listModules({ url }: FakeRequest): Response {
    const parsed = ModulesQuerySchema.safeParse(Object.fromEntries([...url.searchParams].reverse()));
    if (!parsed.success) return problem(400, 'bad-request', { errors: fieldErrors(parsed.error) });
    return json({ modules: modules.map((m) => inLocale(m, translatedLocale(parsed.data.locale))) });
  }

  function ics({ url }: FakeRequest): Response {
    let id = '';
    try {
      id = decodeURIComponent(ICS.exec(url.pathname)?.[1] ?? '');
    } catch {
      // A malformed escape is no session's id.
    }
    const session = slug.safeParse(id).success ? sessionById(id) : undefined;
    const module = session && modules.find((m) => m.id === session.moduleId);
    if (!session || !module) return problem(404, 'not-found');
    return new Response(sessionToIcs(session, module, { now: now() }), {
      headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${session.id}.ics"` },
    });
  }

  const tokens = new Map(Object.entries(options.bookings ?? {}));
  let minted = 0;
  const joiningOf = options.joining ?? seedJoining;
  /** With the session's joining details by the server's own rule: only for a confirmed place on a session that runs online. */
  const viewOf = (b: FakeBooking): BookingView => {
    const session = sessionById(b.sessionId)!;
    return {
      status: b.status,
      session,
      firstName: b.firstName,
      ...(b.position ? { position: b.position } : {}),
      ...joiningFor(b.status, session, joiningOf(session)),
    };
  };
  type Outcome = Response | Record<string, unknown>;

  /** POST /v1/bookings/{confirm,view,cancel}, by server/store/bookings.ts's rules. */
  const tokenRoute =
    (purpose: FakeBooking['purpose'], act: (b: FakeBooking, started: boolean) => Outcome): Route =>
    (req) => {
      const value = readObject(req, 1024);
      if (value instanceof Response) return value;
      const parsed = BookingTokenRequestSchema.safeParse(value);
      if (!parsed.success) return problem(422, 'validation', { title: 'This link does not work', errors: fieldErrors(parsed.error) });
      const booking = tokens.get(parsed.data.token);
      if (booking?.purpose !== purpose) return tokenProblem('token-invalid');
      const session = sessionById(booking.sessionId)!;
      if (now().getTime() >= Date.parse(session.end)) return tokenProblem('token-expired');
      const out = act(booking, now().getTime() >= Date.parse(session.start));
      return out instanceof Response ? out : json({ ...viewOf(booking), ...out });
    };

  const confirm = tokenRoute('confirm', (b, started) => {
    if (b.used) return tokenProblem('token-used');
    if (b.status !== 'pending') return {};
    if (started) {
      b.status = 'expired';
      return tokenProblem('session-started');
    }
    b.used = true;
    b.status = b.hold === 'waitlist' ? 'waitlisted' : 'confirmed';
    const manageToken = `fake-manage-token-${++minted}`.padEnd(43, '0');
    tokens.set(manageToken, { ...b, purpose: 'manage' });
    return { manageToken };
  });
  const cancel = tokenRoute('manage', (b, started) => {
    if (b.status === 'cancelled' || b.status === 'expired') return {};
    if (started) return tokenProblem('session-started');
    b.status = 'cancelled';
    delete b.position;
    return {};
  });

  const routes: Record<string, Route> = {
    'GET /v1/modules': listModules,
    'GET /v1/sessions': listSessions,
    'POST /v1/signups': (req) => (options.signup ? options.signup(req.body as SignupRequest) : postSignup(req)),
    'GET /v1/sessions/:id.ics': ics,
    'GET /v1/sessions.jsonld': jsonLd,
    'POST /v1/bookings/confirm': confirm,
    'POST /v1/bookings/view': tokenRoute('manage', () => ({})),
    'POST /v1/bookings/cancel': cancel,
  };
  return {
    routes,
    async answer(method, path, req) {
      const route = path.replace(ICS, '/v1/sessions/:id.ics');
      const handler = routes[`${method} ${route}`];
      if (handler) return handler(req);
      const known = Object.keys(routes).some((key) => key.endsWith(` ${route}`));
      return known ? problem(405, 'bad-request') : problem(404, 'not-found');
    },
  };
}
