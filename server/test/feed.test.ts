/**
 * GET /v1/feed.ics (issue 14, part 7): a subscribable calendar of the published sessions for
 * any filter, read back with a real iCalendar parser (ical.js) and a strict line-level check;
 * edits, cancellations and conditional requests as a calendar app meets them; and no private
 * column of a session in it, whatever columns the table grows.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { ModuleSchema, type Module, type Session } from '../../src/contract/index.js';
import { insertModule } from '../store/catalogue.js';
import { createOrganiser } from '../store/organisers.js';
import { invalidateReads } from '../store/read-cache.js';
import { SESSION_COLUMNS } from '../store/rows.js';
import { addSession, dbTargets, expectProblem, NOW, useApp } from './harness.js';
import { asOrganiser, signIn, type SignedIn } from './organiser-helpers.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const DAY = 86_400_000;

/** RFC 5545 §3.1: a CRLF followed by one space or tab disappears. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
/** The properties a component may hold once at most (§3.6.1, §3.7); the first group at least once too. */
const ONCE = {
  VCALENDAR: { required: ['PRODID', 'VERSION'], atMostOnce: ['CALSCALE', 'METHOD', 'NAME', 'X-WR-CALNAME', 'REFRESH-INTERVAL', 'X-PUBLISHED-TTL'] },
  VEVENT: {
    required: ['UID', 'DTSTAMP', 'DTSTART'],
    atMostOnce: ['CLASS', 'CREATED', 'DESCRIPTION', 'GEO', 'LAST-MODIFIED', 'LOCATION', 'ORGANIZER', 'PRIORITY', 'SEQUENCE', 'STATUS', 'SUMMARY', 'TRANSP', 'URL', 'RECURRENCE-ID', 'DTEND'],
  },
} as const;
const TEXT = new Set(['SUMMARY', 'DESCRIPTION', 'LOCATION', 'NAME', 'X-WR-CALNAME']);

/**
 * The line-level rules a lenient parser forgives: CRLF only, every physical line at most 75
 * octets of valid UTF-8 on its own, a name before each value, BEGIN/END nested, each
 * component's required properties once and its single ones at most once, TEXT escaped,
 * UTC date-times, unique UIDs.
 */
function strictCheck(bytes: Uint8Array): void {
  const text = decoder.decode(bytes);
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] !== 13 || bytes[i + 1] !== 10) continue;
    const line = bytes.subarray(start, i);
    assert.ok(line.length <= 75, `${line.length} octets: ${decoder.decode(line)}`);
    decoder.decode(line); // a fold inside a character would throw here
    start = i + 2;
  }
  const stack: { name: string; props: string[] }[] = [];
  const uids = new Set<string>();
  let calendars = 0;
  for (const line of unfold(text).slice(0, -2).split('\r\n')) {
    const match = /^([A-Z][A-Z0-9-]*)((?:;[A-Z0-9-]+=[^;:]*)*):(.*)$/.exec(line);
    assert.ok(match, `not a content line: ${line}`);
    const [, name, , value] = match as unknown as [string, string, string, string];
    if (name === 'BEGIN') {
      assert.equal(stack.length, value === 'VCALENDAR' ? 0 : 1, `${value} nested where it may not be`);
      assert.ok(value === 'VCALENDAR' || value === 'VEVENT', `unexpected component ${value}`);
      if (value === 'VCALENDAR') calendars++;
      stack.push({ name: value, props: [] });
      continue;
    }
    const current = stack.at(-1);
    assert.ok(current, `${line} outside any component`);
    if (name === 'END') {
      assert.equal(value, current.name, 'END matches BEGIN');
      const rules = ONCE[current.name as keyof typeof ONCE];
      for (const p of rules.required) assert.equal(current.props.filter((x) => x === p).length, 1, `${current.name} has one ${p}`);
      for (const p of rules.atMostOnce) assert.ok(current.props.filter((x) => x === p).length <= 1, `${current.name} has at most one ${p}`);
      stack.pop();
      continue;
    }
    current.props.push(name);
    if (TEXT.has(name)) assert.doesNotMatch(value, /(?<!\\)(?:\\\\)*[,;]|\\(?![\\;,nN])/, `${name} is escaped TEXT: ${value}`);
    if (['DTSTAMP', 'DTSTART', 'DTEND', 'LAST-MODIFIED'].includes(name)) assert.match(value, /^\d{8}T\d{6}Z$/, `${name} in UTC`);
    if (name === 'SEQUENCE') assert.match(value, /^\d+$/);
    if (name === 'UID') {
      assert.ok(!uids.has(value), `UID ${value} once`);
      uids.add(value);
    }
  }
  assert.equal(stack.length, 0, 'every BEGIN ended');
  assert.equal(calendars, 1, 'one VCALENDAR');
}

