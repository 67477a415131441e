import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDb } from '../db/open.js';

/** Every path under `dir` (itself included) whose mode gives the group or others any access. */
async function exposed(dir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (path: string) => {
    const info = await stat(path);
    if (info.mode & 0o077) found.push(`${(info.mode & 0o777).toString(8)} ${path}`);
    if (info.isDirectory()) for (const entry of await readdir(path)) await visit(join(path, entry));
  };
  await visit(dir);
  return found;
}

describe('PGlite data folder', () => {
  let root: string;
  let umask: number;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'mobilise-pglite-dir-'));
    // The most permissive umask there is: nothing may depend on the user's.
    umask = process.umask(0);
  });
  after(async () => {
    process.umask(umask);
    await rm(root, { recursive: true, force: true });
  });

  it('is created 0700 with files 0600 whatever the umask (the WAL holds members’ emails)', async () => {
    const dir = join(root, 'fresh', 'pglite');
    const db = await openDb({ dataDir: dir });
    await db.query("CREATE TABLE t AS SELECT 'someone@example.org' AS email");
    await db.close();
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
    assert.deepEqual(await exposed(dir), []);
  });

  it('refuses to start on an existing folder others can read, naming it and the chmod that fixes it', async () => {
    const dir = join(root, 'shared');
    await mkdir(dir);
    await chmod(dir, 0o755);
    await assert.rejects(openDb({ dataDir: dir }), (error: Error) => {
      assert.ok(error.message.includes(dir), error.message);
      assert.ok(error.message.includes(`chmod -R go-rwx ${dir}`), error.message);
      return true;
    });
    await chmod(dir, 0o700);
    const db = await openDb({ dataDir: dir });
    await db.close();
  });
});
