/**
 * The storage seam. Two implementations (PGlite and PostgreSQL via pg) run the
 * same SQL, so everything above this interface is written once.
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted (or returned, for SELECT). */
  rowCount: number;
}

export interface QueryOptions {
  /**
   * PostgreSQL keeps the statement, parsed and planned, under this name on each connection, for
   * statements run very often (a signup's). One name, one SQL text. PGlite ignores it.
   */
  prepare?: string;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<R>>;
}

export interface Db extends Queryable {
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** SQLSTATE 23505: a unique constraint rejected the row. */
export const UNIQUE_VIOLATION = '23505';

/** Whether `error` is that (both drivers expose `code`). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}
