/**
 * The organiser console (issue 12) in a real browser: sign-in (validation, "Check your email",
 * the emailed link's token exchanged and taken out of the address), the sessions table (rows,
 * filters sent to the server, 320 px without sideways scrolling), axe, keyboard only.
 *
 * It runs the BUILT console (dist/admin/admin.js, `npm run build`): src/contract/admin.ts needs
 * real zod, and this runner aliases zod/mini to zod-lite for the embed's sake. The API is faked
 * at fetch, answering as server/routes/organisers.ts and admin-sessions.ts do.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fixtures } from './helpers/mock-api.js';
import { engine } from './helpers/engine.js';
import { setViewport } from './helpers/viewport.js';

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => unknown): void;
declare function before(fn: () => unknown): void;
declare function afterEach(fn: () => unknown): void;

const BUILT = '/dist/admin/admin.js';
const ENDPOINT = 'https://console.mobilise.test';
const TOKEN = 'A'.repeat(43);
const CSRF = 'csrf-token-for-tests';
const organiser = { id: 7, name: 'Ailsa Organiser', role: 'organiser' as const, areas: ['Glasgow', 'Edinburgh'] };
const problem = (status: number, code: string, title: string, extra: object = {}) =>
  new Response(JSON.stringify({ type: `https://mobilise.invalid/problems/${code}`, title, status, code, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const managed = fixtures.sessions.slice(0, 6).map((session, i) => ({
  session: { ...session, area: i % 2 ? 'Edinburgh' : 'Glasgow' },
  published: true,
  version: 1,
  counts: { capacity: session.capacity, confirmed: i, pending: 1, waitlisted: i % 3, cancelled: 0, attended: 0 },
}));

interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}
let calls: Call[] = [];
let signedIn = false;
let answers: Partial<Record<string, () => Response>> = {};
const realFetch = window.fetch.bind(window);

/** The admin API as the reference backend answers it, one session at a time. */
function fakeAdminApi(method: string, path: string, query: URLSearchParams, body: any): Response {
  const own = answers[`${method} ${path}`];
  if (own) return own();
  if (method === 'POST' && path === '/v1/admin/sign-in') return json({ status: 'sent' }, 202);
  if (method === 'POST' && path === '/v1/admin/session') {
    if (body?.token !== TOKEN) return problem(404, 'token-invalid', 'This sign-in link does not work', { detail: 'Ask for a new link.' });
    signedIn = true;
    return json({ organiser, csrfToken: CSRF });
  }
  if (!signedIn) return problem(401, 'unauthorized', 'Sign in first');
  if (method === 'GET' && path === '/v1/admin/me') return json({ organiser, csrfToken: CSRF });
  if (method === 'POST' && path === '/v1/admin/sign-out') return (signedIn = false), new Response(null, { status: 204 });
  if (method === 'GET' && path === '/v1/admin/modules') return json({ modules: fixtures.modules.map((module) => ({ module, version: 1 })) });
  if (method === 'GET' && path === '/v1/admin/sessions')
    return json({ sessions: managed.filter((m) => !query.get('area') || m.session.area === query.get('area')).filter((m) => !query.get('module') || m.session.moduleId === query.get('module')) });
  return problem(404, 'not-found', 'Not found');
}

before(async () => {
  const found = await realFetch(BUILT, { method: 'HEAD' });
  if (!found.ok) throw new Error(`${BUILT} is missing: run npm run build first`);
  await import(/* @vite-ignore */ BUILT);
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    if (url.origin !== ENDPOINT) return realFetch(input, init);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const call = { method: init.method ?? 'GET', path: url.pathname, query: url.searchParams, body, headers: { ...(init.headers as Record<string, string>) } };
    calls.push(call);
    return fakeAdminApi(call.method, call.path, call.query, body);
  };
});

const page = location.href.split('#')[0]!;
afterEach(async () => {
  calls = [];
  answers = {};
  signedIn = false;
  history.replaceState(null, '', page);
  await setViewport({ width: 800, height: 600 });
});

type Console = HTMLElement & { updateComplete: Promise<boolean> };
const open = () => fixture<Console>(html`<mobilise-admin-console endpoint=${ENDPOINT}></mobilise-admin-console>`);
const inner = (el: Element, tag: string) => el.shadowRoot!.querySelector(tag) as (HTMLElement & { shadowRoot: ShadowRoot }) | null;
const signInRoot = (el: Element) => inner(el, 'mobilise-admin-sign-in')?.shadowRoot;
const tableOf = (el: Element) => inner(el, 'mobilise-admin-sessions');
const text = (root: ParentNode | null | undefined, selector: string) => root?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The deepest focused element's id (or tag), through the shadow roots. */
function focused(): string {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a ? a.id || a.localName : 'nothing';
}
async function signedInConsole() {
  signedIn = true;
  const el = await open();
  await waitUntil(() => tableOf(el)?.shadowRoot?.querySelector('tbody tr'), 'the sessions table never showed rows', { timeout: 4000 });
  return el;
}

