import { MobiliseError } from './errors.js';
import { en } from '../strings/en.js';

export type EndpointMode = 'api' | 'static';

export interface ResolvedEndpoint {
  /** Absolute base URL without trailing slash (api) or the JSON file URL (static). */
  url: string;
  mode: EndpointMode;
}

/**
 * Turn the webmaster's `endpoint` attribute into an absolute URL. A value ending
 * in `.json` is a static data file; anything else is an API base.
 * Pure apart from `base` (the page URL), so it is tested without a DOM.
 */
export function resolveEndpoint(value: string | null | undefined, base: string): ResolvedEndpoint {
  const raw = (value ?? '').trim();
  if (!raw) throw new MobiliseError('config', en.state.missingEndpoint);
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new MobiliseError('config', en.state.invalidEndpoint(raw));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MobiliseError('config', en.state.invalidEndpoint(raw));
  }
  // Members' details go to this endpoint: plain http only to a server on this computer (development).
  if (url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new MobiliseError('config', en.state.insecureEndpoint(raw));
  }
  url.hash = '';
  const isStatic = /\.json$/i.test(url.pathname);
  if (isStatic) return { url: url.href, mode: 'static' };
  url.search = '';
  return { url: url.href.replace(/\/+$/, ''), mode: 'api' };
}
