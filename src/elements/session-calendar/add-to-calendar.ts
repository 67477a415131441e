import { html, nothing } from 'lit';
import type { Module, Session } from '../../contract/index.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../../contract/ics.js';
import { strings } from '../../strings/current.js';

export type EventModule = Pick<Module, 'title' | 'summary'>;

export interface AddToCalendarProps {
  session: Session;
  module: EventModule;
  /**
   * Server .ics (api mode) or a Blob URL (static mode); undefined until the member opens the menu, and
   * only then are its links built: a page of entries renders sooner without them.
   */
  icsHref?: string;
  /** Visually hidden words that tell one session's menu from the next. */
  context: string;
  onToggle: () => void;
}


/**
 * A disclosure rather than an ARIA menu: plain links, Tab order, no roving focus to learn.
 * Google and Outlook get the event only: no page address (its query string may carry
 * anything) and no Referer.
 */
export function renderAddToCalendar(p: AddToCalendarProps) {
  return html`<details class="add-to-calendar" part="add-to-calendar" @toggle=${p.onToggle}>
    <summary>${strings.calendar.addToCalendar}<span class="visually-hidden">${p.context}</span></summary>
    ${p.icsHref ? html`<ul>
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
    </ul>` : nothing}
  </details>`;
}
