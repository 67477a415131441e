import * as z from 'zod/mini';
import { en } from '../strings/en.js';
import { MEMBERSHIP_STATUSES, SIGNUP_STATUSES } from './enums.js';
import { slug } from './module.js';

const m = en.validation;
const trimmed = (max: number, error: string) => z.string().check(z.trim(), z.minLength(1, { error }), z.maxLength(max, { error: en.validation.nameTooLong }));
const optionalText = (max: number, error: string) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, { error })));

/** UK postcode, loosely: outward code, optional space, inward code. */
export const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}$/i;
const PHONE = /^\+?[0-9][0-9 ()-]{8,18}[0-9]$/;

/**
 * What a member submits. Field-level messages are the ones shown to the member,
 * so the browser and the server report the same words.
 */
export const SignupRequestSchema = z.object({
  sessionId: slug,
  firstName: trimmed(100, m.firstName),
  lastName: trimmed(100, m.lastName),
  email: z.string().check(z.trim(), z.email({ error: m.email }), z.maxLength(254, { error: m.email })),
  phone: z.optional(
    z.string().check(
      z.trim(),
      z.refine((v) => v === '' || PHONE.test(v), { error: m.phone }),
    ),
  ),
  postcode: z.string().check(z.trim(), z.regex(UK_POSTCODE, { error: m.postcode })),
  membership: z.enum(MEMBERSHIP_STATUSES, { error: m.membership }),
  clp: optionalText(120, m.clp),
  accessNeeds: optionalText(1_000, m.accessNeeds),
  /** Required: consent to be contacted about this one session. */
  consentContact: z.literal(true, { error: m.consentContact }),
  /** Separate, optional, unticked by default. */
  consentMarketing: z._default(z.boolean(), false),
  /** Honeypot: humans never see it, bots fill it. Must be empty. */
  website: z._default(z.string().check(z.maxLength(0, { error: m.honeypot })), ''),
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
