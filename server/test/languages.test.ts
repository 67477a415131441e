/**
 * Content in several languages (issue 13): the public API answers the asked language's
 * translations and no other, organisers store them, and each member's emails come in the
 * language they signed up in, with English wherever a text is not translated.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModulesResponseSchema, SessionsResponseSchema, type Module } from '../../src/contract/index.js';
import { DEFAULT_MAIL_SETTINGS } from '../mail/settings.js';
import { modules } from '../seed/programme.js';
import { patchModule, listManagedModules } from '../store/admin-modules.js';
import { createManagedSession, patchManagedSession } from '../store/admin-sessions.js';
import { cancelSession } from '../store/session-changes.js';
import { addSession, dbTargets, expectProblem, NOW, postSignup, signup, useApp } from './harness.js';
import { mailTo, postBooking, tokenIn } from './journey.js';

const ctx = () => ({ now: NOW, mail: DEFAULT_MAIL_SETTINGS });
const gdTitle = modules.find((m) => m.id === 'voter-persuasion')!.translations!.gd!.title!;
const cyTitle = modules.find((m) => m.id === 'voter-persuasion')!.translations!.cy!.title!;

async function getModules(url: string, query = ''): Promise<Module[]> {
  const res = await fetch(`${url}/v1/modules${query}`);
  assert.equal(res.status, 200, query);
  return ModulesResponseSchema.parse(await res.json()).modules;
}

for (const target of dbTargets()) {
  describe(`content in several languages [${target.name}]`, () => {
    const t = useApp(target);

    it('GET /v1/modules?locale= answers that language’s translations only; without it, none', async () => {
      const gd = await getModules(t.app.url, '?locale=gd');
      assert.equal(gd.length, modules.length);
      for (const [i, m] of gd.entries()) {
        assert.deepEqual(Object.keys(m.translations ?? {}), ['gd'], m.id);
        assert.deepEqual(m.translations!.gd, modules[i]!.translations!.gd, m.id);
        assert.equal(m.title, modules[i]!.title, 'the English stays, for the fallback');
      }
      const cy = await getModules(t.app.url, '?locale=cy');
      assert.deepEqual(cy.map((m) => Object.keys(m.translations ?? {})), modules.map(() => ['cy']));
      assert.equal(cy[0]!.translations!.cy!.title, cyTitle);
      for (const query of ['', '?locale=en-GB']) assert.ok((await getModules(t.app.url, query)).every((m) => !('translations' in m)), query);
    });

    it('GET /v1/modules refuses a language it does not have (400 naming locale)', async () => {
      for (const locale of ['fr', 'gd-GB', '']) {
        const problem = await expectProblem(await fetch(`${t.app.url}/v1/modules?locale=${locale}`), 400, 'bad-request');
        assert.deepEqual(problem.errors?.map((e) => e.field), ['locale'], locale);
      }
    });

    it('GET /v1/sessions?locale= carries a session’s translated note; an untranslated session has none', async () => {
      const translated = await addSession(t.db, {
        accessibility: 'Step-free entrance.',
        translations: { gd: { accessibility: 'Slighe a-steach gun cheumannan.' }, cy: { accessibility: 'Mynedfa heb risiau.' } },
      });
      const plain = await addSession(t.db, { accessibility: 'Lift to the first floor.' });
      const read = async (query: string) => {
        const res = await fetch(`${t.app.url}/v1/sessions${query}`);
        assert.equal(res.status, 200);
        const all = SessionsResponseSchema.parse(await res.json()).sessions;
        return [all.find((s) => s.id === translated.id)!, all.find((s) => s.id === plain.id)!];
      };
      const [gd, gdPlain] = await read('?locale=gd');
      assert.deepEqual(gd!.translations, { gd: { accessibility: 'Slighe a-steach gun cheumannan.' } });
      assert.equal(gd!.accessibility, 'Step-free entrance.');
      assert.equal(gdPlain!.translations, undefined);
      const [cy] = await read('?locale=cy&area=Scotland-wide');
      assert.deepEqual(cy!.translations, { cy: { accessibility: 'Mynedfa heb risiau.' } });
      const [en] = await read('');
      assert.equal(en!.translations, undefined);
    });

    it('organisers store translations: a module patch and a new or patched session, held to the same rules', async () => {
      const [before] = await listManagedModules(t.db, 'community-organising');
      const patched = await patchModule(t.db, 'community-organising', before!.version, {
        translations: { gd: { title: 'Eagrachadh Coimhearsnachd', description: 'Tuairisgeul.' } },
      });
      assert.ok('module' in patched);
      assert.deepEqual(patched.module.translations, { gd: { title: 'Eagrachadh Coimhearsnachd', description: 'Tuairisgeul.' } }, 'the patch replaces them whole');
      const refused = await patchModule(t.db, 'community-organising', patched.version, { translations: { cy: { title: '' } } });
      assert.ok('kind' in refused && refused.kind === 'invalid');
      assert.deepEqual(refused.errors.map((e) => e.field), ['translations.cy.title']);
      const served = (await getModules(t.app.url, '?locale=gd')).find((m) => m.id === 'community-organising')!;
      assert.equal(served.translations?.gd?.description, 'Tuairisgeul.');

      const created = await createManagedSession(t.db, {
        moduleId: 'voter-persuasion',
        start: '2027-01-14T18:30:00Z',
        end: '2027-01-14T20:30:00Z',
        delivery: 'online',
        area: 'Glasgow',
        capacity: 10,
        waitlist: true,
        accessibility: 'Captions on.',
        translations: { cy: { accessibility: 'Isdeitlau ymlaen.' } },
      });
      assert.equal(created.kind, 'created');
      if (created.kind !== 'created') return;
      assert.deepEqual(created.session.session.translations, { cy: { accessibility: 'Isdeitlau ymlaen.' } });
      const cleared = await patchManagedSession(t.db, created.session.session.id, created.session.version, { translations: null }, null, ctx());
      assert.equal(cleared.kind, 'updated');
      if (cleared.kind === 'updated') assert.equal(cleared.session.session.translations, undefined);
    });

    it('a member who signs up on a Gaelic page gets every email in Gaelic, with the Gaelic title and dates', async () => {
      const session = await addSession(t.db, {
        accessibility: 'Captions throughout.',
        translations: { gd: { accessibility: 'Fo-thiotalan fad na h-ùine.' } },
      });
      const body = signup(session.id, { locale: 'gd-GB', firstName: 'Mòrag' });
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      const { rows } = await t.db.query<{ locale: string }>('SELECT locale FROM signups WHERE session_id = $1', [session.id]);
      assert.deepEqual(rows, [{ locale: 'gd' }], 'stored as the language the server writes');

      const confirm = await mailTo(t.db, body.email, 'confirm-place');
      assert.equal(confirm.subject, `Dearbh d’ àite: ${gdTitle}`);
      assert.match(confirm.text_body!, /^Dearbh d’ àite\n\nHalò Mòrag,\n\nTha sinn a’ glèidheadh àite dhut\. Dearbh e ro /m);
      // Thursday 3 December 2026, 18:30–20:30 UK time, in Gaelic through Intl.
      assert.match(confirm.text_body!, /Cuin: DiarDaoin, 3mh dhen Dùbhlachd 2026 aig 18:30 gu 20:30 \(àm na RA\)/);
      assert.match(confirm.text_body!, /Ruigsinneachd: Fo-thiotalan fad na h-ùine\./);
      assert.match(confirm.text_body!, /Air loidhne: cuiridh an luchd-eagrachaidh/);
      assert.match(confirm.html_body!, /^<!doctype html><html lang="gd">/);
      assert.match(confirm.html_body!, />Dearbh an t-àite agam</);
      assert.doesNotMatch(confirm.text_body!, /Confirm|Hello|UK time/);

      const confirmed = await postBooking(t.app.url, 'confirm', tokenIn(confirm.text_body, 'confirm'));
      assert.equal(confirmed.status, 200);
      const booked = await mailTo(t.db, body.email, 'confirmed');
      assert.equal(booked.subject, `Tha àite agad: ${gdTitle}`);
      assert.match(booked.text_body!, /Cuiridh am faidhle mìosachain ceangailte/);
      // The attached calendar file names the training as the email does.
      const ics = booked.ics!.replace(/\r\n[ \t]/g, '');
      assert.match(ics, new RegExp(`^SUMMARY:${gdTitle}\r$`, 'm'));
      assert.match(ics, /Fo-thiotalan fad na h-ùine\./);

      await cancelSession(t.db, session.id, { ...ctx(), note: 'Sorry, the trainer is ill.' });
      const cancelled = await mailTo(t.db, body.email, 'session-cancelled');
      assert.equal(cancelled.subject, `Seisean air a chur dheth leis an luchd-eagrachaidh: ${gdTitle}`);
      assert.match(cancelled.text_body!, /Sorry, the trainer is ill\./, 'the organiser’s note as they wrote it');
    });

    it('Welsh emails, with English for what is not translated: title and note per field', async () => {
      // community-organising has translations in the seed; a module without them shows its English title.
      const untranslated = await addSession(t.db, { moduleId: 'building-your-clp', accessibility: 'Hearing loop.' });
      await t.db.query(`UPDATE modules SET translations = '{"gd": {"title": "A’ togail a’ CLP agad"}}' WHERE id = 'building-your-clp'`);
      const body = signup(untranslated.id, { locale: 'cy' });
      assert.equal((await postSignup(t.app.url, body)).status, 202);
      const mail = await mailTo(t.db, body.email, 'confirm-place');
      assert.equal(mail.subject, 'Cadarnhewch eich lle: Building your CLP', 'no Welsh title: the English one');
      assert.match(mail.text_body!, /Helo Morven,/);
      assert.match(mail.text_body!, /Pryd: Dydd Iau, 3 Rhagfyr 2026 am 18:30 i 20:30 \(amser y DU\)/);
      assert.match(mail.text_body!, /Hygyrchedd: Hearing loop\./, 'no Welsh note: the English one');
      assert.match(mail.html_body!, /<html lang="cy">/);
      assert.match(mail.text_body!, /Hysbysiad preifatrwydd|Anfonodd The training organisers yr e-bost hwn atoch/);
    });

    it('a page in another language, or none, gets English emails as before', async () => {
      const session = await addSession(t.db);
      for (const locale of [undefined, 'en-GB', 'fr-FR', 'not a tag']) {
        const body = signup(session.id, locale ? { locale } : {});
        assert.equal((await postSignup(t.app.url, body)).status, 202, locale);
        const mail = await mailTo(t.db, body.email, 'confirm-place');
        assert.equal(mail.subject, 'Confirm your place: Voter Persuasion', locale);
        assert.match(mail.text_body!, /When: Thursday, 3 December 2026 at 6:30 pm to 8:30 pm \(UK time\)/);
        // Noon is 12:00 pm (en-GB's default h11 clock wrote 0:00 pm).
        assert.match(mail.text_body!, /Confirm it by Friday, 27 November 2026 at 12:00 pm \(UK time\)/);
        assert.match(mail.html_body!, /<html lang="en-GB">/);
      }
      const problem = await expectProblem(await postSignup(t.app.url, signup(session.id, { locale: 'x'.repeat(36) })), 422, 'validation');
      assert.deepEqual(problem.errors?.map((e) => e.field), ['locale']);
    });
  });
}
