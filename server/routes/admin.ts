import type { Reply } from '../http/reply.js';
import { toCsv } from '../lib/csv.js';
import { EXPORT_COLUMNS, listSignupsForExport } from '../store/export.js';
import type { Deps } from './context.js';

/** GET /v1/admin/signups.csv — every signup with personal data, for organisers (app.ts checks the admin token first). */
export async function getSignupsCsv({ db, now }: Deps): Promise<Reply> {
  const rows = await listSignupsForExport(db);
  const csv = toCsv(
    EXPORT_COLUMNS,
    rows.map((row) => EXPORT_COLUMNS.map((column) => row[column])),
  );
  const day = now().toISOString().slice(0, 10);
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="mobilise-signups-${day}.csv"`,
    },
    // The BOM makes Excel read UTF-8 (names like Siobhán) correctly.
    body: `\uFEFF${csv}`,
  };
}
