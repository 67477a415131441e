import { ModuleSchema, type FieldError, type Module } from '../../src/contract/index.js';
import type { ModulePatch } from '../../src/contract/admin.js';
import { isUniqueViolation, type Db, type Queryable } from '../db/types.js';
import { insertModule } from './catalogue.js';
import { invalidateReads } from './read-cache.js';
import { MODULE_COLUMNS, moduleFromRow, type ModuleRow } from './rows.js';

/** The programme's modules as admins edit them (programme-wide: no areas), with their versions. */
export type ManagedModule = { module: Module; version: number };

export async function listManagedModules(db: Queryable, id?: string): Promise<ManagedModule[]> {
  const { rows } = await db.query<ModuleRow & { version: number }>(
    `SELECT ${MODULE_COLUMNS}, version FROM modules WHERE ($1::text IS NULL OR id = $1) ORDER BY sort_order, id`,
    [id ?? null],
  );
  return rows.map((row) => ({ module: moduleFromRow(row), version: row.version }));
}

/** Appended to the programme's order. */
export async function createModule(db: Db, module: Module): Promise<ManagedModule | 'exists'> {
  try {
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ next: number }>('SELECT coalesce(max(sort_order), 0)::int + 1 AS next FROM modules');
      await insertModule(tx, module, rows[0]!.next);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'exists';
    throw error;
  }
  invalidateReads(db);
  return (await listManagedModules(db, module.id))[0]!;
}

export type ModulePatchOutcome = ManagedModule | { kind: 'not-found' } | { kind: 'conflict'; version: number } | { kind: 'invalid'; errors: FieldError[] };

/** Under the row lock, refused when `version` moved since the caller read it. */
export async function patchModule(db: Db, id: string, version: number, patch: ModulePatch): Promise<ModulePatchOutcome> {
  const outcome = await db.transaction(async (tx): Promise<ModulePatchOutcome> => {
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM modules WHERE id = $1 FOR UPDATE', [id]);
    if (!rows[0]) return { kind: 'not-found' };
    if (rows[0].version !== version) return { kind: 'conflict', version: rows[0].version };
    const current = (await listManagedModules(tx, id))[0]!.module;
    const checked = ModuleSchema.safeParse({ ...current, ...patch });
    if (!checked.success) return { kind: 'invalid', errors: checked.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) };
    const m = checked.data;
    await tx.query(
      `UPDATE modules SET title = $2, summary = $3, description = $4, strand = $5, series = $6, part = $7, prerequisites = $8,
              audience = $9, duration_minutes = $10, tools = $11, translations = $12, before_you_come = $13, after_session = $14,
              version = version + 1 WHERE id = $1`,
      [id, m.title, m.summary, m.description, m.strand, m.series ?? null, m.part ?? null, m.prerequisites, m.audience, m.durationMinutes, m.tools,
        JSON.stringify(m.translations ?? {}), m.beforeYouCome, m.afterSession ?? null],
    );
    return (await listManagedModules(tx, id))[0]!;
  });
  if ('module' in outcome) invalidateReads(db);
  return outcome;
}
