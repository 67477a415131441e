import { ContextRoot } from '@lit/context';

const ROOT_FLAG = Symbol.for('mobilise-context-root');

/**
 * Hold context requests that no provider answered yet and replay them when one appears: scripts
 * that each register one element load in any order, so a calendar may ask before its provider is
 * defined. One root per page, whichever bundle copy attaches it first.
 */
export function ensureContextRoot() {
  const g = globalThis as Record<symbol, unknown>;
  if (g[ROOT_FLAG] || typeof document === 'undefined') return;
  g[ROOT_FLAG] = true;
  new ContextRoot().attach(document.documentElement);
}
