import { PGlite, type Transaction } from '@electric-sql/pglite';
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
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
  if (options.dataDir) await securePrivateDir(options.dataDir);
  const pg = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // PGlite writes a new cluster's files with an explicit chmod 0666, past the umask: take them back.
  if (options.dataDir) await makePrivate(options.dataDir);
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

/** Thrown at start-up when the data folder is open to other users; the message says what to run. */
export class UnsafeDataDirError extends Error {}

/**
 * The data folder holds members' personal data (the WAL too), so only this user may
 * enter it: created 0700, and an existing one that the group or others can reach is
 * refused. The process umask is tightened as well: PGlite creates files 0666 and
 * folders 0777 minus the umask for as long as it runs (WAL segments, new tables).
 */
async function securePrivateDir(dir: string): Promise<void> {
  process.umask(process.umask() | 0o077);
  const existing = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!existing) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    return;
  }
  if (existing.mode & 0o077) {
    const mode = (existing.mode & 0o777).toString(8).padStart(3, '0');
    throw new UnsafeDataDirError(
      `The PGlite data folder ${dir} is open to other users (mode ${mode}) and holds members' personal data. ` +
        `Run: chmod -R go-rwx ${dir}`,
    );
  }
}

/** Folders 0700 and files 0600, all the way down. */
async function makePrivate(path: string): Promise<void> {
  const entries = await readdir(path, { withFileTypes: true });
  await chmod(path, 0o700);
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await makePrivate(child);
    else await chmod(child, 0o600);
  }
}
