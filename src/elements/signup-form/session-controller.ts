import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DroppedItem } from '../../client/index.js';
import type { Module, Session } from '../../contract/index.js';
import type { MobiliseController } from '../../context/index.js';
import { Task } from '../shared/task.js';
import { seriesOf, type Series } from './series.js';

export interface Loaded {
  /** Undefined when the id matches no session the server sent. */
  session?: Session;
  module?: Module;
  dropped: DroppedItem[];
  acceptsSignups: boolean;
  externalUrl?: string;
  /** Sessions of the modules this one goes with, offered to book in the same signup (all places or none). */
  series?: Series;
}

export interface SessionViews {
  loading: () => unknown;
  loaded: (loaded: Loaded | null) => unknown;
  /** `retry` loads the session again. */
  failed: (error: unknown, retry: () => void) => unknown;
}

/**
 * Which session the form is for — its `session-id`, else the provider's selection, else the last
 * one picked anywhere on the page — and loading it. Reports a change of session (not the first)
 * to `changed`, before the load starts, so the element can start a fresh attempt.
 */
export class SessionController implements ReactiveController {
  /** Without a provider, the last session picked anywhere on the page (see onPageSelect). */
  #pageSelection = '';
  #shownId?: string;
  readonly #task: Task<readonly [string | undefined, string | undefined, string, string], Loaded | null>;

  readonly #host: ReactiveControllerHost & { sessionId: string };
  readonly #ctx: MobiliseController;
  readonly #changed: (id: string) => void;

  constructor(
    host: ReactiveControllerHost & { sessionId: string },
    ctx: MobiliseController,
    changed: (id: string) => void,
  ) {
    this.#host = host;
    this.#ctx = ctx;
    this.#changed = changed;
    // Added before the task, so a change of session is reported before the task reloads.
    host.addController(this);
    // Same query as the calendar, so the page makes one sessions request for both.
    this.#task = new Task(host, {
      args: () => [this.#ctx.endpoint, this.#ctx.config.area, this.id, this.#ctx.locale] as const,
      task: ([, area, sessionId], { signal }) => this.#load(area, sessionId, signal),
    });
  }

  get id(): string {
    return this.#host.sessionId || (this.#ctx.hasProvider ? this.#ctx.selection.sessionId : this.#pageSelection) || '';
  }

  get value(): Loaded | null | undefined {
    return this.#task.value;
  }

  get failed(): boolean {
    return this.#task.status === 'error';
  }

  /**
   * A webmaster who pastes a calendar and a form without a provider still gets them
   * wired: the select event is composed, so it reaches window. Applied after other
   * listeners, like the provider does, so a host page can veto it.
   */
  readonly #onPageSelect = (e: Event) => {
    if (this.#ctx.hasProvider) return;
    const event = e as HTMLElementEventMap['mobilise-session-select'];
    queueMicrotask(() => {
      if (event.defaultPrevented || event.detail.sessionId === this.#pageSelection) return;
      this.#pageSelection = event.detail.sessionId;
      this.#host.requestUpdate();
    });
  };

  /** Load again from the server, past the client's cache. */
  readonly reload = () => {
    try {
      this.#ctx.client().invalidate();
    } catch {
      /* a config error is shown again by the task */
    }
    void this.#task.run();
  };

  /** Load again; the client's cache was already invalidated (by a signup). */
  refresh() {
    void this.#task.run();
  }

  hostConnected() {
    window.addEventListener('mobilise-session-select', this.#onPageSelect);
  }

  hostDisconnected() {
    window.removeEventListener('mobilise-session-select', this.#onPageSelect);
  }

  hostUpdate() {
    const id = this.id;
    if (id === this.#shownId) return;
    const first = this.#shownId === undefined;
    this.#shownId = id;
    if (!first) this.#changed(id);
  }

  async #load(area: string | undefined, sessionId: string, signal: AbortSignal): Promise<Loaded | null> {
    const client = this.#ctx.client();
    // The task's last argument: a new language loads again.
    const locale = this.#ctx.locale;
    if (!sessionId) return null;
    const [sessions, modules] = await Promise.all([client.getSessions({ area, locale }, signal), client.getModules(signal, locale)]);
    const session = sessions.items.find((s) => s.id === sessionId);
    const module = session && modules.items.find((m) => m.id === session.moduleId);
    const externalUrl = client.acceptsSignups ? undefined : await client.externalSignupUrl();
    const series = module && seriesOf(session, module, sessions.items, modules.items, Date.now());
    return { session, module, dropped: sessions.dropped, acceptsSignups: client.acceptsSignups, externalUrl, series };
  }

  render(views: SessionViews) {
    return this.#task.render({
      initial: views.loading,
      // Reloading the same session (after a signup) keeps the page still instead of flashing a skeleton.
      pending: () => {
        const last = this.#task.value;
        return last?.session && last.session.id === this.id ? views.loaded(last) : views.loading();
      },
      complete: views.loaded,
      error: (error) => views.failed(error, this.reload),
    });
  }
}
