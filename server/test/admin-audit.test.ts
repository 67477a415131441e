/**
 * GET /v1/admin/audit names who did what: `actorName` is the organiser's name, joined when the
 * log is read (the rows keep ids only), absent for actors that are not organisers ('cli',
 * 'token:export', 'anonymous'), and the organiser's current name after a rename.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { AuditPageSchema } from '../../src/contract/admin.js';
import { ACTIONS } from '../../src/elements/admin-console/audit-words.js';
import { audit } from '../store/audit.js';
import { createOrganiser } from '../store/organisers.js';
import { dbTargets, NOW, useApp } from './harness.js';
import { asOrganiser, signIn, type SignedIn } from './organiser-helpers.js';

for (const target of dbTargets()) {
  describe(`admin API: audit log names [${target.name}]`, () => {
    const t = useApp(target, { signInLimit: { windowMs: 60_000, max: 1000 } });
    let admin: SignedIn;
    let bea: SignedIn;
    let adminId = 0;
    let beaId = 0;
    before(async () => {
      adminId = (await createOrganiser(t.db, { email: 'ada@example.org', name: 'Ada Admin', role: 'admin', areas: [] }, NOW)).id;
      beaId = (await createOrganiser(t.db, { email: 'bea@example.org', name: 'Bea Organiser', role: 'organiser', areas: ['Glasgow'] }, NOW)).id;
      admin = await signIn(t.app.url, t.db, 'ada@example.org');
      bea = await signIn(t.app.url, t.db, 'bea@example.org');
      for (const actor of ['cli', 'token:export', 'anonymous']) await audit(t.db, { actor, action: 'test.other' }, NOW);
    });
    const page = async (who: SignedIn) => {
      const res = await asOrganiser(t.app.url, who, 'GET', '/v1/admin/audit?limit=100');
      assert.equal(res.status, 200);
      return AuditPageSchema.parse(await res.json()).entries;
    };

    it('an organiser actor has its name; cli, token and anonymous actors have none', async () => {
      const entries = await page(admin);
      const named = (actor: string) => entries.filter((e) => e.actor === actor).map((e) => e.actorName);
      assert.ok(named(String(adminId)).length > 0 && named(String(adminId)).every((n) => n === 'Ada Admin'));
      assert.ok(named(String(beaId)).length > 0 && named(String(beaId)).every((n) => n === 'Bea Organiser'));
      for (const actor of ['cli', 'token:export', 'anonymous']) {
        const rows = entries.filter((e) => e.actor === actor);
        assert.equal(rows.length, 1, actor);
        assert.ok(!('actorName' in rows[0]!), `${actor} has no name`);
      }
    });

    it('an organiser sees only their own entries, with their name; a rename shows at once (the row holds the id)', async () => {
      const own = await page(bea);
      assert.ok(own.length > 0);
      assert.deepEqual([...new Set(own.map((e) => `${e.actor}:${e.actorName}`))], [`${beaId}:Bea Organiser`]);
      await t.db.query('UPDATE organisers SET name = $1 WHERE id = $2', ['Bea Renamed', beaId]);
      assert.deepEqual([...new Set((await page(bea)).map((e) => e.actorName))], ['Bea Renamed']);
      const stored = await t.db.query<{ detail: Record<string, unknown> }>('SELECT detail FROM audit_log WHERE actor = $1', [String(beaId)]);
      assert.ok(stored.rows.every((r) => !JSON.stringify(r.detail).includes('Bea')), 'no name written to the log');
    });
  });
}

/** Every `action:` the server's code writes (tests aside), literal or computed. */
function writtenActions(): string[] {
  const root = new URL('..', import.meta.url).pathname;
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('test'));
  const found = new Set<string>();
  for (const file of files) {
    for (const [, value] of readFileSync(join(root, file), 'utf8').matchAll(/\baction: ((?:`[^`]*`|[^,}`])+)/g)) {
      for (const [, literal] of value!.matchAll(/'([^']+)'/g)) found.add(literal!);
      // The one computed action (admin-cli.ts's disable/enable); a new one must be added here and in the console's words.
      if (value!.includes('`')) {
        assert.equal(value!.trim(), '`organiser.${command}`', `${file}: a computed audit action the console may not know: ${value}`);
        found.add('organiser.disable').add('organiser.enable');
      }
    }
  }
  return [...found].sort();
}

describe('audit actions in the console', () => {
  it('every action the server writes has words in the organiser console (audit-words.ts)', () => {
    const written = writtenActions();
    assert.ok(written.length >= 20, `found only ${written.join(', ')}`);
    assert.deepEqual(written.filter((a) => !(a in ACTIONS)), [], 'actions written without words in the console');
  });
});
