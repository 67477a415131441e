import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { paths } from '../src/contract/index.js';
import type { Db } from './db/types.js';
import { createAdminAuth } from './http/admin-auth.js';
import { clientAddress } from './http/client-address.js';
import { createCors } from './http/cors.js';
import { createRateLimiter, type RateLimitOptions } from './http/rate-limit.js';
import { json, ProblemError, type Reply } from './http/reply.js';
import { getSignupsCsv } from './routes/admin.js';
import { getModules, getSessionIcs, getSessions } from './routes/catalogue.js';
import type { Deps } from './routes/context.js';
import { postCancel, postConfirm, postView } from './routes/bookings.js';
import { postSignup } from './routes/signups.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from './mail/settings.js';

export interface AppOptions {
  db: Db;
  allowedOrigins: string[];
  /** Enables GET /v1/admin/signups.csv when set. */
  adminToken?: string;
  /** POST /v1/signups per client IP; default 10 a minute. */
  rateLimit?: RateLimitOptions;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are believed; default 0. */
  trustedProxies?: number;
  /** Sender, footer, hold and reminder times; defaults suit tests and the demo. */
  mail?: MailSettings;
  /** Called after a commit that wrote emails to the outbox (the worker's kick). */
  mailWritten?: () => void;
  now?: () => Date;
  log?: (line: string) => void;
}

export type App = RequestListener & {
  /** Resolves once in-flight requests have finished (the database stays open: its owner closes it). */
  close(): Promise<void>;
};

const PUBLIC_CACHE = 'public, max-age=60';
const NO_STORE = 'no-store';

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

const ICS_PATH = /^\/v1\/sessions\/([^/]+)\.ics$/;

/** Routes' own paths are logged as they are; ids and unknown paths are client-chosen text (an email, say), so never. */
const LOGGED_PATHS = new Set<string>([
  paths.modules,
  paths.sessions,
  paths.signups,
  paths.bookingConfirm,
  paths.bookingView,
  paths.bookingCancel,
  paths.adminSignupsCsv,
  '/healthz',
]);
const loggedPath = (path: string) => (LOGGED_PATHS.has(path) ? path : ICS_PATH.test(path) ? '/v1/sessions/{id}.ics' : '(other)');

const exact = (expected: string) => (path: string) => (path === expected ? '' : undefined);

const hasUnreadBody = (req: IncomingMessage) =>
  !req.complete && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);

/** A malformed %-escape cannot name a session: treat it as an unknown id (404), not a server error. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/** Origin-form targets only ("/path?query"); anything else is treated as "/" and so 404s. */
function requestUrl(req: IncomingMessage): URL {
  const target = req.url?.startsWith('/') ? req.url : '/';
  try {
    return new URL(`http://localhost${target}`);
  } catch {
    return new URL('http://localhost/');
  }
}

interface Routed {
  reply: Reply;
  cache: string;
}

interface Route {
  /** Returns the path's parameter (or '' when it has none), undefined if no match. */
  match: (path: string) => string | undefined;
  method: 'GET' | 'POST';
  /** Organisers' routes are not for embedding pages: no CORS headers at all, preflight included. */
  noCors?: boolean;
  handle: (req: IncomingMessage, url: URL, param: string) => Promise<Routed>;
}

const allowOf = (route: Route) => (route.method === 'GET' ? 'GET, HEAD, OPTIONS' : 'POST, OPTIONS');

