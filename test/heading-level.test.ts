import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/context/define.js';
import '../src/elements/module-catalogue/define.js';
import '../src/elements/session-calendar/define.js';
import '../src/elements/signup-form/define.js';
import type { Session } from '../src/contract/index.js';
import { parseHeadingLevel } from '../src/elements/shared/heading.js';
import { fixtures, mockApis } from './helpers/mock-api.js';


const api = mockApis();

const soon = Date.now() + 3_600_000;
const upcoming = fixtures.sessions.filter((s) => Date.parse(s.signupDeadline ?? s.start) > soon);
const openSession = upcoming.find((s) => s.status === 'scheduled' && s.spacesLeft > 0)!;
const fullNoWaitlist = upcoming.find((s) => s.status === 'full' && !s.waitlist)!;

const root = (el: Element) => el.shadowRoot!;
const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The level a screen reader announces: h1–h6 by tag, else aria-level. */
const levelOf = (h: Element) => (/^h[1-6]$/.test(h.localName) ? Number(h.localName[1]) : Number(h.getAttribute('aria-level')));
const headings = (el: Element) => [...root(el).querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')];
/** Every heading level of an element, by class (the first heading with that class), e.g. {heading: 2, 'month-heading': 3}. */
function levels(el: Element): Record<string, number> {
  const out: Record<string, number> = {};
  for (const h of headings(el)) out[h.classList[0] ?? text(h)] ??= levelOf(h);
  return out;
}
/** Every heading either a native h1–h6 or role=heading with a numeric aria-level above 6. */
const wellFormed = (el: Element) =>
  headings(el).every((h) => (h.localName === 'div' ? h.getAttribute('role') === 'heading' && levelOf(h) > 6 : !h.hasAttribute('aria-level')));

const loadedCalendar = (el: Element) => waitUntil(() => root(el).querySelector('.session .title, .month-view'), 'calendar did not load', { timeout: 5000 });
const loadedCatalogue = (el: Element) => waitUntil(() => root(el).querySelector('[part="card-title"]'), 'catalogue did not load', { timeout: 5000 });
const loadedForm = (el: Element) => waitUntil(() => root(el).querySelector('form, .result-heading'), 'form did not load', { timeout: 5000 });

async function page(providerAttrs: string, inner: string) {
  const a = api();
  const wrap = await fixture(`<mobilise-provider endpoint="${a.endpoint}" ${providerAttrs}>${inner}</mobilise-provider>`);
  return (tag: string) => wrap.querySelector(tag)!;
}

async function submitEmpty(form: Element) {
  root(form).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  await waitUntil(() => root(form).querySelector('.error-summary-title'), 'no error summary');
}

describe('heading-level', () => {
  it('accepts 2–6 and leaves anything else to the provider or the default', () => {
    expect([2, '4', 6, '3.2'].map(parseHeadingLevel)).to.deep.equal([2, 4, 6, 3]);
    expect([1, 7, 0, 'x', '', null, undefined].map(parseHeadingLevel)).to.deep.equal(Array(7).fill(undefined));
  });

  it('keeps the defaults without any heading-level: calendar 2 > month 3 > day 4 > session 5, form 2 > summary 3, cards 3', async () => {
    const get = await page(
      '',
      `<mobilise-module-catalogue></mobilise-module-catalogue><mobilise-session-calendar></mobilise-session-calendar>
       <mobilise-signup-form session-id="${openSession.id}"></mobilise-signup-form>`,
    );
    await Promise.all([loadedCalendar(get('mobilise-session-calendar')), loadedCatalogue(get('mobilise-module-catalogue')), loadedForm(get('mobilise-signup-form'))]);
    await submitEmpty(get('mobilise-signup-form'));
    expect(levels(get('mobilise-session-calendar'))).to.deep.equal({ heading: 2, 'month-heading': 3, 'day-heading': 4, title: 5 });
    expect(levels(get('mobilise-signup-form'))).to.deep.equal({ heading: 2, 'error-summary-title': 3 });
    expect(levels(get('mobilise-module-catalogue'))).to.deep.equal({ title: 3 });
  });

  it("takes the provider's heading-level on every element; inner headings follow, past 6 as role=heading with aria-level", async () => {
    const get = await page(
      'heading-level="4"',
      `<mobilise-module-catalogue></mobilise-module-catalogue><mobilise-session-calendar></mobilise-session-calendar>
       <mobilise-signup-form session-id="${openSession.id}"></mobilise-signup-form>`,
    );
    const calendar = get('mobilise-session-calendar');
    await Promise.all([loadedCalendar(calendar), loadedCatalogue(get('mobilise-module-catalogue')), loadedForm(get('mobilise-signup-form'))]);
    await submitEmpty(get('mobilise-signup-form'));
    expect(levels(calendar)).to.deep.equal({ heading: 4, 'month-heading': 5, 'day-heading': 6, title: 7 });
    expect(wellFormed(calendar), 'h1–h6, then role=heading').to.equal(true);
    expect(levels(get('mobilise-signup-form'))).to.deep.equal({ heading: 4, 'error-summary-title': 5 });
    expect(levels(get('mobilise-module-catalogue'))).to.deep.equal({ title: 4 });
  });

  it("lets an element's own heading-level win over the provider's, and follows changes", async () => {
    const get = await page(
      'heading-level="5"',
      `<mobilise-session-calendar heading-level="3"></mobilise-session-calendar><mobilise-module-catalogue heading-level="2"></mobilise-module-catalogue>`,
    );
    const calendar = get('mobilise-session-calendar');
    await Promise.all([loadedCalendar(calendar), loadedCatalogue(get('mobilise-module-catalogue'))]);
    expect(levels(calendar)).to.deep.equal({ heading: 3, 'month-heading': 4, 'day-heading': 5, title: 6 });
    expect(levels(get('mobilise-module-catalogue'))).to.deep.equal({ title: 2 });

    calendar.removeAttribute('heading-level');
    await (calendar as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(levels(calendar)).to.deep.equal({ heading: 5, 'month-heading': 6, 'day-heading': 7, title: 8 });
    expect(wellFormed(calendar), 'h1–h6, then role=heading').to.equal(true);
  });

  it('nests the month grid under the calendar heading: grid title and day title one below, sessions two below', async () => {
    const get = await page('heading-level="3"', `<mobilise-session-calendar view="month"></mobilise-session-calendar>`);
    const calendar = get('mobilise-session-calendar');
    await loadedCalendar(calendar);
    await waitUntil(() => root(calendar).querySelector('td[data-day][aria-selected]'));
    const day = [...root(calendar).querySelectorAll<HTMLElement>('td[data-day]')].find((td) => td.querySelector('.count'));
    day!.click();
    await waitUntil(() => root(calendar).querySelector('.day-panel .title'), 'no sessions under the chosen day');
    expect(levels(calendar)).to.deep.equal({ heading: 3, 'month-heading': 4, 'day-title': 4, title: 5 });
  });

  it("puts the form's outcome one below its heading", async () => {
    const session: Session = fullNoWaitlist;
    const a = api();
    const form = await fixture(html`<mobilise-signup-form endpoint=${a.endpoint} session-id=${session.id} heading-level="5"></mobilise-signup-form>`);
    await loadedForm(form);
    expect(levels(form)).to.deep.equal({ heading: 5, 'result-heading': 6 });
  });
});
