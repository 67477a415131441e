import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/elements/session-calendar/define.js';
import { ACCESS_FEATURES, type AccessFeature, type Session } from '../src/contract/index.js';
import { isFew, sessionState } from '../src/elements/session-calendar/badges.js';
import {
  applyFilters,
  areasOf,
  byDay,
  groupByMonthDay,
  indexSessions,
  memoOne,
  type Filters,
} from '../src/elements/session-calendar/filters.js';
import { parseSessionHash, withSessionHash } from '../src/elements/session-calendar/hash.js';
import { addMonths, monthWeeks, moveDay, weekday } from '../src/elements/session-calendar/month-math.js';
import type { MobiliseSessionCalendar } from '../src/elements/session-calendar/session-calendar.js';
import { sessionCount } from '../src/strings/compose.js';
import { en } from '../src/strings/en.js';
import { json, mockApis, type MockApi } from './helpers/mock-api.js';
import { DAY, HOUR, sessionFixture } from './helpers/session.js';


const NOW = Date.parse('2030-03-10T12:00:00Z');

const session = (over: Partial<Session> & { id: string }): Session =>
  sessionFixture({ start: '2030-03-20T18:30:00Z', ...over });

const none: Filters = { module: '', delivery: '', area: '', from: '', to: '', access: '', showPast: false, now: NOW };
const api = mockApis();

const sessions = [
  session({ id: 'late', start: '2030-04-02T17:30:00Z', moduleId: 'digital-organising', area: 'Edinburgh' }),
  session({ id: 'past', start: '2030-03-01T18:30:00Z' }),
  session({ id: 'hybrid', start: '2030-03-20T18:30:00Z', delivery: 'hybrid', area: 'Dundee' }),
  session({ id: 'in-person', start: '2030-03-20T10:00:00Z', delivery: 'in-person' }),
  // 23:30 UTC on 31 March is 00:30 on 1 April in London (BST): it belongs to April.
  session({ id: 'bst-midnight', start: '2030-03-31T23:30:00Z', area: 'glasgow' }),
];
const entries = indexSessions(sessions);
const ids = (list: { session: Session }[]) => list.map((e) => e.session.id);

