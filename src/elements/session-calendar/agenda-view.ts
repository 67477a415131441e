import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { localised, type Delivery } from '../../contract/index.js';
import { strings } from '../../strings/current.js';
import { formatDay, formatMonth, formatShortDay, formatTimeRange } from '../shared/format.js';
import { content } from '../shared/content.js';
import { heading } from '../shared/heading.js';
import { icon } from '../shared/icons.js';
import { renderAccessFeatures } from './access-features.js';
import { renderAddToCalendar, type EventModule } from './add-to-calendar.js';
import { renderBadge, sessionState } from './badges.js';
import type { Entry, MonthGroup } from './filters.js';

/** Everything a session entry needs from the element, so these render helpers stay free of it. */
export interface SessionView {
  locale: string;
  /** The calendar's top heading level; months, days and sessions nest below it. */
  level: number;
  now: number;
  moduleOf(moduleId: string): EventModule;
  /** Undefined unless the entry's add-to-calendar menu is open. */
  icsHref(entry: Entry): string | undefined;
  onSelect(e: Event, entry: Entry): void;
  /** The entry's add-to-calendar button was pressed (open or close its menu). */
  onCalendarToggle(entry: Entry): void;
}


/** How a session runs, in the page's language (read when rendered). */
export const deliveryLabel = (d: Delivery) => strings.calendar[d === 'in-person' ? 'inPerson' : d];

/** A whole-month ISO instant, mid-month at noon so no time zone can tip it into a neighbour. */
export const monthInstant = (month: string) => `${month}-15T12:00:00Z`;
export const dayInstant = (day: string) => `${day}T12:00:00Z`;

/**
 * One session. `level` places its title under the surrounding day heading, which carries the date: the
 * entry shows only the time, keeping the date in `<time datetime>` and in the buttons' hidden context.
 */
export function renderSession(entry: Entry, view: SessionView, level: number) {
  const s = entry.session;
  const module = view.moduleOf(s.moduleId);
  const state = sessionState(s, view.now);
  const context = strings.calendar.signUpFor(localised(module, 'title', view.locale).text, formatDay(s.start, view.locale));
  return html`<article
    class="session panel ${state.kind}"
    part="session"
    id="session-${s.id}"
    data-session=${s.id}
    tabindex="-1"
    aria-labelledby="title-${s.id}"
  >
    <div class="head">${heading(level, { class: 'title', part: 'session-title', id: `title-${s.id}` }, content(module, 'title', view.locale))} ${renderBadge(state)}</div>
    <div class="info">
      <p class="when">
        ${icon('time')} <time class="time" datetime=${s.start}>${formatTimeRange(s.start, s.end, view.locale)}</time>
        <span class="muted">(${strings.calendar.ukTime})</span>
      </p>
      <div class="place">
        <p class="where">
          ${icon(s.delivery === 'online' ? 'online' : 'place')} <span class="delivery">${deliveryLabel(s.delivery)}</span>${s.venue &&
          s.delivery !== 'online'
            ? html` · <span class="venue">${s.venue.name}, ${s.venue.postcode}</span>`
            : nothing}
        </p>
        <p class="meta">
          <span class="area">${strings.calendar.area}: ${s.area}</span>${s.trainer ? html` · <span class="trainer">${strings.calendar.trainer(s.trainer)}</span>` : nothing}
        </p>
        ${renderAccessFeatures(s.accessFeatures)}
      </div>
    </div>
    <div class="actions">
      ${state.action
        ? html`<button class="button" part="signup-button" type="button" data-signup=${s.id} @click=${(e: Event) => view.onSelect(e, entry)}>
            ${state.action === 'waitlist' ? strings.calendar.joinWaitlist : strings.calendar.signUp}<span class="visually-hidden">${context}</span>
          </button>`
        : nothing}
      ${s.accessibility
        ? // Its open state lives in the DOM: keyed, so an entry redrawn for another session starts it closed.
          keyed(s.id, html`<details class="access">
            <summary>${icon('access')} ${strings.calendar.accessibility}<span class="visually-hidden">${context}</span></summary>
            <p>${content(s, 'accessibility', view.locale)}</p>
          </details>`)
        : nothing}
      ${state.kind === 'cancelled'
        ? nothing
        : renderAddToCalendar({
            session: s,
            module,
            icsHref: view.icsHref(entry),
            context,
            onToggle: () => view.onCalendarToggle(entry),
          })}
    </div>
  </article>`;
}

/**
 * Not keyed: after a filter change the entries already drawn are reused in place, new values in the
 * same elements, which is cheaper than removing them and creating others (issue 15). Every state an
 * entry shows comes from bindings, save the accessibility note's (keyed above).
 */
export const renderSessionList = (entries: readonly Entry[], view: SessionView, level: number) =>
  html`<ul class="sessions" role="list">
    ${entries.map((e) => html`<li>${renderSession(e, view, level)}</li>`)}
  </ul>`;

/** Month sections (h3 by default) then day groups (h4); only the page of sessions already revealed is passed in. */
export function renderAgenda(groups: readonly MonthGroup[], view: SessionView) {
  return html`<div class="agenda">
    ${groups.map((m) => html`<section class="month" aria-labelledby="month-${m.month}">
        ${heading(view.level + 1, { class: 'month-heading', part: 'month-heading', id: `month-${m.month}` }, formatMonth(monthInstant(m.month), view.locale))}
        ${m.days.map((d) => html`<div class="day-group">
            ${heading(view.level + 2, { class: 'day-heading' }, html`${icon('date')} ${formatShortDay(dayInstant(d.day), view.locale)}`)}
            ${renderSessionList(d.entries, view, view.level + 3)}
          </div>`)}
      </section>`)}
  </div>`;
}
