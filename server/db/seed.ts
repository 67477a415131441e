import type { Module, Session } from '../../src/contract/index.js';
import { seedJoining } from '../seed/joining.js';
import { insertModule, insertSession } from '../store/catalogue.js';
import { setJoining } from '../store/joining.js';
import type { Db } from './types.js';

/** Loads the catalogue into an empty database; a database with modules is left untouched. */
export async function seedIfEmpty(db: Db, modules: Module[], sessions: Session[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(8787002)');
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM modules');
    if ((rows[0]?.n ?? 0) > 0) return false;
    for (const [i, module] of modules.entries()) await insertModule(tx, module, i);
    for (const session of sessions) {
      await insertSession(tx, session);
      const joining = seedJoining(session);
      if (joining) await setJoining(tx, session.id, joining);
    }
    return true;
  });
}
