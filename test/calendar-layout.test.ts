/**
 * The calendar's layout by its own width: entries in columns when wide (and one row each with
 * layout="compact"), filters behind a disclosure when narrow, icons beside the words they
 * illustrate, titles in the month grid where the cells have room, and placeholders the size
 * of what they stand for. Widths come from a wrapper (container queries), the 1280×800 window
 * from setViewport: WebKit's window cannot be narrower than 447 px.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/context/define.js';
import '../src/elements/session-calendar/define.js';
import type { Module, Session } from '../src/contract/index.js';
import type { MobiliseSessionCalendar } from '../src/elements/session-calendar/session-calendar.js';
import { en } from '../src/strings/en.js';
import { fixtures, gate, mockApis, type MockApi } from './helpers/mock-api.js';
import { DAY, sessionFixture } from './helpers/session.js';
import { setViewport } from './helpers/viewport.js';

const t = en.calendar;
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

const api = mockApis();
before(() => setViewport({ width: 1280, height: 800 }));

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cards = (el: Element) => $$(el, 'article[part="session"]');
const rect = (node: Element) => node.getBoundingClientRect();
const shown = (node: Element | null) => !!node && (node as HTMLElement).checkVisibility();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A calendar `width` px wide (or as wide as the page), on the seeded programme unless `a` says otherwise. */
async function mount(width: number | undefined, attrs = '', a: MockApi = api()) {
  const wrap = await fixture<HTMLElement>(
    `<div style="${width ? `width:${width}px` : ''}"><mobilise-session-calendar endpoint="${a.endpoint}" ${attrs}></mobilise-session-calendar></div>`,
  );
  return wrap.firstElementChild as MobiliseSessionCalendar;
}

