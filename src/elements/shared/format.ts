import { DEFAULT_LOCALE, TIME_ZONE } from '../../context/config.js';

/** Intl formatters are costly to build; one per locale+options is reused across renders. */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    // An engine whose ICU lacks the locale (Gaelic, in some) writes British English, not its own default.
    f = new Intl.DateTimeFormat([locale, DEFAULT_LOCALE], { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

/**
 * Format without throwing: a date Intl cannot format (a backend sent year 0000, or
 * a key of a year past 9999) shows as the text it came from, never a crashed render.
 */
function format(f: Intl.DateTimeFormat, iso: string) {
  const d = new Date(iso);
  // The global isNaN reads the Date as its time value.
  return isNaN(d as unknown as number) ? iso : f.format(d);
}

/** A key's year as Date can parse it back: four digits, or the extended form past 9999. */
const keyYear = (y: string) => (y.length > 4 ? `+${y.padStart(6, '0')}` : y.padStart(4, '0'));

/** "Tuesday 3 December 2026" */
export const formatDay = (iso: string, locale: string) =>
  format(formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }), iso);

/** "Tue 3 Dec" */
export const formatShortDay = (iso: string, locale: string) =>
  format(formatter(locale, { weekday: 'short', day: 'numeric', month: 'short' }), iso);

/** "6:30pm" style per locale, always in UK time. */
export const formatTime = (iso: string, locale: string) =>
  format(formatter(locale, { hour: 'numeric', minute: '2-digit' }), iso);

/** "6:30pm – 8:30pm" */
export const formatTimeRange = (start: string, end: string, locale: string) =>
  `${formatTime(start, locale)} – ${formatTime(end, locale)}`;

/** "December 2026" */
export const formatMonth = (iso: string, locale: string) =>
  format(formatter(locale, { month: 'long', year: 'numeric' }), iso);

/**
 * Build the formatters a first render of sessions uses, e.g. while the network answers: each
 * loads its locale's and time zone's data, tens of ms on a phone that would otherwise hold up the first render.
 */
export function warmFormats(locale: string) {
  for (const f of [formatDay, formatShortDay, formatTime, formatMonth]) f('', locale);
  dayKey(new Date());
}

/** Year-month key in UK time, e.g. "2026-12", for grouping. */
export function monthKey(iso: string): string {
  const parts = formatter('en-GB', { year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  const y = keyYear(parts.find((p) => p.type === 'year')!.value);
  const m = parts.find((p) => p.type === 'month')!.value;
  return `${y}-${m}`;
}

/** Calendar date in UK time, "YYYY-MM-DD", for grouping and grid cells. */
export function dayKey(iso: string | Date): string {
  const parts = formatter('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${keyYear(get('year'))}-${get('month')}-${get('day')}`;
}
