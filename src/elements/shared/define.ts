/**
 * Register a custom element once. An embed script may be included twice on a
 * page (theme + page builder); the second registration would otherwise throw.
 */
export function define(tag: string, ctor: CustomElementConstructor) {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, ctor);
}
