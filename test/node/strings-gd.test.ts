/**
 * The Scottish Gaelic strings (src/strings/gd.ts, generated from messages/gd.json). For every
 * counted message and each of Gaelic's CLDR categories (one: 1, 11; two: 2, 12; few: 3–10, 13–19;
 * other: 0, 20 and up) the generated function returns the form written for that category, its
 * numbers as Intl writes them in gd. Then real sentences, where the grammar lives: lenition after
 * 1 and 2 ("2 mhionaid", "2 sheisean"), the plural only for 3–19, the singular after 20 and 0.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPack, readSource } from '../../scripts/strings.js';
import { duration, moduleCount, rateLimitedFor, sessionCount } from '../../src/strings/compose.js';
import { gd } from '../../src/strings/gd.js';
import { assertEveryPluralForm } from './plural-forms.js';

const source = readSource();
const pack = readPack('gd')!;
const plural = new Intl.PluralRules('gd');

describe('Gaelic strings', () => {
  it('has every English key in the same order, and gd has the four categories the forms are written for', () => {
    assert.deepEqual(Object.keys(pack), Object.keys(source));
    assert.deepEqual([...plural.resolvedOptions().pluralCategories].sort(), ['few', 'one', 'other', 'two']);
  });

  it('every counted message returns, for an n in each category, the form written for that category', () => {
    assertEveryPluralForm('gd', gd);
  });

  it('lenites after 1 and 2 where Gaelic does, uses the plural for 3–19 only, the singular from 20', () => {
    assert.deepEqual(
      [1, 2, 3, 11, 12, 13, 19, 20, 21, 100].map((n) => gd.catalogue.minutes(n)),
      ['1 mhionaid', '2 mhionaid', '3 mionaidean', '11 mhionaid', '12 mhionaid', '13 mionaidean', '19 mionaidean', '20 mionaid', '21 mionaid', '100 mionaid'],
    );
    // "aon seisean": aon leaves s alone; "dà sheisean": dà lenites it.
    assert.deepEqual(
      [1, 2, 3, 20].map((n) => gd.calendar.count(n)),
      ['1 seisean', '2 sheisean', '3 seiseanan', '20 seisean'],
    );
    assert.equal(gd.catalogue.results(1), '1 mhodal trèanaidh');
    assert.equal(gd.catalogue.results(9), '9 modalan trèanaidh');
    assert.equal(gd.calendar.spacesLeft(2), '2 àite air fhàgail');
    assert.equal(gd.calendar.spacesLeft(5), '5 àiteachan air fhàgail');
    assert.equal(gd.catalogue.hours(4), '4 uairean a thìde');
    assert.equal(gd.catalogue.upcoming(0), 'Chan eil seisean air a chur air dòigh');
    assert.equal(gd.catalogue.upcoming(2), '2 sheisean ri thighinn');
  });

  it('reads as Gaelic in the sentences the elements build', () => {
    assert.equal(duration(gd, 150), '2 uair a thìde is 30 mionaid');
    assert.equal(duration(gd, 62), '1 uair a thìde is 2 mhionaid');
    assert.equal(duration(gd, 45), '45 mionaid');
    assert.equal(moduleCount(gd, 3, 12), 'A’ sealltainn 3 à 12 mhodal trèanaidh');
    assert.equal(sessionCount(gd, 50, 5000), 'A’ sealltainn 50 à 5,000 seisean');
    assert.equal(gd.calendar.dayShown(0, 'DiMàirt, 3 dhen Mhàrt 2026'), 'Chan eil seisean ann DiMàirt, 3 dhen Mhàrt 2026');
    assert.equal(gd.calendar.dayShown(3, 'DiMàirt, 3 dhen Mhàrt 2026'), '3 seiseanan DiMàirt, 3 dhen Mhàrt 2026, san liosta fon mhìosachan');
    assert.equal(gd.calendar.filterToggle(0), 'Criathragan');
    assert.equal(gd.calendar.filterToggle(2), 'Criathragan (2)');
    assert.equal(
      rateLimitedFor(gd, 12),
      'Tha cus chlàraidhean air tighinn on cheangal seo. Fuirich 12 dhiog is feuch ris a-rithist. Tha na freagairtean agad air an glèidheadh.',
    );
    assert.equal(gd.signup.hybrid('Talla a’ Bhaile'), 'Talla a’ Bhaile, no gabh pàirt air loidhne');
  });
});
