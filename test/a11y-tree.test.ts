import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/context/define.js';
import '../src/elements/module-catalogue/define.js';
import '../src/elements/session-calendar/define.js';
import '../src/elements/signup-form/define.js';
import { fixtures, mockApi, type MockApi } from './helpers/mock-api.js';
import { axTree, type AxNode } from './helpers/ax-tree.js';
import { canUse } from './helpers/engine.js';


/**
 * What axe does not check: that every heading, button, link, disclosure and field in an element's
 * DOM is in the browser's accessibility tree (not left out as not rendered), each with a role and a name.
 * a11ySnapshot reads Chromium's tree; other engines answer in their own shape, so they skip this file.
 */


type Kind = 'heading' | 'button' | 'link' | 'disclosure' | 'field';
/** Chromium's roles for each kind: selects are comboboxes, date inputs "Date", summaries "DisclosureTriangle". */
const ROLE_KIND: Record<string, Kind> = {
  heading: 'heading',
  button: 'button',
  link: 'link',
  DisclosureTriangle: 'disclosure',
  textbox: 'field',
  searchbox: 'field',
  combobox: 'field',
  Date: 'field',
  radio: 'field',
  checkbox: 'field',
};
const DOM_KIND: [Kind, string][] = [
  ['heading', 'h1, h2, h3, h4, h5, h6, [role="heading"]'],
  ['button', 'button'],
  ['link', 'a[href]'],
  ['disclosure', 'summary'],
  ['field', 'input:not([type="hidden"]), select, textarea'],
];

/** How many of each kind the elements' shadow DOMs render for people (visible, or visually hidden, and not aria-hidden). */
function inDom(hosts: Element[]): Record<Kind, number> {
  const out = { heading: 0, button: 0, link: 0, disclosure: 0, field: 0 };
  for (const host of hosts)
    for (const [kind, selector] of DOM_KIND)
      out[kind] += [...host.shadowRoot!.querySelectorAll<HTMLElement>(selector)].filter((n) => !n.closest('[aria-hidden="true"]') && n.checkVisibility()).length;
  return out;
}

/** The same counts from the accessibility tree, and every node of those kinds that has no name. */
async function inTree() {
  const counts = { heading: 0, button: 0, link: 0, disclosure: 0, field: 0 };
  const unnamed: string[] = [];
  const visit = (n: AxNode) => {
    const kind = ROLE_KIND[n.role];
    if (kind) {
      counts[kind]++;
      if (!n.name?.trim()) unnamed.push(n.role);
    }
    // A field's insides (a date input's spin buttons and picker button) are the field, not more controls.
    if (kind !== 'field') n.children?.forEach(visit);
  };
  visit(await axTree());
  return { counts, unnamed };
}

const sameCounts = (a: Record<Kind, number>, b: Record<Kind, number>) => DOM_KIND.every(([kind]) => a[kind] === b[kind]);

/**
 * Compared once the elements have finished rendering (the calendar draws a list in two steps, the
 * second after the next frame), so the whole DOM is checked, not whichever step a poll happened to
 * catch. Chromium updates its tree a task or so after the DOM changes, so the snapshot is taken
 * again until it has caught up, for up to 2 s; a node the tree leaves out still fails.
 */
