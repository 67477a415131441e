/**
 * Wall-clock time in Europe/London, without a date library. Pure (Intl only),
 * so the seed data can use it in the browser too, and the organiser console's date inputs
 * (src/elements/admin-console/london-time.ts) read the UK's clock through it.
 */
import { remember } from './remember.js';

const ZONE = 'Europe/London';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** London wall-clock fields of an instant. */
export function londonParts(instant: Date): LocalDateTime {
  const parts = partsFormatter.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Minutes London is ahead of UTC at an instant: 0 in winter (GMT), 60 in summer (BST). */
export function londonOffsetMinutes(instant: Date): number {
  const p = londonParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which London clocks show the given wall-clock time. Two passes
 * settle the offset; times inside the spring-forward gap (01:00–02:00) are not
 * meaningful and are not used by the seed (sessions run 10:00–20:30).
 */
export function fromLondon(local: Omit<LocalDateTime, 'second'> & { second?: number }): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  let instant = new Date(naive - londonOffsetMinutes(new Date(naive)) * 60_000);
  instant = new Date(naive - londonOffsetMinutes(instant) * 60_000);
  return instant;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * London's offset (ms) for each UTC hour asked about, or null for an hour it does not fill whole.
 * The clocks change on the hour (01:00 UTC), so Intl, the costly part (a server formats every
 * session's times on every read), is asked twice per hour of instants rather than twice per instant.
 */
const hourOffsets = new Map<number, number | null>();
const HOUR = 3_600_000;
/** Years Date and Intl write alike (four digits, no era); from 1900 London's offset is whole minutes too. */
export const FAST = [Date.UTC(1900, 0, 1), Date.UTC(10_000, 0, 1)] as const;

/** The offset of a whole hour, exact to the ms, if it is the same minute-aligned one from its start to its end. */
function hourOffset(hour: number): number | null {
  const at = (t: number) => {
    const p = londonParts(new Date(t));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
  };
  const start = at(hour * HOUR);
  return start % 60_000 === 0 && at(hour * HOUR + HOUR - 1) === start ? start : null;
}

/** ISO 8601 with London's offset at that instant, e.g. 2026-12-03T18:30:00+00:00 or …+01:00 in BST. */
export function toLondonIso(instant: Date): string {
  const t = instant.getTime();
  if (t >= FAST[0] && t < FAST[1]) {
    const offset = remember(hourOffsets, Math.floor(t / HOUR), hourOffset);
    if (offset !== null) {
      const l = new Date(t + offset);
      const parts = { year: l.getUTCFullYear(), month: l.getUTCMonth() + 1, day: l.getUTCDate(), hour: l.getUTCHours(), minute: l.getUTCMinutes(), second: l.getUTCSeconds() };
      return isoWith(parts, offset / 60_000);
    }
  }
  return isoWith(londonParts(instant), londonOffsetMinutes(instant));
}

function isoWith(p: LocalDateTime, offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
