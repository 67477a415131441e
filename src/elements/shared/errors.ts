import { isMobiliseError } from '../../client/index.js';
import { en } from '../../strings/en.js';

/** A human sentence for any failure, never a stack trace or a status code alone. */
export function describeError(error: unknown): string {
  if (!isMobiliseError(error)) return en.state.server;
  switch (error.kind) {
    case 'config':
    case 'unavailable':
      return error.message;
    case 'network':
      return en.state.network;
    case 'timeout':
      return en.state.timeout;
    case 'bad-response':
      return en.state.badResponse;
    default:
      return error.problem?.detail?.trim() || en.state.server;
  }
}

/** Config errors are for the webmaster and "Try again" cannot fix them. */
export const canRetry = (error: unknown) => !(isMobiliseError(error) && (error.kind === 'config' || error.kind === 'unavailable'));
