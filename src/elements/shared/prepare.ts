/**
 * A module's "Before you come" checklist and "After the session" next step (issue 14): in a card's
 * details and in the member's booking. Each is a field of its own, in the page's language where
 * translated and in English otherwise; backend text only ever as text.
 */
import { html, nothing } from 'lit';
import { localised, type Module } from '../../contract/index.js';
import { strings } from '../../strings/current.js';
import { langOf, paragraphs } from './content.js';

/** Each label above its text (nothing for a module with neither), so a reader meets them in that order. */
export function renderPrepare(m: Module, locale: string) {
  const before = localised(m, 'beforeYouCome', locale);
  const after = localised(m, 'afterSession', locale);
  const id = `before-${m.id}`;
  return html`${before.text.length
    ? html`<div>
        <p class="label" id=${id}>${strings.catalogue.beforeYouCome}</p>
        <ul class="bullets checklist" aria-labelledby=${id} lang=${langOf(locale, before.lang)}>
          ${before.text.map((t) => html`<li>${t}</li>`)}
        </ul>
      </div>`
    : nothing}
  ${after.text
    ? html`<div class="next">
        <p class="label">${strings.catalogue.afterSession}</p>
        ${paragraphs(after.text).map((p) => html`<p lang=${langOf(locale, after.lang)}>${p}</p>`)}
      </div>`
    : nothing}`;
}
