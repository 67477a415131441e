/**
 * The embed configurator (demo/configurator.html + .ts): the real page markup,
 * wired by the real module, against the mock API. Choosing options must change
 * both the snippet and the live preview; typed values must never break out of
 * the snippet's attributes.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setViewport } from './helpers/viewport.js';
import {
  DEFAULTS,
  buildSnippet,
  contrastRatio,
  formatRatio,
  mountConfigurator,
  type Configurator,
  type EmbedOptions,
} from '../demo/configurator.js';
import { en } from '../src/strings/en.js';
import { focusedName, has, nameOf } from './helpers/dom.js';
import { fixtures, mockApi, type MockApi } from './helpers/mock-api.js';

const parse = (snippet: string) => new DOMParser().parseFromString(snippet, 'text/html');

describe('configurator snippet', () => {
  const options = (o: Partial<EmbedOptions>): EmbedOptions => ({ ...DEFAULTS, ...o });

  it('escapes attribute values, so a quote or < in a field cannot break out', () => {
    const endpoint = 'https://x.test/"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const area = `Glasgow' onmouseover='alert(3)`;
    const privacyUrl = 'https://example.org/privacy?a=1&b="2"';
    const snippet = buildSnippet(options({ endpoint, area, privacyUrl, module: '<b>x</b>' }));
    expect(snippet).to.not.include('"><script>');
    const doc = parse(snippet);
    expect(doc.querySelectorAll('script')).to.have.length(1);
    expect(doc.querySelector('script')!.getAttribute('src')).to.equal(DEFAULTS.scriptUrl);
    expect(doc.querySelectorAll('img, b')).to.have.length(0);
    const provider = doc.querySelector('mobilise-provider')!;
    expect(provider.getAttribute('endpoint')).to.equal(endpoint);
    expect(provider.getAttribute('area')).to.equal(area);
    expect(provider.getAttribute('privacy-url')).to.equal(privacyUrl);
    expect(provider.getAttributeNames()).to.deep.equal(['endpoint', 'area', 'privacy-url']);
    expect(doc.querySelector('mobilise-session-calendar')!.getAttribute('module')).to.equal('<b>x</b>');
  });

  it('leaves out defaults and writes only the options that differ', () => {
    const doc = parse(buildSnippet(options({ endpoint: 'https://training.example.org' })));
    const tags = [...doc.querySelector('mobilise-provider')!.children].map((c) => c.localName);
    expect(tags).to.deep.equal(['mobilise-module-catalogue', 'mobilise-session-calendar', 'mobilise-signup-form']);
    for (const el of doc.querySelector('mobilise-provider')!.children) expect(el.attributes.length, el.localName).to.equal(0);
    expect(has(doc, 'style'), 'no <style> without an accent').to.equal(false);
  });

  it('themes with a validated hex colour only', () => {
    expect(buildSnippet(options({ accent: '#0B5' }))).to.include('mobilise-provider { --mobilise-accent: #00bb55; }');
    expect(buildSnippet(options({ accent: 'red; } body { display: none' }))).to.not.include('<style>');
  });

  it('adds crossorigin with an integrity hash', () => {
    const integrity = 'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC';
    const script = parse(buildSnippet(options({ integrity }))).querySelector('script')!;
    expect(script.integrity).to.equal(integrity);
    expect(script.getAttribute('crossorigin')).to.equal('anonymous');
    expect(script.type).to.equal('module');
  });

  it('gives visitors without JavaScript a link, and never a javascript: one', () => {
    const link = (fallbackUrl: string) => parse(buildSnippet(options({ fallbackUrl }))).querySelector('noscript a');
    expect(link('https://example.org/training')!.getAttribute('href')).to.equal('https://example.org/training');
    expect(link('training@example.org')!.getAttribute('href')).to.equal('mailto:training@example.org');
    expect(link('training@example.org')!.textContent).to.equal('Email us to book a place');
    expect(link('javascript:alert(1)') === null, 'no javascript: link').to.equal(true);
    expect(parse(buildSnippet(options({}))).querySelector('noscript')!.textContent).to.include('Contact your local Labour party');
  });

  it('computes WCAG contrast ratios and never rounds a failure up to a pass', () => {
    expect(contrastRatio('#ffffff', '#000000')).to.be.closeTo(21, 0.001);
    expect(contrastRatio('#767676', '#ffffff')).to.be.greaterThan(4.5);
    expect(contrastRatio('#777777', '#ffffff')).to.be.lessThan(4.5);
    expect(formatRatio(4.4999)).to.equal('4.49:1');
    expect(formatRatio(21)).to.equal('21:1');
  });
});

/** A small programme keeps the page short enough for axe to check all of it quickly. */
const MODULES = fixtures.modules.slice(0, 4);
const SESSIONS = fixtures.sessions.filter((s) => MODULES.some((m) => m.id === s.moduleId)).slice(0, 8);

