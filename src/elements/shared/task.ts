import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface TaskConfig<A extends readonly unknown[], R> {
  /** Read on every host update; the task runs again when one of them changes (Object.is). */
  args: () => A;
  task: (args: A, options: { signal: AbortSignal }) => Promise<R>;
  /** Called before `status` and `value` change, like @lit/task; what it throws is ignored. */
  onComplete?: (value: R) => void;
}

export interface TaskRenderers<R> {
  initial?: () => unknown;
  pending?: () => unknown;
  complete?: (value: R) => unknown;
  error?: (error: unknown) => unknown;
}

/**
 * What the elements used of @lit/task (~0.7 KB gzip in the embed), in half of it: run when the
 * args change, abort the previous run, ignore a stale result, keep the last value
 * while pending. Treat `status`, `value` and `error` as read-only.
 */
export class Task<A extends readonly unknown[], R> implements ReactiveController {
  status: TaskStatus = 'initial';
  value?: R;
  error?: unknown;
  #host: ReactiveControllerHost;
  #config: TaskConfig<A, R>;
  #args?: A;
  #abort?: AbortController;

  constructor(host: ReactiveControllerHost, config: TaskConfig<A, R>) {
    (this.#host = host).addController(this);
    this.#config = config;
  }

  hostUpdate() {
    const args = this.#config.args();
    const prev = this.#args;
    if (!prev || args.some((v, i) => !Object.is(v, prev[i]))) void this.run(args);
  }

  async run(args = this.#config.args()) {
    this.#args = args;
    if (this.status === 'pending') this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'pending';
    this.#host.requestUpdate();
    let value: R | undefined;
    let error: unknown;
    let status: TaskStatus = 'complete';
    try {
      value = await this.#config.task(args, { signal: abort.signal });
    } catch (e) {
      error = e;
      status = 'error';
    }
    // A newer run started meanwhile: its result is the one to show.
    if (abort !== this.#abort) return;
    if (status === 'complete') {
      try {
        this.#config.onComplete?.(value!);
      } catch {
        /* as @lit/task: a callback cannot fail the task */
      }
    }
    this.status = status;
    this.value = value;
    this.error = error;
    this.#host.requestUpdate();
  }

  render(renderers: TaskRenderers<R>): unknown {
    const render = renderers[this.status] as ((x: unknown) => unknown) | undefined;
    return render?.(this.status === 'error' ? this.error : this.value);
  }
}
