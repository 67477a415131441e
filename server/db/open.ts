import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Db } from './types.js';

export interface OpenDbOptions {
  /** PostgreSQL when set; otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite directory; in memory when undefined. */
  dataDir?: string;
  /** PostgreSQL schema to use (created if missing). */
  schema?: string;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  let db: Db;
  if (options.databaseUrl) {
    if (options.schema) {
      // Goes into a connection option and DDL unquoted, so only plain identifiers are accepted.
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) throw new Error(`Invalid schema name: ${options.schema}`);
      const admin = openPostgres({ connectionString: options.databaseUrl, max: 1 });
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`).finally(() => admin.close());
    }
    db = openPostgres({ connectionString: options.databaseUrl, ...(options.schema ? { schema: options.schema } : {}) });
  } else {
    db = await openPglite({ dataDir: options.dataDir });
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
