import type { Context, MiddlewareHandler } from 'hono';
import { paths } from '../../src/contract/index.js';
import { moduleRequestPaths } from '../../src/contract/module-request.js';

export type Log = (line: string) => void;

const ICS_PATH = /^\/v1\/sessions\/[^/]+\.ics$/;

/** Routes' own paths are logged as they are; ids and unknown paths are client-chosen text (an email, say), so never. */
const LOGGED_PATHS = new Set<string>([
  paths.modules,
  paths.sessions,
  paths.signups,
  paths.bookingConfirm,
  paths.bookingView,
  paths.bookingCancel,
  paths.adminSignupsCsv,
  '/v1/feed.ics',
  ...Object.values(moduleRequestPaths),
  '/healthz',
]);
const loggedPath = (path: string) => (LOGGED_PATHS.has(path) ? path : ICS_PATH.test(path) ? '/v1/sessions/{id}.ics' : '(other)');

/**
 * One line per request: method, path, status and time only — never the query
 * string, headers or body, which can hold personal data. (Hono's logger prints
 * the path as sent, which can be an email.)
 */
export function requestLog(log: Log): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log(`${c.req.method} ${loggedPath(c.req.path)} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  };
}

/** Error names and SQLSTATE codes only: driver messages can quote submitted values. */
export function logError(log: Log, c: Context, error: unknown): void {
  const code = (error as { code?: unknown })?.code;
  log(`error ${c.req.method} ${loggedPath(c.req.path)}: ${(error as Error)?.name ?? 'Error'}${code ? ` ${String(code)}` : ''}`);
}
