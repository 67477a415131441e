import type { ExportQuery } from '../../src/contract/data-rights.js';
import type { Queryable } from '../db/types.js';

/** Column order of the admin CSV export; keys are the SQL aliases below. */
export const EXPORT_COLUMNS = [
  'reference',
  'status',
  'position',
  'session_id',
  'module_id',
  'session_start',
  'area',
  'first_name',
  'last_name',
  'email',
  'phone',
  'postcode',
  'membership',
  'clp',
  'access_needs',
  'consent_contact',
  'consent_marketing',
  'consent_at',
  'consent_version',
  'privacy_url',
  'created_at',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Record<ExportColumn, string | number | boolean | Date | null>;

/** Access needs are free text that may be health data (special category): in an export only when the organiser asks. */
export const exportColumns = (query: ExportQuery): readonly ExportColumn[] =>
  query.include === 'access-needs' ? EXPORT_COLUMNS : EXPORT_COLUMNS.filter((c) => c !== 'access_needs');

/**
 * Signups with their session, oldest first, for organisers to work from: the live waiting-list
 * position, and consent_at only once the member confirmed (pending and expired rows have none).
 * Filtered by area (case-insensitive, as the public filter), one session, and the session's start
 * between `from` and `to`. Access needs are read only when asked for.
 */
export async function listSignupsForExport(db: Queryable, query: ExportQuery = {}, scope: readonly string[] | null = null): Promise<ExportRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const filter = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  // The caller's areas (an organiser's, or ADMIN_TOKEN_AREAS); null is every area.
  if (scope !== null) filter((p) => `se.area = ANY(${p})`, [...scope]);
  if (query.area !== undefined) filter((p) => `lower(se.area) = lower(${p})`, query.area);
  if (query.session !== undefined) filter((p) => `s.session_id = ${p}`, query.session);
  if (query.from !== undefined) filter((p) => `se.starts_at >= ${p}`, query.from);
  if (query.to !== undefined) filter((p) => `se.starts_at <= ${p}`, query.to);
  const accessNeeds = query.include === 'access-needs' ? 's.access_needs' : 'NULL';
  const { rows } = await db.query<ExportRow>(
    `SELECT s.reference, s.status,
            CASE WHEN s.hold = 'waitlist' THEN
              (SELECT count(*)::int FROM signups w WHERE w.session_id = s.session_id AND w.hold = 'waitlist' AND w.position <= s.position)
            END AS position,
            s.session_id, se.module_id, se.starts_at AS session_start, se.area,
            s.first_name, s.last_name, s.email, s.phone, s.postcode, s.membership, s.clp, ${accessNeeds} AS access_needs,
            s.consent_contact, s.consent_marketing, s.consent_at, s.consent_version, s.privacy_url, s.created_at
       FROM signups s JOIN sessions se ON se.id = s.session_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY s.created_at, s.id`,
    params,
  );
  return rows;
}
