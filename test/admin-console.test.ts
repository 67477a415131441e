/**
 * The organiser console (issue 12) in a real browser: sign-in (validation, "Check your email",
 * the emailed link's token exchanged and taken out of the address), the sessions table (rows,
 * filters sent to the server, 320 px without sideways scrolling), axe, keyboard only.
 *
 * The harness (built console, faked API) is test/helpers/admin-fake.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fixtures } from './helpers/mock-api.js';
import { engine } from './helpers/engine.js';
import { setViewport } from './helpers/viewport.js';
import { CSRF, fake, focused, json, managed, open, page, problem, signedInConsole, signInRoot, tableOf, text, TOKEN, useAdminFake } from './helpers/admin-fake.js';

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => unknown): void;

useAdminFake();

describe('organiser console: sign-in', () => {
  it('asks for an email when nobody is signed in (GET /me says 401), with no notice', async () => {
    const el = await open();
    await waitUntil(() => signInRoot(el)?.querySelector('form'), 'no sign-in form');
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).to.deep.equal(['GET /v1/admin/me']);
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
    expect(fake.calls.filter((c) => c.path === '/v1/admin/sign-in')).to.have.length(0);
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
    expect(fake.calls.find((c) => c.path === '/v1/admin/sign-in')?.body).to.deep.equal({ email: 'ailsa@example.org' });
    expect(text(root, '#sent')).to.equal('Check your email');
    expect(text(root, 'p')).to.contain('ailsa@example.org');
    await waitUntil(() => focused() === 'sent', `focus is on ${focused()}`);
    await expect(el).to.be.accessible();
  });

  it('a problem from the server is said in words (rate limited: title and how long to wait)', async () => {
    fake.answers['POST /v1/admin/sign-in'] = () => problem(429, 'rate-limited', 'Too many sign-in attempts', { retryAfter: 600 });
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
    expect(fake.calls[0]).to.include({ method: 'POST', path: '/v1/admin/session' });
    expect(fake.calls[0]!.body).to.deep.equal({ token: TOKEN });
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
    const out = fake.calls.find((c) => c.path === '/v1/admin/sign-out')!;
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
      ['Module', 'Date and time', 'Area', 'Status', 'Capacity', 'Taken', 'Pending', 'Waiting'].map((c) => `${c}:col`),
    );
    const first = root.querySelector('tbody tr')!;
    const title = fixtures.modules.find((m) => m.id === managed[0]!.session.moduleId)!.title;
    expect(first.querySelector('th')!.getAttribute('scope')).to.equal('row');
    expect(text(first, 'th')).to.contain(title);
    expect([...first.querySelectorAll('td')].slice(1).map((td) => td.textContent!.trim())).to.deep.equal(
      ['Glasgow', 'Published', managed[0]!.counts.capacity, 0, 1, 0].map(String),
    );
    await expect(el).to.be.accessible();
  });

  it('"New session" links to #new; each title links to its session’s page; the status says Draft, Published or Cancelled', async () => {
    const rows = [managed[0]!, { ...managed[1]!, published: false }, { ...managed[2]!, session: { ...managed[2]!.session, status: 'cancelled' as const } }];
    fake.answers['GET /v1/admin/sessions'] = () => json({ sessions: rows });
    const el = await signedInConsole();
    const root = tableOf(el)!.shadowRoot;
    expect(text(root, 'a[href="#new"]')).to.equal('New session');
    const links = [...root.querySelectorAll('tbody th a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(rows.map((r) => `#session=${r.session.id}`));
    const title = fixtures.modules.find((m) => m.id === rows[1]!.session.moduleId)!.title;
    expect(text(root, `a[href="#session=${rows[1]!.session.id}"]`)).to.equal(title);
    expect([...root.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[2]!.textContent!.trim())).to.deep.equal(['Published', 'Draft', 'Cancelled']);
    await expect(el).to.be.accessible();
  });

  it('export: a download link to the CSV with the table’s area and UK dates; access needs only when ticked, with a hint why', async () => {
    const el = await signedInConsole();
    const root = tableOf(el)!.shadowRoot;
    const href = () => root.querySelector<HTMLAnchorElement>('a#export')!.getAttribute('href');
    expect(href()).to.equal('https://console.mobilise.test/v1/admin/signups.csv');
    const box = root.querySelector<HTMLInputElement>('#include-access-needs')!;
    expect(box.checked).to.equal(false);
    expect(text(root, `#${box.getAttribute('aria-describedby')}`)).to.contain('may be health data');
    const area = root.querySelector<HTMLSelectElement>('#f-area')!;
    area.value = 'Glasgow';
    area.dispatchEvent(new Event('change'));
    const from = root.querySelector<HTMLInputElement>('#f-from')!;
    from.value = '2030-07-15';
    from.dispatchEvent(new Event('change'));
    await waitUntil(() => href()!.includes('from'), 'the export link never took the dates');
    expect(href()).to.equal('https://console.mobilise.test/v1/admin/signups.csv?area=Glasgow&from=2030-07-15T00%3A00%3A00%2B01%3A00');
    box.click();
    await waitUntil(() => href()!.includes('include'), 'the export link never asked for access needs');
    const url = new URL(href()!);
    expect([...url.searchParams]).to.deep.equal([
      ['area', 'Glasgow'],
      ['from', '2030-07-15T00:00:00+01:00'],
      ['include', 'access-needs'],
    ]);
    box.click();
    await waitUntil(() => !href()!.includes('include'), 'unticked, the link still asks for access needs');
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
    expect(fake.calls.at(-1)!.query.get('area')).to.equal('Edinburgh');
    const from = root.querySelector<HTMLInputElement>('#f-from')!;
    // A summer day: the UK's day starts at 23:00 UTC the day before, whatever the browser's zone.
    from.value = '2030-07-15';
    from.dispatchEvent(new Event('change'));
    await waitUntil(() => fake.calls.at(-1)!.query.get('from'));
    let last = fake.calls.at(-1)!.query;
    expect(last.get('from')).to.equal('2030-07-15T00:00:00+01:00');
    expect(last.get('area')).to.equal('Edinburgh');
    const to = root.querySelector<HTMLInputElement>('#f-to')!;
    to.value = '2030-01-20';
    to.dispatchEvent(new Event('change'));
    await waitUntil(() => fake.calls.at(-1)!.query.get('to'));
    last = fake.calls.at(-1)!.query;
    expect(last.get('to')).to.equal('2030-01-20T23:59:59.999+00:00');
    fake.answers['GET /v1/admin/sessions'] = () => json({ sessions: [] });
    const module = root.querySelector<HTMLSelectElement>('#f-module')!;
    module.value = fixtures.modules[0]!.id;
    module.dispatchEvent(new Event('change'));
    await waitUntil(() => text(root, '.state') === 'No sessions match these filters.');
    expect(fake.calls.at(-1)!.query.get('module')).to.equal(fixtures.modules[0]!.id);
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
    fake.answers['GET /v1/admin/sessions'] = () => problem(403, 'forbidden', 'You cannot see that area');
    fake.signedIn = true;
    const el = await open();
    await waitUntil(() => tableOf(el)?.shadowRoot?.querySelector('.state.error'));
    expect(text(tableOf(el)!.shadowRoot, '.state.error')).to.equal('You cannot see that area.');
  });
});
