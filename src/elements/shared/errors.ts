import { isMobiliseError } from '../../client/index.js';
import { localise, strings } from '../../strings/current.js';

/** A human sentence for any failure, never a stack trace or a status code alone. */
export function describeError(error: unknown): string {
  if (!isMobiliseError(error)) return strings.state.server;
  switch (error.kind) {
    case 'config':
    case 'unavailable':
      return localise(error.message);
    case 'network':
      return strings.state.network;
    case 'timeout':
      return strings.state.timeout;
    case 'bad-response':
      return strings.state.badResponse;
    default:
      return error.problem?.detail?.trim() || strings.state.server;
  }
}

/** Config errors are for the webmaster and "Try again" cannot fix them. */
export const canRetry = (error: unknown) => !(isMobiliseError(error) && (error.kind === 'config' || error.kind === 'unavailable'));
