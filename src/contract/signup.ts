import * as z from 'zod/mini';
import { regexes } from 'zod/v4/core';
import { en } from '../strings/en.js';
import { BOOKING_STATUSES, HOLD_KINDS, MEMBERSHIP_STATUSES, SIGNUP_STATUSES } from './enums.js';
import { slug } from './module.js';
import { dateTime, SessionSchema } from './session.js';
import { typedText } from './text.js';

const m = en.validation;

/**
 * UK postcode, loosely: outward code, optional space, inward code, in either
 * letter case, with the spaces a person may type around it (trimmed after).
 */
export const UK_POSTCODE = /^ *[A-Za-z]{1,2}[0-9][A-Za-z0-9]? *[0-9][A-Za-z]{2} *$/;
/** Empty, or digits with spaces, brackets and hyphens (an optional leading +). */
const PHONE = /^ *(?:\+?[0-9][0-9 ()-]{8,18}[0-9])? *$/;
/** zod's email pattern, allowing the spaces around it that are trimmed. */
const EMAIL = new RegExp(`^ *${regexes.email.source.slice(1, -1)} *$`);

/** An http(s) page address, by a pattern the document states exactly (the server also parses a returnUrl). */
const webPage = (error: string, description: string) =>
  z.string().check(
    z.regex(/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/, { error }),
    z.maxLength(2_000, { error }),
    z.describe(description),
  );

/**
 * What a member submits. Field-level messages are the ones shown to the member,
 * so the browser and the server report the same words. Every rule applies to
 * the text as sent, so docs/openapi.json states it exactly; the only transform
 * is trimming surrounding whitespace afterwards.
 */
export const SignupRequestSchema = z.object({
  sessionId: slug,
  /**
   * A series in one signup: up to five more sessions, all places or none (no waiting list). Each
   * session's module shares a series with another one asked for, or is a prerequisite of one (it
   * must start first). Absent for one session, so older clients send what they always sent.
   */
  alsoSessionIds: z.optional(
    z.array(slug).check(
      z.minLength(1),
      z.maxLength(5),
      z.describe('More sessions of the same series, booked with sessionId all or none: 2 to 6 distinct sessions in all, no waiting list.'),
    ),
  ),
  firstName: typedText('name', 100, { blank: m.firstName, tooLong: m.nameTooLong }),
  lastName: typedText('name', 100, { blank: m.lastName, tooLong: m.nameTooLong }),
  email: z.string().check(
    z.regex(EMAIL, { error: m.email }),
    z.maxLength(254, { error: m.email }),
    z.trim(),
    z.describe('Surrounding spaces are removed; the same address in any letter case counts as one signup per session.'),
  ),
  phone: z.optional(z.string().check(z.regex(PHONE, { error: m.phone }), z.trim(), z.describe('Surrounding spaces are removed.'))),
  postcode: z.string().check(
    z.regex(UK_POSTCODE, { error: m.postcode }),
    z.trim(),
    z.describe('Any letter case, stored as sent; surrounding spaces are removed.'),
  ),
  membership: z.enum(MEMBERSHIP_STATUSES, { error: m.membership }),
  clp: z.optional(typedText('line', 120, { tooLong: m.clp })),
  accessNeeds: z.optional(typedText('paragraphs', 1_000, { tooLong: m.accessNeeds })),
  /** Required: consent to be contacted about this one session. */
  consentContact: z.literal(true, { error: m.consentContact }),
  /** Separate, optional, unticked by default. */
  consentMarketing: z._default(z.boolean(), false),
  /** Honeypot: humans never see it, bots fill it. Whatever it holds, the answer is the same and nothing is stored. */
  website: z._default(
    z.string().check(z.maxLength(200, { error: m.honeypot }), z.describe('Leave empty: a hidden field that only bots fill in.')),
    '',
  ),
  /** Client-generated; a retried POST with the same key returns the first result. */
  idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,100}$/, { error: m.idempotencyKey })),
  /**
   * The page the member signed up on, recorded with the consent; the emailed links lead to the
   * server's booking page instead (/booking, the token in the fragment). Its origin must be on the
   * server's allow-list; query and fragment are dropped.
   */
  returnUrl: webPage(m.returnUrl, 'Its origin must be one the server allows (ALLOWED_ORIGINS); the query and fragment are dropped.'),
  /** The privacy notice the form linked from its consent, recorded with the consent when it is given. */
  privacyUrl: z.optional(webPage(m.privacyUrl, 'Stored with the consent when the member confirms.')),
  /** The page's language (BCP 47): the member's emails are written in it when the server has it (gd, cy), else in English. */
  locale: z.optional(
    z.string().check(
      z.maxLength(35),
      z.describe('The page’s language as a BCP 47 tag, e.g. gd or cy-GB. The member’s emails are written in it when the server has it (en-GB, gd, cy), else in en-GB.'),
    ),
  ),
});
export type SignupRequest = z.infer<typeof SignupRequestSchema>;
export type SignupInput = z.input<typeof SignupRequestSchema>;
export type SignupField = keyof SignupRequest;