async function loaded(el: MobiliseSessionCalendar, selector = 'article[part="session"]') {
  await waitUntil(() => $(el, selector), `expected ${selector}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** The skeleton's placeholder height while loading, then the entries' heights once loaded. */
async function skeletonThenCards(width: number | undefined, attrs = '') {
  const g = gate();
  const a = api();
  const route = a.routes['GET /v1/sessions'];
  a.routes['GET /v1/sessions'] = async (req) => {
    await g.promise;
    return route(req);
  };
  const el = await mount(width, attrs, a);
  await waitUntil(() => $(el, '.session-skeleton'), 'skeleton');
  const placeholder = rect($(el, '.session-skeleton')!).height;
  g.release();
  await loaded(el);
  return { el, placeholder, heights: cards(el).map((c) => Math.round(rect(c).height)) };
}

describe('calendar layout', () => {
  it('reflects layout, and warns about a value it does not know', async () => {
    const el = await loaded(await mount(undefined));
    expect(el.getAttribute('layout')).to.equal('cards');
    el.layout = 'compact';
    await el.updateComplete;
    expect(el.getAttribute('layout')).to.equal('compact');
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warned.push(m);
    try {
      el.setAttribute('layout', 'grid');
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(warned).to.deep.equal(['[mobilise] <mobilise-session-calendar> ignores layout="grid"']);
  });

  it('lays an entry out in columns when wide, the date only in its day heading; a stack when narrow', async () => {
    const wide = await loaded(await mount(undefined));
    const card = cards(wide)[0];
    const [head, when, actions] = ['.head', '.when', '.actions'].map((s) => rect(card.querySelector(s)!));
    expect(head.right, 'title, then time and place, then actions, left to right').to.be.at.most(when.left);
    expect(when.right).to.be.at.most(actions.left);
    expect(Math.abs(head.top - when.top), 'side by side').to.be.lessThan(10);
    expect(Math.abs(when.top - actions.top)).to.be.lessThan(20);
    expect(text(card.querySelector('.info')), 'no date in the entry').to.not.match(/day|\d{4}/);

    const narrow = await loaded(await mount(320));
    const stack = cards(narrow)[0];
    expect(rect(stack.querySelector('.info')!).top, 'time and place below the title').to.be.at.least(rect(stack.querySelector('.head')!).bottom);
    expect(rect(stack.querySelector('.actions')!).top).to.be.at.least(rect(stack.querySelector('.info')!).bottom);
    await expect(narrow).to.be.accessible();
  });

  // Three, not four, since each seeded session lists its access features on a line of its own (issue 14).
  it('fits three or more whole sessions, access features listed, in a 1280×800 window with layout="compact", one row each', async () => {
    scrollTo(0, 0);
    const compact = await loaded(await mount(undefined, 'layout="compact"'));
    const inView = (el: Element) => cards(el).filter((c) => rect(c).top >= 0 && rect(c).bottom <= innerHeight).length;
    const visible = inView(compact);
    const card = cards(compact)[0];
    const [when, head, where, actions] = ['.when', '.head', '.where', '.actions'].map((s) => rect(card.querySelector(s)!));
    expect(when.right <= head.left && head.right <= where.left && where.right <= actions.left, 'time | title | place | actions').to.equal(true);
    // The details are still there, in small print beside the button, and open below it inside the entry.
    const toggle = card.querySelector<HTMLButtonElement>('[part="add-to-calendar"]')!;
    expect(shown(toggle)).to.equal(true);
    toggle.click();
    await waitUntil(() => shown(card.querySelector('.add-to-calendar a')), 'calendar links shown');
    const list = card.querySelector('.add-to-calendar')!;
    expect(rect(list).right).to.be.at.most(rect(card).right);
    expect(rect(list).top, 'the links open below the button').to.be.at.least(rect(toggle).bottom);
    toggle.click();
    await compact.updateComplete;
    await expect(compact).to.be.accessible();
    compact.parentElement!.remove();

    scrollTo(0, 0);
    const cardsLayout = await loaded(await mount(undefined));
    console.log(`[layout] whole sessions in a 1280×800 window: compact ${visible}, default ${inView(cardsLayout)}`);
    expect(visible).to.be.at.least(3);
  });

  it('sizes the loading placeholders like the entries they stand for, at 320 and 1280 px in both layouts', async () => {
    const report: string[] = [];
    for (const [width, attrs] of [
      [320, ''],
      [undefined, ''],
      [320, 'layout="compact"'],
      [undefined, 'layout="compact"'],
    ] as const) {
      const { el, placeholder, heights } = await skeletonThenCards(width, attrs);
      const typical = median(heights);
      report.push(`${width ?? rect(el).width}px ${attrs || 'cards'}: entries ${heights.slice(0, 6).join('/')}… (median ${typical}), placeholder ${Math.round(placeholder)}`);
      expect(placeholder, `${width ?? 'wide'} ${attrs}`).to.be.within(typical * 0.75, typical * 1.25);
      el.parentElement!.remove();
    }
    console.log(`[layout] entry heights: ${report.join('; ')}`);
  });

  it('puts the filters behind a "Filters" disclosure when narrow, saying how many are set', async () => {
    const el = await loaded(await mount(320, 'delivery="online" area="Scotland-wide"'));
    const toggle = $<HTMLButtonElement>(el, '.filter-toggle')!;
    const filters = $(el, '[part="filters"]')!;
    expect(text(toggle)).to.equal(t.filterToggle(2));
    expect(t.filterToggle(2)).to.equal('Filters (2)');
    expect(toggle.getAttribute('aria-controls')).to.equal(filters.id);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(shown(filters), 'closed').to.equal(false);
    const listTop = rect(cards(el)[0]).top - rect(el).top;
    expect(listTop, 'the first session starts high up').to.be.lessThan(350);
    await expect(el).to.be.accessible();

    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(shown(filters), 'open').to.equal(true);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[data-action="clear"]')!.click();
    await el.updateComplete;
    expect(text(toggle)).to.equal(t.filterToggle(0));
    expect(t.filterToggle(0)).to.equal('Filters');
    toggle.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(shown(filters)).to.equal(false);

    // Wide: no disclosure, the filters always shown.
    el.parentElement!.style.width = '800px';
    await waitUntil(() => !shown(toggle), 'the button goes when wide');
    expect(shown(filters)).to.equal(true);
  });

  it('puts icons beside the date, time, place, online delivery and accessibility, hidden from assistive technology', async () => {
    const venue = { name: 'Partick Burgh Hall', address: '9 Burgh Hall Street, Glasgow', postcode: 'G11 5LW' };
    const sessions: Session[] = [
      sessionFixture({ id: 'room', start: new Date(Date.now() + 5 * DAY).toISOString(), delivery: 'in-person', venue, accessibility: 'Step-free' }),
      sessionFixture({ id: 'web', start: new Date(Date.now() + 6 * DAY).toISOString(), delivery: 'online' }),
    ];
    const el = await loaded(await mount(undefined, '', api({ sessions })));
    const icon = (sel: string) => $(el, `${sel} svg.icon`);
    const room = '[data-session="room"]';
    for (const sel of ['.day-heading', `${room} .when`, `${room} .where`, `${room} details.access summary`, '[data-session="web"] .where'])
      expect(icon(sel)?.getAttribute('aria-hidden'), sel).to.equal('true');
    const path = (sel: string) => icon(sel)!.querySelector('path')!.getAttribute('d');
    expect(path(`${room} .where`), 'a place pin in person, a screen online').to.not.equal(path('[data-session="web"] .where'));
    expect(text($(el, `${room} .where`))).to.equal('In person · Partick Burgh Hall, G11 5LW');
    await expect(el).to.be.accessible();
  });

  it('shows session titles in the month grid where there is room, the count where there is not', async () => {
    const modules: Module[] = [
      ...fixtures.modules,
      { ...fixtures.modules[0], id: 'markup', title: '<em>Organising</em> for a very long time, with a title that cannot fit a day cell' },
    ];
    const day = `${NEXT_YEAR}-03-12`;
    const at = (h: number) => `${day}T${String(h).padStart(2, '0')}:00:00Z`;
    const sessions = [
      sessionFixture({ id: 'a', start: at(9), moduleId: 'markup' }),
      sessionFixture({ id: 'b', start: at(12), moduleId: 'voter-persuasion' }),
      sessionFixture({ id: 'c', start: at(15), moduleId: 'digital-organising' }),
    ];
    const el = await loaded(await mount(1000, 'view="month"', api({ modules, sessions })), `td[data-day="${day}"]`);
    const cell = $(el, `td[data-day="${day}"]`)!;
    const titles = [...cell.querySelectorAll<HTMLElement>('.titles span')];
    expect(titles.map(text)).to.deep.equal([modules.at(-1)!.title, 'Voter Persuasion', '+1']);
    expect(cell.querySelector('em'), 'titles are text').to.equal(null);
    expect(shown(cell.querySelector('.count')), 'no count beside the titles').to.equal(false);
    expect(titles.every(shown)).to.equal(true);
    expect(getComputedStyle(titles[0]).textOverflow).to.equal('ellipsis');
    expect(titles[0].scrollWidth, 'the long title is cut short').to.be.greaterThan(titles[0].clientWidth);
    expect(rect(titles[0]).right).to.be.at.most(rect(cell).right);
    expect(titles[2].getAttribute('aria-hidden'), '"+1" repeats the count the name already says').to.equal('true');
    expect(text(cell.querySelector('.visually-hidden'))).to.include(t.sessionsOnDay(3));
    await expect(el).to.be.accessible();

    el.parentElement!.style.width = '400px';
    await waitUntil(() => !shown(cell.querySelector('.titles')), 'no titles when narrow');
    expect(shown(cell.querySelector('.count'))).to.equal(true);
    expect(text(cell.querySelector('.count'))).to.equal('3');
  });
});
