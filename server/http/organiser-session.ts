import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ADMIN_COOKIE, CSRF_HEADER, type AdminRole } from '../../src/contract/admin.js';
import type { Db } from '../db/types.js';
import { resolveSession, type ActiveSession } from '../store/organiser-sessions.js';
import { ProblemError } from './reply.js';
import type { NodeEnv } from './server.js';

export type SignedInOrganiser = ActiveSession['organiser'];
/** What requireOrganiser leaves for the handlers after it. */
export type OrganiserEnv = NodeEnv & { Variables: { organiser: SignedInOrganiser; organiserSession: ActiveSession } };

export interface CookiePolicy {
  /** true/false forces it; 'auto' omits Secure only for plain http on localhost (npm start, tests). */
  secure: boolean | 'auto';
  hours: number;
}

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);
function isSecure(c: Context, policy: CookiePolicy): boolean {
  if (policy.secure !== 'auto') return policy.secure;
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && LOCAL.has(url.hostname));
}

export function setSessionCookie(c: Context, value: string, policy: CookiePolicy): void {
  setCookie(c, ADMIN_COOKIE, value, { httpOnly: true, secure: isSecure(c, policy), sameSite: 'Strict', path: '/', maxAge: policy.hours * 3600 });
}

export function clearSessionCookie(c: Context, policy: CookiePolicy): void {
  deleteCookie(c, ADMIN_COOKIE, { httpOnly: true, secure: isSecure(c, policy), sameSite: 'Strict', path: '/' });
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Resolves the cookie to an active organiser on every request (so a disabled account or an
 * expired session stops at once), then: 403 `forbidden` if `role` is wanted and not held;
 * 403 `csrf` on a state-changing request whose x-csrf-token header is not the session's.
 */
export function requireOrganiser(deps: { db: Db; now: () => Date }, role?: AdminRole): MiddlewareHandler<OrganiserEnv> {
  return async (c, next) => {
    const cookie = getCookie(c, ADMIN_COOKIE);
    const session = cookie ? await resolveSession(deps.db, cookie, deps.now()) : undefined;
    if (!session) throw new ProblemError(401, 'unauthorized', 'Sign in first', { detail: 'Not signed in, or the session has ended.' });
    if (!SAFE.has(c.req.method)) {
      const given = c.req.header(CSRF_HEADER) ?? '';
      // SameSite=Strict already keeps the cookie off other sites' requests; this token is the check that does not rely on the browser.
      if (!timingSafeEqual(digest(given), digest(session.csrfToken))) {
        throw new ProblemError(403, 'csrf', 'Missing or wrong CSRF token', { detail: `Send the csrfToken from the session in the ${CSRF_HEADER} header.` });
      }
    }
    if (role && session.organiser.role !== role) throw new ProblemError(403, 'forbidden', 'Not allowed for your role');
    c.set('organiser', session.organiser);
    c.set('organiserSession', session);
    await next();
  };
}

/** The areas an organiser may see and change; null means every area (an admin). */
export const scopeAreas = (organiser: { role: AdminRole; areas: readonly string[] }): readonly string[] | null =>
  organiser.role === 'admin' ? null : organiser.areas;

export const canSee = (organiser: { role: AdminRole; areas: readonly string[] }, area: string): boolean =>
  organiser.role === 'admin' || organiser.areas.includes(area);
