import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { MobiliseClient } from '../../client/index.js';
import type { SignupRequest, SignupResult } from '../../contract/index.js';
import { emit } from '../../context/index.js';
import { strings } from '../../strings/current.js';
import { classifyFailure } from './failure.js';
import { IdempotencyKeys } from './idempotency.js';
import type { Outcome } from './result.js';
import type { Problems, Validation } from './validation.js';


export interface SubmissionHooks {
  client(): MobiliseClient;
  /** Answers are going out, so problems shown for earlier ones no longer apply. */
  sending(): void;
  /** The answers were refused, by the contract in the browser or by the server. */
  problems(problems: Problems): void;
  /** An outcome replaced the form; `signedUp` when the session's spaces have changed. */
  settled(signedUp?: boolean): void;
}

/**
 * One signup attempt: the idempotency key (kept across retries, so a POST that did land is never
 * counted twice), the request in flight, the notice by the submit button and the outcome. Only
 * the status, hold and session id leave it, in `mobilise-signup`.
 */
export class SubmissionController implements ReactiveController {
  readonly #keys = new IdempotencyKeys();
  /** The request in flight: set exactly while submitting. */
  #inFlight?: AbortController;
  /** The failure the notice is about, worded at each render (so in the page's current language). */
  #notice: unknown;
  #current?: Outcome;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #hooks: SubmissionHooks;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    hooks: SubmissionHooks,
  ) {
    this.#host = host;
    this.#hooks = hooks;
    host.addController(this);
  }

  get submitting(): boolean {
    return !!this.#inFlight;
  }

  get outcome(): Outcome | undefined {
    return this.#current;
  }

  key(sessionId: string): string {
    return this.#keys.for(sessionId);
  }

  /** A new person: the next attempt is a new signup. */
  renewKey(sessionId: string) {
    this.#keys.renew(sessionId);
  }

  hostDisconnected() {
    this.#inFlight?.abort();
  }

  /** Valid answers go out; invalid ones are handed back without a request. */
  submit(validation: Validation) {
    if (validation.ok) void this.#send(validation.request);
    else this.#refuse(validation.problems);
  }

  /** Back to the form (after "full" or "closed"); answers and key stay. */
  dismissOutcome() {
    this.#current = undefined;
    this.#host.requestUpdate();
  }

  /** A fresh attempt: any request in flight is dropped, its answer ignored. */
  reset() {
    this.#inFlight?.abort();
    this.#inFlight = undefined;
    this.#notice = undefined;
    this.#current = undefined;
    this.#host.requestUpdate();
  }

  async #send(request: SignupRequest) {
    const client = this.#hooks.client();
    const controller = new AbortController();
    this.#inFlight = controller;
    this.#notice = undefined;
    this.#host.requestUpdate();
    this.#hooks.sending();
    try {
      const result = await client.signup(request, controller.signal);
      if (!controller.signal.aborted) this.#succeed(result);
    } catch (error) {
      if (!controller.signal.aborted) this.#fail(error, request.sessionId);
    } finally {
      if (this.#inFlight === controller) {
        this.#inFlight = undefined;
        this.#host.requestUpdate();
      }
    }
  }

  #succeed(result: SignupResult) {
    // Nothing is booked yet, so no calendar file: the confirmation email brings it.
    this.#current = { kind: 'pending', result };
    this.#host.requestUpdate();
    // Event first: a calendar on the page starts its refresh, which the form's own then shares.
    emit(this.#host, 'mobilise-signup', { sessionId: result.sessionId, status: result.status, hold: result.hold });
    this.#hooks.settled(true);
  }

  #fail(error: unknown, sessionId: string) {
    const action = classifyFailure(error);
    if (action.kind === 'problems') this.#refuse(action.problems);
    else if (action.kind === 'outcome') {
      this.#current = { kind: action.outcome };
      this.#host.requestUpdate();
      this.#hooks.settled();
    } else {
      if (action.renewKey) this.#keys.renew(sessionId);
      this.#notice = error;
      this.#host.requestUpdate();
    }
  }

  #refuse(problems: Problems) {
    this.#notice = undefined;
    this.#host.requestUpdate();
    this.#hooks.problems(problems);
  }

  /** The connection or rate-limit notice, the submit button and its status for screen readers. */
  render(waitlist: boolean) {
    const submitting = this.submitting;
    const notice = this.#notice && (classifyFailure(this.#notice) as { text?: string }).text;
    return html`${notice ? html`<p class="state error" part="notice" role="alert">${notice}</p>` : nothing}
      <button class="button submit" part="submit" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
        ${submitting ? strings.signup.submitting : waitlist ? strings.signup.submitWaitlist : strings.signup.submit}
      </button>
      <p class="visually-hidden" role="status">${submitting ? strings.signup.submitting : ''}</p>`;
  }
}