describe('organiser console: sign-in', () => {
  it('asks for an email when nobody is signed in (GET /me says 401), with no notice', async () => {
    const el = await open();
    await waitUntil(() => signInRoot(el)?.querySelector('form'), 'no sign-in form');
    expect(calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal(['GET /v1/admin/me']);
    expect(text(signInRoot(el), 'h1')).to.equal('Sign in to the organiser console');
    expect(text(signInRoot(el), '.state')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('an empty or malformed address: error summary focused, message above the field, link moves focus to it; nothing sent', async () => {
    const el = await open();
    await waitUntil(() => signInRoot(el)?.querySelector('form'));
    const root = signInRoot(el)!;
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root.querySelector('.error-summary'));
    expect(text(root, '.error-summary li')).to.equal('Enter your email address');
    expect(text(root, '#email-error')).to.equal('Error: Enter your email address');
    expect(focused()).to.equal('div');
    expect(root.activeElement?.className).to.contain('error-summary');
    const input = root.querySelector('input')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('email-hint email-error');
    // The message sits above the field (GOV.UK).
    expect(root.querySelector('#email-error')!.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    root.querySelector<HTMLAnchorElement>('.error-summary a')!.click();
    expect(focused()).to.equal('email');

    input.value = 'not-an-address';
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => text(root, '.error-summary li') !== 'Enter your email address');
    expect(text(root, '.error-summary li')).to.equal('Enter an email address, like name@example.org');
    expect(calls.filter((c) => c.path === '/v1/admin/sign-in')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('keyboard only: type the address, Enter → POST sign-in → "Check your email" takes focus', async () => {
    const el = await open();
    await waitUntil(() => signInRoot(el)?.querySelector('form'));
    el.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('email');
    await sendKeys({ type: ' ailsa@example.org ' });
    await sendKeys({ press: 'Enter' });
    const root = signInRoot(el)!;
    await waitUntil(() => root.querySelector('#sent'), 'never said "Check your email"');
    expect(calls.find((c) => c.path === '/v1/admin/sign-in')?.body).to.deep.equal({ email: 'ailsa@example.org' });
    expect(text(root, '#sent')).to.equal('Check your email');
    expect(text(root, 'p')).to.contain('ailsa@example.org');
    await waitUntil(() => focused() === 'sent', `focus is on ${focused()}`);
    await expect(el).to.be.accessible();
  });

  it('a problem from the server is said in words (rate limited: title and how long to wait)', async () => {
    answers['POST /v1/admin/sign-in'] = () => problem(429, 'rate-limited', 'Too many sign-in attempts', { retryAfter: 600 });
    const el = await open();
    await waitUntil(() => signInRoot(el)?.querySelector('form'));
    const root = signInRoot(el)!;
    root.querySelector('input')!.value = 'ailsa@example.org';
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => root.querySelector('.error-summary'));
    expect(text(root, '.error-summary li')).to.equal('Too many sign-in attempts. Wait 10 minutes, then try again.');
    expect(root.querySelector('input')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('the emailed link: exchanges #sign-in=<token>, removes it from the address, shows the console', async () => {
    history.replaceState(null, '', `${page}#sign-in=${TOKEN}`);
    const el = await open();
    expect(location.hash).to.equal('');
    await waitUntil(() => tableOf(el)?.shadowRoot?.querySelector('tbody tr'), 'no sessions table');
    expect(calls[0]).to.include({ method: 'POST', path: '/v1/admin/session' });
    expect(calls[0]!.body).to.deep.equal({ token: TOKEN });
    expect(text(el.shadowRoot, 'header')).to.contain('Signed in as Ailsa Organiser');
    expect(location.href).to.equal(page);
  });

  it('a spent link says why and offers the form again', async () => {
    history.replaceState(null, '', `${page}#sign-in=${'B'.repeat(43)}`);
    const el = await open();
    await waitUntil(() => signInRoot(el)?.querySelector('form'));
    expect(location.hash).to.equal('');
    expect(text(signInRoot(el), '.state')).to.equal('This sign-in link does not work. Ask for a new link.');
  });

  it('sign out sends the CSRF token and returns to the form', async () => {
    const el = await signedInConsole();
    el.shadowRoot!.querySelector<HTMLButtonElement>('header button')!.click();
    await waitUntil(() => signInRoot(el)?.querySelector('form'));
    const out = calls.find((c) => c.path === '/v1/admin/sign-out')!;
    expect(out.method).to.equal('POST');
    expect(out.headers['x-csrf-token']).to.equal(CSRF);
    expect(text(signInRoot(el), '.state')).to.equal('You have signed out.');
  });
});

describe('organiser console: sessions table', () => {
  it('a table with caption, scoped headers and one row per session with its numbers', async () => {
    const el = await signedInConsole();
    const root = tableOf(el)!.shadowRoot;
    expect(text(root, 'caption')).to.equal(`${managed.length} sessions`);
    expect([...root.querySelectorAll('thead th')].map((th) => `${th.textContent!.trim()}:${th.getAttribute('scope')}`)).to.deep.equal(
      ['Module', 'Date and time', 'Area', 'Capacity', 'Taken', 'Pending', 'Waiting'].map((c) => `${c}:col`),
    );
    const first = root.querySelector('tbody tr')!;
    const title = fixtures.modules.find((m) => m.id === managed[0]!.session.moduleId)!.title;
    expect(first.querySelector('th')!.getAttribute('scope')).to.equal('row');
    expect(text(first, 'th')).to.contain(title);
    expect([...first.querySelectorAll('td')].slice(1).map((td) => td.textContent!.trim())).to.deep.equal(
      ['Glasgow', managed[0]!.counts.capacity, 0, 1, 0].map(String),
    );
    await expect(el).to.be.accessible();
  });

  it('filters go to the server: area and module as chosen, dates as the day’s bounds', async () => {
    const el = await signedInConsole();
    const table = tableOf(el)!;
    const root = table.shadowRoot;
    expect([...root.querySelectorAll('#f-area option')].map((o) => o.textContent)).to.deep.equal(['All', 'Edinburgh', 'Glasgow']);
    const area = root.querySelector<HTMLSelectElement>('#f-area')!;
    area.value = 'Edinburgh';
    area.dispatchEvent(new Event('change'));
    await waitUntil(() => text(root, 'caption') === `${managed.filter((m) => m.session.area === 'Edinburgh').length} sessions`);
    expect(calls.at(-1)!.query.get('area')).to.equal('Edinburgh');
    const from = root.querySelector<HTMLInputElement>('#f-from')!;
    from.value = '2030-01-15';
    from.dispatchEvent(new Event('change'));
    await waitUntil(() => calls.at(-1)!.query.get('from'));
    const last = calls.at(-1)!.query;
    expect(new Date(last.get('from')!).getTime()).to.equal(new Date('2030-01-15T00:00:00').getTime());
    expect(last.get('area')).to.equal('Edinburgh');
    answers['GET /v1/admin/sessions'] = () => json({ sessions: [] });
    const module = root.querySelector<HTMLSelectElement>('#f-module')!;
    module.value = fixtures.modules[0]!.id;
    module.dispatchEvent(new Event('change'));
    await waitUntil(() => text(root, '.state') === 'No sessions match these filters.');
    expect(calls.at(-1)!.query.get('module')).to.equal(fixtures.modules[0]!.id);
  });

  it('at 320 px (480 in WebKit, whose window cannot be narrower) the rows reflow into labelled blocks: nothing scrolls sideways, still axe-clean', async () => {
    const width = engine === 'webkit' ? 480 : 320;
    await setViewport({ width, height: 640 });
    const el = await signedInConsole();
    const root = tableOf(el)!.shadowRoot;
    await waitUntil(() => getComputedStyle(root.querySelector('tbody tr')!).display === 'block', 'rows did not reflow');
    expect(document.documentElement.scrollWidth).to.be.at.most(width);
    const cell = root.querySelector('tbody td')!;
    // Chromium resolves attr() in the computed value; Firefox and WebKit report it as written.
    const label = getComputedStyle(cell, '::before').content;
    expect(label === 'attr(data-label)' ? `"${cell.getAttribute('data-label')}"` : label).to.equal('"Date and time"');
    await expect(el).to.be.accessible();
  });

  it('a failed load says so in words', async () => {
    answers['GET /v1/admin/sessions'] = () => problem(403, 'forbidden', 'You cannot see that area');
    signedIn = true;
    const el = await open();
    await waitUntil(() => tableOf(el)?.shadowRoot?.querySelector('.state.error'));
    expect(text(tableOf(el)!.shadowRoot, '.state.error')).to.equal('You cannot see that area.');
  });
});
