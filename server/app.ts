import { getRequestListener, RequestError } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { RequestListener } from 'node:http';
import { dataRightsPaths } from '../src/contract/data-rights.js';
import { pathwayPaths } from '../src/contract/pathway-api.js';
import { paths } from '../src/contract/index.js';
import type { Db } from './db/types.js';
import { adminAuth } from './http/admin-auth.js';
import { clientAddress } from './http/client-address.js';
import { originPolicy } from './http/cors.js';
import { answerHeaders, securityHeaders } from './http/headers.js';
import { logError, requestLog, type Log } from './http/log.js';
import { requireOrganiser } from './http/organiser-session.js';
import { createRateLimiter, rateLimit, type RateLimitOptions } from './http/rate-limit.js';
import { json, ProblemError } from './http/reply.js';
import type { NodeEnv } from './http/server.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from './mail/settings.js';
import { exportGuard, getSignupsCsv } from './routes/admin.js';
import { mountAdminModuleRoutes } from './routes/admin-modules.js';
import { mountAdminSessionRoutes } from './routes/admin-sessions.js';
import { mountAdminConsole } from './routes/admin-console.js';
import { mountOrganiserRoutes } from './routes/organisers.js';
import { MAX_PATHWAY_BODY_BYTES, postPathway, putPathwayAudience } from './routes/pathway.js';
import { mountPathwayPage } from './routes/pathway-page.js';
import { mountRequestPage } from './routes/request-page.js';
import { mountBookingPage } from './routes/booking-page.js';
import { MAX_TOKEN_BODY_BYTES, postCancel, postConfirm, postView } from './routes/bookings.js';
import { MAX_PERSON_BODY_BYTES, postPersonErase, postPersonSearch } from './routes/data-rights.js';
import { getModules, getSessionIcs, getSessions, ICS_ROUTE } from './routes/catalogue.js';
import { FEED_PATH, feedConditional, getFeed } from './routes/feed.js';
import { getSessionsJsonLd, JSON_LD_PATH } from './routes/json-ld.js';
import type { Deps } from './routes/context.js';
import { limitBody } from './routes/json-body.js';
import { MAX_BODY_BYTES, postSignup } from './routes/signups.js';
import { mountModuleRequestRoutes } from './routes/module-requests.js';

export interface AppOptions {
  db: Db;
  allowedOrigins: string[];
  /** Enables GET /v1/admin/signups.csv when set. */
  adminToken?: string;
  /** The token's export covers only these areas; every area when unset. */
  adminTokenAreas?: readonly string[];
  /** Origin of the emailed sign-in links (ADMIN_ORIGIN, else the server's own); never the request's Host. */
  adminOrigin?: string;
  /** Organiser session lifetime; default 12. */
  adminSessionHours?: number;
  /** The session cookie's Secure flag; 'auto' (default) leaves it off only for plain http on localhost. */
  secureCookies?: boolean | 'auto';
  /** Sign-in requests per address and per email, and link redemptions per address; default 5 in 15 minutes. */
  signInLimit?: RateLimitOptions;
  /** POST /v1/signups per client IP; default 10 a minute. */
  rateLimit?: RateLimitOptions;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are believed; default 0. */
  trustedProxies?: number;
  /** Sender, footer, hold and reminder times; defaults suit tests and the demo. */
  mail?: MailSettings;
  /** POST and PUT /v1/pathway… per client IP; default 30 a minute. */
  pathwayLimit?: RateLimitOptions;
  /** Called after a commit that wrote emails to the outbox (the worker's kick). */
  mailWritten?: () => void;
  now?: () => Date;
  log?: Log;
}

export type App = RequestListener & {
  /** Resolves once in-flight requests have finished (the database stays open: its owner closes it). */
  close(): Promise<void>;
};

const serverError = () => new ProblemError(500, 'server-error', 'Something went wrong on our side');

/** Organisers' routes are not for embedding pages: no CORS headers at all, preflight included. */
const ADMIN_PREFIX = '/v1/admin/';

