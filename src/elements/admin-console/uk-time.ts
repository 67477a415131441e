import { TIME_ZONE } from '../../context/config.js';

const cache = new Map<string, Intl.DateTimeFormat>();

/** "3 Dec 2026, 18:30": a moment in UK time (Europe/London) whatever the browser's zone; bad input shown as given. */
export function ukDateTime(iso: string, locale = 'en-GB'): string {
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })));
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}