async function expectAllInTree(hosts: Element[]) {
  for (const host of hosts) await (host as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  const dom = inDom(hosts);
  let tree = await inTree();
  for (const deadline = performance.now() + 2_000; !sameCounts(tree.counts, dom) && performance.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    tree = await inTree();
  }
  expect(tree.counts, 'the accessibility tree has every heading, button, link, disclosure and field of the DOM').to.deep.equal(dom);
  expect(tree.unnamed, 'nodes without a name').to.deep.equal([]);
  return dom;
}

let api: MockApi | undefined;
afterEach(() => api?.restore());

const soon = Date.now() + 3_600_000;
const upcoming = fixtures.sessions.filter((s) => Date.parse(s.signupDeadline ?? s.start) > soon);
const openSession = upcoming.find((s) => s.status === 'scheduled' && s.spacesLeft > 0)!;
const fullNoWaitlist = upcoming.find((s) => s.status === 'full' && !s.waitlist)!;

const shadow = (el: Element) => el.shadowRoot!;
async function mount<T extends Element = HTMLElement>(markup: (endpoint: string) => string, ready: (el: T) => unknown) {
  api = mockApi();
  const el = await fixture<T>(markup(api.endpoint));
  await waitUntil(() => ready(el), 'the element did not reach its state', { timeout: 5000 });
  return el;
}

(canUse('a11ySnapshot', 'accessibility tree suite') ? describe : () => undefined)('accessibility tree: every heading, button, link and field, named', () => {
  it('module catalogue, loaded', async () => {
    const el = await mount((e) => `<mobilise-module-catalogue endpoint="${e}"></mobilise-module-catalogue>`, (el) => shadow(el).querySelector('[part="card"]'));
    const dom = await expectAllInTree([el]);
    expect(dom.heading, 'a title per module').to.equal(fixtures.modules.length);
  });

  it('session calendar, agenda: every session listed', async () => {
    const el = await mount((e) => `<mobilise-session-calendar endpoint="${e}"></mobilise-session-calendar>`, (el) => shadow(el).querySelector('.session'));
    const dom = await expectAllInTree([el]);
    expect(dom.button, 'sign-up buttons and more').to.be.greaterThan(shadow(el).querySelectorAll('.session').length);
  });

  it('session calendar, month grid with a day chosen', async () => {
    const el = await mount((e) => `<mobilise-session-calendar endpoint="${e}" view="month"></mobilise-session-calendar>`, (el) => shadow(el).querySelector('td[data-day]'));
    const day = [...shadow(el).querySelectorAll<HTMLElement>('td[data-day]')].find((td) => td.querySelector('.count'));
    if (!day) shadow(el).querySelector<HTMLButtonElement>('[data-nav="next"]')!.click();
    await waitUntil(() => shadow(el).querySelector('td[data-day] .count'), 'no month with sessions');
    shadow(el).querySelector<HTMLElement>('td[data-day] .count')!.closest('td')!.click();
    await waitUntil(() => shadow(el).querySelector('.day-panel .session'), 'no sessions under the chosen day');
    await expectAllInTree([el]);
  });

  it('signup form: empty, and with its error summary', async () => {
    const el = await mount(
      (e) => `<mobilise-signup-form endpoint="${e}" session-id="${openSession.id}"></mobilise-signup-form>`,
      (el) => shadow(el).querySelector('form'),
    );
    const empty = await expectAllInTree([el]);
    expect(empty.field, 'every question').to.be.greaterThan(8);

    shadow(el).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await waitUntil(() => shadow(el).querySelector('.error-summary a'), 'no error summary');
    const errors = await expectAllInTree([el]);
    expect(errors.link - empty.link, 'a link per problem').to.be.greaterThan(3);
  });

  it('signup form for a session that cannot take anyone, and everything together in one provider', async () => {
    const full = await mount(
      (e) => `<mobilise-signup-form endpoint="${e}" session-id="${fullNoWaitlist.id}"></mobilise-signup-form>`,
      (el) => shadow(el).querySelector('.result-heading'),
    );
    await expectAllInTree([full]);
    full.remove();

    const page = await mount(
      (e) => `<mobilise-provider endpoint="${e}">
        <mobilise-module-catalogue></mobilise-module-catalogue><mobilise-session-calendar></mobilise-session-calendar><mobilise-signup-form></mobilise-signup-form>
      </mobilise-provider>`,
      (p) => shadow(p.querySelector('mobilise-session-calendar')!).querySelector('.session') && shadow(p.querySelector('mobilise-module-catalogue')!).querySelector('[part="card"]'),
    );
    await expectAllInTree([...page.querySelectorAll('mobilise-module-catalogue, mobilise-session-calendar, mobilise-signup-form')]);
  });
});