describe('session calendar filters', () => {
  it('indexes sessions in start order with London days and months', () => {
    expect(ids(entries)).to.deep.equal(['past', 'in-person', 'hybrid', 'bst-midnight', 'late']);
    const midnight = entries.find((e) => e.session.id === 'bst-midnight')!;
    expect(midnight.day).to.equal('2030-04-01');
    expect(midnight.month).to.equal('2030-04');
  });

  it("keeps the endpoint's order for sessions that start together (the server's: start, then id)", () => {
    const together = indexSessions([session({ id: 'b-second' }), session({ id: 'a-first', start: '2030-03-21T09:00:00Z' }), session({ id: 'a-third' })]);
    expect(ids(together)).to.deep.equal(['b-second', 'a-third', 'a-first']);
  });

  it('hides sessions that have ended unless showPast', () => {
    expect(ids(applyFilters(entries, none))).to.not.include('past');
    expect(ids(applyFilters(entries, { ...none, showPast: true }))).to.include('past');
    // A session in progress is not past.
    const running = indexSessions([session({ id: 'running', start: new Date(NOW - HOUR).toISOString() })]);
    expect(ids(applyFilters(running, none))).to.deep.equal(['running']);
  });

  it('filters by module, delivery and area (case-insensitive)', () => {
    expect(ids(applyFilters(entries, { ...none, module: 'digital-organising' }))).to.deep.equal(['late']);
    expect(ids(applyFilters(entries, { ...none, delivery: 'hybrid' }))).to.deep.equal(['hybrid']);
    expect(ids(applyFilters(entries, { ...none, area: 'GLASGOW' }))).to.deep.equal(['in-person', 'bst-midnight']);
  });

  it('filters by an inclusive London date range and ignores malformed dates', () => {
    expect(ids(applyFilters(entries, { ...none, from: '2030-04-01' }))).to.deep.equal(['bst-midnight', 'late']);
    expect(ids(applyFilters(entries, { ...none, to: '2030-03-31' }))).to.deep.equal(['in-person', 'hybrid']);
    expect(ids(applyFilters(entries, { ...none, from: '2030-03-20', to: '2030-03-20' }))).to.deep.equal(['in-person', 'hybrid']);
    expect(applyFilters(entries, { ...none, from: 'yesterday' })).to.have.length(4);
  });

  it('keeps the sessions offering every access feature asked for; one that lists none offers none', () => {
    const list = indexSessions([
      session({ id: 'both', accessFeatures: ['step-free', 'hearing-loop'] }),
      session({ id: 'step', accessFeatures: ['step-free'], delivery: 'in-person' }),
      session({ id: 'bare' }),
      session({ id: 'empty', accessFeatures: [] }),
    ]);
    expect(ids(applyFilters(list, { ...none, access: 'step-free' }))).to.deep.equal(['both', 'step']);
    expect(ids(applyFilters(list, { ...none, access: 'step-free,hearing-loop' }))).to.deep.equal(['both']);
    expect(ids(applyFilters(list, { ...none, access: 'step-free', delivery: 'in-person' }))).to.deep.equal(['step']);
    expect(ids(applyFilters(list, { ...none, access: 'bsl' }))).to.deep.equal([]);
    // All four start together: the endpoint's order.
    expect(ids(applyFilters(list, none))).to.deep.equal(['both', 'step', 'bare', 'empty']);
  });

  it('lists distinct areas, sorted', () => {
    expect(areasOf(entries)).to.deep.equal(['Dundee', 'Edinburgh', 'glasgow', 'Glasgow']);
  });

  it('groups by month then day, keeping order', () => {
    const groups = groupByMonthDay(applyFilters(entries, none));
    expect(groups.map((g) => g.month)).to.deep.equal(['2030-03', '2030-04']);
    expect(groups[0].days.map((d) => [d.day, ids(d.entries)])).to.deep.equal([['2030-03-20', ['in-person', 'hybrid']]]);
    expect(groups[1].days.map((d) => d.day)).to.deep.equal(['2030-04-01', '2030-04-02']);
  });

  it("lists each day's sessions in order", () => {
    const days = byDay(entries);
    expect(ids(days.get('2030-03-20')!)).to.deep.equal(['in-person', 'hybrid']);
    expect([...days.keys()]).to.deep.equal(['2030-03-01', '2030-03-20', '2030-04-01', '2030-04-02']);
  });

  it('memoOne recomputes only when an argument changes', () => {
    let runs = 0;
    const f = memoOne((a: readonly unknown[], b: number) => (runs++, a.length + b));
    const list = [1, 2];
    expect(f(list, 1)).to.equal(3);
    expect(f(list, 1)).to.equal(3);
    expect(runs).to.equal(1);
    f([1, 2], 1);
    f([1, 2], 2);
    expect(runs).to.equal(3);
  });
});

describe('session availability', () => {
  const state = (over: Partial<Session>) => sessionState(session({ id: 's', ...over }), NOW);

  it('shows spaces left, and "Only N left" at three or fewer or at most a tenth', () => {
    expect(state({ spacesLeft: 12 })).to.include({ kind: 'spaces', text: '12 spaces left', action: 'signup' });
    expect(state({ spacesLeft: 1, capacity: 1 }).text).to.equal('Only 1 left');
    expect(state({ spacesLeft: 3 })).to.include({ kind: 'few', text: 'Only 3 left' });
    expect(state({ spacesLeft: 4 }).kind).to.equal('spaces');
    expect(isFew(session({ id: 's', spacesLeft: 10, capacity: 100 }))).to.equal(true);
    expect(isFew(session({ id: 's', spacesLeft: 11, capacity: 100 }))).to.equal(false);
  });

  it('tells full with and without a waiting list, cancelled and closed apart', () => {
    expect(state({ spacesLeft: 0, status: 'full', waitlist: true })).to.include({ kind: 'full-waitlist', action: 'waitlist' });
    expect(state({ spacesLeft: 0, status: 'full', waitlist: false })).to.deep.equal({ kind: 'full', text: 'Full' });
    // spacesLeft 0 means full even if the status lags behind.
    expect(state({ spacesLeft: 0, waitlist: false }).kind).to.equal('full');
    expect(state({ status: 'cancelled', signupDeadline: '2030-03-01T00:00:00Z' }).kind).to.equal('cancelled');
    expect(state({ signupDeadline: '2030-03-09T00:00:00Z' })).to.deep.equal({ kind: 'closed', text: 'Signups closed' });
    expect(state({ start: new Date(NOW - HOUR).toISOString() }).kind).to.equal('closed');
  });
});

