/**
 * Storybook's view of an element's public API, read from custom-elements.json (never a hand-kept
 * table): one row per attribute, event, slot, CSS part and theme token.
 *
 * - Attributes are what a page author writes, so they are the controls; a property that only
 *   mirrors an attribute (`headingLevel` for `heading-level`) is named in the attribute's row
 *   instead of being a second control that does the same.
 * - Theme tokens (`--mobilise-*`) are controls too: render.ts sets them on the element.
 * - Events log to the Actions panel through `on…` spies (args of each story, `fn()`).
 * - Slots and parts are documentation: nothing in a story's args can change them.
 */
import type { ArgTypes } from '@storybook/web-components-vite';

type InputType = ArgTypes[string];
import { getCustomElements } from '@storybook/web-components-vite';

interface Item {
  name: string;
  description?: string;
  summary?: string;
  type?: { text?: string };
  default?: string;
  fieldName?: string;
  attribute?: string;
  kind?: string;
  static?: boolean;
  readonly?: boolean;
}
interface Declaration {
  tagName?: string;
  description?: string;
  summary?: string;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Manifest {
  modules?: { declarations?: Declaration[] }[];
}

export const category = {
  attributes: 'attributes',
  properties: 'properties',
  events: 'events',
  slots: 'slots',
  parts: 'css shadow parts',
  tokens: 'css custom properties',
} as const;

/** Rows the Controls panel leaves out (names as api.ts gives them): they have nothing to control. */
export const documentationOnly = /^(::part\(|<slot|slot="|mobilise-)/;

function declarationOf(tag: string): Declaration | undefined {
  const manifest = getCustomElements() as Manifest | undefined;
  return manifest?.modules?.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
}

/** `'a' | 'b'` (optionally `| undefined`) → ['a', 'b']; anything else → undefined. */
function literalOptions(type = ''): string[] | undefined {
  const parts = type.split('|').map((p) => p.trim()).filter((p) => p !== 'undefined');
  return parts.length && parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : undefined;
}

function attributeRow(a: Item): InputType {
  const text = a.type?.text ?? 'string';
  const options = literalOptions(text);
  const control = options
    ? { type: options.length <= 4 ? ('inline-radio' as const) : ('select' as const) }
    : /^boolean\b/.test(text)
      ? { type: 'boolean' as const }
      : /^number\b/.test(text)
        ? { type: 'number' as const }
        : { type: 'text' as const };
  const property = a.fieldName && a.fieldName !== a.name ? ` Property: \`${a.fieldName}\`.` : '';
  return {
    name: a.name,
    description: `${a.description ?? ''}${property}`.trim(),
    control,
    ...(options && { options }),
    table: { category: category.attributes, type: { summary: text }, defaultValue: a.default ? { summary: a.default } : undefined },
  };
}

const isColour = (token: string) => /(accent|text|muted|surface|border|focus|success|warning|danger)/.test(token);

/** `mobilise-module-select` → `onMobiliseModuleSelect`, the arg a story's spy sits in. */
export const handlerName = (event: string) => `on${event.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;

/** Every row for `tag`; Storybook calls this for Controls and for the Docs page's API tables. */
export function apiArgTypes(tag: string): ArgTypes {
  const d = declarationOf(tag);
  if (!d) return {};
  const rows: ArgTypes = {};
  for (const a of d.attributes ?? []) rows[a.name] = attributeRow(a);
  const mirrored = new Set((d.attributes ?? []).map((a) => a.fieldName));
  for (const p of d.members ?? []) {
    if (p.kind !== 'field' || p.static || mirrored.has(p.name)) continue;
    rows[p.name] = {
      name: p.name,
      description: p.description,
      control: false,
      table: { category: category.properties, type: { summary: p.type?.text ?? '' } },
    };
  }
  for (const e of d.events ?? []) {
    rows[e.name] = { name: e.name, description: e.description, control: false, table: { category: category.events } };
    rows[handlerName(e.name)] = { name: handlerName(e.name), table: { disable: true } };
  }
  for (const s of d.slots ?? []) {
    const name = s.name ? `slot="${s.name}"` : '<slot> (default)';
    rows[name] = { name, description: s.description, control: false, table: { category: category.slots } };
  }
  for (const p of d.cssParts ?? []) {
    const name = `::part(${p.name})`;
    rows[name] = { name, description: p.description, control: false, table: { category: category.parts } };
  }
  for (const t of d.cssProperties ?? []) {
    rows[t.name] = {
      name: t.name,
      description: t.description,
      // The object form: Storybook normalises a bare 'color' only in a story's own argTypes, not in extracted ones.
      control: { type: isColour(t.name) ? 'color' : 'text' },
      table: { category: category.tokens, type: { summary: 'CSS value' } },
    };
  }
  return rows;
}

/** The summary, then the longer description, for the top of the Docs page. */
export function apiDescription(tag: string): string {
  const d = declarationOf(tag);
  return [d?.summary, d?.description].filter(Boolean).join('\n\n');
}

/** Every element's `heading-level` takes 2–6 (shared/heading.ts). */
export const headingLevel = { control: { type: 'number', min: 2, max: 6 } } as const;
