import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { AdminSessionSchema, adminPaths, SessionRequestSchema, SignInRequestSchema } from '../../src/contract/admin.js';
import { clearSessionCookie, requireOrganiser, setSessionCookie, type CookiePolicy, type OrganiserEnv } from '../http/organiser-session.js';
import { createRateLimiter, type RateLimitOptions } from '../http/rate-limit.js';
import { json, ProblemError } from '../http/reply.js';
import type { NodeEnv } from '../http/server.js';
import { fieldErrors } from '../http/validation.js';
import { enqueue } from '../mail/outbox.js';
import { organiserSignIn } from '../mail/templates/organiser.js';
import { audit } from '../store/audit.js';
import { createSession, deleteSession, issueSignInToken, purgeExpired, redeemSignInToken, SIGN_IN_TOKEN_MINUTES } from '../store/organiser-sessions.js';
import { findOrganiserByEmail } from '../store/organisers.js';
import type { Deps } from './context.js';
import { limitBody, readJsonObject } from './json-body.js';

/** Sign-in requests per client address and per email address, and link redemptions per client address. */
export const SIGN_IN_LIMIT: RateLimitOptions = { windowMs: 15 * 60_000, max: 5 };
const MAX_SIGN_IN_BODY_BYTES = 1024;

export interface OrganiserOptions {
  /** Where the emailed link points: configured, never the request's Host header (which a caller chooses). */
  adminOrigin: string;
  cookie: CookiePolicy;
  addressOf: (c: Context<NodeEnv>) => string;
  limit?: RateLimitOptions;
}

/** Audit and limiter key for an address nobody may read back: a prefix of its hash. */
const emailKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 12);

const tooMany = (retryAfter: number) =>
  new ProblemError(429, 'rate-limited', 'Too many sign-in attempts', { retryAfter }, { 'Retry-After': String(retryAfter) });

const REFUSED = {
  'token-invalid': new ProblemError(404, 'token-invalid', 'This sign-in link does not work', { detail: 'Ask for a new link.' }),
  'token-used': new ProblemError(409, 'token-used', 'This sign-in link has been used', { detail: 'Each link works once: ask for a new one.' }),
  'token-expired': new ProblemError(410, 'token-expired', 'This sign-in link has expired', { detail: `Links work for ${SIGN_IN_TOKEN_MINUTES} minutes: ask for a new one.` }),
};

/** POST sign-in, POST session, GET me, POST sign-out: the organisers' sign-in (issue 12). */
export function mountOrganiserRoutes(api: Hono<NodeEnv>, deps: Deps, options: OrganiserOptions): void {
  const limit = options.limit ?? SIGN_IN_LIMIT;
  const perAddress = createRateLimiter(limit);
  const perEmail = createRateLimiter(limit);
  const redeemPerAddress = createRateLimiter(limit);
  const signedIn = requireOrganiser(deps);

  api.post(adminPaths.signIn, limitBody(MAX_SIGN_IN_BODY_BYTES), async (c) => {
    const parsed = SignInRequestSchema.safeParse(await readJsonObject(c));
    if (!parsed.success) throw new ProblemError(422, 'validation', 'Check the email address', { errors: fieldErrors(parsed.error) });
    const { email } = parsed.data;
    const now = deps.now();
    const key = emailKey(email);
    const retryAfter = Math.max(perAddress.hit(options.addressOf(c)), perEmail.hit(key));
    const sent = await deps.db.transaction(async (tx) => {
      const organiser = await findOrganiserByEmail(tx, email);
      const actor = organiser ? String(organiser.id) : 'anonymous';
      if (retryAfter > 0) {
        await audit(tx, { actor, action: 'sign-in.rate-limited', detail: { email: key } }, now);
        return false;
      }
      const active = organiser && organiser.disabledAt === null;
      await audit(tx, { actor, action: 'sign-in.requested', detail: { email: key, sent: Boolean(active) } }, now);
      if (!active) return false;
      const token = await issueSignInToken(tx, organiser.id, now);
      const link = `${options.adminOrigin}/admin/#sign-in=${token}`;
      const message = organiserSignIn({ name: organiser.name, link, minutes: SIGN_IN_TOKEN_MINUTES, controller: deps.mail.controller });
      await enqueue(tx, { kind: 'organiser-sign-in', to: organiser.email, email: message }, now);
      return true;
    });
    if (retryAfter > 0) throw tooMany(retryAfter);
    if (sent) deps.mailWritten();
    // The same answer whether or not the address has an account.
    return json(c, { status: 'sent' }, 202);
  });

  api.post(adminPaths.session, limitBody(MAX_SIGN_IN_BODY_BYTES), async (c) => {
    const parsed = SessionRequestSchema.safeParse(await readJsonObject(c));
    if (!parsed.success) throw new ProblemError(422, 'validation', 'This sign-in link does not work', { errors: fieldErrors(parsed.error) });
    const retryAfter = redeemPerAddress.hit(options.addressOf(c));
    const now = deps.now();
    if (retryAfter > 0) {
      await audit(deps.db, { actor: 'anonymous', action: 'sign-in.rate-limited', detail: { step: 'session' } }, now);
      throw tooMany(retryAfter);
    }
    const outcome = await deps.db.transaction(async (tx) => {
      const redeemed = await redeemSignInToken(tx, parsed.data.token, now);
      if ('refused' in redeemed) return redeemed;
      await purgeExpired(tx, now);
      const session = await createSession(tx, redeemed.organiser.id, options.cookie.hours, now);
      await audit(tx, { actor: String(redeemed.organiser.id), action: 'sign-in.succeeded' }, now);
      return { ...session, organiser: redeemed.organiser };
    });
    if ('refused' in outcome) {
      await audit(deps.db, { actor: outcome.organiserId === undefined ? 'anonymous' : String(outcome.organiserId), action: 'sign-in.failed', detail: { reason: outcome.refused } }, now);
      throw REFUSED[outcome.refused];
    }
    setSessionCookie(c, outcome.cookie, options.cookie);
    return json(c, AdminSessionSchema.parse({ organiser: outcome.organiser, csrfToken: outcome.csrfToken }));
  });

  api.get(adminPaths.me, signedIn, (c: Context<OrganiserEnv>) => {
    const session = c.var.organiserSession;
    return json(c, AdminSessionSchema.parse({ organiser: session.organiser, csrfToken: session.csrfToken }));
  });

  api.post(adminPaths.signOut, signedIn, async (c: Context<OrganiserEnv>) => {
    const session = c.var.organiserSession;
    await deps.db.transaction(async (tx) => {
      await deleteSession(tx, session.sessionId);
      await audit(tx, { actor: String(session.organiser.id), action: 'sign-out' }, deps.now());
    });
    clearSessionCookie(c, options.cookie);
    return c.body(null, 204);
  });
}

