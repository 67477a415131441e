/**
 * `npm run strings`: the UI strings, from the translators' files to code.
 *
 * src/strings/messages/en.json is the source: for each key (`catalogue.upcoming`) its English
 * message, its parameters in call order with their kinds (`number` or `text`) and a description
 * for translators. gd.json and cy.json map the same keys to their messages. A message is a string
 * with `{name}` placeholders, or, when it counts `{n}`, its forms by CLDR plural category
 * (`zero`, `one`, `two`, `few`, `many`, `other`) and `=<number>` for an exact count.
 *
 * Each locale becomes src/strings/<locale>.ts: an object of strings and functions in the shape
 * the elements call (`s.catalogue.upcoming(3)`), so no page parses messages at run time and an
 * English page carries no other language. `--check` fails when a generated file is out of date
 * (CI; docs/strings.html, the reviewers' side-by-side page, too), and every locale is checked against English: every key, the same placeholders, every
 * plural category the locale has (Intl.PluralRules), nothing extra.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

export const LOCALES = { en: 'en-GB', gd: 'gd', cy: 'cy' } as const;
export type PackName = keyof typeof LOCALES;
export type Message = string | Record<string, string>;
export interface Source {
  message: Message;
  params?: Record<string, 'number' | 'text'>;
  description?: string;
}

const dir = 'src/strings/messages';
export const readSource = (): Record<string, Source> => JSON.parse(readFileSync(`${dir}/en.json`, 'utf8'));
export const readPack = (name: Exclude<PackName, 'en'>): Record<string, Message> | undefined =>
  existsSync(`${dir}/${name}.json`) ? JSON.parse(readFileSync(`${dir}/${name}.json`, 'utf8')) : undefined;

/** The order CLDR lists plural categories in (ICU answers them in another). */
const CLDR_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

const PLACEHOLDER = /\{(\w+)\}/g;
export const placeholders = (message: Message): Set<string> =>
  new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap((m) => [...m.matchAll(PLACEHOLDER)].map((x) => x[1]!)));

/** What is wrong with `message` as the `locale` translation of `source`; empty when nothing. */
export function problemsWith(key: string, source: Source, message: Message | undefined, locale: string): string[] {
  if (message === undefined) return [`${key}: missing`];
  const want = placeholders(source.message);
  const have = placeholders(message);
  const problems: string[] = [];
  for (const name of have) if (!want.has(name)) problems.push(`${key}: {${name}} is not a placeholder of this message (it has ${[...want].map((w) => `{${w}}`).join(', ') || 'none'})`);
  for (const name of want) if (!have.has(name)) problems.push(`${key}: {${name}} is missing`);
  const counted = typeof source.message !== 'string';
  if (counted !== (typeof message !== 'string')) problems.push(`${key}: ${counted ? 'needs plural forms' : 'is not counted: give one string'}`);
  if (counted && typeof message !== 'string') {
    const categories = (new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[]).sort((a, b) => CLDR_ORDER.indexOf(a) - CLDR_ORDER.indexOf(b));
    for (const c of categories) if (!(c in message)) problems.push(`${key}: the "${c}" form is missing (${locale} has ${categories.join(', ')})`);
    for (const form of Object.keys(message)) if (!categories.includes(form) && !/^=\d+$/.test(form)) problems.push(`${key}: "${form}" is not a plural form of ${locale}`);
    // Text placeholders ({day}) belong in every form; a form may leave out the number itself ("un sesiwn").
    for (const [form, text] of Object.entries(message))
      for (const name of want) if (source.params?.[name] === 'text' && !text.includes(`{${name}}`)) problems.push(`${key}: the "${form}" form is missing {${name}}`);
  }
  return problems;
}

