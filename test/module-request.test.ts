/**
 * <mobilise-module-request>, the request page's element, in a real browser: the form (module
 * preselected from `?module=`, area prefilled, consent, privacy link), the rules before sending
 * (error summary, focus, nothing sent), sending (one POST, the button says so), sent (what was
 * asked, never more), the server's field errors in the page's words, every other failure in words
 * with nothing lost, and the emailed link: the token out of the address, POSTed, confirmed,
 * expired, unknown, failed and retried; Gaelic; axe in every state. The API is faked at fetch
 * (test/helpers/mock-api.ts) answering as server/routes/module-requests.ts.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/module-request/define.js';
import type { MobiliseModuleRequest } from '../src/elements/module-request/module-request.js';
import { requestWords } from '../src/elements/module-request/words.js';
import { collectLitWarnings } from './helpers/lit-warnings.js';
import { fixtures, gate, json, mockApis, problem, type MockApi } from './helpers/mock-api.js';

const api = mockApis();
const warnings = collectLitWarnings();
const t = requestWords('en-GB');
const page = location.href.split(/[?#]/)[0]!;
const FROM = 'https://clp.example.org/training';
const TOKEN = 'A'.repeat(43);
const MODULE = fixtures.modules[2]!;

afterEach(() => {
  history.replaceState(null, '', page);
  expect(warnings).to.deep.equal([]);
});

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (el: Element, sel: string) => $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
function focused(): string {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a ? a.id || a.className || a.localName : 'nothing';
}
const posts = (a: MockApi) => a.calls.filter((c) => c.method === 'POST');

/** The page as the embed's link opens it: `?module=…&area=…&from=…`. */
async function open(a: MockApi, { query = `?module=${MODULE.id}&area=Paisley&from=${encodeURIComponent(FROM)}`, hash = '', attrs = '' } = {}) {
  history.replaceState(null, '', `${page}${query}${hash}`);
  const el = await fixture<MobiliseModuleRequest>(`<mobilise-module-request endpoint="${a.endpoint}" ${attrs}></mobilise-module-request>`);
  return el;
}
const formShown = (el: MobiliseModuleRequest) => waitUntil(() => $(el, 'form'), 'the form', { timeout: 4000 });
const outcome = (el: MobiliseModuleRequest) => waitUntil(() => $(el, '.result-heading'), 'an outcome', { timeout: 4000 });

