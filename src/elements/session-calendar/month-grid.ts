/**
 * The month view: an ARIA grid (Monday first) with roving tabindex. Loaded with
 * import() only when a member switches to it, so the agenda pays nothing for it.
 * Days are "YYYY-MM-DD" strings handled as UTC dates, so no clock change can skip one.
 */
import { html, nothing } from 'lit';
import { strings } from '../../strings/current.js';
import { localised, type Translatable } from '../../contract/index.js';
import { langOf } from '../shared/content.js';
import { formatDay, formatMonth } from '../shared/format.js';
import { heading } from '../shared/heading.js';
import { dayInstant, monthInstant, renderSessionList, type SessionView } from './agenda-view.js';
import type { Entry } from './filters.js';
import { addMonths, monthWeeks, moveDay } from './month-math.js';

/** A day's session title in the page's language (with its lang, as content() gives it), one span the cell's style cuts short. */
function title(module: Translatable<'title'>, locale: string) {
  const { text, lang } = localised(module, 'title', locale);
  return html`<span lang=${langOf(locale, lang)}>${text}</span>`;
}

const weekdayNames = new Map<string, { short: string; long: string }[]>();
/** Monday-first column headers in the page's locale (2024-01-01 was a Monday). */
function weekdays(locale: string) {
  let names = weekdayNames.get(locale);
  if (!names) {
    names = Array.from({ length: 7 }, (_, i) => {
      const d = new Date(Date.UTC(2024, 0, 1 + i, 12));
      const name = (weekday: 'short' | 'long') => d.toLocaleDateString(locale, { weekday, timeZone: 'UTC' });
      return { short: name('short'), long: name('long') };
    });
    weekdayNames.set(locale, names);
  }
  return names;
}

export interface GridProps {
  /** "YYYY-MM" shown. */
  month: string;
  /** The one day with tabindex=0; always inside `month`. */
  focused: string;
  /** The day whose sessions are listed below the grid. */
  selected?: string;
  today: string;
  /** Each day's sessions, already filtered. */
  days: ReadonlyMap<string, readonly Entry[]>;
  /** Sessions on `selected`, already filtered. */
  selectedEntries: readonly Entry[];
  view: SessionView;
  /** Move the roving day and focus it (keyboard). */
  onMove(day: string): void;
  /** Make `day` the roving day, focus staying where it is: focus followed it there (pointer, focus() from script), or the month changed. */
  onFocusDay(day: string): void;
  onChoose(day: string): void;
}

const dayOf = (e: Event) => (e.target as HTMLElement).closest<HTMLElement>('td[data-day]')?.dataset.day;

function onKeyDown(e: KeyboardEvent, p: GridProps) {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const day = dayOf(e) ?? p.focused;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    p.onChoose(day);
    return;
  }
  const next = moveDay(day, e.key);
  if (!next) return;
  e.preventDefault();
  p.onMove(next);
}

/**
 * A day: its number, and its sessions as a count (narrow grids) or the first two titles (wide ones, where
 * the styles show them; text, cut short with an ellipsis). Its name says the date and how many sessions.
 */
function renderCell(day: string | null, p: GridProps) {
  if (!day) return html`<td class="pad"></td>`;
  const list = p.days.get(day) ?? [];
  const count = list.length;
  return html`<td
    class="day ${count ? 'has-sessions' : ''}"
    part="day"
    data-day=${day}
    tabindex=${day === p.focused ? 0 : -1}
    aria-selected=${day === p.selected ? 'true' : 'false'}
    aria-current=${day === p.today ? 'date' : 'false'}
    @click=${() => p.onChoose(day)}
  >
    <span class="num" aria-hidden="true">${Number(day.slice(8))}</span>
    ${count ? html`<span class="count" aria-hidden="true">${count}</span>` : nothing}
    <span class="visually-hidden">${formatDay(dayInstant(day), p.view.locale)}, ${strings.calendar.sessionsOnDay(count)}</span>
    ${count
      ? html`<span class="titles">${list.slice(0, 2).map((e) => title(p.view.moduleOf(e.session.moduleId), p.view.locale))}${count > 2
          ? html`<span aria-hidden="true">+${count - 2}</span>`
          : nothing}</span>`
      : nothing}
  </td>`;
}

/** The chosen day's sessions; `day` is its date in words. */
function renderDayPanel(p: GridProps, day: string) {
  return html`<section class="day-panel" aria-labelledby="day-title">
    ${heading(p.view.level + 1, { class: 'day-title', id: 'day-title' }, strings.calendar.dayHeading(day))}
    ${p.selectedEntries.length ? renderSessionList(p.selectedEntries, p.view, p.view.level + 2) : html`<p class="state">${strings.calendar.dayNone}</p>`}
  </section>`;
}

export function renderMonthGrid(p: GridProps) {
  const title = formatMonth(monthInstant(p.month), p.view.locale);
  const selectedDay = p.selected ? formatDay(dayInstant(p.selected), p.view.locale) : '';
  return html`<div class="month-view">
    <div class="grid-head">
      <button class="button secondary nav" type="button" data-nav="prev" @click=${() => p.onFocusDay(addMonths(p.focused, -1))}>
        <span aria-hidden="true">‹</span><span class="visually-hidden">${strings.calendar.previousMonth}</span>
      </button>
      ${heading(p.view.level + 1, { class: 'month-heading', part: 'month-heading', id: 'grid-title', live: 'polite' }, title)}
      <button class="button secondary nav" type="button" data-nav="next" @click=${() => p.onFocusDay(addMonths(p.focused, 1))}>
        <span aria-hidden="true">›</span><span class="visually-hidden">${strings.calendar.nextMonth}</span>
      </button>
    </div>
    <p id="grid-hint" class="visually-hidden">${strings.calendar.gridHint}</p>
    <table role="grid" class="grid" part="grid" aria-labelledby="grid-title" aria-describedby="grid-hint" @keydown=${(e: KeyboardEvent) => onKeyDown(e, p)}
      @focusin=${(e: FocusEvent) => {
        const day = dayOf(e);
        if (day && day !== p.focused) p.onFocusDay(day);
      }}
    >
      <thead>
        <tr>
          ${weekdays(p.view.locale).map((w) => html`<th scope="col" abbr=${w.long}>${w.short}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${monthWeeks(p.month).map((week) => html`<tr>${week.map((day) => renderCell(day, p))}</tr>`)}
      </tbody>
    </table>
    <p class="visually-hidden" role="status">${p.selected ? strings.calendar.dayShown(p.selectedEntries.length, selectedDay) : ''}</p>
    ${p.selected ? renderDayPanel(p, selectedDay) : nothing}
  </div>`;
}
