/**
 * The organiser console's requests view (#requests) in a real browser: module requests waiting
 * for a session, pooled per module and area, as counts (never an address); who sees which areas
 * said in words; UK times; loading, empty and error states; Refresh by keyboard; 320 px reflow; axe.
 *
 * The harness (built console, faked API) is test/helpers/admin-fake.ts. What the server counts and
 * for whom is checked in server/test/module-requests.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { engine } from './helpers/engine.js';
import { setViewport } from './helpers/viewport.js';
import { admin, fake, focused, inner, json, organiser, problem, signedInConsole, text, useAdminFake } from './helpers/admin-fake.js';

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => unknown): void;

useAdminFake();

const POOLED = 'GET /v1/admin/module-requests';
const ROWS = [
  // 17:30 UTC in July is 18:30 in the UK; in January the same.
  { moduleId: 'voter-persuasion', moduleTitle: 'Voter Persuasion', area: 'Glasgow', waiting: 12, newest: '2027-07-01T17:30:00.000Z' },
  { moduleId: 'field-organising-1', moduleTitle: 'Field Organising (part one)', area: 'Edinburgh', waiting: 1, newest: '2027-01-04T09:05:00.000Z' },
];

const requestsRoot = (el: Element) => inner(el, 'mobilise-admin-requests')?.shadowRoot;
const cells = (tr: Element) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());

async function requestsView(who: typeof fake.who = organiser) {
  fake.who = who;
  const el = await signedInConsole('#requests');
  await waitUntil(() => requestsRoot(el)?.querySelector('table, .state:not([role])') && !requestsRoot(el)?.querySelector('[aria-busy="true"]'), 'the requests view never rendered');
  await waitUntil(() => !/Loading/.test(text(requestsRoot(el), '.state')), 'still loading');
  return { el, root: requestsRoot(el)! };
}

describe('organiser console: module requests', () => {
  it('the header links to it; pooled counts per module and area, most asked first, in UK time; no address anywhere', async () => {
    fake.answers[POOLED] = () => json({ requests: ROWS });
    const { el, root } = await requestsView();
    const nav = el.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href="#requests"]')!;
    expect(nav.textContent!.trim()).to.equal('Requests');
    expect(nav.getAttribute('aria-current')).to.equal('page');
    expect(text(root, 'h2')).to.equal('Requests for sessions');
    expect(root.textContent).to.contain('Your areas: Glasgow, Edinburgh.');
    expect(text(root, 'caption')).to.equal('13 people waiting, for 2 modules and areas, most asked first');
    expect([...root.querySelectorAll('thead th')].map((th) => `${th.textContent!.trim()}:${th.getAttribute('scope')}`)).to.deep.equal(
      ['Module', 'Area', 'People waiting', 'Newest request'].map((c) => `${c}:col`),
    );
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.getAttribute('scope'))).to.deep.equal(['row', 'row']);
    expect(rows.map(cells)).to.deep.equal([
      ['Voter Persuasion', 'Glasgow', '12 people', '1 Jul 2027, 18:30'],
      ['Field Organising (part one)', 'Edinburgh', '1 person', '4 Jan 2027, 09:05'],
    ]);
    expect(rows[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(ROWS[0]!.newest);
    expect(el.shadowRoot!.innerHTML + root.innerHTML).not.to.contain('@');
    await expect(el).to.be.accessible();
  });

  it('an admin is told it is every area, and an empty list says nobody is waiting', async () => {
    fake.answers[POOLED] = () => json({ requests: [] });
    const { el, root } = await requestsView(admin);
    expect(root.textContent).to.contain('Every area.');
    expect(text(root, '.state')).to.equal('Nobody is waiting for a session.');
    expect(root.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an organiser’s empty list names their areas; a failure is said in words and Refresh (keyboard) tries again', async () => {
    let fail = true;
    fake.answers[POOLED] = () => (fail ? problem(503, 'server-error', 'The service is busy', { detail: 'Try again in a minute.' }) : json({ requests: [ROWS[1]] }));
    fake.who = organiser;
    const el = await signedInConsole('#requests');
    await waitUntil(() => requestsRoot(el)?.querySelector('.state.error'), 'no error shown');
    const root = requestsRoot(el)!;
    expect(text(root, '.state.error')).to.equal('The service is busy. Try again in a minute.');
    expect(root.querySelector('.state.error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();

    fail = false;
    root.querySelector<HTMLButtonElement>('#requests-refresh')!.focus();
    expect(focused()).to.equal('requests-refresh');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('tbody tr'), 'Refresh did not load the list');
    expect(root.querySelector('.state.error')).to.equal(null);
    expect(cells(root.querySelector('tbody tr')!)).to.deep.equal(['Field Organising (part one)', 'Edinburgh', '1 person', '4 Jan 2027, 09:05']);
    expect(fake.calls.filter((c) => `${c.method} ${c.path}` === POOLED)).to.have.length(2);

    fake.answers[POOLED] = () => json({ requests: [] });
    await sendKeys({ press: ' ' });
    await waitUntil(() => text(root, '.state') === 'Nobody is waiting for a session in your areas.', 'Space did not refresh to the empty list');
    await expect(el).to.be.accessible();
  });

  it('reached by keyboard from the header: Tab to "Requests", Enter opens it and focus moves to the view', async () => {
    fake.answers[POOLED] = () => json({ requests: ROWS });
    const el = await signedInConsole();
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href="#requests"]')!;
    el.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href="#new"]')!.focus();
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => el.shadowRoot!.activeElement === link, `focus is on ${focused()}`);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => requestsRoot(el)?.querySelector('tbody tr'), 'Enter did not open the requests');
    expect(location.hash).to.equal('#requests');
    await waitUntil(() => el.shadowRoot!.activeElement?.localName === 'main', `focus is on ${focused()}`);
  });

  it('at 320 px (480 in WebKit) the rows reflow into labelled blocks: nothing scrolls sideways; axe-clean', async () => {
    const width = engine === 'webkit' ? 480 : 320;
    await setViewport({ width, height: 640 });
    fake.answers[POOLED] = () => json({ requests: ROWS });
    const { el, root } = await requestsView();
    await waitUntil(() => getComputedStyle(root.querySelector('tbody tr')!).display === 'block', 'rows did not reflow');
    expect(document.documentElement.scrollWidth).to.be.at.most(width);
    const cell = root.querySelector('tbody td')!;
    // Chromium resolves attr() in the computed value; Firefox and WebKit report it as written.
    const label = getComputedStyle(cell, '::before').content;
    expect(label === 'attr(data-label)' ? `"${cell.getAttribute('data-label')}"` : label).to.equal('"Area"');
    await expect(el).to.be.accessible();
  });

  it('data rights: a person who only asked for modules is found (each request in words), erased, and the erasure counted; the audit says who a publish emailed', async () => {
    const email = 'asks.only@example.org';
    const asked = (status: string, extra: object = {}) => ({
      moduleId: 'voter-persuasion', moduleTitle: 'Voter Persuasion', area: 'Glasgow', status, email, language: 'gd', page: 'https://clp.example.org/training',
      createdAt: '2027-07-01T17:30:00.000Z', confirmedAt: null, consentVersion: null, notifiedAt: null, notifiedSessionId: null, ...extra,
    });
    fake.answers['POST /v1/admin/people/search'] = () =>
      json({
        email, generatedAt: '2027-07-02T09:00:00.000Z', signups: [], bookingLinks: [], signupRequests: [],
        emails: [{ reference: null, kind: 'request-confirm', subject: 'Dearbh an t-iarrtas agad: Voter Persuasion', status: 'sent', dueAt: '2027-07-01T17:30:00.000Z', sentAt: '2027-07-01T17:30:05.000Z' }],
        moduleRequests: [
          asked('notified', { confirmedAt: '2027-07-01T18:00:00.000Z', consentVersion: 'request-2026-11', notifiedAt: '2027-08-01T09:00:00.000Z', notifiedSessionId: 'voter-persuasion-2027-08-20-abc123' }),
          asked('pending', { area: 'Paisley' }),
        ],
      });
    fake.answers['POST /v1/admin/people/erase'] = () => json({ signups: 0, bookingsWithdrawn: 0, emailsCancelled: 0, emailBodiesRemoved: 1, bookingLinksDeleted: 0, signupRequests: 0, moduleRequests: 2 });
    fake.who = admin;
    const el = await signedInConsole('#people');
    await waitUntil(() => inner(el, 'mobilise-admin-people')?.shadowRoot?.querySelector('#person-email'), 'the people view never rendered');
    const root = inner(el, 'mobilise-admin-people')!.shadowRoot;
    root.querySelector<HTMLInputElement>('#person-email')!.value = email;
    root.querySelector<HTMLButtonElement>('#person-search')!.click();
    await waitUntil(() => root.querySelector('#person-result'), 'no result');
    expect(root.textContent).not.to.contain('We hold nothing');
    expect(root.textContent).to.contain('2 module requests:');
    const words = (a: Element) => [a.querySelector('h4')!.textContent!.trim(), ...[...a.querySelectorAll('dl > div')].map((d) => `${d.querySelector('dt')!.textContent!.trim()}: ${d.querySelector('dd')!.textContent!.trim()}`)];
    const [closed, pending] = [...root.querySelectorAll('article')].map(words);
    expect(closed).to.deep.equal([
      'Asked for Voter Persuasion in Glasgow',
      'Status: Emailed about a session (closed)',
      'Asked: 1 Jul 2027, 18:30',
      'Consent: Given 1 Jul 2027, 19:00, wording version request-2026-11',
      'Emailed: 1 Aug 2027, 10:00, about session voter-persuasion-2027-08-20-abc123',
      'Language: gd',
      'Page: https://clp.example.org/training',
    ]);
    expect(pending).to.include.members(['Asked for Voter Persuasion in Paisley', 'Status: Not yet confirmed by email', 'Consent: Not given (not confirmed)']);
    await expect(el).to.be.accessible();

    root.querySelector<HTMLInputElement>('#erase-confirm')!.click();
    root.querySelector<HTMLButtonElement>('#erase')!.click();
    await waitUntil(() => root.querySelector('#erase-result'), 'no erase result');
    expect(text(root, '#erase-result')).to.contain('2 module requests deleted');

    fake.answers['GET /v1/admin/audit'] = () =>
      json({
        entries: [
          { id: '2', at: '2027-07-01T17:30:00.000Z', actor: '1', actorName: 'Morag Admin', action: 'session.publish', target: 's-1', detail: { emailed: 2 } },
          { id: '1', at: '2027-07-01T17:00:00.000Z', actor: '1', actorName: 'Morag Admin', action: 'session.publish', target: 's-0', detail: {} },
        ],
      });
    location.hash = '#audit';
    await waitUntil(() => inner(el, 'mobilise-admin-audit')?.shadowRoot?.querySelector('tbody tr'), 'no audit rows');
    const details = [...inner(el, 'mobilise-admin-audit')!.shadowRoot.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[3]!.textContent!.trim());
    expect(details).to.deep.equal(['emails queued for 2 people who asked for it there', '']);
  });
});
