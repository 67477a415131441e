import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ADMIN_COOKIE } from '../../src/contract/admin.js';
import { requireOrganiser, scopeAreas, type OrganiserEnv } from '../http/organiser-session.js';
import { ExportQuerySchema } from '../../src/contract/data-rights.js';
import { ProblemError } from '../http/reply.js';
import { fieldErrors } from '../http/validation.js';
import { toCsv } from '../lib/csv.js';
import { audit } from '../store/audit.js';
import { exportColumns, listSignupsForExport } from '../store/export.js';
import type { Deps } from './context.js';

/**
 * The export's two ways in: a machine's bearer token (adminAuth), or an organiser's session
 * cookie when no Authorization header is sent (then scoped to the organiser's areas).
 */
export function exportGuard(tokenAuth: MiddlewareHandler, deps: Deps): MiddlewareHandler<OrganiserEnv> {
  const session = requireOrganiser(deps);
  return (c, next) => (c.req.header('authorization') === undefined && getCookie(c, ADMIN_COOKIE) ? session(c, next) : tokenAuth(c, next));
}

/**
 * GET /v1/admin/signups.csv?area=&session=&from=&to=&include=access-needs — signups with personal
 * data, for organisers (behind exportGuard). Access needs only with include=access-needs.
 * `tokenScope` is ADMIN_TOKEN_AREAS, for a request that came with the token.
 */
export async function getSignupsCsv(c: Context<OrganiserEnv>, { db, now }: Deps, tokenScope: readonly string[] | null = null): Promise<Response> {
  const organiser = c.get('organiser') as OrganiserEnv['Variables']['organiser'] | undefined;
  const scope = organiser ? scopeAreas(organiser) : tokenScope;
  const parsed = ExportQuerySchema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ProblemError(400, 'bad-request', 'Invalid query', {
      detail: 'Check the filters: dates need a full ISO 8601 date-time with an offset ("+" encoded as %2B); include takes access-needs.',
      errors: fieldErrors(parsed.error),
    });
  }
  const columns = exportColumns(parsed.data);
  const rows = await listSignupsForExport(db, parsed.data, scope);
  await audit(db, { actor: organiser ? String(organiser.id) : 'token:export', action: 'signups.export', detail: { rows: rows.length } }, now());
  const csv = toCsv(
    columns,
    rows.map((row) => columns.map((column) => row[column])),
  );
  const day = now().toISOString().slice(0, 10);
  // The BOM makes Excel read UTF-8 (names like Siobhán) correctly.
  return c.body(`\uFEFF${csv}`, 200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="mobilise-signups-${day}.csv"`,
  });
}
