import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What takes focus, by its selector: the form's heading, the error summary or an outcome's heading. */
export type FocusTarget = '#heading' | '.error-summary' | '.result-heading';

/**
 * Moves focus (and the page) to what just changed, after the render that shows it — a target
 * asked for while the session is still loading waits for it. The last request wins.
 */
export class FocusController implements ReactiveController {
  #next?: FocusTarget;

  readonly #host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  /** The load failed, so a pending target will never render. */
  readonly #failed: () => boolean;

  constructor(
    host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    failed: () => boolean,
  ) {
    this.#host = host;
    this.#failed = failed;
    host.addController(this);
  }

  request(target: FocusTarget) {
    this.#next = target;
    this.#host.requestUpdate();
  }

  hostUpdated() {
    if (!this.#next) return;
    const el = this.#host.renderRoot.querySelector<HTMLElement>(this.#next);
    if (!el) {
      // Still loading: try after the next render. A failed load has nothing to focus.
      if (this.#failed()) this.#next = undefined;
      return;
    }
    this.#next = undefined;
    const smooth = !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    el.focus({ preventScroll: true });
  }
}
