import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AdminProblemCode } from '../../src/contract/admin.js';
import { PROBLEM_BASE, PROBLEM_CONTENT_TYPE, type FieldError, type Problem } from '../../src/contract/index.js';

/** The contract's JSON answers say their charset (the browser tests' fake backend answers the same). */
export const JSON_TYPE = 'application/json; charset=utf-8';

export const json = (c: Context, data: unknown, status: ContentfulStatusCode = 200) => c.body(JSON.stringify(data), status, { 'Content-Type': JSON_TYPE });

/**
 * Thrown anywhere below a route to answer with RFC 9457 problem details. An
 * HTTPException, so Hono's own error path turns it into its response.
 */
export class ProblemError extends HTTPException {
  constructor(
    override readonly status: ContentfulStatusCode,
    readonly code: AdminProblemCode,
    readonly title: string,
    readonly extras: { detail?: string; errors?: FieldError[]; retryAfter?: number } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message: title });
  }

  /** No `instance`: the request path is client text (it can hold an email), so it is never echoed. */
  get problem(): Omit<Problem, 'code'> & { code: AdminProblemCode } {
    return { type: `${PROBLEM_BASE}${this.code}`, title: this.title, status: this.status, code: this.code, ...this.extras };
  }

  override getResponse(): Response {
    return new Response(JSON.stringify(this.problem), {
      status: this.status,
      // Never cached, also when written outside the app's middleware (http/server.ts, the adapter's errorHandler).
      headers: { 'Content-Type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, 'Cache-Control': 'no-store', ...this.headers },
    });
  }
}
