/**
 * The booking page's element (/booking on the training server): every emailed link leads to it,
 * `#mobilise-confirm=…` or `#mobilise-booking=…`. The embed keeps only a forwarder for old links
 * to CLP pages (tested here without navigating; test/e2e/journey.test.ts follows one).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/elements/booking/define.js';
import type { MobiliseBooking } from '../src/elements/booking/booking.js';
import { bookingWords } from '../src/elements/booking/words.js';
import '../src/elements/session-calendar/define.js';
import '../src/elements/signup-form/define.js';
import { bookingPage, LINK, withManageToken } from '../src/elements/shared/booking-link.js';
import { resolveEndpoint } from '../src/client/endpoint.js';
import type { BookingStatus } from '../src/contract/index.js';
import { en } from '../src/strings/en.js';
import { seedJoining } from '../server/seed/joining.js';
import type { FakeBooking } from './helpers/fake-backend.js';
import { focusedName, has, nameOf } from './helpers/dom.js';
import { collectLitWarnings } from './helpers/lit-warnings.js';
import { fixtures, json, mockApi, type MockApi, type MockOptions } from './helpers/mock-api.js';

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => unknown): void;
declare function afterEach(fn: () => unknown): void;

const [t] = bookingWords('en-GB');
/** The heading a booking of `status` shows Morven. */
const says = (status: BookingStatus) => `Morven, ${t.status[status].heading}`;
const soon = Date.now() + 3_600_000;
const session = fixtures.sessions.find((s) => s.status === 'scheduled' && Date.parse(s.start) > soon)!;
/** Under way: began an hour ago, ends in an hour. */
const started = { ...session, id: 'under-way', start: new Date(Date.now() - 3_600_000).toISOString(), end: new Date(soon).toISOString() };
const title = fixtures.modules.find((m) => m.id === session.moduleId)!.title;
/** An online session, whose confirmed members get the (seeded) joining details. */
const online = fixtures.sessions.find((s) => s.status === 'scheduled' && s.delivery === 'online' && Date.parse(s.start) > soon)!;
const onlineModule = fixtures.modules.find((m) => m.id === online.moduleId)!;
const joining = seedJoining(online)!;
const CONFIRM = 'c'.repeat(43);
const MANAGE = 'm'.repeat(43);

let api: MockApi | undefined;
const litWarnings = collectLitWarnings();
const page = location.href.split('#')[0]!;
afterEach(() => {
  api?.restore();
  history.replaceState(null, '', page);
  expect(litWarnings.splice(0)).to.deep.equal([]);
});

const booking = (b: Partial<FakeBooking> = {}): FakeBooking => ({
  purpose: 'manage',
  sessionId: session.id,
  firstName: 'Morven',
  status: 'confirmed',
  ...b,
});

const root = (el: HTMLElement) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const headingOf = (el: HTMLElement) => root(el).querySelector('.result-heading');
const button = (el: HTMLElement, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);

/** The booking page opened with `hash`, over a fake backend holding `bookings`; resolves once the booking (or its failure) shows. */
async function open(hash: string, bookings: Record<string, FakeBooking>, options: MockOptions = {}, lang = 'en-GB') {
  api = mockApi({ bookings, sessions: [...fixtures.sessions, started], ...options });
  history.replaceState(null, '', `${page}#${hash}`);
  const el = await fixture<MobiliseBooking>(html`<mobilise-booking endpoint=${api.endpoint} lang=${lang}></mobilise-booking>`);
  await waitUntil(() => headingOf(el), 'the booking did not show', { timeout: 3000 });
  await el.updateComplete;
  return el;
}

