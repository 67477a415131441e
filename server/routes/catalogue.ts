import {
  ModulesResponseSchema,
  SessionQuerySchema,
  SessionsResponseSchema,
  sessionToIcs,
  slug,
  type Module,
  type Session,
} from '../../src/contract/index.js';
import { fieldErrors } from '../http/validation.js';
import { json, ProblemError, type Reply } from '../http/reply.js';
import { cachedModules, cachedSessions, cachedSessionWithModule } from '../store/catalogue.js';
import { perResult } from '../store/read-cache.js';
import type { Deps } from './context.js';

// One reply per cached result, shared by every request it answers (never mutated).
const modulesReply = perResult((modules: Module[]) => json(200, ModulesResponseSchema.parse({ modules })));
const sessionsReply = perResult((sessions: Session[]) => json(200, SessionsResponseSchema.parse({ sessions })));

/** GET /v1/modules */
export async function getModules({ db }: Deps): Promise<Reply> {
  return modulesReply(await cachedModules(db));
}

/**
 * The first value of each parameter, exactly as sent: an empty value or an
 * unencoded "+" (read as a space) is refused, as docs/openapi.json says.
 */
function queryObject(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in query)) query[key] = value;
  return query;
}

/** GET /v1/sessions?module=&from=&to=&area=&delivery= */
export async function getSessions({ db }: Deps, params: URLSearchParams): Promise<Reply> {
  const parsed = SessionQuerySchema.safeParse(queryObject(params));
  if (!parsed.success) {
    throw new ProblemError(400, 'bad-request', 'Invalid query', {
      detail: 'Check the filters: dates need a full ISO 8601 date-time with an offset, with "+" encoded as %2B.',
      errors: fieldErrors(parsed.error),
    });
  }
  return sessionsReply(await cachedSessions(db, parsed.data));
}

/** GET /v1/sessions/{id}.ics */
export async function getSessionIcs({ db, now }: Deps, id: string): Promise<Reply> {
  const found = slug.safeParse(id).success ? await cachedSessionWithModule(db, id) : undefined;
  if (!found) throw new ProblemError(404, 'not-found', 'Session not found');
  const { session, module } = found;
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${session.id}.ics"`,
    },
    body: sessionToIcs(session, module, { now: now() }),
  };
}
