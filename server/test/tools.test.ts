/**
 * Tools as data (issue 14): a module's tools come from the contract's fixed list by their proper
 * names, and each module's "before you come" checklist and "after the session" step reach the
 * member's confirmation and reminder, in the language they signed up in.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModulesResponseSchema, TOOLS } from '../../src/contract/index.js';
import { MIGRATIONS } from '../db/migrations.js';
import { listManagedModules, patchModule } from '../store/admin-modules.js';
import { modules } from '../seed/programme.js';
import { addSession, dbTargets, postSignup, signup, useApp } from './harness.js';
import { mailTo, postBooking, tokenIn } from './journey.js';

for (const target of dbTargets()) {
  describe(`tools, checklists and next steps [${target.name}]`, () => {
    const t = useApp(target);

    it('the API answers each module’s tools by proper name, its checklist and its next step', async () => {
      const res = await fetch(`${t.app.url}/v1/modules`);
      const answered = ModulesResponseSchema.parse(await res.json()).modules;
      const targeting = answered.find((m) => m.id === 'targeting-and-analysis')!;
      assert.deepEqual(targeting.tools, ['Contact Creator', 'Mosaic', 'Insight']);
      assert.ok(targeting.beforeYouCome.some((line) => /laptop/.test(line)));
      assert.match(targeting.afterSession ?? '', /selection/);
      assert.deepEqual(new Set(answered.flatMap((m) => m.tools)), new Set(TOOLS), 'every tool the programme names is taught');
    });

    it('an organiser can only name tools from the list, spelt as the list spells them', async () => {
      const [before] = await listManagedModules(t.db, 'digital-organising');
      for (const tools of [['mosaic'], ['Facebook'], ['Insight', 'Excel']]) {
        const refused = await patchModule(t.db, 'digital-organising', before!.version, { tools } as never);
        assert.ok('kind' in refused && refused.kind === 'invalid', tools.join());
        assert.match(refused.errors.map((e) => e.field).join(), /^tools\.\d$/);
      }
      const saved = await patchModule(t.db, 'digital-organising', before!.version, { tools: ['Dialogue', 'Organise', 'Insight'], beforeYouCome: ['Bring a laptop'] });
      assert.ok('module' in saved);
      assert.deepEqual(saved.module.tools, ['Dialogue', 'Organise', 'Insight']);
      assert.deepEqual(saved.module.beforeYouCome, ['Bring a laptop']);
    });

    it('free-text tools from before the list become the list’s names, and others are dropped', async () => {
      await t.db.query(`UPDATE modules SET tools = ARRAY['mosaic', 'Facebook', 'insight', 'Contact Creator'] WHERE id = 'message-print'`);
      const statements = MIGRATIONS.find((m) => m.version === 11)!.statements;
      for (const sql of statements) await t.db.query(sql);
      const { rows } = await t.db.query<{ tools: string[] }>(`SELECT tools FROM modules WHERE id = 'message-print'`);
      assert.deepEqual(rows[0]!.tools, ['Mosaic', 'Insight', 'Contact Creator']);
    });

    it('the confirmation and the reminder carry the checklist and next step, in the member’s language', async () => {
      const fieldOne = modules.find((m) => m.id === 'field-organising-1')!;
      const session = await addSession(t.db, { moduleId: fieldOne.id });
      const [before] = await listManagedModules(t.db, fieldOne.id);
      const welsh = { beforeYouCome: ['Gofynnwch i’ch CLP am fynediad i Contact Creator'], afterSession: 'Trefnwch sesiwn ganfasio.' };
      const patched = await patchModule(t.db, fieldOne.id, before!.version, { translations: { ...fieldOne.translations, cy: { ...fieldOne.translations!.cy, ...welsh } } });
      assert.ok('module' in patched);
      for (const [who, locale] of [['ailsa', 'en-GB'], ['bryn', 'cy'], ['catriona', 'gd']] as const) {
        const body = signup(session.id, { email: `${who}@example.org`, firstName: who, locale });
        assert.equal((await postSignup(t.app.url, body)).status, 202);
        const confirm = await mailTo(t.db, body.email, 'confirm-place');
        assert.doesNotMatch(confirm.text_body ?? '', /Before you come|Cyn i chi ddod/, 'not before the place is confirmed');
        assert.equal((await postBooking(t.app.url, 'confirm', tokenIn(confirm.text_body, 'confirm'))).status, 200);
        for (const kind of ['confirmed', 'reminder'] as const) {
          const mail = await mailTo(t.db, body.email, kind);
          const text = mail.text_body ?? '';
          if (locale === 'cy') {
            assert.match(text, /Cyn i chi ddod\n• Gofynnwch i’ch CLP am fynediad i Contact Creator/, kind);
            assert.match(text, /Ar ôl y sesiwn\nTrefnwch sesiwn ganfasio\./, kind);
          } else {
            // English, and Gaelic with the English checklist where it is not translated.
            assert.match(text, new RegExp(`${locale === 'gd' ? 'Mus tig thu' : 'Before you come'}\\n• Ask your CLP secretary for Contact Creator access`), kind);
            assert.match(text, /• Bring a charged phone/, kind);
            assert.match(text, new RegExp(`${locale === 'gd' ? 'Às dèidh an t-seisein' : 'After the session'}\\nPlan a canvassing session`), kind);
            assert.match(mail.html_body ?? '', /<h2[^>]*>(Before you come|Mus tig thu)<\/h2>/, kind);
          }
        }
      }
    });
  });
}
