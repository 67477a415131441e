/**
 * A site's own wording (`<mobilise-provider strings="/mobilise-strings.json">`): only pages that
 * ask load this. The file names languages and, for each, messages by the keys of
 * src/strings/messages/en.json in the same form (`{name}` placeholders; a counted message's plural
 * forms); see docs/embedding.md. Each message is checked first: an unknown key, a placeholder the
 * message does not have or the wrong form is reported in the console, and the widgets' own wording
 * stays. The language's pack is copied, not edited, so text the contract wrote in English (a field's
 * error) is still recognised and shown in the site's wording.
 */
import { loaded, pack } from './current.js';
import type { Strings } from './en.js';
import { params } from './params.js';

type Message = string | Partial<Record<string, string>>;
type Section = Record<string, unknown>;
const warn = (problem: string) => console.warn(`[mobilise] strings: ${problem}; the widgets' own wording stays`);

/** The message as the elements call it; throws why it cannot be. */
function compile(key: string, message: Message, current: unknown, locale: string): unknown {
  if (current === undefined || typeof current === 'object') throw `${key} is not a message of the widgets`;
  const names = typeof current === 'string' ? [] : (params[key] ?? 'n').split(',');
  const forms = typeof message === 'string' ? { other: message } : message;
  const texts = Object.values(forms ?? {});
  if (typeof forms?.other !== 'string' || texts.some((f) => typeof f !== 'string') || (!names.length && typeof message !== 'string'))
    throw `${key} needs ${names.length ? 'a text, or its forms with "other"' : 'one text'}`;
  for (const [, name] of texts.join().matchAll(/\{(\w+)\}/g))
    if (!names.includes(name!)) throw `${key} has no {${name}}${names.length ? ` (it has {${names.join('}, {')}})` : ''}`;
  if (!names.length) return message;
  const rules = new Intl.PluralRules(locale);
  // replace() writes each placeholder's argument as text.
  return (...args: never[]) => {
    const n = args[names.indexOf('n')]!;
    return (forms[`=${n}`] ?? forms[rules.select(n)] ?? forms.other!).replace(/\{(\w+)\}/g, (_, name: string) => args[names.indexOf(name)]!);
  };
}

/** Fetches the file at `url` and applies it to the languages it names; resolves once they are in place. */
export async function override(url: string): Promise<void> {
  let file: Record<string, Record<string, Message>>;
  try {
    const res = await fetch(url);
    if (!res.ok) throw `HTTP ${res.status}`;
    file = await res.json();
  } catch (error) {
    return warn(`could not read ${url} (${error})`);
  }
  for (const [locale, messages] of Object.entries(file)) {
    const name = locale.slice(0, 2);
    const strings = await pack(name);
    if (!strings) {
      warn(`"${locale}" is not one of the widgets' languages (en-GB, gd, cy)`);
      continue;
    }
    // A copy, each object on a message's path copied before it changes.
    const edited: Section = { ...strings };
    for (const [key, message] of Object.entries(messages)) {
      const path = key.split('.');
      const last = path.pop()!;
      const owner = path.reduce<Section | undefined>((o, k) => (typeof o?.[k] === 'object' ? (o[k] = { ...(o[k] as Section) }) : undefined), edited);
      try {
        owner![last] = compile(key, message, owner?.[last], locale);
      } catch (problem) {
        warn(`${locale}: ${problem}`);
      }
    }
    loaded[name] = edited as Strings;
  }
}
