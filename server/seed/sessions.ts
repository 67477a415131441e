import { ACCESS_FEATURES, type Delivery, type Session } from '../../src/contract/index.js';
import { fromLondon, londonParts, toLondonIso } from '../../src/contract/london-time.js';
import { modules } from './modules.js';
import { IN_PERSON_ACCESS, ONLINE_ACCESS, ONLINE_AREA, TRAINERS, VENUES, type Access } from './places.js';

/** Short codes keep session ids readable: `fo1-glasgow-2026-12-03`. */
const SHORT: Record<string, string> = {
  'field-organising-1': 'fo1',
  'field-organising-2': 'fo2',
  'digital-organising': 'do',
  'message-digital-social': 'mds',
  'message-digital-advertising': 'mda',
  'message-digital-video': 'mdv',
  'message-print': 'mp',
  'voter-persuasion': 'vp',
  'targeting-and-analysis': 'ta',
  'community-organising': 'co',
  'working-with-trade-unions': 'wtu',
  'building-your-clp': 'clp',
};

type Plan = [short: string, area: string, delivery: Delivery];

/** Upcoming sessions in date order; part two of field organising comes after part one in each area. */
const PLAN: Plan[] = [
  ['fo1', 'Glasgow', 'in-person'],
  ['do', ONLINE_AREA, 'online'],
  ['vp', 'Edinburgh', 'in-person'],
  ['mds', ONLINE_AREA, 'online'],
  ['clp', 'Dundee', 'in-person'],
  ['fo1', 'Edinburgh', 'in-person'],
  ['wtu', 'Aberdeen', 'hybrid'],
  ['co', 'Paisley', 'in-person'],
  ['mp', 'Stirling', 'in-person'],
  ['ta', ONLINE_AREA, 'online'],
  ['vp', 'Fife', 'in-person'],
  ['mda', ONLINE_AREA, 'online'],
  ['fo1', 'Aberdeen', 'in-person'],
  ['do', 'Glasgow', 'hybrid'],
  ['co', 'Inverness', 'in-person'],
  ['vp', 'Ayrshire', 'in-person'],
  ['mdv', 'Glasgow', 'in-person'],
  ['fo1', 'Fife', 'in-person'],
  ['clp', ONLINE_AREA, 'online'],
  ['wtu', 'Glasgow', 'in-person'],
  ['mds', 'Edinburgh', 'hybrid'],
  ['fo2', 'Glasgow', 'in-person'],
  ['vp', 'Falkirk', 'in-person'],
  ['ta', 'Edinburgh', 'in-person'],
  ['mp', ONLINE_AREA, 'online'],
  ['co', 'Dundee', 'in-person'],
  ['fo1', 'Inverness', 'in-person'],
  ['do', ONLINE_AREA, 'online'],
  ['vp', 'Paisley', 'in-person'],
  ['fo2', 'Edinburgh', 'in-person'],
  ['mda', ONLINE_AREA, 'online'],
  ['wtu', 'Fife', 'hybrid'],
  ['clp', 'Stirling', 'in-person'],
  ['mdv', 'Edinburgh', 'in-person'],
  ['vp', ONLINE_AREA, 'online'],
  ['fo1', 'Ayrshire', 'in-person'],
  ['co', 'Glasgow', 'in-person'],
  ['ta', 'Aberdeen', 'hybrid'],
  ['fo2', 'Aberdeen', 'in-person'],
  ['mp', 'Glasgow', 'in-person'],
  ['do', 'Dundee', 'in-person'],
  ['vp', 'Inverness', 'hybrid'],
  ['wtu', ONLINE_AREA, 'online'],
  ['fo2', 'Fife', 'in-person'],
  ['clp', 'Falkirk', 'in-person'],
];

/** Two sessions that already happened, days before `now`, so "past" handling has data. */
const PAST: [plan: Plan, daysAgo: number][] = [
  [['vp', 'Glasgow', 'in-person'], 10],
  [['do', ONLINE_AREA, 'online'], 24],
];

/** Indices into PLAN given a special state, so the demo shows every badge. */
const FULL_WITH_WAITLIST = new Set([2, 8, 16]);
const FULL_NO_WAITLIST = 4;
const CANCELLED = 11;

const SPAN_DAYS = 120;
const SATURDAY = 6;
const EVENING_DAYS = new Set([2, 3, 4]); // Tue–Thu

