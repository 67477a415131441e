import { withSessionHash } from '../../contract/session-link.js';

export { withSessionHash };

/**
 * Deep links: `#session=<id>`. Parsed leniently (`#foo&session=id` works too)
 * so a host page that keeps its own state in the hash is not broken by ours.
 */
export function parseSessionHash(hash: string): string | undefined {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get('session')?.trim();
  return id && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) ? id : undefined;
}

/**
 * Point the address bar at a session without a history entry or a hashchange,
 * and keep the host router's `history.state` as it is.
 */
export function replaceSessionHash(id: string) {
  const next = withSessionHash(location.href, id);
  if (next !== location.href) history.replaceState(history.state, '', next);
}

/** This page's address for a session: no query string (it may carry anything: tracking, tokens), our hash key only. */
export const sessionPageUrl = (id: string) => withSessionHash(location.origin + location.pathname, id);
