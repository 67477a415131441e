import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModuleSchema, SessionSchema, StaticDataDocSchema, TOOLS } from '../../src/contract/index.js';
import { fromLondon, londonParts, toLondonIso } from '../../src/contract/london-time.js';
import { makeSessions, modules } from '../seed/programme.js';
import { NOW } from './harness.js';

const DAY = 86_400_000;

describe('seed: modules', () => {
  it('every module passes ModuleSchema unchanged', () => {
    for (const module of modules) assert.deepEqual(ModuleSchema.parse(module), module, module.id);
  });

  it('has the twelve programme modules with unique ids', () => {
    const ids = modules.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), [
      'building-your-clp',
      'community-organising',
      'digital-organising',
      'field-organising-1',
      'field-organising-2',
      'message-digital-advertising',
      'message-digital-social',
      'message-digital-video',
      'message-print',
      'targeting-and-analysis',
      'voter-persuasion',
      'working-with-trade-unions',
    ]);
  });

  it('links series parts and prerequisites to real modules', () => {
    const byId = new Map(modules.map((m) => [m.id, m]));
    for (const m of modules) for (const p of m.prerequisites) assert.ok(byId.has(p), `${m.id} needs ${p}`);
    assert.deepEqual(byId.get('field-organising-2')?.prerequisites, ['field-organising-1']);
    const parts = (series: string) => modules.filter((m) => m.series === series).map((m) => m.part);
    assert.deepEqual(parts('field-organising'), [1, 2]);
    assert.deepEqual(parts('message-digital'), [1, 2, 3]);
  });

  it('keeps descriptions as plain-text paragraphs and names the tools the programme mentions', () => {
    for (const m of modules) {
      assert.doesNotMatch(m.description, /<|\n{3,}|^\s|\s$/, m.id);
      assert.ok(m.summary.length > 20 && m.summary.length <= 500, m.id);
    }
    // Every tool the programme names is taught somewhere, by its proper name; each module says what to do before and after.
    const tools = new Set<string>(modules.flatMap((m) => m.tools));
    assert.deepEqual([...TOOLS].filter((tool) => !tools.has(tool)), []);
    for (const m of modules) {
      assert.ok(m.beforeYouCome.length > 0 && m.afterSession, m.id);
    }
  });
});

