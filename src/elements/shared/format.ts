import { TIME_ZONE } from '../../context/config.js';

/** Intl formatters are costly to build; one per locale+options is reused across renders. */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "Tuesday 3 December 2026" */
export const formatDay = (iso: string, locale: string) =>
  formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));

/** "Tue 3 Dec" */
export const formatShortDay = (iso: string, locale: string) =>
  formatter(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));

/** "6:30pm" style per locale, always in UK time. */
export const formatTime = (iso: string, locale: string) =>
  formatter(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** "6:30pm – 8:30pm" */
export const formatTimeRange = (start: string, end: string, locale: string) =>
  `${formatTime(start, locale)} – ${formatTime(end, locale)}`;

/** "December 2026" */
export const formatMonth = (iso: string, locale: string) =>
  formatter(locale, { month: 'long', year: 'numeric' }).format(new Date(iso));

/** Year-month key in UK time, e.g. "2026-12", for grouping. */
export function monthKey(iso: string): string {
  const parts = formatter('en-GB', { year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  const y = parts.find((p) => p.type === 'year')!.value;
  const m = parts.find((p) => p.type === 'month')!.value;
  return `${y}-${m}`;
}

/** Calendar date in UK time, "YYYY-MM-DD", for grouping and grid cells. */
export function dayKey(iso: string | Date): string {
  const parts = formatter('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}
