import { html } from 'lit';
import { localised, translatedLocale } from '../../contract/index.js';

/**
 * A module's or session's text field in the page's language, English where it is not translated
 * (field by field, src/contract/module.ts). On a Gaelic or Welsh page it carries its `lang`, so
 * screen readers read a translation and an English fallback each in its own voice.
 */
export function content<F extends string>(entity: Parameters<typeof localised<F>>[0], field: F, locale: string) {
  const { text, lang } = localised(entity, field, locale);
  return translatedLocale(locale) ? html`<span lang=${lang}>${text}</span>` : text;
}
