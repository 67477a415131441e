import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './types.js';

export interface PgliteOptions {
  /** Persist here; in memory when undefined. */
  dataDir?: string;
  /** Start from a dumped data directory (tests use one to skip initdb, the slow part of startup). */
  loadDataDir?: Blob;
}

/**
 * Embedded Postgres (WASM). PGlite has one connection and runs transactions one
 * at a time, which keeps the same SQL correct under concurrent requests.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<Db> {
  const pg = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const wrap = (target: PGlite | Transaction): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await target.query<R>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  });
  return {
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
