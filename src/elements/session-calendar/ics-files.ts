import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../../contract/index.js';
import { sessionToIcs } from '../../contract/ics.js';
import type { EventModule } from './add-to-calendar.js';

/**
 * .ics files built in the browser (static mode has no server to ask). Only for
 * sessions whose menu a member opened, so 5,000 sessions never make 5,000 Blobs;
 * rebuilt when the session changes (spaces, status) and revoked when the element goes.
 */
export class IcsFiles implements ReactiveController {
  readonly #wanted = new Set<string>();
  readonly #built = new Map<string, { session: Session; url: string }>();

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The member opened this session's menu: build its file from now on. */
  buildFor(id: string) {
    this.#wanted.add(id);
    this.#host.requestUpdate();
  }

  href(session: Session, module: EventModule, pageUrl?: string): string | undefined {
    if (!this.#wanted.has(session.id)) return undefined;
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
    this.#built.clear();
    this.#wanted.clear();
  }
}
