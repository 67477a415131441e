/**
 * A page's address with `#session=<id>` set in its hash, other hash parameters kept: the
 * calendar's deep link. Pure and here, not in the embed, because the server's JSON-LD
 * (json-ld.ts) links each event to the same place.
 */
export function withSessionHash(href: string, id: string): string {
  const url = new URL(href);
  const raw = url.hash.replace(/^#/, '');
  const params = new URLSearchParams(raw.includes('=') ? raw : '');
  params.set('session', id);
  url.hash = params.toString();
  return url.href;
}
