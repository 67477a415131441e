/**
 * Day arithmetic for the month grid on "YYYY-MM-DD" strings (UTC dates, so no time zone moves a day): pure, tested
 * without a DOM. Its own module, so the lazy month-grid chunk exports only what the calendar reads from it.
 */
const DAY_MS = 86_400_000;

/** A date-only ISO string is read as UTC midnight (ECMAScript's rule, unlike a date-time without a zone). */
const toDate = (day: string) => new Date(day);
const toDay = (d: Date) => d.toISOString().slice(0, 10);
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const addDays = (day: string, n: number) => toDay(new Date(toDate(day).getTime() + n * DAY_MS));
/** 0 = Monday … 6 = Sunday (en-GB weeks). */
export const weekday = (day: string) => (toDate(day).getUTCDay() + 6) % 7;

/** Same day of the month, clamped: 31 January + 1 month is 28 (or 29) February. */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Date.UTC carries a month past December (or before January) into the year, in both calls.
  return toDay(new Date(Date.UTC(y, m - 1 + n, Math.min(d, daysIn(y, m + n)))));
}

/** Weeks of the month as rows of seven, with `null` padding before the 1st and after the last day. */
export function monthWeeks(month: string): (string | null)[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const cells: (string | null)[] = Array.from({ length: weekday(`${month}-01`) }, () => null);
  for (let d = 1; d <= daysIn(y, m); d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** The APG date grid keys; undefined for keys the grid does not own. */
export function moveDay(day: string, key: string): string | undefined {
  switch (key) {
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'Home':
      return addDays(day, -weekday(day));
    case 'End':
      return addDays(day, 6 - weekday(day));
    case 'PageUp':
      return addMonths(day, -1);
    case 'PageDown':
      return addMonths(day, 1);
    default:
      return undefined;
  }
}
