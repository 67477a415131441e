import { html, nothing } from 'lit';
import { strings } from '../../strings/current.js';

/**
 * "Ask for this module near me" (issue 14): to the training server's request page (the client's
 * `askUrl`), on a catalogue card with no upcoming session and in the calendar's empty state. The
 * module is named for screen readers, so each link says where it goes.
 */
export const askLink = (href: string | undefined, title: unknown) =>
  href ? html`<a class="ask" part="ask" href=${href}>${strings.catalogue.ask}<span class="visually-hidden">: ${title}</span></a>` : nothing;
