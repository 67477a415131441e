/**
 * "My Mobilise pathway" at /pathway: one HTML page and the element's own bundle (dist/pathway/,
 * src/pathway.ts), like the organiser console at /admin and under the same strict CSP. The emailed
 * link is `/pathway#token=…`: the fragment never reaches this server (or its logs); the element
 * reads it. `?lang=gd|cy` (a member's emails in Gaelic or Welsh link so) sets the page's lang.
 */
import { resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import { translatedLocale } from '../../src/contract/module.js';
import type { Log } from '../http/log.js';
import type { NodeEnv } from '../http/server.js';
import { mountBuiltPage } from './admin-console.js';

/** Mounted before the API's own headers, as the console is (their `default-src 'none'` would stop the script). */
export function mountPathwayPage(api: Hono<NodeEnv>, log: Log): void {
  mountBuiltPage(api, log, {
    pagePath: '/pathway',
    prefix: '/pathway',
    dist: resolve(import.meta.dirname, '../../dist/pathway'),
    script: 'pathway.js',
    shell: {
      title: 'My Mobilise pathway',
      element: 'mobilise-pathway',
      noscript: 'Your pathway needs JavaScript. Turn it on for this site, then open the link from your email again.',
      noindex: true,
    },
    notBuilt: 'The pathway page is not built yet. Run `npm run build` in the project folder, then reload this page.',
    render: inLanguage,
  });
}

/** The page in the language `?lang=` names (gd, cy), else as written (en-GB); also the request page's. */
export function inLanguage(html: string, c: Context): string {
  const lang = translatedLocale(c.req.query('lang'));
  return lang ? html.replace('<html lang="en-GB">', `<html lang="${lang}">`) : html;
}
