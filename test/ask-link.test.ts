/**
 * "Ask for this module near me" in the embed (issue 14): the link to the training server's request
 * page on a catalogue card whose module has no upcoming session, and in the calendar's empty state
 * when a module filter finds nothing; the module, the area (the calendar's area filter, else the
 * provider's), this page without its fragment and its language in its query; none in static mode (no server to
 * ask), none where sessions exist, none without a module filter; Gaelic; axe.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/context/define.js';
import '../src/elements/module-catalogue/define.js';
import '../src/elements/session-calendar/define.js';
import { en } from '../src/strings/en.js';
import { gd } from '../src/strings/gd.js';
import { fixtures, json, mockApis, type MockApi } from './helpers/mock-api.js';

const api = mockApis();
/** The module nobody has arranged: every session of it taken out of the fake API. */
const ASKED = fixtures.modules[0]!;
const others = fixtures.sessions.filter((s) => s.moduleId !== ASKED.id);
const page = location.href.split('#')[0]!;

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
/** The part of the page inside the provider: its first element. */
async function inProvider<T extends HTMLElement>(markup: string): Promise<T> {
  const host = await fixture<HTMLElement>(`<div style="width: 900px">${markup}</div>`);
  return host.querySelector<T>('mobilise-module-catalogue, mobilise-session-calendar')!;
}
const askOf = (href: string) => {
  const url = new URL(href);
  return { at: `${url.origin}${url.pathname}`, ...Object.fromEntries(url.searchParams) };
};
const cardsLoaded = (el: HTMLElement) => waitUntil(() => $$(el, 'article[part="card"]').length === fixtures.modules.length && $(el, '[part="sessions"]'), 'cards with counts', { timeout: 5000 });
const emptyShown = (el: HTMLElement) => waitUntil(() => $(el, '[part="empty"]'), 'the empty state', { timeout: 5000 });

afterEach(() => history.replaceState(null, '', page));

describe('"Ask for this module near me" on a catalogue card', () => {
  it('only on a card with no upcoming session, to the request page with the module, the provider’s area and this page without its fragment', async () => {
    history.replaceState(null, '', `${page}#their-own=state`);
    const a: MockApi = api({ sessions: others });
    const el = await inProvider(`<mobilise-provider endpoint="${a.endpoint}"><mobilise-module-catalogue></mobilise-module-catalogue></mobilise-provider>`);
    await cardsLoaded(el);
    const links = $$<HTMLAnchorElement>(el, 'a[part="ask"]');
    const withNone = $$(el, 'article[part="card"]').filter((c) => c.querySelector('[part="sessions"]')!.getAttribute('data-count') === '0');
    expect(withNone.map((c) => c.dataset.module)).to.include(ASKED.id);
    expect(links.map((l) => l.closest('article')!.dataset.module), 'one link per card without sessions, none elsewhere').to.deep.equal(withNone.map((c) => c.dataset.module));
    const link = $<HTMLAnchorElement>(el, `article[data-module="${ASKED.id}"] a[part="ask"]`)!;
    expect(askOf(link.href)).to.deep.equal({ at: `${a.endpoint}/request`, module: ASKED.id, area: '', from: page, lang: 'en-GB' });
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${en.catalogue.ask}: ${ASKED.title}`);
    expect(link.querySelector('.visually-hidden')!.textContent, 'the title for screen readers, so each link is distinct').to.equal(`: ${ASKED.title}`);
    await expect(el).to.be.accessible();
  });

  it('asks in the provider’s area, in the page’s language', async () => {
    const a = api({ sessions: others });
    const el = await inProvider(`<mobilise-provider endpoint="${a.endpoint}" area="Paisley" locale="gd"><mobilise-module-catalogue></mobilise-module-catalogue></mobilise-provider>`);
    await cardsLoaded(el);
    const link = () => $<HTMLAnchorElement>(el, `article[data-module="${ASKED.id}"] a[part="ask"]`)!;
    expect(askOf(link().href), 'the request page in the page’s language').to.include({ module: ASKED.id, area: 'Paisley', lang: 'gd' });
    // The cards may come before the Gaelic strings, in English; the catalogue re-renders when they arrive.
    await waitUntil(() => link().textContent!.trim().startsWith(`${gd.catalogue.ask}:`), `not in Gaelic: ${link().textContent}`, { timeout: 5000 });
    await expect(el).to.be.accessible();
  });

  it('none in static mode: a JSON file has no server to ask', async () => {
    const a = api();
    a.routes['GET /data.json'] = () => json({ modules: fixtures.modules, sessions: others });
    const el = await inProvider(`<mobilise-provider endpoint="${a.endpoint}/data.json"><mobilise-module-catalogue></mobilise-module-catalogue></mobilise-provider>`);
    await cardsLoaded(el);
    expect($(el, `article[data-module="${ASKED.id}"] [part="sessions"]`)!.textContent!.trim()).to.equal(en.catalogue.upcoming(0));
    expect($$(el, 'a[part="ask"]').length).to.equal(0);
  });
});

describe('"Ask for this module near me" in the calendar’s empty state', () => {
  it('when a module filter finds nothing: with the calendar’s area filter, else the provider’s', async () => {
    const a = api({ sessions: others });
    const el = await inProvider(`<mobilise-provider endpoint="${a.endpoint}" area="Glasgow"><mobilise-session-calendar module="${ASKED.id}"></mobilise-session-calendar></mobilise-provider>`);
    await emptyShown(el);
    const link = $<HTMLAnchorElement>(el, '[part="empty"] a[part="ask"]')!;
    expect(askOf(link.href)).to.deep.equal({ at: `${a.endpoint}/request`, module: ASKED.id, area: 'Glasgow', from: page, lang: 'en-GB' });
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${en.catalogue.ask}: ${ASKED.title}`);
    await expect(el).to.be.accessible();

    const filtered = await inProvider(`<mobilise-provider endpoint="${a.endpoint}"><mobilise-session-calendar module="${ASKED.id}" area="Dundee"></mobilise-session-calendar></mobilise-provider>`);
    await emptyShown(filtered);
    expect(askOf($<HTMLAnchorElement>(filtered, 'a[part="ask"]')!.href)).to.include({ module: ASKED.id, area: 'Dundee' });
  });

  it('none without a module filter, none where the module has sessions, none in static mode', async () => {
    const a = api({ sessions: [] });
    const all = await inProvider(`<mobilise-provider endpoint="${a.endpoint}"><mobilise-session-calendar></mobilise-session-calendar></mobilise-provider>`);
    await emptyShown(all);
    expect($(all, 'a[part="ask"]'), 'nothing scheduled at all: no module to ask for').to.equal(null);

    const b = api({ sessions: others });
    const other = fixtures.modules.find((m) => others.some((s) => s.moduleId === m.id && Date.parse(s.start) > Date.now()))!;
    const listed = await inProvider(`<mobilise-provider endpoint="${b.endpoint}"><mobilise-session-calendar module="${other.id}"></mobilise-session-calendar></mobilise-provider>`);
    await waitUntil(() => $(listed, 'article[part="session"]'), 'sessions', { timeout: 5000 });
    expect($(listed, 'a[part="ask"]')).to.equal(null);

    b.routes['GET /data.json'] = () => json({ modules: fixtures.modules, sessions: others });
    const fromFile = await inProvider(`<mobilise-provider endpoint="${b.endpoint}/data.json"><mobilise-session-calendar module="${ASKED.id}"></mobilise-session-calendar></mobilise-provider>`);
    await emptyShown(fromFile);
    expect($(fromFile, 'a[part="ask"]')).to.equal(null);
  });
});
