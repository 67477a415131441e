import type { AdminRole, Organiser } from '../../src/contract/admin.js';
import { isUniqueViolation, type Queryable } from '../db/types.js';

/** An account as stored; `email` never leaves the server except in the sign-in email and the CLI's list. */
export interface OrganiserRow extends Organiser {
  email: string;
  disabledAt: Date | null;
}

export class OrganiserError extends Error {}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Area names as sessions spell them ('Glasgow', 'Scotland-wide'): letters, digits, spaces and - ' . & */
const AREA = /^[\p{L}\p{N}][\p{L}\p{N} '.&-]{0,79}$/u;

export function checkEmail(email: string): string {
  const e = email.trim();
  if (e.length > 254 || !EMAIL.test(e)) throw new OrganiserError(`Not an email address: give one like name@example.org`);
  return e;
}

export function checkName(name: string): string {
  const n = name.trim();
  if (n.length < 1 || n.length > 100 || /[\r\n]/.test(n)) throw new OrganiserError('A name wants 1 to 100 characters on one line');
  return n;
}

/** 'Glasgow, Edinburgh' → ['Edinburgh', 'Glasgow']: trimmed, de-duplicated, sorted; at least one. */
export function parseAreas(list: string): string[] {
  const areas = [...new Set(list.split(',').map((a) => a.trim()).filter(Boolean))].sort();
  if (areas.length === 0) throw new OrganiserError('An organiser needs at least one area, like --areas Glasgow,Edinburgh');
  const bad = areas.find((a) => !AREA.test(a));
  if (bad !== undefined) throw new OrganiserError(`Not an area name: "${bad}" (letters, digits, spaces and - ' . & only, up to 80)`);
  return areas;
}

const COLUMNS = 'id, email, name, role, areas, disabled_at';
type Row = { id: number; email: string; name: string; role: AdminRole; areas: string[]; disabled_at: Date | string | null };
const fromRow = (r: Row): OrganiserRow => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  areas: r.areas,
  disabledAt: r.disabled_at === null ? null : new Date(r.disabled_at),
});

export async function createOrganiser(
  tx: Queryable,
  input: { email: string; name: string; role: AdminRole; areas: string[] },
  now: Date,
): Promise<OrganiserRow> {
  try {
    const { rows } = await tx.query<Row>(
      `INSERT INTO organisers (email, name, role, areas, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [checkEmail(input.email), checkName(input.name), input.role, input.role === 'admin' ? [] : input.areas, now],
    );
    return fromRow(rows[0]!);
  } catch (error) {
    if (isUniqueViolation(error)) throw new OrganiserError('An account with that email address already exists');
    throw error;
  }
}

export async function findOrganiserByEmail(tx: Queryable, email: string): Promise<OrganiserRow | undefined> {
  const { rows } = await tx.query<Row>(`SELECT ${COLUMNS} FROM organisers WHERE lower(email) = lower($1)`, [email.trim()]);
  return rows[0] && fromRow(rows[0]);
}

export async function listOrganisers(tx: Queryable): Promise<OrganiserRow[]> {
  const { rows } = await tx.query<Row>(`SELECT ${COLUMNS} FROM organisers ORDER BY id`);
  return rows.map(fromRow);
}

/** Disabling also deletes the account's sessions; requireOrganiser checks disabled_at on every request besides. */
export async function setDisabled(tx: Queryable, id: number, disabled: boolean, now: Date): Promise<void> {
  await tx.query('UPDATE organisers SET disabled_at = $2 WHERE id = $1', [id, disabled ? now : null]);
  if (disabled) await tx.query('DELETE FROM organiser_sessions WHERE organiser_id = $1', [id]);
}

export async function setAreas(tx: Queryable, organiser: OrganiserRow, areas: string[]): Promise<void> {
  if (organiser.role === 'admin') throw new OrganiserError('An admin sees every area: areas are for organisers');
  await tx.query('UPDATE organisers SET areas = $2 WHERE id = $1', [organiser.id, areas]);
}

/** The API's view: no email, no dates. */
export const publicOrganiser = ({ id, name, role, areas }: OrganiserRow): Organiser => ({ id, name, role, areas });
