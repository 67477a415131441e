import {
  ModulesQuerySchema,
  ModulesResponseSchema,
  SessionQuerySchema,
  SessionsResponseSchema,
  sessionToIcs,
  inLocale,
  slug,
  translatedLocale,
  TRANSLATED_LOCALES,
  type Module,
  type Session,
  type TranslatedLocale,
} from '../../src/contract/index.js';
import type { Context } from 'hono';
import { PUBLIC_CACHE } from '../http/headers.js';
import { JSON_TYPE, ProblemError } from '../http/reply.js';
import { fieldErrors } from '../http/validation.js';
import { cachedModules, cachedSessions, cachedSessionWithModule } from '../store/catalogue.js';
import { perResult } from '../store/read-cache.js';
import type { Deps } from './context.js';

/**
 * One body per cached result and language, shared by every request it answers: a flood of GETs
 * validates and serialises each once. Only the asked language's translations travel (inLocale).
 */
function perLocale<T extends { translations?: object }>(body: (items: T[]) => string) {
  const english = perResult((items: T[]) => body(items.map((i) => inLocale(i, undefined))));
  const translated = new Map(TRANSLATED_LOCALES.map((lang) => [lang, perResult((items: T[]) => body(items.map((i) => inLocale(i, lang))))]));
  return (items: T[], lang: TranslatedLocale | undefined) => (lang ? translated.get(lang)! : english)(items);
}

const modulesJson = perLocale((modules: Module[]) => JSON.stringify(ModulesResponseSchema.parse({ modules })));
const sessionsJson = perLocale((sessions: Session[]) => JSON.stringify(SessionsResponseSchema.parse({ sessions })));
const publicJson = (c: Context, body: string) => c.body(body, 200, { 'Content-Type': JSON_TYPE, ...PUBLIC_CACHE });

/** GET /v1/modules?locale= */
export async function getModules(c: Context, { db }: Deps): Promise<Response> {
  const parsed = ModulesQuerySchema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ProblemError(400, 'bad-request', 'Invalid query', { detail: 'locale is en-GB, gd or cy.', errors: fieldErrors(parsed.error) });
  }
  return publicJson(c, modulesJson(await cachedModules(db), translatedLocale(parsed.data.locale)));
}

/**
 * GET /v1/sessions?module=&from=&to=&area=&delivery=&locale= — the first value of each
 * parameter, exactly as sent (c.req.query()): an empty value or an unencoded "+"
 * (read as a space) is refused, as docs/openapi.json says.
 */
export async function getSessions(c: Context, { db }: Deps): Promise<Response> {
  const parsed = SessionQuerySchema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ProblemError(400, 'bad-request', 'Invalid query', {
      detail: 'Check the filters: dates need a full ISO 8601 date-time with an offset, with "+" encoded as %2B.',
      errors: fieldErrors(parsed.error),
    });
  }
  return publicJson(c, sessionsJson(await cachedSessions(db, parsed.data), translatedLocale(parsed.data.locale)));
}

/** The route of GET /v1/sessions/{id}.ics: the id is the segment before ".ics". */
export const ICS_ROUTE = '/v1/sessions/:file{[^/]+\\.ics}';

/** GET /v1/sessions/{id}.ics */
export async function getSessionIcs(c: Context, { db, now }: Deps): Promise<Response> {
  const id = c.req.param('file')!.slice(0, -'.ics'.length);
  const found = slug.safeParse(id).success ? await cachedSessionWithModule(db, id) : undefined;
  if (!found) throw new ProblemError(404, 'not-found', 'Session not found');
  const { session, module } = found;
  return c.body(sessionToIcs(session, module, { now: now() }), 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `attachment; filename="${session.id}.ics"`,
    ...PUBLIC_CACHE,
  });
}
