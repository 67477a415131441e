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

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | boolean | Date | null>;

/**
 * Every signup with its session, oldest first, for organisers to work from: the live waiting-list
 * position, and consent_at only once the member confirmed (pending and expired rows have none).
 */
export async function listSignupsForExport(db: Queryable): Promise<ExportRow[]> {
  const { rows } = await db.query<ExportRow>(
    `SELECT s.reference, s.status,
            CASE WHEN s.hold = 'waitlist' THEN
              (SELECT count(*)::int FROM signups w WHERE w.session_id = s.session_id AND w.hold = 'waitlist' AND w.position <= s.position)
            END AS position,
            s.session_id, se.module_id, se.starts_at AS session_start, se.area,
            s.first_name, s.last_name, s.email, s.phone, s.postcode, s.membership, s.clp, s.access_needs,
            s.consent_contact, s.consent_marketing, s.consent_at, s.consent_version, s.privacy_url, s.created_at
       FROM signups s JOIN sessions se ON se.id = s.session_id
      ORDER BY s.created_at, s.id`,
  );
  return rows;
}
