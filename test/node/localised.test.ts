/**
 * Content in several languages: the pure helper elements and emails read translated
 * text through, the contract's rules on translations, the seed's Gaelic and Welsh, and
 * what the client asks for.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MobiliseClient } from '../../src/client/index.js';
import { ModuleSchema, SessionSchema, localised, translatedLocale, type Module } from '../../src/contract/index.js';
import { modules } from '../../server/seed/modules.js';

const base: Module = {
  id: 'voter-persuasion',
  title: 'Voter Persuasion',
  summary: 'Why it matters.',
  description: 'Long text.',
  strand: 'field',
  prerequisites: [],
  audience: [],
  durationMinutes: 120,
  beforeYouCome: [],
  tools: [],
  translations: { gd: { title: 'Ìmpidh air Luchd-bhòtaidh' }, cy: { title: 'Perswadio Pleidleiswyr', summary: 'Pam mae’n bwysig.' } },
};

test('a translated field comes in the page’s language, with that language', () => {
  assert.deepEqual(localised(base, 'title', 'gd'), { text: 'Ìmpidh air Luchd-bhòtaidh', lang: 'gd' });
  assert.deepEqual(localised(base, 'summary', 'cy'), { text: 'Pam mae’n bwysig.', lang: 'cy' });
  // Region and case do not matter: the language does.
  assert.deepEqual(localised(base, 'title', 'cy-GB'), { text: 'Perswadio Pleidleiswyr', lang: 'cy' });
  assert.deepEqual(localised(base, 'title', 'GD-gb'), { text: 'Ìmpidh air Luchd-bhòtaidh', lang: 'gd' });
});

test('English per field: a missing or empty translation falls back, and says it is English', () => {
  assert.deepEqual(localised(base, 'summary', 'gd'), { text: 'Why it matters.', lang: 'en-GB' });
  assert.deepEqual(localised(base, 'description', 'cy'), { text: 'Long text.', lang: 'en-GB' });
  assert.deepEqual(localised({ ...base, translations: { gd: { title: '' } } }, 'title', 'gd'), { text: 'Voter Persuasion', lang: 'en-GB' });
  assert.deepEqual(localised({ ...base, translations: undefined }, 'title', 'gd'), { text: 'Voter Persuasion', lang: 'en-GB' });
  // English pages, and languages without translations, read English.
  for (const page of ['en-GB', 'en', 'fr', 'constructor', '']) assert.deepEqual(localised(base, 'title', page), { text: 'Voter Persuasion', lang: 'en-GB' });
  // A session without an accessibility note has none in any language.
  assert.deepEqual(localised({ translations: { cy: {} } }, 'accessibility', 'cy'), { text: '', lang: 'en-GB' });
});

test('translatedLocale: gd and cy only, from any BCP 47 tag', () => {
  assert.equal(translatedLocale('gd'), 'gd');
  assert.equal(translatedLocale('cy-GB'), 'cy');
  assert.equal(translatedLocale('en-GB'), undefined);
  assert.equal(translatedLocale('gv'), undefined);
  assert.equal(translatedLocale(undefined), undefined);
});

test('translations are held to the English fields’ rules; unknown languages are dropped', () => {
  assert.equal(ModuleSchema.safeParse(base).success, true);
  const bad = (translations: unknown) => ModuleSchema.safeParse({ ...base, translations });
  assert.deepEqual(bad({ gd: { title: '' } }).error?.issues.map((i) => i.path), [['translations', 'gd', 'title']]);
  assert.deepEqual(bad({ cy: { title: 'a\nb' } }).error?.issues.map((i) => i.path), [['translations', 'cy', 'title']]);
  assert.deepEqual(bad({ gd: { summary: 'x'.repeat(501) } }).error?.issues.map((i) => i.path), [['translations', 'gd', 'summary']]);
  assert.deepEqual(bad({ cy: { description: 'a\u0000' } }).error?.issues.map((i) => i.path), [['translations', 'cy', 'description']]);
  assert.deepEqual(bad({ gd: 'Ìmpidh' }).error?.issues.map((i) => i.path), [['translations', 'gd']]);
  assert.deepEqual(bad({ fr: { title: 'Persuasion' }, gd: { title: 'Ìmpidh', tagline: 'x' } }).data?.translations, { gd: { title: 'Ìmpidh' } });

  const session = {
    id: 's',
    moduleId: 'm',
    start: '2027-03-04T18:30:00Z',
    end: '2027-03-04T20:30:00Z',
    delivery: 'online',
    area: 'Glasgow',
    capacity: 10,
    spacesLeft: 10,
    status: 'scheduled',
    waitlist: true,
  };
  assert.equal(SessionSchema.safeParse({ ...session, translations: { cy: { accessibility: 'Ramp wrth y drws.' } } }).success, true);
  const long = SessionSchema.safeParse({ ...session, translations: { gd: { accessibility: 'x'.repeat(2_001) } } });
  assert.deepEqual(long.error?.issues.map((i) => i.path), [['translations', 'gd', 'accessibility']]);
});

test('the seed carries Gaelic and Welsh titles and summaries for every module', () => {
  for (const m of modules) {
    for (const lang of ['gd', 'cy'] as const) {
      const t = m.translations?.[lang];
      assert.ok(t?.title && t.summary, `${m.id} needs a ${lang} title and summary`);
      assert.notEqual(t.title, m.title, `${m.id}'s ${lang} title is still English`);
    }
    assert.equal(ModuleSchema.safeParse(m).success, true, m.id);
  }
});

test('the client asks for the page’s language; English pages keep the URLs they had', async () => {
  const asked: string[] = [];
  const fetch = async (url: string | URL | Request) => {
    asked.push(String(url));
    const body = String(url).includes('/v1/modules') ? { modules: [base] } : { sessions: [] };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  const client = new MobiliseClient('https://api.example.org', { fetch: fetch as typeof globalThis.fetch });
  await client.getModules(undefined, 'gd-GB');
  await client.getModules(undefined, 'en-GB');
  await client.getModules();
  await client.getSessions({ area: 'Glasgow', locale: 'cy' });
  await client.getSessions({ area: 'Glasgow', locale: 'en' });
  const gd = await client.getModules(undefined, 'gd');
  assert.deepEqual(asked, [
    'https://api.example.org/v1/modules?locale=gd',
    'https://api.example.org/v1/modules',
    'https://api.example.org/v1/sessions?area=Glasgow&locale=cy',
    'https://api.example.org/v1/sessions?area=Glasgow',
  ]);
  assert.equal(gd.items[0]!.translations?.gd?.title, 'Ìmpidh air Luchd-bhòtaidh', 'parsed with its translations');
});
