import pg from 'pg';
import type { Db, Queryable, QueryOptions, QueryResult } from './types.js';

export interface PostgresOptions {
  connectionString: string;
  /** Puts every connection on this schema (tests use a fresh one each run). */
  schema?: string;
  max?: number;
}

/** Real PostgreSQL through a pg.Pool; each transaction holds one client from the pool. */
export function openPostgres(options: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(sql: string, params: readonly unknown[] = [], options?: QueryOptions): Promise<QueryResult<R>> {
      const values = [...params];
      const result = await (options?.prepare ? target.query({ name: options.prepare, text: sql, values }) : target.query(sql, values));
      return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
    },
  });
  return {
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A client that cannot even roll back is discarded rather than reused.
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
