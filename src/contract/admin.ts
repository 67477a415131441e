/**
 * The organisers' API (sign-in, session, roles). Never imported by the embed
 * (src/mobilise.ts's graph): its bytes are budgeted, and members never call these.
 */
import * as z from 'zod/mini';
import { regexes } from 'zod/v4/core';
import { ACCESS_FEATURES, BOOKING_STATUSES } from './enums.js';
import { ModuleSchema, slug } from './module.js';
import { PROBLEM_CODES, ProblemSchema } from './problem.js';
import { dateTime, SessionQuerySchema, SessionSchema, VenueSchema } from './session.js';
import { plainText, typedText } from './text.js';

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
export const ADMIN_PROBLEM_CODES = [...PROBLEM_CODES, 'csrf', 'conflict', 'precondition-required'] as const;
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

// ---- The admin API: sessions, modules, attendees, audit (issue 12) ----

/** OpenAPI-style templates; the server mounts them with `:id`. */
export const adminApiPaths = {
  sessions: '/v1/admin/sessions',
  session: '/v1/admin/sessions/{id}',
  duplicate: '/v1/admin/sessions/{id}/duplicate',
  cancel: '/v1/admin/sessions/{id}/cancel',
  cancelPreview: '/v1/admin/sessions/{id}/cancel-preview',
  publish: '/v1/admin/sessions/{id}/publish',
  unpublish: '/v1/admin/sessions/{id}/unpublish',
  attendees: '/v1/admin/sessions/{id}/attendees',
  attendance: '/v1/admin/sessions/{id}/attendance',
  modules: '/v1/admin/modules',
  module: '/v1/admin/modules/{id}',
  audit: '/v1/admin/audit',
} as const;

/** GET /v1/admin/sessions filters: the public ones but delivery. */
export const AdminSessionQuerySchema = z.pick(SessionQuerySchema, { area: true, module: true, from: true, to: true });
export type AdminSessionQuery = z.infer<typeof AdminSessionQuerySchema>;

export const SessionCountsSchema = z.object({
  capacity: z.int(),
  confirmed: z.int(),
  pending: z.int(),
  waitlisted: z.int(),
  cancelled: z.int(),
  attended: z.int(),
});

/** https only, a host name (no user:password@), and nothing that ends a link early in a plain-text email (spaces, <, >, "). */
const JOINING_URL = /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#][^\s<>"]*)?$/;
const joiningUrlError = 'Enter the joining link as a web address starting https://, like https://meet.example.org/abc-defg';

/**
 * How to join an online or hybrid session: only confirmed members see it (their booking and their
 * emails), never a public read (the sessions list, its calendar files, the catalogue, feeds).
 */
export const JoiningSchema = z.object({
  url: z.optional(
    z.string().check(plainText('line'), z.regex(JOINING_URL, { error: joiningUrlError }), z.maxLength(2_000, { error: 'The joining link must be 2000 characters or fewer' })),
  ),
  /** E.g. the meeting ID and passcode, or "join 5 minutes early". */
  instructions: z.optional(typedText('paragraphs', 1_000, { tooLong: 'The joining instructions must be 1000 characters or fewer' })),
});
export type Joining = z.infer<typeof JoiningSchema>;

/** A session as organisers see it: the public session plus what only they manage. */
export const ManagedSessionSchema = z.object({
  session: SessionSchema,
  published: z.boolean(),
  /** Send it back as If-Match ("<version>" or the ETag) to edit. */
  version: z.int(),
  counts: SessionCountsSchema,
  /** Left out when the session has none. */
  joining: z.optional(JoiningSchema),
});
export type ManagedSession = z.infer<typeof ManagedSessionSchema>;
export const ManagedSessionsResponseSchema = z.object({ sessions: z.array(ManagedSessionSchema) });

/** dateTime's rules, in words an organiser can act on. */
const when = (what: string) => {
  const error = `Enter the ${what} as an ISO 8601 date-time with an offset, like 2027-03-04T18:30:00Z`;
  return z.string({ error }).check(z.refine((v) => dateTime.safeParse(v).success, { error }));
};
const capacity = z.int({ error: 'Enter the capacity as a whole number' }).check(
  z.minimum(1, { error: 'Capacity must be at least 1' }),
  z.maximum(10_000, { error: 'Capacity must be at most 10000' }),
);
const optionalText = (schema: z.ZodMiniType) => z.optional(z.nullable(schema));
const afterStart = z.refine<{ start?: string | undefined; end?: string | undefined }>((s) => !s.start || !s.end || Date.parse(s.end) > Date.parse(s.start), {
  message: 'The end must be after the start',
  path: ['end'],
});

