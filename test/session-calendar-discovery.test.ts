/**
 * Feeds and discovery (issue 14, part 7): the calendar's "Subscribe to these sessions" link to the
 * backend's feed, and the schema.org JSON-LD it writes into the host page for search engines. The
 * server builds the JSON-LD (GET /v1/sessions.jsonld); the fake backend answers with the server's
 * own builder (src/contract/json-ld.ts), so these tests read its real output.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/context/define.js';
import '../src/elements/session-calendar/define.js';
import { SessionQuerySchema, localised, type Module, type Session } from '../src/contract/index.js';
import { JSON_LD_LIMIT, type JsonLdEvent } from '../src/contract/json-ld.js';
import type { MobiliseSessionCalendar } from '../src/elements/session-calendar/session-calendar.js';
import { cy } from '../src/strings/cy.js';
import { en } from '../src/strings/en.js';
import { callsTo, fixtures, json, mockApis, type MockApi } from './helpers/mock-api.js';
import { DAY, sessionFixture } from './helpers/session.js';

const api = mockApis();
const S = 'https://schema.org/';
const page = `${location.origin}${location.pathname}`;

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const session = (id: string, over: Partial<Session> = {}, days = 10): Session =>
  sessionFixture({ id, start: new Date(Date.now() + days * DAY).toISOString(), ...over });
const venue = { name: 'Govan Community Hall', address: '12 Langlands Road', postcode: 'G51 3BD' };

async function calendar(endpoint: string, attrs = '', wrap = (inner: string) => inner) {
  const el = (await fixture(wrap(`<mobilise-session-calendar endpoint="${endpoint}" ${attrs}></mobilise-session-calendar>`))) as HTMLElement;
  const cal = (el.matches('mobilise-session-calendar') ? el : el.querySelector('mobilise-session-calendar')!) as MobiliseSessionCalendar;
  await waitUntil(() => $(cal, 'article[part="session"], [part="empty"]'), 'sessions', { timeout: 5000 });
  await cal.updateComplete;
  return cal;
}

/** The element's own JSON-LD children (there must only ever be one). */
const scripts = (el: Element) => [...el.querySelectorAll(':scope > script[type="application/ld+json"]')] as HTMLScriptElement[];
/** The block's events, once the server's JSON-LD has arrived. */
async function events(el: Element): Promise<JsonLdEvent[]> {
  await waitUntil(() => scripts(el).length, 'the JSON-LD', { timeout: 5000 });
  return graph(el);
}
function graph(el: Element): JsonLdEvent[] {
  const [script, ...more] = scripts(el);
  expect(more, 'one JSON-LD block').to.have.length(0);
  const data = JSON.parse(script!.textContent!) as { '@context': string; '@graph': JsonLdEvent[] };
  expect(data['@context']).to.equal(S);
  return data['@graph'];
}
const urls = (el: Element) => graph(el).map((e) => e.url);
/** The calendar's requests for its JSON-LD. */
const ldCalls = (a: MockApi) => callsTo(a, '/v1/sessions.jsonld').map((c) => new URL(c.url));
const byUrl = (list: JsonLdEvent[], id: string) => list.find((e) => e.url === `${page}#session=${id}`)!;

async function change(el: MobiliseSessionCalendar, id: string, value: string) {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

const links = (el: MobiliseSessionCalendar) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="subscribe"] a')];