describe('session deep links', () => {
  it('parses #session=<id>, alone or among other hash parameters', () => {
    expect(parseSessionHash('#session=fo1-glasgow-2030-03-20')).to.equal('fo1-glasgow-2030-03-20');
    expect(parseSessionHash('#tab=2&session=abc')).to.equal('abc');
    expect(parseSessionHash('#top')).to.equal(undefined);
    expect(parseSessionHash('#session=<script>')).to.equal(undefined);
    expect(parseSessionHash('')).to.equal(undefined);
  });

  it('sets the session in the hash and keeps path, query and other hash parameters', () => {
    expect(withSessionHash('https://clp.example/train?x=1', 'abc')).to.equal('https://clp.example/train?x=1#session=abc');
    expect(withSessionHash('https://clp.example/#tab=2&session=old', 'abc')).to.equal('https://clp.example/#tab=2&session=abc');
  });
});

describe('month grid date maths', () => {
  // 12 March 2030 is a Tuesday.
  it('moves by day, week, week edge and month', () => {
    expect(weekday('2030-03-12')).to.equal(1);
    expect(moveDay('2030-03-12', 'ArrowRight')).to.equal('2030-03-13');
    expect(moveDay('2030-03-12', 'ArrowLeft')).to.equal('2030-03-11');
    expect(moveDay('2030-03-12', 'ArrowDown')).to.equal('2030-03-19');
    expect(moveDay('2030-03-12', 'ArrowUp')).to.equal('2030-03-05');
    expect(moveDay('2030-03-12', 'Home')).to.equal('2030-03-11');
    expect(moveDay('2030-03-12', 'End')).to.equal('2030-03-17');
    expect(moveDay('2030-03-12', 'PageDown')).to.equal('2030-04-12');
    expect(moveDay('2030-03-12', 'PageUp')).to.equal('2030-02-12');
    expect(moveDay('2030-03-12', 'a')).to.equal(undefined);
  });

  it('crosses month, year and clock-change boundaries', () => {
    expect(moveDay('2030-03-31', 'ArrowRight')).to.equal('2030-04-01');
    expect(moveDay('2030-01-01', 'ArrowLeft')).to.equal('2029-12-31');
    expect(moveDay('2030-03-30', 'ArrowDown')).to.equal('2030-04-06');
    expect(addMonths('2030-01-31', 1)).to.equal('2030-02-28');
    expect(addMonths('2032-01-31', 1)).to.equal('2032-02-29');
    expect(addMonths('2030-01-15', -1)).to.equal('2029-12-15');
  });

  it('lays a month out Monday first in full weeks', () => {
    const weeks = monthWeeks('2030-03');
    expect(weeks.every((w) => w.length === 7)).to.equal(true);
    // 1 March 2030 is a Friday: four blanks first.
    expect(weeks[0]).to.deep.equal([null, null, null, null, '2030-03-01', '2030-03-02', '2030-03-03']);
    expect(weeks.flat().filter(Boolean)).to.have.length(31);
    expect(weeks.at(-1)!.at(-1)).to.equal('2030-03-31');
  });
});

/** Sessions ten days on and after, each with the access features it is named for. */
const upcoming = (over: (Partial<Session> & { id: string })[]) =>
  over.map((o, i) => sessionFixture({ start: new Date(Date.now() + (10 + i) * DAY).toISOString(), ...o }));
const accessSessions = upcoming([
  { id: 'loop-and-steps', accessFeatures: ['step-free', 'hearing-loop'], delivery: 'in-person', venue: { name: 'Hall', address: '1 Road', postcode: 'G1 1AA' } },
  { id: 'steps-only', accessFeatures: ['step-free', 'parking'], delivery: 'in-person', venue: { name: 'Hall', address: '1 Road', postcode: 'G1 1AA' } },
  { id: 'captioned', accessFeatures: ['bsl', 'captions'] },
  { id: 'none-listed' },
]);