/** The API on Hono: the policy every answer shares, then one line per route. */
function createApi(options: AppOptions): Hono<NodeEnv> {
  const ownOrigin = options.adminOrigin ?? 'http://localhost:8787';
  const deps: Deps = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    // Members' emails link to their pathway (/pathway), their booking (/booking) and requests' confirmations
    // to /request on this server, unless the settings name the pages.
    mail: { pathwayUrl: `${ownOrigin}/pathway`, requestUrl: `${ownOrigin}/request`, bookingUrl: `${ownOrigin}/booking`, ...(options.mail ?? DEFAULT_MAIL_SETTINGS) },
    allowedOrigins: options.allowedOrigins,
    mailWritten: options.mailWritten ?? (() => {}),
  };
  const log = options.log ?? ((line: string) => console.log(line));
  const origins = originPolicy(options.allowedOrigins);
  const addressOf = (c: Context<NodeEnv>) => clientAddress(c, options.trustedProxies ?? 0);
  const signupLimit = rateLimit(createRateLimiter(options.rateLimit ?? { windowMs: 60_000, max: 10 }), addressOf, 'Too many signups');

  const api = new Hono<NodeEnv>();
  // A booking link's POST: from this server's own /booking page (whose origin need not be in
  // ALLOWED_ORIGINS) or an allowed page (an embed forwards old links, and the npm client may call).
  const bookingPage = deps.mail.bookingUrl ? [new URL(deps.mail.bookingUrl).origin] : [];
  const bookingOrigins = originPolicy([...options.allowedOrigins, ...bookingPage]);
  const bookingRoute = (path: string, post: (c: Context, deps: Deps) => Promise<Response>) =>
    api.post(path, bookingOrigins.refuseForeignWrites, limitBody(MAX_TOKEN_BODY_BYTES), (c) => post(c, deps));
  // A prefix test rather than hono/combine's except(), which composes two middleware chains on every request.
  const publicCors: MiddlewareHandler = (c, next) => (c.req.path.startsWith(ADMIN_PREFIX) ? next() : origins.cors(c, next));
  mountAdminConsole(api, log); // first: the console page answers with its own CSP (routes/admin-console.ts)
  mountPathwayPage(api, log); // likewise
  mountRequestPage(api, log, deps.mail.privacyUrl); // likewise
  mountBookingPage(api, log); // likewise
  api.use(requestLog(log), securityHeaders, answerHeaders, publicCors);
  api.use(
    methodNotAllowed({
      app: api,
      onMethodNotAllowed: (c, methods) => {
        // Public paths also answer OPTIONS (CORS preflights).
        const allow = c.req.path.startsWith(ADMIN_PREFIX) ? methods : [...methods, 'OPTIONS'];
        return new ProblemError(405, 'bad-request', 'Method not allowed', {}, { Allow: allow.join(', ') }).getResponse();
      },
    }),
  );

  api.get(paths.modules, (c) => getModules(c, deps));
  api.get(paths.sessions, (c) => getSessions(c, deps));
  api.get(ICS_ROUTE, (c) => getSessionIcs(c, deps));
  api.get(FEED_PATH, feedConditional, (c) => getFeed(c, deps));
  api.get(JSON_LD_PATH, (c) => getSessionsJsonLd(c, deps));
  api.post(paths.signups, origins.refuseForeignWrites, signupLimit, limitBody(MAX_BODY_BYTES), (c) => postSignup(c, deps));
  bookingRoute(paths.bookingConfirm, postConfirm);
  bookingRoute(paths.bookingView, postView);
  bookingRoute(paths.bookingCancel, postCancel);
  // The pathway: the token is the only credential (no cookie for another site to ride), and the page that
  // sends it is this server's own /pathway, whose origin need not be in ALLOWED_ORIGINS: no origin check.
  const pathwayLimit = rateLimit(createRateLimiter(options.pathwayLimit ?? { windowMs: 60_000, max: 30 }), addressOf, 'Too many requests');
  api.post(pathwayPaths.pathway, pathwayLimit, limitBody(MAX_PATHWAY_BODY_BYTES), (c) => postPathway(c, deps));
  api.put(pathwayPaths.audience, pathwayLimit, limitBody(MAX_PATHWAY_BODY_BYTES), (c) => putPathwayAudience(c, deps));
  api.get(paths.adminSignupsCsv, exportGuard(adminAuth(options.adminToken, addressOf), deps), (c) => getSignupsCsv(c, deps, options.adminTokenAreas ?? null));
  // Members' data rights: an admin's session only (CSRF-checked), never an area organiser's.
  const admin = requireOrganiser(deps, 'admin');
  api.post(dataRightsPaths.search, admin, limitBody(MAX_PERSON_BODY_BYTES), (c) => postPersonSearch(c, deps));
  api.post(dataRightsPaths.erase, admin, limitBody(MAX_PERSON_BODY_BYTES), (c) => postPersonErase(c, deps));
  mountAdminSessionRoutes(api, deps);
  mountAdminModuleRoutes(api, deps);
  // "Ask for this module near me": from allowed pages and this server's own /request page (whose origin
  // need not be in ALLOWED_ORIGINS), rate-limited as signups are (a counter of its own).
  const requestLimit = rateLimit(createRateLimiter(options.rateLimit ?? { windowMs: 60_000, max: 10 }), addressOf, 'Too many requests');
  const requestPage = deps.mail.requestUrl ? [new URL(deps.mail.requestUrl).origin] : [];
  const requestOrigins = originPolicy([...options.allowedOrigins, ...requestPage]);
  mountModuleRequestRoutes(api, deps, { fromAllowedPage: requestOrigins.refuseForeignWrites, limit: requestLimit });
  mountOrganiserRoutes(api, deps, {
    adminOrigin: ownOrigin,
    cookie: { secure: options.secureCookies ?? 'auto', hours: options.adminSessionHours ?? 12 },
    addressOf,
    ...(options.signInLimit ? { limit: options.signInLimit } : {}),
  });
  api.get('/healthz', async (c) => {
    await deps.db.query('SELECT 1');
    return json(c, { status: 'ok' });
  });

  api.notFound(() => new ProblemError(404, 'not-found', 'Not found').getResponse());
  api.onError((error, c) => {
    if (error instanceof ProblemError) return error.getResponse();
    logError(log, c, error);
    return serverError().getResponse();
  });
  return api;
}

/** The API as a Node request listener (Hono's Node adapter), for the server http/server.ts builds. */
export function createApp(options: AppOptions): App {
  const listener = getRequestListener(createApi(options).fetch, {
    // What Hono never saw: a request the adapter cannot turn into a URL (a bad Host header), or onError failing.
    errorHandler: (error) => (error instanceof RequestError ? new ProblemError(400, 'bad-request', 'Malformed request') : serverError()).getResponse(),
  });
  const inFlight = new Set<Promise<void>>();
  const app = ((req, res) => {
    const done = listener(req, res);
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  }) as App;
  app.close = async () => {
    await Promise.allSettled([...inFlight]);
  };
  return app;
}