interface Feed {
  res: Response;
  text: string;
  calendar: ICAL.Component;
  events: ICAL.Event[];
  /** Each event by session id. */
  byId: Map<string, ICAL.Event>;
}

/** A 200 feed, checked line by line and parsed by ical.js. */
async function readFeed(res: Response): Promise<Feed> {
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
  const bytes = new Uint8Array(await res.arrayBuffer());
  strictCheck(bytes);
  const text = decoder.decode(bytes);
  const calendar = ICAL.Component.fromString(text);
  assert.equal(calendar.name, 'vcalendar');
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { res, text, calendar, events, byId: new Map(events.map((e) => [e.uid.replace(/@mobilise$/, ''), e])) };
}

/** A TEXT value ical.js leaves as written (it types NAME and X- properties "unknown"), unescaped. */
const unescaped = (raw: unknown) => String(raw).replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
const calname = (f: Feed) => {
  const name = unescaped(f.calendar.getFirstPropertyValue('x-wr-calname'));
  assert.equal(unescaped(f.calendar.getFirstPropertyValue('name')), name, 'NAME and X-WR-CALNAME agree');
  return name;
};
const prop = (event: ICAL.Event, name: string) => event.component.getFirstPropertyValue(name);
const utc = (value: string) => new Date(value).toISOString().replace(/\.000Z$/, 'Z');
const eventTimes = (e: ICAL.Event) => [utc(e.startDate.toJSDate().toISOString()), utc(e.endDate.toJSDate().toISOString())];

