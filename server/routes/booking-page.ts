/**
 * "Your booking" at /booking: one HTML page and the element's own bundle (dist/booking/,
 * src/booking.ts), like the pathway and request pages and under the same strict CSP. Every
 * emailed confirm and manage link is `/booking#mobilise-confirm=…` or `#mobilise-booking=…`: the
 * fragment never reaches this server (or its logs); the element reads it. `?lang=gd|cy` (a member's
 * emails in Gaelic or Welsh link so) sets the page's lang.
 */
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import type { Log } from '../http/log.js';
import type { NodeEnv } from '../http/server.js';
import { mountBuiltPage } from './admin-console.js';
import { inLanguage } from './pathway-page.js';

/** Mounted before the API's own headers, as the pathway page is. */
export function mountBookingPage(api: Hono<NodeEnv>, log: Log): void {
  mountBuiltPage(api, log, {
    pagePath: '/booking',
    prefix: '/booking',
    dist: resolve(import.meta.dirname, '../../dist/booking'),
    script: 'booking.js',
    shell: {
      title: 'Your Mobilise booking',
      element: 'mobilise-booking',
      noscript: 'This page needs JavaScript. Turn it on for this site, then open the link from your email again.',
      noindex: true,
    },
    notBuilt: 'The booking page is not built yet. Run `npm run build` in the project folder, then reload this page.',
    render: inLanguage,
  });
}