describe('seed: sessions', () => {
  const sessions = makeSessions(NOW);

  it('every session passes SessionSchema, and the whole set is a valid static data file', () => {
    for (const s of sessions) assert.deepEqual(SessionSchema.parse(s), s, s.id);
    StaticDataDocSchema.parse({ modules, sessions });
  });

  it('is deterministic, with stable readable ids', () => {
    assert.deepEqual(makeSessions(new Date(NOW)), sessions);
    assert.equal(new Set(sessions.map((s) => s.id)).size, sessions.length);
    for (const s of sessions) {
      assert.match(s.id, /^[a-z0-9]+-[a-z]+-\d{4}-\d{2}-\d{2}$/);
      assert.equal(s.id.slice(-10), s.start.slice(0, 10), 'id carries the London date');
    }
  });

  it('has about 45 upcoming sessions over four months, plus two in the past', () => {
    const past = sessions.filter((s) => Date.parse(s.start) < NOW.getTime());
    const upcoming = sessions.filter((s) => Date.parse(s.start) >= NOW.getTime());
    assert.equal(past.length, 2);
    assert.ok(upcoming.length >= 40 && upcoming.length <= 50, `${upcoming.length} upcoming`);
    const last = Math.max(...upcoming.map((s) => Date.parse(s.start)));
    assert.ok(last - NOW.getTime() < 140 * DAY && last - NOW.getTime() > 100 * DAY);
    assert.deepEqual(
      sessions.map((s) => s.start),
      [...sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).map((s) => s.start),
    );
  });

  it('uses real modules and the Scottish areas, online sessions Scotland-wide', () => {
    const moduleIds = new Set(modules.map((m) => m.id));
    for (const s of sessions) assert.ok(moduleIds.has(s.moduleId));
    const areas = new Set(sessions.map((s) => s.area));
    for (const area of ['Glasgow', 'Edinburgh', 'Aberdeen', 'Dundee', 'Inverness', 'Stirling', 'Paisley', 'Falkirk', 'Ayrshire', 'Fife', 'Scotland-wide']) {
      assert.ok(areas.has(area), area);
    }
    for (const s of sessions) {
      assert.equal(s.delivery === 'online', s.area === 'Scotland-wide', s.id);
      assert.equal(s.venue === undefined, s.delivery === 'online', s.id);
    }
    assert.deepEqual(new Set(sessions.map((s) => s.delivery)), new Set(['online', 'in-person', 'hybrid']));
  });

  it('runs midweek 18:30–20:30 or Saturday 10:00–13:00 London time, deadline a day before', () => {
    for (const s of sessions) {
      const start = londonParts(new Date(s.start));
      const end = londonParts(new Date(s.end));
      const weekday = new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay();
      const slot = weekday === 6 ? [10, 0, 13, 0] : [18, 30, 20, 30];
      assert.deepEqual([start.hour, start.minute, end.hour, end.minute], slot, s.id);
      assert.equal(Date.parse(s.signupDeadline!), Date.parse(s.start) - DAY, s.id);
      assert.ok(s.capacity >= 12 && s.capacity <= 40, s.id);
      assert.ok(s.trainer && s.accessibility, s.id);
    }
  });

  it('shows every state: some full with a waiting list, one full without, one cancelled', () => {
    const fullWaitlist = sessions.filter((s) => s.status === 'full' && s.waitlist);
    const fullClosed = sessions.filter((s) => s.status === 'full' && !s.waitlist);
    assert.ok(fullWaitlist.length >= 2);
    assert.equal(fullClosed.length, 1);
    assert.equal(sessions.filter((s) => s.status === 'cancelled').length, 1);
    for (const s of sessions) assert.equal(s.spacesLeft === 0, s.status === 'full', s.id);
  });

  it('writes the London offset: +00:00 in winter, +01:00 in British Summer Time', () => {
    const spring = makeSessions(new Date('2027-02-10T12:00:00Z'));
    const winter = spring.filter((s) => s.start < '2027-03-28');
    const summer = spring.filter((s) => s.start > '2027-03-29');
    assert.ok(winter.length > 0 && summer.length > 0);
    for (const s of winter) assert.match(s.start, /T\d{2}:\d{2}:00\+00:00$/, s.id);
    for (const s of summer) {
      assert.match(s.start, /T(18:30|10:00):00\+01:00$/, s.id);
      assert.ok([17, 9].includes(new Date(s.start).getUTCHours()), `${s.id} is an hour earlier in UTC`);
    }
  });
});

describe('london time', () => {
  it('converts both ways across the clock changes', () => {
    assert.equal(fromLondon({ year: 2026, month: 12, day: 3, hour: 18, minute: 30 }).toISOString(), '2026-12-03T18:30:00.000Z');
    assert.equal(fromLondon({ year: 2027, month: 7, day: 1, hour: 18, minute: 30 }).toISOString(), '2027-07-01T17:30:00.000Z');
    assert.equal(toLondonIso(new Date('2027-03-28T00:59:00Z')), '2027-03-28T00:59:00+00:00');
    assert.equal(toLondonIso(new Date('2027-03-28T01:00:00Z')), '2027-03-28T02:00:00+01:00');
    assert.equal(toLondonIso(new Date('2026-10-25T00:30:00Z')), '2026-10-25T01:30:00+01:00');
    assert.equal(toLondonIso(new Date('2026-10-25T01:30:00Z')), '2026-10-25T01:30:00+00:00');
  });

  it('writes every instant as Intl reads it, around the clock changes and over the years (toLondonIso remembers offsets by the hour)', () => {
    const reference = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hourCycle: 'h23',
      ...({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const),
      timeZoneName: 'longOffset',
    });
    const expected = (t: number) => {
      const p = Object.fromEntries(reference.formatToParts(new Date(t)).map((part) => [part.type, part.value]));
      const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName!.slice(3);
      return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
    };
    const changes = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '1968-02-18T02:00:00Z', '1971-10-31T02:00:00Z', '1947-04-13T01:00:00Z'];
    const instants = [
      ...changes.flatMap((change) => Array.from({ length: 241 }, (_, i) => Date.parse(change) + (i - 120) * 61_001)),
      ...Array.from({ length: 500 }, (_, i) => Date.UTC(1900, 0, 1) + i * 7_919_999_999),
    ];
    for (const t of [...instants, ...instants]) assert.equal(toLondonIso(new Date(t)), expected(t), new Date(t).toISOString());
    assert.equal(toLondonIso(new Date('1800-06-01T12:00:00Z')), '1800-06-01T11:58:45-00:01');
  });
});
