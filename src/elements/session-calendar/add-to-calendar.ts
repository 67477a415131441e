import { html, nothing } from 'lit';
import type { Module, Session } from '../../contract/index.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../../contract/ics.js';
import { strings } from '../../strings/current.js';

export type EventModule = Pick<Module, 'title' | 'summary'>;

export interface AddToCalendarProps {
  session: Session;
  module: EventModule;
  /**
   * Server .ics (api mode) or a Blob URL (static mode) while the member has the menu open, else undefined:
   * its links are built only then, so a page of entries renders sooner without them.
   */
  icsHref?: string;
  /** Visually hidden words that tell one session's menu from the next. */
  context: string;
  /** The button was pressed: open or close the menu. */
  onToggle: () => void;
}


/**
 * A disclosure rather than an ARIA menu: plain links, Tab order, no roving focus to learn. A button
 * with aria-expanded, not `<details>`: a details element (its own shadow tree, a contained slot) costs
 * a fifth of an entry's insertion, removal and layout, paid by every entry of every list (issue 15).
 * The links exist only while open. Google and Outlook get the event only: no page address (its query
 * string may carry anything) and no Referer.
 */
export function renderAddToCalendar(p: AddToCalendarProps) {
  return html`<button class="disclosure" part="add-to-calendar" type="button" aria-expanded=${!!p.icsHref} @click=${p.onToggle}>
      ${strings.calendar.addToCalendar}<span class="visually-hidden">${p.context}</span>
    </button>
    ${p.icsHref ? html`<ul class="add-to-calendar">
      <li><a href=${p.icsHref} download="${p.session.id}.ics" data-kind="ics">${strings.calendar.ics}</a></li>
      <li>
        <a href=${googleCalendarUrl(p.session, p.module)} target="_blank" rel="noopener noreferrer" data-kind="google"
          >${strings.calendar.google} <span class="visually-hidden">${strings.calendar.newTab}</span></a
        >
      </li>
      <li>
        <a href=${outlookCalendarUrl(p.session, p.module)} target="_blank" rel="noopener noreferrer" data-kind="outlook"
          >${strings.calendar.outlook} <span class="visually-hidden">${strings.calendar.newTab}</span></a
        >
      </li>
    </ul>` : nothing}`;
}
