/**
 * "Ask for this module near me" at /request: one HTML page and the element's own bundle
 * (dist/request/, src/request.ts), like the pathway page and under the same strict CSP. The
 * embed's links open it as `/request?module=…&area=…&from=<the CLP page>&lang=…`; a request's
 * confirmation email links to `/request#mobilise-request=<token>`, a fragment that never reaches
 * this server (or its logs). `?lang=gd|cy` sets the page's lang.
 */
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import type { Log } from '../http/log.js';
import type { NodeEnv } from '../http/server.js';
import { escapeHtml } from '../mail/templates/layout.js';
import { mountBuiltPage } from './admin-console.js';
import { inLanguage } from './pathway-page.js';

const TAG = '<mobilise-module-request>';

/** Mounted before the API's own headers, as the pathway page is. `privacyUrl`: the notice the consent links to (PRIVACY_URL). */
export function mountRequestPage(api: Hono<NodeEnv>, log: Log, privacyUrl: string | undefined): void {
  const privacy = privacyUrl ? `<mobilise-module-request privacy-url="${escapeHtml(privacyUrl)}">` : TAG;
  mountBuiltPage(api, log, {
    pagePath: '/request',
    prefix: '/request',
    dist: resolve(import.meta.dirname, '../../dist/request'),
    script: 'request.js',
    shell: {
      title: 'Ask for a Mobilise module near you',
      element: 'mobilise-module-request',
      noscript: 'This page needs JavaScript. Turn it on for this site, then open the link again.',
      noindex: true,
    },
    notBuilt: 'The request page is not built yet. Run `npm run build` in the project folder, then reload this page.',
    render: (html, c) => inLanguage(html.replace(TAG, privacy), c),
  });
}
