/**
 * For a language's strings test: every counted message, for an n in each of the language's CLDR
 * plural categories (0–1,000), returns the form written for that category, placeholders filled
 * (numbers as the language writes them); every exact form (`=0`) returns its own text; and a
 * category whose every n an exact form takes over says the same as that form.
 */
import assert from 'node:assert/strict';
import { readPack, readSource, type Message } from '../../scripts/strings.js';
import type { Strings } from '../../src/strings/en.js';

export function assertEveryPluralForm(locale: 'gd' | 'cy', strings: Strings): void {
  const source = readSource();
  const pack = readPack(locale)!;
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const counted = Object.keys(source).filter((key) => typeof source[key]!.message !== 'string');
  // 15 since the booking view's queue position left the embed for the booking page's own words.
  assert.ok(counted.length >= 15, `only ${counted.length} counted messages`);

  /** The generated function for `key` called with count `n`; every other number is 7, each text its name in brackets. */
  const render = (key: string, n: number, form: string) => {
    const params = Object.entries(source[key]!.params ?? {});
    const value = (name: string, kind: string) => (name === 'n' ? n : kind === 'number' ? 7 : `[${name}]`);
    const fn = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings) as (...args: unknown[]) => string;
    const kinds = Object.fromEntries(params);
    const want = form.replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = value(name, kinds[name]!);
      return typeof v === 'number' ? numbers.format(v) : v;
    });
    return { got: fn(...params.map(([name, kind]) => value(name, kind))), want };
  };

  for (const key of counted) {
    const forms = pack[key] as Exclude<Message, string>;
    for (const category of rules.resolvedOptions().pluralCategories) {
      const inCategory = Array.from({ length: 1001 }, (_, n) => n).filter((n) => rules.select(n) === category);
      assert.ok(inCategory.length, `${key}: no n in 0–1,000 reaches "${category}"`);
      const n = inCategory.find((m) => !(`=${m}` in forms));
      if (n === undefined) {
        // An exact form (=0) hides the whole category: the category must say the same.
        assert.equal(forms[category], forms[`=${inCategory[0]}`], `${key}: "${category}" differs from "=${inCategory[0]}", which hides it`);
        continue;
      }
      const { got, want } = render(key, n, forms[category]!);
      assert.equal(got, want, `${key}, "${category}" (n = ${n})`);
    }
    for (const exact of Object.keys(forms).filter((f) => f.startsWith('='))) {
      const { got, want } = render(key, Number(exact.slice(1)), forms[exact]!);
      assert.equal(got, want, `${key}, ${exact}`);
    }
  }
}
