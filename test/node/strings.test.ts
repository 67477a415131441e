/**
 * The UI strings' generator (scripts/strings.ts): English's compiled plural rule agrees with
 * CLDR (Intl.PluralRules), and a translation that drops or invents a placeholder, misses a
 * plural form its language has, or adds one it has not, is refused with the key named.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemsWith, readSource } from '../../scripts/strings.js';
import { en } from '../../src/strings/en.js';

describe('UI strings', () => {
  it('English counted messages pick "one" exactly where Intl.PluralRules("en-GB") does, 0–10,000', () => {
    const rules = new Intl.PluralRules('en-GB');
    for (let n = 0; n <= 10_000; n++) {
      const one = rules.select(n) === 'one';
      assert.equal(en.calendar.spacesLeft(n), `${n.toLocaleString('en-GB')} space${one ? '' : 's'} left`);
    }
    assert.equal(en.catalogue.upcoming(0), 'No sessions scheduled');
    assert.equal(en.catalogue.upcoming(1), '1 upcoming session');
    assert.equal(en.calendar.countFiltered(50, 5000), 'Showing 50 of 5,000 sessions');
  });

  it('every source message declares the placeholders it uses, and counted ones count {n}', () => {
    for (const [key, s] of Object.entries(readSource())) {
      assert.deepEqual(problemsWith(key, s, s.message, 'en-GB'), [], key);
      if (typeof s.message !== 'string') assert.equal(s.params?.n, 'number', `${key} is counted, so it takes n`);
    }
  });

  it('a translation is refused, key named, for a missing or unknown placeholder, a missing or foreign plural form', () => {
    const source = readSource()['calendar.dayShown']!;
    const ok = { '=0': 'Dim sesiynau ar {day}', zero: '{n} sesiwn ar {day}', one: '{n} sesiwn ar {day}', two: '{n} sesiwn ar {day}', few: '{n} sesiwn ar {day}', many: '{n} sesiwn ar {day}', other: '{n} sesiwn ar {day}' };
    assert.deepEqual(problemsWith('calendar.dayShown', source, ok, 'cy'), []);
    const { two: _two, ...noTwo } = ok;
    assert.deepEqual(problemsWith('calendar.dayShown', source, noTwo, 'cy'), ['calendar.dayShown: the "two" form is missing (cy has zero, one, two, few, many, other)']);
    assert.deepEqual(problemsWith('calendar.dayShown', source, { ...ok, one: '{n} sesiwn' }, 'cy'), ['calendar.dayShown: the "one" form is missing {day}']);
    assert.deepEqual(problemsWith('calendar.dayShown', source, { ...ok, few: '{n} sesiwn ar {dydd}' }, 'cy'), [
      'calendar.dayShown: {dydd} is not a placeholder of this message (it has {day}, {n})',
      'calendar.dayShown: the "few" form is missing {day}',
    ]);
    assert.deepEqual(problemsWith('calendar.dayShown', source, { one: '{n} seisean air {day}', two: '{n} sheisean air {day}', few: '{n} seiseanan air {day}', other: '{n} seisean air {day}', many: 'x {day} {n}' }, 'gd'), [
      'calendar.dayShown: "many" is not a plural form of gd',
    ]);
    assert.deepEqual(problemsWith('calendar.dayShown', source, 'Sesiynau ar {day}', 'cy').at(-1), 'calendar.dayShown: needs plural forms');
    assert.deepEqual(problemsWith('calendar.dayShown', source, undefined, 'cy'), ['calendar.dayShown: missing']);
  });
});
