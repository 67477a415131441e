import type { Context } from 'hono';
import { ExportQuerySchema } from '../../src/contract/data-rights.js';
import { ProblemError } from '../http/reply.js';
import { fieldErrors } from '../http/validation.js';
import { toCsv } from '../lib/csv.js';
import { audit } from '../store/audit.js';
import { exportColumns, listSignupsForExport } from '../store/export.js';
import type { Deps } from './context.js';

/**
 * GET /v1/admin/signups.csv?area=&session=&from=&to=&include=access-needs — signups with personal
 * data, for organisers (behind adminAuth). Access needs only with include=access-needs.
 */
export async function getSignupsCsv(c: Context, { db, now }: Deps, scope: readonly string[] | null = null): Promise<Response> {
  const parsed = ExportQuerySchema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ProblemError(400, 'bad-request', 'Invalid query', {
      detail: 'Check the filters: dates need a full ISO 8601 date-time with an offset ("+" encoded as %2B); include takes access-needs.',
      errors: fieldErrors(parsed.error),
    });
  }
  const columns = exportColumns(parsed.data);
  const rows = await listSignupsForExport(db, parsed.data, scope);
  await audit(db, { actor: 'token:export', action: 'signups.export', detail: { rows: rows.length } }, now());
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