for (const target of dbTargets()) {
  describe(`calendar feed GET /v1/feed.ics [${target.name}]`, () => {
    let clock = NOW;
    const t = useApp(target, { now: () => clock, signInLimit: { windowMs: 60_000, max: 1000 } });
    let admin: SignedIn;
    before(async () => {
      await createOrganiser(t.db, { email: 'feed-admin@example.org', name: 'Feed', role: 'admin', areas: [] }, NOW);
      admin = await signIn(t.app.url, t.db, 'feed-admin@example.org');
    });
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => asOrganiser(t.app.url, admin, method, path, body, headers);
    const feed = (query = '', headers: Record<string, string> = {}) => fetch(`${t.app.url}/v1/feed.ics${query}`, { headers });
    /** The sessions GET /v1/sessions answers for the same filters, from 30 days before NOW's hour. */
    const listed = async (query: string) => {
      const from = encodeURIComponent(new Date(NOW.getTime() - 30 * DAY).toISOString());
      const res = await fetch(`${t.app.url}/v1/sessions?from=${from}${query ? `&${query.slice(1)}` : ''}`);
      return ((await res.json()) as { sessions: Session[] }).sessions;
    };
    const modules = async (locale = '') => ((await (await fetch(`${t.app.url}/v1/modules${locale}`)).json()) as { modules: Module[] }).modules;
    /** A session in an area of its own, so a test reads a feed nothing else touches. */
    const ownSession = (overrides: Partial<Session> = {}) => addSession(t.db, { area: `Feed test ${randomBytes(4).toString('hex')}`, start: '2026-12-10T18:30:00Z', end: '2026-12-10T20:30:00Z', ...overrides });
    const areaQuery = (s: Session) => `?area=${encodeURIComponent(s.area)}`;
    const edit = async (id: string, patch: object) => {
      const etag = (await call('GET', `/v1/admin/sessions/${id}`)).headers.get('etag')!;
      const res = await call('PATCH', `/v1/admin/sessions/${id}`, patch, { 'If-Match': etag });
      assert.equal(res.status, 200, await res.text());
    };

    it('is a calendar ical.js reads: the published sessions of the last 30 days and after, one event each, with the calendar’s properties', async () => {
      const recent = await addSession(t.db, { area: 'Glasgow', start: new Date(NOW.getTime() - 10 * DAY).toISOString(), end: new Date(NOW.getTime() - 10 * DAY + 7_200_000).toISOString() });
      const old = await addSession(t.db, { area: 'Glasgow', start: new Date(NOW.getTime() - 40 * DAY).toISOString(), end: new Date(NOW.getTime() - 40 * DAY + 7_200_000).toISOString() });
      const f = await readFeed(await feed());
      assert.equal(f.res.headers.get('cache-control'), 'public, max-age=60');
      assert.match(f.res.headers.get('etag') ?? '', /^W\/"[A-Za-z0-9_-]+"$/);
      assert.equal(f.calendar.getFirstPropertyValue('version'), '2.0');
      assert.equal(f.calendar.getFirstPropertyValue('method'), 'PUBLISH');
      assert.equal(f.calendar.getFirstPropertyValue('calscale'), 'GREGORIAN');
      assert.match(String(f.calendar.getFirstPropertyValue('prodid')), /^-\/\/Mobilise\/\//);
      assert.equal(calname(f), 'Mobilise training');
      assert.equal(f.calendar.getFirstProperty('refresh-interval')?.type, 'duration', 'VALUE=DURATION');
      assert.equal(String(f.calendar.getFirstPropertyValue('refresh-interval')), 'PT1H');
      assert.equal(String(f.calendar.getFirstPropertyValue('x-published-ttl')), 'PT1H');

      const sessions = await listed('');
      assert.deepEqual([...f.byId.keys()].sort(), sessions.map((s) => s.id).sort(), 'the same sessions as GET /v1/sessions from 30 days back');
      assert.ok(f.byId.has(recent.id), 'a session 10 days ago stays');
      assert.ok(!f.byId.has(old.id), 'one 40 days ago has gone');
      const titles = new Map((await modules()).map((m) => [m.id, m.title]));
      for (const s of sessions) {
        const e = f.byId.get(s.id)!;
        assert.deepEqual(eventTimes(e), [utc(s.start), utc(s.end)], s.id);
        assert.equal(e.summary, s.status === 'cancelled' ? `Cancelled: ${titles.get(s.moduleId)}` : titles.get(s.moduleId));
        assert.equal(prop(e, 'status'), s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
        assert.equal(e.location, s.venue ? `${s.venue.name}, ${s.venue.address}, ${s.venue.postcode}` : 'Online');
        assert.equal(prop(e, 'dtstamp')?.toString(), '2026-11-26T12:00:00Z');
        assert.equal(e.sequence, 0, 'never edited: sequence 0');
      }
    });

    it('gives each event the UID of the session’s own .ics, so adding it from either is one event', async () => {
      const s = await ownSession();
      const single = ICAL.Component.fromString(await (await fetch(`${t.app.url}/v1/sessions/${s.id}.ics`)).text());
      const event = (await readFeed(await feed(areaQuery(s)))).events;
      assert.equal(event.length, 1);
      assert.equal(event[0]!.uid, single.getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid'));
    });

    it('narrows by area, module, delivery and dates like GET /v1/sessions, and names the filter in words', async () => {
      const glasgow = await readFeed(await feed('?area=Glasgow'));
      assert.equal(calname(glasgow), 'Mobilise training — Glasgow');
      const ids = (await listed('?area=Glasgow')).map((s) => s.id).sort();
      assert.ok(ids.length >= 2);
      assert.deepEqual([...glasgow.byId.keys()].sort(), ids);
      // Case and surrounding spaces do not matter; the name spells the area as the sessions do.
      const typed = await readFeed(await feed(`?area=${encodeURIComponent('  glasgow ')}`));
      assert.deepEqual([...typed.byId.keys()].sort(), ids);
      assert.equal(calname(typed), 'Mobilise training — Glasgow');

      const vp = await readFeed(await feed('?module=voter-persuasion'));
      assert.equal(calname(vp), 'Mobilise training — Voter Persuasion');
      assert.deepEqual([...vp.byId.keys()].sort(), (await listed('?module=voter-persuasion')).map((s) => s.id).sort());
      assert.ok(vp.events.every((e) => e.summary.endsWith('Voter Persuasion')));

      const all = await readFeed(await feed('?module=voter-persuasion&area=Glasgow&delivery=in-person'));
      assert.equal(calname(all), 'Mobilise training — Voter Persuasion, Glasgow, In person');
      assert.deepEqual([...all.byId.keys()].sort(), (await listed('?module=voter-persuasion&area=Glasgow&delivery=in-person')).map((s) => s.id).sort());

      const online = await readFeed(await feed('?delivery=online'));
      assert.ok(online.events.length > 0 && online.events.every((e) => e.location === 'Online'));

      // from/to narrow the window further; an earlier `from` cannot widen it past 30 days.
      const to = encodeURIComponent('2026-12-31T23:59:59Z');
      const december = await readFeed(await feed(`?from=${encodeURIComponent('2026-12-01T00:00:00Z')}&to=${to}`));
      assert.ok(december.events.length > 0);
      assert.ok(december.events.every((e) => e.startDate.toJSDate() >= new Date('2026-12-01T00:00:00Z') && e.startDate.toJSDate() <= new Date('2026-12-31T23:59:59Z')));
      const ancient = await readFeed(await feed(`?from=${encodeURIComponent('2001-01-01T00:00:00Z')}`));
      assert.ok(ancient.events.every((e) => e.startDate.toJSDate().getTime() >= NOW.getTime() - 31 * DAY));

      const none = await readFeed(await feed('?area=Nowhere%20at%20all'));
      assert.equal(none.events.length, 0, 'no session: an empty calendar a subscriber keeps');
      assert.equal(calname(none), 'Mobilise training — Nowhere at all');
    });

    it('refuses the filters GET /v1/sessions refuses, naming each', async () => {
      for (const [query, field] of [['?area=', 'area'], ['?module=Not%20A%20Slug', 'module'], ['?delivery=carrier-pigeon', 'delivery'], ['?from=yesterday', 'from'], ['?locale=fr', 'locale']]) {
        const problem = await expectProblem(await feed(query), 400, 'bad-request');
        assert.deepEqual(problem.errors?.map((e) => e.field), [field], query);
      }
    });

    it('an organiser’s edit raises SEQUENCE, changes the event and LAST-MODIFIED, and the ETag', async () => {
      const s = await ownSession({ trainer: 'Before Trainer' });
      const first = await readFeed(await feed(areaQuery(s)));
      const before = first.byId.get(s.id)!;
      assert.equal(before.sequence, 0);
      assert.equal(prop(before, 'last-modified'), null, 'no organiser change known yet');
      assert.equal(first.res.headers.get('last-modified'), null);

      clock = new Date(NOW.getTime() + 5 * 60_000);
      try {
        await edit(s.id, { trainer: 'After Trainer' });
        const second = await readFeed(await feed(areaQuery(s)));
        const after = second.byId.get(s.id)!;
        assert.equal(after.sequence, 1);
        assert.match(after.description, /After Trainer/);
        assert.doesNotMatch(after.description, /Before Trainer/);
        assert.equal(prop(after, 'last-modified')?.toString(), '2026-11-26T12:05:00Z');
        assert.equal(second.res.headers.get('last-modified'), 'Thu, 26 Nov 2026 12:05:00 GMT');
        assert.notEqual(second.res.headers.get('etag'), first.res.headers.get('etag'));
        // The old copy's validator no longer matches: the app gets the new feed.
        assert.equal((await feed(areaQuery(s), { 'If-None-Match': first.res.headers.get('etag')! })).status, 200);

        clock = new Date(NOW.getTime() + 10 * 60_000);
        await edit(s.id, { start: '2026-12-10T19:00:00Z', end: '2026-12-10T21:00:00Z' });
        const moved = (await readFeed(await feed(areaQuery(s)))).byId.get(s.id)!;
        assert.equal(moved.sequence, 2);
        assert.deepEqual(eventTimes(moved), ['2026-12-10T19:00:00Z', '2026-12-10T21:00:00Z']);
      } finally {
        clock = NOW;
      }
    });

    it('an edit of the module raises the SEQUENCE of its sessions and renames them', async () => {
      const id = `feed-module-${randomBytes(3).toString('hex')}`;
      await insertModule(t.db, ModuleSchema.parse({ id, title: 'Feed Module', summary: 'S', description: 'D', strand: 'field', durationMinutes: 90 }), 99);
      const s = await ownSession({ moduleId: id });
      assert.equal((await readFeed(await feed(areaQuery(s)))).byId.get(s.id)!.summary, 'Feed Module');
      assert.equal((await call('PATCH', `/v1/admin/modules/${id}`, { title: 'Renamed Module' }, { 'If-Match': '"1"' })).status, 200);
      const event = (await readFeed(await feed(areaQuery(s)))).byId.get(s.id)!;
      assert.equal(event.summary, 'Renamed Module');
      assert.equal(event.sequence, 1);
    });

    it('keeps a cancelled session, with STATUS:CANCELLED and a higher SEQUENCE, so subscribers see the cancellation', async () => {
      const s = await ownSession();
      assert.equal((await call('POST', `/v1/admin/sessions/${s.id}/cancel`, {})).status, 200);
      const event = (await readFeed(await feed(areaQuery(s)))).byId.get(s.id);
      assert.ok(event, 'still in the feed');
      assert.equal(prop(event, 'status'), 'CANCELLED');
      assert.equal(event.summary, 'Cancelled: Voter Persuasion');
      assert.ok(event.sequence >= 1);
      // Unpublishing, unlike cancelling, takes it out.
      assert.equal((await call('POST', `/v1/admin/sessions/${s.id}/unpublish`)).status, 200);
      assert.equal((await readFeed(await feed(areaQuery(s)))).events.length, 0);
    });

    it('answers 304 to If-None-Match with the current ETag, whenever the copy was made', async () => {
      const s = await ownSession();
      await edit(s.id, { trainer: 'Someone' }); // so the feed has a Last-Modified
      const first = await feed(areaQuery(s));
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified');
      assert.ok(lastModified);
      await first.arrayBuffer();
      for (const header of [etag, etag.replace(/^W\//, ''), `"other", ${etag}`, '*']) {
        const res = await feed(areaQuery(s), { 'If-None-Match': header });
        assert.equal(res.status, 304, header);
        assert.equal(await res.text(), '');
        assert.equal(res.headers.get('etag'), etag);
        assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
        assert.equal(res.headers.get('last-modified'), lastModified);
      }
      assert.equal((await feed(areaQuery(s), { 'If-None-Match': 'W/"something-else"' })).status, 200);
      // A minute later the copy's DTSTAMP differs, but the events do not: the same ETag.
      clock = new Date(NOW.getTime() + 60_000);
      try {
        const later = await feed(areaQuery(s));
        assert.match(await later.text(), /DTSTAMP:20261126T120100Z/);
        assert.equal(later.headers.get('etag'), etag);
        assert.equal((await feed(areaQuery(s), { 'If-None-Match': etag })).status, 304);
      } finally {
        clock = NOW;
      }
    });

    it('speaks Gaelic and Welsh with ?locale=: translated titles and summaries, the calendar’s name and words', async () => {
      const english = await readFeed(await feed('?area=Glasgow'));
      for (const [locale, name, trainer] of [
        ['gd', 'Trèanadh Mobilise — Glasgow', 'Trèanaiche:'],
        ['cy', 'Hyfforddiant Mobilise — Glasgow', 'Hyfforddwr:'],
      ] as const) {
        const f = await readFeed(await feed(`?area=Glasgow&locale=${locale}`));
        assert.equal(calname(f), name);
        const translated = new Map((await modules(`?locale=${locale}`)).map((m) => [m.id, m]));
        const sessions = await listed('?area=Glasgow');
        let titled = 0;
        for (const s of sessions) {
          const m = translated.get(s.moduleId)!;
          const title = m.translations?.[locale]?.title;
          const event = f.byId.get(s.id)!;
          if (title) titled++;
          if (s.status !== 'cancelled') assert.equal(event.summary, title ?? m.title, `${locale} ${s.id}`);
          if (s.trainer) assert.ok(event.description.includes(`${trainer} ${s.trainer}`), event.description);
          assert.equal(event.uid, english.byId.get(s.id)!.uid, 'the same event in every language');
        }
        assert.ok(titled > 0, `the seed has ${locale} titles`);
      }
    });

    it('never shows a private column: a session with every column filled, a joining link’s among them, leaks none of them', async () => {
      // A column the public reads must not select, whether or not joining details have landed yet.
      await t.db.query('ALTER TABLE sessions ADD COLUMN IF NOT EXISTS joining_probe_secret text');
      const s = await ownSession({
        delivery: 'hybrid',
        venue: { name: 'Probe Hall', address: '1 Probe Street', postcode: 'G1 1AA' },
        trainer: 'Probe Trainer',
        accessibility: 'Probe access note',
        translations: { gd: { accessibility: 'Probe gd note' }, cy: { accessibility: 'Probe cy note' } },
      });
      const { rows: columns } = await t.db.query<{ column_name: string; data_type: string; udt_name: string }>(
        `SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_name = 'sessions' AND table_schema = current_schema()`,
      );
      const shown = new Set([...SESSION_COLUMNS.split(',').map((c) => c.trim()), 'version', 'published']);
      const hidden = columns.filter((c) => !shown.has(c.column_name));
      assert.ok(hidden.some((c) => c.column_name.includes('join')), 'a joining column is among those filled');
      const markers: string[] = [];
      for (const { column_name: name, data_type: type, udt_name: udt } of hidden) {
        const marker = `${randomBytes(6).toString('hex')}${name.replace(/[^a-z]/g, '')}`;
        const url = `https://private.invalid/${marker}`;
        // Each value with what would give it away in a text answer.
        const [value, traces]: [unknown, string[]] =
          type === 'ARRAY' ? [[url], [marker]]
          : type === 'jsonb' || type === 'json' ? [JSON.stringify({ private: marker }), [marker]]
          : type.startsWith('timestamp') || type === 'date' ? ['2031-07-19T04:56:07Z', ['2031-07-19', '20310719']]
          : ['integer', 'bigint', 'smallint', 'numeric'].includes(type) ? [987_654_321, ['987654321']]
          : type === 'boolean' ? [true, []]
          : udt === 'uuid' ? [crypto.randomUUID(), []]
          : [url, [marker]];
        if (udt === 'uuid') traces.push(value as string);
        await t.db.query(`UPDATE sessions SET ${name} = $2 WHERE id = $1`, [s.id, value]).catch((error: Error) => {
          throw new Error(`fill the new column ${name} (${type}) by hand in this test: ${error.message}`);
        });
        markers.push(...traces);
      }
      invalidateReads(t.db); // written behind the store's back
      for (const locale of ['', '&locale=gd', '&locale=cy']) {
        const f = await readFeed(await feed(`${areaQuery(s)}${locale}`));
        assert.ok(f.byId.has(s.id));
        const text = unfold(f.text);
        assert.match(text, /Probe Hall/, 'the public details are there');
        for (const marker of markers) assert.ok(!text.includes(marker), `the feed holds ${marker}`);
      }
      // Nor do the other public answers about it.
      for (const path of [`/v1/sessions/${s.id}.ics`, `/v1/sessions${areaQuery(s)}`, `/v1/sessions${areaQuery(s)}&locale=gd`]) {
        const body = unfold(await (await fetch(`${t.app.url}${path}`)).text());
        assert.match(body, /Probe Hall/, path);
        for (const marker of markers) assert.ok(!body.includes(marker), `${path} holds ${marker}`);
      }
    });
  });
}
