import { TIME_ZONE } from '../../context/config.js';
import { londonOffsetMinutes, londonParts as ukClock } from '../../contract/london-time.js';

/**
 * UK wall-clock time (Europe/London) both ways, whatever zone the browser is in: organisers
 * type "18:30 on 15 July" and mean 18:30 in the UK, which is +01:00 in summer (BST) and
 * +00:00 in winter (GMT).
 */

/** The UK's wall clock at instant `ms`. */
const wallClock = (ms: number) => ukClock(new Date(ms));
/** Minutes the UK is ahead of UTC at instant `ms` (0 or 60). */
const offsetAt = (ms: number) => londonOffsetMinutes(new Date(ms));

const pad = (n: number) => String(n).padStart(2, '0');
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?$/;

/**
 * `date` (YYYY-MM-DD) at `time` (HH:MM, or HH:MM:SS.sss) in the UK, as an ISO date-time with that
 * moment's offset: `2027-07-15T18:30:00+01:00`. Undefined when the input is malformed, or when
 * the time does not exist in the UK (the hour skipped when the clocks go forward in March).
 * An hour that happens twice (October's clocks going back) is its first, summer-time one.
 */
export function londonIso(date: string, time: string): string | undefined {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return undefined;
  const [y, mo, day, h, mi, s] = [d[1], d[2], d[3], t[1], t[2], t[3] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, day, h, mi, s);
  // Try the offset of both nearby instants, summer first so a repeated hour is its first time.
  for (const offset of [...new Set([offsetAt(asUtc - 3_600_000), offsetAt(asUtc)])].sort((a, b) => b - a)) {
    const w = wallClock(asUtc - offset * 60_000);
    if (w.year === y && w.month === mo && w.day === day && w.hour === h && w.minute === mi) {
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      return `${date}T${pad(h)}:${pad(mi)}:${pad(s)}${t[4] ?? ''}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    }
  }
  return undefined;
}

/** An ISO date-time as the UK's date (YYYY-MM-DD) and time (HH:MM), for a form's inputs. */
export function londonParts(iso: string): { date: string; time: string } {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { date: '', time: '' };
  const w = wallClock(ms);
  return { date: `${String(w.year).padStart(4, '0')}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** A date input's day as the API's filter bound: the first or the last moment of that UK day. */
export const londonDayBound = (day: string, end: boolean) => (day ? londonIso(day, end ? '23:59:59.999' : '00:00') : undefined);

const cache = new Map<string, Intl.DateTimeFormat>();

/** "3 Dec 2026, 18:30": a moment in UK time (Europe/London) whatever the browser's zone; bad input shown as given. */
export function ukDateTime(iso: string, locale = 'en-GB'): string {
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })));
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}
