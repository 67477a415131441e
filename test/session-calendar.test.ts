import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/context/define.js';
import '../src/elements/session-calendar/define.js';
import type { Session } from '../src/contract/index.js';
import { emit } from '../src/context/index.js';
import { PAGE_SIZE, type MobiliseSessionCalendar } from '../src/elements/session-calendar/session-calendar.js';
import { dayKey, formatTimeRange } from '../src/elements/shared/format.js';
import { cy } from '../src/strings/cy.js';
import { en } from '../src/strings/en.js';
import { callsTo, fixtures, gate, json, mockApis, problem, type MockApi } from './helpers/mock-api.js';
import { focusedName, has, nameOf } from './helpers/dom.js';
import { payloadsHadTheirTurn } from './helpers/settle.js';
import { DAY, HOUR, sessionFixture } from './helpers/session.js';
import { sessionCount } from '../src/strings/compose.js';


const t = en.calendar;
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

const api = mockApis();
const startHref = location.href.split('#')[0];
afterEach(() => {
  history.replaceState(history.state, '', startHref);
  document.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close());
});

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const entries = (el: Element) => $$(el, 'article[part="session"]');
const entryIds = (el: Element) => entries(el).map((a) => a.dataset.session!);
const entry = (el: Element, id: string) => $(el, `article[data-session="${id}"]`)!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A valid session `days` from now; override anything. */
const session = (id: string, over: Partial<Session> = {}, days = 10): Session =>
  sessionFixture({ id, start: new Date(Date.now() + days * DAY).toISOString(), trainer: 'Morag Henderson', ...over });

async function calendar(a: MockApi | string, attrs = '') {
  const endpoint = typeof a === 'string' ? a : a.endpoint;
  const el = await fixture<MobiliseSessionCalendar>(
    `<mobilise-session-calendar endpoint="${endpoint}" ${attrs}></mobilise-session-calendar>`,
  );
  return el;
}

