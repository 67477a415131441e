import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDb } from '../db/open.js';

const CLI = new URL('../admin-cli.ts', import.meta.url).pathname;

/** `npm run admin -- …` as a child process on its own PGlite folder (no DATABASE_URL: the folder is what it opens). */
function admin(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

describe('npm run admin (CLI)', () => {
  let root: string;
  let dir: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'mobilise-admin-cli-'));
    dir = join(root, 'pglite');
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('creates, scopes, lists, disables and enables accounts, audited as cli', async () => {
    const steps = [
      ['create-admin', 'Ada@Example.org', 'Ada', 'Admin'],
      ['add-organiser', 'gus@example.org', 'Gus', '--areas', ' Glasgow,Edinburgh ,Glasgow'],
      ['set-areas', 'GUS@example.org', 'Fife'],
      ['disable', 'gus@example.org'],
    ];
    for (const step of steps) {
      const r = await admin(dir, ...step);
      assert.equal(r.code, 0, `${step.join(' ')}: ${r.err}`);
    }
    const list = await admin(dir, 'list');
    assert.equal(list.code, 0, list.err);
    assert.deepEqual(list.out.trim().split('\n'), ['1\tadmin\tAda@Example.org\tAda Admin\tall areas', '2\torganiser\tgus@example.org\tGus\tFife\tdisabled']);
    assert.equal((await admin(dir, 'enable', 'gus@example.org')).code, 0);

    const db = await openDb({ dataDir: dir });
    try {
      const { rows } = await db.query<{ actor: string; action: string; target: string; detail: Record<string, unknown> }>(
        'SELECT actor, action, target, detail FROM audit_log ORDER BY id',
      );
      assert.deepEqual(
        rows.map((r) => [r.actor, r.action, r.target]),
        [
          ['cli', 'organiser.create', '1'],
          ['cli', 'organiser.create', '2'],
          ['cli', 'organiser.set-areas', '2'],
          ['cli', 'organiser.disable', '2'],
          ['cli', 'organiser.enable', '2'],
        ],
      );
      assert.deepEqual(rows[1]!.detail, { role: 'organiser', areas: ['Edinburgh', 'Glasgow'] });
      assert.ok(!JSON.stringify(rows).includes('@'), 'no addresses in the audit log');
      const { rows: accounts } = await db.query<{ disabled_at: unknown }>('SELECT disabled_at FROM organisers WHERE id = 2');
      assert.equal(accounts[0]!.disabled_at, null, 'enabled again');
    } finally {
      await db.close();
    }
  });

  it('refuses bad input with a clear message and exit code 1', async () => {
    const cases: [string[], RegExp][] = [
      [['create-admin', 'ada@example.org', 'Again'], /already exists/],
      [['add-organiser', 'new@example.org', 'New'], /needs --areas/],
      [['add-organiser', 'new@example.org', 'New', '--areas', ' , '], /at least one area/],
      [['create-admin', 'not-an-address', 'X'], /Not an email address/],
      [['set-areas', 'ada@example.org', 'Fife'], /An admin sees every area/],
      [['disable', 'nobody@example.org'], /No account has the address/],
      [['frobnicate'], /Unknown command: frobnicate[\s\S]*Usage: npm run admin/],
    ];
    for (const [args, message] of cases) {
      const r = await admin(dir, ...args);
      assert.equal(r.code, 1, `${args.join(' ')} exits 1`);
      assert.match(r.err, message, args.join(' '));
    }
  });
});