/** The inside of a template literal for `text`, its placeholders read from the parameters (numbers formatted). */
const inside = (text: string, params: Record<string, 'number' | 'text'>) =>
  text
    .replace(/[\\`]/g, (c) => `\\${c}`)
    .replace(/\$\{/g, '\\${')
    .replace(PLACEHOLDER, (_, name: string) => (params[name] === 'number' ? `\${N(${name})}` : `\${${name}}`));

/** `text` as code: a plain string, or a template literal when it has placeholders. */
const literal = (text: string, params: Record<string, 'number' | 'text'>) => (/\{\w+\}/.test(text) ? `\`${inside(text, params)}\`` : JSON.stringify(text));

/** The longest start and end all `texts` share, not cutting through a placeholder. */
function common(texts: string[]): [string, string] {
  const [first, ...rest] = texts as [string, ...string[]];
  let a = 0;
  while (a < first.length && rest.every((t) => t[a] === first[a])) a++;
  let z = 0;
  while (z < first.length - a && rest.every((t) => t.length - z > a && t[t.length - 1 - z] === first[first.length - 1 - z])) z++;
  // Never split "{name}": back off to before an unclosed brace.
  const head = first.slice(0, a).replace(/\{\w*$/, '');
  const tail = first.slice(first.length - z).replace(/^\w*\}/, '');
  return [head, tail];
}

/**
 * English's CLDR rule for whole numbers, compiled in: "one" is exactly 1, everything else
 * "other" (test/node/strings.test.ts checks it against Intl.PluralRules('en-GB') for 0–10,000).
 * The English page so needs no plural machinery; forms share their common start and end, as
 * hand-written `session${n === 1 ? '' : 's'}` would.
 */
function englishPlural(forms: Record<string, string>, params: Record<string, 'number' | 'text'>): string {
  const exact = Object.entries(forms).filter(([form]) => form.startsWith('='));
  const { one, other } = forms as { one?: string; other: string };
  let body: string;
  if (one === undefined || one === other) body = literal(other, params);
  else {
    const [head, tail] = common([one, other]);
    const mid = (t: string) => literal(t.slice(head.length, t.length - tail.length), params);
    const choice = `n === 1 ? ${mid(one)} : ${mid(other)}`;
    body = head || tail ? `\`${inside(head, params)}\${${choice}}${inside(tail, params)}\`` : choice;
  }
  return exact.reduceRight((rest, [form, text]) => `n === ${form.slice(1)} ? ${literal(text, params)} : ${rest}`, body);
}

function code(message: Message, params: Record<string, 'number' | 'text'>, english: boolean): string {
  const names = Object.keys(params);
  const body =
    typeof message === 'string'
      ? literal(message, params)
      : english
        ? englishPlural(message, params)
        : `p(n, { ${Object.entries(message)
            .map(([form, text]) => `${/^\w+$/.test(form) ? form : JSON.stringify(form)}: ${literal(text, params)}`)
            .join(', ')} })`;
  if (!names.length) return body;
  return `(${names.map((n) => `${n}: ${params[n] === 'number' ? 'number' : 'string'}`).join(', ')}) => ${body}`;
}

/** Nested object source text from dotted keys, in the source's key order. */
function nest(entries: [string, string][], indent = '  '): string {
  const tree = new Map<string, [string, string][] | string>();
  for (const [key, value] of entries) {
    const [head, ...rest] = key.split('.');
    if (!rest.length) tree.set(head!, value);
    else {
      const sub = (tree.get(head!) as [string, string][] | undefined) ?? [];
      sub.push([rest.join('.'), value]);
      tree.set(head!, sub);
    }
  }
  const prop = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
  return `{\n${[...tree]
    .map(([k, v]) => `${indent}${prop(k)}: ${typeof v === 'string' ? v : nest(v, `${indent}  `)},`)
    .join('\n')}\n${indent.slice(2)}}`;
}

export function generate(name: PackName, source: Record<string, Source>, pack?: Record<string, Message>): string {
  const entries = Object.entries(source).map(([key, s]) => [key, code(name === 'en' ? s.message : pack![key]!, s.params ?? {}, name === 'en')] as [string, string]);
  const body = nest(entries);
  const uses = (what: string) => body.includes(what);
  const helpers = [uses('p(n') && 'p', uses('N(') && 'N'].filter(Boolean);
  const english = name === 'en';
  const head = [
    `// Generated by \`npm run strings\` from src/strings/messages/${name}.json: edit that, then run it. Do not edit this file.`,
    helpers.length && !english ? `import { localeFormat } from './plural.js';` : '',
    english ? '' : `import type { Strings } from './en.js';`,
    !helpers.length ? '' : english
        ? // One formatter, built once: toLocaleString builds one per call (~0.1 ms each; a render calls it for every badge and count).
          `\nconst N = new Intl.NumberFormat('en-GB').format;` : `\nconst { ${helpers.join(', ')} } = localeFormat('${LOCALES[name]}');`,
  ].filter(Boolean);
  const declaration = name === 'en' ? `export const en = ${body};\n\nexport type Strings = typeof en;\n` : `export const ${name}: Strings = ${body};\n`;
  return `${head.join('\n')}\n\n${declaration}`;
}

const escape = (t: string) => t.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[c]};`);
const show = (m: Message | undefined, lang: string) =>
  m === undefined
    ? '<em>missing</em>'
    : typeof m === 'string'
      ? `<span lang="${lang}">${escape(m)}</span>`
      : `<dl>${Object.entries(m)
          .map(([form, text]) => `<dt>${escape(form)}</dt><dd lang="${lang}">${escape(text)}</dd>`)
          .join('')}</dl>`;

/**
 * docs/strings.html: every string with its English, Gaelic and Welsh side by side, for reviewers
 * (a static page: open it from the folder, no script).
 */
export function reviewPage(source: Record<string, Source>, packs: Partial<Record<'gd' | 'cy', Record<string, Message>>>): string {
  const rows = Object.entries(source).map(
    ([key, s]) =>
      `<tr id="${escape(key)}"><th scope="row"><code>${escape(key)}</code>${s.description ? `<p>${escape(s.description)}</p>` : ''}</th>` +
      `<td>${show(s.message, 'en-GB')}</td><td>${show(packs.gd?.[key], 'gd')}</td><td>${show(packs.cy?.[key], 'cy')}</td></tr>`,
  );
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mobilise widgets: every string in English, Gàidhlig and Cymraeg</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.4rem; vertical-align: top; text-align: start; }
th p { font-weight: normal; color: #444; margin: 0.25rem 0 0; font-size: 0.9em; }
thead th { position: sticky; top: 0; background: #fff; }
dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0 0.5rem; }
dt { font-family: monospace; color: #555; }
dd { margin: 0; }
</style>
</head>
<body>
<h1>Every string, side by side</h1>
<p>Generated by <code>npm run strings</code> from <code>src/strings/messages/*.json</code>: edit those, not this page.
The Gaelic and Welsh await review by native speakers (notes: <code>docs/translations/</code>). Counted messages list
their plural forms by CLDR category (<code>=0</code> is exactly zero); <code>{name}</code> is filled in when shown.</p>
<table>
<thead><tr><th scope="col">Key and where it shows</th><th scope="col">English</th><th scope="col" lang="gd">Gàidhlig</th><th scope="col" lang="cy">Cymraeg</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}

/**
 * src/strings/params.ts: each parameterised message's placeholders in call order, for a site's own
 * wording (src/strings/overrides.ts), which only pages with overrides load. A message whose only
 * placeholder is `{n}` (most counted ones) is left out: that is the default.
 */
export function paramsModule(source: Record<string, Source>): string {
  const entries = Object.entries(source)
    .map(([key, s]) => [key, Object.keys(s.params ?? {}).join(',')])
    .filter(([, names]) => names && names !== 'n')
    .map(([key, names]) => `  ${JSON.stringify(key)}: ${JSON.stringify(names)},`);
  return `// Generated by \`npm run strings\` from src/strings/messages/en.json. Do not edit this file.\n\n/** Each message's placeholders, in the order the elements pass them, where they are not just \`n\`. */\nexport const params: Partial<Record<string, string>> = {\n${entries.join('\n')}\n};\n`;
}

