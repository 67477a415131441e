/**
 * "Ask for this module near me" (issue 14): when a module has no upcoming session in a member's
 * area, they leave their address to be emailed once one is published there. Double opt-in, as a
 * signup: the request counts only once the owner of the address confirms it by the emailed link.
 */
import * as z from 'zod/mini';
import { en } from '../strings/en.js';
import { slug } from './module.js';
import { SignupRequestSchema } from './signup.js';
import { typedText } from './text.js';

export const moduleRequestPaths = {
  create: '/v1/module-requests',
  /** The token travels in the JSON body, never in a path or query that logs would keep. */
  confirm: '/v1/module-requests/confirm',
  /** Organisers: the confirmed requests pooled per module and area (counts, never addresses). */
  pooled: '/v1/admin/module-requests',
} as const;

/**
 * Where the emails' links lead: the server's request page (`/request`, its own bundle) with
 * `#mobilise-request=<token>` to confirm; the page the member asked from with `#session=<id>`,
 * the calendar's own deep link (src/elements/session-calendar/hash.ts), to book the session
 * published in answer.
 */
export const REQUEST_LINK = 'mobilise-request';
export const SESSION_LINK = 'session';

/** Version of the request's consent wording; bump it when the words change. */
export const REQUEST_CONSENT_VERSION = 'request-2026-11';

/** pending: not yet confirmed (counts for nothing); open: confirmed, waiting; notified: emailed about a session, closed. */
export const MODULE_REQUEST_STATUSES = ['pending', 'open', 'notified'] as const;
export type ModuleRequestStatus = (typeof MODULE_REQUEST_STATUSES)[number];

/** The signup's own fields (its `.shape`: zod's, and zod-lite's for the request page, src/request.ts). */
const signup = SignupRequestSchema.shape;

export const ModuleRequestSchema = z.object({
  moduleId: slug,
  /** The same rule as the sessions' area filter (GET /v1/sessions?area=), and matched as it is: any letter case. */
  area: typedText('line', 120, { blank: en.validation.area, tooLong: en.validation.area }),
  email: signup.email,
  /** Required: consent to be emailed about sessions of this module in this area. */
  consent: z.literal(true, { error: 'Tick the box to agree that we email you about this module, or we cannot take your request' }),
  locale: signup.locale,
  website: signup.website,
  returnUrl: signup.returnUrl,
});
export type ModuleRequest = z.infer<typeof ModuleRequestSchema>;
export type ModuleRequestInput = z.input<typeof ModuleRequestSchema>;

/**
 * The answer to a request, and to its confirmation. A request's answer depends on the request
 * alone, never on whether the address has asked before (which would tell anyone who asks for what).
 */
export const ModuleRequestResultSchema = z.object({
  status: z.enum(MODULE_REQUEST_STATUSES),
  moduleId: slug,
  area: z.string(),
});
export type ModuleRequestResult = z.infer<typeof ModuleRequestResultSchema>;

/** The confirmation link's token: 256 random bits, base64url, as a booking link's. */
export const ModuleRequestTokenSchema = z.object({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: 'This link is incomplete: use the whole link from your email' })),
});

/** One module in one area (any letter case), as organisers see the demand: how many, never who. */
export const PooledRequestSchema = z.object({
  moduleId: slug,
  moduleTitle: z.string(),
  area: z.string(),
  /** Confirmed requests not yet answered by a published session. */
  waiting: z.int().check(z.minimum(1)),
  /** When the newest of them was made. */
  newest: z.iso.datetime({ offset: true }),
});
export type PooledRequest = z.infer<typeof PooledRequestSchema>;
export const PooledRequestsResponseSchema = z.object({ requests: z.array(PooledRequestSchema) });