describe('the access filter', () => {
  const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
  const shown = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('article[part="session"]')].map((a) => a.dataset.session);
  const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
  // GET /v1/sessions itself (the JSON-LD, /v1/sessions.jsonld, follows the ticked boxes on purpose).
  const asked = (a: MockApi) => a.calls.filter((c) => new URL(c.url).pathname === '/v1/sessions').map((c) => new URL(c.url).searchParams.get('access'));

  async function calendar(endpoint: string) {
    const el = await fixture<MobiliseSessionCalendar>(`<mobilise-session-calendar endpoint="${endpoint}"></mobilise-session-calendar>`);
    await waitUntil(() => $(el, 'article[part="session"]'), 'sessions', { timeout: 5000 });
    return el;
  }

  /** Opens the disclosure and ticks (or unticks) a box as a member would: a click. */
  async function tick(el: MobiliseSessionCalendar, feature: AccessFeature) {
    $<HTMLDetailsElement>(el, '.access-filter')!.open = true;
    $<HTMLInputElement>(el, `input[name="access"][value="${feature}"]`)!.click();
    await el.updateComplete;
  }

  const settled = (el: MobiliseSessionCalendar, ids: string[]) =>
    waitUntil(() => JSON.stringify(shown(el)) === JSON.stringify(ids), `expected ${ids.join(', ')}, saw ${shown(el).join(', ')}`, { timeout: 5000 });

  it('offers every feature in a fieldset with a legend, behind a disclosure that counts the ticked ones', async () => {
    const el = await calendar(api({ sessions: accessSessions }).endpoint);
    const details = $<HTMLDetailsElement>(el, '[part="filters"] details.access-filter')!;
    expect(details.open, 'closed at first: nine boxes do not crowd a phone').to.equal(false);
    expect(text(details.querySelector('summary'))).to.equal('Access needs');
    expect(text(details.querySelector('fieldset > legend'))).to.equal('Access needs');
    const labels = [...details.querySelectorAll('label')].map((l) => [l.querySelector('input')!.value, text(l)]);
    expect(labels).to.deep.equal(ACCESS_FEATURES.map((f) => [f, en.access[f]]));
    await tick(el, 'step-free');
    await tick(el, 'hearing-loop');
    expect(text(details.querySelector('summary'))).to.equal('Access needs (2)');
    expect(text($(el, '.filter-toggle')), 'one filter among the others').to.equal('Filters (1)');
    await expect(el).to.be.accessible();
  });

  it('narrows the loaded sessions to those offering every ticked feature, as the other filters do, and says how many', async () => {
    const a = api({ sessions: accessSessions });
    const el = await calendar(a.endpoint);
    await tick(el, 'step-free');
    await settled(el, ['loop-and-steps', 'steps-only']);
    await tick(el, 'hearing-loop');
    await settled(el, ['loop-and-steps']);
    expect(text($(el, '.count'))).to.equal(sessionCount(en, 1, 1));
    // In the browser, like module, delivery and area: the one request (shared with the catalogue) is all it takes.
    expect(asked(a)).to.deep.equal([null]);
  });

  it('filters a static file in the browser, with no API to ask', async () => {
    const a = api();
    a.routes['GET /data.json'] = () => json({ modules: [], sessions: accessSessions });
    const el = await calendar(`${a.endpoint}/data.json`);
    await tick(el, 'captions');
    await settled(el, ['captioned']);
    await tick(el, 'parking');
    await waitUntil(() => $(el, '[part="empty"]'), 'no session has both');
    expect(text($(el, '[part="empty"] h3'))).to.equal(en.calendar.noMatch);
    expect(a.calls.map((c) => new URL(c.url).pathname)).to.deep.equal(['/data.json']);
  });

  it('combines with the other filters, and "Clear filters" unticks every box', async () => {
    const el = await calendar(api({ sessions: accessSessions }).endpoint);
    const delivery = $<HTMLSelectElement>(el, '#f-delivery')!;
    delivery.value = 'in-person';
    delivery.dispatchEvent(new Event('change', { bubbles: true }));
    await tick(el, 'step-free');
    await settled(el, ['loop-and-steps', 'steps-only']);
    await tick(el, 'parking');
    await settled(el, ['steps-only']);
    expect(text($(el, '.filter-toggle'))).to.equal('Filters (2)');

    $<HTMLButtonElement>(el, '[data-action="clear"]')!.click();
    await settled(el, accessSessions.map((s) => s.id));
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="access"]')];
    expect(boxes.filter((b) => b.checked).map((b) => b.value)).to.deep.equal([]);
    expect(text($(el, '.access-filter summary'))).to.equal('Access needs');
    expect(delivery.value).to.equal('');
  });

  it('follows a link to a session the access filter left out: every session again, and the link opened', async () => {
    const start = location.href.split('#')[0];
    const el = await calendar(api({ sessions: accessSessions }).endpoint);
    try {
      await tick(el, 'bsl');
      await settled(el, ['captioned']);
      location.hash = 'session=steps-only';
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      await waitUntil(() => dialog.open, 'the linked session opened', { timeout: 5000 });
      expect(dialog.querySelector('mobilise-signup-form')!.getAttribute('session-id')).to.equal('steps-only');
      expect(shown(el)).to.deep.equal(accessSessions.map((s) => s.id));
      expect(text($(el, '.access-filter summary'))).to.equal('Access needs');
      dialog.close();
    } finally {
      history.replaceState(history.state, '', start);
    }
  });
});
