import type { Context } from 'hono';
import { toCsv } from '../lib/csv.js';
import { EXPORT_COLUMNS, listSignupsForExport } from '../store/export.js';
import type { Deps } from './context.js';

/** GET /v1/admin/signups.csv — every signup with personal data, for organisers (behind adminAuth). */
export async function getSignupsCsv(c: Context, { db, now }: Deps): Promise<Response> {
  const rows = await listSignupsForExport(db);
  const csv = toCsv(
    EXPORT_COLUMNS,
    rows.map((row) => EXPORT_COLUMNS.map((column) => row[column])),
  );
  const day = now().toISOString().slice(0, 10);
  // The BOM makes Excel read UTF-8 (names like Siobhán) correctly.
  return c.body(`\uFEFF${csv}`, 200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="mobilise-signups-${day}.csv"`,
  });
}
