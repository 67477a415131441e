import * as z from 'zod/mini';

/** Machine-readable problem codes; `type` is `${PROBLEM_BASE}${code}`. */
export const PROBLEM_CODES = [
  'validation',
  'session-full',
  'session-closed',
  'not-found',
  'rate-limited',
  'payload-too-large',
  'unsupported-media-type',
  'bad-request',
  'unauthorized',
  'forbidden',
  'idempotency-conflict',
  'token-invalid',
  'token-used',
  'token-expired',
  'session-started',
  'server-error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const PROBLEM_BASE = 'https://mobilise.invalid/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const FieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details, with Mobilise extension members. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: z.enum(PROBLEM_CODES),
  errors: z.optional(z.array(FieldErrorSchema)),
  /** Seconds, for rate-limited responses (mirrors the Retry-After header). */
  retryAfter: z.optional(z.int()),
});
export type Problem = z.infer<typeof ProblemSchema>;
