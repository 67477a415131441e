import { en, type Strings } from './en.js';

/**
 * The strings of the element rendering now. Each element calls `use()` with its own locale's
 * strings at the start of its render, so the render helpers it calls read `strings` (a live binding)
 * without being handed it, and a page may hold elements in two languages (a bilingual Welsh
 * site). Text built outside a render is English (the contract's, the client's) and translated
 * when rendered (`localise`), so a change of language re-renders everything in the new one.
 */
export let strings: Strings = en;
export const use = (next: Strings) => (strings = next);

/**
 * Each language's strings as shown: other languages' are separate chunks, fetched the first time a
 * page asks for one; a site's own wording (overrides.ts) replaces a pack here with its edited copy.
 */
export const loaded: Partial<Record<string, Strings>> = { en };
const load: Partial<Record<string, () => Promise<Strings>>> = { gd: () => import('./gd.js').then((m) => m.gd), cy: () => import('./cy.js').then((m) => m.cy) };
const loading: Partial<Record<string, Promise<Strings>>> = {};

/** A language's strings, `en`, `gd` or `cy`, once they are here (fetched once); undefined for another. */
export const pack = (name: string): Promise<Strings> | undefined =>
  loaded[name] ? Promise.resolve(loaded[name]) : load[name] && (loading[name] ??= load[name]().then((p) => (loaded[name] = p)));

/**
 * The strings for a BCP 47 tag (`cy`, `cy-GB`, `gd`, in lower case as written; anything else is English). Until a pack
 * has arrived this answers English and calls `ready` once it has, to render again.
 */
export function stringsFor(tag: string, ready: () => void): Strings {
  const name = tag.slice(0, 2);
  return loaded[name] ?? (void pack(name)?.then(ready), loaded.en!);
}

/** An English message from the contract or the client (a validation message, say) in the current language; unknown text as it is. */
export function localise(message: string): string {
  for (const section of Object.keys(en) as (keyof Strings)[])
    for (const [key, value] of Object.entries(en[section])) if (value === message) return (strings[section] as Record<string, string>)[key]!;
  return message;
}
