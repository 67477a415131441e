/**
 * The Welsh strings (src/strings/cy.ts, generated from messages/cy.json): every counted message
 * gives, for a number in each of Welsh's six CLDR plural categories, the text written for that
 * category, numbers formatted as Welsh writes them; and a few real sentences read as they should,
 * mutations included ("2 funud", "2 le", "2 fodiwl").
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPack, readSource } from '../../scripts/strings.js';
import { duration, rateLimitedFor, sessionCount } from '../../src/strings/compose.js';
import { cy } from '../../src/strings/cy.js';
import { assertEveryPluralForm } from './plural-forms.js';

const rules = new Intl.PluralRules('cy');
const source = readSource();
const pack = readPack('cy')!;

describe('Welsh strings', () => {
  it('has every English key, in the same order', () => {
    assert.deepEqual(Object.keys(pack), Object.keys(source));
  });

  it('every counted message gives each plural category its own form, 0–1,000', () => {
    assert.deepEqual([...rules.resolvedOptions().pluralCategories].sort(), ['few', 'many', 'one', 'other', 'two', 'zero']);
    assertEveryPluralForm('cy', cy);
  });

  it('reads as Welsh for real numbers: soft mutation after 2, singular noun after any number, "dim" for none', () => {
    assert.equal(cy.catalogue.upcoming(0), 'Dim sesiynau wedi’u trefnu');
    assert.equal(cy.catalogue.upcoming(1), '1 sesiwn i ddod');
    assert.equal(cy.catalogue.minutes(2), '2 funud');
    assert.equal(cy.catalogue.minutes(3), '3 munud');
    assert.equal(cy.catalogue.minutes(11), '11 munud');
    assert.equal(cy.calendar.spacesLeft(1), '1 lle ar ôl');
    assert.equal(cy.calendar.spacesLeft(2), '2 le ar ôl');
    assert.equal(cy.calendar.spacesLeft(20), '20 lle ar ôl');
    assert.equal(cy.catalogue.results(2), '2 fodiwl hyfforddi');
    assert.equal(cy.catalogue.results(6), '6 modiwl hyfforddi');
    assert.equal(cy.catalogue.resultsFiltered(1, 2), 'Yn dangos 1 o 2 fodiwl hyfforddi');
    assert.equal(sessionCount(cy, 50, 5000), 'Yn dangos 50 o 5,000 sesiwn');
    assert.equal(cy.calendar.dayShown(0, 'Dydd Mawrth, 1 Rhagfyr 2026'), 'Dim sesiynau ar gyfer Dydd Mawrth, 1 Rhagfyr 2026');
    assert.equal(cy.calendar.dayShown(1, 'Dydd Mawrth, 1 Rhagfyr 2026'), '1 sesiwn ar gyfer Dydd Mawrth, 1 Rhagfyr 2026, wedi’i rhestru o dan y calendr');
    assert.equal(cy.calendar.dayShown(3, 'Dydd Mawrth, 1 Rhagfyr 2026'), '3 sesiwn ar gyfer Dydd Mawrth, 1 Rhagfyr 2026, wedi’u rhestru o dan y calendr');
    assert.equal(cy.calendar.filterToggle(0), 'Hidlyddion');
    assert.equal(cy.calendar.filterToggle(2), 'Hidlyddion (2)');
    assert.equal(duration(cy, 150), '2 awr 30 munud');
    assert.equal(duration(cy, 122), '2 awr 2 funud');
    assert.equal(rateLimitedFor(cy, 120), 'Gormod o gofrestriadau o’r cysylltiad hwn. Arhoswch 2 funud, yna rhowch gynnig arall arni. Mae eich atebion wedi’u cadw.');
    // "tan" mutates what follows: {until} starts with the time, so nothing has to.
    assert.match(cy.signup.pendingNext(cy.signup.until('18:30', 'Dydd Mawrth, 1 Rhagfyr 2026')), /cadw’r lle i chi tan 18:30, Dydd Mawrth, 1 Rhagfyr 2026; os/);
  });
});