describe('<mobilise-session-calendar> feeds and discovery', () => {
  describe('Subscribe to these sessions', () => {
    it('links to the feed (webcal: and https:) with the filters the member sees, and follows them', async () => {
      const a = api();
      const el = await calendar(a.endpoint, 'module="field-organising-1" delivery="online" from="2030-01-01"');
      const [webcal, https] = links(el);
      expect(webcal!.textContent!.trim()).to.equal(en.calendar.subscribe);
      expect(https!.textContent!.trim()).to.equal(en.calendar.feedAddress);
      const feed = new URL(https!.href);
      expect(`${feed.origin}${feed.pathname}`).to.equal(`${a.endpoint}/v1/feed.ics`);
      expect(Object.fromEntries(feed.searchParams)).to.deep.equal({ module: 'field-organising-1', delivery: 'online' });
      expect(webcal!.getAttribute('href')).to.equal(https!.href.replace(/^https:/, 'webcal:'));

      await change(el, 'f-area', 'Glasgow');
      await change(el, 'f-delivery', '');
      const now = new URL(links(el)[1]!.href);
      expect(Object.fromEntries(now.searchParams)).to.deep.equal({ module: 'field-organising-1', area: 'Glasgow' });
      // What the server's feed accepts (the same query schema as GET /v1/sessions).
      expect(SessionQuerySchema.safeParse(Object.fromEntries(now.searchParams)).success).to.equal(true);
      expect(links(el)[0]!.getAttribute('href')).to.equal(now.href.replace(/^https:/, 'webcal:'));
      await expect(el).to.be.accessible();
    });

    it('follows the access needs ticked too (the calendar filters those itself, the feed and JSON-LD on the server)', async () => {
      const a = api();
      const el = await calendar(a.endpoint);
      for (const feature of ['hearing-loop', 'step-free']) {
        $<HTMLDetailsElement>(el, '.access-filter')!.open = true;
        $<HTMLInputElement>(el, `input[name="access"][value="${feature}"]`)!.click();
        await el.updateComplete;
      }
      const feed = new URL(links(el)[1]!.href);
      // In the list's order, as the server's own filter reads it.
      expect(Object.fromEntries(feed.searchParams)).to.deep.equal({ access: 'step-free,hearing-loop' });
      expect(SessionQuerySchema.safeParse(Object.fromEntries(feed.searchParams)).success).to.equal(true);
      await waitUntil(() => ldCalls(a).at(-1)?.searchParams.get('access') === 'step-free,hearing-loop', 'the JSON-LD asked for with the access needs');
    });

    it("carries the provider's area and the page's language, and nothing else", async () => {
      const a = api();
      const el = await calendar(a.endpoint, '', (inner) => `<mobilise-provider area="Glasgow" locale="cy">${inner}</mobilise-provider>`);
      await waitUntil(() => links(el)[0]?.textContent?.trim() === cy.calendar.subscribe, 'Welsh words');
      const feed = new URL(links(el)[1]!.href);
      expect(Object.fromEntries(feed.searchParams)).to.deep.equal({ area: 'Glasgow', locale: 'cy' });
      expect(links(el)[1]!.textContent!.trim()).to.equal(cy.calendar.feedAddress);
    });

    it('is not offered for a static JSON file, which has no feed (nor JSON-LD: no server builds it)', async () => {
      const a = api();
      a.routes['GET /data.json'] = () => json({ modules: fixtures.modules, sessions: fixtures.sessions });
      const el = await calendar(`${a.endpoint}/data.json`);
      expect($(el, '[part="subscribe"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('a[href^="webcal:"]')).to.equal(null);
      await new Promise((r) => setTimeout(r, 200));
      expect(scripts(el)).to.have.length(0);
      expect(a.calls.filter((c) => c.url.includes('.jsonld'))).to.have.length(0);
    });
  });

  describe('JSON-LD for search engines', () => {
    const evilTitle = 'Organising </script><img src=x onerror="window.__ldXss=1"> & more';
    const modules: Module[] = fixtures.modules.map((m) => (m.id === 'voter-persuasion' ? { ...m, title: evilTitle } : m));
    const sessions = [
      session('in-hall', { delivery: 'in-person', venue, area: 'Glasgow', moduleId: 'voter-persuasion' }, 3),
      // The public API never sends a joining link; a backend that did would still not get it into the page.
      { ...session('online-one', { delivery: 'online', area: 'Edinburgh South', spacesLeft: 0, status: 'full' }, 4), joining: { url: 'https://meet.example.org/secret-room' } } as Session,
      session('both', { delivery: 'hybrid', venue, moduleId: 'digital-organising' }, 5),
      session('called-off', { status: 'cancelled', spacesLeft: 20 }, 6),
    ];

    it('describes each listed session as a schema.org Event in the light DOM, from the server', async () => {
      const a = api({ modules, sessions });
      const el = await calendar(a.endpoint);
      const list = await events(el);
      const [asked] = ldCalls(a);
      expect(Object.fromEntries(asked!.searchParams)).to.deep.equal({ page });
      expect(list.map((e) => e.url)).to.deep.equal(sessions.map((s) => `${page}#session=${s.id}`));
      expect(list.every((e) => e['@type'] === 'Event')).to.equal(true);

      const hall = byUrl(list, 'in-hall');
      expect(hall.name).to.equal(evilTitle);
      expect(hall.description).to.equal(modules.find((m) => m.id === 'voter-persuasion')!.summary);
      expect(hall.startDate).to.equal(sessions[0]!.start);
      expect(hall.endDate).to.equal(sessions[0]!.end);
      expect(hall.eventStatus).to.equal(`${S}EventScheduled`);
      expect(hall.eventAttendanceMode).to.equal(`${S}OfflineEventAttendanceMode`);
      expect(hall.location).to.deep.equal([
        { '@type': 'Place', name: venue.name, address: { '@type': 'PostalAddress', streetAddress: venue.address, postalCode: venue.postcode } },
      ]);
      expect(hall.organizer).to.deep.equal({ '@type': 'Organization', name: 'Glasgow' });
      expect(hall.offers).to.deep.equal({ '@type': 'Offer', url: hall.url, availability: `${S}InStock` });

      const online = byUrl(list, 'online-one');
      expect(online.eventAttendanceMode).to.equal(`${S}OnlineEventAttendanceMode`);
      // Online, the place is this page (deep-linked), never the joining link.
      expect(online.location).to.deep.equal([{ '@type': 'VirtualLocation', url: online.url }]);
      expect(online.offers!.availability).to.equal(`${S}SoldOut`);
      expect(scripts(el)[0]!.textContent).not.to.include('meet.example.org');

      const both = byUrl(list, 'both');
      expect(both.eventAttendanceMode).to.equal(`${S}MixedEventAttendanceMode`);
      expect(both.location.map((l) => l['@type'])).to.deep.equal(['Place', 'VirtualLocation']);

      const off = byUrl(list, 'called-off');
      expect(off.eventStatus).to.equal(`${S}EventCancelled`);
      expect(off.offers!.availability).to.equal(`${S}SoldOut`);
      await expect(el).to.be.accessible();
    });

    it('cannot be closed early by backend text, even when the page is saved and parsed again', async () => {
      const el = await calendar(api({ modules, sessions }).endpoint);
      await events(el);
      const text = scripts(el)[0]!.textContent!;
      expect(text).not.to.include('<');
      // As a crawler or "save page" sees it: the serialised element parsed back as HTML.
      const parsed = new DOMParser().parseFromString(`<body>${el.outerHTML}</body>`, 'text/html');
      const again = [...parsed.querySelectorAll('script[type="application/ld+json"]')];
      expect(again).to.have.length(1);
      expect(parsed.querySelector('img')).to.equal(null);
      expect((JSON.parse(again[0]!.textContent!) as { '@graph': JsonLdEvent[] })['@graph'][0]!.name).to.equal(evilTitle);
      expect((window as { __ldXss?: number }).__ldXss).to.equal(undefined);
    });

    it('is in the page language, and follows the filters: one block, replaced, never duplicated', async () => {
      const a = api({ sessions });
      const el = await calendar(a.endpoint, '', (inner) => `<div lang="cy">${inner}</div>`);
      const fo1 = fixtures.modules.find((m) => m.id === 'field-organising-1')!;
      await events(el);
      await waitUntil(() => graph(el)[1]?.name === localised(fo1, 'title', 'cy').text, 'Welsh titles');
      const block = scripts(el)[0];

      await change(el, 'f-delivery', 'online');
      const online = [`${page}#session=online-one`, `${page}#session=called-off`];
      await waitUntil(() => urls(el).join() === online.join(), 'the online sessions only');
      expect(Object.fromEntries(ldCalls(a).at(-1)!.searchParams)).to.deep.equal({ delivery: 'online', page, locale: 'cy' });
      expect(scripts(el)[0], 'the same element, its text replaced').to.equal(block);

      // Re-renders and a fresh load after a signup elsewhere leave one block.
      el.requestUpdate();
      await el.updateComplete;
      window.dispatchEvent(new CustomEvent('mobilise-signup', { detail: { sessionId: 'x', status: 'pending', hold: 'place' } }));
      await waitUntil(() => callsTo(a, '/v1/sessions').length === 2, 'reloaded');
      await waitUntil(() => ldCalls(a).length === 3, 'asked again for the reloaded list');
      await el.updateComplete;
      expect(await events(el)).to.have.length(2);
      expect(document.querySelectorAll('script[type="application/ld+json"]')).to.have.length(1);
    });

    it(`describes at most ${JSON_LD_LIMIT} sessions, the first listed`, async () => {
      const many = Array.from({ length: JSON_LD_LIMIT + 15 }, (_, i) => session(`s-${i}`, {}, 1 + i / 10));
      const el = await calendar(api({ sessions: many }).endpoint);
      const list = await events(el);
      expect(list).to.have.length(JSON_LD_LIMIT);
      expect(list.map((e) => e.url)).to.deep.equal(many.slice(0, JSON_LD_LIMIT).map((s) => `${page}#session=${s.id}`));
    });

    it('goes with the element, and comes back when the element is put back', async () => {
      const el = await calendar(api({ sessions }).endpoint);
      await events(el);
      const parent = el.parentElement!;
      const block = scripts(el)[0]!;
      el.remove();
      expect(block.isConnected).to.equal(false);
      expect(scripts(el)).to.have.length(0);
      parent.append(el);
      await waitUntil(() => scripts(el).length === 1, 'JSON-LD back');
      expect(await events(el)).to.have.length(sessions.length);
    });

    it('links nowhere when the page is not on a site the server trusts', async () => {
      const el = await calendar(api({ sessions, allowedOrigins: ['https://clp.example'] }).endpoint);
      const list = await events(el);
      expect(list).to.have.length(sessions.length);
      expect(list.every((e) => e.url === undefined && e.offers!.url === undefined)).to.equal(true);
    });

    it('leaves no block, and the calendar as it is, when the answer is not JSON', async () => {
      const a = api({ sessions });
      const warnings: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args);
      try {
        const el = await calendar(a.endpoint);
        await events(el);
        // A proxy's error page, then JSON-LD that does not parse: the block goes, the sessions stay.
        a.routes['GET /v1/sessions.jsonld'] = () => new Response('<html><script>window.__ldXss=1</script></html>', { headers: { 'content-type': 'text/html' } });
        await change(el, 'f-delivery', 'online');
        await waitUntil(() => scripts(el).length === 0, 'the block removed');
        a.routes['GET /v1/sessions.jsonld'] = () => new Response('{"@graph": [', { headers: { 'content-type': 'application/ld+json' } });
        await change(el, 'f-delivery', 'hybrid');
        await waitUntil(() => warnings.length === 2, 'a warning each time');
        expect(scripts(el)).to.have.length(0);
        expect(document.querySelectorAll('script[type="application/ld+json"]')).to.have.length(0);
        expect(el.shadowRoot!.querySelectorAll('article[part="session"]')).to.have.length(1);
        expect($(el, '[part="error"]')).to.equal(null);
        expect((window as { __ldXss?: number }).__ldXss).to.equal(undefined);
      } finally {
        console.warn = warn;
      }
    });
  });
});
