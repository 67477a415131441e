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

const rules = new Intl.PluralRules('cy');
const numbers = new Intl.NumberFormat('cy');
const source = readSource();
const pack = readPack('cy')!;

/** The generated member for a dotted key (`calendar.spacesLeft`). */
const member = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], cy) as (...args: unknown[]) => string;

/** Arguments in call order: `n` the count, any other number 1, each text its name in guillemets. */
function call(key: string, n: number) {
  const params = source[key]!.params!;
  const values = Object.fromEntries(Object.entries(params).map(([name, kind]) => [name, name === 'n' ? n : kind === 'number' ? 1 : `«${name}»`]));
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === 'number' ? numbers.format(values[name] as number) : String(values[name])));
  return { actual: member(key)(...Object.values(values)), fill };
}

describe('Welsh strings', () => {
  it('has every English key, in the same order', () => {
    assert.deepEqual(Object.keys(pack), Object.keys(source));
  });

  it('every counted message gives each plural category its own form, 0–1,000', () => {
    const categories = rules.resolvedOptions().pluralCategories;
    assert.deepEqual([...categories].sort(), ['few', 'many', 'one', 'other', 'two', 'zero']);
    const counted = Object.keys(source).filter((key) => typeof source[key]!.message !== 'string');
    assert.ok(counted.length >= 15, `only ${counted.length} counted messages`);
    for (const key of counted) {
      const forms = pack[key] as Record<string, string>;
      for (const category of categories) {
        const inCategory = Array.from({ length: 1001 }, (_, n) => n).filter((n) => rules.select(n) === category);
        assert.ok(inCategory.length, `no n in 0–1,000 is "${category}"`);
        // An exact form (=0) wins over its category; where it covers every such n, the category must say the same.
        const n = inCategory.find((m) => !(`=${m}` in forms)) ?? inCategory[0]!;
        const expected = forms[`=${n}`] ?? forms[category]!;
        if (`=${n}` in forms) assert.equal(forms[category], forms[`=${n}`], `${key}: "${category}" differs from "=${n}", which hides it`);
        const { actual, fill } = call(key, n);
        assert.equal(actual, fill(expected), `${key}, ${category} (n = ${n})`);
      }
    }
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
    assert.equal(cy.booking.position(11), 'Rydych yn rhif 11 yn y ciw. ');
    // "tan" mutates what follows: {until} starts with the time, so nothing has to.
    assert.match(cy.signup.pendingNext(cy.signup.until('18:30', 'Dydd Mawrth, 1 Rhagfyr 2026')), /cadw’r lle i chi tan 18:30, Dydd Mawrth, 1 Rhagfyr 2026; os/);
  });
});
