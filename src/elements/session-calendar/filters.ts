import { offers } from '../../client/filter.js';
import type { Delivery, Session } from '../../contract/index.js';
import { dayKey } from '../shared/format.js';

/** A session with the values every filter, grouping and grid needs, computed once per response. */
export interface Entry {
  session: Session;
  start: number;
  end: number;
  /** London calendar day, "YYYY-MM-DD". */
  day: string;
  /** London month, "YYYY-MM". */
  month: string;
}

export interface Filters {
  module: string;
  delivery: Delivery | '';
  area: string;
  /** Inclusive London days, "YYYY-MM-DD"; anything else is ignored. */
  from: string;
  to: string;
  /** Access features the session must all offer, comma-separated in ACCESS_FEATURES' order (the API's `access=`). */
  access: string;
  showPast: boolean;
  now: number;
}

export interface DayGroup {
  day: string;
  entries: Entry[];
}
export interface MonthGroup {
  month: string;
  days: DayGroup[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Sort once and pre-compute London days: Intl calls are the costly part for thousands of sessions.
 * Sessions that start together keep the endpoint's order (the sort is stable, and the server orders
 * by start, then id).
 */
export function indexSessions(sessions: readonly Session[]): Entry[] {
  return sessions
    .map((session) => {
      const start = Date.parse(session.start);
      const day = dayKey(session.start);
      return { session, start, end: Date.parse(session.end), day, month: day.slice(0, 7) };
    })
    .sort((a, b) => a.start - b.start);
}

/** A session is past once it has ended; one in progress still shows (as "Signups closed"). */
export const isPast = (entry: Entry, now: number) => entry.end < now;

export function applyFilters(entries: readonly Entry[], f: Filters): Entry[] {
  const from = DATE.test(f.from) ? f.from : '';
  const to = DATE.test(f.to) ? f.to : '';
  const area = f.area.toLowerCase();
  return entries.filter(
    (e) =>
      (f.showPast || !isPast(e, f.now)) &&
      (!f.module || e.session.moduleId === f.module) &&
      (!f.delivery || e.session.delivery === f.delivery) &&
      (!area || e.session.area.toLowerCase() === area) &&
      offers(e.session, f.access) &&
      (!from || e.day >= from) &&
      (!to || e.day <= to),
  );
}

/** Distinct areas in the data, for the area filter's options. */
export function areasOf(entries: readonly Entry[]): string[] {
  return [...new Set(entries.map((e) => e.session.area))].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

/** Month → day → sessions, keeping the (already sorted) order. */
export function groupByMonthDay(entries: readonly Entry[]): MonthGroup[] {
  const months: MonthGroup[] = [];
  for (const e of entries) {
    let month = months.at(-1);
    if (month?.month !== e.month) months.push((month = { month: e.month, days: [] }));
    let day = month.days.at(-1);
    if (day?.day !== e.day) month.days.push((day = { day: e.day, entries: [] }));
    day.entries.push(e);
  }
  return months;
}

/** Each day's sessions, in order: the month grid's cells and the chosen day's list. */
export function byDay(entries: readonly Entry[]): Map<string, Entry[]> {
  const days = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = days.get(e.day);
    if (list) list.push(e);
    else days.set(e.day, [e]);
  }
  return days;
}

/**
 * Remember the last call: recompute only when an argument changes (by identity),
 * so re-renders for focus or dialog state never re-filter thousands of sessions.
 */
export function memoOne<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A) => {
    // Every caller passes all the arguments, so the lists are as long as each other.
    if (last?.args.every((a, i) => Object.is(a, args[i]))) return last.result;
    last = { args, result: fn(...args) };
    return last.result;
  };
}
