import type { Context } from 'hono';
import { paths, SessionQuerySchema } from '../../src/contract/index.js';
import { sessionsJsonLd } from '../../src/contract/json-ld.js';
import { PUBLIC_CACHE } from '../http/headers.js';
import { ProblemError } from '../http/reply.js';
import { fieldErrors } from '../http/validation.js';
import { allowedPage } from '../lib/return-url.js';
import { cachedModules, cachedSessions } from '../store/catalogue.js';
import type { Deps } from './context.js';

/** GET /v1/sessions.jsonld: the calendar's listed sessions as schema.org Events, for search engines. */
export const JSON_LD_PATH = paths.sessionsJsonLd;
export const JSON_LD_TYPE = 'application/ld+json; charset=utf-8';

/**
 * The filters of GET /v1/sessions (the first value of each, as sent), plus `page`: the page the
 * embed is on, where each event links (`#session=<id>`). A page on a site not in ALLOWED_ORIGINS
 * is ignored, not refused: the events then carry no url, so no one can point them elsewhere.
 */
export async function getSessionsJsonLd(c: Context, { db, now, allowedOrigins }: Deps): Promise<Response> {
  const { page, ...filters } = c.req.query();
  const parsed = SessionQuerySchema.safeParse(filters);
  if (!parsed.success) {
    throw new ProblemError(400, 'bad-request', 'Invalid query', {
      detail: 'Check the filters: the same as GET /v1/sessions takes, none left empty, dates with an offset ("+" encoded as %2B).',
      errors: fieldErrors(parsed.error),
    });
  }
  const [sessions, modules] = await Promise.all([cachedSessions(db, parsed.data), cachedModules(db)]);
  const body = sessionsJsonLd(sessions, new Map(modules.map((m) => [m.id, m])), {
    locale: parsed.data.locale ?? 'en-GB',
    now: now().getTime(),
    page: allowedPage(page, allowedOrigins),
  });
  return c.body(body, 200, { 'Content-Type': JSON_LD_TYPE, ...PUBLIC_CACHE });
}
