import { ensureContextRoot } from '../../context/root.js';

/**
 * Register a custom element once. An embed script may be included twice on a
 * page (theme + page builder); the second registration would otherwise throw.
 */
export function register(tag: string, ctor: CustomElementConstructor) {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, ctor);
}

/** Register an element from a script of its own, which may load before or after the provider's. */
export function define(tag: string, ctor: CustomElementConstructor) {
  ensureContextRoot();
  register(tag, ctor);
}
