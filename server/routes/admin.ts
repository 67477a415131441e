import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ProblemError, type Reply } from '../http/reply.js';
import { toCsv } from '../lib/csv.js';
import { EXPORT_COLUMNS, listSignupsForExport } from '../store/export.js';
import type { Deps } from './context.js';

/** Compares digests, so neither the content nor the length of the token leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function assertAdmin(req: IncomingMessage, token: string | undefined): void {
  // No token configured: the export does not exist.
  if (!token) throw new ProblemError(404, 'not-found', 'Not found');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match || !sameToken(match[1]!, token)) {
    throw new ProblemError(401, 'forbidden', 'Admin token required', {}, { 'WWW-Authenticate': 'Bearer realm="mobilise-admin"' });
  }
}

/** GET /v1/admin/signups.csv — every signup with personal data, for organisers. */
export async function getSignupsCsv({ db, now, adminToken }: Deps, req: IncomingMessage): Promise<Reply> {
  assertAdmin(req, adminToken);
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
