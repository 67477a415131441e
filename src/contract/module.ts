import * as z from 'zod/mini';
import { AUDIENCES, STRANDS, TOOLS } from './enums.js';
import { plainText } from './text.js';

export const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(80));

/**
 * The languages content comes in: English (every text field, the fallback) and the
 * translations a module or session may carry, field by field.
 */
export const TRANSLATED_LOCALES = ['gd', 'cy'] as const;
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];
export const CONTENT_LOCALES = ['en-GB', ...TRANSLATED_LOCALES] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];

/** The language of a BCP 47 `locale` ("gd-GB" → "gd") when content may be translated into it. */
export function translatedLocale(locale?: string): TranslatedLocale | undefined {
  const lang = locale?.split('-')[0]!.toLowerCase() as TranslatedLocale;
  return TRANSLATED_LOCALES.includes(lang) ? lang : undefined;
}

/**
 * `translations: {gd?: {…}, cy?: {…}}`, each field optional and held to its English
 * field's rules. Languages the contract does not know are dropped like any unknown key.
 */
export const translations = <T extends Record<string, z.ZodMiniType>>(fields: T) => {
  const text = z.object(fields);
  return z.optional(z.object({ gd: z.optional(text), cy: z.optional(text) }));
};

const title = z.string().check(plainText('line'), z.minLength(1), z.maxLength(200));
const summary = z.string().check(plainText('paragraphs'), z.maxLength(500));
const description = z.string().check(plainText('paragraphs'), z.maxLength(10_000));
/** What to do before coming (get Contact Creator access through your CLP, bring a charged phone): one line each. */
const beforeYouCome = z.array(z.string().check(plainText('line'), z.minLength(1), z.maxLength(200))).check(z.maxLength(10));
/** The next step after the session. */
const afterSession = z.string().check(plainText('paragraphs'), z.maxLength(500));

/** A training module of the programme. Text fields are plain text; paragraphs are split on blank lines. */
export const ModuleSchema = z.object({
  id: slug,
  title,
  summary,
  description,
  strand: z.enum(STRANDS),
  /** Groups the parts of a multi-part module, e.g. "field-organising". */
  series: z.optional(slug),
  /** 1-based part number within the series. */
  part: z.optional(z.int().check(z.minimum(1), z.maximum(20))),
  /** Module ids a member should take first ("follows part one"). */
  prerequisites: z._default(z.array(slug), []),
  audience: z._default(z.array(z.enum(AUDIENCES)), []),
  durationMinutes: z.int().check(z.minimum(15), z.maximum(60 * 24)),
  /** The tools it teaches, from the programme's fixed list. */
  tools: z._default(z.array(z.enum(TOOLS)), []),
  beforeYouCome: z._default(beforeYouCome, []),
  afterSession: z.optional(afterSession),
  /** Gaelic and Welsh text, any field of it; English is the fallback per field (the checklist as a whole). */
  translations: translations({
    title: z.optional(title),
    summary: z.optional(summary),
    description: z.optional(description),
    beforeYouCome: z.optional(beforeYouCome),
    afterSession: z.optional(afterSession),
  }),
});
export type Module = z.infer<typeof ModuleSchema>;

/** Anything with translated text fields (`V`, a text or a list of lines): a module, a session. */
export type Translatable<F extends string, V = string> = { [K in F]?: V } & { translations?: { [L in TranslatedLocale]?: { [K in F]?: V } } };

/**
 * `field` of `entity` in `locale`'s language where it is translated, else the English text,
 * and the language the text is in (so an element can set `lang` on it for screen readers).
 * Field by field: a module with a Gaelic title and no Gaelic summary shows its English summary.
 * A list (the checklist) is one field, translated as a whole; its English is always there (the
 * schema defaults it), so only a missing text falls back to ''.
 */
export function localised<F extends string, E extends Translatable<F, unknown>>(entity: E, field: F, locale: string): { text: Exclude<E[F], undefined>; lang: ContentLocale } {
  type Text = Exclude<E[F], undefined>;
  const lang = translatedLocale(locale);
  const text = lang && (entity.translations?.[lang]?.[field] as Text | undefined);
  return text ? { text, lang } : { text: (entity[field] ?? '') as Text, lang: 'en-GB' };
}

/**
 * `item` with the translations of `lang` only (none without it): what the API answers for
 * `?locale=`, so a page downloads no language it does not show.
 */
export function inLocale<T extends { translations?: Partial<Record<TranslatedLocale, object>> }>(item: T, lang: TranslatedLocale | undefined): T {
  const { translations, ...rest } = item;
  const text = lang && translations?.[lang];
  return (text ? { ...rest, translations: { [lang]: text } } : rest) as T;
}
