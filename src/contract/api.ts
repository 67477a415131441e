import * as z from 'zod/mini';
import { ModuleSchema } from './module.js';
import { SessionSchema } from './session.js';

export const API_VERSION = 'v1';

/** Paths relative to the configured endpoint. */
export const paths = {
  modules: '/v1/modules',
  sessions: '/v1/sessions',
  signups: '/v1/signups',
  /** Token endpoints: the token travels in the JSON body, never in a path or query that logs would keep. */
  bookingConfirm: '/v1/bookings/confirm',
  bookingView: '/v1/bookings/view',
  bookingCancel: '/v1/bookings/cancel',
  sessionIcs: (id: string) => `/v1/sessions/${encodeURIComponent(id)}.ics`,
  /** A calendar app's subscription: the sessions' filters, as one VCALENDAR (webcal:// or https://). */
  feed: '/v1/feed.ics',
  /** The sessions a calendar lists, as schema.org Events (JSON-LD) for search engines. */
  sessionsJsonLd: '/v1/sessions.jsonld',
  adminSignupsCsv: '/v1/admin/signups.csv',
} as const;

/**
 * Collections are parsed item by item (see client) so one bad item does not
 * sink the page; these envelope schemas only check the outer shape.
 */
export const ModulesEnvelope = z.object({ modules: z.array(z.unknown()) });
export const SessionsEnvelope = z.object({ sessions: z.array(z.unknown()) });

/** Strict response shapes, for documentation and the server's own checks: marked pure, so the embed leaves them out. */
export const ModulesResponseSchema = /* @__PURE__ */ (() => z.object({ modules: z.array(ModuleSchema) }))();
export const SessionsResponseSchema = /* @__PURE__ */ (() => z.object({ sessions: z.array(SessionSchema) }))();

/**
 * Static mode: a CLP without a server points `endpoint` at one JSON file.
 * `signupUrl`, if set, is where the signup form sends people instead.
 */
export const StaticDataSchema = z.object({
  modules: z.array(z.unknown()),
  sessions: z.array(z.unknown()),
  signupUrl: z.optional(z.url({ protocol: /^https?$/ })),
});
/** The static file as documented (the embed parses the envelope, then each item): pure, so the embed leaves it out. */
export const StaticDataDocSchema = /* @__PURE__ */ (() =>
  z.object({
    modules: z.array(ModuleSchema),
    sessions: z.array(SessionSchema),
    signupUrl: z.optional(z.url()),
  }))();