async function loaded(el: MobiliseSessionCalendar, selector = 'article[part="session"], [part="empty"], .month-view') {
  await waitUntil(() => $(el, selector), `expected ${selector}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function change(el: MobiliseSessionCalendar, id: string, value: string) {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Independent of the element's filter code: upcoming seed sessions matching `pred`. */
/** Seed sessions a member can sign up for right now. */
const joinable = (s: Session) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > Date.now();

const upcoming = (pred: (s: Session) => boolean = () => true) =>
  fixtures.sessions.filter((s) => Date.parse(s.end) >= Date.now() && pred(s)).map((s) => s.id);

async function toMonthView(el: MobiliseSessionCalendar) {
  $<HTMLButtonElement>(el, '[data-view="month"]')!.click();
  await waitUntil(() => $(el, 'table[role="grid"]'), 'month grid', { timeout: 5000 });
  await el.updateComplete;
}

/** Compared as a boolean: chai's diff of two shadow-DOM nodes can stall the browser. */
const hasFocus = (el: Element, target: Element | null | undefined) => !!target && el.shadowRoot!.activeElement === target;
const focusedDay = (el: Element) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.day;
/**
 * Choosing a session is decided inside the click; opening the dialog requests a render and
 * shows the dialog as soon as it completes (its wait was registered before this one).
 */
async function afterChoosing(el: MobiliseSessionCalendar, button: HTMLElement) {
  button.click();
  await el.updateComplete;
}

async function press(el: MobiliseSessionCalendar, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
  await el.updateComplete;
}

describe('<mobilise-session-calendar>', () => {
  it('shows a skeleton with the filters while loading, then sessions grouped by month and day', async () => {
    const g = gate();
    const a = api({
      sessions: [
        session('winter', { start: `${NEXT_YEAR}-12-03T18:30:00Z` }),
        session('summer', { start: `${NEXT_YEAR}-07-01T17:30:00Z`, moduleId: 'digital-organising' }),
        session('summer-2', { start: `${NEXT_YEAR}-07-01T09:00:00Z` }),
      ],
    });
    const route = a.routes['GET /v1/sessions'];
    a.routes['GET /v1/sessions'] = async (req) => {
      await g.promise;
      return route(req);
    };
    const el = await calendar(a);
    await waitUntil(() => $(el, '.session-skeleton'), 'skeleton');
    expect($(el, '.loading')!.getAttribute('aria-busy')).to.equal('true');
    expect($<HTMLFieldSetElement>(el, '[part="filters"]')!.disabled).to.equal(true);
    const filtersTop = $(el, '[part="filters"]')!.getBoundingClientRect().top;
    const toolbarTop = $(el, '.toolbar')!.getBoundingClientRect().top;
    await expect(el).to.be.accessible();
    g.release();
    await loaded(el);
    // Nothing above the list moved when the data arrived.
    expect($(el, '[part="filters"]')!.getBoundingClientRect().top).to.equal(filtersTop);
    expect($(el, '.toolbar')!.getBoundingClientRect().top).to.equal(toolbarTop);

    const months = $$(el, 'h3[part="month-heading"]').map(text);
    expect(months).to.deep.equal([`July ${NEXT_YEAR}`, `December ${NEXT_YEAR}`]);
    const july = $$(el, 'section.month')[0];
    expect(july.querySelectorAll('.day-group')).to.have.length(1);
    expect([...july.querySelectorAll<HTMLElement>('article')].map((a) => a.dataset.session)).to.deep.equal(['summer-2', 'summer']);
    expect(text(entry(el, 'summer').querySelector('[part="session-title"]'))).to.equal('Digital Organising');
    // The day heading carries the date; the entry keeps it in <time datetime> and in its buttons' hidden context.
    const days = $$(el, '.day-heading').map(text);
    expect(days).to.have.length(2);
    expect(days[0]).to.match(/^[A-Z][a-z]{2},? 1 Jul$/);
    const summer = entry(el, 'summer');
    expect(`${text(summer.querySelector('.head'))} ${text(summer.querySelector('.info'))}`, 'no date shown in the entry').to.not.match(/Jul|day/);
    expect(summer.querySelector('time')!.getAttribute('datetime')).to.equal(`${NEXT_YEAR}-07-01T17:30:00Z`);
    expect(text(summer.querySelector('time'))).to.equal('18:30 – 20:30');
    expect(text(summer.querySelector('[part="signup-button"]'))).to.match(new RegExp(`^Sign up: Digital Organising, [A-Z][a-z]+day,? 1 July ${NEXT_YEAR}$`));
  });

  it('shows London times: the same wall-clock time in BST and in winter', async () => {
    // 17:30 UTC in July is 18:30 BST; 18:30 UTC in December is 18:30 GMT.
    const summer = formatTimeRange(`${NEXT_YEAR}-07-01T17:30:00Z`, `${NEXT_YEAR}-07-01T19:30:00Z`, 'en-GB');
    const winter = formatTimeRange(`${NEXT_YEAR}-12-03T18:30:00Z`, `${NEXT_YEAR}-12-03T20:30:00Z`, 'en-GB');
    expect(summer).to.equal(winter);
    expect(summer).to.match(/^18:30 – 20:30$/);
    const el = await loaded(
      await calendar(
        api({
          sessions: [
            session('winter', { start: `${NEXT_YEAR}-12-03T18:30:00Z` }),
            session('summer', { start: `${NEXT_YEAR}-07-01T17:30:00Z` }),
          ],
        }),
      ),
    );
    expect(text(entry(el, 'summer').querySelector('.time'))).to.equal('18:30 – 20:30');
    expect(text(entry(el, 'winter').querySelector('.time'))).to.equal('18:30 – 20:30');
    expect(text(entry(el, 'winter'))).to.include(t.ukTime);
  });

  it('shows delivery, venue and postcode, area, trainer and accessibility notes', async () => {
    const venue = { name: 'Partick Burgh Hall', address: '9 Burgh Hall Street, Glasgow', postcode: 'G11 5LW' };
    const el = await loaded(
      await calendar(
        api({
          sessions: [
            session('room', { delivery: 'in-person', venue, accessibility: 'Step-free access' }),
            session('web', { delivery: 'online' }, 11),
            session('both', { delivery: 'hybrid', venue }, 12),
          ],
        }),
      ),
    );
    const room = entry(el, 'room');
    expect(text(room.querySelector('.where'))).to.equal('In person · Partick Burgh Hall, G11 5LW');
    expect(text(room.querySelector('.area'))).to.equal('Area: Glasgow');
    expect(text(room.querySelector('.trainer'))).to.equal('Trainer: Morag Henderson');
    expect(text(room.querySelector('details.access'))).to.include('Step-free access');
    expect(text(entry(el, 'web').querySelector('.where'))).to.equal('Online');
    expect(text(entry(el, 'both').querySelector('.where'))).to.include(t.hybrid);
  });

  it("lists a session's access features as words beside a decorative icon, in the month's day too; none listed, none shown", async () => {
    const venue = { name: 'Partick Burgh Hall', address: '9 Burgh Hall Street, Glasgow', postcode: 'G11 5LW' };
    const a = api({
      sessions: [
        session('ramp', { delivery: 'in-person', venue, accessFeatures: ['step-free', 'accessible-toilets'] }),
        session('unsaid', {}, 11),
        session('none', { accessFeatures: [] }, 12),
      ],
    });
    const el = await loaded(await calendar(a));
    const features = (root: Element | null) => [...(root?.querySelectorAll('.features > li') ?? [])];
    const ramp = entry(el, 'ramp');
    expect(features(ramp).map(text)).to.deep.equal(['Step-free access', 'Accessible toilets']);
    expect(ramp.querySelector('.features')!.getAttribute('aria-label')).to.equal(t.accessibility);
    // The words name the feature; the drawing beside them is hidden from assistive technology.
    expect(features(ramp).map((li) => li.querySelector('svg')?.getAttribute('aria-hidden'))).to.deep.equal(['true', 'true']);
    for (const id of ['unsaid', 'none']) expect(has(entry(el, id), '.features'), id).to.equal(false);
    await expect(el).to.be.accessible();

    await toMonthView(el);
    $(el, `td[data-day="${dayKey(ramp.querySelector('time')!.getAttribute('datetime')!)}"]`)!.click();
    await el.updateComplete;
    expect(features($(el, '.day-panel')).map(text)).to.deep.equal(['Step-free access', 'Accessible toilets']);
  });

  it('names access features in the page’s language', async () => {
    const a = api({ sessions: [session('loop', { accessFeatures: ['hearing-loop', 'bsl'] })] });
    const root = await fixture<HTMLElement>(html`<mobilise-provider endpoint=${a.endpoint} locale="cy">
      <mobilise-session-calendar></mobilise-session-calendar>
    </mobilise-provider>`);
    const el = await loaded(root.querySelector('mobilise-session-calendar')!);
    const words = [cy.access['hearing-loop'], cy.access.bsl];
    await waitUntil(() => $$(el, '.features > li').map(text).join() === words.join(), 'Welsh labels');
    expect($(el, '.access-filter summary')!.textContent).to.include(cy.calendar.accessFilter(0));
  });

  it('shows a badge for each availability, in words, and no sign-up for cancelled or closed sessions', async () => {
    const el = await loaded(
      await calendar(
        api({
          sessions: [
            session('spaces', { spacesLeft: 12, capacity: 20 }, 5),
            session('few', { spacesLeft: 3, capacity: 40 }, 6),
            session('tenth', { spacesLeft: 9, capacity: 100 }, 7),
            session('waitlist', { spacesLeft: 0, status: 'full', waitlist: true }, 8),
            session('full', { spacesLeft: 0, status: 'full', waitlist: false }, 9),
            session('cancelled', { status: 'cancelled' }, 10),
            session('closed', { signupDeadline: new Date(Date.now() - HOUR).toISOString() }, 2),
          ],
        }),
      ),
    );
    const badge = (id: string) => text(entry(el, id).querySelector('[part="badge"]'));
    const button = (id: string) => text(entry(el, id).querySelector('[part="signup-button"]'));
    expect(badge('spaces')).to.equal('12 spaces left');
    expect(badge('few')).to.equal('Only 3 left');
    expect(badge('tenth')).to.equal('Only 9 left');
    expect(badge('waitlist')).to.equal('Full – waiting list open');
    expect(badge('full')).to.equal('Full');
    expect(badge('cancelled')).to.equal('Cancelled');
    expect(badge('closed')).to.equal('Signups closed');
    expect(button('spaces')).to.match(/^Sign up: Field Organising \(part one\), /);
    expect(button('waitlist')).to.match(/^Join the waiting list/);
    for (const id of ['full', 'cancelled', 'closed']) expect(has(entry(el, id), '[part="signup-button"]'), id).to.equal(false);
    expect(entry(el, 'cancelled').classList.contains('cancelled')).to.equal(true);
    expect(getComputedStyle(entry(el, 'cancelled').querySelector('.title')!).textDecorationLine).to.equal('line-through');
    expect(has(entry(el, 'cancelled'), '[part="add-to-calendar"]'), 'no calendar links for a cancelled session').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('filters by module, delivery, area and dates from the controls', async () => {
    const el = await loaded(await calendar(api()));
    const total = upcoming().length;
    expect(text($(el, '.count'))).to.equal(sessionCount(en, PAGE_SIZE, total));

    await change(el, 'f-module', 'voter-persuasion');
    const vp = upcoming((s) => s.moduleId === 'voter-persuasion');
    expect(entryIds(el)).to.deep.equal(vp);

    await change(el, 'f-module', '');
    await change(el, 'f-delivery', 'online');
    expect(entryIds(el)).to.deep.equal(upcoming((s) => s.delivery === 'online'));

    await change(el, 'f-delivery', '');
    const areas = $$<HTMLOptionElement>(el, '#f-area option').map((o) => o.value);
    expect(areas).to.include.members(['', 'Glasgow', 'Edinburgh', 'Scotland-wide']);
    await change(el, 'f-area', 'Edinburgh');
    expect(entryIds(el)).to.deep.equal(upcoming((s) => s.area === 'Edinburgh'));

    await change(el, 'f-area', '');
    const first = fixtures.sessions.find((s) => Date.parse(s.start) > Date.now() + 20 * DAY)!;
    const day = first.start.slice(0, 10);
    await change(el, 'f-from', day);
    await change(el, 'f-to', day);
    expect(entryIds(el)).to.include(first.id);
    expect(entries(el).every((a) => a.querySelector('time')!.getAttribute('datetime')!.startsWith(day))).to.equal(true);

    $<HTMLButtonElement>(el, '[data-action="clear"]')!.click();
    await el.updateComplete;
    expect(entries(el)).to.have.length(PAGE_SIZE);
  });

  it('takes its initial filters from attributes', async () => {
    const el = await loaded(await calendar(api(), 'delivery="online" area="Scotland-wide" module="digital-organising"'));
    const expected = upcoming((s) => s.delivery === 'online' && s.moduleId === 'digital-organising');
    expect(expected.length).to.be.greaterThan(0);
    expect(entryIds(el)).to.deep.equal(expected);
    expect($<HTMLSelectElement>(el, '#f-delivery')!.value).to.equal('online');
    expect($<HTMLSelectElement>(el, '#f-module')!.value).to.equal('digital-organising');
    expect($<HTMLSelectElement>(el, '#f-area')!.value).to.equal('Scotland-wide');
  });

  it('hides past sessions unless show-past is set', async () => {
    const past = fixtures.sessions.filter((s) => Date.parse(s.end) < Date.now()).map((s) => s.id);
    expect(past).to.have.length(2);
    const sessions = [...fixtures.sessions.filter((s) => past.includes(s.id)), session('soon', {}, 3)];
    const hidden = await loaded(await calendar(api({ sessions })));
    expect(entryIds(hidden)).to.deep.equal(['soon']);
    const shown = await loaded(await calendar(api({ sessions }), 'show-past'));
    expect(entryIds(shown)).to.deep.equal([...past, 'soon']);
  });

  it('says there are no sessions yet when none are set, and offers to clear filters when they hide them all', async () => {
    const none = await loaded(await calendar(api({ sessions: [] })));
    const empty = $(none, '[part="empty"]')!;
    expect(text(empty.querySelector('h3'))).to.equal(t.noneYet);
    expect(text(empty)).to.not.include(t.noMatch);
    expect(has(empty, 'button'), 'nothing to clear, no area to widen').to.equal(false);
    await expect(none).to.be.accessible();

    const el = await loaded(await calendar(api({ sessions: [session('online', { delivery: 'online' })] }), 'delivery="in-person"'));
    expect(text($(el, '[part="empty"] h3'))).to.equal(t.noMatch);
    const clear = $<HTMLButtonElement>(el, '[part="empty"] button')!;
    expect(text(clear)).to.equal(t.clearFilters);
    await expect(el).to.be.accessible();
    clear.click();
    await el.updateComplete;
    expect(entryIds(el)).to.deep.equal(['online']);
    expect($<HTMLSelectElement>(el, '#f-delivery')!.value).to.equal('');
  });

  it("offers every area when the provider's area has no sessions", async () => {
    const a = api({ sessions: [session('glasgow', { area: 'Glasgow' })] });
    const root = await fixture<HTMLElement>(html`<mobilise-provider endpoint=${a.endpoint} area="Fife">
      <mobilise-session-calendar></mobilise-session-calendar>
    </mobilise-provider>`);
    const el = await loaded(root.querySelector('mobilise-session-calendar')!);
    expect(text($(el, '[part="empty"] h3'))).to.equal(t.noneYet);
    const all = $<HTMLButtonElement>(el, '[part="empty"] button')!;
    expect(text(all)).to.equal(t.seeAllAreas);
    all.click();
    await waitUntil(() => entries(el).length === 1, 'the session from another area');
    expect(entryIds(el)).to.deep.equal(['glasgow']);
    const areaAsked = callsTo(a, '/v1/sessions').map((c) => new URL(c.url).searchParams.get('area'));
    expect(areaAsked, "first the provider's area, then every area").to.deep.equal(['Fife', null]);
    expect(has(el, '[part="empty"]'), 'no empty state any more').to.equal(false);
  });

  it('toggles between agenda and month views with aria-pressed buttons', async () => {
    const el = await loaded(await calendar(api()));
    const [agenda, month] = $$<HTMLButtonElement>(el, '[part="view-toggle"] button');
    expect($(el, '[part="view-toggle"]')!.getAttribute('role')).to.equal('group');
    expect(agenda.getAttribute('aria-pressed')).to.equal('true');
    expect(month.getAttribute('aria-pressed')).to.equal('false');
    await toMonthView(el);
    expect(el.getAttribute('view')).to.equal('month');
    expect(month.getAttribute('aria-pressed')).to.equal('true');
    expect(has(el, '.agenda'), 'the agenda makes way for the month').to.equal(false);
    await expect(el).to.be.accessible();
    agenda.click();
    await el.updateComplete;
    expect(has(el, 'table[role="grid"]'), 'the month makes way for the agenda').to.equal(false);
    expect(entries(el)).to.have.length(PAGE_SIZE);
  });

  it('navigates the month grid from the keyboard with a roving tabindex', async () => {
    const a = api({
      sessions: [
        session('march', { start: `${NEXT_YEAR}-03-12T18:30:00Z` }),
        session('march-2', { start: `${NEXT_YEAR}-03-12T10:00:00Z` }),
        session('april', { start: `${NEXT_YEAR}-04-02T17:30:00Z` }),
      ],
    });
    const el = await loaded(await calendar(a, 'view="month"'), 'table[role="grid"]');
    const tabbable = () => $$(el, 'td[tabindex="0"]');
    // Opens on the first month with sessions, on the first session day.
    expect(text($(el, '#grid-title'))).to.equal(`March ${NEXT_YEAR}`);
    expect($$(el, 'thead th').map(text)).to.deep.equal(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(tabbable().map((td) => td.dataset.day)).to.deep.equal([`${NEXT_YEAR}-03-12`]);
    const marked = $(el, `td[data-day="${NEXT_YEAR}-03-12"]`)!;
    expect(text(marked.querySelector('.count'))).to.equal('2');
    expect(text(marked)).to.include('2 sessions');

    marked.focus();
    const d = (day: number, month = 3) => `${NEXT_YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const monday = 12 - ((new Date(Date.UTC(NEXT_YEAR, 2, 12)).getUTCDay() + 6) % 7);
    const steps: [string, string][] = [
      ['ArrowRight', d(13)],
      ['ArrowLeft', d(12)],
      ['ArrowDown', d(19)],
      ['ArrowUp', d(12)],
      ['Home', d(monday)],
      ['End', d(monday + 6)],
      ['PageDown', d(monday + 6, 4)],
      ['PageUp', d(monday + 6)],
    ];
    for (const [key, day] of steps) {
      await press(el, key);
      expect(focusedDay(el), key).to.equal(day);
      expect(tabbable().map((td) => td.dataset.day), key).to.deep.equal([day]);
    }

    // Arrowing past the last day moves into the next month, focus and all.
    $(el, `td[data-day="${d(31)}"]`)!.focus();
    await press(el, 'ArrowRight');
    expect(text($(el, '#grid-title'))).to.equal(`April ${NEXT_YEAR}`);
    expect(focusedDay(el)).to.equal(d(1, 4));
    await press(el, 'ArrowLeft');
    expect(text($(el, '#grid-title'))).to.equal(`March ${NEXT_YEAR}`);
    expect(focusedDay(el)).to.equal(d(31));
    expect(tabbable()).to.have.length(1);

    // Enter lists that day's sessions below the grid, with sign-up buttons.
    $(el, `td[data-day="${d(12)}"]`)!.focus();
    await press(el, 'Enter');
    const panel = $(el, '.day-panel')!;
    expect($(el, `td[data-day="${d(12)}"]`)!.getAttribute('aria-selected')).to.equal('true');
    expect([...panel.querySelectorAll<HTMLElement>('article')].map((x) => x.dataset.session)).to.deep.equal(['march-2', 'march']);
    expect(panel.querySelectorAll('[part="signup-button"]')).to.have.length(2);
    expect(focusedDay(el)).to.equal(d(12));
    await press(el, 'ArrowDown');
    await press(el, ' ');
    expect(text($(el, '.day-panel'))).to.include(t.dayNone);

    // The month buttons move the grid without losing the roving day.
    $<HTMLButtonElement>(el, '[data-nav="next"]')!.click();
    await el.updateComplete;
    expect(text($(el, '#grid-title'))).to.equal(`April ${NEXT_YEAR}`);
    expect(tabbable()).to.have.length(1);
    expect(text($(el, `td[data-day="${d(2, 4)}"] .count`))).to.equal('1');
    await expect(el).to.be.accessible();
  });

  it('emits mobilise-session-select and opens a signup dialog; Escape closes it and focus returns', async () => {
    const a = api();
    const el = await loaded(await calendar(a, 'signup="auto"'));
    const button = $<HTMLButtonElement>(el, '[part="signup-button"]')!;
    const id = button.dataset.signup!;
    const s = fixtures.sessions.find((x) => x.id === id)!;
    button.focus();
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'mobilise-session-select');
    expect(event.detail).to.deep.equal({ sessionId: id, moduleId: s.moduleId });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);

    const dialog = $<HTMLDialogElement>(el, 'dialog[part="dialog"]')!;
    await waitUntil(() => dialog.open, 'dialog open');
    expect(dialog.matches(':modal')).to.equal(true);
    const form = dialog.querySelector('mobilise-signup-form')!;
    expect(form.getAttribute('session-id')).to.equal(id);
    expect(form.getAttribute('endpoint')).to.equal(a.endpoint);
    const heading = $(el, `#${dialog.getAttribute('aria-labelledby')}`)!;
    expect(text(heading)).to.equal(t.dialogHeading(fixtures.modules.find((m) => m.id === s.moduleId)!.title));
    expect(location.hash).to.equal(`#session=${id}`);
    // The form was loaded on demand.
    await waitUntil(() => customElements.get('mobilise-signup-form'), 'signup form defined');
    await waitUntil(() => form.shadowRoot?.querySelector('form'), 'form rendered', { timeout: 5000 });
    // While the modal is open everything else is inert; axe does not know that and would measure
    // contrast of covered text against the dialog's buttons, so check what is perceivable: the dialog.
    await expect(dialog).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'dialog closed');
    await waitUntil(() => hasFocus(el, button), 'focus back on the sign-up button');

    // The close button does the same.
    button.click();
    await waitUntil(() => dialog.open);
    const closeEvent = oneEvent(dialog, 'close');
    $<HTMLButtonElement>(el, '[data-action="close"]')!.click();
    await waitUntil(() => !dialog.open);
    await waitUntil(() => hasFocus(el, button), 'focus back after the close button');
    // The dialog's own close listener was added before this one, so it has run by now.
    await closeEvent;
    await el.updateComplete;
    expect(focusedName(el), 'focus stays on the button after the close event').to.equal(nameOf(button));
  });

  it('a calendar taken out of the page while its signup dialog opens: no error, and nothing opens', async () => {
    const el = await loaded(await calendar(api(), 'signup="auto"'));
    const failures: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => {
      failures.push(e.reason);
      e.preventDefault();
    };
    window.addEventListener('unhandledrejection', onRejection);
    try {
      $<HTMLButtonElement>(el, '[part="signup-button"]')!.click();
      el.remove();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(failures.map(String)).to.deep.equal([]);
      expect($<HTMLDialogElement>(el, 'dialog[part="dialog"]')!.open).to.equal(false);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('lets the host page veto opening with preventDefault()', async () => {
    const el = await loaded(await calendar(api()));
    let seen = 0;
    el.addEventListener('mobilise-session-select', (e) => {
      seen++;
      e.preventDefault();
    });
    await afterChoosing(el, $<HTMLButtonElement>(el, '[part="signup-button"]')!);
    expect(seen).to.equal(1);
    expect($<HTMLDialogElement>(el, 'dialog')!.open, 'vetoed: no dialog').to.equal(false);
    expect(location.hash, 'vetoed: no link').to.equal('');
  });

  it('leaves signup to a form elsewhere on the page in auto and page modes', async () => {
    const a = api();
    const el = await loaded(await calendar(a));
    el.after(Object.assign(document.createElement('mobilise-signup-form'), { endpoint: a.endpoint }));
    const button = $<HTMLButtonElement>(el, '[part="signup-button"]')!;
    const selected = oneEvent(el, 'mobilise-session-select');
    await afterChoosing(el, button);
    await selected;
    expect($<HTMLDialogElement>(el, 'dialog')!.open, 'auto: the form on the page takes it').to.equal(false);
    expect(location.hash).to.equal(`#session=${button.dataset.signup}`);

    const page = await loaded(await calendar(a, 'signup="page"'));
    const pageButton = $<HTMLButtonElement>(page, '[part="signup-button"]')!;
    history.replaceState(history.state, '', startHref);
    await afterChoosing(page, pageButton);
    expect(location.hash, 'the session was chosen').to.equal(`#session=${pageButton.dataset.signup}`);
    expect($<HTMLDialogElement>(page, 'dialog')!.open, 'signup="page": no dialog').to.equal(false);
  });

  it('opens the session named in #session=<id> on load and on hashchange', async () => {
    // Beyond the first page and filtered out by the module attribute: both give way to the link.
    const later = upcoming((s) => joinable(s) && s.moduleId !== 'field-organising-1').at(-1)!;
    expect(upcoming().indexOf(later)).to.be.greaterThanOrEqual(PAGE_SIZE);
    history.replaceState(history.state, '', `${startHref}#session=${later}`);
    const el = await loaded(await calendar(api(), 'module="field-organising-1"'));
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    await waitUntil(() => dialog.open, 'dialog opened from the hash');
    expect(dialog.querySelector('mobilise-signup-form')!.getAttribute('session-id')).to.equal(later);
    expect(entryIds(el)).to.include(later);
    $<HTMLButtonElement>(el, '[data-action="close"]')!.click();
    expect(dialog.open).to.equal(false);
    expect(focusedName(el), 'focus on the linked session').to.equal(nameOf(entry(el, later).querySelector('[part="signup-button"]')));

    const other = upcoming(joinable)[1];
    location.hash = `session=${other}`;
    await waitUntil(() => dialog.open, 'dialog opened on hashchange');
    expect(dialog.querySelector('mobilise-signup-form')!.getAttribute('session-id')).to.equal(other);
  });

  it('focuses (without opening) a linked session that cannot be joined, in the month view too', async () => {
    const gone = session('gone', { status: 'cancelled', start: `${NEXT_YEAR}-05-14T17:30:00Z` });
    history.replaceState(history.state, '', `${startHref}#session=gone`);
    const el = await loaded(await calendar(api({ sessions: [session('soon', {}, 3), gone] }), 'view="month"'), 'table[role="grid"]');
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'session-gone', 'linked session focused');
    expect(text($(el, '#grid-title'))).to.equal(`May ${NEXT_YEAR}`);
    expect($(el, `td[data-day="${NEXT_YEAR}-05-14"]`)!.getAttribute('aria-selected')).to.equal('true');
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
  });

  it('filters to the module chosen in the catalogue, through the provider, unless module is set', async () => {
    const a = api();
    const root = await fixture<HTMLElement>(html`<mobilise-provider endpoint=${a.endpoint}>
      <button id="catalogue">catalogue</button>
      <mobilise-session-calendar></mobilise-session-calendar>
      <mobilise-session-calendar module="voter-persuasion"></mobilise-session-calendar>
    </mobilise-provider>`);
    const [el, pinned] = [...root.querySelectorAll('mobilise-session-calendar')];
    await loaded(el);
    await loaded(pinned);
    emit(root.querySelector('#catalogue')!, 'mobilise-module-select', { moduleId: 'community-organising' });
    await waitUntil(() => $(el, '.provider-notice'), 'notice');
    expect(text($(el, '.provider-notice [role="status"]'))).to.equal(t.showingFor('Community Organising'));
    expect(entryIds(el)).to.deep.equal(upcoming((s) => s.moduleId === 'community-organising'));
    expect(entryIds(pinned)).to.deep.equal(upcoming((s) => s.moduleId === 'voter-persuasion'));
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[data-action="show-all"]')!.click();
    await el.updateComplete;
    expect(has(el, '.provider-notice'), 'the notice goes').to.equal(false);
    expect(entries(el)).to.have.length(PAGE_SIZE);
    // Both calendars share the one sessions request (and one modules request).
    expect(callsTo(a, '/v1/sessions')).to.have.length(1);
  });

  it('offers .ics (from the API), Google and Outlook links', async () => {
    const a = api();
    const el = await loaded(await calendar(a));
    const first = entries(el)[0];
    const id = first.dataset.session!;
    const toggle = first.querySelector<HTMLButtonElement>('[part="add-to-calendar"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(has(first, '[data-kind]'), 'no links built while closed').to.equal(false);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const details = first.querySelector<HTMLUListElement>('.add-to-calendar')!;
    const ics = details.querySelector<HTMLAnchorElement>('[data-kind="ics"]')!;
    expect(ics.href).to.equal(`${a.endpoint}/v1/sessions/${id}.ics`);
    for (const kind of ['google', 'outlook']) {
      const link = details.querySelector<HTMLAnchorElement>(`[data-kind="${kind}"]`)!;
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
      // The member's page address (and its query string) is none of Google's or Microsoft's business.
      const sent = decodeURIComponent(link.href);
      expect(sent).not.to.include(location.host);
      expect(sent).not.to.include('#session=');
    }
    expect(details.querySelector<HTMLAnchorElement>('[data-kind="google"]')!.href).to.match(/^https:\/\/calendar\.google\.com\//);
    expect(details.querySelector<HTMLAnchorElement>('[data-kind="outlook"]')!.href).to.match(/^https:\/\/outlook\.live\.com\//);
    // The same button closes it again, and keeps the focus.
    toggle.focus();
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(has(first, '[data-kind]'), 'links gone once closed').to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(toggle);
  });

  it('builds the .ics in the browser in static mode', async () => {
    const a = api();
    a.routes['GET /data.json'] = () => json({ modules: fixtures.modules, sessions: fixtures.sessions });
    const el = await loaded(await calendar(`${a.endpoint}/data.json`));
    entries(el)[0].querySelector<HTMLButtonElement>('[part="add-to-calendar"]')!.click();
    await el.updateComplete;
    const ics = entries(el)[0].querySelector<HTMLAnchorElement>('[data-kind="ics"]')!;
    expect(ics.href).to.match(/^blob:/);
    expect(ics.getAttribute('download')).to.equal(`${entries(el)[0].dataset.session}.ics`);
    const body = await (await fetch(ics.href)).text();
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).to.equal(true);
    expect(body).to.include('END:VEVENT\r\n');
    expect(body.replace(/\r\n/g, '')).to.not.include('\n');
    // The file links back to the page without its query string (test pages carry ?wtr-session-id=…).
    expect(body.replace(/\r\n /g, '')).to.include(`\r\nURL:${location.origin}${location.pathname}#session=`);

    // Fresh data after a signup: the open menu gets a fresh file; the old one is released.
    const old = ics.href;
    window.dispatchEvent(new CustomEvent('mobilise-signup', { detail: { sessionId: 'x', status: 'pending', hold: 'place' } }));
    await waitUntil(() => /^blob:/.test(ics.href) && ics.href !== old, 'rebuilt .ics');
    expect(await fetch(old).then(() => 'read', () => 'revoked')).to.equal('revoked');
  });

  it("an entry drawn where another session's was, after a filter change, shows none of that session's open notes or menus", async () => {
    const note = { accessibility: 'Step-free; hearing loop' };
    const room = session('room', { delivery: 'in-person', venue: { name: 'Hall', address: '1 Road', postcode: 'G1 1AA' }, ...note }, 2);
    const call = session('call', { delivery: 'online', ...note }, 3);
    const el = await loaded(await calendar(api({ sessions: [room, call] })));
    expect(entryIds(el)).to.deep.equal(['room', 'call']);
    const first = entries(el)[0]!;
    first.querySelector<HTMLDetailsElement>('details.access')!.open = true;
    first.querySelector<HTMLButtonElement>('[part="add-to-calendar"]')!.click();
    await el.updateComplete;
    expect(has(first, '[data-kind="ics"]')).to.equal(true);

    await change(el, 'f-delivery', 'online');
    expect(entryIds(el)).to.deep.equal(['call']);
    const now = entries(el)[0]!;
    expect(now.id).to.equal('session-call');
    expect(now.querySelector('time')!.getAttribute('datetime'), 'its own time').to.equal(call.start);
    expect(text(now.querySelector('.delivery'))).to.equal(en.calendar.online);
    expect(now.querySelector<HTMLDetailsElement>('details.access')!.open, "the last session's note stays with it").to.equal(false);
    expect(now.querySelector('[part="add-to-calendar"]')!.getAttribute('aria-expanded')).to.equal('false');
    expect(has(now, '[data-kind]'), "no links: this session's menu was never opened").to.equal(false);

    // Back to every session: the first one's menu is as the member left it; its note starts closed.
    await change(el, 'f-delivery', '');
    const back = entry(el, 'room');
    expect(back.querySelector('[part="add-to-calendar"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(back.querySelector<HTMLAnchorElement>('[data-kind="ics"]')!.getAttribute('download')).to.equal('room.ics');
    expect(entry(el, 'call').querySelector('[part="add-to-calendar"]')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('renders 5,000 sessions a page at a time, and filters them correctly', async () => {
    const areas = ['Glasgow', 'Edinburgh', 'Dundee', 'Fife'];
    const many = Array.from({ length: 5000 }, (_, i) =>
      session(`s-${i}`, { delivery: i % 3 === 0 ? 'online' : 'in-person', area: areas[i % 4], ...(i % 3 ? { venue: { name: 'Hall', address: '1 Road', postcode: 'G1 1AA' } } : {}) }, 1 + i / 20),
    );
    const el = await loaded(await calendar(api({ sessions: many })), 'article[part="session"]');
    expect(entries(el)).to.have.length(PAGE_SIZE);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.lessThan(2000);
    expect(text($(el, '.count'))).to.equal(sessionCount(en, PAGE_SIZE, 5000));

    const more = $<HTMLButtonElement>(el, '[data-action="more"]')!;
    more.focus();
    more.click();
    await el.updateComplete;
    expect(entries(el)).to.have.length(2 * PAGE_SIZE);
    expect(focusedName(el), 'first new session focused').to.equal(nameOf(entries(el)[PAGE_SIZE]));

    const started = performance.now();
    await change(el, 'f-delivery', 'online');
    await change(el, 'f-area', 'Fife');
    expect(performance.now() - started).to.be.lessThan(500);
    const expected = many.filter((s) => s.delivery === 'online' && s.area === 'Fife');
    expect(text($(el, '.count'))).to.equal(sessionCount(en, PAGE_SIZE, expected.length));
    expect(entryIds(el)).to.deep.equal(expected.slice(0, PAGE_SIZE).map((s) => s.id));
  });

  it('draws a new list in two steps, six then the rest of the page after a frame; a refresh keeps what is drawn', async () => {
    const sessions = Array.from({ length: 40 }, (_, i) =>
      session(`two-${i}`, i % 2 ? { delivery: 'online' } : { delivery: 'in-person', venue: { name: 'Hall', address: '1 Road', postcode: 'G1 1AA' } }, 1 + i / 10),
    );
    const a = api({ sessions });
    const el = await loaded(await calendar(a));
    // updateComplete waits for both steps.
    expect(entries(el)).to.have.length(PAGE_SIZE);

    const select = $<HTMLSelectElement>(el, '#f-delivery')!;
    select.value = 'online';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    // The render the change asked for (a microtask): the first screen only, while the count already says the page.
    await new Promise((resolve) => setTimeout(resolve));
    const online = sessions.filter((s) => s.delivery === 'online').map((s) => s.id);
    // (This task was queued before the frame, so before the element's second step.)
    expect(entryIds(el)).to.deep.equal(online.slice(0, 6));
    expect(text($(el, '.count'))).to.equal(sessionCount(en, 20, 20));
    await el.updateComplete;
    expect(entryIds(el)).to.deep.equal(online);

    // Fresh data for the same filters (a signup elsewhere) redraws at once: the entries stay the same elements.
    const tenth = entry(el, online[9]!);
    sessions[19] = { ...sessions[19]!, spacesLeft: 1 };
    window.dispatchEvent(new CustomEvent('mobilise-signup', { detail: { sessionId: sessions[19]!.id, status: 'pending', hold: 'place' } }));
    await waitUntil(() => callsTo(a, '/v1/sessions').length === 2, 'refreshed');
    await waitUntil(() => text(entry(el, online[9]!).querySelector('[part="badge"]')) === 'Only 1 left', 'spaces updated');
    expect(entries(el)).to.have.length(20);
    expect(entry(el, online[9]!) === tenth, 'the tenth entry was kept, not drawn again').to.equal(true);
  });

  it('does not follow, as a link, the hash a member’s choice writes while the list is still being drawn', async () => {
    const sessions = Array.from({ length: 12 }, (_, i) => session(`race-${i}`, { delivery: 'online' }, 1 + i));
    const el = await calendar(api({ sessions }));
    const selected: string[] = [];
    el.addEventListener('mobilise-session-select', (e) => selected.push((e as CustomEvent<{ sessionId: string }>).detail.sessionId));
    // Task by task, not frame by frame: the first step is drawn and the rest is not yet when a fast member chooses.
    for (let i = 0; i < 500 && !entries(el).length; i++) await new Promise((resolve) => setTimeout(resolve));
    $<HTMLButtonElement>(el, '[data-signup]')!.click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(selected).to.deep.equal(['race-0']);
  });

  it('shows an error with a retry that really retries', async () => {
    const a = api();
    const ok = a.routes['GET /v1/sessions'];
    a.routes['GET /v1/sessions'] = () => problem(400, 'bad-request', { detail: 'The sessions feed is switched off.' });
    const el = await loaded(await calendar(a), '[part="error"]');
    expect(text($(el, '.state-title'))).to.equal(t.loadFailed);
    expect(text($(el, '[part="error"]'))).to.include('The sessions feed is switched off.');
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    a.routes['GET /v1/sessions'] = ok;
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await loaded(el);
    expect(entries(el)).to.have.length(PAGE_SIZE);
  });

  it('tells the webmaster when the endpoint is missing', async () => {
    const el = await fixture<MobiliseSessionCalendar>(html`<mobilise-session-calendar></mobilise-session-calendar>`);
    await loaded(el, '[part="error"]');
    expect(text($(el, '[part="error"]'))).to.include(en.state.missingEndpoint);
    expect(has(el, '[part="retry"]'), 'no retry for a set-up error').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('refuses a plain http:// endpoint with a message where the widget would be', async () => {
    const el = await fixture<MobiliseSessionCalendar>(html`<mobilise-session-calendar endpoint="http://api.example"></mobilise-session-calendar>`);
    await loaded(el, '[part="error"]');
    expect(text($(el, '[part="error"]'))).to.include(en.state.insecureEndpoint('http://api.example'));
  });

  it('refreshes spaces left after a signup anywhere on the page', async () => {
    const sessions = [session('only', { spacesLeft: 5 })];
    const a = api({ sessions });
    const el = await loaded(await calendar(a));
    expect(text(entry(el, 'only').querySelector('[part="badge"]'))).to.equal('5 spaces left');
    sessions[0] = { ...sessions[0], spacesLeft: 4 };
    document.body.dispatchEvent(
      new CustomEvent('mobilise-signup', { detail: { sessionId: 'only', status: 'pending', hold: 'place' }, bubbles: true, composed: true }),
    );
    await waitUntil(() => text(entry(el, 'only').querySelector('[part="badge"]')) === '4 spaces left', 'spaces updated');
    expect(callsTo(a, '/v1/sessions')).to.have.length(2);
    // The list stayed on screen while refreshing: no skeleton flash.
    expect(has(el, '.session-skeleton'), 'no skeleton while refreshing').to.equal(false);
  });

  it('renders backend text as text', async () => {
    const evil = '<img src=x onerror="window.__xss=1">';
    const el = await loaded(
      await calendar(
        api({
          sessions: [session('x', { trainer: evil, delivery: 'in-person', venue: { name: evil, address: evil, postcode: 'G1 1AA' }, accessibility: evil })],
        }),
      ),
    );
    expect(has(el, 'img'), 'no element from backend text').to.equal(false);
    expect(text(entry(el, 'x').querySelector('.trainer'))).to.equal(`Trainer: ${evil}`);
    expect(text(entry(el, 'x').querySelector('.venue'))).to.include(evil);
    await payloadsHadTheirTurn();
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });
});