function main() {
  const check = process.argv.includes('--check');
  const source = readSource();
  const problems: string[] = [];
  const outputs: [string, string][] = [['src/strings/en.ts', generate('en', source)]];
  const packs: Partial<Record<'gd' | 'cy', Record<string, Message>>> = {};
  for (const name of ['gd', 'cy'] as const) {
    const pack = readPack(name);
    if (!pack) continue;
    packs[name] = pack;
    for (const [key, s] of Object.entries(source)) problems.push(...problemsWith(key, s, pack[key], LOCALES[name]).map((p) => `${name}: ${p}`));
    for (const key of Object.keys(pack)) if (!(key in source)) problems.push(`${name}: ${key}: not a key of en.json (renamed or removed?)`);
    if (!problems.length) outputs.push([`src/strings/${name}.ts`, generate(name, source, pack)]);
  }
  outputs.push(['docs/strings.html', reviewPage(source, packs)]);
  outputs.push(['src/strings/params.ts', paramsModule(source)]);
  if (problems.length) {
    console.error(`The translations do not match English:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  const stale = outputs.filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text).map(([file]) => file);
  if (check) {
    if (stale.length) {
      console.error(`Out of date (run npm run strings): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('Strings up to date.');
    return;
  }
  for (const [file, text] of outputs) writeFileSync(file, text);
  console.log(stale.length ? `Wrote ${stale.join(', ')}` : 'Strings up to date.');
}

if (import.meta.url === `file://${process.argv[1]}`) main();
