import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The community context protocol (https://github.com/webcomponents-cg/community-protocols),
 * as @lit/context speaks it, for exactly what the provider and MobiliseController use: a third
 * of its size. Same events and fields, so a page mixing this bundle with another copy (or with
 * @lit/context itself) still pairs providers and consumers, and either copy's root serves both.
 */
export type Context<T> = symbol & { __context__: T };

export const createContext = <T>(key: symbol) => key as Context<T>;

type Callback = (value: unknown, unsubscribe?: () => void) => void;

interface Request extends Event {
  context: unknown;
  contextTarget?: Element;
  callback: Callback;
  subscribe?: boolean;
}

/** Bubbles and is composed, from the element that wants the value (the provider's event, too). */
const event = (type: string, context: unknown, contextTarget: Element, callback?: Callback) =>
  Object.assign(new Event(type, { bubbles: true, composed: true }), { context, contextTarget, callback, subscribe: true });

const target = (e: Request) => e.contextTarget ?? (e.composedPath()[0] as Element);

/** Subscribes on connect; the value is the nearest provider's latest, or undefined without one. */
export class ContextConsumer<T> implements ReactiveController {
  value?: T;
  #unsubscribe?: () => void;
  #host: ReactiveControllerHost & HTMLElement;
  #context: Context<T>;

  constructor(host: ReactiveControllerHost & HTMLElement, context: Context<T>) {
    this.#context = context;
    (this.#host = host).addController(this);
  }

  // One callback per consumer: a provider (or the root) that already holds it does not add it twice.
  #callback: Callback = (value, unsubscribe) => {
    // Answered by another provider (re-parented): leave the old one.
    if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
    this.#unsubscribe = unsubscribe;
    this.value = value as T;
    this.#host.requestUpdate();
  };

  hostConnected() {
    this.#host.dispatchEvent(event('context-request', this.#context, this.#host, this.#callback));
  }

  hostDisconnected() {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

/** Answers requests for its context from below and tells subscribers of every new value. */
export class ContextProvider<T> implements ReactiveController {
  #value?: T;
  /** Each subscriber's element and its one unsubscribe function (consumers compare it to tell providers apart). */
  readonly #subscribers = new Map<Callback, [Element, () => void]>();
  #host: ReactiveControllerHost & HTMLElement;
  #context: Context<T>;

  constructor(host: ReactiveControllerHost & HTMLElement, context: Context<T>, value?: T) {
    this.#host = host;
    this.#context = context;
    this.#value = value;
    host.addEventListener('context-request', (e) => {
      const { context, callback, subscribe } = e as Request;
      const consumer = target(e as Request);
      if (context !== this.#context || consumer === host) return;
      e.stopPropagation();
      if (!subscribe) return callback(this.#value);
      const subscriber = this.#subscribers.get(callback) ?? [consumer, () => this.#subscribers.delete(callback)];
      this.#subscribers.set(callback, subscriber);
      callback(this.#value, subscriber[1]);
    });
    // A provider of the same context connected below: its consumers ask again, so the nearer one answers.
    host.addEventListener('context-provider', (e) => {
      if ((e as Request).context !== this.#context || target(e as Request) === host) return;
      e.stopPropagation();
      for (const [callback, [consumer]] of this.#subscribers) consumer.dispatchEvent(event('context-request', this.#context, consumer, callback));
    });
    // Last: a host already connected calls hostConnected at once.
    host.addController(this);
  }

  get value() {
    return this.#value;
  }

  hostConnected() {
    this.#host.dispatchEvent(event('context-provider', this.#context, this.#host));
  }

  setValue(value: T) {
    if (Object.is(value, this.#value)) return;
    this.#value = value;
    for (const [callback, [, unsubscribe]] of this.#subscribers) callback(value, unsubscribe);
  }
}

/**
 * On the document: keeps subscribing requests that no provider answered and asks again, from the
 * same element with the same callback, when a provider of that context connects.
 */
export function attachContextRoot(root: Element) {
  // Held weakly, as @lit/context does: a removed element that never met a provider can still be collected.
  const pending = new Map<unknown, [WeakRef<Element>, WeakRef<Callback>][]>();
  const seen = new WeakSet<Callback>();
  root.addEventListener('context-request', (e) => {
    const { context, callback, subscribe } = e as Request;
    if (!subscribe || seen.has(callback)) return;
    seen.add(callback);
    if (!pending.has(context)) pending.set(context, []);
    pending.get(context)!.push([new WeakRef(target(e as Request)), new WeakRef(callback)]);
  });
  root.addEventListener('context-provider', (e) => {
    const { context } = e as Request;
    const requests = pending.get(context) ?? [];
    pending.delete(context);
    for (const [elementRef, callbackRef] of requests) {
      const [element, callback] = [elementRef.deref(), callbackRef.deref()];
      if (!callback) continue;
      seen.delete(callback);
      element?.dispatchEvent(event('context-request', context, element, callback));
    }
  });
}
