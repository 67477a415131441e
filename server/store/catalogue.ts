import type { AccessFeature, Module, Session, SessionQuery } from '../../src/contract/index.js';
import type { Queryable } from '../db/types.js';
import { invalidateReads, readCache } from './read-cache.js';
import { accessColumn, MODULE_COLUMNS, SESSION_COLUMNS, moduleFromRow, sessionFromRow, type ModuleRow, type SessionRow } from './rows.js';

/**
 * Reads and writes of modules and sessions (the public catalogue). The public
 * routes read through the shared cache (cached*); writes here clear it.
 */

export async function listModules(db: Queryable): Promise<Module[]> {
  const { rows } = await db.query<ModuleRow>(`SELECT ${MODULE_COLUMNS} FROM modules ORDER BY sort_order, id`);
  return rows.map(moduleFromRow);
}

export async function getModule(db: Queryable, id: string): Promise<Module | undefined> {
  const { rows } = await db.query<ModuleRow>(`SELECT ${MODULE_COLUMNS} FROM modules WHERE id = $1`, [id]);
  return rows[0] && moduleFromRow(rows[0]);
}

/**
 * Published sessions only. Every filter is optional: a NULL parameter switches its condition off. `from`/`to` bound
 * the start time; `access` keeps the sessions offering every feature it names (the GIN index answers `@>`).
 */
export async function listSessions(db: Queryable, query: SessionQuery = {}): Promise<Session[]> {
  return selectSessions(db, sessionParams(query));
}

/** The query's SQL parameters: also its cache key, so two spellings that select the same rows share one entry. */
const sessionParams = (query: SessionQuery) =>
  [query.module ?? null, query.from ?? null, query.to ?? null, query.area?.trim() || null, query.delivery ?? null, accessQuery(query.access)] as const;

/** `access=hearing-loop,step-free` in the stored order (any order or repeat shares a cache entry); null for no filter. */
const accessQuery = (access: string | undefined) => (access ? accessColumn(access.split(',') as AccessFeature[]) : null);

async function selectSessions(db: Queryable, params: ReturnType<typeof sessionParams>): Promise<Session[]> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${SESSION_COLUMNS} FROM sessions
     WHERE published
       AND ($1::text IS NULL OR module_id = $1)
       AND ($2::timestamptz IS NULL OR starts_at >= $2)
       AND ($3::timestamptz IS NULL OR starts_at <= $3)
       AND ($4::text IS NULL OR lower(area) = lower($4))
       AND ($5::text IS NULL OR delivery = $5)
       AND ($6::text[] IS NULL OR access_features @> $6)
     ORDER BY starts_at, id`,
    params,
  );
  return rows.map(sessionFromRow);
}

/** A published session (members never see an unpublished one). */
export async function getSession(db: Queryable, id: string): Promise<Session | undefined> {
  const { rows } = await db.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1 AND published`, [id]);
  return rows[0] && sessionFromRow(rows[0]);
}

export const cachedModules = (db: Queryable): Promise<Module[]> => readCache(db).get('modules', () => listModules(db));

export function cachedSessions(db: Queryable, query: SessionQuery): Promise<Session[]> {
  const params = sessionParams(query);
  return readCache(db).get(`sessions ${JSON.stringify(params)}`, () => selectSessions(db, params));
}

/** A session and its module (for its calendar file), or undefined if either is missing. */
export function cachedSessionWithModule(db: Queryable, id: string): Promise<{ session: Session; module: Module } | undefined> {
  return readCache(db).get(`session ${id}`, async () => {
    const session = await getSession(db, id);
    const module = session && (await getModule(db, session.moduleId));
    return session && module && { session, module };
  });
}

export async function insertModule(db: Queryable, module: Module, sortOrder: number): Promise<void> {
  await db.query(
    `INSERT INTO modules (sort_order, ${MODULE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      sortOrder,
      module.id,
      module.title,
      module.summary,
      module.description,
      module.strand,
      module.series ?? null,
      module.part ?? null,
      module.prerequisites,
      module.audience,
      module.durationMinutes,
      module.tools,
      JSON.stringify(module.translations ?? {}),
      module.beforeYouCome,
      module.afterSession ?? null,
    ],
  );
  invalidateReads(db);
}

export async function insertSession(db: Queryable, session: Session): Promise<void> {
  await db.query(
    `INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      session.id,
      session.moduleId,
      session.start,
      session.end,
      session.delivery,
      session.venue?.name ?? null,
      session.venue?.address ?? null,
      session.venue?.postcode ?? null,
      session.area,
      session.capacity,
      session.spacesLeft,
      session.status,
      session.waitlist,
      session.trainer ?? null,
      session.signupDeadline ?? null,
      session.accessibility ?? null,
      JSON.stringify(session.translations ?? {}),
      accessColumn(session.accessFeatures),
    ],
  );
  invalidateReads(db);
}
