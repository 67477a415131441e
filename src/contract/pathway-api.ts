/**
 * "My Mobilise pathway" (issue 14): what a member sees from the private link in any of their
 * emails. The token travels in a POST body, never in a URL that logs would keep. Never imported
 * by the embed (src/mobilise.ts's graph): only the pathway element (its own bundle) and the server.
 */
import * as z from 'zod/mini';
import { AUDIENCES, DELIVERY_MODES } from './enums.js';
import { CONTENT_LOCALES, slug } from './module.js';

export const pathwayPaths = {
  pathway: '/v1/pathway',
  audience: '/v1/pathway/audience',
} as const;

/** 256 random bits, base64url: the fragment of the emailed link (`/pathway#token=…`). */
const token = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: 'This link is incomplete: use the whole link from your email' }));
/** The page's language: module titles come in it where translated. English without it. */
const locale = z.optional(z.enum(CONTENT_LOCALES));

export const PathwayRequestSchema = z.object({ token, locale });
export type PathwayRequest = z.infer<typeof PathwayRequestSchema>;

export const PathwayAudienceRequestSchema = z.object({ token, audience: z.enum(AUDIENCES), locale });
export type PathwayAudienceRequest = z.infer<typeof PathwayAudienceRequestSchema>;

/** Where a module of the pathway stands for the member: attended (organisers' records), booked (upcoming), or still to take. */
export const STEP_STATES = ['attended', 'booked', 'to-take'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** A booking the member still holds, as the pathway shows it. */
export const PATHWAY_BOOKING_STATUSES = ['pending', 'confirmed', 'waitlisted'] as const;

/** A module named in the page's language where translated (`lang` says which it is in). */
const titled = { moduleId: slug, title: z.string(), lang: z.enum(CONTENT_LOCALES) };

export const PathwayStepSchema = z.object({ ...titled, state: z.enum(STEP_STATES) });
export type PathwayStep = z.infer<typeof PathwayStepSchema>;

export const PathwayBookingSchema = z.object({
  ...titled,
  sessionId: slug,
  start: z.string(),
  end: z.string(),
  delivery: z.enum(DELIVERY_MODES),
  area: z.string(),
  status: z.enum(PATHWAY_BOOKING_STATUSES),
});
export type PathwayBooking = z.infer<typeof PathwayBookingSchema>;

export const PathwayAttendedSchema = z.object({ ...titled, sessionStart: z.string() });
export type PathwayAttended = z.infer<typeof PathwayAttendedSchema>;

/** No name, address or contact detail: whoever holds the link sees this. */
export const PathwaySchema = z.object({
  /** The pathway shown: the member's choice, else the one that best fits what they have taken. */
  audience: z.enum(AUDIENCES),
  /** Whether the member chose `audience` (PUT /v1/pathway/audience) rather than it being inferred. */
  chosen: z.boolean(),
  /** The audience's modules in order, each with where the member stands. */
  steps: z.array(PathwayStepSchema),
  /** The first step not yet attended (it may be booked: `steps` says); absent once every step is attended. */
  next: z.optional(z.object(titled)),
  /** Every module the member attended (on or off the pathway), most recent first. */
  attended: z.array(PathwayAttendedSchema),
  /** Upcoming bookings (pending, confirmed or on the waiting list), soonest first. */
  booked: z.array(PathwayBookingSchema),
  /** Across the whole programme: modules attended of all its modules. */
  programme: z.object({ attended: z.int(), modules: z.int() }),
});
export type Pathway = z.infer<typeof PathwaySchema>;
