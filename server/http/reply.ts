import { PROBLEM_BASE, PROBLEM_CONTENT_TYPE, type FieldError, type Problem, type ProblemCode } from '../../src/contract/index.js';

/** What a route hands back; app.ts writes it and adds the shared headers. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export function json(status: number, data: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(data),
  };
}

/** Thrown anywhere below a route to answer with RFC 9457 problem details. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly extras: { detail?: string; errors?: FieldError[]; retryAfter?: number } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }

  /** No `instance`: the request path is client text (it can hold an email), so it is never echoed. */
  toReply(): Reply {
    const problem: Problem = {
      type: `${PROBLEM_BASE}${this.code}`,
      title: this.title,
      status: this.status,
      code: this.code,
      ...this.extras,
    };
    return {
      status: this.status,
      headers: { 'Content-Type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`, ...this.headers },
      body: JSON.stringify(problem),
    };
  }
}
