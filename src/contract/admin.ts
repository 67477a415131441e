/**
 * The organisers' API (sign-in, session, roles). Never imported by the embed
 * (src/mobilise.ts's graph): its bytes are budgeted, and members never call these.
 */
import * as z from 'zod/mini';
import { regexes } from 'zod/v4/core';
import { PROBLEM_CODES, ProblemSchema } from './problem.js';

export const ADMIN_ROLES = ['admin', 'organiser'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** The cookie that carries an organiser's session (HttpOnly, SameSite=Strict). */
export const ADMIN_COOKIE = 'mobilise_admin';
/** Every state-changing admin request repeats the session's CSRF token in this header. */
export const CSRF_HEADER = 'x-csrf-token';

export const adminPaths = {
  signIn: '/v1/admin/sign-in',
  session: '/v1/admin/session',
  me: '/v1/admin/me',
  signOut: '/v1/admin/sign-out',
} as const;

/** The member-facing codes plus the organisers' own. */
export const ADMIN_PROBLEM_CODES = [...PROBLEM_CODES, 'csrf'] as const;
export type AdminProblemCode = (typeof ADMIN_PROBLEM_CODES)[number];

/** Rules on the text as sent (so the OpenAPI document states them exactly), spaces around allowed, then trimmed. */
const EMAIL = new RegExp(`^ *${regexes.email.source.slice(1, -1)} *$`);
export const SignInRequestSchema = z.object({
  email: z.string().check(
    z.regex(EMAIL, { error: 'Enter an email address, like name@example.org' }),
    z.maxLength(254, { error: 'Enter an email address of at most 254 characters' }),
    z.trim(),
  ),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export const SessionRequestSchema = z.object({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: 'The sign-in link is incomplete: open it from the email again' })),
});
export type SessionRequest = z.infer<typeof SessionRequestSchema>;

export const OrganiserSchema = z.object({
  id: z.int(),
  name: z.string(),
  role: z.enum(ADMIN_ROLES),
  /** An organiser's areas; empty for an admin, who sees every area. */
  areas: z.array(z.string()),
});
export type Organiser = z.infer<typeof OrganiserSchema>;

/** Answer to POST /v1/admin/session and GET /v1/admin/me. */
export const AdminSessionSchema = z.object({
  organiser: OrganiserSchema,
  csrfToken: z.string(),
});
export type AdminSession = z.infer<typeof AdminSessionSchema>;

/** Problem details as the admin routes answer them: the members' codes plus `csrf`. */
export const AdminProblemSchema = z.extend(ProblemSchema, { code: z.enum(ADMIN_PROBLEM_CODES) });