/** Version of the consent wording (en.signup.consentContact); bump it when the words change. */
export const CONSENT_VERSION = 'contact-2026-11';

/**
 * The answer to a signup. It depends only on the request and the session's public state, never
 * on whether the email is already booked (which would reveal who signs up for what): the member
 * confirms by the emailed link, and an address already booked is told so by email.
 */
export const SignupResultSchema = z.object({
  status: z.enum(SIGNUP_STATUSES),
  sessionId: slug,
  /** A series: its other sessions, each holding a place until the same `holdExpiresAt`. */
  alsoSessionIds: z.optional(z.array(slug)),
  /** A place is held, or a waiting-list slot, until `holdExpiresAt` unless confirmed. */
  hold: z.enum(HOLD_KINDS),
  holdExpiresAt: dateTime,
});
export type SignupResult = z.infer<typeof SignupResultSchema>;

/**
 * A booking token, from an emailed link's fragment: 256 random bits, base64url. The server's
 * (the browser sends the fragment as it is): marked pure, so the embed leaves it out.
 */
export const BookingTokenRequestSchema = /* @__PURE__ */ (() =>
  z.object({
    token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, { error: 'This link is incomplete: use the whole link from your email' })),
  }))();
export type BookingTokenRequest = z.infer<typeof BookingTokenRequestSchema>;

/**
 * How to join an online or hybrid session, as a member's confirmed booking carries it. The embed
 * relies on one rule, that the link is https (it becomes a link's href); the server holds both
 * fields to JoiningSchema's full rules (admin.ts, server/routes/bookings.ts), which the OpenAPI
 * document states, and repeating them here would cost the embed 40 B more.
 */
const joining = /* @__PURE__ */ (() => z.object({ url: z.optional(z.string().check(z.regex(/^https:\/\//))), instructions: z.optional(z.string()) }))();

/** No personal data beyond the first name: whoever holds the link sees this. */
const bookingView = () => ({
  status: z.enum(BOOKING_STATUSES),
  session: SessionSchema,
  firstName: z.string(),
  /** Place on the waiting list (1 is next), while on it. */
  position: z.optional(z.int().check(z.minimum(1))),
  /** While pending: when the hold lapses unless confirmed. */
  holdExpiresAt: z.optional(dateTime),
  /** Only while the place is confirmed, on a session that runs online (server/store/joining.ts). */
  joining: z.optional(joining),
});
export const BookingViewSchema = /* @__PURE__ */ (() => z.object(bookingView()))();
export type BookingView = z.infer<typeof BookingViewSchema>;

/** A confirmation also hands back the manage token, so the page can swap its fragment to it. */
export const BookingConfirmResultSchema = /* @__PURE__ */ (() =>
  z.object({
    ...bookingView(),
    manageToken: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/))),
  }))();
export type BookingConfirmResult = z.infer<typeof BookingConfirmResultSchema>;