async function fill(el: MobiliseModuleRequest, values: { email?: string; area?: string; consent?: boolean }) {
  for (const [name, value] of Object.entries(values)) {
    const input = $<HTMLInputElement>(el, `[name="${name}"]`)!;
    if (typeof value === 'boolean') {
      if (input.checked !== value) input.click();
    } else {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  await el.updateComplete;
}
async function submit(el: MobiliseModuleRequest) {
  $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
  await el.updateComplete;
  await el.updateComplete;
}

describe('<mobilise-module-request>: asking', () => {
  it('shows the form with the module preselected from the address and the area prefilled, every control labelled', async () => {
    const a = api();
    const el = await open(a);
    expect(el.shadowRoot!.querySelector('.page')!.getAttribute('aria-busy'), 'loading the modules').to.equal('true');
    await formShown(el);
    const select = $<HTMLSelectElement>(el, '#f-moduleId')!;
    expect(select.value).to.equal(MODULE.id);
    expect(select.options.length, 'every module, and a blank').to.equal(fixtures.modules.length + 1);
    expect($<HTMLInputElement>(el, '#f-area')!.value).to.equal('Paisley');
    expect($<HTMLInputElement>(el, '#f-email')!.value).to.equal('');
    expect($<HTMLInputElement>(el, '#f-consent')!.checked, 'consent is never ticked for the member').to.equal(false);
    expect(text(el, 'label[for="f-consent"]')).to.equal(t.consent);
    expect($(el, '.choice-hint a'), 'no privacy notice configured: none linked').to.equal(null);
    expect(a.calls.map((c) => `${c.method} ${new URL(c.url).pathname}`)).to.deep.equal(['GET /v1/modules']);
    await expect(el).to.be.accessible();
  });

  it('links the privacy notice the server names, never a script URL', async () => {
    const el = await open(api(), { attrs: 'privacy-url="https://example.org/privacy"' });
    await formShown(el);
    expect($<HTMLAnchorElement>(el, '.choice-hint a')!.href).to.equal('https://example.org/privacy');
    expect($(el, '#f-consent')!.getAttribute('aria-describedby')).to.equal('f-consent-hint');
    await expect(el).to.be.accessible();
    const bad = await open(api(), { attrs: 'privacy-url="javascript:alert(1)"' });
    await formShown(bad);
    expect($(bad, '.choice-hint a')).to.equal(null);
  });

  it('checks the answers before sending: an error summary that takes focus, each question marked, nothing sent', async () => {
    const a = api();
    const el = await open(a, { query: '' });
    await formShown(el);
    await submit(el);
    await waitUntil(() => $(el, '.error-summary'), 'the summary');
    expect($$(el, '.error-summary a').map((l) => l.textContent)).to.deep.equal([t.errors.moduleId, t.errors.area, t.errors.email, t.errors.consent]);
    await waitUntil(() => focused().includes('error-summary'), `the summary takes focus, not ${focused()}`);
    for (const id of ['f-moduleId', 'f-area', 'f-email', 'f-consent']) {
      expect($(el, `#${id}`)!.getAttribute('aria-invalid'), id).to.equal('true');
      expect($(el, `#${id}`)!.getAttribute('aria-describedby'), id).to.contain(`${id}-error`);
    }
    expect(posts(a)).to.have.length(0);
    await expect(el).to.be.accessible();
    // The summary's link takes the member to the question.
    $<HTMLAnchorElement>(el, '.error-summary a[data-field="email"]')!.click();
    expect(focused()).to.equal('f-email');
    await sendKeys({ type: 'not-an-address' });
    await submit(el);
    expect(text(el, '#f-email-error')).to.equal(`${t.errorPrefix} ${t.errors.email}`);
  });

  it('sends once (the button says so while it goes), then says to check the email: no more than happened', async () => {
    const a = api();
    const g = gate();
    a.routes['POST /v1/module-requests'] = async ({ body }) => {
      await g.promise;
      const { moduleId, area } = body as { moduleId: string; area: string };
      return json({ status: 'pending', moduleId, area: area.trim() }, 202);
    };
    const el = await open(a);
    await formShown(el);
    await fill(el, { email: ' ewan@example.org ', consent: true });
    await submit(el);
    const button = $<HTMLButtonElement>(el, 'button[type="submit"]')!;
    expect(button.textContent!.trim()).to.equal(t.sending);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await submit(el);
    expect(posts(a), 'a second press sends nothing').to.have.length(1);
    expect(posts(a)[0]!.body).to.deep.equal({
      moduleId: MODULE.id,
      area: 'Paisley',
      email: 'ewan@example.org',
      consent: true,
      locale: 'en-GB',
      website: '',
      returnUrl: FROM,
    });
    g.release();
    await outcome(el);
    expect(text(el, '.result-heading')).to.equal(t.sent.heading);
    expect(text(el, '.result p')).to.equal(t.sent.body('ewan@example.org'));
    expect($<HTMLAnchorElement>(el, '.result a')!.href, 'back to the CLP page').to.equal(FROM);
    await waitUntil(() => focused() === 'result-heading', `the outcome takes focus, not ${focused()}`);
    await expect(el).to.be.accessible();
  });

  it('shows the server’s field errors in the page’s words, keeping every answer', async () => {
    const a = api();
    a.routes['POST /v1/module-requests'] = () =>
      problem(422, 'validation', { errors: [{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }, { field: 'area', message: 'Enter the name of an area or CLP' }] });
    const el = await open(a, { attrs: 'locale="gd"' });
    await formShown(el);
    await fill(el, { email: 'mairi@example.org', consent: true });
    await submit(el);
    await waitUntil(() => $(el, '.error-summary'), 'the summary');
    const gd = requestWords('gd');
    expect($$(el, '.error-summary a').map((l) => l.textContent)).to.deep.equal([gd.errors.area, gd.errors.email]);
    expect(text(el, 'h1')).to.equal(gd.heading);
    expect($<HTMLInputElement>(el, '#f-email')!.value).to.equal('mairi@example.org');
    expect($<HTMLInputElement>(el, '#f-consent')!.checked).to.equal(true);
    expect(posts(a)[0]!.body).to.include({ locale: 'gd' });
    await expect(el).to.be.accessible();
  });

  for (const [what, answer, words] of [
    ['the server failing', () => problem(500, 'server-error'), t.failed],
    ['too many requests', () => problem(429, 'rate-limited', { retryAfter: 30 }), t.busy],
    ['a page the server does not serve', () => problem(403, 'forbidden'), t.refused],
    ['no connection', () => Promise.reject(new TypeError('Failed to fetch')), t.offline],
  ] as const) {
    it(`says what to do on ${what}, and loses nothing`, async () => {
      const a = api();
      a.routes['POST /v1/module-requests'] = answer;
      const el = await open(a);
      await formShown(el);
      await fill(el, { email: 'ewan@example.org', consent: true });
      await submit(el);
      await waitUntil(() => $(el, '[part="notice"]'), 'a notice');
      expect(text(el, '[part="notice"]')).to.equal(words);
      await waitUntil(() => focused().includes('state'), `the notice takes focus, not ${focused()}`);
      expect($<HTMLInputElement>(el, '#f-email')!.value).to.equal('ewan@example.org');
      expect($<HTMLSelectElement>(el, '#f-moduleId')!.value).to.equal(MODULE.id);
      expect(posts(a), 'never sent twice by itself').to.have.length(1);
      await expect(el).to.be.accessible();
    });
  }

  it('a module no longer in the programme is a question to answer again', async () => {
    const a = api();
    a.routes['POST /v1/module-requests'] = () => problem(404, 'not-found');
    const el = await open(a);
    await formShown(el);
    await fill(el, { email: 'ewan@example.org', consent: true });
    await submit(el);
    await waitUntil(() => $(el, '#f-moduleId-error'), 'the module’s error');
    expect(text(el, '#f-moduleId-error')).to.equal(`${t.errorPrefix} ${t.unknownModule}`);
  });

  it('says so when the modules cannot be loaded, and tries again', async () => {
    const a = api();
    a.routes['GET /v1/modules'] = () => problem(503, 'server-error');
    const el = await open(a);
    await waitUntil(() => $(el, '.result-heading'), 'the failure');
    expect(text(el, '.result-heading')).to.equal(t.modulesFailed.heading);
    await expect(el).to.be.accessible();
    a.routes['GET /v1/modules'] = () => json({ modules: fixtures.modules });
    $<HTMLButtonElement>(el, '.result button')!.click();
    await formShown(el);
  });
});

describe('<mobilise-module-request>: the emailed link', () => {
  it('takes the token out of the address, POSTs it, and says the request is confirmed', async () => {
    const a = api();
    a.routes['POST /v1/module-requests/confirm'] = () => json({ status: 'open', moduleId: MODULE.id, area: 'Paisley' });
    const el = await open(a, { query: '', hash: `#mobilise-request=${TOKEN}` });
    expect(location.hash, 'out of the address bar at once').to.equal('');
    await outcome(el);
    expect(text(el, '.result-heading')).to.equal(t.confirmed.heading);
    expect(text(el, '.result p')).to.equal(t.confirmed.body('Paisley'));
    expect(posts(a).map((c) => [new URL(c.url).pathname, c.body])).to.deep.equal([['/v1/module-requests/confirm', { token: TOKEN }]]);
    expect(a.calls.every((c) => !c.url.includes(TOKEN)), 'never in a URL').to.equal(true);
    await expect(el).to.be.accessible();
  });

  for (const [status, code, words] of [
    [410, 'token-expired', t.expired],
    [404, 'token-invalid', t.invalid],
  ] as const) {
    it(`says in words when the link ${code === 'token-expired' ? 'has expired' : 'does not work'}`, async () => {
      const a = api();
      a.routes['POST /v1/module-requests/confirm'] = () => problem(status, code);
      const el = await open(a, { query: '', hash: `#mobilise-request=${TOKEN}` });
      await outcome(el);
      expect(text(el, '.result-heading')).to.equal(words.heading);
      expect(text(el, '.result p')).to.equal(words.body);
      await expect(el).to.be.accessible();
    });
  }

  it('a failed confirmation can be tried again', async () => {
    const a = api();
    a.routes['POST /v1/module-requests/confirm'] = () => problem(500, 'server-error');
    const el = await open(a, { query: '', hash: `#mobilise-request=${TOKEN}` });
    await outcome(el);
    expect(text(el, '.result-heading')).to.equal(t.confirmFailed.heading);
    await expect(el).to.be.accessible();
    a.routes['POST /v1/module-requests/confirm'] = () => json({ status: 'open', moduleId: MODULE.id, area: 'Paisley' });
    $<HTMLButtonElement>(el, '.result button')!.click();
    await waitUntil(() => text(el, '.result-heading') === t.confirmed.heading, 'confirmed on the retry');
  });

  it('shows the confirmation in Welsh on a Welsh page', async () => {
    const a = api();
    a.routes['POST /v1/module-requests/confirm'] = () => json({ status: 'open', moduleId: MODULE.id, area: 'Caerdydd' });
    history.replaceState(null, '', `${page}#mobilise-request=${TOKEN}`);
    const host = await fixture<HTMLElement>(html`<div lang="cy"><mobilise-module-request endpoint=${a.endpoint}></mobilise-module-request></div>`);
    const el = host.firstElementChild as MobiliseModuleRequest;
    await outcome(el);
    expect(text(el, '.result-heading')).to.equal(requestWords('cy').confirmed.heading);
    expect(text(el, '.result p')).to.equal(requestWords('cy').confirmed.body('Caerdydd'));
  });
});
