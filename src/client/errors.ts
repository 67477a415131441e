import type { Problem } from '../contract/index.js';

export const ERROR_KINDS = [
  'config', // endpoint missing or not a URL
  'network', // fetch rejected: offline, DNS, CORS, connection dropped
  'timeout', // no answer within the client's timeout
  'bad-response', // not JSON, wrong content type, wrong shape, too large
  'http', // non-2xx without a usable problem document
  'problem', // RFC 9457 problem+json from the backend
  'unavailable', // static mode: signups cannot be sent anywhere
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * The one error type the client throws. Elements switch on `kind` (and
 * `problem.code`) to pick a human message; `message` is for developers.
 */
export class MobiliseError extends Error {
  override readonly name = 'MobiliseError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: { status?: number; problem?: Problem; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message);
  }

  get status() {
    return this.details.status;
  }
  get problem() {
    return this.details.problem;
  }

  /** Safe to try again later with the same input (and, for POST, the same idempotency key). */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    const s = this.details.status ?? 0;
    return s === 429 || s === 502 || s === 503 || s === 504 || s === 500;
  }
}

export const isMobiliseError = (e: unknown): e is MobiliseError => e instanceof MobiliseError;
