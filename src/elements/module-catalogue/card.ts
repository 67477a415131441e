/**
 * Render helpers for one module card and its loading placeholder. Backend text
 * only ever goes through text bindings, never unsafeHTML.
 */
import { html, nothing } from 'lit';
import { localised, type Module } from '../../contract/index.js';
import { strings } from '../../strings/current.js';
import { duration } from '../../strings/compose.js';
import { askLink } from '../shared/ask-link.js';
import { content, paragraphs } from '../shared/content.js';
import { heading } from '../shared/heading.js';
import { renderPrepare } from '../shared/prepare.js';
import { audienceLabels, strandLabels } from './filter.js';

export interface CardOptions {
  headingLevel: number;
  locale: string;
  /** Upcoming sessions; undefined when sessions could not be loaded (the line is left out). */
  count: number | undefined;
  selected: boolean;
  /** "Ask for this module near me" (no upcoming session, API mode). */
  ask: string | undefined;
  prerequisites: Module[];
  onSelect: (module: Module) => void;
  onJump: (moduleId: string) => void;
}

const listFormats = new Map<string, Intl.ListFormat>();
/** "New activists, Activists and Candidates" (a conjunction, the default), in the page's locale. */
export function formatList(items: string[], locale: string): string {
  let f = listFormats.get(locale);
  // British English where the engine's ICU lacks the locale, as for dates.
  if (!f) listFormats.set(locale, (f = new Intl.ListFormat([locale, 'en-GB'])));
  return f.format(items);
}

function renderDetails(m: Module, locale: string) {
  const toolsId = `tools-${m.id}`;
  return html`<details class="details" part="details">
    <summary>${strings.catalogue.details}<span class="visually-hidden"> ${strings.catalogue.detailsAbout(localised(m, 'title', locale).text)}</span></summary>
    <div class="details-body">
      ${paragraphs(localised(m, 'description', locale).text).map((p) => html`<p>${p}</p>`)}
      ${m.tools.length
        ? html`<p class="label" id=${toolsId}>${strings.catalogue.tools}</p>
            <ul class="bullets tools" aria-labelledby=${toolsId}>
              ${m.tools.map((t) => html`<li>${t}</li>`)}
            </ul>`
        : nothing}
      ${renderPrepare(m, locale)}
    </div>
  </details>`;
}

function renderMeta(m: Module, o: CardOptions) {
  return html`<dl class="meta">
    <div>
      <dt>${strings.catalogue.durationLabel}</dt>
      <dd>${duration(strings, m.durationMinutes)}</dd>
    </div>
    ${m.audience.length
      ? html`<div>
          <dt>${strings.catalogue.audienceLabel}</dt>
          <dd>${formatList(m.audience.map((a) => audienceLabels()[a]), o.locale)}</dd>
        </div>`
      : nothing}
    ${o.count === undefined
      ? nothing
      : html`<div>
          <dt>${strings.catalogue.sessionsLabel}</dt>
          <dd class="sessions" part="sessions" data-count=${o.count}>${strings.catalogue.upcoming(o.count)}</dd>
        </div>`}
  </dl>`;
}

export function renderCard(m: Module, o: CardOptions) {
  const titleId = `title-${m.id}`;
  return html`<li>
    <article
      class="card panel"
      part="card"
      data-module=${m.id}
      tabindex="-1"
      aria-labelledby=${titleId}
      aria-current=${o.selected ? 'true' : nothing}
    >
      <div class="body">
        <div class="head">
          ${heading(o.headingLevel, { class: 'title', part: 'card-title', id: titleId }, content(m, 'title', o.locale))}
          <p class="tags">
            <span class="badge" part="badge" data-strand=${m.strand}>${strandLabels()[m.strand]}</span>
            ${o.selected ? html`<span class="badge current" part="badge current">${strings.catalogue.selected}</span>` : nothing}
          </p>
        </div>
        ${o.prerequisites.map(
          (p) =>
            html`<p class="follows">
              <button type="button" class="link" part="prerequisite" @click=${() => o.onJump(p.id)}>${strings.catalogue.follows(localised(p, 'title', o.locale).text)}</button>
            </p>`,
        )}
        <p class="summary">${content(m, 'summary', o.locale)}</p>
        ${renderMeta(m, o)} ${renderDetails(m, o.locale)}
      </div>
      <div class="actions">
        <button type="button" class="button select" part="select-button" @click=${() => o.onSelect(m)}>
          ${strings.catalogue.seeSessions}<span class="visually-hidden">: ${content(m, 'title', o.locale)}</span>
        </button>
        ${askLink(o.ask, content(m, 'title', o.locale))}
      </div>
    </article>
  </li>`;
}

/** Placeholders in the cards' grid at a card's height (title, text, button), so nothing jumps when data arrives. */
export function renderSkeleton(count = 6) {
  return html`<ul class="items" part="list" aria-hidden="true">
    ${Array.from(
      { length: count },
      () => html`<li>
        <div class="panel placeholder">
          <div class="skeleton"></div>
          <div class="skeleton"></div>
          <div class="skeleton"></div>
        </div>
      </li>`,
    )}
  </ul>`;
}
