/**
 * Members' data rights (UK GDPR): subject access, erasure, and the organisers' CSV
 * filters. Never imported by the embed (src/mobilise.ts's graph): members never call
 * these, and the embed's bytes are budgeted.
 */
import * as z from 'zod/mini';
import { SignInRequestSchema } from './admin.js';
import { slug } from './module.js';
import { dateTime, SessionQuerySchema } from './session.js';

export const dataRightsPaths = {
  search: '/v1/admin/people/search',
  erase: '/v1/admin/people/erase',
} as const;

/** As for sign-in (spaces around allowed and trimmed); looked up case-insensitively, and only ever sent in a POST body. */
const email = SignInRequestSchema.shape.email;

export const PERSON_FORMATS = ['json', 'text'] as const;

export const PersonSearchRequestSchema = z.object({
  email,
  /** `text` answers a readable plain-text copy to hand to the person; `json` (default) the machine-readable one. */
  format: z.optional(z.enum(PERSON_FORMATS)),
});
export type PersonSearchRequest = z.infer<typeof PersonSearchRequestSchema>;

export const PersonEraseRequestSchema = z.object({
  email,
  /** Must be `true`: erasure cannot be undone. */
  confirm: z.literal(true, { error: 'Set confirm to true: erasure cannot be undone' }),
});
export type PersonEraseRequest = z.infer<typeof PersonEraseRequestSchema>;

const instant = z.nullable(z.string());

export const PersonSignupSchema = z.object({
  reference: z.string(),
  status: z.string(),
  sessionId: z.string(),
  moduleId: z.string(),
  moduleTitle: z.string(),
  sessionStart: z.string(),
  area: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  phone: z.nullable(z.string()),
  postcode: z.string(),
  membership: z.string(),
  clp: z.nullable(z.string()),
  accessNeeds: z.nullable(z.string()),
  consent: z.object({
    contact: z.boolean(),
    marketing: z.boolean(),
    givenAt: instant,
    wordingVersion: z.nullable(z.string()),
    privacyUrl: z.nullable(z.string()),
  }),
  returnUrl: z.nullable(z.string()),
  createdAt: z.string(),
  confirmedAt: instant,
  endedAt: instant,
  holdExpiresAt: instant,
});

export const PersonDataSchema = z.object({
  email: z.string(),
  generatedAt: z.string(),
  signups: z.array(PersonSignupSchema),
  /** Booking links emailed (only a hash of each is stored, which is not personal data). */
  bookingLinks: z.array(z.object({ reference: z.string(), purpose: z.string(), linkIssuedAt: z.string(), usedAt: instant })),
  /** Emails to the address: they contain personal data, so they are listed (not their bodies, which are erased once sent). */
  emails: z.array(
    z.object({ reference: z.nullable(z.string()), kind: z.string(), subject: z.string(), status: z.string(), dueAt: z.string(), sentAt: instant }),
  ),
  /** Signup requests kept to answer retries (key and a fingerprint of the request). */
  signupRequests: z.array(z.object({ reference: z.string(), sessionId: z.string(), hold: z.string(), receivedAt: z.string() })),
  /**
   * "My Mobilise pathway": the links emailed (a hash of each is kept) and the pathway the person chose.
   * Optional only so that a console can read a server from before pathways; this server always sends it.
   */
  pathway: z.optional(
    z.object({
      links: z.array(z.object({ linkIssuedAt: z.string(), lastUsedAt: instant })),
      choice: z.nullable(z.object({ audience: z.string(), chosenAt: z.string() })),
    }),
  ),
  /**
   * "Ask for this module near me": each request made with the address (pending until confirmed, open
   * while waiting, notified once emailed about a session), the page and language its emails use.
   * Optional as `pathway` is: a console may read a server from before requests.
   */
  moduleRequests: z.optional(
    z.array(
      z.object({
        moduleId: z.string(),
        moduleTitle: z.string(),
        area: z.string(),
        status: z.string(),
        email: z.string(),
        language: z.string(),
        page: z.string(),
        createdAt: z.string(),
        confirmedAt: instant,
        consentVersion: z.nullable(z.string()),
        notifiedAt: instant,
        notifiedSessionId: z.nullable(z.string()),
      }),
    ),
  ),
});
export type PersonData = z.infer<typeof PersonDataSchema>;

export const EraseResultSchema = z.object({
  /** Signups whose personal data was replaced (they keep counting toward capacity and history). */
  signups: z.int(),
  /** Live bookings of sessions yet to end that were withdrawn (their place goes down the waiting list). */
  bookingsWithdrawn: z.int(),
  emailsCancelled: z.int(),
  emailBodiesRemoved: z.int(),
  bookingLinksDeleted: z.int(),
  signupRequests: z.int(),
  /** Pathway links deleted (with the pathway the person chose). Optional as PersonData's `pathway` is. */
  pathwayLinksDeleted: z.optional(z.int()),
  /** Module requests deleted (their emails keep no address or text). Optional as PersonData's `moduleRequests` is. */
  moduleRequests: z.optional(z.int()),
});
export type EraseResult = z.infer<typeof EraseResultSchema>;

/** What the CSV export may add to its default columns: access needs can be health data, so only on request. */
export const EXPORT_INCLUDES = ['access-needs'] as const;

/** Filters of GET /v1/admin/signups.csv: area, one session, the session's start between from and to. */
export const ExportQuerySchema = z.object({
  area: SessionQuerySchema.shape.area,
  session: z.optional(slug),
  from: z.optional(dateTime),
  to: z.optional(dateTime),
  include: z.optional(z.enum(EXPORT_INCLUDES)),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
