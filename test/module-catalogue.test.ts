import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/context/define.js';
import '../src/elements/module-catalogue/define.js';
import type { Module } from '../src/contract/index.js';
import type { MobiliseModuleCatalogue } from '../src/elements/module-catalogue/module-catalogue.js';
import { en } from '../src/strings/en.js';
import { has } from './helpers/dom.js';
import { payloadsHadTheirTurn } from './helpers/settle.js';
import { fixtures, gate, json, mockApis, problem, type MockApi } from './helpers/mock-api.js';
import { duration, moduleCount } from '../src/strings/compose.js';


const c = en.catalogue;
const api = mockApis();

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const cards = (el: Element) => $$(el, 'article[part="card"]');
const cardIds = (el: Element) => cards(el).map((a) => a.dataset.module);
const card = (el: Element, id: string) => $(el, `article[data-module="${id}"]`)!;
const countText = (el: Element) => $(el, '[part="count"]')!.textContent!.trim();

async function loaded(el: MobiliseModuleCatalogue, n = fixtures.modules.length) {
  await waitUntil(() => cards(el).length === n, `expected ${n} cards`, { timeout: 4000 });
  return el;
}

async function catalogue(a: MockApi, attrs = '') {
  const el = await fixture<MobiliseModuleCatalogue>(html`<div style="width: 900px"></div>`);
  el.innerHTML = `<mobilise-module-catalogue endpoint="${a.endpoint}" ${attrs}></mobilise-module-catalogue>`;
  return el.firstElementChild as MobiliseModuleCatalogue;
}