export function createApp(options: AppOptions): App {
  const deps: Deps = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    mail: options.mail ?? DEFAULT_MAIL_SETTINGS,
    allowedOrigins: options.allowedOrigins,
    mailWritten: options.mailWritten ?? (() => {}),
  };
  const adminAuth = createAdminAuth(options.adminToken);
  const cors = createCors(options.allowedOrigins);
  const limiter = createRateLimiter(options.rateLimit ?? { windowMs: 60_000, max: 10 });
  const log = options.log ?? ((line: string) => console.log(line));
  const inFlight = new Set<Promise<void>>();
  const addressOf = (req: IncomingMessage) => clientAddress(req, options.trustedProxies ?? 0);

  /** A booking link's POST: from an allowed page, the token in the body, never cached. */
  const bookingRoute = (path: string, post: (deps: Deps, req: IncomingMessage) => Promise<Reply>): Route => ({
    match: exact(path),
    method: 'POST',
    handle: async (req) => {
      cors.assertAllowedWrite(req);
      return { reply: await post(deps, req), cache: NO_STORE };
    },
  });

  /** One entry per path. */
  const routes: Route[] = [
    { match: exact(paths.modules), method: 'GET', handle: async () => ({ reply: await getModules(deps), cache: PUBLIC_CACHE }) },
    {
      match: exact(paths.sessions),
      method: 'GET',
      handle: async (_req, url) => ({ reply: await getSessions(deps, url.searchParams), cache: PUBLIC_CACHE }),
    },
    {
      match: (path) => ICS_PATH.exec(path)?.[1],
      method: 'GET',
      handle: async (_req, _url, id) => ({ reply: await getSessionIcs(deps, safeDecode(id)), cache: PUBLIC_CACHE }),
    },
    {
      match: exact(paths.signups),
      method: 'POST',
      handle: async (req) => {
        cors.assertAllowedWrite(req);
        const retryAfter = limiter.hit(addressOf(req));
        if (retryAfter > 0) {
          throw new ProblemError(429, 'rate-limited', 'Too many signups', { retryAfter }, { 'Retry-After': String(retryAfter) });
        }
        return { reply: await postSignup(deps, req), cache: NO_STORE };
      },
    },
    bookingRoute(paths.bookingConfirm, postConfirm),
    bookingRoute(paths.bookingView, postView),
    bookingRoute(paths.bookingCancel, postCancel),
    {
      match: exact(paths.adminSignupsCsv),
      method: 'GET',
      noCors: true,
      handle: async (req) => {
        await adminAuth.check(req, addressOf(req));
        return { reply: await getSignupsCsv(deps), cache: NO_STORE };
      },
    },
    {
      match: exact('/healthz'),
      method: 'GET',
      handle: async () => {
        await deps.db.query('SELECT 1');
        return { reply: json(200, { status: 'ok' }), cache: NO_STORE };
      },
    },
  ];

  function find(path: string): { route: Route; param: string } | undefined {
    for (const route of routes) {
      const param = route.match(path);
      if (param !== undefined) return { route, param };
    }
    return undefined;
  }

  async function dispatch(req: IncomingMessage, url: URL, found: ReturnType<typeof find>): Promise<Routed> {
    if (req.method === 'OPTIONS') {
      if (found?.route.noCors) return { reply: { status: 204, headers: { Allow: allowOf(found.route) } }, cache: NO_STORE };
      return { reply: cors.preflight(req), cache: NO_STORE };
    }
    if (!found) throw new ProblemError(404, 'not-found', 'Not found');
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (method !== found.route.method) {
      throw new ProblemError(405, 'bad-request', 'Method not allowed', {}, { Allow: allowOf(found.route) });
    }
    return found.route.handle(req, url, found.param);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = requestUrl(req);
    // Method, path, status and time only: never the query string, headers or body, which can hold personal data.
    res.once('close', () => log(`${req.method} ${loggedPath(url.pathname)} ${res.statusCode} ${Math.round(performance.now() - started)}ms`));

    const found = find(url.pathname);
    let routed: Routed;
    try {
      routed = await dispatch(req, url, found);
    } catch (error) {
      if (!(error instanceof ProblemError)) {
        // Error names and SQLSTATE codes only: driver messages can quote submitted values.
        const code = (error as { code?: unknown })?.code;
        log(`error ${req.method} ${loggedPath(url.pathname)}: ${(error as Error)?.name ?? 'Error'}${code ? ` ${String(code)}` : ''}`);
      }
      const problem =
        error instanceof ProblemError ? error : new ProblemError(500, 'server-error', 'Something went wrong on our side');
      routed = { reply: problem.toReply(), cache: NO_STORE };
    }
    if (res.headersSent || res.destroyed) return;
    const { reply, cache } = routed;
    res.writeHead(reply.status, {
      ...SECURITY_HEADERS,
      ...(found?.route.noCors ? {} : cors.headers(req)),
      'Cache-Control': reply.status < 400 ? cache : NO_STORE,
      ...(reply.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(reply.body)) } : {}),
      ...reply.headers,
      // Answered before the body was read (404, 405, 413, 403…): hang up rather than let Node drain it, however big.
      ...(hasUnreadBody(req) ? { Connection: 'close' } : {}),
    });
    res.end(reply.body);
  }

  const app = ((req: IncomingMessage, res: ServerResponse) => {
    const done = handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  }) as App;
  app.close = async () => {
    await Promise.allSettled([...inFlight]);
  };
  return app;
}
