import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseSessionHash } from './hash.js';

export interface DeepLinkOptions {
  /** The sessions are loaded, so a link can be followed now. */
  ready(): boolean;
  /** Follow a link to this session id (the element knows how to reveal it). */
  open(id: string): Promise<void>;
}

/**
 * `#session=<id>` deep links, on connect and on every hashchange. A link that arrives while
 * the sessions are still loading is kept until `dataReady()` rather than dropped.
 */
export class DeepLinkController implements ReactiveController {
  #pending = false;

  readonly #host: ReactiveControllerHost;
  readonly #options: DeepLinkOptions;

  constructor(
    host: ReactiveControllerHost,
    options: DeepLinkOptions,
  ) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  readonly #onHashChange = () => {
    if (this.#options.ready()) void this.#follow();
    else this.#pending = true;
  };

  hostConnected() {
    window.addEventListener('hashchange', this.#onHashChange);
    this.#pending = true;
  }

  hostDisconnected() {
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  /** Call from the data task's onComplete. */
  dataReady() {
    if (!this.#pending) return;
    this.#pending = false;
    // After the task has stored its value (it does so right after this callback).
    queueMicrotask(() => void this.#follow());
  }

  /**
   * The link as it is now: the wait for the list to be drawn (two steps, a frame) leaves time for the
   * member to choose a session, which rewrites the hash, and that must not be followed as a link.
   */
  async #follow() {
    const id = parseSessionHash(location.hash);
    await this.#host.updateComplete;
    if (id) await this.#options.open(id);
  }
}