function choose(el: Element, id: 'strand' | 'audience', value: string) {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

async function typeSearch(el: MobiliseModuleCatalogue, text: string) {
  const input = $<HTMLInputElement>(el, '#search')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Independent of the element: sessions that are not cancelled and start in the future. */
const expectedCount = (moduleId: string, area?: string) =>
  fixtures.sessions.filter(
    (s) => s.moduleId === moduleId && s.status !== 'cancelled' && Date.parse(s.start) > Date.now() && (!area || s.area === area),
  ).length;

describe('<mobilise-module-catalogue>', () => {
  it('shows a skeleton with the filters while loading, then the 12 seed modules', async () => {
    const g = gate();
    const a = api();
    a.routes['GET /v1/modules'] = async () => {
      await g.promise;
      return json({ modules: fixtures.modules });
    };
    const el = await catalogue(a);
    await waitUntil(() => $(el, '.placeholder'), 'skeleton');
    expect(countText(el)).to.equal(c.loading);
    expect($(el, '[part="count"]')!.getAttribute('role')).to.equal('status');
    expect(has(el, '#strand'), 'the filters show while loading').to.equal(true);
    expect($(el, 'ul[part="list"]')!.getAttribute('aria-hidden')).to.equal('true');
    const skeletonTop = $(el, '[part="list"]')!.getBoundingClientRect().top;
    await expect(el).to.be.accessible();

    g.release();
    await loaded(el);
    expect(cardIds(el)).to.deep.equal(fixtures.modules.map((m) => m.id));
    expect(countText(el)).to.equal(moduleCount(en, 12, 12));
    expect($(el, '[part="list"]')!.getBoundingClientRect().top).to.equal(skeletonTop);
    // One modules request and one sessions request, with the calendar's query (no area standalone).
    expect(a.calls.map((x) => x.url.slice(a.endpoint.length))).to.have.members(['/v1/modules', '/v1/sessions']);
    await expect(el).to.be.accessible();
  });

  it('renders each card: heading, strand badge, summary, duration, audience, session count', async () => {
    const el = await loaded(await catalogue(api()));
    const fo1 = card(el, 'field-organising-1');
    expect(fo1.querySelector('h3[part="card-title"]')!.textContent).to.equal('Field Organising (part one)');
    expect(fo1.getAttribute('aria-labelledby')).to.equal(fo1.querySelector('h3')!.id);
    expect(fo1.querySelector('[part="badge"]')!.textContent).to.equal('Field organising');
    expect(card(el, 'targeting-and-analysis').querySelector('[part="badge"]')!.textContent).to.equal('Data & targeting');
    expect(fo1.querySelector('.summary')!.textContent).to.contain('grassroots campaigns');
    expect(fo1.querySelector('.meta')!.textContent).to.contain(duration(en, 180)).and.contain('3 hours');
    expect(fo1.querySelector('.meta')!.textContent).to.contain('New activists, Activists and Candidates');
  });

  it('shows the correct upcoming session count for every module', async () => {
    const el = await loaded(await catalogue(api()));
    let total = 0;
    for (const m of fixtures.modules) {
      const n = expectedCount(m.id);
      total += n;
      const dd = card(el, m.id).querySelector('[part="sessions"]')!;
      expect(dd.textContent!.trim(), m.id).to.equal(c.upcoming(n));
    }
    // The seed has cancelled and past sessions; they must not be counted.
    expect(total).to.be.greaterThan(0).and.lessThan(fixtures.sessions.length);
  });

  it('filters by strand', async () => {
    const el = await loaded(await catalogue(api()));
    choose(el, 'strand', 'message');
    await el.updateComplete;
    expect(cardIds(el)).to.deep.equal(['message-digital-social', 'message-digital-advertising', 'message-digital-video', 'message-print']);
    expect(countText(el)).to.equal(moduleCount(en, 4, 12));
    expect(el.strand).to.equal('message');
  });

  it('filters by audience, combined with strand', async () => {
    const el = await loaded(await catalogue(api()));
    choose(el, 'audience', 'role-holders');
    await el.updateComplete;
    const expected = fixtures.modules.filter((m) => m.audience.includes('role-holders')).map((m) => m.id);
    expect(expected.length).to.be.within(1, 11);
    expect(cardIds(el)).to.deep.equal(expected);
    choose(el, 'strand', 'field');
    await el.updateComplete;
    expect(cardIds(el)).to.deep.equal(['field-organising-2']);
  });

  it('searches title, summary, description and tools from the keyboard, ignoring case and accents', async () => {
    const el = await loaded(await catalogue(api()));
    await typeSearch(el, 'INSÏGHT');
    expect(cardIds(el)).to.deep.equal(['targeting-and-analysis']);
    await typeSearch(el, 'contact creator');
    expect(cardIds(el)).to.deep.equal(['field-organising-1', 'targeting-and-analysis']);
    await typeSearch(el, 'Dialogue');
    expect(cardIds(el)).to.deep.equal(['digital-organising']);
    expect(countText(el)).to.equal(moduleCount(en, 1, 12));
    // Enter must not submit (and so reload) the host page.
    let submitted = false;
    $(el, 'form')!.addEventListener('submit', (e) => (submitted = !e.defaultPrevented), { once: true });
    await sendKeys({ press: 'Enter' });
    expect(submitted).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('changes the strand filter with the keyboard', async () => {
    const el = await loaded(await catalogue(api()));
    $<HTMLSelectElement>(el, '#strand')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.strand).to.equal('field');
    expect(cardIds(el).every((id) => fixtures.modules.find((m) => m.id === id)!.strand === 'field')).to.equal(true);
    expect(cards(el)).to.have.length(3);
  });

  it('applies initial strand, audience and search attributes', async () => {
    const el = await loaded(await catalogue(api(), 'strand="Field" audience="candidates" search="doorstep app"'), 1);
    expect(cardIds(el)).to.deep.equal(['field-organising-1']);
    expect($<HTMLSelectElement>(el, '#strand')!.value).to.equal('field');
    expect($<HTMLSelectElement>(el, '#audience')!.value).to.equal('candidates');
    expect($<HTMLInputElement>(el, '#search')!.value).to.equal("doorstep app");
  });

  it('shows a no-match state, headed in place of the cards, whose next action clears the filters', async () => {
    const el = await loaded(await catalogue(api()));
    await typeSearch(el, 'zzzz');
    expect(cards(el)).to.have.length(0);
    expect($(el, '[part="empty"] h3')?.textContent, 'a heading at the cards\' level').to.equal(c.empty);
    expect($(el, '[part="clear-button"]')!.textContent!.trim()).to.equal(en.calendar.clearFilters);
    expect(countText(el)).to.equal(moduleCount(en, 0, 12));
    await expect(el).to.be.accessible();
    $(el, '[part="clear-button"]')!.click();
    await el.updateComplete;
    expect(cards(el)).to.have.length(12);
    expect($<HTMLInputElement>(el, '#search')!.value).to.equal('');
  });

  it('expands details with the description paragraphs and tools (the duration stays in the card, once)', async () => {
    const el = await loaded(await catalogue(api()));
    const details = card(el, 'field-organising-1').querySelector<HTMLDetailsElement>('details[part="details"]')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    await waitUntil(() => details.open);
    const body = details.querySelector('.details-body')!;
    const paras = [...body.querySelectorAll('p')].map((p) => p.textContent);
    expect(paras[0]).to.match(/^Field organising is about/);
    expect(paras[1]).to.match(/^In this session you will learn/);
    expect([...body.querySelectorAll('.tools li')].map((li) => li.textContent)).to.deep.equal(['Contact Creator', 'Doorstep App']);
    expect(body.textContent, 'not repeated from the card').to.not.contain('3 hours');
    expect(card(el, 'field-organising-1').querySelector('.meta')!.textContent).to.contain('3 hours');
    // Modules without tools have no empty list.
    expect(has(card(el, 'voter-persuasion'), '.tools'), 'no empty tools list').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('links part two to part one, clearing filters that hide it and focusing its card', async () => {
    const el = await loaded(await catalogue(api()));
    const follows = card(el, 'field-organising-2').querySelector<HTMLButtonElement>('[part="prerequisite"]')!;
    expect(follows.textContent!.trim()).to.equal('Follows Field Organising (part one)');
    expect(has(card(el, 'field-organising-1'), '[part="prerequisite"]'), 'part one follows nothing').to.equal(false);

    // Visible: focus moves to part one.
    follows.click();
    await waitUntil(() => el.shadowRoot!.activeElement === card(el, 'field-organising-1'), 'part one focused');

    // Filtered out (part one is not for role holders): filters clear, then focus.
    choose(el, 'audience', 'role-holders');
    await el.updateComplete;
    expect(cardIds(el)).to.not.include('field-organising-1');
    card(el, 'field-organising-2').querySelector<HTMLButtonElement>('[part="prerequisite"]')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === card(el, 'field-organising-1'), 'part one shown and focused');
    expect(cards(el)).to.have.length(12);
    expect(el.audience).to.equal('');
  });

  it('emits a composed mobilise-module-select and marks the module selected', async () => {
    const el = await loaded(await catalogue(api()));
    const button = card(el, 'voter-persuasion').querySelector<HTMLButtonElement>('[part="select-button"]')!;
    expect(button.textContent).to.contain(c.seeSessions);
    setTimeout(() => button.click());
    const event = await oneEvent(el.parentElement!, 'mobilise-module-select');
    expect(event.detail).to.deep.equal({ moduleId: 'voter-persuasion' });
    expect(event.composed).to.equal(true);
    expect(event.bubbles).to.equal(true);
    await el.updateComplete;
    expect(card(el, 'voter-persuasion').getAttribute('aria-current')).to.equal('true');
    expect(card(el, 'voter-persuasion').querySelector('.current')!.textContent).to.equal(c.selected);
    expect(cards(el).filter((a) => a.hasAttribute('aria-current'))).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('lets the host page veto a selection', async () => {
    const el = await loaded(await catalogue(api()));
    el.addEventListener('mobilise-module-select', (e) => e.preventDefault());
    card(el, 'message-print').querySelector<HTMLButtonElement>('[part="select-button"]')!.click();
    await el.updateComplete;
    expect(card(el, 'message-print').hasAttribute('aria-current')).to.equal(false);
  });

  it('inside a provider: shares the area query and selection', async () => {
    const a = api();
    const wrap = await fixture<HTMLElement>(html`<mobilise-provider endpoint=${a.endpoint} area="Glasgow">
      <mobilise-module-catalogue></mobilise-module-catalogue>
    </mobilise-provider>`);
    const el = await loaded(wrap.querySelector('mobilise-module-catalogue')!);
    expect(a.calls.map((x) => x.url.slice(a.endpoint.length))).to.include('/v1/sessions?area=Glasgow');
    for (const id of ['field-organising-1', 'digital-organising']) {
      expect(card(el, id).querySelector('[part="sessions"]')!.textContent!.trim()).to.equal(c.upcoming(expectedCount(id, 'Glasgow')));
    }
    card(el, 'community-organising').querySelector<HTMLButtonElement>('[part="select-button"]')!.click();
    await waitUntil(() => card(el, 'community-organising').getAttribute('aria-current') === 'true', 'selection from provider');
    // The provider's selection is the source of truth: a select from elsewhere moves the highlight.
    wrap.dispatchEvent(new CustomEvent('mobilise-module-select', { detail: { moduleId: 'message-print' }, bubbles: true }));
    await waitUntil(() => card(el, 'message-print').getAttribute('aria-current') === 'true', 'selection moved');
    expect(card(el, 'community-organising').hasAttribute('aria-current')).to.equal(false);
  });

  it('shows an error with retry for a 500, and recovers', async () => {
    const a = api();
    a.routes['GET /v1/modules'] = () => problem(500, 'server-error', { detail: 'Database is down for a moment.' });
    const el = await catalogue(a);
    await waitUntil(() => $(el, '[part="error"]'), 'error state', { timeout: 5000 });
    expect($(el, 'h3 + [part="error"]')?.previousElementSibling?.textContent, 'a heading says what failed').to.equal(c.loadFailed);
    expect($(el, '[part="retry"]')!.textContent!.trim(), 'and offers the next step').to.equal(en.state.retry);
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part="error"]')!.textContent).to.contain('Database is down for a moment.');
    await expect(el).to.be.accessible();
    a.routes['GET /v1/modules'] = () => json({ modules: fixtures.modules });
    $(el, '[part="retry"]')!.click();
    await loaded(el);
    expect(has(el, '[part="error"]'), 'the error goes').to.equal(false);
  });

  it('shows an error for bad JSON, and recovers on retry', async () => {
    const a = api();
    a.routes['GET /v1/modules'] = () => new Response('<html>oops', { headers: { 'content-type': 'application/json' } });
    const el = await catalogue(a);
    await waitUntil(() => $(el, '[part="error"]'), 'error state');
    expect($(el, '[part="error"]')!.textContent).to.contain(en.state.badResponse);
    a.routes['GET /v1/modules'] = () => json({ modules: fixtures.modules });
    $(el, '[part="retry"]')!.click();
    await loaded(el);
  });

  it('still lists modules when sessions fail, without counts', async () => {
    const a = api();
    a.routes['GET /v1/sessions'] = () => new Response('nope', { status: 404 });
    const el = await loaded(await catalogue(a));
    expect(has(el, '[part="sessions"]'), 'no session counts').to.equal(false);
    expect(has(el, '[part="error"]'), 'no error').to.equal(false);
  });

  it('explains a missing endpoint to the webmaster, without a retry button', async () => {
    const el = await fixture<MobiliseModuleCatalogue>(html`<mobilise-module-catalogue></mobilise-module-catalogue>`);
    await waitUntil(() => $(el, '[part="error"]'), 'config error');
    expect($(el, '[part="error"]')!.textContent!.trim()).to.equal(en.state.missingEndpoint);
    expect(has(el, '[part="retry"]'), 'no retry for a set-up error').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('keeps the order the server sends (programme order), never re-sorting', async () => {
    const reversed = [...fixtures.modules].reverse();
    for (const order of [fixtures.modules, reversed]) {
      const el = await loaded(await catalogue(api({ modules: order })));
      expect(cardIds(el)).to.deep.equal(order.map((mod) => mod.id));
    }
    // Static mode: the JSON file's order.
    const a = api();
    a.routes['GET /data.json'] = () => json({ modules: reversed, sessions: [] });
    const host = await fixture<HTMLElement>(html`<div></div>`);
    host.innerHTML = `<mobilise-module-catalogue endpoint="${a.endpoint}/data.json"></mobilise-module-catalogue>`;
    const el = await loaded(host.firstElementChild as MobiliseModuleCatalogue);
    expect(cardIds(el)).to.deep.equal(reversed.map((mod) => mod.id));
    expect(fixtures.modules[0].id).to.equal('voter-persuasion', 'the seed is in programme order');
  });

  it('refuses a plain http:// endpoint with a message where the widget would be', async () => {
    const el = await fixture<MobiliseModuleCatalogue>(html`<mobilise-module-catalogue endpoint="http://api.example"></mobilise-module-catalogue>`);
    await waitUntil(() => $(el, '[part="error"]'), 'config error');
    expect($(el, '[part="error"]')!.textContent!.trim()).to.equal(en.state.insecureEndpoint('http://api.example'));
    expect(has(el, '[part="retry"]'), 'no retry for a set-up error').to.equal(false);
  });

  it('shows the empty state when no modules are published', async () => {
    const el = await catalogue(api({ modules: [], sessions: [] }));
    await waitUntil(() => $(el, '[part="empty"]'), 'empty state');
    expect($(el, '[part="empty"]')!.textContent).to.equal(c.none);
    expect(has(el, 'form'), 'no filters without modules').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('drops invalid modules with a polite notice', async () => {
    const el = await catalogue(api({ modules: [...fixtures.modules, { id: 'broken', title: 7 }] }));
    await loaded(el);
    expect($(el, '[part="notice"]')!.textContent).to.equal(en.state.partialData(1));
  });

  it('switches layout: responsive cards by default, compact rows for layout="list", warning on unknown', async () => {
    const el = await loaded(await catalogue(api()));
    const columns = () => getComputedStyle($(el, '.items')!).gridTemplateColumns.split(' ').length;
    expect($(el, '.catalogue')!.classList.contains('layout-cards')).to.equal(true);
    expect(columns()).to.equal(3); // 900 px / 18rem
    el.parentElement!.style.width = '320px';
    expect(columns()).to.equal(1);
    el.parentElement!.style.width = '900px';

    el.layout = 'list';
    await el.updateComplete;
    expect($(el, '.catalogue')!.classList.contains('layout-list')).to.equal(true);
    expect(columns()).to.equal(1);
    // Wide list rows put the action beside the text; at 320 px it goes below.
    const row = card(el, 'voter-persuasion');
    const beside = () => row.querySelector('.actions')!.getBoundingClientRect().left >= row.querySelector('.body')!.getBoundingClientRect().right;
    expect(beside()).to.equal(true);
    el.parentElement!.style.width = '320px';
    expect(beside()).to.equal(false);
    el.parentElement!.style.width = '900px';
    await expect(el).to.be.accessible();

    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      el.layout = 'grid';
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0])).to.contain('layout="grid"');
    expect($(el, '.catalogue')!.classList.contains('layout-cards')).to.equal(true);
  });

  it('uses heading-level for card titles', async () => {
    const el = await loaded(await catalogue(api(), 'heading-level="2"'));
    expect(has(cards(el)[0]!, 'h2[part="card-title"]'), 'h2 titles').to.equal(true);
    expect(has(el, 'h3'), 'no h3 left').to.equal(false);
  });

  it('renders backend text as text, never markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const byId = (id: string) => fixtures.modules.find((mod) => mod.id === id)!;
    const [partOne, partTwo] = [byId('field-organising-1'), byId('field-organising-2')];
    const bad: Module = {
      ...partOne,
      title: `Title ${evil}`,
      summary: evil,
      description: `${evil}\n\n<script>window.__pwned=1</script>`,
      beforeYouCome: [evil],
      afterSession: evil,
    };
    const el = await loaded(await catalogue(api({ modules: [bad, partTwo] })), 2);
    const details = card(el, bad.id).querySelector<HTMLDetailsElement>('details[part="details"]')!;
    details.querySelector('summary')!.click();
    await waitUntil(() => details.open, 'details open');
    await el.updateComplete;
    expect(has(el, 'img, script:not([type])'), 'no element from backend text').to.equal(false);
    expect(card(el, bad.id).querySelector('[part="card-title"]')!.textContent).to.equal(`Title ${evil}`);
    // Part two's prerequisite link uses the title as text too.
    expect(card(el, partTwo.id).querySelector('[part="prerequisite"]')!.textContent).to.contain(evil);
    await payloadsHadTheirTurn();
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