const calls = (action: string) => api!.calls.filter((c) => c.url.endsWith(`/v1/bookings/${action}`));
const joiningOf = (el: HTMLElement) => root(el).querySelector('[part="joining"]');
/** What the (fake) server answers a manage link now: the booking view's own request, repeated. */
async function answer(token: string) {
  const res = await fetch(`${api!.endpoint}/v1/bookings/view`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  return (await res.json()) as Record<string, unknown>;
}

describe('booking links', () => {
  it('a refused link says why in the page’s language (Welsh here); English leaves it to the server’s own words', async () => {
    const [cy] = bookingWords('cy');
    const refused = cy.refused['token-invalid']!;
    const el = await open(`mobilise-booking=${'x'.repeat(43)}`, {}, {}, 'cy');
    await waitUntil(() => text(headingOf(el)) === refused.heading, `heading: ${text(headingOf(el))}`, { timeout: 3000 });
    expect(text(root(el).querySelector('.result p'))).to.equal(refused.body);
    expect(t.refused['token-invalid'], 'English shows the server’s title instead').to.equal(undefined);
  });

  it('a Gaelic page (`?lang=gd` sets its lang) shows the booking, and the shared parts, in Gaelic', async () => {
    const { gd } = await import('../src/strings/gd.js');
    const [words] = bookingWords('gd');
    const el = await open('mobilise-booking=' + MANAGE, { [MANAGE]: booking() }, {}, 'gd');
    expect(text(root(el).querySelector('h1'))).to.equal(words.heading);
    expect(text(headingOf(el))).to.equal(`Morven, ${words.status.confirmed.heading}`);
    await waitUntil(() => text(root(el).querySelector('[part="add-to-calendar"]')) === gd.calendar.addToCalendar, 'the embed’s Gaelic strings did not load');
    expect(text(button(el, words.cancel))).to.equal(words.cancel);
  });

  it('reads the token from the fragment among the host page’s parameters, and swaps a spent confirm token for the manage token', () => {
    expect(LINK.exec('#session=x&mobilise-confirm=abc')?.slice(1)).to.deep.equal(['confirm', 'abc']);
    expect(LINK.exec('#mobilise-booking=a-b_c&session=x')?.slice(1)).to.deep.equal(['booking', 'a-b_c']);
    expect(LINK.test('#session=x')).to.equal(false);
    expect(withManageToken('#session=x&mobilise-confirm=abc&y=1', 'def')).to.equal('#session=x&mobilise-booking=def&y=1');
  });

  it('a page without a link says to open it from the email, and asks the server nothing', async () => {
    api = mockApi();
    const el = await fixture<MobiliseBooking>(html`<mobilise-booking endpoint=${api.endpoint}></mobilise-booking>`);
    expect(text(headingOf(el))).to.equal(t.noLink.heading);
    expect(api.calls.length).to.equal(0);
    await expect(el).to.be.accessible();
  });
});

describe('the embed’s forwarder for old links (to a CLP page)', () => {
  const server = resolveEndpoint('https://training.example.org/', location.href);
  it('sends a confirm or manage link on to the server’s /booking with the same fragment, in the page’s Gaelic or Welsh', () => {
    const hash = `#session=x&mobilise-confirm=${CONFIRM}`;
    expect(bookingPage(server, 'en-GB', hash)).to.equal(`https://training.example.org/booking${hash}`);
    expect(bookingPage(server, 'gd', hash)).to.equal(`https://training.example.org/booking?lang=gd${hash}`);
    expect(bookingPage(server, 'cy-GB', `#mobilise-booking=${MANAGE}`)).to.equal(`https://training.example.org/booking?lang=cy#mobilise-booking=${MANAGE}`);
  });

  it('leaves every other address alone, and a static file (no server) too', () => {
    expect(bookingPage(server, 'en-GB', '#session=x')).to.equal(undefined);
    expect(bookingPage(resolveEndpoint('/data/sessions.json', location.href), 'en-GB', `#mobilise-booking=${MANAGE}`)).to.equal(undefined);
  });

  it('the form and the calendar no longer show a booking: on a static page with a link they stay a form and a calendar', async () => {
    api = mockApi();
    api.routes['GET /data.json'] = () => json({ modules: fixtures.modules, sessions: fixtures.sessions });
    const file = `${api.endpoint}/data.json`;
    history.replaceState(null, '', `${page}#mobilise-booking=${MANAGE}`);
    const wrap = await fixture(html`<div>
      <mobilise-session-calendar endpoint=${file}></mobilise-session-calendar>
      <mobilise-signup-form endpoint=${file} session-id=${session.id}></mobilise-signup-form>
    </div>`);
    const form = wrap.querySelector('mobilise-signup-form')!;
    const calendar = wrap.querySelector('mobilise-session-calendar')!;
    await waitUntil(() => has(form, '[part="heading"]'), 'the form did not show', { timeout: 3000 });
    expect(location.hash, 'no forwarding from a static page').to.equal(`#mobilise-booking=${MANAGE}`);
    expect(text(root(form).querySelector('[part="heading"]')), 'the form for its session').to.equal(en.calendar.dialogHeading(title));
    expect(calendar.shadowRoot!.querySelector('dialog')!.open, 'no dialog opened for the link').to.equal(false);
    expect(api.calls.some((c) => c.url.includes('/v1/bookings/'))).to.equal(false);
  });
});

describe('the booking view', () => {
  it('confirms by the confirm link, swaps the fragment to the manage token, and offers the calendar', async () => {
    const el = await open('mobilise-confirm=' + CONFIRM, { [CONFIRM]: booking({ purpose: 'confirm', status: 'pending', hold: 'place' }) });
    expect(text(headingOf(el))).to.equal(says('confirmed'));
    expect(focusedName(el), 'the outcome takes focus').to.equal(nameOf(headingOf(el)));
    expect(text(root(el).querySelector('.result'))).to.contain(title);
    expect(calls('confirm').map((c) => c.body)).to.deep.equal([{ token: CONFIRM }]);
    const manage = new URLSearchParams(location.hash.slice(1));
    expect(manage.has('mobilise-confirm'), 'the spent confirm token left the address bar').to.equal(false);
    expect(manage.get('mobilise-booking')).to.match(/^fake-manage-token-/);
    expect(root(el).querySelector('[part="add-to-calendar"]')?.getAttribute('href')).to.equal(`${api!.endpoint}/v1/sessions/${session.id}.ics`);
    expect(button(el, t.cancel) !== undefined, 'can cancel').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a waiting-list confirmation shows the position; a reload of the new fragment views it', async () => {
    let el = await open('mobilise-confirm=' + CONFIRM, {
      [CONFIRM]: booking({ purpose: 'confirm', status: 'pending', hold: 'waitlist', position: 3 }),
    });
    expect(text(headingOf(el))).to.equal(says('waitlisted'));
    expect(text(root(el).querySelector('.result'))).to.contain(t.position(3) + t.status.waitlisted.body);
    const hash = location.hash.slice(1);
    el.remove();
    const bookings = { [new URLSearchParams(hash).get('mobilise-booking')!]: booking({ status: 'waitlisted', position: 3 }) };
    el = await open(hash, bookings);
    expect(text(headingOf(el))).to.equal(says('waitlisted'));
    expect(calls('view').length).to.equal(1);
    expect(calls('confirm').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  for (const [status, heading] of [
    ['pending', says('pending')],
    ['expired', says('expired')],
    ['cancelled', says('cancelled')],
  ] as const) {
    it(`shows a ${status} booking`, async () => {
      const el = await open('mobilise-booking=' + MANAGE, { [MANAGE]: booking({ status }) });
      expect(text(headingOf(el))).to.equal(heading);
      expect(root(el).querySelector('[part="result"]')?.classList.contains(status), 'the status is a class').to.equal(true);
      expect(has(el, '[part="add-to-calendar"]')).to.equal(false);
      expect(button(el, t.cancel) !== undefined, 'can cancel').to.equal(status === 'pending');
      await expect(el).to.be.accessible();
    });
  }

  it('cancels after a confirm step; "No, keep it" changes nothing', async () => {
    const el = await open('mobilise-booking=' + MANAGE, { [MANAGE]: booking() });
    button(el, t.cancel)!.click();
    await waitUntil(() => button(el, t.keep), 'no confirm step');
    expect(focusedName(el), 'the harmless answer takes focus').to.equal(nameOf(button(el, t.keep)));
    await expect(el).to.be.accessible();
    button(el, t.keep)!.click();
    await el.updateComplete;
    expect(calls('cancel').length).to.equal(0);
    expect(text(headingOf(el))).to.equal(says('confirmed'));

    button(el, t.cancel)!.click();
    await waitUntil(() => button(el, t.yes), 'no confirm step');
    button(el, t.yes)!.click();
    await waitUntil(() => text(headingOf(el)) === says('cancelled'), 'not cancelled');
    expect(calls('cancel').map((c) => c.body)).to.deep.equal([{ token: MANAGE }]);
    expect(focusedName(el)).to.equal(nameOf(headingOf(el)));
    expect(button(el, t.cancel)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  const problems: [string, string, Record<string, FakeBooking>, string][] = [
    ['a forged token', 'mobilise-booking=' + MANAGE, {}, 'This link does not work'],
    ['a cut-short token', 'mobilise-confirm=abc', {}, 'This link does not work'],
    ['a confirm link used twice', 'mobilise-confirm=' + CONFIRM, { [CONFIRM]: booking({ purpose: 'confirm', used: true }) }, 'You have already confirmed'],
  ];
  problems.push([
    'a confirmation after the session started',
    'mobilise-confirm=' + CONFIRM,
    { [CONFIRM]: booking({ purpose: 'confirm', status: 'pending', hold: 'place', sessionId: started.id }) },
    'This session has already started',
  ]);
  for (const [what, hash, bookings, heading] of problems) {
    it(`${what}: says so in words, with what to do`, async () => {
      const el = await open(hash, bookings);
      expect(text(headingOf(el))).to.equal(heading);
      const said = text(root(el).querySelector('.result p'));
      expect(said.length > 20, `"${said}" explains`).to.equal(true);
      expect(focusedName(el)).to.equal(nameOf(headingOf(el)));
      await expect(el).to.be.accessible();
    });
  }

  it('a confirmed place on an online session shows how to join: the link (https, its address as its text) and the instructions', async () => {
    const el = await open('mobilise-confirm=' + CONFIRM, { [CONFIRM]: booking({ purpose: 'confirm', status: 'pending', hold: 'place', sessionId: online.id }) });
    expect(text(headingOf(el))).to.equal(says('confirmed'));
    const part = joiningOf(el)!;
    expect(part.querySelector('.label')!.textContent).to.equal(t.joining);
    const link = part.querySelector('a')!;
    expect([link.getAttribute('href'), link.textContent]).to.deep.equal([joining.url, joining.url]);
    expect(text(part)).to.contain(joining.instructions);
    await expect(el).to.be.accessible();
  });

  it('the joining details are text, and a link that is not https never becomes one (the answer is refused)', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    let el = await open('mobilise-booking=' + MANAGE, { [MANAGE]: booking({ sessionId: online.id }) }, {
      joining: () => ({ url: 'https://meet.example.org/j/1?next="x"', instructions: `${evil}\n\nSecond paragraph` }),
    });
    expect([...joiningOf(el)!.querySelectorAll('p:not(.label)')].map((p) => p.textContent)).to.deep.equal(['https://meet.example.org/j/1?next="x"', evil, 'Second paragraph']);
    expect(has(el, 'img'), 'no element from the organisers’ text').to.equal(false);
    el.remove();
    for (const url of ['javascript:alert(1)', 'http://meet.example.org/j/1']) {
      el = await open('mobilise-booking=' + MANAGE, { [MANAGE]: booking({ sessionId: online.id }) }, { joining: () => ({ url }) });
      expect(text(headingOf(el)), url).to.equal(t.failed);
      expect(has(el, '[part="joining"]') || has(el, `a[href="${url}"]`), url).to.equal(false);
      el.remove();
    }
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  for (const status of ['pending', 'waitlisted', 'expired', 'cancelled'] as const) {
    it(`a ${status} booking on the same online session gets no joining details, in the answer or on the page`, async () => {
      const el = await open('mobilise-booking=' + MANAGE, { [MANAGE]: booking({ status, sessionId: online.id, ...(status === 'waitlisted' ? { position: 2 } : {}) }) });
      expect(text(headingOf(el))).to.equal(says(status));
      expect(has(el, '[part="joining"]')).to.equal(false);
      expect(text(root(el).querySelector('.result'))).to.not.contain(joining.url!);
      const body = await answer(MANAGE);
      expect([body.status, 'joining' in body]).to.deep.equal([status, false]);
    });
  }

  it('a confirmed place on an in-person session has no joining details, whatever the organisers set', async () => {
    const inPerson = fixtures.sessions.find((s) => s.status === 'scheduled' && s.delivery === 'in-person' && Date.parse(s.start) > soon)!;
    const el = await open('mobilise-booking=' + MANAGE, { [MANAGE]: booking({ sessionId: inPerson.id }) }, { joining: () => joining });
    expect(text(headingOf(el))).to.equal(says('confirmed'));
    expect(has(el, '[part="joining"]')).to.equal(false);
    expect('joining' in (await answer(MANAGE))).to.equal(false);
  });

  it('shows the module’s checklist and next step while the booking is live; not once it is cancelled', async () => {
    const el = await open('mobilise-booking=' + MANAGE, { [MANAGE]: booking({ sessionId: online.id }) });
    const list = root(el).querySelector('.result ul.checklist')!;
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(onlineModule.beforeYouCome);
    expect(root(el).querySelector(`#${list.getAttribute('aria-labelledby')}`)!.textContent).to.equal(en.catalogue.beforeYouCome);
    expect(text(root(el).querySelector('.result .next'))).to.equal(`${en.catalogue.afterSession} ${onlineModule.afterSession}`);
    await expect(el).to.be.accessible();
    button(el, t.cancel)!.click();
    await waitUntil(() => button(el, t.yes), 'no confirm step');
    button(el, t.yes)!.click();
    await waitUntil(() => text(headingOf(el)) === says('cancelled'), 'not cancelled');
    expect(has(el, '.checklist') || has(el, '.next') || has(el, '[part="joining"]')).to.equal(false);
  });

  it('a network failure says so and "Try again" reads the booking again', async () => {
    api = mockApi({ bookings: { [MANAGE]: booking() } });
    const answer = api.routes['POST /v1/bookings/view']!;
    api.routes['POST /v1/bookings/view'] = () => Promise.reject(new TypeError('Failed to fetch'));
    history.replaceState(null, '', `${page}#mobilise-booking=${MANAGE}`);
    const el = await fixture<MobiliseBooking>(html`<mobilise-booking endpoint=${api.endpoint}></mobilise-booking>`);
    await waitUntil(() => headingOf(el), 'nothing showed', { timeout: 3000 });
    expect(text(headingOf(el))).to.equal(t.failed);
    expect(text(root(el).querySelector('[part="error"] p'))).to.equal(en.state.network);
    await expect(el).to.be.accessible();
    api.routes['POST /v1/bookings/view'] = answer;
    button(el, en.state.retry)!.click();
    await waitUntil(() => text(headingOf(el)) === says('confirmed'), 'the retry did not show the booking');
  });
});
