import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../../contract/index.js';
import { sessionToIcs } from '../../contract/ics.js';
import type { EventModule } from './add-to-calendar.js';

/**
 * Which sessions' add-to-calendar menus are open (their links are built only then), and the
 * .ics files built in the browser for them (static mode has no server to ask), so 5,000 sessions
 * never make 5,000 Blobs; rebuilt when the session changes (spaces, status) and revoked when the element goes.
 */
export class IcsFiles implements ReactiveController {
  readonly #open = new Set<string>();
  readonly #built = new Map<string, { session: Session; url: string }>();

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The member opened or closed this session's menu: its links (and file) are built while it is open. */
  toggleMenu(id: string) {
    if (!this.#open.delete(id)) this.#open.add(id);
    this.#host.requestUpdate();
  }

  menuOpen(id: string): boolean {
    return this.#open.has(id);
  }

  /** A file for a session whose menu is open (the caller asks `menuOpen` first). */
  href(session: Session, module: EventModule, pageUrl?: string): string {
    const hit = this.#built.get(session.id);
    if (hit?.session === session) return hit.url;
    if (hit) URL.revokeObjectURL(hit.url);
    const ics = sessionToIcs(session, module, { url: pageUrl });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    this.#built.set(session.id, { session, url });
    return url;
  }

  hostDisconnected() {
    for (const { url } of this.#built.values()) URL.revokeObjectURL(url);
    // Menus still open when the element comes back keep their links; the files are built again.
    this.#built.clear();
  }
}