/** Each known feature at most once, in any order (stored in ACCESS_FEATURES' order); `[]` or, on a create, leaving it out is none. */
const accessFeatures = z.array(z.enum(ACCESS_FEATURES, { error: `Choose access features from ${ACCESS_FEATURES.join(', ')}` })).check(
  z.refine((list) => new Set(list).size === list.length, { error: 'Give each access feature once' }),
);

/** What an organiser may set on a session; `null` clears an optional field in a PATCH. */
const sessionFields = {
  start: when('start'),
  end: when('end'),
  delivery: SessionSchema.shape.delivery,
  venue: optionalText(VenueSchema),
  area: SessionSchema.shape.area,
  capacity,
  waitlist: z.boolean({ error: 'Say whether the session has a waiting list (true or false)' }),
  trainer: optionalText(SessionSchema.shape.trainer.def.innerType),
  signupDeadline: optionalText(when('signup deadline')),
  accessibility: optionalText(SessionSchema.shape.accessibility.def.innerType),
  accessFeatures: z.optional(accessFeatures),
  /** Replaces every translation at once (`null` or `{}` clears them); English stays the fallback per field. */
  translations: optionalText(SessionSchema.shape.translations.def.innerType),
  /** Replaces the link and the instructions at once (`null` clears both). Kept for an in-person session, shown only for online and hybrid ones. */
  joining: z.optional(z.nullable(JoiningSchema)),
};

/** POST /v1/admin/sessions: a new session, unpublished until published. */
export const SessionCreateSchema = z
  .object({ id: z.optional(slug), moduleId: slug, ...sessionFields, waitlist: z._default(sessionFields.waitlist, true) })
  .check(afterStart);
export type SessionCreate = z.infer<typeof SessionCreateSchema>;

/** PATCH /v1/admin/sessions/{id}: any of the fields; new times reschedule (everyone booked is emailed). */
export const SessionPatchSchema = z.partial(z.object({ ...sessionFields, note: z.string().check(plainText('paragraphs'), z.maxLength(2_000)) })).check(afterStart);
export type SessionPatch = z.infer<typeof SessionPatchSchema>;

export const DuplicateRequestSchema = z.object({ start: when('start'), end: when('end') }).check(afterStart);

/** Cancel: an optional note for the email to everyone booked. */
export const CancelRequestSchema = z.object({ note: z.optional(z.string().check(plainText('paragraphs'), z.maxLength(2_000))) });

/** How many of each live booking a cancel would email (it ends them all). */
export const CancelRecipientsSchema = z.object({ confirmed: z.int(), pending: z.int(), waitlisted: z.int() });
/** POST …/cancel-preview: the email a cancel would send, for a placeholder member; nothing is sent or changed. */
export const CancelPreviewSchema = z.object({ subject: z.string(), text: z.string(), recipients: CancelRecipientsSchema });
export type CancelPreview = z.infer<typeof CancelPreviewSchema>;
/** POST …/cancel's answer: the session, and how many emails were queued (one per booking it ended). */
export const CancelledSessionSchema = z.extend(ManagedSessionSchema, { emailed: z.int() });
export type CancelledSession = z.infer<typeof CancelledSessionSchema>;

export const AttendeeSchema = z.object({
  signupId: z.int(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  status: z.enum(BOOKING_STATUSES),
  /** The live waiting-list position; null unless waitlisted. */
  position: z.nullable(z.int()),
  attended: z.boolean(),
});
export type Attendee = z.infer<typeof AttendeeSchema>;
export const AttendeesResponseSchema = z.object({ attendees: z.array(AttendeeSchema) });

export const AttendanceRequestSchema = z.object({
  signupId: z.int({ error: 'Give the signupId from the attendee list' }),
  attended: z.boolean({ error: 'Set attended to true or false' }),
});

export const ManagedModuleSchema = z.object({ module: ModuleSchema, version: z.int() });
export const ManagedModulesResponseSchema = z.object({ modules: z.array(ManagedModuleSchema) });
/** PATCH /v1/admin/modules/{id}: any field but the id. */
export const ModulePatchSchema = z.partial(z.omit(ModuleSchema, { id: true }));
export type ModulePatch = z.infer<typeof ModulePatchSchema>;

export const AuditQuerySchema = z.object({
  /** Entries older than this id (the previous page's `next`). */
  before: z.optional(z.string().check(z.regex(/^[1-9][0-9]{0,15}$/, { error: 'before is the next value of the previous page' }))),
  limit: z.optional(z.string().check(z.regex(/^(?:[1-9][0-9]?|100)$/, { error: 'limit is a whole number from 1 to 100' }))),
});
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** An organiser's id, 'cli', 'token:<label>', or 'anonymous' (a sign-in by an unknown address). */
  actor: z.string(),
  /** The organiser's name, when the actor is an organiser. */
  actorName: z.optional(z.string()),
  action: z.string(),
  target: z.nullable(z.string()),
  detail: z.record(z.string(), z.unknown()),
});
export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema), next: z.optional(z.string()) });
