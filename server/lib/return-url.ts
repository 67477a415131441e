import type { FieldError } from '../../src/contract/index.js';
import { en } from '../../src/strings/en.js';

/**
 * The page a signup came from, where its emailed links lead. Pure, so the browser tests'
 * fake backend applies the very same rule.
 */

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
};

/** The links go back to this page, so it must be on a site the server trusts. */
export function returnUrlErrors(returnUrl: unknown, allowed: readonly string[] | undefined): FieldError[] {
  if (typeof returnUrl !== 'string' || !allowed || allowed.includes(originOf(returnUrl))) return [];
  return [{ field: 'returnUrl', message: en.validation.returnUrl }];
}

/** The page itself: a query or fragment could carry anything, and the fragment is where the token goes. */
export function pageOnly(returnUrl: string): string {
  const url = new URL(returnUrl);
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * GET /v1/sessions.jsonld's `page`, where its events link to: an http(s) page on a site the server
 * trusts, as a returnUrl must be, reduced to the page itself; anything else is ignored (undefined).
 */
export function allowedPage(page: string | undefined, allowed: readonly string[] | undefined): string | undefined {
  if (!page || !/^https?:\/\//.test(originOf(page)) || returnUrlErrors(page, allowed).length) return undefined;
  return pageOnly(page);
}