describe('configurator page', function () {
  // axe over the whole page (form, code and three live widgets) takes a few seconds on a slow machine.
  this.timeout(30000);
  let main: string;
  let api: MockApi;
  let cfg: Configurator | undefined;
  let root: HTMLElement;

  before(async () => {
    const res = await fetch('/demo/configurator.html');
    main = parse(await res.text()).querySelector('main')!.outerHTML;
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/configurator.css' });
    const loaded = new Promise((r) => link.addEventListener('load', r, { once: true }));
    document.head.append(link);
    await loaded;
  });

  afterEach(() => {
    cfg?.destroy();
    cfg = undefined;
    api?.restore();
  });

  const $ = <T extends HTMLElement = HTMLInputElement>(sel: string) => root.querySelector<T>(sel)!;
  const snippet = () => $<HTMLTextAreaElement>('#snippet').value;
  const preview = () => $('#preview');
  const shadowOf = (tag: string) => preview().querySelector(tag)?.shadowRoot;

  /** The page's own markup, endpoint pointed at the mock API, then wired up. */
  async function open(endpoint?: string) {
    api = mockApi({ modules: MODULES, sessions: SESSIONS });
    root = await fixture<HTMLElement>(`<div>${main}</div>`);
    $('#endpoint').value = endpoint ?? api.endpoint;
    cfg = mountConfigurator(root);
    await cfg.settled();
  }

  /**
   * axe leaves the colour contrast of content outside the viewport unjudged ("incomplete").
   * A viewport tall enough for the whole page puts everything in view, so every element
   * really is checked.
   */
  async function expectAccessible() {
    await setViewport({ width: 1024, height: Math.max(600, root.scrollHeight + 100) });
    try {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await expect(root).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  }

  function type(sel: string, value: string) {
    const input = $(sel);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function choose(sel: string, value: string) {
    const select = $<HTMLSelectElement>(sel);
    select.value = value;
    expect(select.value, `${sel} has option ${value}`).to.equal(value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('starts with all three elements in the snippet and the preview, and is accessible', async () => {
    await open();
    const doc = parse(snippet());
    expect(doc.querySelector('mobilise-provider')!.getAttribute('endpoint')).to.equal(api.endpoint);
    expect(doc.querySelector('script')!.getAttribute('src')).to.equal('https://YOUR-CDN/mobilise.js');
    expect(has(doc, 'noscript'), 'a <noscript> fallback').to.equal(true);
    const tags = [...preview().querySelector('mobilise-provider')!.children].map((c) => c.localName);
    expect(tags).to.deep.equal(['mobilise-module-catalogue', 'mobilise-session-calendar', 'mobilise-signup-form']);
    expect(preview().querySelector('mobilise-provider')!.getAttribute('endpoint')).to.equal(api.endpoint);
    await waitUntil(() => shadowOf('mobilise-session-calendar')?.querySelector('[part~="session"]'), 'preview calendar shows sessions');
    await waitUntil(() => shadowOf('mobilise-module-catalogue')?.querySelector('[part~="card"]'), 'preview catalogue shows modules');
    // Module list for the calendar filter comes from the endpoint.
    expect($<HTMLSelectElement>('#module').options.length).to.equal(MODULES.length + 1);
    expect([...$('#snippet-notes').querySelectorAll('li')].map((li) => li.textContent)).to.include(
      'Replace https://YOUR-CDN/mobilise.js with the address where you uploaded mobilise.js.',
    );
    await expectAccessible();
  });

  it('updates the snippet and the preview as options are chosen', async () => {
    await open();
    $('#elements-calendar').click();
    $('#view-month').click();
    choose('#delivery', 'online');
    const moduleId = MODULES[2]!.id;
    choose('#module', moduleId);
    type('#area', 'Glasgow');
    await cfg!.settled();

    const doc = parse(snippet());
    expect(has(doc, 'mobilise-module-catalogue'), 'no catalogue').to.equal(false);
    expect(has(doc, 'mobilise-signup-form'), 'no signup form').to.equal(false);
    const cal = doc.querySelector('mobilise-session-calendar')!;
    expect([cal.getAttribute('view'), cal.getAttribute('delivery'), cal.getAttribute('module')]).to.deep.equal(['month', 'online', moduleId]);
    expect(doc.querySelector('mobilise-provider')!.getAttribute('area')).to.equal('Glasgow');

    const live = preview().querySelector('mobilise-session-calendar')!;
    expect(preview().querySelectorAll('mobilise-module-catalogue, mobilise-signup-form')).to.have.length(0);
    expect([live.getAttribute('view'), live.getAttribute('delivery'), live.getAttribute('module')]).to.deep.equal(['month', 'online', moduleId]);
    expect(preview().querySelector('mobilise-provider')!.getAttribute('area')).to.equal('Glasgow');
    await waitUntil(() => shadowOf('mobilise-session-calendar')?.querySelector('[part~="grid"]'), 'preview shows the month grid');
    // Only the options that apply are offered.
    expect($('[data-for="all catalogue"]').hidden).to.equal(true);
    expect($('[data-for="all calendar"]').hidden).to.equal(false);
  });

  it('is usable with the keyboard: arrow keys move between element choices', async () => {
    await open();
    $('#elements-all').focus();
    await sendKeys({ press: 'ArrowDown' });
    expect($('#elements-catalogue').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    expect($('#layout-list').checked).to.equal(true);
    await cfg!.settled();
    const doc = parse(snippet());
    expect([...doc.querySelector('mobilise-provider')!.children].map((c) => c.outerHTML)).to.deep.equal([
      '<mobilise-module-catalogue layout="list"></mobilise-module-catalogue>',
    ]);
    expect(preview().querySelector('mobilise-module-catalogue')!.getAttribute('layout')).to.equal('list');
  });

  it('checks the endpoint with the library, so the message is the one the widget shows', async () => {
    await open();
    type('#endpoint', 'ftp://example.org/data');
    await cfg!.settled();
    const error = $('#endpoint-error');
    const expected = en.state.invalidEndpoint('ftp://example.org/data');
    expect(error.hidden).to.equal(false);
    expect(error.textContent).to.equal(`Error: ${expected}`);
    expect($('#endpoint').getAttribute('aria-invalid')).to.equal('true');
    expect($('#endpoint').getAttribute('aria-describedby')!.split(' ')).to.include('endpoint-error');
    await waitUntil(() => shadowOf('mobilise-module-catalogue')?.querySelector('[part~="error"]'), 'widget shows its set-up message');
    expect(shadowOf('mobilise-module-catalogue')!.querySelector('[part~="error"]')!.textContent!.trim()).to.equal(expected);
    await expectAccessible();

    type('#endpoint', '');
    expect(error.textContent).to.equal(`Error: ${en.state.missingEndpoint}`);

    type('#endpoint', '/mobilise.json');
    expect(error.hidden).to.equal(true);
    expect($('#endpoint').hasAttribute('aria-invalid')).to.equal(false);
    expect($('#endpoint-mode').textContent).to.include('Static file');
  });

  it('checks the accent colour’s contrast with white text and themes the preview', async () => {
    await open();
    expect($('#accent-contrast').className).to.include('pass');
    type('#accent', '#ffdd00');
    const warning = $('#accent-contrast');
    expect(warning.className).to.include('fail');
    expect(warning.textContent).to.match(/^Warning: .* only 1\.\d+:1\. WCAG AA needs at least 4\.5:1/);
    expect(snippet()).to.include('--mobilise-accent: #ffdd00;');
    await cfg!.settled();
    const provider = preview().querySelector<HTMLElement>('mobilise-provider')!;
    expect(provider.style.getPropertyValue('--mobilise-accent')).to.equal('#ffdd00');
    await waitUntil(() => shadowOf('mobilise-module-catalogue')?.querySelector('[part~="select-button"]'), 'catalogue loaded');
    const button = shadowOf('mobilise-module-catalogue')!.querySelector('[part~="select-button"]')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(255, 221, 0)');
    expect($<HTMLInputElement>('#accent-picker').value).to.equal('#ffdd00');

    // The colour picker writes the text field.
    const picker = $('#accent-picker');
    picker.value = '#1d4ed8';
    picker.dispatchEvent(new Event('input', { bubbles: true }));
    expect($('#accent').value).to.equal('#1d4ed8');
    expect(warning.className).to.include('pass');
    expect(snippet()).to.include('--mobilise-accent: #1d4ed8;');

    type('#accent', 'blue-ish');
    expect($('#accent-error').textContent).to.equal('Error: Enter a colour as a hex code, like #e4003b');
    expect(snippet()).to.not.include('<style>');
  });

  it('copies the snippet and announces it in a live region', async () => {
    await open();
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    Object.defineProperty(clipboard, 'writeText', { configurable: true, value: async (text: string) => void copied.push(text) });
    try {
      const status = $('#copy-status');
      expect(status.getAttribute('role')).to.equal('status');
      $('#copy').click();
      await waitUntil(() => status.textContent === 'Copied', 'announced');
      expect(copied).to.deep.equal([snippet()]);

      Object.defineProperty(clipboard, 'writeText', { configurable: true, value: () => Promise.reject(new Error('denied')) });
      $('#copy').click();
      await waitUntil(() => status.textContent!.startsWith('Could not copy'), 'failure announced');
      const area = $<HTMLTextAreaElement>('#snippet');
      expect(focusedName(root.ownerDocument), 'the snippet is selected for copying by hand').to.equal(nameOf(area));
      expect([area.selectionStart, area.selectionEnd]).to.deep.equal([0, area.value.length]);
    } finally {
      delete (clipboard as unknown as Record<string, unknown>).writeText;
    }
  });

  it('escapes a hostile endpoint in the snippet and keeps it an attribute in the preview', async () => {
    await open();
    // Under the mock API's prefix, so the preview's requests never leave the page.
    const hostile = `${api.endpoint}/"><script>alert(1)</script>`;
    type('#endpoint', hostile);
    expect(snippet()).to.include(`endpoint="${api.endpoint}/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`);
    const doc = parse(snippet());
    expect(doc.querySelectorAll('script')).to.have.length(1);
    expect(doc.querySelector('mobilise-provider')!.getAttribute('endpoint')).to.equal(hostile);
    await cfg!.settled();
    expect(has(preview(), 'script'), 'no script in the preview').to.equal(false);
    expect(preview().querySelector('mobilise-provider')!.getAttribute('endpoint')).to.equal(hostile);
  });

  it('builds a one-session signup form from the endpoint’s sessions', async () => {
    await open();
    $('#elements-signup').click();
    expect($('[data-for="signup"]').hidden).to.equal(false);
    expect($('#session-id-error').textContent).to.equal('Error: Choose the session this form signs people up for');
    const select = $<HTMLSelectElement>('#session-id');
    expect(select.options.length).to.be.greaterThan(1);
    const id = select.options[1]!.value;
    choose('#session-id', id);
    expect($('#session-id-error').hidden).to.equal(true);
    await cfg!.settled();
    expect(parse(snippet()).querySelector('mobilise-signup-form')!.getAttribute('session-id')).to.equal(id);
    expect(preview().querySelector('mobilise-signup-form')!.getAttribute('session-id')).to.equal(id);
    await waitUntil(() => shadowOf('mobilise-signup-form')?.querySelector('[part~="form"]'), 'preview form for that session');
    await expectAccessible();
  });

  it('previews dark mode as a page with color-scheme: dark', async () => {
    await open();
    await waitUntil(() => shadowOf('mobilise-module-catalogue')?.querySelector('[part~="card-title"]'), 'catalogue loaded');
    const title = () => getComputedStyle(shadowOf('mobilise-module-catalogue')!.querySelector('[part~="card-title"]')!).color;
    expect(title()).to.equal('rgb(29, 29, 31)');
    $('#preview-dark').click();
    expect(title()).to.equal('rgb(242, 242, 244)');
    await expectAccessible();
  });
});
