import { isMobiliseError } from '../../client/index.js';
import { strings } from '../../strings/current.js';
import { rateLimitedFor } from '../../strings/compose.js';
import { problemToProblems, type Problems } from './validation.js';


/** What the form does about a failed POST. Answers are always kept. */
export type FailureAction =
  | { kind: 'problems'; problems: Problems }
  | { kind: 'outcome'; outcome: 'full' | 'closed' }
  /** `renewKey`: the key was spent on other answers, so the next attempt needs a fresh one. */
  | { kind: 'notice'; text: string; renewKey?: boolean };

/** Pure: maps a client error to the member-facing response, so every branch is unit-tested without a DOM. */
export function classifyFailure(error: unknown): FailureAction {
  if (!isMobiliseError(error)) return { kind: 'notice', text: strings.signup.failed };
  const problem = error.problem;
  const code = problem?.code;
  if (problem && (code === 'validation' || error.status === 422)) return { kind: 'problems', problems: problemToProblems(problem) };
  if (code === 'session-full') return { kind: 'outcome', outcome: 'full' };
  if (code === 'session-closed' || code === 'not-found') return { kind: 'outcome', outcome: 'closed' };
  if (code === 'rate-limited' || error.status === 429) {
    const wait = error.details.retryAfter;
    return { kind: 'notice', text: wait !== undefined && wait > 0 ? rateLimitedFor(strings, wait) : strings.signup.rateLimited };
  }
  if (code === 'idempotency-conflict') return { kind: 'notice', text: strings.signup.conflict, renewKey: true };
  // Network, timeout, 5xx: safe to send again with the same key.
  if (error.retryable) return { kind: 'notice', text: strings.signup.networkRetry };
  // A problem with a blank detail must still say something.
  return { kind: 'notice', text: problem?.detail?.trim() || strings.signup.failed };
}
