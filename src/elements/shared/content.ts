import { html, nothing } from 'lit';
import { localised, translatedLocale, type Translatable } from '../../contract/index.js';

/**
 * A module's or session's text field in the page's language, English where it is not translated
 * (field by field, src/contract/module.ts). On a Gaelic or Welsh page it carries its `lang`, so
 * screen readers read a translation and an English fallback each in its own voice.
 */
export function content<F extends string>(entity: Translatable<F>, field: F, locale: string) {
  const { text, lang } = localised(entity, field, locale);
  return translatedLocale(locale) ? html`<span lang=${lang}>${text}</span>` : text;
}

/** The `lang` of a text localised() found, as content() gives it: its language on a Gaelic or Welsh page, none on an English one. */
export const langOf = (locale: string, lang: string) => (translatedLocale(locale) ? lang : nothing);

/** Plain-text paragraphs: the contract separates them with a blank line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
