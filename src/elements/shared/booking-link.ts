import type { ReactiveControllerHost } from 'lit';
import type { ResolvedEndpoint } from '../../client/endpoint.js';
import type { MobiliseController } from '../../context/index.js';

/** An emailed link's token in the address: `#mobilise-confirm=…` or `#mobilise-booking=…`, among the host page's own parameters. */
export const LINK = /mobilise-(confirm|booking)=([\w-]*)/;

/**
 * The spent confirm token leaves the address for the manage token, so a reload or a bookmark shows
 * the booking; the host page's own fragment parameters stay. Given the whole URL: a bare fragment
 * would resolve against the page's <base>.
 */
export const withManageToken = (url: string, token: string) => url.replace(LINK, `mobilise-booking=${token}`);

/**
 * Where an emailed link from before the booking page goes (a CLP page's address, the token in its
 * fragment): the training server's /booking, where links lead now, with that fragment, in the page's
 * Gaelic or Welsh. None without a link, or for a static file (no server).
 */
export function bookingPage({ url, mode }: ResolvedEndpoint, locale: string, hash: string) {
  const lang = /^(gd|cy)/.exec(locale)?.[0];
  return mode === 'api' && LINK.test(hash) ? `${url}/booking${lang ? `?lang=${lang}` : ''}${hash}` : undefined;
}

/**
 * Forwards an old link (bookingPage), after the host's first update, by which a provider's endpoint
 * has arrived; `replace`, so Back does not land on a page that forwards again.
 */
export async function forwardBookingLink(host: ReactiveControllerHost, ctx: MobiliseController) {
  if (!LINK.test(location.hash)) return;
  await host.updateComplete;
  const to = bookingPage(ctx.client().endpoint, ctx.locale, location.hash);
  if (to) location.replace(to);
}
