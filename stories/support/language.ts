/**
 * What tells a story's language apart, for scripts/a11y-stories.ts: the strings of a locale's pack
 * that differ from English at the same key, and the English ones they replace. A story shown in
 * Gaelic must show some of the first and none of the second (none longer than one word: "Email"
 * may be the same word in two languages, a sentence is not).
 */
import { cy } from '../../src/strings/cy.js';
import { en, type Strings } from '../../src/strings/en.js';
import { gd } from '../../src/strings/gd.js';

const packs: Record<string, Strings> = { 'en-GB': en, gd, cy };

/** Every string leaf of a pack by its key path (functions, which need their numbers and names, left out). */
function leaves(pack: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(pack)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else if (value && typeof value === 'object') for (const [k, v] of leaves(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

export interface LanguageMarks {
  /** Strings only `locale` says (some must show). */
  own: string[];
  /** English strings that `locale` words differently, of two words or more (none may show). */
  english: string[];
}

/** `content`: the English of modules and sessions, which is no mark (it stays English until translated). */
export function languageMarks(locale: string, content: string[] = []): LanguageMarks {
  const english = leaves(en);
  const theirs = leaves(packs[locale] ?? en);
  const all = [...theirs.values()];
  const own: string[] = [];
  const left: string[] = [];
  for (const [key, text] of theirs) {
    const was = english.get(key)!;
    if (text === was) continue;
    own.push(text);
    // An English sentence that the other language happens to contain (a name, an example address) is no mark.
    if (/\s/.test(was.trim()) && !all.some((t) => t.includes(was)) && !content.includes(was)) left.push(was);
  }
  return { own: [...new Set(own)], english: [...new Set(left)] };
}
