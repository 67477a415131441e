/** An emailed link's token in the address: `#mobilise-confirm=…` or `#mobilise-booking=…`, among the host page's own parameters. */
export const LINK = /mobilise-(confirm|booking)=([\w-]*)/;

/**
 * The spent confirm token leaves the address for the manage token, so a reload or a bookmark shows
 * the booking; the host page's own fragment parameters stay. Given the whole URL: a bare fragment
 * would resolve against the page's <base>.
 */
export const withManageToken = (url: string, token: string) => url.replace(LINK, `mobilise-booking=${token}`);
