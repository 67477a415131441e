/**
 * <mobilise-pathway> in a real browser (Chromium, Firefox, WebKit): the token read from the
 * address and taken out of it, sent in a POST body and never a URL; every state (loading with its
 * space kept, no link, a link that does not work, a failed request and its retry, nothing booked
 * yet, the full pathway, every step done); choosing a pathway; Gaelic and Welsh with their plural
 * forms; keyboard only; 320 px; axe. The API is faked at fetch, answering as server/routes/pathway.ts.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Pathway } from '../src/contract/pathway-api.js';
import '../src/elements/pathway/define.js';
import type { MobilisePathway } from '../src/elements/pathway/pathway.js';
import { engine } from './helpers/engine.js';
import { collectLitWarnings } from './helpers/lit-warnings.js';
import { finished, nothingYet, partWay, partWayGaelic, pathwayOf, PATHWAY_TOKEN } from './helpers/pathway-data.js';
import { setViewport } from './helpers/viewport.js';

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => unknown): void;
declare function afterEach(fn: () => unknown): void;

const ENDPOINT = 'https://pathway.mobilise.test';
const page = location.href.split('#')[0]!;
const realFetch = window.fetch.bind(window);
const warnings = collectLitWarnings();

interface Call {
  method: string;
  url: string;
  body: Record<string, unknown>;
}
let calls: Call[] = [];
/** What the fake API answers next (a function, to answer each call afresh). */
let answer: (call: Call) => Promise<Response> | Response = () => json(partWay);

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const problem = (status: number, code: string) =>
  new Response(JSON.stringify({ type: `https://mobilise.invalid/problems/${code}`, title: code, status, code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
  const url = String(input);
  if (!url.startsWith(ENDPOINT)) return realFetch(input, init);
  const call = { method: init.method ?? 'GET', url, body: JSON.parse(String(init.body ?? '{}')) };
  calls.push(call);
  return answer(call);
};

afterEach(async () => {
  calls = [];
  answer = () => json(partWay);
  sessionStorage.clear();
  history.replaceState(null, '', page);
  await setViewport({ width: 800, height: 600 });
  expect(warnings).to.deep.equal([]);
});

/** Opened as from the emailed link: `#token=…` in the address. */
async function open(attrs: { locale?: string; bookUrl?: string; hash?: string } = {}) {
  history.replaceState(null, '', `${page}${attrs.hash ?? `#token=${PATHWAY_TOKEN}`}`);
  const el = await fixture<MobilisePathway>(
    html`<mobilise-pathway endpoint=${ENDPOINT} locale=${attrs.locale ?? ''} book-url=${attrs.bookUrl ?? ''}></mobilise-pathway>`,
  );
  return { el, root: el.shadowRoot! };
}
const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
const ready = (root: ShadowRoot) => waitUntil(() => root.querySelector('#steps-heading'), 'the pathway never showed', { timeout: 4000 });
function focused(): string {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a ? a.id || a.localName : 'nothing';
}

describe('<mobilise-pathway>', () => {
  it('takes the token out of the address, sends it in a POST body (never the URL), and shows the pathway', async () => {
    const { el, root } = await open();
    expect(location.hash, 'the token left the address bar').to.equal('');
    expect(location.href).to.equal(page);
    await ready(root);
    expect(calls).to.deep.equal([{ method: 'POST', url: `${ENDPOINT}/v1/pathway`, body: { token: PATHWAY_TOKEN, locale: 'en-GB' } }]);
    expect(text(root, 'h1')).to.equal('Your Mobilise pathway');
    expect(text(root, '#progress-text')).to.equal('1 of 6 modules on your pathway attended');
    const progress = root.querySelector('progress')!;
    expect([progress.value, progress.max]).to.deep.equal([1, 6]);
    expect(text(root, '.muted')).to.equal('Across the whole programme you have attended 1 of its 12 modules.');
    expect(root.querySelector<HTMLSelectElement>('#audience')!.value).to.equal('new-activists');
    expect(text(root, '.next strong')).to.equal('Field Organising (part one)');
    expect(text(root, '.next p')).to.match(/^You are booked on it: Sunday,? 10 January 2027, 18:30\.$/);
    expect(texts(root, 'ol.steps li').slice(0, 3)).to.deep.equal([
      'Voter Persuasion Attended',
      'Field Organising (part one) Booked',
      'Field Organising (part two) To take',
    ]);
    expect(text(root, 'ul.items li')).to.match(/^Field Organising \(part one\) Sunday,? 10 January 2027, 18:30 · Glasgow Confirmed$/);
    expect(texts(root, '[aria-labelledby="attended-heading"] li')).to.have.length(1);
    expect(root.querySelector('#empty-heading'), 'not the empty state').to.equal(null);
    expect(el.getAttribute('lang'), 'the host is left alone').to.equal(null);
    expect(root.querySelector('.page')!.getAttribute('lang')).to.equal('en-GB');
    await expect(el).to.be.accessible();
  });

  it('keeps the token for this tab only, so a reload opens the pathway again', async () => {
    await open();
    expect(sessionStorage.getItem('mobilise-pathway-token')).to.equal(PATHWAY_TOKEN);
    const { root } = await open({ hash: '' });
    await ready(root);
    expect(calls.map((c) => c.body.token)).to.deep.equal([PATHWAY_TOKEN, PATHWAY_TOKEN]);
  });

  it('while loading, says so and keeps the space a pathway takes (no jump when it arrives)', async () => {
    let release!: () => void;
    answer = () => new Promise((resolve) => (release = () => resolve(json(partWay))));
    const { root } = await open();
    expect(text(root, '[role="status"]')).to.equal('Loading your pathway…');
    expect(root.querySelector('.page')!.getAttribute('aria-busy')).to.equal('true');
    const skeleton = root.querySelector('.placeholder')!;
    expect(skeleton.getAttribute('aria-hidden')).to.equal('true');
    expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(150);
    release();
    await ready(root);
    expect(root.querySelector('.page')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('without a link, asks for nothing and says how to open the pathway', async () => {
    const { root } = await open({ hash: '' });
    expect(calls).to.deep.equal([]);
    expect(text(root, 'h2')).to.equal('Open your pathway from an email');
    expect(text(root, '.state p')).to.include('“Your Mobilise pathway” link at the end of any email');
  });

  it('with a link that does not work (unknown, erased or cut off), says so and shows no data', async () => {
    for (const answerWith of [() => problem(404, 'token-invalid'), () => problem(422, 'validation')]) {
      answer = answerWith;
      const { el, root } = await open();
      await waitUntil(() => text(root, 'h2') === 'This link does not work');
      expect(root.querySelector('ol, ul, progress, select')).to.equal(null);
      expect(root.querySelector('button'), 'nothing to try again').to.equal(null);
      await expect(el).to.be.accessible();
    }
  });

  it('when the request fails, offers to try again, by keyboard too', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    const { el, root } = await open();
    await waitUntil(() => root.querySelector('button'));
    expect(text(root, '[role="alert"] h2')).to.equal('We could not load your pathway');
    await expect(el).to.be.accessible();
    answer = () => json(partWay);
    root.querySelector('button')!.focus();
    expect(focused()).to.equal('button');
    await sendKeys({ press: 'Enter' });
    await ready(root);
    expect(calls).to.have.length(2);
  });

  it('a server error or an answer that is not a pathway is a failure to retry, not a broken link', async () => {
    for (const bad of [() => problem(500, 'server-error'), () => json({ steps: 'nope' })]) {
      answer = bad;
      const { root } = await open();
      await waitUntil(() => text(root, 'h2') === 'We could not load your pathway');
    }
  });

  it('with nothing booked yet, suggests the first module of the pathway', async () => {
    answer = () => json(nothingYet);
    const { el, root } = await open({ bookUrl: 'https://clp.example/training?module={module}' });
    await ready(root);
    expect(text(root, '#empty-heading')).to.equal('Nothing booked yet');
    expect(text(root, '#empty-heading + p')).to.equal('Your pathway starts with Voter Persuasion.');
    const book = root.querySelector<HTMLAnchorElement>('.next a')!;
    expect([book.textContent, book.href]).to.deep.equal(['Find a session of Voter Persuasion', 'https://clp.example/training?module=voter-persuasion']);
    expect(text(root, '#progress-text')).to.equal('0 of 6 modules on your pathway attended');
    expect(root.querySelector('#booked-heading, #attended-heading')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('with every step attended, says so instead of a next module', async () => {
    answer = () => json(finished);
    const { root } = await open();
    await ready(root);
    expect(text(root, '[aria-labelledby="next-heading"] p')).to.equal('You have taken every module on this pathway. Well done!');
    expect(text(root, '#progress-text')).to.equal('8 of 8 modules on your pathway attended');
  });

  it('chooses another pathway by keyboard: PUT with the audience, the new steps shown, a failure said', async () => {
    answer = (call) => json(call.method === 'PUT' ? pathwayOf(call.body.audience as 'role-holders', ['voter-persuasion'], ['field-organising-1'], true) : partWay);
    const { root } = await open();
    await ready(root);
    const select = root.querySelector<HTMLSelectElement>('#audience')!;
    // The select is reached by Tab from the page's start (the first control on it).
    document.body.tabIndex = -1;
    document.body.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('audience');
    expect(select.labels![0]!.textContent).to.equal('Your pathway');
    select.value = 'role-holders';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => text(root, 'ol.steps li') === 'Building your CLP To take', 'the role-holders’ steps never showed');
    expect(calls.at(-1)).to.deep.equal({ method: 'PUT', url: `${ENDPOINT}/v1/pathway/audience`, body: { token: PATHWAY_TOKEN, locale: 'en-GB', audience: 'role-holders' } });
    expect(text(root, '#progress-text')).to.equal('0 of 9 modules on your pathway attended');

    answer = () => Promise.reject(new TypeError('offline'));
    select.value = 'candidates';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => root.querySelector('.save-error'));
    expect(text(root, '.save-error')).to.equal('We could not save your choice. Check your connection, then choose again.');
    expect(root.querySelector('#steps-heading'), 'the pathway stays').to.not.equal(null);
  });

  it('in Gaelic: lang, words, its plural forms, and English titles marked as English', async () => {
    answer = () => json(partWayGaelic);
    const { el, root } = await open({ locale: 'gd' });
    await ready(root);
    expect(calls[0]!.body.locale).to.equal('gd');
    expect(root.querySelector('.page')!.getAttribute('lang')).to.equal('gd');
    expect(text(root, 'h1')).to.equal('An t-slighe Mobilise agad');
    // Six is "few" in Gaelic's plural rules: modalan.
    expect(text(root, '#progress-text')).to.equal('Chaidh thu gu 1 à 6 modalan air an t-slighe agad');
    expect(text(root, 'ol.steps li')).to.equal('Cur Ìmpidh air Luchd-bhòtaidh Chaidh thu ann');
    expect(root.querySelector('ol.steps li:first-child [lang]'), 'a Gaelic title on a Gaelic page needs no lang of its own').to.equal(null);
    expect(root.querySelector('ol.steps li:nth-child(2) [lang]')!.getAttribute('lang')).to.equal('en-GB');
    await expect(el).to.be.accessible();
  });

  it('in Welsh from the page’s lang, with Welsh plural forms', async () => {
    answer = () => json(pathwayOf('new-activists', [], []));
    history.replaceState(null, '', `${page}#token=${PATHWAY_TOKEN}`);
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="cy-GB"><mobilise-pathway endpoint=${ENDPOINT}></mobilise-pathway></div>`);
    const root = wrapper.querySelector('mobilise-pathway')!.shadowRoot!;
    await ready(root);
    expect(calls[0]!.body.locale).to.equal('cy');
    expect(text(root, 'h1')).to.equal('Eich llwybr Mobilise');
    expect(text(root, '#progress-text')).to.equal('Rydych wedi mynychu 0 o’r 6 modiwl ar eich llwybr');
    expect(text(root, '.next p'), 'no book-url: ask the local party').to.match(/^Gofynnwch i’ch plaid leol/);
  });

  it(`at 320 px (480 in WebKit) nothing scrolls sideways; axe-clean`, async () => {
    const width = engine === 'webkit' ? 480 : 320;
    await setViewport({ width, height: 640 });
    const { el, root } = await open({ bookUrl: 'https://clp.example/training?module={module}' });
    await ready(root);
    expect(document.documentElement.scrollWidth).to.be.at.most(width);
    for (const li of root.querySelectorAll('li')) expect(li.getBoundingClientRect().right).to.be.at.most(width);
    await expect(el).to.be.accessible();
  });
});

export type { Pathway };