/** mulberry32: tiny, seeded, good enough for demo data and identical everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A calendar date, handled as UTC midnight so day arithmetic ignores clock changes. */
type Day = Date;
const addDays = (day: Day, n: number): Day => new Date(day.getTime() + n * 86_400_000);
const isoDay = (day: Day) => day.toISOString().slice(0, 10);
/** No training between Christmas Eve and the first Monday-ish of January. */
const isHoliday = (day: Day) => {
  const md = isoDay(day).slice(5);
  return md >= '12-23' || md <= '01-04';
};

/** `n` non-holiday days on from `day`, so the holidays push sessions later instead of piling them up. */
function afterWorkingDays(day: Day, n: number): Day {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (!isHoliday(d)) left--;
  }
  return d;
}

/**
 * Nearest day from `day` (searching forwards, or backwards with step -1) that suits
 * the slot: Saturday mornings for long modules, midweek evenings otherwise.
 */
function slotDay(day: Day, saturday: boolean, step: 1 | -1): Day {
  let d = day;
  while (isHoliday(d) || (saturday ? d.getUTCDay() !== SATURDAY : !EVENING_DAYS.has(d.getUTCDay()))) d = addDays(d, step);
  return d;
}

const moduleById = new Map(modules.map((m) => [m.id, m]));
const moduleByShort = new Map(Object.entries(SHORT).map(([id, short]) => [short, moduleById.get(id)!]));

function buildSession(plan: Plan, around: Day, step: 1 | -1, rand: () => number, index: number): Session {
  const [short, area, delivery] = plan;
  const module = moduleByShort.get(short);
  if (!module) throw new Error(`seed: unknown module code ${short}`);
  const saturday = module.durationMinutes > 120;
  const day = slotDay(around, saturday, step);
  const start = fromLondon({
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
    hour: saturday ? 10 : 18,
    minute: saturday ? 0 : 30,
  });
  const end = new Date(start.getTime() + module.durationMinutes * 60_000);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const online = delivery === 'online';
  const capacity = online ? pick([30, 40]) : pick([12, 15, 16, 20, 24, 25, 30]);
  let spacesLeft = Math.max(1, Math.round(capacity * (0.1 + 0.9 * rand())));
  let waitlist = rand() < 0.8;
  let status: Session['status'] = 'scheduled';
  if (FULL_WITH_WAITLIST.has(index)) [spacesLeft, waitlist, status] = [0, true, 'full'];
  if (index === FULL_NO_WAITLIST) [spacesLeft, waitlist, status] = [0, false, 'full'];
  if (index === CANCELLED) status = 'cancelled';
  const areaSlug = online ? 'online' : area.toLowerCase();
  return {
    id: `${short}-${areaSlug}-${isoDay(day)}`,
    moduleId: module.id,
    start: toLondonIso(start),
    end: toLondonIso(end),
    delivery,
    ...(online ? {} : { venue: pick(VENUES[area] ?? []) }),
    area,
    capacity,
    spacesLeft,
    status,
    waitlist,
    trainer: pick(TRAINERS),
    signupDeadline: toLondonIso(new Date(start.getTime() - 24 * 3_600_000)),
    ...seedAccess(pick(online ? ONLINE_ACCESS : IN_PERSON_ACCESS), delivery),
  };
}

/** A hybrid session's online half is captioned too. */
function seedAccess({ features, note }: Access, delivery: Delivery): Pick<Session, 'accessibility' | 'accessFeatures'> {
  const captioned = delivery === 'hybrid' ? ACCESS_FEATURES.filter((f) => f === 'captions' || features.includes(f)) : features;
  return { accessibility: note, accessFeatures: captioned };
}

/**
 * About four months of sessions after `now`, plus two in the past. Deterministic:
 * the same `now` always gives the same sessions (ids, times, spaces).
 */
export function makeSessions(now: Date): Session[] {
  const rand = prng(0x4d4f42);
  const p = londonParts(now);
  const today: Day = new Date(Date.UTC(p.year, p.month - 1, p.day));
  const past = PAST.map(([plan, daysAgo], i) => buildSession(plan, addDays(today, -daysAgo), -1, rand, -1 - i));
  const upcoming = PLAN.map((plan, i) => {
    const offset = 3 + Math.floor((i * (SPAN_DAYS - 6)) / (PLAN.length - 1)) + Math.floor(rand() * 2);
    return buildSession(plan, afterWorkingDays(today, offset), 1, rand, i);
  });
  return [...past, ...upcoming].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
}
