import * as z from 'zod/mini';
import { regexes } from 'zod/v4/core';
import { en } from '../strings/en.js';
import { MEMBERSHIP_STATUSES, SIGNUP_STATUSES } from './enums.js';
import { slug } from './module.js';
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

/**
 * What a member submits. Field-level messages are the ones shown to the member,
 * so the browser and the server report the same words. Every rule applies to
 * the text as sent, so docs/openapi.json states it exactly; the only transform
 * is trimming surrounding whitespace afterwards.
 */
export const SignupRequestSchema = z.object({
  sessionId: slug,
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
});
export type SignupRequest = z.infer<typeof SignupRequestSchema>;
export type SignupInput = z.input<typeof SignupRequestSchema>;
export type SignupField = keyof SignupRequest;

export const SignupResultSchema = z.object({
  status: z.enum(SIGNUP_STATUSES),
  reference: z.string().check(z.regex(/^[A-Z0-9-]{6,32}$/)),
  sessionId: slug,
  /** Position on the waiting list, when waitlisted. */
  position: z.optional(z.int().check(z.minimum(1))),
});
export type SignupResult = z.infer<typeof SignupResultSchema>;
